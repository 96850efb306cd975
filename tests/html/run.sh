#!/bin/sh
# tests/html/run.sh - the HTML report in a real browser: headless Chromium
# renders each sample pair's page and the overview's; the page the browser
# built (--dump-dom) is checked against the JSON export (tests/html/
# check_dom.py): passages and their kinds, counts, links, nothing loaded
# from elsewhere, no element from an input's markup.  In a frame 400
# pixels wide, light and dark, nothing is wider than the frame and the
# background follows the scheme.  Screenshots at 1200 and 400 pixels wide
# and a printed PDF are left in OUTDIR to look at.
#
# usage: sh tests/html/run.sh PATH/TO/redline [OUTDIR]
set -u

bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${2:-$top/build/html}
s=$top/samples
tmp=$(mktemp -d "${TMPDIR:-/tmp}/redline-html.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
export LC_ALL=C.UTF-8
mkdir -p "$out" && out=$(cd "$out" && pwd) # absolute: it goes in file:// URLs

ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1))
	echo "FAIL: $*"
}

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "html: chromium is not installed (sh scripts/setup test)" >&2
	exit 1
fi

# chrome ARGS...: headless, offline as far as flags go, a fresh profile
chrome() {
	rm -rf "$tmp/profile"
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run --hide-scrollbars \
		--user-data-dir="$tmp/profile" "$@" 2>/dev/null
}

# png_width FILE: the width in the PNG header
png_width() {
	od -An -tu1 -j16 -N4 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4}'
}

# page NAME ARGS...: the HTML and JSON of a comparison, the DOM checked
page() {
	name=$1
	shift
	"$bin" --export=html "$@" >"$tmp/$name.html" 2>"$tmp/err"
	[ $? -le 1 ] && ok || bad "$name: html export failed: $(cat "$tmp/err")"
	"$bin" --export=json "$@" >"$tmp/$name.json" 2>/dev/null
	chrome --dump-dom "file://$tmp/$name.html" >"$tmp/$name.dom"
	[ -s "$tmp/$name.dom" ] && ok || bad "$name: the browser built no page"
}

dom_ok() {
	name=$1
	shift
	if python3 "$here/check_dom.py" "$tmp/$name.dom" "$tmp/$name.json" "$@"; then
		ok
	else
		bad "$name: the page disagrees (above)"
	fi
}

for r in danang-report monitoring-desk brics-post newsbharati globalresearch; do
	page "$r" "$s/statement.txt" "$s/$r.txt"
	if [ "$r" = brics-post ]; then
		dom_ok "$r" --addition "shot down a Syrian SU-22"
	else
		dom_ok "$r"
	fi
done

# a rewrite full of markup: shown as text, never an element
cat >"$tmp/hostile.txt" <<'EOT'
The ministry said on Monday that the talks will go on.
A reader wrote <script>alert("x")</script> and <img src=x onerror=alert(1)> and <b>bold</b> & more.
Its </article></div> closing tags and <style>body{display:none}</style> are words too.
EOT
printf 'The ministry said on Monday that the talks will go on.\n' >"$tmp/plain.txt"
page hostile --input=text "$tmp/plain.txt" "$tmp/hostile.txt"
dom_ok hostile --absent b --absent img --text '<script>alert("x")</script>' \
	--text '<img src=x onerror=alert(1)>' --text '</article></div>'

page overview "$s/statement.txt" "$s/danang-report.txt" \
	"$s/monitoring-desk.txt" "$s/brics-post.txt" "$s/newsbharati.txt"
dom_ok overview

# at 400 pixels (a frame of that width, so the page's own media queries
# apply) nothing is wider than the frame, light or dark; the dark scheme
# (prefers-color-scheme, Chromium's --force-dark-mode) gives a dark page,
# the light one a light page
cp "$tmp/brics-post.html" "$tmp/overview.html" "$out/"
for name in brics-post overview; do
	cat >"$out/frame-$name.html" <<EOT
<!DOCTYPE html><html><body><iframe id="f" src="$name.html" width="400" height="1800"></iframe>
<script>window.addEventListener("load", function () {
var d = document.getElementById("f").contentDocument, b = document.body;
b.setAttribute("data-sw", String(d.documentElement.scrollWidth));
b.setAttribute("data-bg", getComputedStyle(d.body).backgroundColor); });</script></body></html>
EOT
	for scheme in light dark; do
		flag=
		[ $scheme = dark ] && flag=--force-dark-mode
		got=$(chrome --allow-file-access-from-files $flag \
			--window-size=1200,1800 --dump-dom "file://$out/frame-$name.html" |
			grep -o '<body[^>]*>')
		sw=$(printf '%s' "$got" | sed -n 's/.*data-sw="\([0-9]*\)".*/\1/p')
		bg=$(printf '%s' "$got" | sed -n 's/.*data-bg="rgb(\([0-9]*\), \([0-9]*\), \([0-9]*\)).*/\1 \2 \3/p')
		[ -n "$sw" ] && [ "$sw" -le 400 ] && ok ||
			bad "$name at 400 px, $scheme: $sw pixels wide (hidden or cut columns)"
		lum=$(echo "$bg" | awk '{ print int(($1 * 299 + $2 * 587 + $3 * 114) / 1000) }')
		if [ -z "$bg" ]; then
			bad "$name, $scheme: no background colour read"
		elif [ $scheme = dark ]; then
			[ "$lum" -lt 80 ] && ok || bad "$name: the dark scheme's background is not dark ($bg)"
		else
			[ "$lum" -gt 175 ] && ok || bad "$name: the light scheme's background is not light ($bg)"
		fi
	done
done

# screenshots to look at, and the page printed on A4
cp "$tmp/brics-post.html" "$tmp/overview.html" "$out/"
for w in 1200 400; do
	chrome --window-size=$w,1800 --screenshot="$out/brics-post-$w.png" \
		"file://$out/brics-post.html" >/dev/null
	[ -s "$out/brics-post-$w.png" ] && [ "$(png_width "$out/brics-post-$w.png")" -eq $w ] &&
		ok || bad "no screenshot $w pixels wide"
	chrome --window-size=$w,1800 --screenshot="$out/overview-$w.png" \
		"file://$out/overview.html" >/dev/null
	[ -s "$out/overview-$w.png" ] && ok || bad "no overview screenshot at $w"
done
chrome --no-pdf-header-footer --print-to-pdf="$out/brics-post.pdf" \
	"file://$out/brics-post.html" >/dev/null
head -c 5 "$out/brics-post.pdf" 2>/dev/null | grep -q '%PDF-' && ok || bad "the page did not print"

echo "html: $pass passed, $fail failed (screenshots in $out)"
[ "$fail" -eq 0 ]
