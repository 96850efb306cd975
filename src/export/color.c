/* color.c (export) - the ANSI SGR sequences of the coloured exports.
 *
 * Owns how a colour reaches a stream: one sequence, written only when the
 * export is coloured, so that the exporters can ask for colour everywhere
 * and write nothing extra when it is off.
 */
#include "redline/export.h"

int
export_sgr(FILE *f, const struct export_opt *o, const char *sgr)
{
	if (!o->color)
		return 0;
	return fprintf(f, "\033[%sm", sgr) < 0 ? -1 : 0;
}

const char *
export_kind_sgr(unsigned k)
{
	switch (k) {
	case BLK_OMISSION:
		return SGR_OMIT;
	case BLK_ADDITION:
		return SGR_ADD;
	case BLK_PARAPHRASE:
		return SGR_PARA;
	default:
		return "";
	}
}
