# SPDX-License-Identifier: MIT
# web_test.py: the page in headless Chromium through selenium, for
# tests/web/test_web.sh (which makes the native references it compares
# with).  Prints "ok NAME" or "FAIL NAME" and indented details per check.
import argparse
import datetime
import glob
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

A = None
FIXTURE = os.path.abspath("tests/check/fixtures/invoice-photo.jpg")
WIDTH, HEIGHT = 360, 740


def ok(name):
    print("ok " + name)


def fail(name, *details):
    print("FAIL " + name)
    for d in details:
        for line in str(d).splitlines()[:30]:
            print("  " + line)


def check(name, cond, *details):
    if cond:
        ok(name)
    else:
        fail(name, *details)
    return cond


def note(text):
    print("note " + text)


# ------------------------------------------------------------ records

def facts(text):
    """The record without what differs between runs (test_scenarios.sh)."""
    out = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        if key in ("id", "created", "updated", "sha256", "challenge"):
            continue
        if line.startswith("reason: ") and " not_checked" in line:
            line = line[:line.index(" not_checked") + len(" not_checked")]
        out.append(line)
    return out


def reasons(text):
    return [l.split()[2] for l in text.splitlines() if l.startswith("reason: ")]


def verdict(text):
    for l in text.splitlines():
        if l.startswith("verdict: "):
            return l[len("verdict: "):]
    return None


def sealed_ok(text):
    """head -n -1 FILE | sha256sum equals the last line."""
    body, _, last = text.rstrip("\n").rpartition("\n")
    return last == "sha256: " + hashlib.sha256((body + "\n").encode()).hexdigest()


def diff(a, b):
    import difflib
    return "\n".join(difflib.unified_diff(a, b, "native", "page", lineterm="", n=1))


def native(*args, stdin=None):
    r = subprocess.run([A.bin] + list(args), input=stdin, capture_output=True)
    return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")


# ------------------------------------------------------------ browser

class Browser:
    def __init__(self, name, langs=None, dark=False):
        o = Options()
        o.binary_location = A.chromium
        self.profile = os.path.join(A.scratch, "profile-" + name)
        self.downloads = os.path.join(A.scratch, "downloads-" + name)
        os.makedirs(self.downloads, exist_ok=True)
        for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync",
                  "--disable-features=Translate,MediaRouter,OptimizationHints",
                  "--user-data-dir=" + self.profile, "--window-size=500,900"):
            o.add_argument(a)
        prefs = {"download.default_directory": self.downloads, "download.prompt_for_download": False}
        if langs:
            prefs["intl.accept_languages"] = langs
            o.add_argument("--lang=" + langs.split(",")[0])
        o.add_experimental_option("prefs", prefs)
        o.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        self.d = webdriver.Chrome(service=Service(A.driver), options=o)
        self.d.set_script_timeout(60)
        self.requests = []
        self.phone(WIDTH, HEIGHT)
        self.d.execute_cdp_cmd("Browser.setDownloadBehavior",
                               {"behavior": "allow", "downloadPath": self.downloads})
        if dark:
            self.dark(True)

    def phone(self, w, h):
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": True})
        self.d.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})

    def dark(self, on):
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
            {"name": "prefers-color-scheme", "value": "dark" if on else "light"},
            {"name": "prefers-reduced-motion", "value": "reduce"}]})

    def open(self, page):
        self.d.get("file://" + os.path.abspath(page))
        return self.ready()

    def ready(self):
        return self.d.execute_async_script(
            "var cb = arguments[arguments.length - 1];"
            "handover.ready.then(function () { cb('ready'); }, function (e) { cb('failed: ' + e); });")

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def log_network(self):
        """Every request the browser made since last asked."""
        for e in self.d.get_log("performance"):
            m = json.loads(e["message"])["message"]
            if m.get("method") == "Network.requestWillBeSent":
                self.requests.append(m["params"]["request"]["url"])
        return self.requests

    def shot(self, name):
        path = os.path.join(A.shots, name + ".png")
        self.d.save_screenshot(path)
        return path

    def no_network(self, where):
        """Every request the browser made, but for the page's own file and
        the blob: and data: URLs it makes, and the browser's own pages."""
        reqs = [u for u in self.log_network()
                if not u.startswith(("file:", "blob:", "data:", "about:", "chrome:", "devtools:"))]
        check("no network request during " + where, not reqs, *reqs[:5])
        res = self.js("return performance.getEntriesByType('resource').map("
                      "function (e) { return e.name; })")
        check("the page fetched no resource during " + where, not res, *res[:5])

    def quit(self):
        try:
            self.d.quit()
        except Exception:
            pass


def wait(b, cond, what, timeout=20):
    try:
        return WebDriverWait(b.d, timeout, poll_frequency=0.05).until(lambda d: cond())
    except TimeoutException:
        raise AssertionError("timed out waiting for " + what)


def step(b):
    return b.js("return document.getElementById('view-check').getAttribute('data-step')")


def answers_done(b):
    return int(b.js("return +(document.getElementById('view-check').getAttribute('data-answers') || 0)"))


def says(b):
    return b.js("return document.getElementById('says').textContent")


