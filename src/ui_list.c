/* One list of rows, some of them selectable, as the panel and the
 * comparison show theirs (tmux's mode-tree is the model): the selection
 * and the first row shown, moved by keys, the wheel and clicks; a marker
 * row says how much is hidden above and below, the same in both. */
#include "config.h"

#include <stdio.h>

#include "brief/ui_core.h"

/* The markers need a row of items between them. */
#define LIST_MARK_MIN_ROWS 3

/* The window's shape for a given top: markers and the items between. */
static void view_at(const struct list *l, size_t top, struct list_view *v)
{
	int rows = l->rows > 0 ? l->rows : 0;
	v->up = v->down = 0;
	v->content = rows;
	if (rows >= LIST_MARK_MIN_ROWS) {
		v->up = top > 0;
		v->content = rows - v->up;
		if (top + (size_t)v->content < l->n) {
			v->down = 1;
			v->content--;
		}
	}
	v->first = top;
}

/* Selectable items in [from, to). */
static size_t count_ok(const struct list *l, size_t from, size_t to)
{
	size_t k = 0;
	for (size_t i = from; i < to && i < l->n; i++)
		k += l->ok(l->ctx, i) != 0;
	return k;
}

void list_view(const struct list *l, struct list_view *v)
{
	view_at(l, l->top, v);
	size_t end = v->first + (size_t)v->content;
	if (end > l->n)
		end = l->n;
	v->rows_above = v->first;
	v->rows_below = l->n - end;
	v->above = count_ok(l, 0, v->first);
	v->below = count_ok(l, end, l->n);
}

void list_move(struct list *l, long delta)
{
	size_t cur = l->sel;
	for (; delta > 0; delta--) {
		size_t j = cur + 1;
		while (j < l->n && !l->ok(l->ctx, j))
			j++;
		if (j >= l->n)
			break;
		cur = j;
	}
	for (; delta < 0; delta++) {
		size_t j = cur;
		while (j > 0 && !l->ok(l->ctx, j - 1))
			j--;
		if (j == 0)
			break;
		cur = j - 1;
	}
	l->sel = cur;
}

int list_handle(struct list *l, enum action a, long count)
{
	/* A count is the rows to move, as in the article; a page is the
	 * items the window shows, less one. */
	struct list_view v;
	view_at(l, l->top, &v);
	long page = v.content - 1, half = v.content / 2;
	if (page < l->min_step)
		page = l->min_step;
	if (half < l->min_step)
		half = l->min_step;
	switch (a) {
	case ACT_LINE_DOWN:
		list_move(l, count ? count : 1);
		return 1;
	case ACT_LINE_UP:
		list_move(l, -(count ? count : 1));
		return 1;
	case ACT_PAGE_DOWN:
		list_move(l, count ? count : page);
		return 1;
	case ACT_HALF_DOWN:
		list_move(l, count ? count : half);
		return 1;
	case ACT_PAGE_UP:
		list_move(l, -(count ? count : page));
		return 1;
	case ACT_HALF_UP:
		list_move(l, -(count ? count : half));
		return 1;
	case ACT_TOP:
		/* The first selectable row, and whatever is above it in view. */
		list_move(l, -(long)l->n);
		l->top = 0;
		return 1;
	case ACT_BOTTOM:
		list_move(l, (long)l->n);
		return 1;
	default:
		return 0;
	}
}

/* Whether sel is among the items shown from top. */
static int shows(const struct list *l, size_t top)
{
	struct list_view v;
	view_at(l, top, &v);
	return l->sel >= top && l->sel < top + (size_t)v.content;
}

void list_show(struct list *l)
{
	if (l->rows <= 0 || !l->n) {
		l->top = 0;
		return;
	}
	if (l->top >= l->n)
		l->top = l->n - 1;
	if (l->sel < l->top)
		l->top = l->sel;
	/* When the selection is the first item shown, the headings right
	 * above it come into view too (ACTORS and People above the first
	 * actor), as long as it stays in view. */
	if (l->lead && l->sel == l->top)
		while (l->top > 0 && !l->ok(l->ctx, l->top - 1) && shows(l, l->top - 1))
			l->top--;
	/* Down as little as it takes; the markers come and go with top, so
	 * a row at a time. */
	while (!shows(l, l->top) && l->top < l->sel)
		l->top++;
}

