"""Characters -> words, the way pdfplumber's `extract_words` groups them, so that the
PDFium reader and `--reader pdfplumber` give the same words.

Runs of characters with the same font, size and colour (in content order) are clustered
into lines by their top (a chain of tops at most `y_tolerance` apart), each line sorted
left to right and cut at spaces and at horizontal gaps wider than `x_tolerance`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

# Ligature characters written out, as pdfplumber does.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_LIGATURE_CHARS = frozenset(LIGATURES)
# Per word: the attributes read in C (map) instead of one generator step per character.
_TEXT, _X1, _TOP, _BOTTOM = (
    attrgetter("text"),
    attrgetter("x1"),
    attrgetter("top"),
    attrgetter("bottom"),
)


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    style: Hashable  # font, size and colour: a change of style starts a new run


@dataclass(slots=True)
class CharWord:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first: Char  # its style is the word's style


def _line_clusters(chars: list[Char], tolerance: float) -> list[list[Char]]:
    if len(chars) == 1:
        return [chars]
    index: dict[float, int] = {}
    group, last = 0, None
    for top in sorted({c.top for c in chars}):
        if last is not None and top > last + tolerance:
            group += 1
        index[top] = group
        last = top
    if group == 0:
        return [chars]
    lines: list[list[Char]] = [[] for _ in range(group + 1)]
    for c in chars:  # content order kept inside a line
        lines[index[c.top]].append(c)
    return lines


def _merge(chars: list[Char]) -> CharWord:
    """`chars` sorted by x0."""
    first = chars[0]
    if len(chars) == 1:
        return CharWord(
            LIGATURES.get(first.text, first.text),
            first.x0,
            first.x1,
            first.top,
            first.bottom,
            first,
        )
    text = "".join(map(_TEXT, chars))
    if not _LIGATURE_CHARS.isdisjoint(text):
        text = "".join(LIGATURES.get(c, c) for c in text)
    return CharWord(
        text=text,
        x0=first.x0,
        x1=max(map(_X1, chars)),
        top=min(map(_TOP, chars)),
        bottom=max(map(_BOTTOM, chars)),
        first=first,
    )


def group_words(chars: Iterable[Char], x_tolerance: float, y_tolerance: float) -> list[CharWord]:
    words: list[CharWord] = []
    for _, run in groupby(chars, key=attrgetter("style")):
        for line in _line_clusters(list(run), y_tolerance):
            current: list[Char] = []
            for char in sorted(line, key=attrgetter("x0", "x1")):
                if char.text.isspace():
                    if current:
                        words.append(_merge(current))
                    current = []
                    continue
                if current:
                    prev = current[-1]
                    if (
                        char.x0 < prev.x0
                        or char.x0 > prev.x1 + x_tolerance
                        or abs(char.top - prev.top) > y_tolerance
                    ):
                        words.append(_merge(current))
                        current = []
                current.append(char)
            if current:
                words.append(_merge(current))
    return words