def act(b, fn):
    """Runs fn (a tap or a typed answer) and waits until it was applied and saved."""
    n = answers_done(b)
    fn()
    wait(b, lambda: answers_done(b) > n or b.js(
        "return !document.getElementById('view-verdict').hidden"), "the answer to be taken")


def tap(b, css):
    # the page takes no tap in the first 300 ms of a question (a double
    # tap's second half), as a person's next tap would come later
    time.sleep(0.32)
    el = b.d.find_element(By.CSS_SELECTOR, css)
    b.js("arguments[0].scrollIntoView({block: 'center'})", el)
    el.click()


def type_answer(b, value, kind=None):
    inp = b.d.find_element(By.ID, "q-input")
    if inp.get_attribute("type") == "date":
        b.js("arguments[0].value = arguments[1]", inp, value)
    else:
        inp.clear()
        inp.send_keys(value)
    tap(b, "#text-form button[type=submit]")


def answer_step(b, sid, value):
    """Answers the current step sid with value as a buyer would."""
    kind = b.js("return document.getElementById('choices').children.length ? 'choice' :"
                " !document.getElementById('files').hidden ? 'files' : 'text'")
    if value == "skip":
        act(b, lambda: tap(b, "#skip"))
    elif kind == "choice":
        act(b, lambda: tap(b, "#choices button[data-answer='%s']" % value))
    elif kind == "files":
        if value == "done":
            act(b, lambda: tap(b, "#photo-done"))
        else:
            act(b, lambda: b.d.find_element(By.ID, "photo-choose").send_keys(
                os.path.abspath(value)))
    else:
        act(b, lambda: type_answer(b, value))


def any_answer(b):
    """An answer the current question takes, whatever its kind."""
    kind = b.js("var v = document.getElementById('q-input');"
                "return document.getElementById('choices').children.length ? 'choice' :"
                " !document.getElementById('files').hidden ? 'files' :"
                " !document.getElementById('no-eid').hidden ? 'eid' : v.type + ':' + v.inputMode")
    sid = step(b)
    if kind == "choice":
        return b.js("return document.querySelector('#choices button').getAttribute('data-answer')")
    if kind == "files":
        return "done"
    return {"listing.country": "KE", "listing.price": "9000 KES", "identity.imei1":
            "35 417803 685978 9", "identity.imei2": "354178036859797", "identity.eid": "none",
            "proof.date": "2025-06-14", "proof.amount": "9000 KES",
            "seller.id_last4": "7K2Q"}.get(sid, "X1")


def parse_answers(path):
    out = []
    for line in open(path, encoding="utf-8"):
        if "=" in line and not line.lstrip().startswith("#"):
            k, v = line.split("=", 1)
            out.append((k.strip(), v.strip()))
    return out


def drive(b, answers, until=None, hooks=None):
    """Answers the questions in the order the page asks them, from the
    answers list (a step with several lines takes them in turn)."""
    left = list(answers)
    hooks = hooks or {}
    for _ in range(200):
        if b.js("return !document.getElementById('view-verdict').hidden"):
            return
        sid = step(b)
        if until and sid == until:
            return
        if sid in hooks:
            hooks.pop(sid)()
            continue
        k = next((i for i, (s, _) in enumerate(left) if s == sid), None)
        if k is None:
            raise AssertionError("no answer for step " + str(sid))
        value = left.pop(k)[1]
        answer_step(b, sid, value)
    raise AssertionError("the check never ended")


AUDITED = []


def axe(b, where, violations):
    if not A.axe:
        return
    AUDITED.append(where)
    if not b.js("return !!window.axe"):
        b.js(open(A.axe, encoding="utf-8").read())
    r = b.d.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
        "  cb(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,"
        "    nodes: v.nodes.map(function (n) { return n.target.join(' '); }).slice(0, 3)}; })); },"
        "  function (e) { cb([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });")
    for v in r:
        v["where"] = where
        violations.append(v)


def layout(b, where, problems):
    """No horizontal scroll; every visible control at least 44 px square."""
    r = b.js("""
        var out = [], w = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth > w + 1)
            out.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + w);
        document.querySelectorAll('button, a, input, select, textarea, label.button').forEach(function (e) {
            var s = getComputedStyle(e), r = e.getBoundingClientRect(), t = e;
            if (e.tagName === 'INPUT' && e.type === 'file') return;
            if (e.classList.contains('skip') || !e.offsetParent && s.position !== 'fixed') return;
            if (r.width === 0 || r.height === 0) return;
            if (r.right > w + 1 || r.left < -1) out.push((e.id || e.textContent.trim().slice(0, 30)) + ' sticks out');
            if (r.height < 44 || r.width < 44) out.push((e.id || e.textContent.trim().slice(0, 30)) + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
        });
        return out;""")
    for p in r:
        problems.append(where + ": " + p)


# ------------------------------------------------------------ parity

