/* palette.c - the viewer's colours and their contrast (palette.h).
 *
 * Owns the two themes' colours, the WCAG contrast and the xterm 256-colour
 * mapping.  The colours were chosen so that tests/unit/test_palette.c
 * passes: each is an xterm cube entry, and each reaches 4.5:1 against its
 * theme's foreground.
 */
#include "redline/palette.h"
#include "redline/uni.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Per role: dark theme, light theme. */
static const struct rgb colors[PAL_NROLES][2] = {
        [PAL_DEL] = {{0x87, 0x00, 0x00}, {0xff, 0xaf, 0xaf}},
        [PAL_INS] = {{0x00, 0x5f, 0x00}, {0xaf, 0xff, 0xaf}},
        [PAL_OMIT] = {{0x5f, 0x00, 0x00}, {0xff, 0xd7, 0xd7}},
        [PAL_ADD] = {{0x00, 0x5f, 0x00}, {0xd7, 0xff, 0xd7}},
        [PAL_FIND] = {{0x5f, 0x00, 0x5f}, {0xff, 0xd7, 0xff}},
        [PAL_MATCH] = {{0x00, 0x5f, 0x5f}, {0xaf, 0xff, 0xff}},
        [PAL_PARA] = {{0x5f, 0x5f, 0x00}, {0xff, 0xff, 0xaf}},
        [PAL_MOVED] = {{0x00, 0x00, 0x87}, {0xd7, 0xd7, 0xff}},
};

struct rgb
palette_color(enum palette_theme theme, enum palette_role role)
{
	return colors[role][theme == PALETTE_LIGHT];
}

struct rgb
palette_fg(enum palette_theme theme)
{
	return theme == PALETTE_LIGHT ? (struct rgb){0, 0, 0}
	                              : (struct rgb){0xff, 0xff, 0xff};
}

/* Relative luminance of one sRGB channel value. */
static double
channel(uint8_t v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double
luminance(struct rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) +
	       0.0722 * channel(c.b);
}

double
palette_contrast(struct rgb a, struct rgb b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static const uint8_t cube[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};

struct rgb
palette_xterm_rgb(int i)
{
	if (i >= 232) {
		uint8_t v = (uint8_t)(8 + 10 * (i - 232));
		return (struct rgb){v, v, v};
	}
	i -= 16;
	return (struct rgb){cube[i / 36], cube[(i / 6) % 6], cube[i % 6]};
}

int
palette_xterm256(struct rgb c)
{
	int best = 16;
	long bestd = -1;

	for (int i = 16; i < 256; i++) {
		struct rgb e = palette_xterm_rgb(i);
		long dr = e.r - c.r, dg = e.g - c.g, db = e.b - c.b;
		long d = dr * dr + dg * dg + db * db;
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

int
palette_decided(int asked, const char *env, const char *colorfgbg)
{
	if (asked == 1)
		return PALETTE_DARK;
	if (asked == 2)
		return PALETTE_LIGHT;
	if (env && strcmp(env, "light") == 0)
		return PALETTE_LIGHT;
	if (env && strcmp(env, "dark") == 0)
		return PALETTE_DARK;
	return palette_from_colorfgbg(colorfgbg);
}

enum palette_theme
palette_pick(int asked, const char *env, const char *colorfgbg, int answered)
{
	int t = palette_decided(asked, env, colorfgbg);

	if (t < 0)
		t = answered;
	return t == PALETTE_LIGHT ? PALETTE_LIGHT : PALETTE_DARK;
}

/* The value of 1 to 4 hex digits at *s, scaled to 0..255 (xterm's
 * rgb:h/hh/hhh/hhhh); -1 when there is none or more.  *s moves past
 * them. */
static int
hex_channel(const char **s, const char *end)
{
	unsigned long v = 0, max = 0;
	int n = 0;

	while (*s < end && n < 5) {
		int d = uni_hex_digit((unsigned char)**s);
		if (d < 0)
			break;
		v = v * 16 + (unsigned long)d;
		max = max * 16 + 15;
		n++;
		(*s)++;
	}
	if (n < 1 || n > 4)
		return -1;
	return (int)((v * 255 + max / 2) / max);
}

int
palette_from_osc11(const char *s, size_t n, struct rgb *bg)
{
	static const char head[] = "\033]11;rgb:";
	const char *end = s + n, *p = NULL;
	int c[3];

	for (size_t i = 0; i + sizeof head - 1 <= n; i++)
		if (memcmp(s + i, head, sizeof head - 1) == 0) {
			p = s + i + sizeof head - 1;
			break;
		}
	if (!p)
		return -1;
	for (int k = 0; k < 3; k++) {
		if (k) {
			if (p >= end || *p != '/')
				return -1;
			p++;
		}
		c[k] = hex_channel(&p, end);
		if (c[k] < 0)
			return -1;
	}
	/* the end of the answer: BEL, or ST as ESC \ or C1 */
	if (p >= end || !(*p == '\a' || (unsigned char)*p == 0x9c ||
	                  (*p == '\033' && p + 1 < end && p[1] == '\\')))
		return -1;
	struct rgb col = {(uint8_t)c[0], (uint8_t)c[1], (uint8_t)c[2]};
	if (bg)
		*bg = col;
	/* light when black text stands out on it more than white text:
	 * the light theme's foreground is black */
	return palette_contrast((struct rgb){0, 0, 0}, col) >=
	                       palette_contrast((struct rgb){255, 255, 255},
	                                        col)
	               ? PALETTE_LIGHT
	               : PALETTE_DARK;
}

int
palette_from_colorfgbg(const char *s)
{
	const char *last;
	char *end;

	if (!s || !*s)
		return -1;
	last = strrchr(s, ';');
	if (!last)
		return -1;
	long bg = strtol(last + 1, &end, 10);
	if (end == last + 1 || *end != '\0' || bg < 0 || bg > 15)
		return -1;
	return bg == 7 || bg >= 9 ? PALETTE_LIGHT : PALETTE_DARK;
}
