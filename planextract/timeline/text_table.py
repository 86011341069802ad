"""Find month x action tables in flattened text and cut them into header and month rows.

A text export prints a table cell by cell, left to right and row by row; empty cells leave
no text. What survives is kept here as words with the layout around them (blank lines,
runs of spaces, line starts), for the alignment to decide which cell each word is in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import field

from planextract.models.document import Document, Line
from planextract.models.record import record
from planextract.rules.profile import Profile
from planextract.rules.reflow import ends_open, glued
from planextract.rules.text import collapse
from planextract.rules.timeline import (
    Boundary,
    TimelineRules,
    continues_word,
    first_cell_boundary,
    header_word_at_start,
    is_capitalised,
    is_narrative_line,
    word_boundary,
)
from planextract.timeline.months import MonthLabel, parse_month_label

_WORD = re.compile(r"\S+")
_EXOTIC_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " "})


@record(slots=True)
class Word:
    text: str
    line: int  # index in doc.lines
    same_line: bool  # on the same line as the word (or label) before it
    spaces: int  # spaces before it on its line, or its line's leading spaces
    blank_before: bool  # a blank line or page break lies between it and the word before
    last_on_line: bool = False


@record(slots=True)
class TextRow:
    label: MonthLabel
    label_line: int
    words: list[Word] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)  # content lines of the row


@record(slots=True)
class TextTable:
    head: Word  # the month column's title ('Maand')
    header_words: list[Word] = field(default_factory=list)  # the column titles
    header_lines: list[int] = field(default_factory=list)
    rows: list[TextRow] = field(default_factory=list)
    closed: bool = False  # running text follows: nothing after it belongs to the table

    @property
    def lines(self) -> list[int]:
        return sorted({*self.header_lines, *(i for r in self.rows for i in r.lines)})


def _spaced(line: Line) -> str:
    """The raw line with exotic spaces made plain, trailing newline gone."""
    return line.raw.rstrip("\r\n").translate(_EXOTIC_SPACES).replace("\ufeff", "")


def _leading_spaces(line: Line, new_page: bool) -> int:
    raw = _spaced(line)
    leading = len(raw) - len(raw.lstrip(" "))
    # A text export starts every PDF page with one space: that one says nothing.
    return max(0, leading - 1) if new_page and line.page_mark else leading


def _line_words(
    doc: Document, index: int, start: int, blank_before: bool, new_page: bool
) -> list[Word]:
    """Words of a line from character ``start`` of its stripped text on."""
    line = doc.lines[index]
    raw = _spaced(line)
    offset = len(raw) - len(raw.lstrip(" "))
    words: list[Word] = []
    prev_end = offset + start
    for m in _WORD.finditer(raw, offset + start):
        first = not words
        at_line_start = first and start == 0
        words.append(
            Word(
                text=m.group(0),
                line=index,
                same_line=not at_line_start,
                spaces=_leading_spaces(line, new_page) if at_line_start else m.start() - prev_end,
                blank_before=blank_before if at_line_start else False,
            )
        )
        prev_end = m.end()
    if words:
        words[-1].last_on_line = True
    return words


class _Collector:
    """Walks the lines of a table region, handing out words with their layout."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.blank = False
        self.prev_page: int | None = None

    def noise(self) -> None:
        self.blank = True

    def words(self, index: int, start: int = 0) -> list[Word]:
        line = self.doc.lines[index]
        new_page = self.prev_page is not None and line.page not in (None, self.prev_page)
        words = _line_words(self.doc, index, start, self.blank, new_page)
        self.blank = False
        if line.page is not None:
            self.prev_page = line.page
        return words


def rising_labels(candidates: Sequence[tuple[int, MonthLabel]]) -> set[int]:
    """The longest run of month labels whose months rise (earliest first on ties): the
    row labels. A cell that happens to start with a month name falls out."""
    best: list[int] = []  # length of the longest rising run ending at k
    prev: list[int] = []
    for k, (_, label) in enumerate(candidates):
        best.append(1)
        prev.append(-1)
        for j in range(k):
            if candidates[j][1].before(label) and best[j] + 1 > best[k]:
                best[k], prev[k] = best[j] + 1, j
    if not best:
        return set()
    k = max(range(len(best)), key=lambda n: (best[n], -n))
    out = set()
    while k >= 0:
        out.add(candidates[k][0])
        k = prev[k]
    return out


