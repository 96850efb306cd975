#!/bin/sh
# tests/cli/htmlhostile.sh - hostile web pages, generated here (none is
# stored): pages that would make the HTML parser quadratic or crash it are
# refused quickly with status 2 and a line naming the file and the
# problem; pages that only look deep are read; under a small stack or
# address space a page never crashes; character sets are read as a
# browser reads them; text a reader never sees is not compared.
#
# usage: sh tests/cli/htmlhostile.sh PATH/TO/redline
set -u

. "$(dirname "$0")/lib.sh"
cli_setup htmlhostile "$1"
# extracted FILE [ARGS...]: the text redline reads from the page FILE (the
# word diff of a text against itself is that text)
extracted() {
	f=$1
	shift
	rl --input=html --export=wdiff "$@" "$f" "$f" 2>"$tmp/x.err"
}
# charset FILE: the character set redline read the page FILE in
charset() {
	rl --input=html --export=json "$1" "$1" 2>/dev/null |
		grep -m 1 -o '"charset": "[^"]*"' | cut -d '"' -f 4
}

# the large pages, written at once (python starts slowly on a busy machine)
python3 - "$tmp" <<'EOT'
import sys
d = sys.argv[1]
def w(name, text):
    open("%s/%s.html" % (d, name), "w").write(text + "\n")
b = "<!DOCTYPE html><body>"
w("selfclose", b + "<div/>" * 350000)
w("selfclose40k", b + "<div/>" * 40000)
w("bang", b + "<!-- x --!>" + "<div>" * 100000 + "x")
w("empty-comment", b + "<!-->" + "<div>" * 3000 + "x")
w("quoted", b + "<p title=\"<!--\">" + "<div>" * 3000 + "x -->")
w("reopen", b + "".join("<p><b id=%d>x" % i for i in range(3000)))
w("script-escape", b + "<div><script><!--<script></script>" + "</div>" * 10 +
  "--></script>" + "<div>" * 1998 + "x")
w("attrs", b + "<p " + " ".join("a%d=1" % i for i in range(100000)) + ">x</p>")
w("attrs1000", b + "<p " + " ".join("a%d=1" % i for i in range(1000)) + ">x</p>")
w("textarea", b + "<textarea>" + "<div>" * 5000 + "</textarea><p>After the form.</p>")
w("xmp", b + "<xmp>" + "<i>" * 5000 + "</xmp><p>After.</p>")
w("pbx", b + "<p><b>x" * 5000 + "<p>end")
w("flat", b + "<li>item" * 5000 + "<td>cell" * 5000 + "<option>o" * 5000 +
  "<a href=1>a" * 5000)
w("raw", b + "<style>" + "<div>" * 5000 + "</style><script>" + "<div>" * 5000 +
  "</script><p>Shown.</p>")
