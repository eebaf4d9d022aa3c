#!/bin/sh
# SPDX-License-Identifier: MIT
# test_gen_page.sh: the page generator (src/web/gen_page.c) on a small
# template: @style and @script inline, @scripts joined into one strict
# function, the CSP list holding each script's SHA-256, the core's bytes
# as code points (NUL, CR and '<' moved out of the way), the data cut, and
# a clear error for a missing file or an empty @scripts.
. tests/lib.sh
G=$SCRATCH/gen_page
if ! ${HOST_CC:-cc} -std=c11 -O1 -D_POSIX_C_SOURCE=200809L -Isrc -o "$G" \
    src/web/gen_page.c src/lib/sha256.c 2> "$SCRATCH/cc.err"; then
	fail "gen_page builds" "$(cat "$SCRATCH/cc.err")"
	finish
	exit $?
fi
d=$SCRATCH/t
mkdir -p "$d"
printf 'body { margin: 0 }\n' > "$d/s.css"
printf 'var one = 1;\n' > "$d/a.js"
printf 'function two() { return one + 1; }' > "$d/b.js"	# no newline at its end
printf 'window.x = 3;\n' > "$d/c.js"
printf 'A\000B\rC<D\303\251' > "$d/core.wasm"
printf '# a comment\nkey\tvalue\tsource\nk1\tv1\thttps://example.org\n' > "$d/words-en.tsv"
cat > "$d/page.html" <<'EOF'
<meta http-equiv="Content-Security-Policy" content="script-src @SCRIPT_HASHES@">
<!--@style s.css-->
<!--@wasm-->
<!--@script c.js-->
  <!--@scripts a.js b.js-->
<!--@data-->
EOF
if "$G" "$d/page.html" "$d/core.wasm" "$d/out.html" -b source "$d/words-en.tsv" 2> "$d/err"; then
	ok
else
	fail "gen_page makes a page" "$(cat "$d/err")"
fi
grep -q '^<style>$' "$d/out.html" && grep -q '^body { margin: 0 }$' "$d/out.html" && ok ||
    fail "@style inlines the stylesheet"
grep -q '^<script>window.x = 3;$' "$d/out.html" && ok || fail "@script inlines its file"
# the joined script, exactly
python3 - "$d/out.html" > "$d/check" 2>&1 <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
want = '"use strict";\n(function () {\nvar one = 1;\nfunction two() { return one + 1; }\n})();\n'
print("joined" if want in scripts else "not joined: %r" % scripts)
csp = re.search(r"script-src ([^\"]*)\"", page).group(1).split()
hashes = ["'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
          for s in scripts]
print("hashes" if csp == hashes else "hashes differ: %r %r" % (csp, hashes))
core = re.search(r'<script id="core"[^>]*>(.*?)</script>', page, re.S).group(1)
print("core" if core == "A\u0100B\u0101C\u0102D\u00c3\u00a9" else "core: %r" % core)
PY
for w in joined hashes core; do
	grep -qx "$w" "$d/check" && ok || fail "gen_page: $w" "$(cat "$d/check")"
done
grep -q 'https://example.org' "$d/out.html" && fail "-b source empties the source column" || ok
grep -q '# a comment' "$d/out.html" && fail "the data's comment lines are left out" || ok
grep -q 'k1	v1	' "$d/out.html" && ok || fail "the data's rows are in the page"
# errors: a file that is not there, an @scripts that names none
printf '<!--@scripts a.js gone.js-->\n@SCRIPT_HASHES@\n' > "$d/bad.html"
if "$G" "$d/bad.html" "$d/core.wasm" "$d/bad.out" 2> "$d/err"; then
	fail "a missing script is an error"
else
	grep -q "gone.js" "$d/err" && ok || fail "the error names the missing file" "$(cat "$d/err")"
fi
[ -e "$d/bad.out" ] && fail "no page is left after an error" || ok
for m in '<!--@scripts -->' '<!--@scripts   -->'; do
	printf '%s\n@SCRIPT_HASHES@\n' "$m" > "$d/empty.html"
	if "$G" "$d/empty.html" "$d/core.wasm" "$d/empty.out" 2> "$d/err"; then
		fail "'$m' (no file) is an error"
	else
		grep -q "no files\|bad marker" "$d/err" && ok ||
		    fail "'$m': the error says what is wrong" "$(cat "$d/err")"
	fi
done
finish