def _segments(
    doc: Document, indices: Sequence[int], rules: TimelineRules
) -> list[tuple[int, list[int], set[int]]]:
    """(header line, the lines after it up to the next header, its row-label lines)."""
    segments: list[tuple[int, list[int], set[int]]] = []
    for i in indices:
        line = doc.lines[i]
        if line.is_content and header_word_at_start(line.text, rules.table):
            segments.append((i, [], set()))
        elif segments:
            segments[-1][1].append(i)
    for _, lines, labels in segments:
        candidates = [
            (i, label)
            for i in lines
            if doc.lines[i].is_content and (label := parse_month_label(doc.lines[i].text))
        ]
        labels.update(rising_labels(candidates))
    return segments


def find_text_tables(
    doc: Document, indices: Sequence[int], rules: TimelineRules
) -> list[TextTable]:
    """Tables in the given lines (a timeline section): a header line that starts with the
    month column's title ('Maand'), then rows that start with a month, months rising. A
    'header' with no month rows after it is text of the row before it."""
    tables: list[TextTable] = []
    walker = _Collector(doc)
    segments = _segments(doc, indices, rules)
    first = segments[0][0] if segments else None
    for i in indices:
        if i == first:
            break
        if doc.lines[i].is_content:
            walker.words(i)
        else:
            walker.noise()
    for head, lines, labels in segments:
        words = walker.words(head)
        table = TextTable(head=words[0], header_words=words[1:], header_lines=[head])
        for i in lines:
            line = doc.lines[i]
            if not line.is_content:
                walker.noise()
                continue
            if table.closed or (
                table.rows and i not in labels and is_narrative_line(line.text, rules.table)
            ):
                table.closed = True  # running text below the table
                walker.words(i)
                continue
            if i in labels:
                label = parse_month_label(line.text)
                assert label is not None
                words = walker.words(i, label.end)
                table.rows.append(TextRow(label=label, label_line=i, words=words, lines=[i]))
                continue
            words = walker.words(i)
            if table.rows:
                table.rows[-1].words.extend(words)
                table.rows[-1].lines.append(i)
            else:
                table.header_words.extend(words)
                table.header_lines.append(i)
        if table.rows:
            tables.append(table)
        elif tables and not tables[-1].closed:  # not a header after all: text of a cell
            last = tables[-1].rows[-1]
            last.words.extend([table.head, *table.header_words])
            last.lines.extend(table.header_lines)
    return tables


# -- from words to text and to alignment units ---------------------------------------------


def join_words(words: Sequence[Word], doc: Document) -> str:
    """Words back into text: one space between words, compound hyphens at line ends kept
    ('vzw-' + 'aangelegenheden'), spacing collapsed."""
    out = ""
    prev: Word | None = None
    for w in words:
        if prev is None:
            out = w.text
        elif prev.line != w.line and prev.last_on_line and glued(doc.lines[prev.line].raw, w.text):
            out += w.text
        else:
            out += " " + w.text
        prev = w
    return collapse(out)


def boundaries(words: Sequence[Word], profile: Profile, rules: TimelineRules) -> list[Boundary]:
    """The layout evidence before each word of a row."""
    out: list[Boundary] = []
    for k, w in enumerate(words):
        if k == 0:
            out.append(first_cell_boundary(w.same_line, w.spaces, rules.layout))
            continue
        prev = words[k - 1]
        same_line = prev.line == w.line
        out.append(
            word_boundary(
                same_line=same_line,
                spaces=w.spaces,
                blank_before=w.blank_before,
                continuation=continues_word(w.text),
                open_end=ends_open(prev.text, profile.reflow),
                capitalised=is_capitalised(w.text),
                rules=rules.layout,
            )
        )
    return out


def header_titles(table: TextTable, rules: TimelineRules) -> list[list[Word]]:
    """Column titles of a flattened header: split at blank lines and wide gaps; a piece
    that reads as a continuation stays with the title before it."""
    titles: list[list[Word]] = []
    for k, w in enumerate(table.header_words):
        if k == 0 or not titles:
            titles.append([w])
            continue
        continues = continues_word(w.text)
        gap = w.blank_before or (w.same_line and w.spaces >= rules.table.header_split_spaces)
        if gap and not continues:
            titles.append([w])
        else:
            titles[-1].append(w)
    return titles
