"""One PDF page -> lines in reading order, and its ruled data tables kept as cells.

A reader (PDFium, or pdfplumber for comparison) gives the page as PageData: its words
(with font, size and colour), its ruling segments and its images. A word enclosed by
ruling lines sits in a table cell, and lines are built per cell, so the two columns of
the template form never mix on one line. Reading order:
top to bottom by block (a free line, or a table row), inside a row the cells left to right.
Blank lines stand where a vertical gap separates paragraphs, and between blocks.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import field
from itertools import pairwise
from operator import attrgetter, itemgetter
from typing import Any

from planextract.models.document import PAGE_BOTTOM, PAGE_TOP, Line, Table, TableCell
from planextract.models.record import record
from planextract.rules.pdf import (
    PdfRules,
    base_font_name,
    clean_cid,
    font_is_bold,
    font_is_italic,
    symbol_glyph,
)
from planextract.rules.reflow import join
from planextract.rules.text import without_surrogates


@record(slots=True)
class Word:
    raw: str  # as the PDF gives it
    text: str  # symbol-font checkboxes as ☒/☐, unmapped glyphs as U+FFFD
    x0: float
    x1: float
    top: float
    bottom: float
    font: str
    size: float
    color: str | None

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def make_word(
    raw: str,
    x0: float,
    x1: float,
    top: float,
    bottom: float,
    font: str,
    size: float,
    color: str | None,
    rules: PdfRules,
) -> Word:
    raw = without_surrogates(raw)
    text = symbol_glyph(font, raw, rules) or clean_cid(raw)
    return Word(raw, text, x0, x1, top, bottom, font, size, color)


def word_maker(
    rules: PdfRules, texts: str
) -> Callable[[str, float, float, float, float, Any], Word]:
    """make_word for words whose style is one (font, size, colour) tuple, for a whole
    page: `texts` is all the page's characters, and when none is a surrogate (nearly
    always) no word needs the per-word check."""
    surrogates = without_surrogates(texts) != texts

    def make(raw: str, x0: float, x1: float, top: float, bottom: float, style: Any) -> Word:
        font, size, color = style
        if surrogates:
            raw = without_surrogates(raw)
        # as make_word; symbol_glyph and clean_cid only change a few words
        glyph = symbol_glyph(font, raw, rules) if len(raw) == 1 else None
        text = glyph or (clean_cid(raw) if "(cid:" in raw else raw)
        return Word(raw, text, x0, x1, top, bottom, font, size, color)

    return make


@record(slots=True)
class PageData:
    """What a reader found on one page, in points from the page's top-left corner."""

    width: float
    height: float
    words: list[Word]  # in the order the reader grouped them
    h_edges: list[tuple[float, float, float]]  # horizontal segments: (y, x0, x1)
    v_edges: list[tuple[float, float, float]]  # vertical segments: (x, top, bottom)
    images: list[tuple[float, float, float, float]]  # (x0, top, x1, bottom)


@record(frozen=True, slots=True)
class Cell:
    """A table cell: where ruling lines enclose text."""

    x0: float
    top: float
    x1: float
    bottom: float
    columns: tuple[float, ...]  # x of the vertical rules across the cell's row
    # Its box to 0.1 pt, which groups the words of one cell: computed once, not per word.
    key: tuple[float, float, float, float] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        box = (round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1))
        object.__setattr__(self, "key", box)

    def is_label(self, rules: PdfRules) -> bool:
        """The left column of a 2-column form table (the template's field labels)."""
        return self.form_row(rules) and abs(self.x0 - self.columns[0]) <= rules.ruling_tolerance

    def form_row(self, rules: PdfRules) -> bool:
        cols = self.columns
        if len(cols) != 3:
            return False
        return (cols[1] - cols[0]) <= rules.label_column_max * (cols[2] - cols[0])


