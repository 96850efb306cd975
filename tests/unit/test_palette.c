/* test_palette.c - the viewer's colours (palette.h): every tint reaches
 * WCAG AA contrast (4.5:1) with the text drawn on it, in both themes; every
 * colour is an xterm 256-colour entry (so a 256-colour terminal shows what
 * was checked); COLORFGBG is read as terminals write it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "redline/palette.h"

static void
contrast_reference(void **state)
{
	(void)state;
	/* black on white is 21:1, a colour on itself 1:1, and WCAG's worked
	 * example: #777777 on white is 4.48:1 */
	struct rgb black = {0, 0, 0}, white = {255, 255, 255},
	           gray = {0x77, 0x77, 0x77};
	assert_true(palette_contrast(black, white) > 20.99);
	assert_true(palette_contrast(white, white) < 1.0001);
	double g = palette_contrast(gray, white);
	assert_true(g > 4.47 && g < 4.49);
}

static void
every_tint_readable(void **state)
{
	(void)state;
	for (int t = PALETTE_DARK; t <= PALETTE_LIGHT; t++)
		for (int r = 0; r < PAL_NROLES; r++) {
			struct rgb bg = palette_color((enum palette_theme)t,
			                              (enum palette_role)r);
			double c = palette_contrast(
			        palette_fg((enum palette_theme)t), bg);
			if (c < 4.5)
				fail_msg("theme %d role %d: contrast %.2f", t,
				         r, c);
		}
}

static void
exact_in_256_colours(void **state)
{
	(void)state;
	for (int t = PALETTE_DARK; t <= PALETTE_LIGHT; t++)
		for (int r = 0; r < PAL_NROLES; r++) {
			struct rgb c = palette_color((enum palette_theme)t,
			                             (enum palette_role)r);
			struct rgb e = palette_xterm_rgb(palette_xterm256(c));
			assert_int_equal(c.r, e.r);
			assert_int_equal(c.g, e.g);
			assert_int_equal(c.b, e.b);
		}
	/* the cube's corners and a gray */
	assert_int_equal(palette_xterm256((struct rgb){0, 0, 0}), 16);
	assert_int_equal(palette_xterm256((struct rgb){255, 255, 255}), 231);
	assert_int_equal(palette_xterm256((struct rgb){0x80, 0x80, 0x80}), 244);
}

static void
colorfgbg(void **state)
{
	(void)state;
	assert_int_equal(palette_from_colorfgbg("15;0"), PALETTE_DARK);
	assert_int_equal(palette_from_colorfgbg("0;15"), PALETTE_LIGHT);
	assert_int_equal(palette_from_colorfgbg("0;default;15"), PALETTE_LIGHT);
	assert_int_equal(palette_from_colorfgbg("12;8"), PALETTE_DARK);
	assert_int_equal(palette_from_colorfgbg("0;7"), PALETTE_LIGHT);
	assert_int_equal(palette_from_colorfgbg(""), -1);
	assert_int_equal(palette_from_colorfgbg(NULL), -1);
	assert_int_equal(palette_from_colorfgbg("15"), -1);
	assert_int_equal(palette_from_colorfgbg("15;default"), -1);
	assert_int_equal(palette_from_colorfgbg("15;99"), -1);
}

/* palette_from_osc11 on a string literal */
#define OSC11(s, bg) palette_from_osc11(s, sizeof s - 1, bg)

static void
osc11(void **state)
{
	struct rgb c;

	(void)state;
	/* four hex digits a channel, ended by BEL or ESC \ */
	assert_int_equal(OSC11("\033]11;rgb:ffff/ffff/ffff\a", &c),
	                 PALETTE_LIGHT);
	assert_int_equal(c.r, 255);
	assert_int_equal(OSC11("\033]11;rgb:0000/0000/0000\033\\", NULL),
	                 PALETTE_DARK);
	/* one to four digits, scaled: 4 of 0..15 is 68 of 0..255 */
	assert_int_equal(OSC11("\033]11;rgb:4/4/4\a", &c), PALETTE_DARK);
	assert_int_equal(c.g, 68);
	assert_int_equal(OSC11("\033]11;rgb:c0c/c0c/c0c\a", &c), PALETTE_LIGHT);
	assert_int_equal(c.b, 192);
	/* Solarized: light and dark; after other bytes; a C1 ST */
	assert_int_equal(OSC11("x\033]11;rgb:fd/f6/e3\x9c", NULL),
	                 PALETTE_LIGHT);
	assert_int_equal(OSC11("\033]11;rgb:00/2b/36\a", NULL), PALETTE_DARK);
	/* the turning point: black text stands out more from #767676 on */
	assert_int_equal(OSC11("\033]11;rgb:75/75/75\a", NULL), PALETTE_DARK);
	assert_int_equal(OSC11("\033]11;rgb:76/76/76\a", NULL), PALETTE_LIGHT);
	/* no answer, cut short, not a colour, five digits, OSC 10 */
	assert_int_equal(OSC11("", NULL), -1);
	assert_int_equal(OSC11("\033]11;rgb:ffff/ffff", NULL), -1);
	assert_int_equal(OSC11("\033]11;rgb:ffff/ffff/ffff", NULL), -1);
	assert_int_equal(OSC11("\033]11;?\a", NULL), -1);
	assert_int_equal(OSC11("\033]11;rgb:fffff/0/0\a", NULL), -1);
	assert_int_equal(OSC11("\033]10;rgb:ff/ff/ff\a", NULL), -1);
}

static void
precedence(void **state)
{
	(void)state;
	/* --theme, then REDLINE_THEME, then COLORFGBG; else undecided */
	assert_int_equal(palette_decided(1, "light", "0;15"), PALETTE_DARK);
	assert_int_equal(palette_decided(0, "light", "15;0"), PALETTE_LIGHT);
	assert_int_equal(palette_decided(0, "pink", "0;15"), PALETTE_LIGHT);
	assert_int_equal(palette_decided(0, NULL, NULL), -1);
	assert_int_equal(palette_decided(0, "", "15"), -1);
	/* then the terminal's answer, then dark */
	assert_int_equal(palette_pick(0, NULL, NULL, PALETTE_LIGHT),
	                 PALETTE_LIGHT);
	assert_int_equal(palette_pick(0, NULL, "15;0", PALETTE_LIGHT),
	                 PALETTE_DARK);
	assert_int_equal(palette_pick(0, NULL, NULL, -1), PALETTE_DARK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(contrast_reference),
	        cmocka_unit_test(every_tint_readable),
	        cmocka_unit_test(exact_in_256_colours),
	        cmocka_unit_test(colorfgbg),
	        cmocka_unit_test(osc11),
	        cmocka_unit_test(precedence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
