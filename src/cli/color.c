/* color.c - the choice of a coloured export, from --color and NO_COLOR.
 *
 * Owns the one rule, the same as the viewer's: always colours, never does
 * not, auto colours a terminal unless NO_COLOR is set and not empty.
 */
#include "color.h"

#include <stdlib.h>

#include "../tui/tui.h"

int
color_wanted(int when, int tty)
{
	const char *no = getenv("NO_COLOR");

	if (when == TUI_COLOR_ALWAYS)
		return 1;
	if (when == TUI_COLOR_NEVER)
		return 0;
	return tty && !(no && *no);
}
