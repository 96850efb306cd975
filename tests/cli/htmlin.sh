#!/bin/sh
# tests/cli/htmlin.sh - web pages as input, through the real binary: a page
# gives the same passages as the plain text of its article; chrome, scripts,
# styles and templates left out (chrome kept on request); entities decoded;
# the character set taken from the page; detection by content and
# --input; the JSON's spans index the extracted text it carries; malformed,
# deep and script-only pages get a clear message or a best effort.
#
# usage: sh tests/cli/htmlin.sh PATH/TO/redline
set -u

. "$(dirname "$0")/lib.sh"
cli_setup htmlin "$1"
# extracted SIDE JSON: the text the JSON export carries for a page
extracted() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[2]))[sys.argv[1]].get("text", "<none>"), end="")' "$1" "$2"
}
# passages FILE: kind, moved and similarity of each block of a JSON export
passages() {
	python3 -c 'import json,sys
for b in json.load(open(sys.argv[1]))["blocks"]:
    print(b["kind"], b["moved"], b["similarity"], b["left"] is None, b["right"] is None)' "$1"
}

# a news page built around the BRICS Post's story: every paragraph (lines
# up to a blank line) a <p>, a line break inside one a <br> (the headline
# and its timestamp are two lines of one paragraph), typographic
# characters as entities, and all the usual chrome around it
python3 - "$s/brics-post.txt" "$tmp/story.html" <<'EOT'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
paras = [p.strip() for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
def ent(t):
    return (html.escape(t, quote=False).replace("\u2019", "&rsquo;")
            .replace("\u2013", "&ndash;").replace("\u201c", "&#8220;")
            .replace("\u201d", "&#x201D;"))
body = "\n".join("<p>%s</p>" % "<br>\n".join(ent(l.strip())
                                             for l in p.split("\n"))
                 for p in paras)
page = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Site | Story</title>
<style>p { color: red }</style>
<script>var s = "<p>script words</p>";</script></head>
<body>
<header><nav><ul><li><a href="/">Home page</a></li><li>World news</li></ul></nav>
<div class="logo">Site banner words</div></header>
<div id="cookie-consent">We use cookies on this site. <button>Accept</button></div>
<main><article><header><h1 style="display:none"></h1></header>
%s
</article>
<aside><h3>Related stories</h3><ul><li>Another story</li></ul></aside></main>
<form><label>Subscribe to the newsletter</label><input name="q"></form>
<footer>Copyright footer words.</footer>
<template><p>template words</p></template>
<noscript>noscript words</noscript>
</body></html>
""" % body
open(sys.argv[2], "w", encoding="utf-8").write(page)
EOT

rl --export=json "$s/statement.txt" "$tmp/story.html" >"$tmp/page.json"
[ $? -eq 1 ] && ok || bad "page: exit status"
rl --export=json "$s/statement.txt" "$s/brics-post.txt" >"$tmp/text.json"
passages "$tmp/page.json" >"$tmp/page.p"
passages "$tmp/text.json" >"$tmp/text.p"
cmp -s "$tmp/page.p" "$tmp/text.p" && ok || bad "the page and its text give different passages"
python3 "$top/tests/eval/check_json.py" "$tmp/page.json" "$s/statement.txt" "$tmp/story.html" >"$tmp/err" &&
	ok || bad "JSON contract on a page: $(cat "$tmp/err")"
grep -q '"input": "html", "charset": "UTF-8", "text": ' "$tmp/page.json" && ok || bad "the JSON does not say it read a page"
extracted right "$tmp/page.json" >"$tmp/x"
for w in "Home page" "World news" "Site banner" cookies Related newsletter \
	"Copyright footer" "script words" "template words" "noscript words" "color: red" "Site | Story"; do
	grep -qF "$w" "$tmp/x" && bad "chrome or code kept: $w" || ok
done
grep -qF "Leader’s Meeting" "$tmp/x" && ok || bad "entity &rsquo; not decoded"
grep -qF "cooperation – known" "$tmp/x" && ok || bad "entity &ndash; not decoded"
# the spans cut the extracted text: the first block is the page's first line
python3 -c 'import json,sys
d = json.load(open(sys.argv[1])); t = d["right"]["text"].encode()
s, e = d["blocks"][0]["right"]
sys.exit(0 if t[s:e].decode().strip() == "Follow us on:" else 1)' "$tmp/page.json" &&
	ok || bad "a span does not index the extracted text"

# the HTML report says which side was read from a page
rl --export=html "$s/statement.txt" "$tmp/story.html" >"$tmp/report.html"
grep -qF '(452 words, 20 sentences; the text of a web page, read as UTF-8)' "$tmp/report.html" &&
	ok || bad "the HTML report does not say the rewrite was a page"

# --keep-chrome keeps the chrome, never the code
rl --keep-chrome --export=json "$s/statement.txt" "$tmp/story.html" >"$tmp/keep.json"
extracted right "$tmp/keep.json" >"$tmp/x"
for w in "Home page" "Site banner" cookies "Related stories" newsletter "Copyright footer"; do
	grep -qF "$w" "$tmp/x" && ok || bad "--keep-chrome lost: $w"
done
for w in "script words" "template words" "color: red"; do
	grep -qF "$w" "$tmp/x" && bad "--keep-chrome kept code: $w" || ok
done

# blocks become paragraphs, br a line break, white space folds, tables too
printf '<!DOCTYPE html><body><div>One  two\n three</div><div>Four<br>five</div><table><tr><td>Cell <b>a</b></td><td><table><tr><td>Inner</td></tr></table></td></tr></table>Tail &amp; end &lt;b&gt;</body>\n' >"$tmp/blocks.html"
rl --export=json "$tmp/blocks.html" "$tmp/blocks.html" >"$tmp/b.json"
[ $? -eq 0 ] && ok || bad "a page against itself differs"
extracted left "$tmp/b.json" >"$tmp/x"
printf 'One two three\n\nFour\nfive\n\nCell a\n\nInner\n\nTail & end <b>\n' | cmp -s - "$tmp/x" &&
	ok || bad "blocks: got $(od -c "$tmp/x" | head -5)"

# the character set from the page: windows-1252 by meta charset, latin1 by
# http-equiv (read as windows-1252, as browsers do), labels browsers do not
# know ignored (more in htmlhostile.sh)
printf '<html><head><meta charset="windows-1252"></head><body><p>Caf\351 \223quoted\224 it\222s</p></body></html>\n' >"$tmp/cp.html"
rl --export=json "$tmp/cp.html" "$tmp/cp.html" >"$tmp/cp.json"
[ $? -eq 0 ] && ok || bad "windows-1252 page: exit status"
extracted left "$tmp/cp.json" | grep -qF 'Café “quoted” it’s' && ok || bad "windows-1252 not decoded: $(extracted left "$tmp/cp.json")"
grep -q '"charset": "WINDOWS-1252"' "$tmp/cp.json" && ok || bad "charset not reported"
printf '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body><p>na\357ve \200</p></body></html>\n' >"$tmp/l1.html"
rl --export=json "$tmp/l1.html" "$tmp/l1.html" >"$tmp/l1.json"
extracted left "$tmp/l1.json" | grep -qF 'naïve €' && ok || bad "latin1 page not read as windows-1252"
printf '<html><head><meta charset="x-klingon"></head><body><p>Qapla \303\251</p></body></html>\n' >"$tmp/kl.html"
rl --export=json "$tmp/kl.html" "$tmp/kl.html" >"$tmp/kl.json" 2>"$tmp/err"
[ $? -eq 0 ] && grep -q '"charset": "UTF-8"' "$tmp/kl.json" && [ ! -s "$tmp/err" ] &&
	ok || bad "unknown charset not ignored: $(cat "$tmp/err")"
# no declaration and not UTF-8: windows-1252
printf '<!DOCTYPE html><p>r\351sum\351</p>\n' >"$tmp/nodecl.html"
rl --export=json "$tmp/nodecl.html" "$tmp/nodecl.html" >"$tmp/nd.json"
extracted left "$tmp/nd.json" | grep -qF 'résumé' && ok || bad "undeclared non-UTF-8 page"

# detection by content, and --input to force either way
printf '<quote> is how the speech began.\n' >"$tmp/angle.txt"
rl --export=json "$tmp/angle.txt" "$tmp/angle.txt" >"$tmp/a.json"
grep -q '"input"' "$tmp/a.json" && bad "a text starting with < read as a page" || ok
rl --input=text --export=json "$s/statement.txt" "$tmp/story.html" >"$tmp/t.json"
grep -q '"input"' "$tmp/t.json" && bad "--input=text read a page" || ok
rl --input=text --export=wdiff "$tmp/blocks.html" "$tmp/blocks.html" | grep -qF '<div>' && ok || bad "--input=text lost the markup"
printf 'Just <em>some</em> words &amp; more.\n' >"$tmp/frag.txt"
rl --input=html --export=json "$tmp/frag.txt" "$tmp/frag.txt" >"$tmp/f.json"
extracted left "$tmp/f.json" | grep -qxF 'Just some words & more.' && ok || bad "--input=html did not read a fragment as a page"
rl --input=xml "$tmp/frag.txt" "$tmp/frag.txt" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- "--input" "$tmp/err" && ok || bad "--input=xml accepted"

# malformed, deep, script-only and huge pages: a message or a best effort
printf '<html><body><p>Open <b>bold <i>both</b> crossed</i></div></span><p>next<td>cell</table>&bogus; &#xD800; &#0;<' >"$tmp/bad.html"
rl --export=text "$tmp/bad.html" "$tmp/bad.html" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 0 ] && ok || bad "malformed page: $(cat "$tmp/err")"
python3 -c 'print("<!DOCTYPE html><body>" + "<div>" * 100000 + "deep" + "</div>" * 100000)' >"$tmp/deep.html"
rl "$tmp/deep.html" "$tmp/bad.html" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "deep.html: HTML elements nested too deep" "$tmp/err" && ok || bad "deep page: $(cat "$tmp/err")"
python3 -c 'print("<!DOCTYPE html><body>" + "<div>" * 1500 + "deep enough" + "</div>" * 1500)' >"$tmp/deep2.html"
rl --export=json "$tmp/deep2.html" "$tmp/deep2.html" >"$tmp/d2.json" 2>"$tmp/err"
[ $? -eq 0 ] && extracted left "$tmp/d2.json" | grep -qxF 'deep enough' && ok || bad "a page 1500 deep: $(cat "$tmp/err")"
python3 -c 'print("<!DOCTYPE html><head><script>" + "var a = \"<div>\";" * 100000 + "</script></head><body><script>go()</script></body>")' >"$tmp/script.html"
rl "$tmp/script.html" "$tmp/bad.html" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "script.html: no text found in the HTML page" "$tmp/err" && ok || bad "script-only page: $(cat "$tmp/err")"
python3 -c 'print("<!DOCTYPE html><body>" + "".join("<p>Paragraph %d has words &amp; an entity.</p>" % i for i in range(100000)))' >"$tmp/huge.html"
rl --export=wdiff "$tmp/huge.html" "$tmp/angle.txt" >"$tmp/out" 2>"$tmp/err"
[ $? -eq 1 ] && grep -qF 'Paragraph 99999 has words & an entity' "$tmp/out" && ok || bad "huge page: $(cat "$tmp/err")"

# the options are documented where a user looks
for opt in --input --keep-chrome; do
	rl --help | grep -q -- "$opt" && ok || bad "--help lacks $opt"
	grep -q -- "Fl \\\\-${opt#--}" "$top/man/redline.1" && ok || bad "the man page lacks $opt"
	grep -q -- "\`$opt" "$top/README.md" && ok || bad "README lacks $opt"
done

cli_done