def test_parity(b):
    files = {"tests/check/fixtures/invoice-photo.jpg": list(open(FIXTURE, "rb").read())}
    scen = sorted(glob.glob(os.path.join(A.ref, "scen", "*.answers")))
    same, out_dir = 0, os.path.join(A.scratch, "page-records")
    os.makedirs(out_dir, exist_ok=True)
    t0 = time.time()
    for path in scen:
        name = os.path.basename(path)[:-len(".answers")]
        want = open(path[:-len(".answers")] + ".record", encoding="utf-8").read()
        want_exit = int(open(path[:-len(".answers")] + ".exit").read())
        got = b.js("var f = {}, k; for (k in arguments[1]) f[k] = new Uint8Array(arguments[1][k]);"
                   "return handover.check(arguments[0], {files: f});",
                   open(path, encoding="utf-8").read(), files)
        problems = []
        if got["exit"] != want_exit:
            problems.append("exit %s, native %s" % (got["exit"], want_exit))
        if got["verdict"] != verdict(want):
            problems.append("verdict %s, native %s" % (got["verdict"], verdict(want)))
        if got["reasons"] != reasons(want):
            problems.append("reasons %s, native %s" % (got["reasons"], reasons(want)))
        if facts(got["record"]) != facts(want):
            problems.append(diff(facts(want), facts(got["record"])))
        if not sealed_ok(got["record"]):
            problems.append("the page's seal is not the SHA-256 of the lines above it")
        with open(os.path.join(out_dir, name + ".record"), "w", encoding="utf-8") as f:
            f.write(got["record"])
        if problems:
            fail("scenario %s: the page and 'handover check --answers' differ" % name, *problems)
        else:
            same += 1
    check("parity: %d of %d scenarios give the native exit, verdict, reasons and record"
          % (same, len(scen)), same == len(scen) and len(scen) > 50)
    note("parity: %d scenarios in %.1f s" % (len(scen), time.time() - t0))
    st, out, err = native("verify", *sorted(glob.glob(os.path.join(out_dir, "*.record"))))
    check("handover verify accepts the %d records the page made" % len(scen), st == 0, out[-800:], err)

    # the clock and offset given in options reach the record
    base = open(os.path.join(A.ref, "scen", "honest_invoice.answers"), encoding="utf-8").read()
    now = 1764211230000  # 2025-11-27T02:40:30Z
    got = b.js("return handover.check(arguments[0], {now: arguments[1], offset: 330})", base, now)
    lines = dict(l.split(": ", 1) for l in got["record"].splitlines() if ": " in l)
    check("options.now and options.offset make the record's times and id",
          lines.get("created") == "2025-11-27T08:10:30+05:30" and
          lines.get("id", "").startswith("2025-11-27-") and got["exit"] == 0, lines.get("created"),
          lines.get("id"), got["exit"])

    # identifiers
    text = open(os.path.join(A.ref, "imei.txt"), encoding="utf-8").read()
    want = [json.loads(l) for l in open(os.path.join(A.ref, "imei.json"), encoding="utf-8")]
    got = b.js("return handover.imei(arguments[0])", text)
    bad = [(i, w, g) for i, (w, g) in enumerate(zip(want, got)) if w != g]
    check("parity: %d identifiers from the repo's IMEI tests equal 'handover imei --json'"
          % len(want), len(want) == len(got) and not bad and len(want) > 3000,
          "native %d objects, page %d" % (len(want), len(got)), *[json.dumps(x) for x in bad[:3]])

    # bills of sale
    bills = sorted(glob.glob(os.path.join(A.ref, "bills", "*.html")))
    same = 0
    for path in bills:
        rec = open(path[:-len(".html")] + ".record", encoding="utf-8").read()
        want = open(path, encoding="utf-8").read()
        got = b.js("return handover.billOfSale(arguments[0])", rec)
        if got == want:
            same += 1
        else:
            import difflib
            fail("bill of sale %s differs from 'handover export --html'" % os.path.basename(path),
                 "\n".join(list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                                     lineterm="", n=0))[:12]))
    check("parity: %d of %d bills of sale equal 'handover export --html' byte for byte"
          % (same, len(bills)), same == len(bills) and len(bills) > 50)

    # a check begun in the page, finished at the terminal
    part = open(os.path.join(A.ref, "story", "open.answers"), encoding="utf-8").read()
    got = b.js("var f = {}, k; for (k in arguments[1]) f[k] = new Uint8Array(arguments[1][k]);"
               "return handover.check(arguments[0], {files: f});", part, files)
    rid = got["record"].splitlines()[1][len("id: "):]
    folder = os.path.join(os.environ["XDG_DATA_HOME"], "handover")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    with open(os.path.join(folder, rid + ".record"), "w", encoding="utf-8") as f:
        f.write(got["record"])
    os.chmod(os.path.join(folder, rid + ".record"), 0o600)
    st, out, err = native("check", "--resume", rid, "--answers",
                          os.path.join(A.ref, "scen", "honest_invoice.answers"), stdin=b"")
    fin = open(os.path.join(folder, rid + ".record"), encoding="utf-8").read()
    want = open(os.path.join(A.ref, "scen", "honest_invoice.record"), encoding="utf-8").read()
    check("a check the page left open is finished by 'handover check --resume'",
          got["exit"] == 6 and st == 0 and facts(fin) == facts(want),
          "page exit %s, resume exit %s" % (got["exit"], st), err[-400:], diff(facts(want), facts(fin)))


# ------------------------------------------------------------ the story

