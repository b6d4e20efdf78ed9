#!/usr/bin/env python3
"""Real-browser journey: a person new to the platform starts it, signs in with the printed
administrator password, looks at the reference pages, creates an organization and a focal
point, makes a mistake in a form, imports and confirms a resolution, accepts its mandates and
reports on one, signs out, and the new focal point signs in and submits an activity.

Then the main path (sign in, import a resolution, confirm it, accept its mandates, report progress
on a mandate, search activities) again through the Arabic and the French pages, with the language
versions of one Council resolution (Tests/ResolutionsTests/Fixtures/itu-council-{ar,en,fr}.txt):
the first confirmed proposes the mandates, the others none, and each is shown beside English.
Buttons are found by their form (its action) or their id, never by their words.

Last, every page in the six languages at 1280 px and at 390 px: no sideways scroll, no text outside
its box, no character drawn without a font that has it, and in English and Arabic at 1280 px no
axe-core violation of impact serious or critical (Tests/Journeys/pagecheck.py, which proves each of
these checks can fail). With --screenshots DIR, a picture of each: DIR/page-lang-width.png.

Headless Chromium through Selenium (Debian's chromium + chromium-driver, selenium and
axe-playwright-python, for its axe.min.js, from PyPI).
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
import urllib.parse
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pagecheck  # noqa: E402

LANGUAGES = ["ar", "zh", "en", "es", "fr", "ru"]
WIDTHS = [1280, 390]
AXE_LANGUAGES = {"en", "ar"}
FAILING_IMPACTS = {"serious", "critical"}

# The buttons of the journey, by their form or their id: the same in every language.
SIGN_IN = "form[action$='/sign-in'] button[type=submit]"
SIGN_OUT = "form[action$='/sign-out'] button[type=submit]"
ADD_ORGANIZATION = "form[action$='/admin/organizations'] button[type=submit]"
ADD_ACCOUNT = "form[action$='/admin/users'] button[type=submit]"
READ_RESOLUTION = "form[action$='/resolutions'][enctype='multipart/form-data'] button[type=submit]"
CONFIRM = "form[action$='/confirm'] button[type=submit]"
ACCEPT_ALL = "form[action$='/mandates/accept-all'] button[type=submit]"
RECORD_UPDATE = "form[action$='/updates'] button[type=submit]"
SAVE_MANDATE_EDIT = "form:has(input[name=decision][value=edit]) button[type=submit]"
SUGGEST_GOALS = "#suggest"
SAVE_ACTIVITY = "#save-activity"
SUBMIT_FOR_REVIEW = "#moderation button[name=step][value=submit]"
PUBLISH = "#moderation button[name=step][value=publish]"

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
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_script_timeout(120)
    # Scrollbars over the page, as on a phone: the page is laid out in the whole width of the window
    # (1280 or 390 px), not in that less a 15 px scrollbar.
    driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
    return driver


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    label = "postgres" if args.database_url else "sqlite"
    started = time.time()
    work = tempfile.mkdtemp(prefix="wsis-browser-")
    log = open(os.path.join(work, "server.log"), "w")
    server, base, admin_email, admin_password = start_server(binary, os.path.join(work, "data"), args.database_url, log)
    driver = browser()
    axe = pagecheck.axe_source()
    shots = args.screenshots
    if shots:
        os.makedirs(shots, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    fixtures = os.path.join(here, "..", "ResolutionsTests", "Fixtures")

    def shot(name):
        if shots:
            driver.save_screenshot(os.path.join(shots, f"{label}-{name}.png"))

    def go(path):
        driver.get(base + path)

    def field(element_id):
        return driver.find_element(By.ID, element_id)

    def count(selector):
        return len(driver.find_elements(By.CSS_SELECTOR, selector))

    def settled():
        WebDriverWait(driver, 15, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def language_of_page():
        return driver.execute_script("return [document.documentElement.lang, document.documentElement.dir]")

    def status():
        """The HTTP status of the page shown (Navigation Timing), so that an error page is not taken for the page."""
        return driver.execute_script("const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : 0")

    def path_of(url):
        """The address without the site and without a language prefix: /resolutions/ID."""
        path = url.split(base, 1)[-1].split("#", 1)[0]
        m = re.match(r"^/(ar|zh|en|es|fr|ru)(/.*|)$", path)
        return (m.group(2) or "/") if m else path

    def submit(selector, navigates=True):
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
                buttons = [b for b in driver.find_elements(By.CSS_SELECTOR, selector) if b.is_displayed()]
                if buttons:
                    button = buttons[0]
                    break
            except WebDriverException:
                pass
            time.sleep(0.3)
        if button is None:
            raise AssertionError(f"no button {selector!r} on {driver.current_url}")
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

    def sign_in(prefix, email, password):
        go(prefix + "/sign-in")
        field("email").send_keys(email)
        field("password").send_keys(password)
        submit(SIGN_IN)

    def sign_out():
        if count(SIGN_OUT):
            submit(SIGN_OUT)

    def import_resolution(prefix, document):
        go(prefix + "/resolutions/new")
        field("file").send_keys(os.path.abspath(document))
        submit(READ_RESOLUTION)

    try:
        # ----------------------------------------------------------------------------------------
        # The public pages.
        go("/")
        check("home page title", "WSIS+20 review platform" in driver.title, driver.title)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        check("the first Tab reaches the skip link", active.get_attribute("class") == "skip", active.get_attribute("outerHTML")[:80])
        shot("home")
        # Each page check fails when it should: proven on a live page before they are used.
        pagecheck.self_test(driver, axe, check)
        go("/sdgs")
        check("17 goals listed", count("ol.goals > li") == 17)
        go("/action-lines")
        check("19 Action Line rows", count("tbody th[scope=row]") == 19)
        go("/matrix")
        check("matrix: 18 rows", count("table.matrix tbody tr") == 18)
        check("matrix: 187 links", "187 links" in driver.page_source)
        shot("matrix")

        # A protected page sends to sign-in, and back after it.
        go("/admin/users")
        check("protected page asks to sign in", "/sign-in" in driver.current_url, driver.current_url)
        field("email").send_keys(admin_email)
        field("password").send_keys("not the password")
        submit(SIGN_IN)
        check("wrong password is refused", count("#sign-in-error") == 1
              and "The e-mail or the password is not right." in driver.page_source)
        field("password").send_keys(admin_password)
        submit(SIGN_IN)
        check("signed in, back where I was going", driver.current_url.endswith("/admin/users"), driver.current_url)

        # An organization.
        go("/admin/organizations")
        submit(ADD_ORGANIZATION, navigates=False)  # nothing filled in: the browser itself stops it
        check("empty form: the browser refuses it", driver.current_url.endswith("/admin/organizations") and "has been added" not in driver.page_source)
        driver.execute_script("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
        submit(ADD_ORGANIZATION)
        check("server-side errors beside the fields", count("#org-name-error") == 1 and "This is required." in driver.page_source)
        shot("organization-errors")
        field("org-name").send_keys("Ministry of Information and Communications Technology")
        Select(field("org-type")).select_by_value("government")
        Select(field("org-country")).select_by_value("KEN")
        Select(field("org-membership")).select_by_value("member-state")
        submit(ADD_ORGANIZATION)
        check("organization created", "has been added" in driver.page_source)

        # A focal point in it.
        go("/admin/users")
        field("user-name").send_keys("Wanjiru Kamau")
        field("user-email").send_keys("wanjiru@example.ke")
        Select(field("user-organization")).select_by_visible_text("Ministry of Information and Communications Technology")
        field("role-focal-point").click()
        submit(ADD_ACCOUNT)
        generated = field("generated-password").text.strip()
        check("user created with a generated password", len(generated) == 20, generated)
        shot("user-created")

        # A resolution: the founding document when ../shared is beside the project, else our own fixture.
        founding = os.path.join(here, "..", "..", "..", "shared", "corpus", "itu-council-C23-85-E.txt")
        document = founding if os.path.exists(founding) else os.path.join(fixtures, "itu-council-draft-en.txt")
        import_resolution("", document)
        check("the import shows a draft", count(CONFIRM) == 1 and "This is a draft." in driver.page_source, driver.current_url)
        check("the structure has anchors", count("li[id^='op_']") >= 3)
        check("the source text is highlighted", count("pre.source-text mark") >= 5)
        resolution_url = driver.current_url
        founding_path = path_of(resolution_url)
        shot("resolution-draft")
        submit(CONFIRM)
        check("confirmed", count(CONFIRM) == 0 and "This is a draft." not in driver.page_source)

        # Its mandates: the proposals, accepted at once; an update with evidence moves the roll-up.
        driver.find_element(By.CSS_SELECTOR, f"main a[href$='{founding_path}/mandates']").click()
        settled()
        rows = driver.find_elements(By.CSS_SELECTOR, "table.mandates tbody tr")
        check("the board proposes a mandate per operative paragraph", len(rows) >= (27 if document == founding else 3), str(len(rows)))
        check("the board starts at 0%", 'value="0">0%' in driver.page_source)
        submit(ACCEPT_ALL)
        check("every proposal accepted", count(ACCEPT_ALL) == 0 and count(".badge.draft") == 0,
              f"{driver.current_url}: {count('.badge.draft')} proposals left")
        board_url = driver.current_url
        shot("mandate-board")
        driver.find_elements(By.CSS_SELECTOR, "table.mandates tbody tr td:nth-child(3) a")[0].click()
        settled()
        mandate_url = driver.current_url
        field("note").send_keys("The first report was sent to the Working Group.")
        Select(field("status")).select_by_value("in-progress")
        field("progress").clear()
        field("progress").send_keys("60")
        field("evidence").send_keys("https://www.itu.int/en/council/cwg-wsis/Pages/default.aspx")
        submit(RECORD_UPDATE)
        check("the update is in the history", "The first report was sent to the Working Group." in driver.page_source
              and "Status: Not started → In progress" in driver.page_source)
        check("the evidence is a link", count("a[href^='https://www.itu.int/en/council/cwg-wsis']") == 1)
        driver.find_element(By.CSS_SELECTOR, "details.correct:has(input[name=decision][value=edit]) summary").click()
        field("owner").clear()
        field("owner").send_keys("Ministry of Information and Communications Technology")
        submit(SAVE_MANDATE_EDIT)
        check("the owner is saved", "Ministry of Information and Communications Technology" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text)
        shot("mandate")
        # The calendar, and its feed read by a real iCalendar parser.
        go("/calendar?year=2024")
        check("the calendar's 2024 lists the WSIS+20 high-level event", "WSIS+20 Forum High-Level Event" in driver.page_source)
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

        submit(SIGN_OUT)
        check("signed out", count(SIGN_OUT) == 0 and "/profile" not in driver.page_source)

        # The new focal point signs in.
        sign_in("", "wanjiru@example.ke", generated)
        check("focal point reaches the profile", driver.current_url.endswith("/profile"), driver.current_url)
        check("profile shows the organization", "Ministry of Information and Communications Technology" in driver.page_source)
        driver.get(resolution_url + "#op_2__para_1")
        check("a focal point reads the confirmed resolution", "instructs" in driver.page_source and count(CONFIRM) == 0)
        driver.get(mandate_url)
        settled()
        field("note").send_keys("Our ministry has shared its experience.")
        submit(RECORD_UPDATE)
        check("the owner's focal point reports on the mandate", "Our ministry has shared its experience." in driver.page_source
              and "wanjiru@example.ke" in driver.page_source)
        go("/admin/users")
        check("focal point may not manage accounts", "Not allowed" in driver.page_source and status() == 403, str(status()))
        check("the error page still shows who is signed in", "Wanjiru Kamau" in driver.page_source)
        shot("forbidden")

        # The focal point submits an activity, with its title in Arabic and French too; the matrix
        # suggests goals for its Action Line.
        go("/activities/new")
        field("title_en").send_keys("Community broadband for Lamu schools")
        field("summary_en").send_keys("Connects island schools in Lamu to broadband and trains their teachers.")
        for code, title, summary in [
                ("ar", "النطاق العريض المجتمعي لمدارس لامو", "يربط مدارس جزيرة لامو بالنطاق العريض ويدرب معلميها."),
                ("fr", "Haut débit communautaire pour les écoles de Lamu", "Relie les écoles insulaires de Lamu au haut débit et forme leurs enseignants.")]:
            opener = driver.find_element(By.CSS_SELECTOR, f"details:has(#title_{code}) > summary")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", opener)
            if field(f"title_{code}").is_displayed() is False:
                opener.click()
            field(f"title_{code}").send_keys(title)
            field(f"summary_{code}").send_keys(summary)
        field("countries").send_keys("KEN")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", field("primary-C2"))
        field("primary-C2").click()
        submit(SUGGEST_GOALS)
        check("the matrix suggests goals, none ticked", count("#suggestions") == 1 and count("label.goal.suggested") >= 1
              and not any(box.is_selected() for box in driver.find_elements(By.CSS_SELECTOR, "input[name=sdg_goals]")))
        box = driver.find_element(By.CSS_SELECTOR, "input[name=sdg_goals][value='9']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
        box.click()
        submit(SAVE_ACTIVITY)
        check("the activity is a draft", count("#activity-state.state-draft") == 1, driver.current_url)
        activity_url = driver.current_url
        submit(SUBMIT_FOR_REVIEW)
        check("submitted for review", count("#activity-state.state-submitted") == 1, field("activity-state").get_attribute("outerHTML"))
        shot("activity-submitted")
        submit(SIGN_OUT)

        # A reviewer (the administrator) publishes it; the public finds it.
        sign_in("", admin_email, admin_password)
        go("/activities/queue")
        check("the moderation queue lists it", "Community broadband for Lamu schools" in driver.page_source)
        driver.get(activity_url)
        submit(PUBLISH)
        check("published", count("#activity-state.state-published") == 1, field("activity-state").get_attribute("outerHTML"))
        submit(SIGN_OUT)
        go("/activities?q=lamu+broadband")
        check("the search finds it, words marked", count("ol.hits mark") >= 2
              and "1 activity<" in driver.page_source, driver.page_source[driver.page_source.find("<main"):][:1500])
        facet = [a for a in driver.find_elements(By.CSS_SELECTOR, "aside.facets a") if a.text.startswith("9 ")]
        check("a facet value is a filter link", len(facet) == 1)
        if facet:
            facet[0].click()
            settled()
            check("the filter keeps the search", "sdg=9" in driver.current_url and "1 activity<" in driver.page_source, driver.current_url)
        shot("activities-search")
        # Results before the filters: at 1280 px the first result starts within the first 700 px of the page.
        go("/activities?q=lamu")
        top = driver.execute_script("var e = document.querySelector('ol.hits > li'); return e ? e.getBoundingClientRect().top + window.scrollY : -1")
        check("at 1280 px the first result's top is within 700 px", 0 <= top <= 700, f"{top} px")

        # Languages: the switcher changes the page's language and its address, and the choice is remembered.
        go("/activities")
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang='fr']").click()
        settled()
        check("the switcher opens the page in French", driver.current_url.endswith("/fr/activities")
              and language_of_page()[0] == "fr", driver.current_url)
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang='ar']").click()
        settled()
        check("Arabic reads right to left", language_of_page() == ["ar", "rtl"] and driver.current_url.endswith("/ar/activities"), driver.current_url)
        shot("activities-arabic")
        go("/sdgs")
        check("the choice is remembered: an address without a language opens in Arabic", driver.current_url.endswith("/ar/sdgs"), driver.current_url)
        driver.find_element(By.CSS_SELECTOR, "nav.languages a[lang='en']").click()
        settled()
        go("/sdgs")
        check("English chosen again is remembered", driver.current_url.endswith("/sdgs") and "/ar/" not in driver.current_url
              and language_of_page()[0] == "en", driver.current_url)

        # ----------------------------------------------------------------------------------------
        # The main path in Arabic and in French, through their own pages, with the language versions
        # of one Council resolution (itu/council/res/9999): Arabic is confirmed first, so its mandates
        # are the work's; English and French propose none and are read beside English.

        def main_path(lang, fixture, proposes, note, search, title_word):
            p = "/" + lang
            direction = "rtl" if lang == "ar" else "ltr"
            name = {"ar": "Arabic", "fr": "French", "en": "English"}[lang]
            sign_out()
            go(p + "/sign-in")
            field("email").send_keys(admin_email)
            field("password").send_keys("not the password")
            submit(SIGN_IN)
            check(f"{name}: a wrong password is refused in {name}", count("#sign-in-error") == 1 and language_of_page() == [lang, direction],
                  f"{driver.current_url} {language_of_page()}")
            field("password").send_keys(admin_password)
            submit(SIGN_IN)
            check(f"{name}: signed in, on the profile in {name}", driver.current_url == base + p + "/profile" and count(SIGN_OUT) == 1,
                  driver.current_url)

            import_resolution(p, os.path.join(fixtures, fixture))
            check(f"{name}: the import shows a draft in {name}", count(CONFIRM) == 1 and language_of_page() == [lang, direction]
                  and driver.current_url.startswith(base + p + "/resolutions/"), driver.current_url)
            check(f"{name}: the text is marked as {name}", driver.find_element(By.TAG_NAME, "h1").get_attribute("lang") == lang
                  and driver.find_element(By.CSS_SELECTOR, "pre.source-text").get_attribute("lang") == lang)
            check(f"{name}: the structure has anchors", count("li[id^='op_']") >= 3, str(count("li[id^='op_']")))
            check(f"{name}: the source text is highlighted", count("pre.source-text mark") >= 5, str(count("pre.source-text mark")))
            path = path_of(driver.current_url)
            submit(CONFIRM)
            check(f"{name}: confirmed", count(CONFIRM) == 0 and count(f"main a[href='{p}{path}/mandates']") == 1, driver.current_url)
            driver.find_element(By.CSS_SELECTOR, f"main a[href='{p}{path}/mandates']").click()
            settled()
            check(f"{name}: the board in {name}", driver.current_url == base + p + path + "/mandates" and language_of_page() == [lang, direction],
                  driver.current_url)
            mandate_path = None
            if proposes:
                proposals = count(".badge.draft")
                check(f"{name}: the board proposes the work's mandates", proposals >= 3 and count(ACCEPT_ALL) == 1, str(proposals))
                submit(ACCEPT_ALL)
                check(f"{name}: every proposal accepted", count(ACCEPT_ALL) == 0 and count(".badge.draft") == 0
                      and count("table.mandates tbody tr") == proposals, f"{count('.badge.draft')} left")
                driver.find_elements(By.CSS_SELECTOR, "table.mandates tbody tr td:nth-child(3) a")[0].click()
                settled()
                mandate_path = path_of(driver.current_url)
                check(f"{name}: a mandate's page in {name}", driver.current_url.startswith(base + p + "/mandates/")
                      and driver.find_element(By.CSS_SELECTOR, "blockquote.paragraph").get_attribute("lang") == lang, driver.current_url)
                field("note").send_keys(note)
                Select(field("status")).select_by_value("in-progress")
                field("progress").clear()
                field("progress").send_keys("40")
                field("evidence").send_keys("https://www.itu.int/en/council/Pages/default.aspx")
                submit(RECORD_UPDATE)
                history = driver.find_elements(By.CSS_SELECTOR, "ol.timeline li .note")
                check(f"{name}: the update is in the history", any(note == e.text.strip() for e in history)
                      and driver.current_url.startswith(base + p + "/mandates/"), driver.current_url)
                check(f"{name}: the progress is 40%", driver.find_element(By.CSS_SELECTOR, "dl.facts meter").get_attribute("value") == "40")
                check(f"{name}: the evidence is a link", count("ol.timeline a[href='https://www.itu.int/en/council/Pages/default.aspx']") == 1)
                go(p + path + "/mandates")
                check(f"{name}: the roll-up moved", driver.find_element(By.CSS_SELECTOR, "main > p.rollup meter").get_attribute("value") != "0")
            else:
                check(f"{name}: another language version proposes no second set of mandates",
                      count(ACCEPT_ALL) == 0 and count(".badge.draft") == 0, str(count(".badge.draft")))

            # Activities searched in the language, in its own words.
            go(p + "/activities?q=" + urllib.parse.quote(search))
            hits = driver.find_elements(By.CSS_SELECTOR, "ol.hits > li")
            check(f"{name}: the search finds the activity by its {name} title, words marked",
                  len(hits) == 1 and count("ol.hits mark") >= 1 and title_word in hits[0].text and language_of_page() == [lang, direction],
                  driver.page_source[driver.page_source.find("<main"):][:1500] if not hits else hits[0].text)
            return path, mandate_path

        arabic_path, arabic_mandate = main_path(
            "ar", "itu-council-ar.txt", True, "أُرسل التقرير الأول إلى فريق العمل.", "مدارس لامو", "لامو")

        # The English version of the same work: read, confirmed, no second set of mandates; the Arabic
        # one is now shown beside it, paragraph by paragraph.
        import_resolution("/en", os.path.join(fixtures, "itu-council-en.txt"))
        submit(CONFIRM)
        english_path = path_of(driver.current_url)
        go("/en" + english_path + "/mandates")
        check("English version: no second set of mandates", count(ACCEPT_ALL) == 0 and count(".badge.draft") == 0)
        go("/ar" + arabic_path + "/languages?with=en")
        pairs = count(".aligned .pair[id^=pair-]")
        check("Arabic beside English: 15 paired paragraphs", pairs == 15 and language_of_page() == ["ar", "rtl"], str(pairs))
        check("Arabic beside English: each side in its language and direction",
              count(".aligned .pair[id^=pair-] .side[lang=ar][dir=rtl]") == 15 and count(".aligned .pair[id^=pair-] .side[lang=en][dir=ltr]") == 15)

        french_path, _ = main_path(
            "fr", "itu-council-fr.txt", False, None, "écoles Lamu", "Lamu")
        go("/fr" + french_path + "/languages?with=en")
        pairs = count(".aligned .pair[id^=pair-]")
        check("French beside English: 15 paired paragraphs", pairs == 15 and language_of_page() == ["fr", "ltr"], str(pairs))
        # French reports on the work's mandate (the one Arabic proposed), read in French.
        go("/fr" + arabic_mandate)
        check("French: the mandate's paragraph in French, the original beneath",
              driver.find_element(By.CSS_SELECTOR, "blockquote.paragraph").get_attribute("lang") == "fr"
              and count("details.original blockquote.paragraph[lang=ar]") == 1)
        field("note").send_keys("Le rapport a été transmis au Groupe de travail.")
        Select(field("status")).select_by_value("in-progress")
        field("progress").clear()
        field("progress").send_keys("70")
        submit(RECORD_UPDATE)
        check("French: the update is in the history", any(e.text.strip() == "Le rapport a été transmis au Groupe de travail."
              for e in driver.find_elements(By.CSS_SELECTOR, "ol.timeline li .note"))
              and driver.find_element(By.CSS_SELECTOR, "dl.facts meter").get_attribute("value") == "70"
              and driver.current_url.startswith(base + "/fr/mandates/"), driver.current_url)

        # ----------------------------------------------------------------------------------------
        # Every page in the six languages at 1280 px and at 390 px (the administrator signed in).
        pages = [
            ("home", "/"), ("resolutions", "/resolutions"), ("resolution", arabic_path),
            ("resolution-languages", arabic_path + "/languages?with=en"), ("resolution-founding", founding_path),
            ("mandates", "/mandates"), ("mandate", arabic_mandate), ("board", arabic_path + "/mandates"),
            ("board-founding", founding_path + "/mandates"), ("calendar", "/calendar"), ("calendar-all", "/calendar?year=all"),
            ("calendar-month", "/calendar?month=2024-05"), ("activities", "/activities"),
            ("activity", path_of(activity_url)), ("activity-new", "/activities/new"), ("sdgs", "/sdgs"), ("sdg-4", "/sdgs/4"),
            ("action-lines", "/action-lines"), ("matrix", "/matrix"), ("profile", "/profile"),
            ("admin-users", "/admin/users"), ("admin-audit", "/admin/audit")]
        findings = []

        def look_at(name, path, lang, width):
            go("/" + lang + path)
            direction = "rtl" if lang == "ar" else "ltr"
            where = f"{name} ({lang}, {width} px)"
            check(f"{where}: the page is there, in its language", status() == 200 and language_of_page() == [lang, direction],
                  f"{driver.current_url}: status {status()}, {language_of_page()}")
            found = pagecheck.layout(driver)
            check(f"{where}: the page is laid out {width} px wide", found["width"] == width and found["innerWidth"] == width,
                  f"{found['width']} px in a window of {found['innerWidth']} px")
            if found["overflow"] > 1:
                findings.append(f"sideways scroll: {where} +{found['overflow']} px: {found['culprits']}")
            check(f"{where}: no sideways scroll", found["overflow"] <= 1, f"+{found['overflow']} px, reaching past the window: {found['culprits']}")
            for o in found["outside"]:
                findings.append(f"text outside its box: {where} {o['selector']} (content {o['scrollWidth']} px in {o['clientWidth']} px)"
                                f" {o['text']!r}; sticking out: {', '.join(o['stickingOut']) or 'its own text'}")
            check(f"{where}: no text outside its box", not found["outside"], str(found["outside"]))
            glyphs = pagecheck.missing_glyphs(driver)
            for m in glyphs["missing"]:
                findings.append(f"missing glyph: {where} {m['code']} in {m['selector']} ({m['font']}) {m['text']!r}")
            check(f"{where}: every character has a glyph", not glyphs["missing"], str(glyphs["missing"]))
            if width == 1280 and lang in AXE_LANGUAGES:
                violations = pagecheck.axe_violations(driver, axe)
                for v in violations:
                    findings.append(f"axe {v['impact']} {v['id']}: {where}: {[n['target'] for n in v['nodes']]} ({v['help']})")
                bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}" for v in violations if v["impact"] in FAILING_IMPACTS]
                check(f"{where}: no serious or critical axe-core violation", not bad, "; ".join(bad))
            if shots:
                pagecheck.full_screenshot(driver, os.path.join(shots, f"{name}-{lang}-{width}.png"))

        swept = time.time()
        for lang in LANGUAGES:
            for width in WIDTHS:
                driver.set_window_size(width, 900)
                for name, path in pages:
                    look_at(name, path, lang, width)
        # The sign-in page, signed out.
        sign_out()
        for lang in LANGUAGES:
            for width in WIDTHS:
                driver.set_window_size(width, 900)
                look_at("sign-in", "/sign-in", lang, width)
        driver.set_window_size(1280, 900)
        print(f"-- {len(pages) + 1} pages, {len(LANGUAGES)} languages, {len(WIDTHS)} widths in {time.time() - swept:.0f} s")
        if findings:
            print("-- what the pages showed:")
            for line in findings:
                print("   " + line)
        if shots:
            with open(os.path.join(shots, "findings.txt"), "w", encoding="utf-8") as f:
                f.write("".join(line + "\n" for line in findings))
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

    print(f"-- browser journey on {label}, {time.time() - started:.0f} s")
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
