#!/bin/sh
# tests/cli/htmlarticle.sh - the article out of a web page, through the real
# binary, on small pages written here: the article's words are read (its
# headline, byline and standfirst too), and the page's furniture is not:
# ad slots, share buttons, related and "read also" lists, tags, comments,
# sidebars, newsletter boxes, hidden nodes; an <article>, itemprop
# articleBody and a JSON-LD articleBody say where the article is; a page
# with no article to find is read whole; --keep-chrome keeps everything a
# reader sees.
#
# usage: sh tests/cli/htmlarticle.sh PATH/TO/redline
set -u

. "$(dirname "$0")/lib.sh"
cli_setup htmlarticle "$1"
# extracted FILE [ARGS...]: the text redline reads from the page FILE
extracted() {
	f=$1
	shift
	rl --input=html --export=json "$@" /dev/null "$f" >"$tmp/x.json" 2>"$tmp/x.err"
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["right"]["text"], end="")' "$tmp/x.json"
}
# kept FILE WORDS...: each phrase is in FILE
kept() {
	f=$1
	shift
	for w in "$@"; do
		grep -qF "$w" "$f" && ok || bad "$(basename "$f"): not kept: $w"
	done
}
# dropped FILE WORDS...: no phrase is in FILE
dropped() {
	f=$1
	shift
	for w in "$@"; do
		grep -qF "$w" "$f" && bad "$(basename "$f"): kept: $w" || ok
	done
}

# Paragraphs of the story: long enough, with the commas of prose.
P1='The ministers met in the capital on Tuesday, and after six hours of talks, they agreed to extend the ceasefire by a further month.'
P2='Officials said the agreement, which still needs the approval of parliament, would open the border crossings to aid convoys, medical teams and journalists.'
P3='The opposition, however, called the deal a delay rather than a solution, and said it would take its objections to the courts next week.'
# P2 with a link named as furniture in its sentence: it stays
P2M=$(printf '%s' "$P2" | sed 's|aid convoys|<a class="tag social" href="/t/aid">aid convoys</a>|')
P4='Observers from the regional bloc will monitor the crossings, report to both governments every fortnight, and publish their findings.'

# 1. A news page: an <article> with the story and its furniture inside,
# the usual chrome around it, and hidden text.
cat >"$tmp/news.html" <<EOT
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ceasefire extended | The Daily</title></head>
<body>
<div class="top-bar"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></div>
<div class="ad-leaderboard"><span>Advertisement</span></div>
<div class="page">
<article>
<h1>Ceasefire extended by a month</h1>
<p class="standfirst">Ministers agree to open the crossings to aid</p>
<p class="byline">By Jane Roe, Chief Correspondent</p>
<ul class="share-buttons"><li><a href="#">Share on Facebook</a></li><li><a href="#">Tweet</a></li><li><a href="#">Email</a></li></ul>
<div class="story-body">
<p>$P1</p>
<p>$P2M</p>
<div class="ad-slot"><p>Advertisement</p></div>
<div><p>Advertisement</p></div>
<p>$P3</p>
<div class="read-also"><h3>Read also</h3><ul>
<li><a href="/a">Floods close the northern railway line for a week</a></li>
<li><a href="/b">Central bank holds rates as inflation eases slightly</a></li>
<li><a href="/c">Striking dockers return to work after pay deal</a></li></ul></div>
<p>$P4</p>
<p hidden>Hidden attribute words.</p>
<p aria-hidden="true">Aria hidden words.</p>
<p style="display: none">Display none words.</p>
<p style="visibility:hidden">Visibility hidden words.</p>
</div>
<div class="post-tags"><a href="/t/1">Diplomacy</a> <a href="/t/2">Borders</a></div>
<div><span>12 Comments</span></div>
<div class="author-bio"><p>Jane Roe covers diplomacy for The Daily, from the capital, and has reported from the border region since 2019.</p></div>
</article>
<section id="comments" class="comments">
<h2>Leave a Reply</h2>
<div class="comment"><p>Great piece, thank you, although I think the ministers will never agree on the details, and the courts will decide it in the end, as they always do, sadly.</p></div>
<div class="comment"><p>Another long comment, with commas, opinions, asides, and more words than the story has, to tempt a scorer that counts commas alone, which this one should not.</p></div>
</section>
<div class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Celebrity chef opens a second restaurant</a></li><li><a href="/y">Weather warning for the weekend</a></li></ol></div>
<div class="newsletter-signup"><p>Sign up for our morning briefing, delivered free, every weekday, to your inbox.</p></div>
</div>
</body></html>
EOT
extracted "$tmp/news.html" >"$tmp/news.txt"
kept "$tmp/news.txt" "Ceasefire extended by a month" "Ministers agree to open" \
	"By Jane Roe" "after six hours of talks" "approval of parliament" \
	"a delay rather than a solution" "publish their findings"
dropped "$tmp/news.txt" Home Advertisement "Share on Facebook" Tweet Email \
	"Read also" "Floods close" "Central bank" Diplomacy Borders \
	"Leave a Reply" "Great piece" "Another long comment" "Most read" \
	"12 Comments" "covers diplomacy" \
	"Celebrity chef" "morning briefing" "Hidden attribute" "Aria hidden" \
	"Display none" "Visibility hidden"
# the story's paragraphs in order, each a paragraph of its own
python3 -c 'import sys
t = open(sys.argv[1]).read().split("\n\n")
want = sys.argv[2:]
got = [p.strip() for p in t if p.strip() in want]
sys.exit(0 if got == want else 1)' "$tmp/news.txt" "$P1" "$P2" "$P3" "$P4" &&
	ok || bad "the story's paragraphs are not read whole and in order"