# A line's words' attributes, read in C (map) rather than by a generator per word.
_RAW, _TEXT = attrgetter("raw"), attrgetter("text")
_X0, _X1, _TOP, _BOTTOM = (
    attrgetter("x0"),
    attrgetter("x1"),
    attrgetter("top"),
    attrgetter("bottom"),
)


_SIZE = attrgetter("size")
_STYLE = attrgetter("size", "font", "color")


@record(slots=True)
class PageLine:
    words: list[Word]  # not changed once the line is made
    cell: Cell | None
    # Read by the ordering, the gaps and the Line: computed once.
    top: float = field(init=False)
    bottom: float = field(init=False)

    def __post_init__(self) -> None:
        self.top = min(map(_TOP, self.words))
        self.bottom = max(map(_BOTTOM, self.words))


@record(slots=True)
class PageContent:
    lines: list[Line]  # in reading order, blank lines included; `no` is set by the caller
    tables: list[Table]  # line_indices relative to `lines`
    body_chars: int  # characters outside the running-header and footer bands
    image_coverage: float  # share of the page covered by images (overlaps counted twice)


class Rulings:
    """The page's ruling segments, to find the table cell around a piece of text.

    Each word asks for its cell, and the words of a line share their middle: what depends
    on the height alone (the vertical rules across it, the columns) is kept per height."""

    def __init__(self, page: PageData, rules: PdfRules) -> None:
        self.tol = rules.ruling_tolerance
        minimum = rules.ruling_min_length
        self.h = [e for e in page.h_edges if e[2] - e[1] >= minimum]
        self.v = sorted(e for e in page.v_edges if e[2] - e[1] >= minimum)
        # Horizontal rules by height, for the nearest rule above and below a word. A NaN
        # height (hostile input) compares false with every word: such a rule never counts.
        self._h_by_y = sorted((e for e in self.h if e[0] == e[0]), key=itemgetter(0))
        self._h_ys = [e[0] for e in self._h_by_y]
        self._across: dict[float, list[tuple[float, float, float]]] = {}
        self._columns: dict[float, tuple[float, ...]] = {}
        self._cells: dict[tuple[float, float, float, float, tuple[float, ...]], Cell] = {}

    def _v_across(self, y: float) -> list[tuple[float, float, float]]:
        """The vertical rules that reach height `y` (in their sorted order)."""
        found = self._across.get(y)
        if found is None:
            tol = self.tol
            found = self._across[y] = [e for e in self.v if e[1] - tol <= y <= e[2] + tol]
        return found

    def columns_at(self, y: float) -> tuple[float, ...]:
        found = self._columns.get(y)
        if found is None:
            xs: list[float] = []
            for x, _, _ in self._v_across(y):
                if not xs or x - xs[-1] > self.tol:
                    xs.append(x)
            found = self._columns[y] = tuple(xs)
        return found

    def _rule_above(self, cx: float, limit: float) -> float | None:
        """The height of the lowest horizontal rule at or above `limit` that spans `cx`."""
        if limit != limit:  # NaN: no rule is above it
            return None
        tol, edges = self.tol, self._h_by_y
        for k in range(bisect_right(self._h_ys, limit) - 1, -1, -1):
            y, a, b = edges[k]
            if a - tol <= cx <= b + tol:
                return y if y else self._scan_h(cx, lambda y: y <= limit, max)
        return None

    def _rule_below(self, cx: float, limit: float) -> float | None:
        """The height of the highest horizontal rule at or below `limit` that spans `cx`."""
        if limit != limit:
            return None
        tol, edges = self.tol, self._h_by_y
        for k in range(bisect_left(self._h_ys, limit), len(edges)):
            y, a, b = edges[k]
            if a - tol <= cx <= b + tol:
                return y if y else self._scan_h(cx, lambda y: y >= limit, min)
        return None

    def _scan_h(self, cx: float, side: Callable[[float], bool], pick: Any) -> float:
        """At height 0 the rules' order decides between 0.0 and -0.0 (equal, but written
        differently): the first one in page order, as a scan of all rules finds it."""
        tol = self.tol
        return pick(y for y, a, b in self.h if a - tol <= cx <= b + tol and side(y))

    def cell_at(self, x0: float, top: float, x1: float, bottom: float) -> Cell | None:
        if not self.v:
            return None
        tol = self.tol
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        left = right = None
        for edge in self._v_across(cy):
            x = edge[0]
            if x <= x0 + tol and (left is None or x > left[0]):
                left = edge
            if x >= x1 - tol and (right is None or x < right[0]):
                right = edge
        if left is None or right is None:
            return None
        upper = self._rule_above(cx, top + tol)
        lower = self._rule_below(cx, bottom - tol)
        # A row broken over pages has no rule at the page edge: the column rules end there.
        cell_top = upper if upper is not None else max(left[1], right[1])
        cell_bottom = lower if lower is not None else min(left[2], right[2])
        box = (left[0], cell_top, right[0], cell_bottom, self.columns_at(cy))
        if 0.0 in box[:4] or 0.0 in box[4]:
            return Cell(*box)  # a 0.0 and a -0.0 are one key but not one value
        cell = self._cells.get(box)
        if cell is None:  # the words of one cell share it (and its key)
            cell = self._cells[box] = Cell(*box)
        return cell