def test_story(violations, problems):
    b = Browser("story")
    try:
        check("the page loads from file:// and its core is ready", b.open(A.page) == "ready")
        b.shot("01-first-question")
        axe(b, "first question (a text field)", violations)
        layout(b, "first question", problems)
        answers = parse_answers(os.path.join(A.ref, "story", "story.answers"))
        answers = [(s, "India" if s == "listing.country" else v) for s, v in answers]

        def help_and_bad_imei():
            tap(b, "#help-toggle")
            check("? shows the step's help with the brand's tap path",
                  b.js("return !document.getElementById('q-help').hidden") and
                  "Redmi" in b.js("return document.getElementById('q-help').textContent") or
                  len(b.js("return document.getElementById('q-help').textContent")) > 40,
                  b.js("return document.getElementById('q-help').textContent"))
            b.shot("02-help")
            answer_step(b, "identity.dial", "yes")
            inp = b.d.find_element(By.ID, "q-input")
            inp.send_keys("354178036859788")
            wait(b, lambda: "need 9" in b.js("return document.getElementById('q-hint').textContent"),
                 "the engine's message under the IMEI field")
            check("the IMEI field shows the engine's message as the buyer types",
                  "the last digit is 8, but the first 14 digits need 9" in
                  b.js("return document.getElementById('q-hint').textContent"))
            b.shot("03-imei-message")
            axe(b, "an IMEI with the engine's message", violations)
            answer_step(b, "identity.imei1", "35 417803 685978 9")
            check("a valid IMEI is confirmed", "is valid" in says(b), says(b))
            # back: the IMEI again, kept as typed before
            act(b, lambda: tap(b, "#back"))
            check("back returns to the IMEI, kept as the default",
                  step(b) == "identity.imei1" and
                  b.js("return document.getElementById('q-input').value") == "354178036859789",
                  step(b))
            act(b, lambda: tap(b, "#text-form button[type=submit]"))

        def registry():
            href = b.js("var a = document.querySelector('#taps a[href^=\"sms:\"]'); return a && a.href")
            check("the registry step taps to send the SMS with the IMEI",
                  href == "sms:14422?&body=KYM%20354178036859789", href)
            b.shot("04-registry")
            axe(b, "the registry's replies (choices and taps)", violations)
            layout(b, "the registry", problems)
            tap(b, "#status")
            check("Progress shows what is done and still open",
                  "of" in b.js("return document.getElementById('status-box').textContent"))
            b.shot("05-progress")
            tap(b, "#status")
            answer_step(b, "registry.reply", "valid")

        def reload():
            before = step(b)
            b.d.refresh()
            check("after a reload the page is ready again", b.ready() == "ready")
            check("a reload midway resumes the open check at the same question",
                  step(b) == before and "Resuming check" in says(b), step(b), says(b))
            b.shot("06-resumed")
            answer_step(b, "finance.apps", "no")

        def photo():
            axe(b, "the photo step", violations)
            layout(b, "the photo step", problems)
            answer_step(b, "proof.files", FIXTURE)
            check("a picked photo is hashed and attached by name only",
                  "invoice-photo.jpg" in says(b) and "SHA-256" in says(b), says(b))
            b.shot("07-photo")
            answer_step(b, "proof.files", "done")

        answers = [a for a in answers if a[0] not in ("identity.dial", "identity.imei1",
                                                       "registry.reply", "finance.apps")
                   and a[1] != "tests/check/fixtures/invoice-photo.jpg"
                   and not (a[0] == "proof.files" and a[1] == "done")]
        drive(b, answers, hooks={"identity.dial": help_and_bad_imei, "registry.reply": registry,
                                 "finance.apps": reload, "proof.files": photo})
        check("the last answer shows the verdict",
              b.js("return !document.getElementById('view-verdict').hidden"))
        b.shot("08-verdict")
        axe(b, "the verdict", violations)
        layout(b, "the verdict", problems)

        # the record, downloaded, verified natively
        for f in glob.glob(os.path.join(b.downloads, "*")):
            os.remove(f)
        tap(b, "#v-download")
        wait(b, lambda: [f for f in glob.glob(os.path.join(b.downloads, "*.record"))],
             "the record to download")
        rec = glob.glob(os.path.join(b.downloads, "*.record"))[0]
        text = open(rec, encoding="utf-8").read()
        st, out, err = native("verify", "--attachments", os.path.dirname(FIXTURE), rec)
        want = open(os.path.join(A.ref, "story", "story.record"), encoding="utf-8").read()
        check("the downloaded record is accepted by 'handover verify' (photo ok)",
              st == 0 and "intact" in out and " ok" in out, out, err)
        check("head -n -1 FILE | sha256sum is the downloaded record's seal", sealed_ok(text))
        check("the tapped-through record has the facts of the same answers run natively",
              facts(text) == facts(want), diff(facts(want), facts(text)))

        # the bill of sale opens in a tab of its own
        main = b.d.current_window_handle
        tap(b, "#v-bill")
        wait(b, lambda: len(b.d.window_handles) > 1, "the bill of sale's tab")
        b.d.switch_to.window([h for h in b.d.window_handles if h != main][0])
        wait(b, lambda: b.d.title.startswith("Bill of sale"), "the bill of sale to load")
        b.phone(WIDTH, HEIGHT)
        b.shot("09-bill-of-sale")
        check("the bill of sale opens from the verdict", "Bill of sale" in b.d.title, b.d.title)
        b.d.close()
        b.d.switch_to.window(main)

        # saved checks, IMEI, country
        tap(b, "#tabs button[data-view=saved]")
        wait(b, lambda: b.js("return document.querySelectorAll('#s-list li .row').length") >= 1,
             "the saved checks")
        b.shot("10-saved")
        axe(b, "saved checks", violations)
        layout(b, "saved checks", problems)
        tap(b, "#tabs button[data-view=imei]")
        b.d.find_element(By.ID, "i-input").send_keys("35 417803 685978 9\n354178036859788\n")
        wait(b, lambda: b.js("return document.querySelectorAll('#i-out .id').length") == 2,
             "the IMEI results")
        check("the IMEI checker explains each identifier with the engine's words",
              "the last digit is 8" in b.js("return document.getElementById('i-out').textContent"))
        b.shot("11-imei")
        axe(b, "the IMEI checker", violations)
        layout(b, "the IMEI checker", problems)
        tap(b, "#tabs button[data-view=info]")
        Select(b.d.find_element(By.ID, "c-pick")).select_by_value("IN")
        wait(b, lambda: "14422" in b.js("return document.getElementById('c-out').textContent"),
             "India's information")
        check("country information shows the official check",
              "Know Your Mobile" in b.js("return document.getElementById('c-out').textContent"))
        b.shot("12-country")
        axe(b, "country information", violations)
        layout(b, "country information", problems)

        # a check begun at a terminal, imported and finished here
        tap(b, "#tabs button[data-view=saved]")
        b.d.find_element(By.ID, "s-import").send_keys(os.path.join(A.ref, "story", "open.record"))
        wait(b, lambda: "added" in b.js("return document.getElementById('s-msg').textContent"),
             "the import")
        oid = open(os.path.join(A.ref, "story", "open.record")).read().splitlines()[1][4:]
        b.js("var li = [].filter.call(document.querySelectorAll('#s-list li'), function (l) {"
             "  return l.textContent.indexOf(arguments[0]) >= 0; });"
             "li[0].querySelector('button.primary').click();".replace("arguments[0]", json.dumps(oid)))
        wait(b, lambda: step(b) == "accounts.removed", "the imported check's next question")
        check("a terminal's open check resumes in the page where it stopped",
              step(b) == "accounts.removed" and oid in says(b), step(b), says(b))
        rest = parse_answers(os.path.join(A.ref, "scen", "honest_invoice.answers"))
        rest = [(s, FIXTURE if v.endswith("invoice-photo.jpg") else v) for s, v in rest]
        drive(b, rest)
        for f in glob.glob(os.path.join(b.downloads, "*")):
            os.remove(f)
        tap(b, "#v-download")
        wait(b, lambda: glob.glob(os.path.join(b.downloads, oid + ".record")), "the record")
        fin = open(os.path.join(b.downloads, oid + ".record"), encoding="utf-8").read()
        want = open(os.path.join(A.ref, "scen", "honest_invoice.record"), encoding="utf-8").read()
        st, out, err = native("verify", os.path.join(b.downloads, oid + ".record"))
        check("the terminal's check finished in the page verifies and has the native facts",
              st == 0 and facts(fin) == facts(want), out, diff(facts(want), facts(fin)))

        # a saved check deleted, after the buyer confirms
        tap(b, "#tabs button[data-view=saved]")
        n = b.js("return document.querySelectorAll('#s-list li .row').length")
        b.js("var li = [].filter.call(document.querySelectorAll('#s-list li'), function (l) {"
             "  return l.textContent.indexOf(%s) >= 0; });"
             "li[0].querySelector('button[data-act=delete]').click();" % json.dumps(oid))
        WebDriverWait(b.d, 5).until(lambda d: d.switch_to.alert)
        b.d.switch_to.alert.accept()
        wait(b, lambda: b.js("return document.querySelectorAll('#s-list li .row').length") == n - 1,
             "the check to go")
        check("a saved check is deleted once the buyer confirms",
              oid not in b.js("return document.getElementById('s-list').textContent") and
              "deleted" in b.js("return document.getElementById('s-msg').textContent"))

        # 320 px, dark
        b.phone(320, 640)
        b.dark(True)
        tap(b, "#tabs button[data-view=check]")
        b.shot("13-dark-320")
        for v in ("check", "saved", "imei", "info"):
            tap(b, "#tabs button[data-view=%s]" % v)
            layout(b, v + " at 320 px", problems)
            axe(b, v + " (dark)", violations)
        b.phone(WIDTH, HEIGHT)
        b.dark(False)

        b.no_network("the story")
        check("the core made no system call", b.js("return handover.systemCalls()") == 0)
        logs = [l for l in b.d.get_log("browser") if l["level"] == "SEVERE"]
        check("no error in the browser's console", not logs, *[l["message"] for l in logs[:5]])
    finally:
        b.quit()


