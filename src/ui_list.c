/* One list of rows, some of them selectable, as the panel and the
 * comparison show theirs (tmux's mode-tree is the model): the selection
 * and the first row shown, moved by keys, the wheel and clicks. */
#include "config.h"

#include "brief/ui_core.h"

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
	/* A count is the rows to move, as in the article. */
	long page = l->rows - 1, half = l->rows / 2;
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

void list_show(struct list *l)
{
	size_t h = l->rows > 0 ? (size_t)l->rows : 0;
	if (l->sel < l->top)
		l->top = l->sel;
	/* When the selection is the top row, the headings right above it
	 * come into view too (ACTORS and People above the first actor). */
	if (l->lead && l->sel == l->top && h > 0)
		while (l->top > 0 && !l->ok(l->ctx, l->top - 1) && l->sel - (l->top - 1) < h)
			l->top--;
	if (h > 0 && l->sel >= l->top + h)
		l->top = l->sel - h + 1;
}

int list_click(struct list *l, int row)
{
	if (row < 0)
		return 0;
	size_t i = l->top + (size_t)row;
	if (i >= l->n || !l->ok(l->ctx, i))
		return 0;
	l->sel = i;
	return 1;
}