def _by_middle(word: Word) -> tuple[float, float]:
    return ((word.top + word.bottom) / 2, word.x0)  # Word.middle, without a property call


def _group_lines(words: list[Word], cell: Cell | None, rules: PdfRules) -> list[PageLine]:
    lines: list[PageLine] = []
    current: list[Word] = []
    mid = 0.0
    ratio = rules.same_line_ratio
    for word in sorted(words, key=_by_middle):
        middle = (word.top + word.bottom) / 2
        limit = ratio * max(word.size, 1.0)
        if current and abs(middle - mid) <= limit:
            current.append(word)
            continue
        if current:
            lines.append(PageLine(sorted(current, key=_X0), cell))
        current, mid = [word], middle
    if current:
        lines.append(PageLine(sorted(current, key=_X0), cell))
    return lines


def _majority(counts: dict[Any, int]) -> Any:
    """The value with the most characters; the first seen of equals (as Counter's
    most_common gives it)."""
    return max(counts, key=counts.__getitem__) if counts else None


def _space_width(words: list[Word], size: float, rules: PdfRules) -> float:
    """Width of a space on this line: the narrowest real gap between its words."""
    gaps = [b.x0 - a.x1 for a, b in pairwise(words)]
    real = [g for g in gaps if g > rules.min_space_ratio * size]
    return min(real) if real else rules.space_ratio * size


def _majorities(words: list[Word], rules: PdfRules) -> tuple[float, str, bool, bool, str | None]:
    """The line's size, font and colour (most characters), and whether most characters
    are bold and italic."""
    # Characters per size, font and colour, counted in one pass over the words.
    sizes: dict[float, int] = {}
    fonts: dict[str, int] = {}
    colors: dict[str | None, int] = {}
    for w in words:
        n = len(w.text)
        key = round(w.size, 1)
        sizes[key] = sizes.get(key, 0) + n
        fonts[w.font] = fonts.get(w.font, 0) + n
        colors[w.color] = colors.get(w.color, 0) + n
    total = sum(fonts.values())
    bold = sum(n for f, n in fonts.items() if font_is_bold(f, rules)) * 2 > total
    italic = sum(n for f, n in fonts.items() if font_is_italic(f, rules)) * 2 > total
    return _majority(sizes) or 0.0, _majority(fonts) or "", bold, italic, _majority(colors)