# --keep-chrome: all a reader sees, hidden text still not
extracted "$tmp/news.html" --keep-chrome >"$tmp/all.txt"
kept "$tmp/all.txt" Home Advertisement "Share on Facebook" Tweet "Read also" \
	"Floods close" Diplomacy "Leave a Reply" "Great piece" "Most read" \
	"morning briefing" "after six hours of talks" "publish their findings"
dropped "$tmp/all.txt" "Hidden attribute" "Aria hidden" "Display none" \
	"Visibility hidden"

# teasers of other stories, each an <article> of its own beside the
# story's, are not the story
cat >"$tmp/teasers.html" <<EOT
<html><body><main>
<article><h1>Ceasefire extended</h1><p>$P1</p><p>$P2</p><p>$P3</p></article>
<h2>More from World</h2>
<article><h3><a href="/1">Floods close railway</a></h3><p>Heavy rain, the worst in a decade, closed the northern line on Monday, and engineers said repairs would take a week.</p></article>
<article><h3><a href="/2">Bank holds rates</a></h3><p>The central bank kept its rate unchanged, citing easing inflation, a weaker currency and slowing growth in the second quarter.</p></article>
</main></body></html>
EOT
extracted "$tmp/teasers.html" >"$tmp/teasers.txt"
kept "$tmp/teasers.txt" "Ceasefire extended" "after six hours of talks" \
	"a delay rather than a solution"
dropped "$tmp/teasers.txt" "More from World" "Floods close" "Heavy rain" \
	"Bank holds" "central bank"

# 2. No semantic markup at all: the story is the div whose paragraphs
# read as prose; link lists and teasers around it are not.
cat >"$tmp/soup.html" <<EOT
<html><body>
<div id="wrap">
<div id="left"><div><a href="/1">News</a></div><div><a href="/2">Business</a></div><div><a href="/3">Opinion</a></div><div><a href="/4">Culture</a></div></div>
<div id="c1">
<div class="headline"><b>Ceasefire extended by a month</b></div>
<p>$P1</p><p>$P2</p><p>$P3</p><p>$P4</p>
</div>
<div id="r1">
<div><a href="/t1">Teaser headline about an unrelated matter of some length</a></div>
<div><a href="/t2">Another teaser headline, about something else entirely</a></div>
<div><a href="/t3">A third teaser headline, to make a list of links</a></div>
</div>
<div>Copyright 2026 The Daily. All rights reserved.</div>
</div>
</body></html>
EOT
extracted "$tmp/soup.html" >"$tmp/soup.txt"
kept "$tmp/soup.txt" "after six hours of talks" "approval of parliament" \
	"a delay rather than a solution" "publish their findings"
dropped "$tmp/soup.txt" Business Opinion "Teaser headline" "third teaser" \
	Copyright

# 3. itemprop="articleBody" names the article, over a longer block of
# prose that is not it.
OTHER='Elsewhere, in a story that is not this one, the council voted, after a long debate, to close two libraries, merge three schools, sell the old depot, and raise parking fees, which residents, shopkeepers and teachers all opposed.'
cat >"$tmp/itemprop.html" <<EOT
<html><body>
<div class="x1"><p>$OTHER</p><p>$OTHER</p><p>$OTHER</p></div>
<div class="x2" itemprop="articleBody"><p>$P1</p><p>$P2</p></div>
</body></html>
EOT
extracted "$tmp/itemprop.html" >"$tmp/itemprop.txt"
kept "$tmp/itemprop.txt" "after six hours of talks" "approval of parliament"
dropped "$tmp/itemprop.txt" "the council voted"

# 4. A JSON-LD articleBody does the same where the markup says nothing.
cat >"$tmp/jsonld.html" <<EOT
<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ceasefire extended",
 "articleBody": "$P1\n\n$P2"}
</script></head><body>
<div class="x1"><p>$OTHER</p><p>$OTHER</p><p>$OTHER</p></div>
<div class="x2"><p>$P1</p><p>$P2</p></div>
</body></html>
EOT
extracted "$tmp/jsonld.html" >"$tmp/jsonld.txt"
kept "$tmp/jsonld.txt" "after six hours of talks" "approval of parliament"
dropped "$tmp/jsonld.txt" "the council voted" "NewsArticle"
# without it, the longer block would have been taken
grep -v 'ld+json' "$tmp/jsonld.html" | sed '/"@context"/,/^<\/script>/d' \
	>"$tmp/nojsonld.html"
extracted "$tmp/nojsonld.html" >"$tmp/nojsonld.txt"
kept "$tmp/nojsonld.txt" "the council voted"

# a JSON-LD articleBody of bad escapes (each decodes longer than it is)
# is read without harm
python3 -c 'import sys
bad = "\\u" * 3000 + "\\uD800\\u12"
print("<html><head><script type=\"application/ld+json\">{\"articleBody\": \"%s\"}</script></head><body><p>%s</p><p>%s</p></body></html>" % (bad, sys.argv[1], sys.argv[2]))' "$P1" "$P2" >"$tmp/badjson.html"
extracted "$tmp/badjson.html" >"$tmp/badjson.txt"
kept "$tmp/badjson.txt" "after six hours of talks" "approval of parliament"

# 5. Pages with no article to find are read whole: a line, a list, a
# few short paragraphs.
printf '<html><body><p>Only a line.</p></body></html>\n' >"$tmp/line.html"
extracted "$tmp/line.html" >"$tmp/line.txt"
kept "$tmp/line.txt" "Only a line."
printf '<html><body><ul><li><a href="/a">First link</a></li><li><a href="/b">Second link</a></li></ul><p>A note.</p></body></html>\n' >"$tmp/list.html"
extracted "$tmp/list.html" >"$tmp/list.txt"
kept "$tmp/list.txt" "First link" "Second link" "A note."

cli_done
