#!/bin/sh
# tests/cli/html.sh - the HTML report (--export=html) through the real
# binary, without a browser (tests/html/run.sh has the browser): one
# article per passage with its kind, the inputs' markup escaped, nothing
# that loads from elsewhere, -o, and the overview's page.
#
# usage: sh tests/cli/html.sh PATH/TO/redline
set -u

. "$(dirname "$0")/lib.sh"
cli_setup html "$1"
has() {
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: no '$3'"; fi
}
lacks() {
	if grep -qiE -- "$3" "$2"; then bad "$1: '$3' found: $(grep -oiE -- "$3" "$2" | head -3)"; else ok; fi
}

rl --export=html "$r/official.txt" "$r/story.txt" >"$tmp/p.html"
[ $? -eq 1 ] && ok || bad "exit status of a differing pair"
head -1 "$tmp/p.html" | grep -qx '<!DOCTYPE html>' && ok || bad "not an HTML document"
has "charset" "$tmp/p.html" '<meta charset="utf-8">'
has "viewport" "$tmp/p.html" 'name="viewport"'
for k in verbatim paraphrase omission addition; do
	[ "$(grep -c "<article [^>]*data-kind=\"$k\"" "$tmp/p.html")" -eq 1 ] && ok ||
		bad "one $k article expected"
	has "count $k" "$tmp/p.html" "data-count=\"$k\">1</dd>"
done
has "word change" "$tmp/p.html" '<del>40</del>'
has "inserted" "$tmp/p.html" '<ins><mark class="fact">45</mark></ins>'
has "changed fact" "$tmp/p.html" 'changed value</span>: <del>40</del> → <mark class="fact">45</mark>'
has "findings counted in the header" "$tmp/p.html" 'data-findings="1">Findings: 1 changed value.'
has "findings listed, linked" "$tmp/p.html" '<li data-type="value"><a href="#p2">[2]</a> <span class="find">changed value'
has "legend" "$tmp/p.html" 'class="legend"'
has "next change" "$tmp/p.html" 'next change'
lacks "nothing loaded" "$tmp/p.html" '<script|<link|<img|<iframe| src=|url\(|@import|https?:'

# the moved passage of a sample links to where the rewrite has it
rl --export=html "$s/statement.txt" "$s/brics-post.txt" >"$tmp/b.html"
[ "$(grep '<article [^>]*data-moved' "$tmp/b.html" | grep -vc 'data-continued')" -eq \
	"$(rl --export=json "$s/statement.txt" "$s/brics-post.txt" | python3 -c 'import json, sys; print(json.load(sys.stdin)["summary"]["moved"])')" ] &&
	ok || bad "data-moved on exactly the moved passages"
has "moved linked" "$tmp/b.html" 'moved: in the rewrite it comes after <a href="#p'

# every text of the inputs, names too, is escaped
printf 'The talks will go on.\n' >"$tmp/a.txt"
printf 'The talks will go on.\nA reader wrote <script>alert(x)</script> & <b onmouseover="x">bold</b>.\n' \
	>"$tmp/<i>b.txt"
rl --export=html "$tmp/a.txt" "$tmp/<i>b.txt" >"$tmp/h.html"
[ $? -eq 1 ] && ok || bad "exit status, markup in the rewrite"
has "script escaped" "$tmp/h.html" '&lt;script&gt;alert(x)&lt;/script&gt; &amp; &lt;b onmouseover=&quot;x&quot;&gt;bold&lt;/b&gt;'
has "name escaped" "$tmp/h.html" '&lt;i&gt;b.txt'
lacks "no markup of the input" "$tmp/h.html" '<script|<b |<i>'

# control characters become pictures, never bytes in the page
printf 'a \033[2J b\n' >"$tmp/esc.txt"
rl --export=html "$tmp/a.txt" "$tmp/esc.txt" >"$tmp/e.html"
grep -q "$(printf '\033')" "$tmp/e.html" && bad "an escape in the page" || ok

# the header says what made the page and when (SOURCE_DATE_EPOCH sets the
# day, for pages made again alike); a passage kept word for word folds
# into a <details> (no script), its first words in the summary; a dark
# scheme for readers who ask for one
SOURCE_DATE_EPOCH=0 "$bin" --export=html "$r/official.txt" "$r/story.txt" >"$tmp/d.html"
has "maker and day" "$tmp/d.html" '<p class="made">Made by redline '"$("$bin" --version | cut -d' ' -f2)"' on <time>1970-01-01</time>.</p>'
has "generator version" "$tmp/d.html" '<meta name="generator" content="redline '
printf 'The council met today. It approved the budget.\n' >"$tmp/same-o.txt"
printf 'The council met today. It approved the new budget.\n' >"$tmp/same-r.txt"
rl --export=html "$tmp/same-o.txt" "$tmp/same-r.txt" >"$tmp/same.html"
[ "$(grep -c '<details class="same">' "$tmp/same.html")" -eq 1 ] && ok || bad "one unchanged passage folds: $(grep -c '<details class="same">' "$tmp/same.html")"
has "its first words" "$tmp/same.html" 'the same words on both sides: “The council met today.”</summary>'
has "dark scheme" "$tmp/p.html" '@media (prefers-color-scheme:dark)'

# -o writes the page atomically, never over an input
rl --export=html -o "$tmp/out.html" "$r/official.txt" "$r/story.txt"
[ $? -eq 1 ] && cmp -s "$tmp/out.html" "$tmp/p.html" && ok || bad "-o page differs"
cp "$r/story.txt" "$tmp/story.txt"
rl --export=html -o "$tmp/story.txt" "$r/official.txt" "$tmp/story.txt" 2>"$tmp/err"
[ $? -eq 2 ] && cmp -s "$tmp/story.txt" "$r/story.txt" && ok || bad "-o over an input"

# the overview: the table, the grid, every pair, all linked
rl --export=html "$r/official.txt" "$r/story.txt" "$r/wire.txt" "$r/weekly.txt" >"$tmp/o.html"
[ $? -eq 1 ] && ok || bad "overview exit status"
[ "$(grep -c '<section class="pair"' "$tmp/o.html")" -eq 3 ] && ok || bad "three pairs expected"
[ "$(grep -c '<tr data-rewrite=' "$tmp/o.html")" -eq 3 ] && ok || bad "three table rows expected"
[ "$(grep -o '<td data-kind=' "$tmp/o.html" | wc -l)" -eq 9 ] && ok || bad "3 x 3 coverage cells expected"
has "grid links" "$tmp/o.html" '<a href="#r2-p'
# at 400 px the table stacks, each cell labelled: no column hidden
[ "$(grep -o '<td data-label=' "$tmp/o.html" | wc -l)" -eq 27 ] && ok || bad "3 x 9 labelled table cells expected"
has "stacked table" "$tmp/o.html" '.rewrites td::before{content:attr(data-label)'
# every link goes to an element of the page
grep -o 'href="#[^"]*"' "$tmp/o.html" | sed 's/href="#//; s/"$//' | sort -u >"$tmp/links"
grep -o ' id="[^"]*"' "$tmp/o.html" | sed 's/ id="//; s/"$//' | sort -u >"$tmp/ids"
[ -z "$(comm -23 "$tmp/links" "$tmp/ids")" ] && ok || bad "links to nothing: $(comm -23 "$tmp/links" "$tmp/ids" | head -3)"

rl --help | grep -q 'html   one self-contained web page' && ok || bad "--help lacks the html format"
grep -q '^.It Cm html' "$top/man/redline.1" && ok || bad "the man page lacks the html format"

cli_done
