"""What the browser journey checks on every page it looks at, in any language and at any width:

- sideways scroll: the document is wider than the window (document scrollWidth > viewport width);
- text outside its box: an element whose content is wider than the element itself, where nothing
  scrolls it (its own overflow-x is visible and no ancestor's is auto or scroll); only the
  innermost such element is named, not every ancestor it makes wide too;
- a missing glyph: a character drawn with no font that has it. document.fonts.check() cannot say
  (it answers true for any system font and any character, U+10FFFD included), so each distinct
  character of the visible text is drawn on a canvas in the font of the element that holds it and
  compared with the drawing of a code point no font has (U+10FFFD): the same pixels and the same
  advance are the same "tofu" box;
- accessibility: axe-core (the copy that PyPI's axe-playwright-python ships, injected with
  execute_script), every violation listed, those of impact serious or critical failing.

self_test() proves on a live page that each check can fail: it injects a private-use character, a
box too narrow for its text, a page-wide element and an image without alternative text, and
requires every one of them to be found.
"""
import base64
import importlib.util
import os

# ---------------------------------------------------------------------------------------------
# axe-core, from the PyPI package axe-playwright-python (pinned in .ci/run, installed --no-deps: the
# file is all we use, not Playwright). Found without importing the package, which would import Playwright.


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("axe-core is missing: python3 -m pip install --no-deps axe-playwright-python==0.1.8")
    path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
    with open(path, encoding="utf-8") as f:
        return f.read()


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']})
  .then(r => done({version: axe.version, violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                html: n.html.slice(0, 160), summary: (n.failureSummary || '').slice(0, 300)}))}))}))
  .catch(e => done({error: String(e)}));
"""


def axe_violations(driver, source):
    """Every axe-core violation on the page as it is: [{id, impact, help, nodes: [{target, ...}]}]."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(source)
    result = driver.execute_async_script(AXE_RUN)
    if "error" in result:
        raise AssertionError("axe-core failed: " + result["error"])
    return result["violations"]


# ---------------------------------------------------------------------------------------------
# Layout: sideways scroll and text outside its box, with the elements to blame.

SELECTOR_JS = """
function selectorOf(e) {
  const parts = [];
  for (let n = e; n && n.nodeType === 1 && parts.length < 6; n = n.parentElement) {
    if (n.id) { parts.unshift('#' + CSS.escape(n.id)); break; }
    if (n === document.body || n === document.documentElement) { parts.unshift(n.tagName.toLowerCase()); break; }
    let s = n.tagName.toLowerCase();
    const classes = [...n.classList].filter(c => c).slice(0, 3);
    if (classes.length) s += '.' + classes.map(c => CSS.escape(c)).join('.');
    const parent = n.parentElement;
    if (parent) {
      const same = [...parent.children].filter(c => c.tagName === n.tagName);
      if (same.length > 1) s += ':nth-of-type(' + (same.indexOf(n) + 1) + ')';
    }
    parts.unshift(s);
  }
  return parts.join(' > ');
}
function textOf(e) { return String(e.innerText || e.value || e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 60); }
"""

