"""Named rules about page boundaries in text exports."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from planextract.models.document import Line
from planextract.models.tokens import Kind, Token
from planextract.rules.headings import match_goal_heading, match_section
from planextract.rules.months import opens_with_month
from planextract.rules.profile import Profile
from planextract.rules.reflow import TITLE_LINE_CHARS
from planextract.rules.text import small_int, starts_lowercase
from planextract.rules.timeline import TableRules, header_word_at_start, is_narrative_line

# Share of the non-blank lines that must carry the same leading spaces for them to be the
# export's own indentation rather than marks (page starts are a few lines in a hundred).
_INDENT_SHARE = 0.5


def export_indent(raws: Iterable[str]) -> int:
    """The leading spaces an export puts before every line: the most common count over the
    non-blank lines, when most of them have it (0 for the usual exports). An export that
    indents every line keeps its page-start marks one space further in, so a mark is read
    after this indentation (`after_indent`)."""
    counts = Counter(len(raw) - len(raw.lstrip(" ")) for raw in raws if raw.strip())
    if not counts:
        return 0
    indent, lines = counts.most_common(1)[0]
    return indent if lines >= _INDENT_SHARE * sum(counts.values()) else 0


def after_indent(raw: str, indent: int) -> str:
    """The line without the export's indentation (a line with less keeps all it has)."""
    return raw[indent:] if indent and raw.startswith(" " * indent) else raw


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


# Tokens after a month table that show it stands inside the goals (an action's answer),
# not after them: another goal, or more of a form.
_GOALS_GO_ON = frozenset({Kind.GOAL, Kind.LABEL, Kind.PART, Kind.PROMPT, Kind.CHECKBOX})
_SENTENCE_GOES_ON = (".", ",", ";")


def month_table_after_goals(
    tokens: Sequence[Token], lines: Sequence[Line], table: TableRules
) -> int | None:
    """Rule 'a month table after the goals': the position in `tokens` of the heading of a
    month table flattened into the text after the last goal, under a heading the profile
    does not know ('Kalender 2025', 'Maandoverzicht'); None when there is none.

    The heading is the one-line paragraph right above the table's header row ('Maand …',
    the timeline's header words). From that row on to the next section (or the end), the
    table is all there is: at least as many rows that open with a month as a month table
    under any other heading needs (`min_rows_unnamed`), no line of running text
    (`is_narrative_line`: a narrative action's prose, a sentence opening with 'Wanneer'),
    nothing of the goals (a table in an action's answer has the rest of its form or the
    next goal after it). Not in a plan that has its timeline section: that is the
    timeline. Without the heading the table's lines stay where they are."""
    if not any(t.kind == Kind.GOAL for t in tokens) or any(
        t.kind == Kind.SECTION and t.section_kind == "timeline" for t in tokens
    ):
        return None
    # the goals end with their last heading or form token (a table before it is theirs);
    # the table may run up to the first section after them
    last = max(k for k, t in enumerate(tokens) if t.kind in _GOALS_GO_ON)
    end = next((k for k in range(last + 1, len(tokens)) if tokens[k].kind == Kind.SECTION), None)
    end = len(tokens) if end is None else end
    # from the end backwards: month rows after each position, and running text from it on
    rows_after = [0] * (end + 1)
    prose_from = [False] * (end + 1)
    rows: set[int] = set()
    for k in range(end - 1, last, -1):
        text = lines[tokens[k].index].text
        rows_after[k] = len(rows)
        prose_from[k] = prose_from[k + 1] or is_narrative_line(text, table)
        if opens_with_month(text):
            rows.add(tokens[k].index)
    for k in range(last + 1, end):
        tok = tokens[k]
        if tok.kind != Kind.TEXT or tokens[k - 1].index == tok.index or prose_from[k]:
            continue
        if header_word_at_start(lines[tok.index].text, table) is None:
            continue
        if rows_after[k] < table.min_rows_unnamed:
            return None  # fewer month rows after a later header still
        return k - 1 if _heads_a_table(tokens, k - 1, lines) else None
    return None


