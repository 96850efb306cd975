#!/bin/sh
# tests/fuzz/run.sh - run each libFuzzer target for a bounded time.
#
# usage: tests/fuzz/run.sh BINDIR SECONDS [TARGET]...
#
# For each target in BINDIR (those named, or all of fuzz_load, fuzz_diff,
# fuzz_align, fuzz_export, fuzz_html):
# first every saved input in tests/fuzz/regress/TARGET/ (crashes found
# before, kept as regression tests) runs once; then the target fuzzes for
# SECONDS, starting from a corpus seeded from samples/ (the statement alone,
# and the statement, a NUL byte and each rewrite).  Prints executions and
# crashes per target and in all; exit status 1 on any crash.  A crash input
# is left in BINDIR/crash-TARGET-*: copy it into tests/fuzz/regress/TARGET/
# once fixed.
set -u
bindir=$1
secs=$2
shift 2
targets=${*:-fuzz_load fuzz_diff fuzz_align fuzz_export fuzz_html}
total=0
crashes=0
for t in $targets; do
	bin=$bindir/$t
	corpus=$bindir/corpus/$t
	mkdir -p "$corpus"
	# seeds: pair targets read "official NUL rewrite"; align and export
	# take an options byte first
	for r in samples/*.txt; do
		name=$(basename "$r" .txt)
		case $t in
		fuzz_load) cp "$r" "$corpus/seed-$name" ;;
		fuzz_diff) { cat samples/statement.txt; printf '\0'; cat "$r"; } >"$corpus/seed-$name" ;;
		fuzz_html)
			# a flags byte, then the text as a page with chrome
			{
				printf '\003<!DOCTYPE html><meta charset="utf-8"><header><nav>menu</nav></header><article><h1>t</h1><p>'
				sed 's/$/<\/p><p>/' "$r"
				printf '</p><table><tr><td>a<td>b</table></article><footer>f</footer><script>x()</script>'
			} >"$corpus/seed-$name"
			;;
		*) { printf '\0'; cat samples/statement.txt; printf '\0'; cat "$r"; } >"$corpus/seed-$name" ;;
		esac
	done
	# fuzz_html: the hostile shapes of issue 29, small (-max_len), each
	# after a flags byte: "<div/>" runs, "--!>" and "<!-->" comments,
	# a tag of many attributes, textarea and xmp bodies, <p><b>x<p> runs,
	# escaped scripts, SVG and MathML in tables, declarations in comments
	# and attributes, a UTF-16 page with its BOM, hidden text, an article
	# among furniture (JSON-LD with odd escapes, itemprop, share, ads)
	if [ "$t" = fuzz_html ]; then
		python3 - "$corpus" <<'EOT'
import sys
d = sys.argv[1]
b = "<!DOCTYPE html><body>"
seeds = {
    "selfclose": b + "<div/>" * 3000,
    "bang-comment": b + "<!-- x --!>" + "<div>" * 2100 + "x",
    "empty-comment": b + "<!-->" + "<div>" * 2100 + "<!--->x",
    "attrs": b + "<p " + " ".join("a%d=1" % i for i in range(1100)) + ">x</p>",
    "textarea": b + "<textarea>" + "<div>" * 3000 + "</textarea><xmp>" +
                "<i>" * 3000 + "</xmp><p>after",
    "reopen": b + "<p><b>x" * 2000 + "".join("<p><i id=%d>y" % i for i in range(50)),
    "script": b + "<script><!--<script></script></div>--></script><p>x",
    "foreign": b + "<table><td><svg><desc><select><option>x</select></desc>"
               "</svg><math><mi><b>y</b></mi><annotation-xml encoding=text/html>"
               "<style>z</style></annotation-xml></math></table>",
    "tables": b + "<table><a href=1><b><td><colgroup><col><tr><th>x<caption>c"
              "<template><tbody><tr><td>t</template></table><select><td>",
    "charset": "<!-- <meta charset=koi8-r> --><meta name=x content='<meta "
               "charset=utf-7>'><meta http-equiv=content-type content='text/"
               "html; charset=ucs-2'><p>caf\u00e9",
    "hidden": b + "<p style='display:none'>a</p><div style='visibility:hidden'>"
              "b<span style='visibility:visible'>c</span></div><p hidden>d"
              "<p aria-hidden=true>e<dialog>f</dialog><dialog open>g</dialog>"
              "<noembed>h</noembed><div class='cookie-recipe CookieBanner'>i"
              "</div><div role='Presentation NAVIGATION'>j</div>",
    "frameset": "<frameset><frameset><iframe><frameset><plaintext><frame>",
    "article": "<script type=application/ld+json>{\"articleBody\": \"One, "
               "two, three, four, five, six, seven, eight, nine, ten, eleven."
               "\\u00e9\\uD83D\\uDE00\\u\\uD800 x\"}</script>" + b +
               "<div class=sidebar><a href=1>a</a></div><article><h1>h</h1>"
               "<p class=byline>by</p><ul class=share><li><a>Tweet</a></ul>"
               "<div itemprop=articleBody><p>One, two, three, four, five, six, "
               "seven, eight, nine, ten, eleven.</p><div>Advertisement</div>"
               "<p>Copyright x</p></div></article><div id=comments><p>c, c, "
               "c, c, c, c, c, c, c, c, c, c, c, c, c, c, c</p></div>",
}
for name, text in seeds.items():
    open("%s/seed-hostile-%s" % (d, name), "wb").write(b"\x02" + text.encode())
open(d + "/seed-hostile-utf16", "wb").write(
    b"\x00\xff\xfe" + (b + "<meta charset=koi8-r><p>caf\u00e9").encode("utf-16-le"))
EOT
	fi
	if [ -d tests/fuzz/regress/$t ] && [ -n "$(ls tests/fuzz/regress/$t)" ]; then
		if ! "$bin" tests/fuzz/regress/$t/* >"$bindir/$t.regress.log" 2>&1; then
			echo "fuzz: $t: a saved regression input fails again:"
			tail -20 "$bindir/$t.regress.log"
			crashes=$((crashes + 1))
			continue
		fi
	fi
	"$bin" -max_total_time="$secs" -max_len=65536 -timeout=30 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$bindir/crash-$t-" "$corpus" \
	    >"$bindir/$t.log" 2>&1
	rc=$?
	n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$bindir/$t.log")
	n=${n:-0}
	total=$((total + n))
	if [ $rc -ne 0 ]; then
		crashes=$((crashes + 1))
		echo "fuzz: $t: CRASH after $n executions (exit $rc):"
		grep -E 'ERROR|check failed|SUMMARY|Test unit written' "$bindir/$t.log" | head -10
	else
		echo "fuzz: $t: $n executions in ${secs}s, no crash"
	fi
done
echo "fuzz: $total executions in all, $crashes target(s) crashed"
[ $crashes -eq 0 ]