def _to_line(
    pl: PageLine, page_no: int, column_x1: float, rules: PdfRules, hint: str | None
) -> Line:
    words = pl.words
    first = words[0]
    if first.size == first.size and len(set(map(_STYLE, words))) == 1:
        # One size, font and colour (most lines): the majorities are the first word's.
        total = sum(map(len, map(_TEXT, words)))
        size = round(first.size, 1) or 0.0
        font = first.font or ""
        bold = (total if font_is_bold(first.font, rules) else 0) * 2 > total
        italic = (total if font_is_italic(first.font, rules) else 0) * 2 > total
        color = first.color
    else:
        size, font, bold, italic, color = _majorities(words, rules)
    return Line(
        no=0,
        raw=" ".join(map(_RAW, words)),
        text=" ".join(map(_TEXT, words)),
        page=page_no,
        x0=round(min(map(_X0, words)), 2),
        top=round(pl.top, 2),
        x1=round(max(map(_X1, words)), 2),
        bottom=round(pl.bottom, 2),
        font=base_font_name(font),
        size=size,
        bold=bold,
        italic=italic,
        color=color,
        column_x1=round(column_x1, 2),
        lead_width=round(first.x1 - first.x0 + _space_width(words, size, rules), 2),
        hint=hint,
    )


def _label_line(lines: list[PageLine]) -> PageLine:
    """A label cell is one label, however its words wrap."""
    words = [w for pl in lines for w in pl.words]
    return PageLine(words, lines[0].cell)


def read_page(page: PageData, page_no: int, rules: PdfRules) -> PageContent:
    words = page.words
    height = page.height
    band = rules.margin_band * height
    body_chars = sum(len(w.text) for w in words if w.top >= band and w.bottom <= height - band)
    coverage = _image_coverage(page)
    if not words:
        return PageContent([], [], 0, coverage)

    rulings = Rulings(page, rules)
    by_cell: dict[tuple[float, float, float, float] | None, list[Word]] = {}
    cells: dict[tuple[float, float, float, float], Cell] = {}
    for word in words:
        cell = rulings.cell_at(word.x0, word.top, word.x1, word.bottom)
        key = None
        if cell is not None:
            key = cell.key
            cells.setdefault(key, cell)
        by_cell.setdefault(key, []).append(word)

    # Blocks in reading order: (top, x0, lines).
    blocks: list[tuple[float, float, list[PageLine]]] = []
    for key, group in by_cell.items():
        cell = cells[key] if key is not None else None
        lines = _group_lines(group, cell, rules)
        if cell is None:
            blocks.extend((pl.top, pl.words[0].x0, [pl]) for pl in lines)
        else:
            if cell.is_label(rules):
                lines = [_label_line(lines)]
            blocks.append((cell.top, cell.x0, lines))
    blocks.sort(key=lambda b: (round(b[0], 1), round(b[1], 1), b[2][0].top))

    free_x1 = max(
        (pl.words[-1].x1 for _, _, ls in blocks for pl in ls if pl.cell is None),
        default=page.width,
    )
    pads = _column_pads(blocks)
    out: list[Line] = []
    cell_lines: dict[tuple[float, float, float, float], list[int]] = {}
    prev: PageLine | None = None
    for _, _, lines in blocks:
        for pl in lines:
            if prev is not None and (prev.cell != pl.cell or _gap_is_blank(prev, pl, rules)):
                out.append(Line(no=0, raw="", text="", page=page_no))
            cell = pl.cell
            if cell is None:
                column_x1 = free_x1
                hint = (
                    PAGE_TOP
                    if pl.top < band
                    else PAGE_BOTTOM
                    if pl.bottom > height - band
                    else None
                )
            else:
                column_x1 = cell.x1 - pads.get((round(cell.x0, 1), round(cell.x1, 1)), 0.0)
                hint = "label" if cell.is_label(rules) else None
                cell_lines.setdefault(cell.key, []).append(len(out))
            out.append(_to_line(pl, page_no, column_x1, rules, hint))
            prev = pl
    tables = _data_tables(cells, cell_lines, out, rulings, page_no, rules)
    return PageContent(out, tables, body_chars, coverage)


def _gap_is_blank(prev: PageLine, cur: PageLine, rules: PdfRules) -> bool:
    size = min(max(map(_SIZE, prev.words)), max(map(_SIZE, cur.words)))
    return cur.top - prev.bottom > rules.blank_gap_ratio * size