def _heads_a_table(tokens: Sequence[Token], h: int, lines: Sequence[Line]) -> bool:
    """tokens[h] is a heading: a line of its own that opens a paragraph, short, and no
    sentence going on."""
    tok = tokens[h]
    text = lines[tok.index].text
    return (
        tok.kind == Kind.TEXT
        and (h == 0 or tokens[h - 1].index != tok.index)
        and (tok.blank_before or tok.break_before or tok.page_mark)
        and 0 < len(text) <= TITLE_LINE_CHARS
        and not text.endswith(_SENTENCE_GOES_ON)
    )


# Page numbers are short: a longer run of digits is not a page number (and would not
# convert cheaply).
_PAGE_DIGITS = 5


def _page_int(digits: str | None) -> int | None:
    return small_int(digits, _PAGE_DIGITS) if digits else None


def match_footer(text: str, profile: Profile) -> tuple[int, int | None] | None:
    """'Pagina 15 van 24' -> (15, 24); 'p. 7' -> (7, None)."""
    for pattern in profile.footer_patterns:
        m = pattern.match(text)
        if m:
            total, page = m.groupdict().get("total"), _page_int(m["page"])
            if page is None or (total and _page_int(total) is None):
                return None  # too many digits to be a page number
            return page, _page_int(total)
    return None


_NUMBER = re.compile(r"\d+")
# A running line is short; body text is not furniture however often it repeats. A line
# counts as a running footer from this many pages on.
RUNNING_MAX_LENGTH = 120
RUNNING_MIN_PAGES = 3
# Lines from one running footer to the next, at the least, in the middle: a page of a
# text export holds more than a few lines. A list whose items differ by a rising number
# ('Personeelskost: € 12 000', '… € 13 000'; 'Fase 1', 'Fase 2') stands closer.
RUNNING_MIN_PAGE_LINES = 8


def spaced_like_pages(indices: Sequence[int]) -> bool:
    """Rule 'running footer': the occurrences stand a page apart (their median gap is
    at least RUNNING_MIN_PAGE_LINES lines), not a list's lines apart."""
    gaps = sorted(b - a for a, b in itertools.pairwise(indices))
    return bool(gaps) and gaps[len(gaps) // 2] >= RUNNING_MIN_PAGE_LINES


def running_key(text: str) -> str:
    """What stays the same from page to page: the text with its numbers as '#'."""
    return _NUMBER.sub("#", " ".join(text.split()).casefold())


def numbers_in(text: str) -> list[int | None]:
    return [_page_int(d) for d in _NUMBER.findall(text)]


def page_number_position(rows: Sequence[Sequence[int | None]]) -> int | None:
    """Rule 'running footer': in lines that are the same but for their numbers, the number
    that goes up from one occurrence to the next is the page number ('25 | ELZ …',
    'Actieplan 2025 | ELZ … | p. 17': 2025 stays, 17 goes up). None when no number rises
    in most steps."""
    if len(rows) < 2 or not rows[0]:
        return None
    for pos in range(len(rows[0])):
        values = [row[pos] for row in rows]
        if any(v is None for v in values):
            continue
        steps = list(itertools.pairwise(values))
        rising = sum(1 for a, b in steps if b > a)  # type: ignore[operator]
        if rising >= max(1, round(0.8 * len(steps))):
            return pos
    return None


_ORGANISATION_NOISE = re.compile(
    r"\bactieplan\b|\b(?:19|20)\d\d\b|\bp(?:agina)?\.?\s*\d+(?:\s*(?:van|/)\s*\d+)?|\d+|[|–—/]|\s-\s",
    re.IGNORECASE,
)


def organisation_in_header(text: str) -> str | None:
    """'ELZ Kemp en Duin – Actieplan 2025' -> 'ELZ Kemp en Duin': a running header of any
    style with the plan's own words, years and page numbers taken out."""
    rest = " ".join(_ORGANISATION_NOISE.sub(" ", text).split()).strip(" -:.,")
    return rest or None


def match_header(text: str, profile: Profile) -> str | None:
    """'Actieplan ELZ Kemp en Duin' -> 'ELZ Kemp en Duin' (a running-header candidate).
    A line that starts in lower case goes on from the line before ('actieplan 2026 of
    het meerjarenplan.' at the foot of a page): never a header."""
    if starts_lowercase(text.lstrip()):
        return None
    for pattern in profile.header_patterns:
        m = pattern.match(text)
        if m:
            return m.groupdict().get("organisation") or text.strip()
    return None
