"""The default theme in a real browser: builds examples/docs with the real tools, serves it on
127.0.0.1 and drives headless Chromium through the DevTools protocol over a pipe (Python's
standard library only, no WebDriver). Every page load fails the test on a console error, an
uncaught exception or a failed request. Screenshots (light, dark, narrow) are saved under
the build folder, in tests/browser-artifacts/. Skipped only when no Chromium is installed."""
import base64
import fcntl
import functools
import http.server
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import threading
import time
import unittest

from bengal_e2e import BIN, Site

CHROMIUM = os.environ.get("BENGAL_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") \
    or shutil.which("google-chrome")
ARTIFACTS = os.path.join(os.path.dirname(os.path.abspath(BIN)), "tests", "browser-artifacts")

# A deep page (three levels, a code block, a table of contents, a tag), as examples/docs has it.
DEEP = "/guide/writing/links/"
DIRECTIVES = "/guide/writing/directives/"


class PageError(AssertionError):
    pass


class Chromium:
    """Headless Chromium with one tab, spoken to in the DevTools protocol over
    --remote-debugging-pipe: messages are JSON, each ended by a NUL byte, read from fd 4 and
    written to fd 3 of the browser."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="bengal-chromium-")
        to_browser, self._out = os.pipe()
        self._in, from_browser = os.pipe()

        def fds():  # in the child: the pipe ends become fds 3 and 4, open across exec
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser, from_browser)]
            os.dup2(high[0], 3)
            os.dup2(high[1], 4)

        self.proc = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",
             f"--user-data-dir={self.profile}", "about:blank"],
            close_fds=False, preexec_fn=fds,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser)
        os.close(from_browser)
        self._buf = b""
        self._id = 0
        self.events = []
        self.session = None
        self.problems = []
        try:
            target = self.call("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Network", "Log"):
                self.call(domain + ".enable")
            self.call("Browser.grantPermissions", permissions=["clipboardReadWrite", "clipboardSanitizedWrite"])
        except Exception:
            self.close()
            raise

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
            self.proc.wait(timeout=5)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        os.close(self._in)
        os.close(self._out)
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, deadline):
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buf += chunk
        msg, self._buf = self._buf.split(b"\0", 1)
        return json.loads(msg)

    def _event(self, msg):
        self.events.append(msg)
        method, p = msg["method"], msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            self.problems.append(f"uncaught exception: {d.get('exception', {}).get('description') or d.get('text')}")
        elif method == "Runtime.consoleAPICalled" and p["type"] in ("error", "assert"):
            self.problems.append("console." + p["type"] + ": " +
                                 " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"]))
        elif method == "Log.entryAdded" and p["entry"]["level"] == "error":
            self.problems.append(f"browser log: {p['entry']['text']} {p['entry'].get('url', '')}")
        elif method == "Network.responseReceived" and p["response"]["status"] >= 400:
            self.problems.append(f"HTTP {p['response']['status']}: {p['response']['url']}")
        elif method == "Network.loadingFailed" and not p.get("canceled"):
            self.problems.append(f"request failed: {p.get('errorText')} ({p['requestId']})")

    def call(self, method, timeout=15, **params):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            msg["sessionId"] = self.session
        os.write(self._out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            if "method" in answer:
                self._event(answer)

    def wait_event(self, method, timeout=10):
        seen = len(self.events)
        deadline = time.monotonic() + timeout
        while True:
            for e in self.events[seen:]:
                if e["method"] == method:
                    return e
            seen = len(self.events)
            msg = self._read(deadline)
            if "method" in msg:
                self._event(msg)

    def goto(self, url):
        self.events.clear()
        self.call("Page.navigate", url=url)
        self.wait_event("Page.loadEventFired")
        self.wait_for("document.readyState === 'complete'")

    def js(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expression}: {r['exceptionDetails'].get('exception', {}).get('description')}")
        return r["result"].get("value")

    def wait_for(self, expression, timeout=5):
        deadline = time.monotonic() + timeout
        while True:
            if self.js(f"!!({expression})"):
                return True
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for: {expression}")
            self.pump(0.03)

    def pump(self, seconds):
        """Reads the events that arrive during the next seconds."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                msg = self._read(deadline)
                if "method" in msg:
                    self._event(msg)
        except TimeoutError:
            pass

    _KEYS = {"Enter": 13, "Escape": 27, "ArrowDown": 40, "ArrowUp": 38, "ArrowRight": 39, "ArrowLeft": 37,
             "Tab": 9, "Home": 36, "End": 35, "/": 191}

    def key(self, key):
        code = {"/": "Slash"}.get(key, key)
        extra = {"text": "\r" if key == "Enter" else key} if key in ("Enter", "/") else {}
        self.call("Input.dispatchKeyEvent", type="keyDown", key=key, code=code,
                  windowsVirtualKeyCode=self._KEYS[key], **extra)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=code, windowsVirtualKeyCode=self._KEYS[key])

    def type(self, text):
        self.call("Input.insertText", text=text)

    def viewport(self, width, height, scheme="light"):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 500)
        self.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": scheme}])

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png")["data"]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