def _column_pads(
    blocks: list[tuple[float, float, list[PageLine]]],
) -> dict[tuple[float, float], float]:
    """Inner padding of each table column: how far its text starts from the left rule.
    Cells are padded alike on both sides, which gives the right margin of the text."""
    pads: dict[tuple[float, float], float] = {}
    for _, _, lines in blocks:
        for pl in lines:
            if pl.cell is None:
                continue
            col = (round(pl.cell.x0, 1), round(pl.cell.x1, 1))
            pad = max(0.0, pl.words[0].x0 - pl.cell.x0)
            pads[col] = min(pads.get(col, pad), pad)
    return pads


def _image_coverage(page: PageData) -> float:
    area = page.width * page.height
    if area <= 0:
        return 0.0
    covered = 0.0
    for x0, top, x1, bottom in page.images:
        x0, x1 = max(0.0, x0), min(page.width, x1)
        top, bottom = max(0.0, top), min(page.height, bottom)
        covered += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return min(1.0, covered / area)


def _data_tables(
    cells: dict[tuple[float, float, float, float], Cell],
    cell_lines: dict[tuple[float, float, float, float], list[int]],
    lines: list[Line],
    rulings: Rulings,
    page_no: int,
    rules: PdfRules,
) -> list[Table]:
    """Ruled tables that are not the 2-column form (a month x action timeline), as cells.

    The grid comes from the rules, so empty cells are kept as empty cells."""
    extents: dict[tuple[float, float], list[Cell]] = {}
    for cell in cells.values():
        if len(cell.columns) >= 3 and not cell.form_row(rules):
            extent = (round(cell.columns[0], 1), round(cell.columns[-1], 1))
            extents.setdefault(extent, []).append(cell)
    tables = []
    tol = rules.ruling_tolerance
    for (left, right), members in sorted(extents.items()):
        top = min(c.top for c in members)
        bottom = max(c.bottom for c in members)
        ys = sorted(
            {
                round(y, 1)
                for y, a, b in rulings.h
                if top - tol <= y <= bottom + tol and a <= left + tol and b >= right - tol
            }
            | {round(top, 1), round(bottom, 1)}
        )
        bands = [(a, b) for a, b in pairwise(ys) if b - a > 2 * tol]
        grid_x = sorted({round(x, 1) for c in members for x in c.columns})
        rows: list[list[TableCell | None]] = []
        for a, b in bands:
            xs = [round(x, 1) for x in rulings.columns_at((a + b) / 2)]
            xs = [x for x in xs if left - tol <= x <= right + tol]
            row: list[TableCell | None] = [None] * max(len(grid_x) - 1, 0)
            for x0, x1 in pairwise(xs):
                col = min(range(len(grid_x)), key=lambda k: abs(grid_x[k] - x0))
                if col >= len(row):
                    continue
                found = _cell_lines(cell_lines, x0, a, x1, b, tol)
                text, prev_raw = "", ""
                for i in found:
                    text, prev_raw = join(prev_raw, text, lines[i].text), lines[i].raw
                row[col] = TableCell(
                    text=text, page=page_no, bbox=(x0, a, x1, b), line_indices=found
                )
            rows.append(row)
        if rows:
            tables.append(Table(page=page_no, bbox=(left, ys[0], right, ys[-1]), rows=rows))
    return tables


def _cell_lines(
    cell_lines: dict[tuple[float, float, float, float], list[int]],
    x0: float,
    top: float,
    x1: float,
    bottom: float,
    tol: float,
) -> list[int]:
    out: list[int] = []
    for (cx0, ctop, cx1, cbottom), indices in cell_lines.items():
        if (
            abs(cx0 - x0) <= tol
            and abs(cx1 - x1) <= tol
            and ctop >= top - tol
            and cbottom <= bottom + tol
        ):
            out.extend(indices)
    return sorted(out)