# ------------------------------------------------------------ languages

def test_languages(violations, problems):
    b = Browser("lang", langs="ar,en")
    try:
        check("the test page loads", b.open(A.test_page) == "ready")
        lang = b.js("return [document.documentElement.lang, document.documentElement.dir]")
        check("the language comes from navigator.languages, with its direction",
              lang == ["ar", "rtl"], lang)
        q = b.js("return document.getElementById('q-text').textContent")
        check("the question is in the words file's language", q == "في أي بلد تشتري؟", q)
        tab = b.js("return document.querySelector('#tabs button[data-view=check]').textContent")
        back = b.js("return document.getElementById('status').textContent")
        check("the page's own words come from the words file, English behind",
              tab == "فحص" and back == "التقدم" and
              b.js("return document.getElementById('photo-done').textContent").startswith("Done"))
        b.shot("14-rtl-test-language")
        layout(b, "right to left", problems)
        axe(b, "right to left", violations)
        answer_step(b, "listing.country", "IN")
        check("answers are kept in their canonical values whatever the language",
              step(b) == "listing.brand" and
              b.js("return document.getElementById('q-text').textContent").startswith("ما العلامة"))
        Select(b.d.find_element(By.ID, "lang")).select_by_value("en")
        check("the language can be changed midway, the question follows",
              b.js("return document.getElementById('q-text').textContent") ==
              "Which brand does the seller say it is?" and
              b.js("return document.documentElement.dir") == "ltr")
        # every real language the page has
        codes = [c for c in b.js("return Array.prototype.map.call(document.querySelectorAll("
                                 "'#lang option'), function (o) { return o.value; })")
                 if c not in ("en", "ar")]
        for c in codes:
            Select(b.d.find_element(By.ID, "lang")).select_by_value(c)
            before = b.js("return document.getElementById('q-text').textContent")
            d = b.js("return [document.documentElement.lang, document.documentElement.dir]")
            want_dir = "rtl" if "\nlang.dir\trtl" in open("data/words-%s.tsv" % c,
                                                          encoding="utf-8").read() else "ltr"
            # a short run: the question in the language, one answer, the next
            sid = step(b)
            answer_step(b, sid, any_answer(b))
            after = b.js("return document.getElementById('q-text').textContent")
            check("language %s: asked in it, %s, answered, the next question asked" % (c, d[1]),
                  d == [c, want_dir] and before and after and step(b) != sid, d, before, after)
            b.shot("15-lang-" + c)
            layout(b, "language " + c, problems)
        if not codes:
            note("no data/words-LL.tsv but English: the languages were tested with words-ar.tsv")
        b.no_network("the language runs")
    finally:
        b.quit()


