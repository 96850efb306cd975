/* finding.h - the changes of substance in a comparison, per passage.
 *
 * A finding is one change of substance between a passage's official and
 * rewrite sides, or a claim of the rewrite with nothing behind it:
 *
 *  - negation: a clause's polarity reversed, either way ("is" / "is not",
 *    "failed to" / "managed to");
 *  - quote: words the rewrite puts inside quotation marks that are not the
 *    official text word for word (a faithful cut, in pieces joined by an
 *    ellipsis, is no finding);
 *  - attribution: a rewrite sentence with no counterpart in the official
 *    text that credits the official source ("the statement said");
 *  - value: a number, amount, percentage or date replaced by a different
 *    one of its kind in the same slot ("12" / "15", "thousands" /
 *    "hundreds");
 *  - name: a name replaced by another in the same slot ("Amman" / "Cairo"),
 *    not the same name spelled another way;
 *  - certainty: a hedge or modal dropped, added or changed ("may" /
 *    "will", "at least 6" / "6", "reportedly" added);
 *  - new: a value or a whole name the official text never has.
 *
 * The types are listed most serious first, the order every view lists
 * them in.  The word lists are data files (data/en/hedges.txt,
 * negations.txt, negverbs.txt, sources.txt), English only; what each type
 * looks at is written out at the top of src/core/finding.c.
 */
#ifndef REDLINE_FINDING_H
#define REDLINE_FINDING_H

#include <stddef.h>
#include <stdint.h>

struct cmp;

enum find_type {
	FIND_NEGATION,
	FIND_QUOTE,
	FIND_ATTRIBUTION,
	FIND_VALUE,
	FIND_NAME,
	FIND_CERTAINTY,
	FIND_NEW,
	FIND_NTYPES
};

/* One finding: its passage and the tokens of each side it is about. */
struct finding {
	uint8_t type;     /* enum find_type */
	uint32_t passage; /* index into cmp.ps.v */
	uint32_t l0, l1;  /* official tokens [l0, l1); l0 == l1: none */
	uint32_t r0, r1;  /* rewrite tokens [r0, r1); r0 == r1: none */
};

/* The findings of a comparison, grouped by passage in passage order
 * (struct passage fi0, fi1 index them), in text order inside one. */
struct findings {
	struct finding *v;
	size_t n, cap;
	size_t count[FIND_NTYPES]; /* findings per type */
};

/* Find the findings of c (after its passages are built) into c->fd,
 * setting each passage's fi0 and fi1.  The new and changed facts of the
 * alignment (c->al.facts, each block's f0 and f1, each passage's nfacts)
 * are made over to match the value, name and new findings, so that every
 * view that shows facts tells the same story.  Returns 0, or -1 when
 * memory ran out (then c->fd is empty and the facts as they were). */
int find_run(struct cmp *c);

/* Release what *fd owns; *fd becomes empty. */
void find_free(struct findings *fd);

/* The type's name in the JSON export: "negation", "quote",
 * "attribution", "value", "name", "certainty", "new"; NULL when out of
 * range. */
const char *find_type_name(unsigned type);

/* The type as a reader's label, singular or plural: "negation",
 * "altered quote", "unsupported attribution", "changed value", "changed
 * name", "certainty change", "new fact" (plural: "negations", ...). */
const char *find_type_label(unsigned type, int plural);

/* Findings of a count array (struct findings count) in all. */
size_t find_total(const size_t count[FIND_NTYPES]);

#endif
