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

size() {	# label bytes-file
	raw=$(wc -c < "$2")
	gz=$(gzip -9c "$2" | wc -c)
	printf '  %-34s %8d bytes  %7d gzipped\n' "$1" "$raw" "$gz"
}
echo "size of $PAGE"
size "the page" "$PAGE"
size "  the core (.wasm)" "$B/handover.wasm"
sed -n 's/.*<script id="core" type="application\/octet-stream">\(.*\)<\/script>.*/\1/p' "$PAGE" \
    > "$dir/core.b64"
size "  the core, base64 in the page" "$dir/core.b64"
awk '/<script type="text\/tab-separated-values"/,/<\/script>/' "$PAGE" > "$dir/data"
size "  the data (every words file, tables)" "$dir/data"
for f in data/words-*.tsv; do
	awk -v n="${f##*/}" '$0 ~ "data-name=\"" n "\"", /<\/script>/' "$PAGE" > "$dir/w"
	size "    ${f##*/}" "$dir/w"
done
sed -e '/<script id="core"/d' -e '/<script type="text\/tab-separated-values"/,/<\/script>/d' \
    "$PAGE" > "$dir/rest"
size "  the rest (HTML, CSS, JS)" "$dir/rest"

printf '<!doctype html><meta charset=utf-8><title>empty</title><p>empty</p>' > "$dir/empty.html"
printf '<script>performance.mark("handover-first-question")</script>\n' >> "$dir/empty.html"
"$PY" tests/bench/bench_web.py "$PAGE" "$dir/empty.html" "${COLD:-5}"