def test_no_storage():
    """With storage refused the checklist still works, minus history."""
    b = Browser("nostore")
    try:
        b.d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source":
            "Object.defineProperty(window, 'indexedDB', {get: function () {"
            " throw new DOMException('denied', 'SecurityError'); }});"})
        check("without storage the page still loads", b.open(A.page) == "ready")
        answer_step(b, "listing.country", "KE")
        check("without storage the checklist goes on and says it is not saved",
              step(b) == "listing.brand" and "Not saved" in
              b.js("return document.getElementById('saved-note').textContent"))
        offer = b.js("return [].map.call(document.querySelectorAll('.lang-offer button'),"
                     " function (x) { return x.lang; })")
        if os.path.exists("data/words-sw.tsv"):
            check("the country's languages are offered once the country is known",
                  offer == ["sw"], offer)
        # a STOP is shown as soon as it is known, and stays above the questions
        for sid, v in (("listing.brand", "Samsung"), ("listing.model", "Galaxy A14"),
                       ("listing.price", "9000 KES")):
            answer_step(b, sid, v)
        # a double tap answers one question, not the next one too
        time.sleep(0.32)
        b.js("document.querySelector('#choices button[data-answer=\"in-person\"]').click();"
             "document.querySelector('#choices button').click();")
        time.sleep(0.5)
        check("a double tap answers one question, not the one after it",
              step(b) == "identity.dial", step(b))
        answer_step(b, "identity.dial", "nothing")
        box = b.js("var s = document.getElementById('stop');"
                   "return [s.hidden, s.getAttribute('role'), s.textContent]")
        check("a STOP is announced (role=alert) as soon as the answer raises it",
              box[0] is False and box[1] == "alert" and box[2].startswith("STOP"), box)
        b.shot("16-stop")
        answer_step(b, step(b), "skip")
        check("the STOP stays in view at the next question",
              not b.js("return document.getElementById('stop').hidden"))
        b.no_network("the run without storage")
    finally:
        b.quit()


# ------------------------------------------------------------ re-check

SAMPLE = os.path.abspath("tests/cli/fixtures/sample.record")
SALE = 1795410188  # the sample's "updated": 2026-11-23T05:03:08+00:00
SAMPLE_ID = "2026-11-23-VZR0PZ"


def native_rechecks(runs):
    """The sample record re-checked natively by 'handover recheck
    --answers' for each (scenario, seconds since 1970) in turn: its text."""
    home = os.path.join(A.scratch, "recheck-native")
    shutil.rmtree(home, ignore_errors=True)
    d = os.path.join(home, "handover")
    os.makedirs(d, mode=0o700)
    rec = os.path.join(d, SAMPLE_ID + ".record")
    shutil.copy(SAMPLE, rec)
    os.chmod(rec, 0o600)
    env = dict(os.environ, XDG_DATA_HOME=home, TZ="UTC", HANDOVER_LANG="en")
    for name, t in runs:
        env["HANDOVER_NOW"] = str(t)
        subprocess.run([A.bin, "recheck", "--answers", scenario(name), SAMPLE_ID],
                       stdin=subprocess.DEVNULL, capture_output=True, env=env)
    return open(rec, encoding="utf-8").read()