void list_scroll(struct list *l, long n)
{
	if (!l->n || l->rows <= 0)
		return;
	size_t top = l->top;
	for (; n > 0; n--) {
		struct list_view v;
		view_at(l, top, &v);
		if (top + (size_t)v.content >= l->n)
			break;
		top++;
	}
	for (; n < 0 && top > 0; n++)
		top--;
	l->top = top;
	/* The selection stays where it is while it shows; else it comes to
	 * the nearest selectable item that does. */
	struct list_view v;
	view_at(l, top, &v);
	size_t end = top + (size_t)v.content;
	if (end > l->n)
		end = l->n;
	if (l->sel >= top && l->sel < end)
		return;
	if (l->sel < top) {
		for (size_t i = top; i < end; i++)
			if (l->ok(l->ctx, i)) {
				l->sel = i;
				return;
			}
	} else {
		for (size_t i = end; i-- > top;)
			if (l->ok(l->ctx, i)) {
				l->sel = i;
				return;
			}
	}
}

size_t list_item_at(const struct list *l, int row)
{
	struct list_view v;
	view_at(l, l->top, &v);
	if (row < v.up || row >= v.up + v.content)
		return SIZE_MAX;
	size_t i = l->top + (size_t)(row - v.up);
	return i < l->n ? i : SIZE_MAX;
}

int list_click(struct list *l, int row)
{
	struct list_view v;
	view_at(l, l->top, &v);
	/* A marker scrolls the window by what it holds. */
	if (v.up && row == 0) {
		list_scroll(l, -(long)(v.content > 1 ? v.content - 1 : 1));
		return 0;
	}
	if (v.down && row == v.up + v.content) {
		list_scroll(l, v.content > 1 ? v.content - 1 : 1);
		return 0;
	}
	size_t i = list_item_at(l, row);
	if (i == SIZE_MAX || !l->ok(l->ctx, i))
		return 0;
	l->sel = i;
	return 1;
}

/* "↑ 3 more" on the first row, "↓ 12 more" on the last: what is hidden,
 * counted in selectable items ("more" alone when only headings or notes
 * are). */
static void mark_row(struct ui *u, WINDOW *w, int y, int x, int width, int down, size_t items)
{
	char text[48];
	const char *arrow = u->ascii ? (down ? "v" : "^") : (down ? "↓" : "↑");
	if (items)
		snprintf(text, sizeof text, "%s %zu more", arrow, items);
	else
		snprintf(text, sizeof text, "%s more", arrow);
	draw_fill(w, y, x, width, u->attr[ROLE_ROW]);
	draw_str(w, y, x + 2, width - 2, text, u->attr[ROLE_DIM]);
}

void list_draw_marks(struct ui *u, const struct list *l, WINDOW *w, int y0, int x, int width)
{
	struct list_view v;
	list_view(l, &v);
	if (width < 3)
		return;
	if (v.up)
		mark_row(u, w, y0, x, width, 0, v.above);
	if (v.down)
		mark_row(u, w, y0 + v.up + v.content, x, width, 1, v.below);
}

int pager_handle(int *top, int total, int height, enum action a, long count)
{
	int max = total - height > 0 ? total - height : 0;
	/* Past the end is clamped below, so an int holds any count that matters. */
	int n = count > total ? total : (int)count;
	int page = height > 1 ? height - 1 : 1;
	switch (a) {
	case ACT_LINE_DOWN:
	case ACT_ENTER:
		*top += n ? n : 1;
		break;
	case ACT_LINE_UP:
		*top -= n ? n : 1;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		*top += n ? n : page;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		*top -= n ? n : page;
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		*top = n ? n - 1 : a == ACT_TOP ? 0 : max;
		break;
	default:
		return 0;
	}
	if (*top > max)
		*top = max;
	if (*top < 0)
		*top = 0;
	return 1;
}
