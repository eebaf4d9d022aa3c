#!/bin/sh
# SPDX-License-Identifier: MIT
# bench_web.sh BIN: the page (make web) on a cheap phone, as far as a
# desktop can say: its size raw and gzipped (and what it is made of), and
# the time from navigation to the first question in headless Chromium at
# CPU x1 and x6 (DevTools' CPU throttling), the median of COLD cold loads
# (default 5), next to an empty page's on the same machine.  Needs
# chromium, chromium-driver and python3-selenium.  Not part of make test.
BIN=${1:-build/handover}
B=${BIN%/*}
PAGE=$B/handover.html
PY=/usr/bin/python3
[ -f "$PAGE" ] || { echo "bench_web: no $PAGE (make web)"; exit 1; }
"$PY" -c 'import selenium' 2> /dev/null || { echo "bench_web: install python3-selenium"; exit 1; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/handover-bench.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT

"$PY" tests/bench/bench_web.py --sizes "$PAGE" "$B/handover.wasm"

printf '<!doctype html><meta charset=utf-8><title>empty</title><p>empty</p>' > "$dir/empty.html"
printf '<script>performance.mark("handover-first-question")</script>\n' >> "$dir/empty.html"
[ "${COLD:-5}" -gt 0 ] && "$PY" tests/bench/bench_web.py "$PAGE" "$dir/empty.html" "${COLD:-5}"