def scenario(name):
    return os.path.abspath(os.path.join("tests/recheck/scenarios", name + ".answers"))


def day_of(name):
    for line in open(scenario(name), encoding="utf-8"):
        if line.startswith("# day: "):
            return int(line[7:])
    return 7


def at(day):
    return SALE + day * 86400 + 3600


def saved_row(b, act_name):
    """Taps the button act_name (data-act) of the sample's row in Saved."""
    tap(b, "#tabs button[data-view=saved]")
    wait(b, lambda: b.js("return document.getElementById('s-list').textContent.indexOf(%s) >= 0"
                         % json.dumps(SAMPLE_ID)), "the sample in Saved")
    time.sleep(0.32)
    b.js("var li = [].filter.call(document.querySelectorAll('#s-list li'), function (l) {"
         "  return l.textContent.indexOf(%s) >= 0; });"
         "li[0].querySelector('button[data-act=%s]').click();" % (json.dumps(SAMPLE_ID), act_name))


def fresh_sample(b):
    """The sample record, as sealed at the sale, into Saved (again)."""
    tap(b, "#tabs button[data-view=saved]")
    b.js("document.getElementById('s-msg').textContent = ''")
    b.d.find_element(By.ID, "s-import").send_keys(SAMPLE)
    wait(b, lambda: "added" in b.js("return document.getElementById('s-msg').textContent"),
         "the import")


def downloaded(b, tap_css, name):
    for f in glob.glob(os.path.join(b.downloads, "*")):
        os.remove(f)
    if tap_css.startswith("#"):
        tap(b, tap_css)
    else:
        saved_row(b, tap_css)
    path = os.path.join(b.downloads, name)
    wait(b, lambda: os.path.exists(path) and os.path.getsize(path) > 0, name)
    time.sleep(0.2)
    return open(path, encoding="utf-8", newline="").read(), path


def recheck_through(b, names, shots=None, reload_after=None):
    """Re-checks the sample in the page for each scenario in turn (the
    first from Saved, the next from the verdict), at its day; returns the
    grown record the verdict view downloads."""
    for k, name in enumerate(names):
        b.js("handover.clock(arguments[0], 0)", at(day_of(name)) * 1000)
        if k == 0:
            saved_row(b, "recheck")
        else:
            tap(b, "#v-recheck")
        wait(b, lambda: (step(b) or "").startswith("recheck."), "the re-check's first question")
        answers = parse_answers(scenario(name))
        if shots:
            b.shot(shots[0])
        if reload_after:
            for sid, v in answers[:reload_after]:
                answer_step(b, step(b), dict(answers)[step(b)])
            b.d.refresh()
            check("the page reloads mid re-check", b.ready() == "ready")
            wait(b, lambda: (step(b) or "").startswith("recheck."), "the re-check resumed")
        drive(b, answers)
        wait(b, lambda: b.js("return !document.getElementById('view-verdict').hidden"),
             "the re-check's verdict")
    text, _ = downloaded(b, "#v-download", SAMPLE_ID + ".record")
    return text


def block_of(text):
    i = text.rfind("\nrecheck: ")
    return text[i + 1:] if i >= 0 else ""


