#!/usr/bin/env python3
"""Real-browser journey: a person new to the platform starts it, signs in with the printed
administrator password, looks at the reference pages, creates an organization and a focal
point, makes a mistake in a form, signs out, and the new focal point signs in.

Headless Chromium through Selenium (Debian's chromium + chromium-driver, selenium from PyPI).
Usage: browser.py --binary PATH [--database-url postgres://...] [--screenshots DIR]
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

# Selenium must not look anything up on the network (driver downloads, usage statistics).
os.environ.setdefault("SE_AVOID_STATS", "true")
os.environ.setdefault("SE_OFFLINE", "true")

import icalendar
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

passed = 0
failed = 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAILED: {name} {detail}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(binary, data_dir, database_url, log):
    port = free_port()
    command = [binary, "serve", "--data-dir", data_dir, "--port", str(port), "--log-level", "info"]
    if database_url:
        command += ["--database-url", database_url]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WSIS_")}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
    lines = []
    deadline = time.time() + 60
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Press Ctrl-C to stop." in line:
            break
    output = "".join(lines)
    url = re.search(r"(http://127\.0\.0\.1:\d+/)", output)
    password = re.search(r"password:\s+(\S+)", output)
    email = re.search(r"e-mail:\s+(\S+)", output)
    if not (url and password and email):
        process.kill()
        raise SystemExit(f"the server did not start as expected:\n{output}")
    return process, url.group(1).rstrip("/"), email.group(1), password.group(1)


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"]:
        options.add_argument(argument)
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    label = "postgres" if args.database_url else "sqlite"
    work = tempfile.mkdtemp(prefix="wsis-browser-")
    log = open(os.path.join(work, "server.log"), "w")
    server, base, admin_email, admin_password = start_server(binary, os.path.join(work, "data"), args.database_url, log)
    driver = browser()
    shots = args.screenshots

    def shot(name):
        if shots:
            os.makedirs(shots, exist_ok=True)
            driver.save_screenshot(os.path.join(shots, f"{label}-{name}.png"))

    def go(path):
        driver.get(base + path)

    def field(element_id):
        return driver.find_element(By.ID, element_id)

    def settled():
        WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def submit(form_button_text, navigates=True):
        """Clicks the button and waits for the next page, as a person would. The click is made once
        (a second one could send the form twice); only finding the button is retried."""
        settled()
        # A mark on the current document: the next page will not carry it. (Watching the old
        # <html> element go stale is not reliable: Chromium sometimes answers "node does not
        # belong to the document" instead of "stale".)
        driver.execute_script("window.__journeyOldPage = true")
        button = None
        for attempt in range(3):
            try:
                buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, "button[type=submit]") if b.text.strip() == form_button_text]
                if buttons:
                    button = buttons[0]
                    break
            except WebDriverException:
                pass
            time.sleep(0.3)
        if button is None:
            raise AssertionError(f"no button {form_button_text!r}")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        try:
            button.click()
        except WebDriverException:
            # Something covered the button for a moment: press it directly.
            driver.execute_script("arguments[0].click()", button)
        if navigates:
            WebDriverWait(driver, 60, ignored_exceptions=(WebDriverException,)).until(
                lambda d: d.execute_script("return window.__journeyOldPage === undefined"))
            settled()

    try:
        # The public pages.
        go("/")
        check("home page title", "WSIS+20 review platform" in driver.title, driver.title)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        check("the first Tab reaches the skip link", active.get_attribute("class") == "skip", active.get_attribute("outerHTML")[:80])
        shot("home")
        go("/sdgs")
        check("17 goals listed", len(driver.find_elements(By.CSS_SELECTOR, "ol.goals > li")) == 17)
        go("/action-lines")
        check("19 Action Line rows", len(driver.find_elements(By.CSS_SELECTOR, "tbody th[scope=row]")) == 19)
        go("/matrix")
        check("matrix: 18 rows", len(driver.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr")) == 18)
        check("matrix: 187 links", "187 links" in driver.page_source)
        shot("matrix")

        # A protected page sends to sign-in, and back after it.
        go("/admin/users")
        check("protected page asks to sign in", "/sign-in" in driver.current_url, driver.current_url)
        field("email").send_keys(admin_email)
        field("password").send_keys("not the password")
        submit("Sign in")
        check("wrong password is refused", "The e-mail or the password is not right." in driver.page_source)
        field("password").send_keys(admin_password)
        submit("Sign in")
        check("signed in, back where I was going", driver.current_url.endswith("/admin/users"), driver.current_url)

        # An organization.
        go("/admin/organizations")
        submit("Add the organization", navigates=False)  # nothing filled in: the browser itself stops it
        check("empty form: the browser refuses it", driver.current_url.endswith("/admin/organizations") and "has been added" not in driver.page_source)
        driver.execute_script("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
        submit("Add the organization")
        check("server-side errors beside the fields", "org-name-error" in driver.page_source and "This is required." in driver.page_source)
        shot("organization-errors")
        field("org-name").send_keys("Ministry of Information and Communications Technology")
        Select(field("org-type")).select_by_value("government")
        Select(field("org-country")).select_by_value("KEN")
        Select(field("org-membership")).select_by_value("member-state")
        submit("Add the organization")
        check("organization created", "has been added" in driver.page_source)

        # A focal point in it.
        go("/admin/users")
        field("user-name").send_keys("Wanjiru Kamau")
        field("user-email").send_keys("wanjiru@example.ke")
        Select(field("user-organization")).select_by_visible_text("Ministry of Information and Communications Technology")
        field("role-focal-point").click()
        submit("Add the account")
        generated = field("generated-password").text.strip()
        check("user created with a generated password", len(generated) == 20, generated)
        shot("user-created")

        # A resolution: the founding document when ../shared is beside the project, else our own fixture.
        here = os.path.dirname(os.path.abspath(__file__))
        founding = os.path.join(here, "..", "..", "..", "shared", "corpus", "itu-council-C23-85-E.txt")
        document = founding if os.path.exists(founding) else os.path.join(here, "..", "ResolutionsTests", "Fixtures", "itu-council-draft-en.txt")
        go("/resolutions/new")
        field("file").send_keys(os.path.abspath(document))
        submit("Read the resolution")
        check("the import shows a draft", "This is a draft." in driver.page_source, driver.current_url)
        check("the structure has anchors", len(driver.find_elements(By.CSS_SELECTOR, "li[id^='op_']")) >= 3)
        check("the source text is highlighted", len(driver.find_elements(By.CSS_SELECTOR, "pre.source-text mark")) >= 5)
        resolution_url = driver.current_url
        shot("resolution-draft")
        submit("Confirm the structure")
        check("confirmed", "This is a draft." not in driver.page_source)

        # Its mandates: the proposals, accepted at once; an update with evidence moves the roll-up.
        driver.find_element(By.PARTIAL_LINK_TEXT, "Mandates from this resolution").click()
        settled()
        rows = driver.find_elements(By.CSS_SELECTOR, "table.mandates tbody tr")
        check("the board proposes a mandate per operative paragraph", len(rows) >= (27 if document == founding else 3), str(len(rows)))
        check("the board starts at 0%", 'value="0">0%' in driver.page_source)
        submit("Accept every proposal")
        check("every proposal accepted", "Proposals waiting" not in driver.page_source and "badge draft" not in driver.page_source,
              f"{driver.current_url}: {driver.page_source.count('Proposals waiting')} notices, {driver.page_source.count('badge draft')} proposals left")
        board_url = driver.current_url
        shot("mandate-board")
        first = driver.find_elements(By.CSS_SELECTOR, "table.mandates tbody tr td:nth-child(3) a")[0]
        first.click()
        settled()
        mandate_url = driver.current_url
        field("note").send_keys("The first report was sent to the Working Group.")
        Select(field("status")).select_by_value("in-progress")
        field("progress").clear()
        field("progress").send_keys("60")
        field("evidence").send_keys("https://www.itu.int/en/council/cwg-wsis/Pages/default.aspx")
        submit("Record the update")
        check("the update is in the history", "The first report was sent to the Working Group." in driver.page_source
              and "Status: Not started → In progress" in driver.page_source)
        check("the evidence is a link", len(driver.find_elements(By.CSS_SELECTOR, "a[href^='https://www.itu.int/en/council/cwg-wsis']")) == 1)
        driver.find_element(By.CSS_SELECTOR, "details.correct summary").click()
        field("owner").clear()
        field("owner").send_keys("Ministry of Information and Communications Technology")
        submit("Save the changes")
        shot("mandate")
        # The calendar, and its feed read by a real iCalendar parser.
        go("/calendar")
        check("the calendar lists the WSIS+20 high-level event", "WSIS+20 Forum High-Level Event" in driver.page_source)
        go("/calendar?month=2024-05")
        check("the month view shows it on the 27th", "WSIS+20 Forum" in driver.find_element(By.CSS_SELECTOR, "table.month").text)
        shot("calendar-month")
        with urllib.request.urlopen(base + "/calendar.ics") as response:
            feed = icalendar.Calendar.from_ical(response.read())
        uids = {str(event["UID"]) for event in feed.walk("VEVENT")}
        check("the iCalendar feed parses, with stable UIDs", "milestone-wsis20-high-level-event-2024@wsis20-platform" in uids, str(len(uids)))
        with urllib.request.urlopen(base + "/calendar/actors/secretary-general/feed.ics") as response:
            check("one actor's feed parses", icalendar.Calendar.from_ical(response.read()) is not None)
        driver.get(board_url)
        settled()
        check("the roll-up moved", 'value="0">0%' not in driver.page_source.split("Progress of the whole resolution")[1][:120])

        go("/admin/audit")
        check("audit trail intact", "is intact" in field("chain-status").text, field("chain-status").text)
        check("the import and the confirmation are audited", "resolution.import" in driver.page_source and "resolution.confirm" in driver.page_source)
        shot("audit")

        submit("Sign out")
        check("signed out", "Sign in" in driver.page_source and "/profile" not in driver.page_source)

        # The new focal point signs in.
        go("/sign-in")
        field("email").send_keys("wanjiru@example.ke")
        field("password").send_keys(generated)
        submit("Sign in")
        check("focal point reaches the profile", driver.current_url.endswith("/profile"), driver.current_url)
        check("profile shows the organization", "Ministry of Information and Communications Technology" in driver.page_source)
        driver.get(resolution_url + "#op_2__para_1")
        check("a focal point reads the confirmed resolution", "instructs" in driver.page_source and "Confirm the structure" not in driver.page_source)
        driver.get(mandate_url)
        settled()
        field("note").send_keys("Our ministry has shared its experience.")
        submit("Record the update")
        check("the owner's focal point reports on the mandate", "Our ministry has shared its experience." in driver.page_source
              and "wanjiru@example.ke" in driver.page_source)
        go("/admin/users")
        check("focal point may not manage accounts", "Not allowed" in driver.page_source)
        check("the error page still shows who is signed in", "Wanjiru Kamau" in driver.page_source)
        shot("forbidden")

        # The focal point submits an activity; the matrix suggests goals for its Action Line.
        go("/activities/new")
        field("title_en").send_keys("Community broadband for Lamu schools")
        field("summary_en").send_keys("Connects island schools in Lamu to broadband and trains their teachers.")
        field("countries").send_keys("KEN")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field("primary-C2"))
        field("primary-C2").click()
        submit("Suggest SDGs from the matrix")
        check("the matrix suggests goals, none ticked", "suggestions" in driver.page_source and "(suggested)" in driver.page_source
              and not any(box.is_selected() for box in driver.find_elements(By.CSS_SELECTOR, "input[name=sdg_goals]")))
        box = driver.find_element(By.CSS_SELECTOR, "input[name=sdg_goals][value='9']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        submit("Save")
        check("the activity is a draft", "Draft" in field("activity-state").text, driver.current_url)
        activity_url = driver.current_url
        submit("Submit for review")
        check("submitted for review", "Submitted for review" in field("activity-state").text)
        shot("activity-submitted")
        submit("Sign out")

        # A reviewer (the administrator) publishes it; the public finds it.
        go("/sign-in")
        field("email").send_keys(admin_email)
        field("password").send_keys(admin_password)
        submit("Sign in")
        go("/activities/queue")
        check("the moderation queue lists it", "Community broadband for Lamu schools" in driver.page_source)
        driver.get(activity_url)
        submit("Publish")
        check("published", "Published" in field("activity-state").text)
        submit("Sign out")
        go("/activities?q=lamu+broadband")
        check("the search finds it, words marked", len(driver.find_elements(By.CSS_SELECTOR, "ol.hits mark")) >= 2
              and "1 activity<" in driver.page_source, driver.page_source[driver.page_source.find("<main"):][:1500])
        facet = [a for a in driver.find_elements(By.CSS_SELECTOR, "aside.facets a") if a.text.startswith("9 ")]
        check("a facet value is a filter link", len(facet) == 1)
        if facet:
            facet[0].click()
            settled()
            check("the filter keeps the search", "sdg=9" in driver.current_url and "1 activity<" in driver.page_source, driver.current_url)
        shot("activities-search")

        # Languages: the switcher changes the page's language and its address, and the choice is remembered.
        go("/activities")
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang='fr']").click()
        settled()
        check("the switcher opens the page in French", driver.current_url.endswith("/fr/activities")
              and driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr", driver.current_url)
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang='ar']").click()
        settled()
        html = driver.find_element(By.TAG_NAME, "html")
        check("Arabic reads right to left", html.get_attribute("dir") == "rtl" and driver.current_url.endswith("/ar/activities"), driver.current_url)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check("the Arabic page does not scroll sideways at 1280 px", overflow <= 1, str(overflow))
        shot("activities-arabic")
        go("/sdgs")
        check("the choice is remembered: an address without a language opens in Arabic", driver.current_url.endswith("/ar/sdgs"), driver.current_url)
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang='en']").click()
        settled()
        go("/sdgs")
        check("English chosen again is remembered", driver.current_url.endswith("/sdgs") and "/ar/" not in driver.current_url
              and driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", driver.current_url)

        # On a phone (390 px) no page scrolls sideways, in English or in Arabic: wide tables scroll in their own box.
        driver.set_window_size(390, 900)
        wide = []
        for prefix in ["", "/ar"]:
            for page in ["/", "/activities", "/sdgs", "/sdgs/9", "/action-lines", "/matrix", "/calendar", "/calendar?month=2024-05",
                         "/resolutions", "/mandates", resolution_url.split(base, 1)[-1], mandate_url.split(base, 1)[-1], "/sign-in"]:
                go(prefix + page)
                overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if overflow > 1:
                    culprits = driver.execute_script(
                        "const W = document.documentElement.clientWidth; return [...document.querySelectorAll('main *')]"
                        ".filter(e => { const r = e.getBoundingClientRect(); return r.right > W + 1 || r.left < -1; })"
                        ".slice(0, 3).map(e => e.tagName + '.' + e.className).join(' ')")
                    wide.append(f"{prefix + page} (+{overflow}px: {culprits})")
        check("no page scrolls sideways at 390 px, in English and Arabic", not wide, ", ".join(wide))
        shot("mandates-390-arabic")
        driver.set_window_size(1280, 900)
    except Exception:
        # Show what the server said, so that a failure on a machine we cannot see can be understood.
        log.flush()
        print(f"the journey stopped at {driver.current_url}; the server's last log lines:")
        with open(os.path.join(work, "server.log")) as server_log:
            print("".join(server_log.readlines()[-30:]))
        raise
    finally:
        driver.quit()
        server.send_signal(signal.SIGTERM)
        try:
            code = server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            code = -1
        check("server stops cleanly on SIGTERM", code == 0, f"exit {code}")
        log.close()

    # The audit chain, checked from the command line after the journey.
    verify = [binary, "audit", "verify", "--data-dir", os.path.join(work, "data")]
    if args.database_url:
        verify += ["--database-url", args.database_url]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WSIS_")}
    result = subprocess.run(verify, capture_output=True, text=True, env=env)
    check("wsis audit verify: intact", result.returncode == 0 and "intact" in result.stdout, result.stdout + result.stderr)
    shutil.rmtree(work, ignore_errors=True)

    print(f"-- browser journey on {label}")
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
