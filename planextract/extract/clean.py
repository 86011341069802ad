"""Mark lines that carry no content: blanks, running headers and footers, empty bullets.

Lines are marked, never deleted, so that accounting can show where every line went.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from planextract.models.document import (
    MARGIN_HINTS,
    PAGE_TOP,
    Document,
    Line,
    Noise,
    PageAnchor,
)
from planextract.rules.headings import (
    match_goal_heading,
    match_section,
    split_action_title,
    toc_and_heading_pages,
)
from planextract.rules.labels import is_template_text, match_bullet, match_label
from planextract.rules.pages import (
    RUNNING_MAX_LENGTH,
    RUNNING_MIN_PAGES,
    flattened_table_spans,
    match_footer,
    match_header,
    numbers_in,
    page_number_position,
    running_key,
    spaced_like_pages,
)
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
    if not doc.has_layout:
        footers.extend(_mark_running_footers(doc, profile))
    doc.anchors.sort(key=lambda a: a.line_index)
    totals = [a.total for a in doc.anchors if a.total]
    if totals and doc.page_count is None:
        doc.page_count = Counter(totals).most_common(1)[0][0]

    # Headers: a header-like line next to a footer, or one that repeats.
    # (each line asked once: the loop below marks only the line it is at)
    orgs = {
        i: match_header(line.text, profile) for i, line in enumerate(lines) if line.noise is None
    }
    header_counts = Counter(lines[i].text for i, org in orgs.items() if org)
    for i, org in orgs.items():
        if org is None:
            continue
        line = lines[i]
        if header_counts[line.text] >= 2 or _near_footer(doc, i, footers, profile) is not None:
            line.noise = Noise.HEADER
            if line.text not in doc.header_texts:
                doc.header_texts.append(line.text)

    if not doc.has_layout:
        _mark_running_headers(doc, footers, profile)
    if doc.has_layout:
        _mark_running_lines(doc)
    _mark_break_blanks(doc)


def _furniture_candidate(line: Line, profile: Profile) -> bool:
    """A short line that is not the template's own text and does not run on."""
    text = line.text
    if line.noise is not None or len(text) > RUNNING_MAX_LENGTH:
        return False
    if match_goal_heading(text, profile) or match_section(text, profile):
        return False
    if match_label(text, profile) or is_template_text(text, profile):
        return False
    if split_action_title(text, profile).prefixed:
        return False  # 'Actie 3:' heads each form with a rising number: a title, no footer
    last = next((w for w in reversed(text.split()) if any(c.isalnum() for c in w)), "")
    return last.lower() not in profile.reflow.continuation_words


def _mark_running_footers(doc: Document, profile: Profile) -> list[int]:
    """Rule 'running footer' (text): lines that recur, the same but for a number that goes
    up each time ('pagina 3/24', '25 | ELZ …', 'Actieplan 2025 | ELZ … | p. 17'), are
    footers whatever their wording; that number is the printed page. Lines inside a
    flattened month table are cells, not furniture."""
    cells: set[int] = set()
    for start, end in flattened_table_spans(doc.lines, profile):
        cells.update(range(start, end))
    # A table of contents of a plan that repeats its headings lists the same entry with
    # rising page numbers: text, not a footer. Nor does a heading that prints its page
    # number at its right ('… van de PZON<TAB>7').
    filled = [i for i, line in enumerate(doc.lines) if line.noise is None and line.text]
    toc, paged = toc_and_heading_pages(doc.lines, filled, profile)
    cells.update(toc)
    cells.update(paged)
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(doc.lines):
        if i in cells or not _NUMBERS.search(line.text) or not _furniture_candidate(line, profile):
            continue
        groups.setdefault(running_key(line.text), []).append(i)
    found: list[int] = []
    for indices in groups.values():
        if len(indices) < RUNNING_MIN_PAGES or not spaced_like_pages(indices):
            continue
        rows = [numbers_in(doc.lines[i].text) for i in indices]
        pos = page_number_position(rows)
        if pos is None:
            continue
        for i, row in zip(indices, rows, strict=True):
            page = row[pos]
            assert page is not None
            doc.lines[i].noise = Noise.FOOTER
            found.append(i)
            doc.anchors.append(PageAnchor(line_index=i, page=page, total=None))
    return found


def _mark_running_headers(doc: Document, footers: list[int], profile: Profile) -> None:
    """Rule 'running header' (text): a line that recurs next to at least half of the page
    footers (only blank lines between) is a header, whatever its wording ('ELZ … –
    Actieplan 2025'); only its occurrences next to a footer are furniture."""
    near: dict[str, dict[int, int]] = {}  # text -> footer -> the line nearest to it
    in_order, gap = sorted(footers), profile.header_footer_gap
    for i, line in enumerate(doc.lines):
        if not _within_gap(i, in_order, gap):  # cheap first: few lines stand near a footer
            continue
        if not line.text or not _furniture_candidate(line, profile):
            continue
        footer = _near_footer(doc, i, footers, profile)
        if footer is None:
            continue
        nearest = near.setdefault(line.text, {})
        # One header per page break: the same text on both sides of a footer is a header
        # on one side (the next page's top on a tie) and text on the other.
        if footer not in nearest or abs(i - footer) <= abs(nearest[footer] - footer):
            nearest[footer] = i
    for text, by_footer in near.items():
        # A header stands at most page breaks; an answer that happens to end two pages
        # ("ELZ …" as the lead of two actions) does not.
        if len(by_footer) < max(2, len(footers) / 2):
            continue
        for i in by_footer.values():
            doc.lines[i].noise = Noise.HEADER
        if text not in doc.header_texts:
            doc.header_texts.append(text)


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


def _within_gap(i: int, in_order: list[int], gap: int) -> bool:
    """Some footer (in ascending order) is at most `gap` lines from line i."""
    k = bisect_left(in_order, i - gap)
    return k < len(in_order) and in_order[k] <= i + gap


def _near_footer(doc: Document, i: int, footers: list[int], profile: Profile) -> int | None:
    """The footer that only blank lines separate from line i, within the profile's gap."""
    for f in footers:
        if abs(f - i) > profile.header_footer_gap:
            continue
        lo, hi = sorted((i, f))
        if all(doc.lines[k].noise is not None for k in range(lo + 1, hi)):
            return f
    return None


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
