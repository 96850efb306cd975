/* color.c (export) - the ANSI SGR sequences of the coloured exports.
 *
 * Owns how a colour reaches a stream: one sequence, written only when the
 * export is coloured, so that the exporters can ask for colour everywhere
 * and write nothing extra when it is off; to a stream (export_sgr) or an
 * output buffer (wb_sgr).
 */
#include "redline/export.h"

#include <string.h>

#include "redline/palette.h"
#include "wbuf.h"

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
static void
put_color(struct wbuf *w, const char *prefix, struct rgb c, int direct)
{
	if (direct)
		wb_printf(w, "%s;2;%d;%d;%d", prefix, c.r, c.g, c.b);
	else
		wb_printf(w, "%s;5;%d", prefix, palette_xterm256(c));
}

void
wb_sgr(struct wbuf *w, const struct export_opt *o, const char *sgr)
{
	const char *attrs;
	int role;

	if (!o->color)
		return;
	if (!o->tint || (role = tint_of(sgr, &attrs)) < 0) {
		wb_put(w, "\033[", 2);
		wb_puts(w, sgr);
		wb_putc(w, 'm');
		return;
	}
	enum palette_theme t = (enum palette_theme)o->theme;
	wb_put(w, "\033[", 2);
	wb_puts(w, attrs);
	put_color(w, "38", palette_fg(t), o->tint == 2);
	wb_putc(w, ';');
	put_color(w, "48", palette_color(t, (enum palette_role)role),
	          o->tint == 2);
	wb_putc(w, 'm');
}

int
export_sgr(FILE *f, const struct export_opt *o, const char *sgr)
{
	char room[256];
	struct wbuf w;

	if (!o->color)
		return 0;
	wb_file(&w, f, room, sizeof room);
	wb_sgr(&w, o, sgr);
	return wb_flush(&w);
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
