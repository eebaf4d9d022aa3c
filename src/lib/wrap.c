/* SPDX-License-Identifier: MIT */
/* wrap: display widths of code points, and word wrapping by them. */
#include <string.h>

#include "lib/term.h"
#include "lib/utf8.h"
#include "lib/wrap.h"

/* Code points that take no column: combining marks of the scripts we
 * write in, joiners and direction marks, variation selectors (sorted). */
static const uint32_t zero_width[][2] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x061C, 0x061C}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},
	{0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902},
	{0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
	{0x0951, 0x0957}, {0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC},
	{0x09C1, 0x09C4}, {0x09CD, 0x09CD}, {0x09E2, 0x09E3}, {0x09FE, 0x09FE},
	{0x0A01, 0x0A02}, {0x0A3C, 0x0A3C}, {0x0A41, 0x0A51}, {0x0A70, 0x0A71},
	{0x0A75, 0x0A75}, {0x0A81, 0x0A82}, {0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8},
	{0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3}, {0x0B01, 0x0B01}, {0x0B3C, 0x0B3C},
	{0x0B41, 0x0B44}, {0x0B4D, 0x0B4D}, {0x0BC0, 0x0BC0}, {0x0BCD, 0x0BCD},
	{0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0CBC, 0x0CBC}, {0x0CCC, 0x0CCD},
	{0x0D41, 0x0D44}, {0x0D4D, 0x0D4D}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},
	{0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD},
	{0x102D, 0x1030}, {0x1032, 0x1037}, {0x1039, 0x103A}, {0x17B4, 0x17B5},
	{0x17B7, 0x17BD}, {0x17C6, 0x17C6}, {0x17C9, 0x17D3}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
	{0x2066, 0x206F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
	{0xFEFF, 0xFEFF},
};

/* Wide: East Asian wide and fullwidth, and emoji (sorted). */
static const uint32_t wide[][2] = {
	{0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
};

static int
in(const uint32_t (*t)[2], size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < t[mid][0])
			hi = mid;
		else if (cp > t[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int
wrap_cp_width(uint32_t cp)
{
	if (in(zero_width, sizeof zero_width / sizeof zero_width[0], cp))
		return 0;
	if (in(wide, sizeof wide / sizeof wide[0], cp))
		return 2;
	return 1;
}

size_t
wrap_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		i += utf8_decode(s + i, n - i, &cp);
		w += (size_t)wrap_cp_width(cp);
	}
	return w;
}

static void
newline(struct buf *out, size_t indent)
{
	size_t i;

	buf_putc(out, '\n');
	for (i = 0; i < indent; i++)
		buf_putc(out, ' ');
}

void
wrap_text(struct buf *out, const char *text, size_t col, size_t indent, size_t width)
{
	const char *p = text;
	int first = 1;

	while (*p) {
		size_t n, w, n2 = 0, w2 = 0;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		n = strcspn(p, " ");
		w = wrap_width(p, n);
		/* a following word that starts with '>' goes with this one */
		if (p[n] == ' ' && p[n + 1] == '>') {
			n2 = strcspn(p + n + 1, " ");
			w2 = 1 + wrap_width(p + n + 1, n2);
		}
		if (!first && width && col + 1 + w + w2 > width && col > indent) {
			newline(out, indent);
			col = indent;
		} else if (!first) {
			buf_putc(out, ' ');
			col++;
		}
		buf_put_term(out, p, n);
		col += w;
		p += n;
		if (n2) {
			/* kept on this line: the '>' word never starts one */
			buf_putc(out, ' ');
			buf_put_term(out, p + 1, n2);
			col += w2;
			p += 1 + n2;
		}
		first = 0;
	}
}
