# SPDX-License-Identifier: MIT
# bench_web.py PAGE EMPTY COLD: milliseconds from navigation to the page's
# first question (performance mark "handover-first-question"), COLD cold
# loads (a fresh browser and profile each) at CPU x1 and x6, for the page
# and for an empty page; also from the moment the page began to be read
# ("handover-parse"): the page's own work.
import os
import statistics
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MARKS = ("var m = function (n) { var e = performance.getEntriesByName(n);"
         " return e.length ? e[0].startTime : null; };"
         "var f = m('handover-first-question');"
         "return f === null ? null : [f, m('handover-parse')];")


def once(url, rate):
    o = Options()
    profile = tempfile.mkdtemp(prefix="handover-bench-")
    for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--no-first-run", "--disable-sync",
              "--user-data-dir=" + profile):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    try:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True})
        d.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": rate})
        d.get(url)
        for _ in range(600):
            v = d.execute_script(MARKS)
            if v is not None:
                return v
            time.sleep(0.05)
        raise SystemExit("no first question in " + url)
    finally:
        d.quit()


def sizes(page, wasm):
    """The page's size, raw and gzipped, and of its parts."""
    import gzip
    import re
    html = open(page, "rb").read()

    def row(label, b):
        print("  %-38s %8d bytes %8d gzipped" % (label, len(b), len(gzip.compress(b, 9))))
    print("size of " + page)
    row("the page", html)
    row("  the core (.wasm file)", open(wasm, "rb").read())
    core = re.search(rb'<script id="core"[^>]*>(.*?)</script>', html, re.S)
    row("  the core, as the page carries it", core.group(1) if core else b"")
    blocks = re.findall(rb'<script type="text/tab-separated-values" data-name="([^"]*)">(.*?)</script>',
                        html, re.S)
    row("  the data (words, tables)", b"".join(d for _, d in blocks))
    for name, d in blocks:
        row("    " + name.decode(), d)
    rest = re.sub(rb'<script (id="core"|type="text/tab-separated-values")[^>]*>.*?</script>', b"",
                  html, flags=re.S)
    row("  the rest (HTML, CSS, JS)", rest)


def main():
    if sys.argv[1] == "--sizes":
        sizes(sys.argv[2], sys.argv[3])
        return
    page, empty, cold = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), int(sys.argv[3])
    print("ms from navigation to the first question, median of %d cold loads" % cold)
    print("  %-10s %-6s %8s %8s   %s" % ("", "CPU", "median", "own", "each load"))
    for rate in (1, 6):
        for name, url in (("empty page", empty), ("handover", page)):
            r = [once("file://" + url, rate) for _ in range(cold)]
            first = [x[0] for x in r]
            own = [x[0] - x[1] for x in r if x[1] is not None]
            print("  %-10s x%-5d %8.0f %8s   %s" % (
                name, rate, statistics.median(first),
                "%.0f" % statistics.median(own) if own else "-",
                " ".join("%.0f" % x for x in first)))
    print("own: from the page's first script (the parse reaching it) to the first question")


if __name__ == "__main__":
    main()
