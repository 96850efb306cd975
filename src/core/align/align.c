/* align.c - sentence alignment and classification: the run, stage by
 * stage (words.c, links.c, classify.c; what they share is stage.h).
 *
 * Method:
 *  1. Content words (words.c).  Each word or number is case-folded, its
 *     inner periods dropped (U.S. = US), a British spelling made American
 *     (lexicon.h: labour = labor, centre = center), and, unless on the
 *     stop list, stemmed (stem.h); a number or number word is its value instead
 *     (lexicon.h: 7,600 = 7600, twelve = 12).  A value written over
 *     several words is one word, its canonical form, on its head token
 *     (value.h: 16 million = 16.0m, 13% = 13 per cent, $1.5 million = 1.5
 *     million dollars, 27 August = Aug. 27, Mon. = Monday); its scale
 *     words lose their ids, its own words (a month, a unit) keep theirs.
 *     Stems are ids in a table of their own.  The names of one thing
 *     become one id (alias.h: the alias table, and acronyms against the
 *     capitalised words whose initials they spell).  A rewrite stem the
 *     official text lacks is taken as a spelling variant of an official
 *     stem that is one letter longer or shorter (not the first letter;
 *     both at least VARIANT_MIN_LEN long; no number or value): Gadafi and
 *     Gaddafi.
 *  2. Weights.  A stem weighs idf = log(1 + S / df) over the S sentences of
 *     both texts.  A sentence's weight W is the sum over its stems.
 *  Anchors (anchor.c).  The sentences both texts have word for word, in
 *     the order of both (the sequences of sentences diffed as words are,
 *     each sentence one item; a run of dropped or added sentences slid
 *     to start a paragraph where it may), are linked first, by the
 *     anchor rule of step 4, however short or common: a sentence the
 *     official text repeats pairs with the copy between the same
 *     anchors, not with the first copy alike.
 *  3. Candidates (links.c, as are 4 to 6).  An inverted index of official
 *     sentences by stem finds, for each rewrite sentence the anchors leave
 *     unpaired, the official sentences sharing stems with it.  A stem
 *     nominates when it is in at most 1/POSTING_SHARE of the official
 *     sentences or POSTING_MIN of them, whichever is more, and never when
 *     in more than POSTING_MAX: so the cost grows with the text's length
 *     and not its square.  A sentence with no such stems nominates by all
 *     of them, each only among the POSTING_WINDOW official sentences
 *     nearest where the rewrite sentence would sit in proportion (so a
 *     text repeating one sentence a million times stays linear).  The
 *     best CANDIDATES get an exact shared weight w = sum of idf * min(count).
 *  4. Links.  A rewrite sentence links to the official sentence that covers
 *     most of it (w / W(rewrite) >= link_min).  Several rewrite sentences
 *     may link to one official sentence (a split).  An official sentence no
 *     rewrite sentence links to, but one rewrite sentence covers
 *     (w / W(official) >= keep_min; NEIGHBOUR_SHARE of that for the
 *     source's neighbour), is kept too, as half of a merge.  A
 *     rewrite sentence linked to nothing that holds HOLD_SHARE of keep_min
 *     of an official sentence (not the half of a merge) is its paraphrase,
 *     or a further piece of it when another sentence links to it too;
 *     one that gives a figure (120,000; a date;
 *     an amount) only one official sentence gives, or one whose best
 *     candidate nothing links to, sits where it does in the order of the
 *     links around it and shares TERM_MIN_WORDS words with it, one of
 *     them a word no other official sentence has (these two need a share
 *     of the sentence that grows from none at the default link_min to
 *     all of it at 1).  A rewrite sentence
 *     linked to the official sentence it holds that shares more weight
 *     still with another, one adding MERGE_GAIN of it, merges the two,
 *     however small a share of the other it tells.  An official sentence
 *     adding less than MERGE_GAIN (saying again what the source says) is
 *     half of the merge when the rewrite sentence holds RESTATE_SHARE of it
 *     and LINK_MIN_WORDS of its words.  A
 *     rewrite line repeating one just before it, or a title line (no
 *     sentence end) repeating an earlier title line, links to nothing;
 *     nor does page furniture (lexicon.h) or a photo caption (a title
 *     line closed by a bracketed credit, "... [AP]").  Last, a learned
 *     verdict (verdict.c: a logistic regression, fitted to the labelled
 *     pairs' tuning set) judges each rewrite sentence the best-candidate
 *     rule linked or no rule linked, from the shares, words and weights
 *     it has in common with its heaviest candidate, its place among the
 *     links around it, whether it is a headline, and the share of its
 *     words the official text never has; where it is sure (0.5 +- a
 *     margin) and the rules said otherwise, it links the sentence to that
 *     candidate or to nothing.  It steps aside at other than the default
 *     link_min and keep_min, at which it was fitted.
 *  5. Blocks.  An official sentence and the one rewrite sentence linked to
 *     it, and to nothing else, make a pair.  A split (one official
 *     sentence, several rewrite sentences) and a merge (one rewrite
 *     sentence, several official ones) become one-sided blocks, one per
 *     sentence, pointing to each other (`link`), so that each sentence is
 *     judged on its own.  Official sentences left over are omissions; rewrite
 *     sentences left over are additions; neighbours of one kind in one
 *     paragraph share a block.  Blocks go in the official order, with
 *     additions and half blocks after the block of the rewrite sentence
 *     before them.
 *  6. Moves.  Each pair of sentences told from each other (a pair
 *     block, or a half of a split or merge with the sentence it points
 *     to) is a point; the longest chain of points in official order whose
 *     rewrite positions never go back stays in place, and of chains as
 *     long the one whose pairs share the most weight (a verbatim pair
 *     keeps its place, a reworded one moves).  A block none of whose
 *     points is in the chain is moved: of a sentence merging two official
 *     ones, the one told out of order moves, and the merging sentence
 *     stays with the other.  The title lines at the rewrite's head (its
 *     headline: HEAD_MAX at most, before a sentence) sum up: they are no
 *     points, and never moved.
 *  7. Kinds (classify.c, as are 8 and 9).  Words are compared loosely
 *     (same stem, case, spelling variant, value, alias, irregular verb
 *     form: "are" and "is") and the share kept in order is measured
 *     (loose_kept); one subject named two ways counts as kept (the
 *     official "we" and "The United States"; a title dropped, added or
 *     standing for the name: lexicon.h); the rewrite's attribution frames
 *     (", the statement read"; "In a statement, X said that") are left out
 *     of its count, unless they outweigh the words kept (then they are
 *     the sentence's own content), and, when the rewrite drops them,
 *     the official sentence's own frame ('"...," said Maria Novak, the
 *     Commissioner') and dateline ("Brussels, 8 February 2012 -") out
 *     of the official count (official_frame: only a frame that names its
 *     speaker and no more, so a dropped clause still counts).  When at least
 *     verbatim_min of the words of each side are kept the pair is
 *     verbatim, otherwise a paraphrase.  A one-sided block of a split or
 *     merge is measured on its side against all its counterparts.  The
 *     word diff shown is the strict one.
 *  8. Facts.  Any rewrite word or value whose stem or canonical form
 *     the official text never has (nor as a word of one of its values:
 *     "August" of "27 August"), and that is a number or value, holds a
 *     digit, spells a quantity, or is a name (a capitalized word not at
 *     the start of a sentence, or at the start but capitalized elsewhere
 *     in the middle of one), is a new fact; adjacent ones make one span
 *     ("June 19").  Which of them a reader is shown, and which values and
 *     names changed, is decided over whole passages with the other
 *     findings (src/core/finding.c), which makes these facts over.
 *  9. Nearest.  Every omission and addition gets the segment on the other
 *     side most like it among the candidates of step 3 (Dice of weights),
 *     to which, after the links, each official sentence no link holds
 *     adds the rewrite sentences it would nominate, found the same way
 *     with the sides swapped (so an omitted copy of an anchored
 *     sentence still names it).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "redline/grow.h"
#include "redline/lexicon.h"
#include "redline/stem.h"
#include "redline/uni.h"
#include "stage.h"

/* ---- the whole ------------------------------------------------------- */

int
align_run(const struct align_in *c, struct align_out *out)
{
	struct words w;
	struct linkset l = {0};
	struct blockset bl = {0};
	int rc;

	memset(out, 0, sizeof *out);
	rc = stage_words(c, &w);
	if (rc == 0 && c->opt.trim)
		c->opt.trim(); /* the words' scratch, before the search */
	if (rc == 0)
		rc = stage_links(c, &w, &l, &bl) < 0 ||
		                     stage_classify(c, &w, &l, &bl, out) < 0
		             ? ALIGN_ERR_MEMORY
		             : 0;
	if (rc == 0) {
		out->blocks = bl.b;
		out->nblocks = bl.nb;
		out->nmoved = bl.nmoved;
		bl.b = NULL;
	}
	words_free(&w);
	linkset_free(&l);
	free(bl.b);
	if (rc < 0)
		align_out_free(out);
	return rc;
}

void
align_out_free(struct align_out *out)
{
	free(out->blocks);
	dcode_free(&out->bops);
	free(out->facts);
	memset(out, 0, sizeof *out);
}
