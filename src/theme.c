/* Semantic roles to curses attributes.  Every highlight keeps an attribute
 * that survives a monochrome terminal or NO_COLOR; colour only adds to it. */
#include "config.h"

#include "brief/ui_core.h"

struct role_style {
	attr_t mono;
	short fg8, fg256;           /* -1: default */
	bool colour_only;           /* with its colour, mono is left off */
};

static const struct role_style styles[ROLE_COUNT] = {
	[ROLE_TEXT] = { A_NORMAL, -1, -1, false },
	[ROLE_ACTOR] = { A_BOLD, COLOR_CYAN, 39, false },
	[ROLE_FIGURE] = { A_UNDERLINE, COLOR_YELLOW, 214, false },
	[ROLE_SELECTED] = { A_BOLD | A_UNDERLINE, COLOR_GREEN, 82, false },
	[ROLE_CURSOR] = { A_REVERSE | A_BOLD, -1, -1, false },
	[ROLE_MATCH] = { A_REVERSE, COLOR_MAGENTA, 170, false },
	[ROLE_SOURCE] = { A_REVERSE | A_UNDERLINE, COLOR_GREEN, 71, false },
	[ROLE_HEADER] = { A_BOLD, -1, -1, false },
	[ROLE_TITLE] = { A_BOLD | A_UNDERLINE, -1, -1, false },
	[ROLE_ROW] = { A_NORMAL, -1, -1, false },
	[ROLE_ROW_FOCUS] = { A_REVERSE, -1, -1, false },
	[ROLE_STATUS] = { A_REVERSE, -1, -1, false },
	[ROLE_ERROR] = { A_REVERSE | A_BOLD, COLOR_RED, 196, false },
	/* Plain: a coloured rule cost 22 bytes of SGR on every row it crosses,
	 * a tenth of the commentary's first paint (4130 -> 3743 bytes). */
	[ROLE_BORDER] = { A_NORMAL, -1, -1, false },
	[ROLE_CURRENT] = { A_NORMAL, COLOR_BLUE, 75, false },
	[ROLE_DEMAND] = { A_BOLD, COLOR_RED, 203, false },
	/* Not a highlight: headings, notes, the filler past the end.  Grey
	 * alone, as dimmed grey is faint on most terminals, and the dim cost
	 * 9 bytes of SGR on each heading each time the panel is repainted
	 * (a one-line scroll without margins: 641 -> 605 bytes at 100x30). */
	[ROLE_DIM] = { A_DIM, -1, 245, true },
};

/* The attributes the terminal cannot show together with a colour (terminfo
 * ncv: TERM=linux has underline and dim there).  ncurses drops them from a
 * coloured cell, and a highlight would be left with its colour alone. */
static attr_t no_color_video(void)
{
	static const attr_t bits[] = { A_STANDOUT, A_UNDERLINE, A_REVERSE, A_BLINK, A_DIM,
				       A_BOLD, A_INVIS, A_PROTECT, A_ALTCHARSET };
	int ncv = tigetnum("ncv");
	attr_t a = 0;
	for (size_t i = 0; ncv > 0 && i < sizeof bits / sizeof bits[0]; i++)
		if (ncv & (1 << i))
			a |= bits[i];
	return a;
}

void theme_init(struct ui *u, int no_color)
{
	int color = !no_color && has_colors();
	attr_t ncv = color ? no_color_video() : 0;
	if (color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		u->attr[r] = styles[r].mono;
		short fg = COLORS >= 256 ? styles[r].fg256 : styles[r].fg8;
		/* Reverse roles keep the terminal's own colours: the swap is the signal. */
		if (!color || fg < 0 || (styles[r].mono & A_REVERSE && r != ROLE_MATCH
					 && r != ROLE_SOURCE && r != ROLE_ERROR))
			continue;
		if (COLOR_PAIRS <= r + 1)
			continue;
		/* The attribute is the signal that must survive: no colour then. */
		if (!styles[r].colour_only && (styles[r].mono & ncv))
			continue;
		/* A pair the terminal refuses (no default colours, say) would
		 * draw black on black: the attribute alone then. */
		if (init_pair((short)(r + 1), fg, -1) != OK)
			continue;
		if (styles[r].colour_only)
			u->attr[r] = A_NORMAL;
		u->attr[r] |= COLOR_PAIR(r + 1);
	}
}
