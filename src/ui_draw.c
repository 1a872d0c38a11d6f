/* Drawing helpers: UTF-8 text into curses cells (one cell per spacing
 * character with its combining marks, clipped so a wide character is never
 * cut in half). */
#include "config.h"

#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "brief/cut.h"
#include "brief/document.h"
#include "brief/layout.h"
#include "brief/ui_core.h"

/* Outside a UTF-8 locale curses cannot show other characters: each becomes
 * '?' cells of the same width, so layout and screen still agree. */
static int ascii_only;

void draw_set_ascii(int on)
{
	ascii_only = on;
}

/* Cells go into the window a run at a time: wadd_wchnstr() copies them
 * without wadd_wch()'s per-cell cursor, wrap and scroll handling, which
 * was half the cost of drawing a frame. */
struct run {
	WINDOW *w;
	int y, x;               /* where the run goes */
	int n, width;           /* cells held, columns they take */
	cchar_t c[128];
};

static void run_flush(struct run *r)
{
	if (r->n)
		mvwadd_wchnstr(r->w, r->y, r->x, r->c, r->n);
	r->x += r->width;
	r->n = r->width = 0;
}

/* One cell: a spacing character and the zero-width ones after it. */
static void run_put(struct run *r, const wchar_t *wc, int width, attr_t a)
{
	if (r->n == (int)(sizeof r->c / sizeof r->c[0]))
		run_flush(r);
	setcchar(&r->c[r->n++], wc, a, PAIR_NUMBER(a), NULL);
	r->width += width;
}

static void run_fill(struct run *r, int n, wchar_t c, attr_t a)
{
	const wchar_t cell[] = { c, 0 };
	for (int i = 0; i < n; i++)
		run_put(r, cell, 1, a);
}

/* a: attributes with the colour pair folded in (COLOR_PAIR(n) | A_*). */
int draw_text(WINDOW *w, int y, int x, int maxw, const uint8_t *s, size_t n, attr_t a)
{
	struct run r;               /* not zeroed: 3.5 KB per call */
	r.w = w;
	r.y = y;
	r.x = x;
	r.n = r.width = 0;
	int col = 0;
	wchar_t cell[CCHARW_MAX + 1];
	int ncell = 0, cell_w = 0;
	for (size_t off = 0; off < n;) {
		ucs4_t c;
		int len = u8_mbtouc(&c, s + off, n - off);
		off += (size_t)(len > 0 ? len : 1);
		/* Checked once when loaded, and again here: a mapped file can
		 * change under us, and wadd_wchnstr() passes controls through.
		 * Printable ASCII, most of any frame, needs no call. */
		if ((c < 0x20 || c >= 0x7f) && (c == '\n' || !doc_cp_is_safe(c)))
			c = DOC_PH_OTHER;
		if (c == '\t') {
			if (ncell) {
				cell[ncell] = 0;
				run_put(&r, cell, cell_w, a);
				col += cell_w;
				ncell = 0;
			}
			/* Tab stops count from the window's left edge, as layout
			 * counts them from the line's start: callers draw a line
			 * in runs, each starting at its own x. */
			int tw = LAYOUT_TAB - (x + col) % LAYOUT_TAB;
			if (col + tw > maxw)
				tw = maxw - col;
			run_fill(&r, tw, L' ', a);
			col += tw;
			continue;
		}
		int cw = layout_char_width(c);
		if (cw < 0)
			cw = 1;
		if (cw == 0) {
			/* Combining: joins the cell being built.  With none to join
			 * (a line's or a tab's first character) it is left out, as
			 * layout counts it no column: a space to carry it pushed
			 * the row one column right and lost its last character. */
			if (ncell && ncell < CCHARW_MAX && !ascii_only)
				cell[ncell++] = (wchar_t)c;
			continue;
		}
		if (ncell) {
			cell[ncell] = 0;
			run_put(&r, cell, cell_w, a);
			col += cell_w;
			ncell = 0;
		}
		if (col + cw > maxw) {
			/* Clip: fill what is left rather than write half a wide char. */
			run_fill(&r, maxw - col, L' ', a);
			run_flush(&r);
			return maxw;
		}
		if (ascii_only && c >= 0x80) {
			run_fill(&r, cw, L'?', a);
			col += cw;
			continue;
		}
		cell[ncell++] = (wchar_t)c;
		cell_w = cw;
	}
	if (ncell && col + cell_w <= maxw) {
		cell[ncell] = 0;
		run_put(&r, cell, cell_w, a);
		col += cell_w;
	}
	run_flush(&r);
	return col;
}

int draw_str(WINDOW *w, int y, int x, int maxw, const char *s, attr_t a)
{
	return draw_text(w, y, x, maxw, (const uint8_t *)s, strlen(s), a);
}

int draw_cut(WINDOW *w, int y, int x, int maxw, const uint8_t *s, size_t n, attr_t a, int ascii)
{
	int cut, col;
	size_t keep = cut_fit(s, n, maxw, ascii, &cut, &col);
	draw_text(w, y, x, maxw, s, keep, a);
	if (cut && maxw - col >= cut_mark_width(ascii)) {
		draw_str(w, y, x + col, maxw - col, cut_mark(ascii), a);
		col += cut_mark_width(ascii);
	}
	return col;
}

int draw_cut_str(WINDOW *w, int y, int x, int maxw, const char *s, attr_t a, int ascii)
{
	return draw_cut(w, y, x, maxw, (const uint8_t *)s, strlen(s), a, ascii);
}

void draw_fill(WINDOW *w, int y, int x, int n, attr_t a)
{
	if (n <= 0)
		return;
	cchar_t blank;
	setcchar(&blank, L" ", a, PAIR_NUMBER(a), NULL);
	wmove(w, y, x);
	whline_set(w, &blank, n);
}

int text_width(const char *s)
{
	return layout_width((const uint8_t *)s, 0, strlen(s));
}
