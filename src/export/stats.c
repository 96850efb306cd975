/* stats.c - the --stats export: how much of each side was kept.
 *
 * Counts words (and numbers), not punctuation, like wdiff -s; the last line
 * gives the token edit count that the --minimal guarantee is about.
 */
#include "redline/export.h"

int
export_stats(const struct cmp *c, const struct export_opt *o, FILE *f)
{
	struct cmp_stats st;
	(void)o;

	cmp_stats(c, &st);
	if (export_name(f, c->left->name) < 0 ||
	    fprintf(f,
	            ": %zu words, %zu common (%d%%), %zu deleted (%d%%), "
	            "%zu changed (%d%%)\n",
	            st.words[0], st.common[0],
	            psg_percent(st.common[0], st.words[0]), st.deleted,
	            psg_percent(st.deleted, st.words[0]), st.changed[0],
	            psg_percent(st.changed[0], st.words[0])) < 0 ||
	    export_name(f, c->right->name) < 0 ||
	    fprintf(f,
	            ": %zu words, %zu common (%d%%), %zu inserted (%d%%), "
	            "%zu changed (%d%%)\n",
	            st.words[1], st.common[1],
	            psg_percent(st.common[1], st.words[1]), st.inserted,
	            psg_percent(st.inserted, st.words[1]), st.changed[1],
	            psg_percent(st.changed[1], st.words[1])) < 0 ||
	    fprintf(f, "tokens: %zu and %zu, %zu deleted, %zu inserted\n",
	            st.toks[0], st.toks[1], st.tok_del, st.tok_ins) < 0 ||
	    export_kinds_summary(c, f) < 0)
		return -1;
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}
