"""Named rules about page boundaries in text exports."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planextract.models.document import Line
from planextract.rules.headings import match_goal_heading, match_section
from planextract.rules.profile import Profile
from planextract.rules.text import small_int

# The header row of a month x action table starts with "Maand".
_TABLE_HEADER = re.compile(r"^\s*Maand(?:en)?\b", re.IGNORECASE)


def is_table_header(text: str) -> bool:
    return bool(_TABLE_HEADER.match(text))


def flattened_table_spans(lines: Sequence[Line], profile: Profile) -> list[tuple[int, int]]:
    """Index ranges [start, end) of month tables flattened cell by cell in a text export.

    A table runs from its 'Maand …' header row to the next heading. Inside it a leading
    space only separates cells, so it is not a page-start mark.
    """
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if is_table_header(line.text):
            if start is not None:
                spans.append((start, i))
            start = i
        elif (
            start is not None
            and line.text
            and (match_section(line.text, profile) or match_goal_heading(line.text, profile))
        ):
            spans.append((start, i))
            start = None
    if start is not None:
        spans.append((start, len(lines)))
    return spans


def match_footer(text: str, profile: Profile) -> tuple[int, int | None] | None:
    """'Pagina 15 van 24' -> (15, 24)."""
    for pattern in profile.footer_patterns:
        m = pattern.match(text)
        if m:
            total, page = m.groupdict().get("total"), small_int(m["page"])
            if page is None or (total and small_int(total) is None):
                return None  # too many digits to be a page number
            return page, small_int(total) if total else None
    return None


def match_header(text: str, profile: Profile) -> str | None:
    """'Actieplan ELZ Kemp en Duin' -> 'ELZ Kemp en Duin' (a running-header candidate)."""
    for pattern in profile.header_patterns:
        m = pattern.match(text)
        if m:
            return m.groupdict().get("organisation") or text.strip()
    return None
