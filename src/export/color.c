/* color.c (export) - the ANSI SGR sequences of the coloured exports.
 *
 * Owns how a colour reaches a stream: one sequence, written only when the
 * export is coloured, so that the exporters can ask for colour everywhere
 * and write nothing extra when it is off.
 */
#include "redline/export.h"

#include <string.h>

#include "redline/palette.h"

/* The tint of SGR_ sequence sgr, and the attributes kept ("1;", "1;4;");
 * -1 when sgr is none of them. */
static int
tint_of(const char *sgr, const char **attrs)
{
	static const struct {
		const char *sgr, *attrs;
		int role;
	} map[] = {
	        {SGR_DEL, "", PAL_DEL},       {SGR_INS, "", PAL_INS},
	        {SGR_FACT, "1;4;", PAL_FIND}, {SGR_PARA, "", PAL_PARA},
	        {SGR_OMIT, "1;", PAL_OMIT},   {SGR_ADD, "1;", PAL_ADD},
	        {SGR_MOVED, "1;", PAL_MOVED},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(map[i].sgr, sgr) == 0) {
			*attrs = map[i].attrs;
			return map[i].role;
		}
	return -1;
}

/* Colour c as SGR parameters after prefix ("38" or "48"). */
static int
put_color(FILE *f, const char *prefix, struct rgb c, int direct)
{
	return (direct ? fprintf(f, "%s;2;%d;%d;%d", prefix, c.r, c.g, c.b)
	               : fprintf(f, "%s;5;%d", prefix, palette_xterm256(c))) < 0
	               ? -1
	               : 0;
}

int
export_sgr(FILE *f, const struct export_opt *o, const char *sgr)
{
	const char *attrs;
	int role;

	if (!o->color)
		return 0;
	if (!o->tint || (role = tint_of(sgr, &attrs)) < 0)
		return fprintf(f, "\033[%sm", sgr) < 0 ? -1 : 0;
	enum palette_theme t = (enum palette_theme)o->theme;
	return fprintf(f, "\033[%s", attrs) < 0 ||
	                       put_color(f, "38", palette_fg(t), o->tint == 2) <
	                               0 ||
	                       fputc(';', f) == EOF ||
	                       put_color(f, "48",
	                                 palette_color(t,
	                                               (enum palette_role)role),
	                                 o->tint == 2) < 0 ||
	                       fputc('m', f) == EOF
	               ? -1
	               : 0;
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
