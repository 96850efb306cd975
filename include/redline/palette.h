/* palette.h - the viewer's colours: tints a reader can read on dark and
 * light terminals, and the contrast that says so.
 *
 * Whole passages and changed words are tinted with a background (as delta
 * does) rather than drawn in a coloured foreground, whose contrast with the
 * terminal's background is what made them hard to read; the text on a
 * tint is the theme's own foreground (white on the dark theme's deep tints,
 * black on the light theme's pale ones), so its contrast is known whatever
 * the terminal's palette.  Every colour is an entry of the xterm 256-colour
 * cube, so that a 256-colour terminal shows exactly the colour whose
 * contrast was checked (a direct-colour terminal gets the same RGB), and
 * every pair reaches WCAG 2's 4.5:1 (AA): tests/unit/test_palette.c.
 */
#ifndef REDLINE_PALETTE_H
#define REDLINE_PALETTE_H

#include <stddef.h>
#include <stdint.h>

struct rgb {
	uint8_t r, g, b;
};

enum palette_theme { PALETTE_DARK, PALETTE_LIGHT };

/* What a colour is for. */
enum palette_role {
	PAL_DEL,   /* a deleted word: background */
	PAL_INS,   /* an inserted word: background */
	PAL_OMIT,  /* an omission's whole text: background */
	PAL_ADD,   /* an addition's whole text: background */
	PAL_FIND,  /* a finding's words: background */
	PAL_MATCH, /* a search match: background */
	PAL_PARA,  /* the paraphrase mark: background */
	PAL_MOVED, /* the moved mark: background */
	PAL_NROLES
};

/* The colour of role in theme. */
struct rgb palette_color(enum palette_theme theme, enum palette_role role);

/* The foreground of everything tinted in theme: white on dark, black on
 * light. */
struct rgb palette_fg(enum palette_theme theme);

/* WCAG 2 contrast ratio of two colours, 1 to 21. */
double palette_contrast(struct rgb a, struct rgb b);

/* The entry of the xterm 256-colour palette (16 to 255: the 6x6x6 cube
 * and the gray ramp) nearest to c. */
int palette_xterm256(struct rgb c);

/* The RGB of xterm 256-colour entry i (16 to 255). */
struct rgb palette_xterm_rgb(int i);

/* The theme the user or the environment decides: asked (0 auto, 1 dark,
 * 2 light, as --theme says), else env ("dark" or "light":
 * REDLINE_THEME's value), else what colorfgbg (COLORFGBG's value) says;
 * -1 when none of them does (then the viewer asks the terminal). */
int palette_decided(int asked, const char *env, const char *colorfgbg);

/* The theme to use: palette_decided's, else answered (the theme of the
 * terminal's answer to OSC 11, palette_from_osc11; -1 for none), else
 * dark. */
enum palette_theme palette_pick(int asked, const char *env,
                                const char *colorfgbg, int answered);

/* The theme for the background colour in a terminal's answer to an OSC
 * 11 query, s[0..n): ESC ] 11 ; rgb:R/G/B ended by BEL or ST (ESC \ or
 * 0x9C), each channel of 1 to 4 hex digits, anywhere in s.  Light when
 * black text has more contrast on that colour than white text (the
 * relative luminance above about 0.18), else dark.  The colour goes to
 * *bg when bg is not NULL.  -1 when s holds no such answer. */
int palette_from_osc11(const char *s, size_t n, struct rgb *bg);

/* The theme that the COLORFGBG value s ("15;0", "0;default;15") says the
 * terminal has: its background colour 0 to 6 or 8 is dark, 7 or 9 to 15
 * light.  -1 when s says nothing (NULL, empty, no background). */
int palette_from_colorfgbg(const char *s);

#endif