LAYOUT_JS = SELECTOR_JS + """
const doc = document.documentElement;
const W = doc.clientWidth;
const overflow = doc.scrollWidth - W;
const all = [...document.body.querySelectorAll('*')];
const style = new Map(all.map(e => [e, getComputedStyle(e)]));
// Whether something between the element and the document scrolls sideways (overflow-x auto or scroll).
const scrolled = new Map();
function insideScroller(e) {
  const p = e.parentElement;
  if (!p || p === document.body) return false;
  if (scrolled.has(p)) return scrolled.get(p);
  const ps = style.get(p);
  const answer = (ps && ['auto', 'scroll'].includes(ps.overflowX)) || insideScroller(p);
  scrolled.set(p, answer);
  return answer;
}
// Sideways scroll: the outermost elements that reach past the window (their parent does not).
const culprits = [];
if (overflow > 1) {
  const out = e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > W + 1 || r.left < -1); };
  for (const e of all) {
    if (insideScroller(e) || !out(e)) continue;
    const p = e.parentElement;
    if (p && p !== document.body && p !== document.documentElement && out(p)) continue;
    const r = e.getBoundingClientRect();
    culprits.push({selector: selectorOf(e), left: Math.round(r.left), right: Math.round(r.right), text: textOf(e)});
    if (culprits.length >= 5) break;
  }
}
// Text outside its box.
const spilling = [document.body, ...all].filter(e => {
  const s = e === document.body ? getComputedStyle(e) : style.get(e);
  if (!s || s.display === 'none' || s.display === 'contents' || s.overflowX !== 'visible') return false;
  if (e instanceof SVGElement) return false;
  if (e !== document.body && insideScroller(e)) return false;
  return e.scrollWidth > e.clientWidth + 1;
});
const innermost = spilling.filter(e => !spilling.some(d => d !== e && e.contains(d)));
// What sticks out of each: its outermost descendants that reach past its padding box on either side.
function stickingOut(box) {
  const b = box.getBoundingClientRect();
  const left = b.left + box.clientLeft, right = left + box.clientWidth;
  const past = e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > right + 1 || r.left < left - 1); };
  const found = [];
  for (const e of box.querySelectorAll('*')) {
    if (!past(e) || (e.parentElement !== box && past(e.parentElement))) continue;
    // Items of a grid or a flex box are all stretched as wide as the widest: what each needs is its
    // min-content width, measured for a moment without the page's width and max-width.
    const saved = [e.style.width, e.style.maxWidth];
    e.style.width = 'min-content'; e.style.maxWidth = 'none';
    const needs = e.getBoundingClientRect().width;
    e.style.width = saved[0]; e.style.maxWidth = saved[1];
    found.push({selector: selectorOf(e), needs: Math.round(needs)});
  }
  found.sort((a, b) => b.needs - a.needs);
  return found.slice(0, 3).map(f => `${f.selector} (needs ${f.needs} px)`);
}
const outside = innermost.slice(0, 12).map(e => ({selector: selectorOf(e), scrollWidth: e.scrollWidth, clientWidth: e.clientWidth,
                                                 text: textOf(e), stickingOut: stickingOut(e)}));
return {width: W, innerWidth: window.innerWidth, overflow: overflow, culprits: culprits, outside: outside, outsideCount: innermost.length};
"""


def layout(driver):
    """{'overflow': px, 'culprits': [...], 'outside': [...]} for the page as it is."""
    return driver.execute_script(LAYOUT_JS)


# ---------------------------------------------------------------------------------------------
# Missing glyphs.

GLYPHS_JS = SELECTOR_JS + """
const extra = arguments[0] || '';
const size = 40;
const canvas = document.createElement('canvas');
canvas.width = size * 2; canvas.height = size * 2;
const g = canvas.getContext('2d', {willReadFrequently: true});
g.textBaseline = 'middle';
function draw(font, text) {
  g.clearRect(0, 0, canvas.width, canvas.height);
  g.font = font;
  g.fillText(text, size / 2, size);
  return {pixels: g.getImageData(0, 0, canvas.width, canvas.height).data, advance: g.measureText(text).width};
}
function same(a, b) {
  if (Math.abs(a.advance - b.advance) > 0.01) return false;
  for (let i = 3; i < a.pixels.length; i += 4) if (a.pixels[i] !== b.pixels[i]) return false;
  return true;
}
const tofu = new Map();
function tofuFor(font) { if (!tofu.has(font)) tofu.set(font, draw(font, '\\u{10FFFD}')); return tofu.get(font); }
// Characters that draw nothing on purpose (spaces, controls, format marks such as U+200F) are not asked about.
const silent = /[\\p{Z}\\p{Cc}\\p{Cf}]/u;
const wanted = new Map();  // font + char -> element
function take(e, text) {
  if (!text) return;
  const s = getComputedStyle(e);
  const font = `${s.fontStyle} ${s.fontWeight} ${size}px ${s.fontFamily}`;
  for (const ch of text) {
    if (ch.codePointAt(0) < 128 || silent.test(ch)) continue;
    const key = font + '\\u0000' + ch;
    if (!wanted.has(key)) wanted.set(key, {font, ch, element: e});
  }
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const e = node.parentElement;
  if (!e || e.closest('script, style, noscript, template, option')) continue;
  if (!e.getClientRects().length || getComputedStyle(e).visibility !== 'visible') continue;
  take(e, node.data);
}
for (const e of document.body.querySelectorAll('input, textarea, select')) {
  if (!e.getClientRects().length) continue;
  if (e.tagName === 'SELECT') { for (const o of e.options) take(e, o.text); }
  else if (!['hidden', 'password', 'file'].includes(e.type)) { take(e, e.value); take(e, e.placeholder); }
}
if (extra) take(document.body, extra);
const missing = [];
const reported = new Set();
for (const {font, ch, element} of wanted.values()) {
  if (reported.has(ch)) continue;
  if (same(draw(font, ch), tofuFor(font))) {
    reported.add(ch);
    missing.push({code: 'U+' + ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0'), ch: ch,
                  selector: selectorOf(element), font: font, text: textOf(element)});
  }
}
return {checked: wanted.size, missing: missing};
"""


