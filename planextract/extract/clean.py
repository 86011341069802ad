"""Mark lines that carry no content: blanks, running headers and footers, empty bullets.

Lines are marked, never deleted, so that accounting can show where every line went.
"""

from __future__ import annotations

import re
from collections import Counter

from planextract.models.document import (
    MARGIN_HINTS,
    PAGE_TOP,
    Document,
    Line,
    Noise,
    PageAnchor,
)
from planextract.rules.labels import match_bullet
from planextract.rules.pages import match_footer, match_header
from planextract.rules.profile import Profile
from planextract.rules.text import collapse

_NUMBERS = re.compile(r"\d+")


def mark_noise(doc: Document, profile: Profile) -> None:
    lines = doc.lines
    for line in lines:
        if not line.text:
            line.noise = Noise.BLANK
        elif line.noise is None:
            bullet = match_bullet(line.text, profile)
            if bullet is not None and not bullet.text and bullet.rule.name != "number":
                line.noise = Noise.EMPTY_ITEM

    # Footers: printed page numbers; they anchor the page numbering.
    footers: list[int] = []
    for i, line in enumerate(lines):
        if line.noise is None:
            found = match_footer(line.text, profile)
            if found:
                line.noise = Noise.FOOTER
                footers.append(i)
                if not any(a.line_index == i for a in doc.anchors):
                    doc.anchors.append(PageAnchor(line_index=i, page=found[0], total=found[1]))
    doc.anchors.sort(key=lambda a: a.line_index)
    totals = [a.total for a in doc.anchors if a.total]
    if totals and doc.page_count is None:
        doc.page_count = Counter(totals).most_common(1)[0][0]

    # Headers: a header-like line next to a footer, or one that repeats.
    header_counts = Counter(
        line.text for line in lines if line.noise is None and match_header(line.text, profile)
    )
    for i, line in enumerate(lines):
        if line.noise is not None:
            continue
        org = match_header(line.text, profile)
        if org is None:
            continue
        if header_counts[line.text] >= 2 or _near_footer(doc, i, footers, profile):
            line.noise = Noise.HEADER
            if line.text not in doc.header_texts:
                doc.header_texts.append(line.text)

    if doc.has_layout:
        _mark_running_lines(doc)
    _mark_break_blanks(doc)


def _mark_running_lines(doc: Document) -> None:
    """Rule 'running line' (PDF): a line in the top or bottom margin of its page whose text,
    numbers aside, recurs in that margin on several pages is a running header or footer,
    whatever its wording ('Versie 2025 - p. 3')."""
    margin = [line for line in doc.lines if line.hint in MARGIN_HINTS and line.text]
    pages: dict[tuple[str | None, str], set[int | None]] = {}
    for line in margin:
        pages.setdefault((line.hint, _running_key(line)), set()).add(line.page)
    needed = min(3, len({line.page for line in doc.lines}))
    for line in margin:
        if line.noise is None and len(pages[(line.hint, _running_key(line))]) >= needed:
            line.noise = Noise.HEADER if line.hint == PAGE_TOP else Noise.FOOTER


def _running_key(line: Line) -> str:
    return _NUMBERS.sub("#", collapse(line.text))


def _near_footer(doc: Document, i: int, footers: list[int], profile: Profile) -> bool:
    """Only blank lines separate line i from a footer, within the profile's gap."""
    for f in footers:
        if abs(f - i) > profile.header_footer_gap:
            continue
        lo, hi = sorted((i, f))
        if all(doc.lines[k].noise is not None for k in range(lo + 1, hi)):
            return True
    return False


def _mark_break_blanks(doc: Document) -> None:
    """Blank lines around a header/footer belong to the page break, not to the text:
    a paragraph running over a page must not look split by a blank line."""
    lines = doc.lines
    n = len(lines)
    for i, line in enumerate(lines):
        if line.noise not in (Noise.HEADER, Noise.FOOTER):
            continue
        for step in (-1, 1):
            k = i + step
            while 0 <= k < n and lines[k].noise in (Noise.BLANK, Noise.PAGE_BREAK):
                lines[k].noise = Noise.PAGE_BREAK
                k += step
