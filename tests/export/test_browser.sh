#!/bin/sh
# SPDX-License-Identifier: MIT
# test_browser.sh BIN: the exported page in a real browser.  Headless
# Chromium renders the bill of sale of a fixed record: a screenshot whose
# QR code zbarimg must decode to the record's id, IMEIs and seal, and a
# print to PDF whose pages pdfinfo counts, on the default paper, on A4 and
# on US Letter, with no section split across pages (pdftotext).  Needs
# Debian's chromium, zbar-tools and poppler-utils (.ci/run installs them);
# without them it says SKIP and counts nothing.
. tests/lib.sh
BIN=$1
FIX=tests/cli/fixtures/sample.record
OPEN=tests/cli/fixtures/open.record
PAGES=2			# the fixture's bill of sale, on A4 and on Letter
CHROMIUM=${CHROMIUM:-chromium}

missing=
for tool in "$CHROMIUM" zbarimg pdfinfo pdftotext; do
	command -v "$tool" > /dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	echo "SKIP browser test: not installed:$missing" \
	    "(apt-get install chromium zbar-tools poppler-utils)"
	finish
	exit $?
fi

ID=$(sed -n 's/^id: //p' "$FIX")
SEAL=$(tail -n 1 "$FIX" | sed 's/^sha256: //')
IMEI1=$(sed -n 's/^identity.imei1: //p' "$FIX")
IMEI2=$(sed -n 's/^identity.imei2: //p' "$FIX")
WANT="handover-record $ID imei=$IMEI1,$IMEI2 sha256=$SEAL"
TIMEOUT=
command -v timeout > /dev/null 2>&1 && TIMEOUT="timeout 120"
run=0

# browser ARGS... URL: one headless Chromium run with a fresh profile.
browser() {
	run=$((run + 1))
	$TIMEOUT "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$SCRATCH/profile.$run" "$@" > "$SCRATCH/chromium.log" 2>&1
}

# pdf NAME HTML PAPER: prints HTML to $SCRATCH/NAME.pdf and checks the page
# count and size (PAPER: A4, Letter, or "A4|Letter").
pdf() {
	rm -f "$SCRATCH/$1.pdf"
	browser --print-to-pdf="$SCRATCH/$1.pdf" --no-pdf-header-footer "file://$2"
	if [ ! -s "$SCRATCH/$1.pdf" ]; then
		fail "$1: no PDF" "$(tail -n 5 "$SCRATCH/chromium.log")"
		return 1
	fi
	pdfinfo "$SCRATCH/$1.pdf" > "$SCRATCH/$1.info" 2>&1
	pages=$(sed -n 's/^Pages: *//p' "$SCRATCH/$1.info")
	size=$(sed -n 's/^Page size: *//p' "$SCRATCH/$1.info")
	check "$1: $PAGES pages (pdfinfo says $pages)" test "$pages" = "$PAGES"
	case $size in
	*"(A4)"*) got=A4 ;;
	*"(letter)"*) got=Letter ;;
	*) got="other: $size" ;;
	esac
	case "|$3|" in
	*"|$got|"*) ok ;;
	*) fail "$1: paper $got, want $3" ;;
	esac
	return 0
}

# same_page NAME FIRST LAST: FIRST and LAST (text of one section) are
# printed on the same page of NAME.pdf.
same_page() {
	p=1
	first=0
	last=0
	while [ "$p" -le "$pages" ]; do
		pdftotext -f "$p" -l "$p" "$SCRATCH/$1.pdf" - 2> /dev/null |
		    tr '\n' ' ' > "$SCRATCH/page.txt"
		grep -q -- "$2" "$SCRATCH/page.txt" && first=$p
		grep -q -- "$3" "$SCRATCH/page.txt" && last=$p
		p=$((p + 1))
	done
	check "$1: '$2' .. '$3' on one page ($first, $last)" \
	    test "$first" -gt 0 -a "$first" = "$last"
}

html=$SCRATCH/bill.html
if ! "$BIN" export --html -o "$html" "$FIX"; then
	fail "export --html"
	finish
	exit $?
fi

# Nothing on the page may load anything: no URL outside the QR's SVG
# (whose xmlns is a name, not a load) and the CSP line that forbids loads.
sed -e 's/<svg .*<\/svg>//' -e '/http-equiv="Content-Security-Policy"/d' "$html" \
    > "$SCRATCH/bare.html"
if grep -n -i -e 'http' -e 'src=' -e 'url(' -e '@import' -e 'href' "$SCRATCH/bare.html" \
    > "$SCRATCH/loads"; then
	fail "the page refers to something outside itself" "$(head -n 5 "$SCRATCH/loads")"
else
	ok
fi

# The screenshot, desktop width: the QR code carries id, IMEIs and seal.
browser --screenshot="$SCRATCH/shot.png" --window-size=900,2400 "file://$html"
if [ ! -s "$SCRATCH/shot.png" ]; then
	fail "screenshot" "$(tail -n 5 "$SCRATCH/chromium.log")"
else
	got=$(zbarimg --nodbus --raw -q -Sbinary "$SCRATCH/shot.png" 2> /dev/null)
	check "QR decoded from the screenshot: '$got'" test "$got" = "$WANT"
	case $got in *"$ID"*) ok ;; *) fail "QR lacks the id $ID" ;; esac
	case $got in *"sha256=$SEAL"*) ok ;; *) fail "QR lacks the seal $SEAL" ;; esac
	[ -n "${HANDOVER_KEEP_SHOT:-}" ] && cp "$SCRATCH/shot.png" "$HANDOVER_KEEP_SHOT"
fi

# A phone's width: the page fits and the QR code still reads.
browser --screenshot="$SCRATCH/phone.png" --window-size=360,1400 "file://$html"
got=$(zbarimg --nodbus --raw -q -Sbinary "$SCRATCH/phone.png" 2> /dev/null)
check "QR decoded at 360 px wide" test "$got" = "$WANT"

# Print: the default paper, then A4 and Letter forced by @page.
if pdf default "$html" "A4|Letter"; then
	same_page default "THE PHONE" "EID"
	same_page default "VERDICT" "What to do"
	same_page default "CHECKED: ACCOUNTS AND RESET" "Lender app after setup"
	same_page default "PROOF OF PURCHASE" "shows that a photo"
	same_page default "THE SELLER'S DECLARATION" "Place"
	same_page default "THIS RECORD" "does not show who sealed it"
	pdftotext "$SCRATCH/default.pdf" - 2> /dev/null | tr '\n' ' ' > "$SCRATCH/all.txt"
	for want in "$ID" "$IMEI1" "$IMEI2" "Ravi Kumar" "I own this phone outright" \
	    "Signature" "not sure" "skipped"; do
		check "the PDF says '$want'" grep -q -- "$want" "$SCRATCH/all.txt"
	done
fi
for paper in A4 Letter; do
	sed "s/@page{size:auto;/@page{size:$paper;/" "$html" > "$SCRATCH/$paper.html"
	check "@page rule found for $paper" grep -q "@page{size:$paper;" "$SCRATCH/$paper.html"
	pdf "$paper" "$SCRATCH/$paper.html" "$paper"
done

# An open check prints NOT FINISHED.
"$BIN" export --html -o "$SCRATCH/open.html" "$OPEN"
browser --print-to-pdf="$SCRATCH/open.pdf" --no-pdf-header-footer "file://$SCRATCH/open.html"
pdftotext "$SCRATCH/open.pdf" - 2> /dev/null | tr '\n' ' ' > "$SCRATCH/open.txt"
check "an open check prints NOT FINISHED" grep -q "NOT FINISHED" "$SCRATCH/open.txt"
finish