w("deep1990", b + "<div>" * 1990 + "Deep but allowed.")
w("many", b + "".join("<p>Paragraph %d has words.</p>" % i for i in range(100000)))
w("u16", "")
open(d + "/u16.html", "wb").write(b"\xff\xfe" + "<!DOCTYPE html><meta charset=\"windows-1252\"><p>caf\u00e9 \u201cq\u201d</p>".encode("utf-16-le"))
open(d + "/u16be.html", "wb").write(b"\xfe\xff" + "<p>caf\u00e9</p>".encode("utf-16-be"))
EOT
# refused NAME WHAT: the page $tmp/NAME.html is refused, status 2, within
# 20 s (it took minutes, or crashed), with one line "NAME.html: WHAT"
refused() {
	start=$(date +%s)
	rl "$tmp/$1.html" "$s/statement.txt" >/dev/null 2>"$tmp/err"
	got=$?
	secs=$(($(date +%s) - start))
	[ "$got" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
		grep -qF "$1.html: $2" "$tmp/err" && ok ||
		bad "$1: exit $got, want 2 and '$2': $(head -c 300 "$tmp/err")"
	[ "$secs" -le 20 ] && ok || bad "$1: refused after ${secs}s"
}
# read NAME: the page $tmp/NAME.html is read (status 0 or 1, no message)
read_ok() {
	rl "$tmp/$1.html" "$s/statement.txt" >/dev/null 2>"$tmp/err"
	got=$?
	[ "$got" -le 1 ] && [ ! -s "$tmp/err" ] && ok ||
		bad "$1: exit $got: $(head -c 300 "$tmp/err")"
}
# native: not under valgrind nor AddressSanitizer, which need a larger
# stack and address space themselves
native() {
	[ -z "${REDLINE_WRAP:-}" ] && ! grep -q __asan_init "$bin"
}

# ---- pages that would crash the parser or take minutes -----------------
# "<div/>" is no end tag in HTML5: 350,000 of them are 350,000 open divs
# (330 s, then a stack overflow in gumbo's free)
refused selfclose "HTML elements nested too deep to read (over 2000 levels)"
# "--!>" ends a comment: the divs after it are markup (600 KB: 14 s)
refused bang "HTML elements nested too deep"
refused empty-comment "HTML elements nested too deep"
# a quoted '>' does not end a tag
refused quoted "HTML elements nested too deep"
# formatting elements the parser reopens inside every paragraph
refused reopen "HTML elements nested too deep"
# a script's "</script>" inside "<!--<script>" does not end it
refused script-escape "HTML elements nested too deep"
# one tag of 100,000 attributes (20 s; 500,000: over 120 s)
refused attrs "an HTML tag with too many attributes to read (over 1000)"
read_ok attrs1000
# SVG or MathML elements named as table or select parts: gumbo 0.10 takes
# them for HTML ones and aborts on an assertion
printf '<!DOCTYPE html><body><table><math><select><mi><select><tr>x\n' >"$tmp/foreign.html"
refused foreign "SVG or MathML holding a table, select or template element, which the HTML parser cannot read"
printf '<!DOCTYPE html><body><table><svg><select><desc><template></template><table>x\n' >"$tmp/foreign2.html"
refused foreign2 "SVG or MathML holding"

# ---- pages that are not deep, and were refused --------------------------
read_ok textarea
[ "$(extracted "$tmp/textarea.html")" = "After the form." ] && ok || bad "textarea page: $(cat "$tmp/x.err")"
read_ok xmp
extracted "$tmp/xmp.html" | grep -q '^<i><i><i>' && ok || bad "xmp text not read as text"
read_ok pbx
read_ok flat
[ "$(extracted "$tmp/raw.html")" = "Shown." ] && ok || bad "style and script bodies: $(cat "$tmp/x.err")"
[ "$(extracted "$tmp/deep1990.html")" = "Deep but allowed." ] && ok || bad "1990 deep: $(cat "$tmp/x.err")"

# ---- a small stack, a small address space -------------------------------
if native; then
	# the tree is freed without recursing: 1990 levels in a 256 KiB stack
	sh -c "ulimit -s 256; exec $bin '$tmp/deep1990.html' '$s/statement.txt'" >/dev/null 2>"$tmp/err"
	[ $? -eq 1 ] && ok || bad "1990 deep under ulimit -s 256: $(cat "$tmp/err")"
	sh -c "ulimit -s 1024; exec $bin '$tmp/selfclose40k.html' '$s/statement.txt'" >/dev/null 2>"$tmp/err"
	[ $? -eq 2 ] && grep -q "nested too deep" "$tmp/err" && ok || bad "40k <div/> under ulimit -s 1024: $(cat "$tmp/err")"
	# gumbo's allocations are checked: out of memory, not a crash
	sh -c "ulimit -v 40000; exec $bin '$tmp/many.html' '$s/statement.txt'" >/dev/null 2>"$tmp/err"
	[ $? -eq 2 ] && [ "$(cat "$tmp/err")" = "redline: out of memory reading $tmp/many.html" ] &&
		ok || bad "page under ulimit -v 40000: $(cat "$tmp/err")"
fi

# ---- character sets as a browser reads them ------------------------------
# labels browsers do not know are no declaration: UTF-8 bytes stay UTF-8,
# others are windows-1252
for label in utf-7 utf-32 ucs-4 ebcdic-cp-us ibm037 x-klingon; do
	printf '<meta charset="%s"><p>caf\303\251</p>\n' "$label" >"$tmp/cs.html"
	[ "$(charset "$tmp/cs.html")" = UTF-8 ] && [ "$(extracted "$tmp/cs.html")" = "café" ] &&
		ok || bad "charset label $label not ignored: $(extracted "$tmp/cs.html")"
done
printf '<meta charset="utf-32"><p>caf\351</p>\n' >"$tmp/cs.html"
[ "$(charset "$tmp/cs.html")" = WINDOWS-1252 ] && ok || bad "utf-32 label, latin bytes"
# UTF-16 labels (and ucs-2) in a meta tag mean UTF-8
for label in utf-16 UTF-16LE ucs-2 unicode; do
	printf '<meta charset="%s"><p>caf\303\251</p>\n' "$label" >"$tmp/cs.html"
	[ "$(charset "$tmp/cs.html")" = UTF-8 ] && ok || bad "charset label $label: $(charset "$tmp/cs.html")"
done
# a meta in a comment, or in another tag's attribute, declares nothing
printf '<!-- <meta charset="koi8-r"> --><p>caf\303\251</p>\n' >"$tmp/cs.html"
[ "$(charset "$tmp/cs.html")" = UTF-8 ] && ok || bad "meta in a comment"
printf '<meta name="d" content="<meta charset=koi8-r>"><p>caf\303\251</p>\n' >"$tmp/cs.html"
[ "$(charset "$tmp/cs.html")" = UTF-8 ] && ok || bad "meta in a meta's content"
printf '<a title="<meta charset=koi8-r>">x</a><p>caf\303\251</p>\n' >"$tmp/cs.html"
[ "$(charset "$tmp/cs.html")" = UTF-8 ] && ok || bad "meta in an attribute"
printf '<meta content="text/html; charset=koi8-r"><p>caf\303\251</p>\n' >"$tmp/cs.html"
[ "$(charset "$tmp/cs.html")" = UTF-8 ] && ok || bad "content without http-equiv"
printf '<meta http-equiv="content-type" content="text/html; charset=koi8-r"><p>\360\322\311\327\305\324</p>\n' >"$tmp/cs.html"
[ "$(extracted "$tmp/cs.html")" = "Привет" ] && ok || bad "http-equiv koi8-r"
# a byte order mark wins over a declaration, with --input=html too
printf '\357\273\277<meta charset="koi8-r"><p>caf\303\251</p>\n' >"$tmp/cs.html"
[ "$(extracted "$tmp/cs.html")" = "café" ] && ok || bad "UTF-8 BOM against a declaration"
[ "$(extracted "$tmp/u16.html")" = "café “q”" ] && [ "$(charset "$tmp/u16.html")" = UTF-16LE ] &&
	ok || bad "UTF-16LE page with a BOM: $(cat "$tmp/x.err")"
[ "$(extracted "$tmp/u16be.html")" = "café" ] && ok || bad "UTF-16BE page with a BOM"
# found without --input: a UTF-16 page with a BOM is a page
rl --export=json "$tmp/u16.html" "$tmp/u16.html" | grep -q '"charset": "UTF-16LE"' && ok || bad "UTF-16 page not detected"
# ISO-2022-KR and the like hide markup from filters: one U+FFFD, as in a browser
printf '<meta charset="iso-2022-kr"><p>Hidden words</p>\n' >"$tmp/cs.html"
[ "$(extracted "$tmp/cs.html")" = "�" ] && ok || bad "replacement encoding: $(extracted "$tmp/cs.html")"

# ---- text a reader never sees ----------------------------------------------
cat >"$tmp/hidden.html" <<'EOT'
<!DOCTYPE html><body><p>Seen one.</p>
<p style="display:none">NEVER display</p>
<p style="color: red; DISPLAY : None !important">NEVER display2</p>
<div style="visibility:hidden">NEVER visibility <span style="visibility: visible">Seen two.</span></div>
<p hidden>NEVER hidden</p>
<p aria-hidden=" TRUE ">NEVER aria</p>
<p aria-hidden="false">Seen three.</p>
<template><p>NEVER template</p></template>
<noembed>NEVER noembed</noembed>
<dialog><p>NEVER dialog</p></dialog>
<dialog open>CHROME open dialog</dialog>
<div class="cookie-recipe">Seen four.</div>
<div class="recipe cookies">Seen five.</div>
<div id="cookie-banner">CHROME cookie banner</div>
<div class="CookieNotice">CHROME camel case</div>
<div class="x gdpr-wall">CHROME gdpr</div>
<div class="cookiebanner">CHROME run together</div>
<div role="Navigation">CHROME role case</div>
<div role="presentation navigation">CHROME role token</div>
</body>
EOT
extracted "$tmp/hidden.html" >"$tmp/h.txt"
printf 'Seen one.\n\nSeen two.\n\nSeen three.\n\nSeen four.\n\nSeen five.\n' | cmp -s - "$tmp/h.txt" &&
	ok || bad "hidden text compared: $(cat "$tmp/h.txt")"
extracted "$tmp/hidden.html" --keep-chrome >"$tmp/h.txt"
grep -q NEVER "$tmp/h.txt" && bad "--keep-chrome kept hidden text: $(cat "$tmp/h.txt")" || ok
[ "$(grep -c CHROME "$tmp/h.txt")" -eq 7 ] && ok || bad "--keep-chrome lost chrome: $(cat "$tmp/h.txt")"
# a page that hides a verbatim copy of the statement to mask omissions
python3 - "$s/statement.txt" "$tmp/mask.html" <<'EOT'
import html, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = "".join("<p>%s</p>" % html.escape(p) for p in text.split("\n") if p.strip())
open(sys.argv[2], "w", encoding="utf-8").write(
    "<!DOCTYPE html><body><p>A short story.</p><div style=\"display:none\">%s</div>"
    "<div aria-hidden=\"true\">%s</div><div hidden>%s</div></body>" % (paras, paras, paras))
EOT
rl --export=stats "$s/statement.txt" "$tmp/mask.html" >"$tmp/out" 2>"$tmp/err"
grep -q '100% omitted' "$tmp/out" && ok || bad "hidden copy counted: $(cat "$tmp/out")"

cli_done
