/* Drawing helpers: UTF-8 text into curses cells (one cell per spacing
 * character with its combining marks, clipped so a wide character is never
 * cut in half), and stepping through selectable rows of a list. */
#include "config.h"

#include <string.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#include "brief/layout.h"
#include "brief/ui_views.h"

/* Outside a UTF-8 locale curses cannot show other characters: each becomes
 * '?' cells of the same width, so layout and screen still agree. */
static int ascii_only;

void draw_set_ascii(int on)
{
	ascii_only = on;
}

/* Flush one cell: a spacing character and the zero-width ones after it. */
static void put_cell(WINDOW *w, int y, int x, const wchar_t *wc, attr_t a)
{
	cchar_t cc;
	setcchar(&cc, wc, a, PAIR_NUMBER(a), NULL);
	mvwadd_wch(w, y, x, &cc);
}

static void draw_fill_char(WINDOW *w, int y, int x, int n, wchar_t c, attr_t a);

int draw_text(WINDOW *w, int y, int x, int maxw, const uint8_t *s, size_t n, attr_t a)
{
	int col = 0;
	wchar_t cell[CCHARW_MAX + 1];
	int ncell = 0, cell_w = 0;
	/* a = attributes with the colour pair folded in (COLOR_PAIR(n) | A_*). */
	attr_t attrs = a & ~A_COLOR;
	attrs |= a & A_COLOR;
	for (size_t off = 0; off < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, s + off, n - off);
		off += (size_t)(len > 0 ? len : 1);
		if (c == '\t') {
			if (ncell) {
				cell[ncell] = 0;
				put_cell(w, y, x + col, cell, attrs);
				col += cell_w;
				ncell = 0;
			}
			/* Tab stops count from the window's left edge, as layout
			 * counts them from the line's start: callers draw a line
			 * in runs, each starting at its own x. */
			int tw = LAYOUT_TAB - (x + col) % LAYOUT_TAB;
			if (col + tw > maxw)
				tw = maxw - col;
			draw_fill(w, y, x + col, tw, attrs);
			col += tw;
			continue;
		}
		int cw = uc_width(c, "UTF-8");
		if (cw < 0)
			cw = 1;
		if (cw == 0) {
			/* Combining: joins the cell being built; none to join, a space base. */
			if (!ncell) {
				if (col + 1 > maxw)
					continue;       /* no room for a base to carry it */
				cell[ncell++] = L' ';
				cell_w = 1;
			}
			if (ncell < CCHARW_MAX && !ascii_only)
				cell[ncell++] = (wchar_t)c;
			continue;
		}
		if (ncell) {
			cell[ncell] = 0;
			put_cell(w, y, x + col, cell, attrs);
			col += cell_w;
			ncell = 0;
		}
		if (col + cw > maxw) {
			/* Clip: fill what is left rather than write half a wide char. */
			draw_fill(w, y, x + col, maxw - col, attrs);
			return maxw;
		}
		if (ascii_only && c >= 0x80) {
			draw_fill_char(w, y, x + col, cw, L'?', attrs);
			col += cw;
			continue;
		}
		cell[ncell++] = (wchar_t)c;
		cell_w = cw;
	}
	if (ncell && col + cell_w <= maxw) {
		cell[ncell] = 0;
		put_cell(w, y, x + col, cell, attrs);
		col += cell_w;
	}
	return col;
}

int draw_str(WINDOW *w, int y, int x, int maxw, const char *s, attr_t a)
{
	return draw_text(w, y, x, maxw, (const uint8_t *)s, strlen(s), a);
}

static void draw_fill_char(WINDOW *w, int y, int x, int n, wchar_t c, attr_t a)
{
	const wchar_t cell[] = { c, 0 };
	for (int i = 0; i < n; i++)
		put_cell(w, y, x + i, cell, a);
}

void draw_fill(WINDOW *w, int y, int x, int n, attr_t a)
{
	draw_fill_char(w, y, x, n, L' ', a);
}

int text_width(const char *s)
{
	return layout_width((const uint8_t *)s, 0, strlen(s));
}

size_t list_step(size_t cur, size_t n, long delta, int (*ok)(void *ctx, size_t i), void *ctx)
{
	for (; delta > 0; delta--) {
		size_t j = cur + 1;
		while (j < n && !ok(ctx, j))
			j++;
		if (j >= n)
			break;
		cur = j;
	}
	for (; delta < 0; delta++) {
		size_t j = cur;
		while (j > 0 && !ok(ctx, j - 1))
			j--;
		if (j == 0)
			break;
		cur = j - 1;
	}
	return cur;
}
