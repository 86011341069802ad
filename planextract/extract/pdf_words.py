"""Characters -> words, the way pdfplumber's `extract_words` groups them, so that the
PDFium reader and `--reader pdfplumber` give the same words.

Runs of characters with the same font, size and colour (in content order) are clustered
into lines by their top (a chain of tops at most `y_tolerance` apart), each line sorted
left to right and cut at spaces and at horizontal gaps wider than `x_tolerance`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from itertools import groupby
from operator import itemgetter
from typing import NamedTuple, TypeVar

from planextract.models.record import record

# Ligature characters written out, as pdfplumber does.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE_CHARS = frozenset(LIGATURES)


class Char(NamedTuple):
    """One character; a reader may give plain tuples in this layout (cheaper to make by
    the ten thousand), so the grouping below reads the fields by position."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    style: Hashable  # font, size and colour: a change of style starts a new run


CharTuple = tuple[str, float, float, float, float, Hashable]
_TEXT, _X0, _X1, _TOP, _BOTTOM, _STYLE = range(6)
# Per word: the fields read in C (map, sorted) instead of one Python step per character.
_TEXTS, _X1S, _TOPS, _BOTTOMS = (itemgetter(k) for k in (_TEXT, _X1, _TOP, _BOTTOM))
_BY_STYLE, _BY_X = itemgetter(_STYLE), itemgetter(_X0, _X1)


@record(slots=True)
class CharWord:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    style: Hashable  # its first character's style


_W = TypeVar("_W")
MakeWord = Callable[[str, float, float, float, float, Hashable], _W]


def _line_clusters(chars: list[CharTuple], tolerance: float) -> list[list[CharTuple]]:
    if len(chars) == 1:
        return [chars]
    index: dict[float, int] = {}
    group, last = 0, None
    for top in sorted(set(map(_TOPS, chars))):
        if last is not None and top > last + tolerance:
            group += 1
        index[top] = group
        last = top
    if group == 0:
        return [chars]
    lines: list[list[CharTuple]] = [[] for _ in range(group + 1)]
    for c in chars:  # content order kept inside a line
        lines[index[c[_TOP]]].append(c)
    return lines


def _merge(chars: list[CharTuple], make: MakeWord) -> _W:
    """`chars` sorted by x0."""
    first = chars[0]
    if len(chars) == 1:
        text = first[_TEXT]
        return make(
            LIGATURES.get(text, text),
            first[_X0],
            first[_X1],
            first[_TOP],
            first[_BOTTOM],
            first[_STYLE],
        )
    text = "".join(map(_TEXTS, chars))
    if not _LIGATURE_CHARS.isdisjoint(text):
        text = "".join(LIGATURES.get(c, c) for c in text)
    return make(
        text,
        first[_X0],
        max(map(_X1S, chars)),
        min(map(_TOPS, chars)),
        max(map(_BOTTOMS, chars)),
        first[_STYLE],
    )


def group_words(
    chars: Iterable[CharTuple], x_tolerance: float, y_tolerance: float
) -> list[CharWord]:
    return make_words(chars, x_tolerance, y_tolerance, CharWord)


def make_words(
    chars: Iterable[CharTuple], x_tolerance: float, y_tolerance: float, make: MakeWord[_W]
) -> list[_W]:
    """The words, each made by `make(text, x0, x1, top, bottom, style)`: a reader's own
    word type at once, not a CharWord to copy."""
    words: list[_W] = []
    for _, run in groupby(chars, key=_BY_STYLE):
        for line in _line_clusters(list(run), y_tolerance):
            current: list[CharTuple] = []
            prev_x0 = prev_x1 = prev_top = 0.0  # of current[-1]
            for char in sorted(line, key=_BY_X):
                text, x0, x1, top, _, _ = char  # one unpacking: the hottest loop
                if text.isspace():
                    if current:
                        words.append(_merge(current, make))
                    current = []
                    continue
                if current and (
                    x0 < prev_x0 or x0 > prev_x1 + x_tolerance or abs(top - prev_top) > y_tolerance
                ):
                    words.append(_merge(current, make))
                    current = []
                current.append(char)
                prev_x0, prev_x1, prev_top = x0, x1, top
            if current:
                words.append(_merge(current, make))
    return words