def missing_glyphs(driver, extra=""):
    """{'checked': n, 'missing': [{code, ch, selector, font, text}]}: characters drawn as the no-glyph box."""
    return driver.execute_script(GLYPHS_JS, extra)


# ---------------------------------------------------------------------------------------------
# A screenshot of the whole page, not only the window.


def full_screenshot(driver, path, max_height=12000):
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    width = max(1, int(size["width"]))
    height = max(1, min(int(size["height"]), max_height))
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(data["data"]))


# ---------------------------------------------------------------------------------------------
# Proof that every check can fail.

SELF_TEST_INJECT = """
const main = document.querySelector('main') || document.body;
const box = document.createElement('div');
box.id = 'journey-self-test';
box.innerHTML = '<p id="journey-narrow">A sentence much longer than forty pixels</p>'
  + '<p id="journey-pua">Private use: \\uE000 and \\u{10FFFD}</p>'
  + '<p id="journey-real">Real letters: \\u00E9 \\u044F \\u0639 \\u4E2D</p>'
  + '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="journey-no-alt">'
  + '<div id="journey-wide"></div>';
main.appendChild(box);
// Styles set through the CSSOM: the pages' Content-Security-Policy refuses style attributes.
Object.assign(box.querySelector('#journey-narrow').style, {width: '40px', whiteSpace: 'nowrap'});
Object.assign(box.querySelector('#journey-wide').style, {width: '3000px', height: '1px'});
"""


def self_test(driver, axe, check):
    """Injects one fault for each check into the current page and requires each check to find it."""
    driver.execute_script(SELF_TEST_INJECT)
    found = layout(driver)
    check("self-test: an element wider than the window is found", found["overflow"] > 1000
          and any("journey-wide" in c["selector"] for c in found["culprits"]), str(found["culprits"]))
    check("self-test: text outside a 40 px box is found", any("journey-narrow" in o["selector"] for o in found["outside"]), str(found["outside"]))
    glyphs = missing_glyphs(driver)
    codes = {m["code"] for m in glyphs["missing"]}
    check("self-test: private-use characters are found as missing glyphs", {"U+E000", "U+10FFFD"} <= codes, str(glyphs["missing"]))
    check("self-test: real letters (é я ع 中) are not taken for missing glyphs",
          not codes & {"U+00E9", "U+044F", "U+0639", "U+4E2D"}, str(glyphs["missing"]))
    violations = axe_violations(driver, axe)
    check("self-test: axe-core finds an image without alternative text", any(v["id"] == "image-alt" and v["impact"] == "critical"
          for v in violations), str([v["id"] for v in violations]))
    driver.execute_script("document.getElementById('journey-self-test').remove()")
    return glyphs