# Contrast of an element's text on the background it is painted on (WCAG 2 formula).
CONTRAST_JS = r"""
(function (selector) {
  function rgb(c) {  // rgb(r, g, b), rgba(r, g, b, a) or color(srgb r g b / a)
    var m = c.match(/[\d.]+/g).map(Number), k = /^color\(srgb/.test(c) ? 255 : 1;
    return {r: m[0] * k, g: m[1] * k, b: m[2] * k, a: m.length > 3 ? m[3] : 1};
  }
  function lum(c) { return [c.r, c.g, c.b].map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                      .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
  var el = document.querySelector(selector);
  if (!el) return null;
  var fg = rgb(getComputedStyle(el).color), bg = null;
  for (var e = el; e; e = e.parentElement) {
    var c = rgb(getComputedStyle(e).backgroundColor);
    if (c.a > 0.5) { bg = c; break; }
  }
  bg = bg || {r: 255, g: 255, b: 255};
  var a = lum(fg), b = lum(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})
"""


def serve(folder):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@unittest.skipUnless(CHROMIUM, "no chromium found (apt-get install chromium): the browser test needs one")
class DefaultThemeInBrowser(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        tmp = tempfile.TemporaryDirectory(prefix="bengal-browser-")
        cls.addClassCleanup(tmp.cleanup)
        cls.built = Site("docs", tmp.name)
        cls.built.build()
        cls.browser = Chromium()  # before the server's thread starts: it forks
        cls.addClassCleanup(cls.browser.close)
        cls.server = serve(cls.built.file("public"))
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"

    def setUp(self):
        self.b = self.browser
        self.b.viewport(1280, 800)
        self.b.problems.clear()

    def tearDown(self):
        self.b.pump(0.05)
        problems, self.b.problems = self.b.problems, []
        self.assertEqual(problems, [], "the browser reported problems")

    def open(self, path):
        self.b.goto(self.base + path)
        self.assertEqual(self.b.problems, [], f"loading {path}")
        self.b.wait_for("window.getComputedStyle(document.body).backgroundColor !== ''")

    def contrast(self, selector):
        return self.b.js(f"{CONTRAST_JS}({json.dumps(selector)})")

    def shot(self, name):
        self.b.screenshot(os.path.join(ARTIFACTS, name + ".png"))

    def visible(self, selector):
        return self.b.js(f"""(function () {{ var e = document.querySelector({json.dumps(selector)});
            if (!e) return false; var s = getComputedStyle(e), r = e.getBoundingClientRect();
            return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0
                && r.right > 0 && r.left < innerWidth; }})()""")

    def test_theme_assets_are_published_by_the_build(self):
        page = self.built.read("public" + DEEP + "index.html")
        assets = re.findall(r'<(?:link rel="(?:stylesheet|icon)"|script) (?:href|src)="(/[^"]+)"', page)
        for name in ("theme", "highlight", "favicon"):
            self.assertTrue([a for a in assets if a.startswith("/bengal/" + name)], f"{DEEP} links no bengal/{name}.*")
        script = re.search(r'data-script="(/[^"]+)"', page).group(1)
        for url in assets + [script]:
            self.assertTrue(os.path.isfile(self.built.file("public" + url)), f"{url} was not published")
        self.assertNotIn("highlight", self.built.read("public/404.html").split("</head>")[0],
                         "a page without code does not link the code colours")

    def test_pages_load_without_errors_and_have_landmarks(self):
        paths = ["/", "/guide/", DEEP, "/tags/", "/tags/content/", "/reference/tools/pipeline/", "/404.html"]
        if os.path.exists(self.built.file("public" + DIRECTIVES + "index.html")):
            paths.append(DIRECTIVES)
        for path in paths:
            with self.subTest(path=path):
                self.open(path)
                landmarks = self.b.js("""['header.site', 'nav[aria-label=Main]', 'nav.tree', 'main#main', 'footer.site',
                    '[role=search]'].filter(function (s) { return !document.querySelector(s); })""")
                self.assertEqual(landmarks, [], path)
                self.assertEqual(self.b.js("document.querySelectorAll('h1').length"), 1, path)
        self.open("/tags/content/")
        self.assertIn("/guide/writing/links/", self.b.js("Array.from(document.querySelectorAll('.children a'), a => a.pathname)"))
        self.open("/404.html")
        self.assertEqual(self.b.js("document.querySelector('h1').textContent"), "Page not found")

    def test_skip_link_is_the_first_stop_and_focus_is_visible(self):
        self.open(DEEP)
        self.b.key("Tab")
        self.assertEqual(self.b.js("document.activeElement.className"), "skip")
        self.assertTrue(self.visible(".skip"), "the focused skip link is on screen")
        self.assertNotEqual(self.b.js("getComputedStyle(document.activeElement).outlineStyle"), "none")
        self.b.key("Enter")
        self.b.wait_for("location.hash === '#main'")

    def test_light_and_dark_follow_the_system_and_the_toggle_is_remembered(self):
        self.b.viewport(1280, 800, "light")
        self.open(DEEP)
        self.b.js("localStorage.removeItem('bengal-theme')")
        self.open(DEEP)
        light_bg = self.b.js("getComputedStyle(document.body).backgroundColor")
        self.assertEqual(light_bg, "rgb(255, 255, 255)")
        self.shot("light")
        for sel in ("main p", ".breadcrumbs a", ".toc a", "nav.tree a[aria-current]", ".terms a", ".pager a",
                    ".highlight code", "header.site nav a", "footer.site"):
            self.assertGreaterEqual(self.contrast(sel), 4.5, f"light: contrast of {sel}")
        # The system's dark mode, with no stored choice.
        self.b.viewport(1280, 800, "dark")
        self.assertEqual(self.b.js("getComputedStyle(document.body).backgroundColor"), "rgb(13, 17, 23)")
        # The toggle's state follows the system's change (a change event, so not at once).
        self.b.wait_for("document.querySelector('.theme-toggle').getAttribute('aria-pressed') === 'true'")
        # The toggle overrides the system and is remembered from page to page, before the first paint.
        self.b.js("document.querySelector('.theme-toggle').click()")
        self.assertEqual(self.b.js("document.documentElement.dataset.theme"), "light")
        self.assertEqual(self.b.js("getComputedStyle(document.body).backgroundColor"), light_bg)
        self.b.viewport(1280, 800, "light")
        self.b.js("document.querySelector('.theme-toggle').click()")
        self.assertEqual(self.b.js("localStorage.getItem('bengal-theme')"), "dark")
        self.open("/guide/")
        self.assertEqual(self.b.js("document.documentElement.dataset.theme"), "dark")
        self.assertEqual(self.b.js("getComputedStyle(document.body).backgroundColor"), "rgb(13, 17, 23)")
        self.open(DEEP)
        self.shot("dark")
        for sel in ("main p", ".breadcrumbs a", ".toc a", "nav.tree a[aria-current]", ".terms a", ".pager a",
                    ".highlight code", ".highlight .copy", "header.site nav a", "footer.site"):
            self.assertGreaterEqual(self.contrast(sel), 4.5, f"dark: contrast of {sel}")
        # The inline script in <head> sets the theme before the style sheet is even requested.
        head = self.built.read("public" + DEEP + "index.html").split("</head>")[0]
        self.assertLess(head.index("bengal-theme"), head.index("theme.css"))
        self.b.js("localStorage.removeItem('bengal-theme')")

    def test_sidebar_holds_the_current_branch_only_and_collapses(self):
        self.open(DEEP)
        hrefs = self.b.js("Array.from(document.querySelectorAll('nav.tree a'), a => a.pathname)")
        # Ancestors and their siblings, and the current section's pages...
        for url in ("/getting-started/", "/guide/", "/guide/writing/", "/guide/writing/front-matter/", DEEP,
                    "/guide/sections/", "/reference/"):
            self.assertIn(url, hrefs)
        # ...but nothing inside the branches that are not open.
        for url in ("/getting-started/install/", "/reference/tools/", "/reference/tools/pipeline/"):
            self.assertNotIn(url, hrefs)
        self.assertEqual(self.b.js("document.querySelector('nav.tree [aria-current=page]').pathname"), DEEP)
        toggle = "document.querySelector('nav.tree li:has(> a[href=\"/guide/writing/\"]) > .tree-toggle')"
        self.assertEqual(self.b.js(f"{toggle}.getAttribute('aria-expanded')"), "true")
        self.assertTrue(self.visible("nav.tree a[aria-current]"))
        self.b.js(f"{toggle}.click()")
        self.assertEqual(self.b.js(f"{toggle}.getAttribute('aria-expanded')"), "false")
        self.assertFalse(self.visible("nav.tree a[aria-current]"), "the collapsed branch hides its pages")
        self.b.js(f"{toggle}.click()")
        self.assertTrue(self.visible("nav.tree a[aria-current]"))

    def test_table_of_contents_follows_the_scroll(self):
        self.open(DEEP)
        ids = self.b.js("Array.from(document.querySelectorAll('.toc a'), a => a.hash.slice(1))")
        self.assertEqual(ids, self.b.js("Array.from(document.querySelectorAll('article h2[id]'), h => h.id)"))
        self.assertGreaterEqual(len(ids), 2)
        self.assertTrue(self.visible(".toc"))
        self.assertEqual(self.b.js("document.querySelector('.toc a.active').hash"), "#" + ids[0])
        self.b.js(f"document.getElementById({json.dumps(ids[-1])}).scrollIntoView()")
        self.b.wait_for(f"document.querySelector('.toc a.active').hash === '#{ids[-1]}'")
        self.b.js("window.scrollTo(0, 0)")
        self.b.wait_for(f"document.querySelector('.toc a.active').hash === '#{ids[0]}'")

    def test_code_blocks_have_a_copy_button(self):
        self.open(DEEP)
        self.assertEqual(self.b.js("document.querySelectorAll('.highlight').length"),
                         self.b.js("document.querySelectorAll('.highlight > .copy').length"))
        expected = self.b.js("document.querySelector('.highlight code').textContent").rstrip("\n")
        self.b.js("document.querySelector('.highlight .copy').click()")
        self.b.wait_for("document.querySelector('.highlight .copy').textContent === 'Copied'")
        self.assertEqual(self.b.js("navigator.clipboard.readText()"), expected)

    def test_narrow_screen_puts_the_sidebar_in_a_drawer(self):
        self.b.viewport(390, 844)
        self.open(DEEP)
        self.assertLessEqual(self.b.js("document.documentElement.scrollWidth"), 390, "no sideways scrolling")
        self.assertFalse(self.visible("#sidebar"))
        self.assertTrue(self.visible(".menu-toggle"))
        self.assertTrue(self.visible("#search-input"))
        self.shot("narrow")
        self.b.js("document.querySelector('.menu-toggle').click()")
        self.b.wait_for("getComputedStyle(document.getElementById('sidebar')).transform === 'none'")
        self.assertTrue(self.visible("nav.tree a[aria-current]"))
        self.assertEqual(self.b.js("document.querySelector('.menu-toggle').getAttribute('aria-expanded')"), "true")
        self.b.key("Escape")
        self.assertEqual(self.b.js("document.querySelector('.menu-toggle').getAttribute('aria-expanded')"), "false")

    def test_print_shows_the_article_only(self):
        self.open(DEEP)
        self.b.call("Emulation.setEmulatedMedia", media="print")
        try:
            for sel in ("header.site", "#sidebar", ".toc", ".pager", "footer.site", ".highlight .copy"):
                self.assertFalse(self.visible(sel), f"{sel} is printed")
            self.assertTrue(self.visible("article h1"))
            self.assertEqual(self.b.js("getComputedStyle(document.body).backgroundColor"), "rgb(255, 255, 255)")
        finally:
            self.b.call("Emulation.setEmulatedMedia", media="")

    def test_tabs_switch_by_click_and_arrow_keys(self):
        if not os.path.exists(self.built.file("public" + DIRECTIVES + "index.html")):
            self.skipTest(f"examples/docs has no {DIRECTIVES} page with tabs yet")
        self.open(DIRECTIVES)
        if not self.b.js("!!document.querySelector('.tab-set')"):
            self.skipTest(f"{DIRECTIVES} has no tabs yet")
        first = "document.querySelector('.tab-set')"
        tabs = f"{first}.querySelectorAll(':scope > .tab-list > [role=tab]')"
        self.assertGreaterEqual(self.b.js(f"{tabs}.length"), 2)
        self.b.js(f"{tabs}[1].click()")
        self.assertEqual(self.b.js(f"{tabs}[1].getAttribute('aria-selected')"), "true")
        self.assertEqual(self.b.js(f"{tabs}[0].getAttribute('aria-selected')"), "false")
        self.assertEqual(self.b.js(f"document.getElementById({tabs}[1].getAttribute('aria-controls')).hidden"), False)
        self.assertEqual(self.b.js(f"document.getElementById({tabs}[0].getAttribute('aria-controls')).hidden"), True)
        self.b.js(f"{tabs}[1].focus()")
        self.b.key("ArrowLeft")
        self.assertEqual(self.b.js(f"{tabs}[0].getAttribute('aria-selected')"), "true")
        self.assertEqual(self.b.js(f"document.activeElement === {tabs}[0]"), True)
        # Tabs with the same data-sync key follow each other, and the choice is remembered.
        key = self.b.js("(document.querySelector('[role=tab][data-sync][aria-selected=false]') || {dataset: {}}).dataset.sync")
        if key:
            sel = f"document.querySelectorAll('[role=tab][data-sync=\"{key}\"]')"
            self.b.js(f"{sel}[0].click()")
            self.assertTrue(self.b.js(f"Array.from({sel}).every(t => t.getAttribute('aria-selected') === 'true')"))
            self.open(DIRECTIVES)
            self.assertTrue(self.b.js(f"Array.from({sel}).every(t => t.getAttribute('aria-selected') === 'true')"),
                            "the chosen tab is chosen again on the next page")
            self.b.js("localStorage.removeItem('bengal-tabs')")

    def test_directives_have_enough_contrast_in_both_schemes(self):
        if not os.path.exists(self.built.file("public" + DIRECTIVES + "index.html")):
            self.skipTest(f"examples/docs has no {DIRECTIVES} page yet")
        selectors = [".admonition-title", ".admonition p:not(.admonition-title)", ".version-title", ".badge",
                     ".tab-list [aria-selected=true]", ".tab-list [aria-selected=false]", ".card-title", ".card-body",
                     ".step-title", "figcaption", "details.dropdown > summary", "dt", ".highlight .code-title"]
        for scheme in ("light", "dark"):
            self.b.viewport(1280, 800, scheme)
            self.open(DIRECTIVES)
            for sel in selectors:
                ratio = self.contrast(sel)
                if ratio is not None:
                    self.assertGreaterEqual(ratio, 4.5, f"{scheme}: contrast of {sel}")

    def test_search_finds_a_page_by_its_title_and_enter_opens_it(self):
        if not os.path.exists(self.built.file("public/search/index.json")):
            self.skipTest("bengal-index wrote no public/search/index.json: the search index is not there yet")
        self.open(DEEP)
        self.assertFalse(self.b.js("!!document.querySelector('script[src$=\"search.js\"]')"),
                         "search.js is loaded only when the search box is used")
        self.b.key("/")
        self.assertEqual(self.b.js("document.activeElement.id"), "search-input")
        self.b.type("sections and URLs")
        self.b.wait_for("!document.getElementById('search-results').hidden"
                        " && document.querySelector('#search-results [role=option] a')")
        first = self.b.js("document.querySelector('#search-results [role=option] a').pathname")
        self.assertEqual(first, "/guide/sections/")
        self.assertIn("Sections and URLs", self.b.js("document.querySelector('#search-results .r-title').textContent"))
        self.b.key("ArrowDown")
        self.assertEqual(self.b.js("document.getElementById('search-input').getAttribute('aria-activedescendant')"),
                         "search-result-0")
        self.b.key("Enter")
        self.b.wait_for("location.pathname === '/guide/sections/'")
        self.b.wait_for("document.readyState === 'complete'")
        # A word found in a heading only links to that heading.
        self.b.js("document.getElementById('search-input').focus()")
        self.b.wait_for("document.querySelector('script[src$=\"search.js\"]')")
        self.b.type("broken")
        self.b.wait_for("document.querySelector('#search-results [role=option] a')")
        hrefs = self.b.js("Array.from(document.querySelectorAll('#search-results [role=option] a'), a => a.pathname + a.hash)")
        self.assertIn(DEEP + "#broken-links", hrefs)
        self.b.key("Escape")
        self.assertTrue(self.b.js("document.getElementById('search-results').hidden"))


if __name__ == "__main__":
    unittest.main()
