"""The timeline rules (rules/timeline.toml) as typed data, and the small named rules that
read the layout of a flattened table."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from planextract.models.record import record
from planextract.rules.files import rules_text
from planextract.rules.text import starts_lowercase

TIMELINE_FILE = "timeline.toml"


@record(frozen=True, slots=True)
class TableRules:
    header_words: tuple[str, ...]
    min_rows_unnamed: int
    narrative_min_chars: int
    header_split_spaces: int


@record(frozen=True, slots=True)
class LayoutRules:
    after_label_spaces: int
    between_cells_spaces: int
    line_start_spaces: int
    cut_single_space: float
    cut_line_wrap: float
    cut_continuation: float
    join_two_spaces: float
    join_wide_gap: float
    join_blank_line: float
    join_leading_spaces: float
    open_end_factor: float


@record(frozen=True, slots=True)
class AlignmentRules:
    similarity_weight: float
    empty_cells_weight: float
    second_pass_cost: float
    max_cell_units: int
    max_row_units: int
    confidence_scale: float
    uncertain_below: float


@record(frozen=True, slots=True)
class ReferenceWeights:
    milestones: float
    column_title: float
    action_title: float
    steps: float
    do: float


@record(frozen=True, slots=True)
class LinkingRules:
    what_weight: float
    column_min_score: float
    column_sure_score: float
    milestone_min_score: float
    milestone_other_column_score: float
    cell_separators: tuple[str, ...]


@record(frozen=True, slots=True)
class StatusRules:
    reference_patterns: tuple[re.Pattern[str], ...]
    reasons: dict[str, str]


@record(frozen=True, slots=True, eq=False)
class TimelineRules:
    table: TableRules
    layout: LayoutRules
    alignment: AlignmentRules
    references: ReferenceWeights
    linking: LinkingRules
    status: StatusRules


def load_timeline_rules_data(data: dict) -> TimelineRules:
    table = data["table"]
    linking = data["linking"]
    status = data["status"]
    return TimelineRules(
        table=TableRules(
            header_words=tuple(w.lower() for w in table["header_words"]),
            min_rows_unnamed=int(table["min_rows_unnamed"]),
            narrative_min_chars=int(table["narrative_min_chars"]),
            header_split_spaces=int(table["header_split_spaces"]),
        ),
        layout=LayoutRules(**data["layout"]),
        alignment=AlignmentRules(**data["alignment"]),
        references=ReferenceWeights(**data["references"]),
        linking=LinkingRules(
            what_weight=float(linking["what_weight"]),
            column_min_score=float(linking["column_min_score"]),
            column_sure_score=float(linking["column_sure_score"]),
            milestone_min_score=float(linking["milestone_min_score"]),
            milestone_other_column_score=float(linking["milestone_other_column_score"]),
            cell_separators=tuple(linking["cell_separators"]),
        ),
        status=StatusRules(
            reference_patterns=tuple(
                re.compile(p, re.IGNORECASE) for p in status["reference_patterns"]
            ),
            reasons=dict(status["reasons"]),
        ),
    )


@cache
def load_timeline_rules() -> TimelineRules:
    text = rules_text(TIMELINE_FILE)
    return load_timeline_rules_data(tomllib.loads(text))


def header_word_at_start(text: str, rules: TableRules) -> str | None:
    """'Maand Zoeken naar ...' -> 'Maand': the month column's title opening a header row."""
    first = text.split(maxsplit=1)[0] if text.split() else ""
    return first if first.rstrip(":").lower() in rules.header_words else None


def is_narrative_line(text: str, rules: TableRules) -> bool:
    """A full-width line of running text: too wide for a table cell."""
    return len(text) >= rules.narrative_min_chars and "  " not in text


@record(frozen=True, slots=True)
class Boundary:
    """What the layout says about the gap before a word of a flattened row.

    ``cut``: cost of starting a new cell there (``inf``: the words surely belong
    together); ``join``: cost of keeping them in one cell; ``empty_cells``: how many empty
    cells the spacing suggests before a cell that starts there (None: no evidence);
    ``second_pass``: a cell cut short may resume there (a continuation after a break).
    """

    cut: float
    join: float
    empty_cells: int | None
    second_pass: bool = False


INF = float("inf")

# A word that starts like this continues the text before it.
_CONTINUES_WITH = tuple("/+)&,;.:([")


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def continues_word(word: str) -> bool:
    """The word reads as the continuation of some text (lower case, a '+', a bracket...)."""
    return starts_lowercase(word) or word.startswith(_CONTINUES_WITH)


def first_cell_boundary(same_line: bool, spaces: int, rules: LayoutRules) -> Boundary:
    """The gap between the month label and the first word of the row."""
    if same_line:
        return Boundary(0.0, 0.0, max(0, spaces - rules.after_label_spaces))
    return Boundary(0.0, 0.0, max(0, spaces - rules.line_start_spaces))


def word_boundary(
    *,
    same_line: bool,
    spaces: int,
    blank_before: bool,
    continuation: bool,
    open_end: bool,
    capitalised: bool,
    rules: LayoutRules,
) -> Boundary:
    """The gap between two words of a row.

    ``spaces``: the run of spaces between them on one line, or the leading spaces of the
    word's line; ``blank_before``: a blank line (or a page break) lies between them;
    ``continuation``: the word reads as a continuation (lower case...); ``open_end``: the
    word before ends open ('en', '+', '-'); ``capitalised``: the word starts with a capital.

    Within a line one space joins words unless the next is capitalised; two or more
    suggest a new cell. Across lines a plain wrap joins, a blank line or leading spaces
    suggest a new cell; a cell cut short may end open, so after a blank line an open
    ending only weakens that. A continuation after a break may resume an earlier cell.
    """
    if same_line:
        empty = max(0, spaces - rules.between_cells_spaces)
        if spaces <= 1:
            new_cell = capitalised and not open_end
            return Boundary(rules.cut_single_space if new_cell else INF, 0.0, empty)
        if continuation or open_end:
            return Boundary(rules.cut_continuation, 0.0, empty)
        join = rules.join_two_spaces if spaces == 2 else rules.join_wide_gap
        return Boundary(0.0, join, empty)
    empty = max(0, spaces - rules.line_start_spaces)
    broken = blank_before or spaces > 0
    if continuation:
        if broken:
            return Boundary(rules.cut_continuation, 0.0, empty, second_pass=True)
        return Boundary(INF, 0.0, empty)
    if not broken:
        return Boundary(INF if open_end else rules.cut_line_wrap, 0.0, empty)
    join = rules.join_blank_line if blank_before else rules.join_leading_spaces
    return Boundary(0.0, join * (rules.open_end_factor if open_end else 1.0), empty)