def test_recheck(violations, problems):
    b = Browser("recheck")
    try:
        check("the page loads (re-check)", b.open(A.page) == "ready")
        runs = [["too_early"], ["notice"], ["registry_blocked"], ["clean_day1", "knox_enrolled"]]
        for names in runs:
            fresh_sample(b)
            shots = ["17-recheck-question"] if names[-1] == "knox_enrolled" else None
            got = recheck_through(b, names, shots=shots)
            want = native_rechecks([(n, at(day_of(n))) for n in names])
            check("re-check %s in the page: the record 'handover recheck --answers' grows, "
                  "byte for byte" % " then ".join(names), got == want,
                  diff(block_of(want).splitlines(), block_of(got).splitlines()))
            path = os.path.join(b.downloads, SAMPLE_ID + ".record")
            st, out, err = native("verify", path)
            check("re-check %s: the grown record is accepted by 'handover verify'" % names[-1],
                  st == 0 and "intact" in out, out, err)
            check("re-check %s: every seal by head | sha256sum" % names[-1], sealed_ok(got) and
                  got.count("\nrecheck.state: sealed\n") == len(names))
        # the verdict of the last one, its reasons and what to do, at 360 px
        v = b.js("return [document.getElementById('v-title').textContent,"
                 " document.getElementById('v-reasons').textContent,"
                 " document.getElementById('v-later').textContent]")
        check("the re-check's verdict, reasons and what to do are shown",
              v[0] == "Re-check: STOP" and "Knox Guard now shows the phone enrolled" in v[1] and
              "Do not factory-reset" in v[1] and v[2].startswith("Re-check 2: day 7"), v)
        b.js("window.scrollTo(0, 0)")
        b.shot("18-recheck-verdict")
        axe(b, "the re-check's verdict", violations)
        layout(b, "the re-check's verdict", problems)
        # the bill of sale shows the re-checks, as the terminal's
        bill = b.js("return handover.billOfSale(arguments[0])", got)
        st, want_bill, err = native("export", "--html", "--lang", "en", path)
        check("the grown record's bill of sale shows the re-checks, as 'handover export --html'",
              bill == want_bill and "After the sale: re-checks" in bill, err)

        # a reload mid re-check: it goes on where it stopped
        fresh_sample(b)
        got = recheck_through(b, ["clean_day1"], reload_after=2)
        check("a reload mid re-check goes on, and the record is the native one",
              got == native_rechecks([("clean_day1", at(1))]),
              diff(block_of(native_rechecks([("clean_day1", at(1))])).splitlines(),
                   block_of(got).splitlines()))
        # the re-check's question, in the view of the check's questions
        fresh_sample(b)
        b.js("handover.clock(arguments[0], 0)", at(1) * 1000)
        saved_row(b, "recheck")
        wait(b, lambda: step(b) == "recheck.knox", "the re-check's first question")
        q = b.js("return [document.getElementById('check-id').textContent,"
                 " document.getElementById('progress-text').textContent]")
        check("the re-check says which one and which day", q[0].startswith("Re-check 1: day 1"), q)
        tap(b, "#help-toggle")
        check("the re-check's ? help opens", not b.js("return document.getElementById('q-help').hidden")
              and len(b.js("return document.getElementById('q-help').textContent")) > 40)
        axe(b, "a re-check question", violations)
        layout(b, "a re-check question", problems)
        answer_step(b, "recheck.knox", "completed")
        act(b, lambda: tap(b, "#back"))
        check("back in a re-check: its first question again", step(b) == "recheck.knox", step(b))
        answer_step(b, "recheck.knox", "completed")
        answer_step(b, "recheck.apps", "skip")
        tap(b, "#status")
        st_text = b.js("return document.getElementById('status-box').textContent")
        check("status in a re-check says what is open", "recheck" in st_text.lower() or
              len(st_text) > 20, st_text)
        # the list: the re-check left open says so, and continues
        tap(b, "#tabs button[data-view=saved]")
        b.shot("19-recheck-saved")
        layout(b, "Saved, with a re-check open", problems)
        row = b.js("return document.getElementById('s-list').textContent")
        check("Saved: a re-check not finished says so", "Re-check: not finished" in row, row)
        saved_row(b, "continue")
        wait(b, lambda: step(b) == "recheck.notice", "the open re-check to continue")
        check("Continue: the re-check goes on where it stopped, and says so",
              "Going on with the unfinished re-check" in says(b), says(b))

        # too early, said as soon as it begins
        fresh_sample(b)
        b.js("handover.clock(arguments[0], 0)", (SALE + 600) * 1000)
        saved_row(b, "recheck")
        wait(b, lambda: step(b) == "recheck.knox", "an early re-check")
        check("too early: the page says what that means when it begins",
              "less than a day after the sale" in says(b) and "day 1 and on day 7" in says(b),
              says(b))

        # the calendar reminders: what 'handover export --ics' writes at that time
        b.js("handover.clock(arguments[0], 0)", at(0) * 1000)
        ics, _ = downloaded(b, "ics", SAMPLE_ID + ".ics")
        r = subprocess.run([A.bin, "export", "--ics", "--lang", "en", SAMPLE],
                           capture_output=True, env=dict(os.environ, HANDOVER_NOW=str(at(0)),
                                                         TZ="UTC"))
        want = r.stdout.decode()
        check("the page's calendar file is 'handover export --ics', byte for byte",
              r.returncode == 0 and ics == want, diff(want.splitlines(), ics.splitlines()))
        b.no_network("the re-checks")
        check("the core made no system call in the re-checks",
              b.js("return handover.systemCalls()") == 0)
    finally:
        b.quit()


def main():
    global A
    p = argparse.ArgumentParser()
    for k in ("bin", "page", "test-page", "ref", "shots", "scratch", "axe", "chromium", "driver"):
        p.add_argument("--" + k, default="")
    A = p.parse_args()
    violations, problems = [], []
    b = Browser("parity")
    try:
        check("the page loads", b.open(A.page) == "ready")
        test_parity(b)
        b.no_network("the parity runs")
        check("the core made no system call in the parity runs",
              b.js("return handover.systemCalls()") == 0)
    finally:
        b.quit()
    for t in (test_recheck, test_story, test_languages):
        try:
            t(violations, problems)
        except Exception as e:
            fail(t.__name__ + " stopped", repr(e))
    try:
        test_no_storage()
    except Exception as e:
        fail("test_no_storage stopped", repr(e))
    check("no horizontal scroll and tap targets of at least 44 px", not problems, *problems[:20])
    if A.axe:
        bad = [v for v in violations if v["impact"] in ("serious", "critical")]
        check("axe-core: no serious or critical violation (%d views audited)" % len(AUDITED),
              not bad,
              *["%s: %s %s (%s) %s" % (v["where"], v["impact"], v["id"], v["help"], v["nodes"])
                for v in bad[:15]])
        for v in violations:
            if v not in bad:
                note("axe %s: %s %s %s" % (v["where"], v["impact"], v["id"], v["nodes"]))
    else:
        print("SKIP accessibility audit: no axe-core")


if __name__ == "__main__":
    main()
