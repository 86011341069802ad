"""The timeline of a plan: month x action tables, linked to the actions they schedule.

Ruled tables from a PDF reader (``Document.tables``) are read as they are; otherwise the
flattened text of the 'Tijdslijn' section, or of a month table in another section, is
rebuilt (text_table, text_cells). Either way the columns are linked to actions and the
milestones to cells, and the lines that made the table are claimed from the section text
(their owner becomes ``timeline.tables[i]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING

from planextract.models.document import Document
from planextract.models.plan import (
    Action,
    Plan,
    Section,
    Timeline,
    TimelineCell,
    TimelineColumn,
    TimelineRow,
    TimelineStats,
    TimelineStatus,
    TimelineTable,
)
from planextract.models.provenance import pages_of
from planextract.models.record import record
from planextract.models.tree import Owner, Tree
from planextract.rules.profile import Profile
from planextract.rules.text import norm
from planextract.rules.timeline import TimelineRules, header_word_at_start, load_timeline_rules
from planextract.timeline.link import (
    ColumnLink,
    actions_without_column,
    link_columns,
    link_milestones,
    unlinked_columns,
)
from planextract.timeline.similarity import (
    Reference,
    action_references,
    column_scores,
    forget_pairs,
)
from planextract.timeline.status import missing_status, table_status
from planextract.timeline.text_cells import CellDraft, place_row
from planextract.timeline.text_table import TextTable, find_text_tables, header_titles, join_words

if TYPE_CHECKING:
    from planextract.timeline.pdf_table import PdfGrid, PdfRow


@record
class TimelineResult:
    timeline: Timeline | None
    status: TimelineStatus
    owners: dict[int, str] = field(default_factory=dict)  # doc line index -> owner


def owner_key(table: int) -> str:
    return f"timeline.tables[{table}]"


def claim_lines(doc: Document, tree: Tree, owners: dict[int, str]) -> None:
    """The table's lines now belong to the timeline: new owners, out of the section text."""
    for i, owner in owners.items():
        if doc.lines[i].is_content:
            doc.lines[i].owner = owner
    for section in tree.sections:
        section.tokens = [t for t in section.tokens if t.index not in owners]


def _line_numbers(doc: Document, indices: Sequence[int]) -> list[int]:
    return sorted({doc.lines[i].no for i in indices})


def _references(
    titles: Sequence[str], links: Sequence[ColumnLink], plan: Plan, rules: TimelineRules
) -> list[list[Reference]]:
    by_id = {a.id: a for a in plan.actions()}
    return [
        action_references(by_id.get(link.action_id or ""), title, rules.references)
        for title, link in zip(titles, links, strict=True)
    ]


def _columns(
    titles: Sequence[str], links: Sequence[ColumnLink], pages: Sequence[list[int]]
) -> list[TimelineColumn]:
    return [
        TimelineColumn(
            title=title,
            action_id=link.action_id,
            pages=list(p),
            link_score=link.score,
            title_score=link.title_score,
            cells_score=link.cells_score,
            link_uncertain=link.uncertain,
        )
        for title, link, p in zip(titles, links, pages, strict=True)
    ]


# -- flattened text ----------------------------------------------------------------------


def _section_lines(plan: Plan, doc: Document, rules: TimelineRules) -> list[tuple[list[int], bool]]:
    """For each section but the goals: its text lines from first to last, noise included,
    and whether it is a timeline section. A title that is the month column's own title
    ('Timing' alone on its line, a timeline alias too) is the table's header line."""
    out = []
    for k, section in enumerate(plan.sections):
        if section.kind == "goals":
            continue
        owner = str(Owner.section(k, "text"))
        own = [i for i, line in enumerate(doc.lines) if line.owner == owner]
        if not own:
            continue
        title = str(Owner.section(k, "title"))
        heads = [
            i
            for i in range(own[0])
            if doc.lines[i].owner == title and header_word_at_start(doc.lines[i].text, rules.table)
        ]
        start = heads[0] if heads else own[0]
        out.append((list(range(start, own[-1] + 1)), section.kind == "timeline"))
    return out


def _continues(prev: TextTable, table: TextTable, titles: dict[int, list[str]]) -> bool:
    """A header repeated on the next page: same titles, months going on."""
    same = [norm(t) for t in titles[id(prev)]] == [norm(t) for t in titles[id(table)]]
    return same and prev.rows[-1].label.before(table.rows[0].label)


def _text_rows(
    table: TextTable,
    refs: list[list[Reference]],
    doc: Document,
    profile: Profile,
    rules: TimelineRules,
) -> list[tuple[TimelineRow, list[CellDraft]]]:
    out = []
    for row in table.rows:
        cells = place_row(row, refs, doc, profile, rules)
        texts: list[str | None] = [None] * len(refs)
        details: list[TimelineCell | None] = [None] * len(refs)
        for cell in cells:
            texts[cell.column] = cell.text or None
            details[cell.column] = TimelineCell(
                column=cell.column,
                confidence=round(cell.confidence, 3),
                uncertain=cell.uncertain,
                alternative_column=cell.alternative if cell.uncertain else None,
                match=cell.reference.text if cell.reference else None,
                match_score=round(cell.score / 100, 3),
                pages=pages_of(doc, cell.lines),
                lines=_line_numbers(doc, cell.lines),
            )
        out.append(
            (
                TimelineRow(
                    month=row.label.first,
                    label=row.label.text,
                    cells=texts,
                    months=list(row.label.months),
                    details=details,
                    pages=pages_of(doc, row.lines),
                ),
                cells,
            )
        )
    return out


def _from_text(
    plan: Plan, doc: Document, profile: Profile, rules: TimelineRules
) -> tuple[list[TimelineTable], list[list[int]]]:
    found: list[TextTable] = []
    for indices, named in _section_lines(plan, doc, rules):
        tables = find_text_tables(doc, indices, rules)
        # Under another heading a month table is known by its content alone: a header
        # row and enough month rows that a few lines opening with a month are not one.
        found.extend(t for t in tables if named or len(t.rows) >= rules.table.min_rows_unnamed)
    titles: dict[int, list[str]] = {}
    title_lines: dict[int, list[list[int]]] = {}
    for table in found:
        pieces = header_titles(table, rules)
        titles[id(table)] = [join_words(p, doc) for p in pieces]
        title_lines[id(table)] = [sorted({w.line for w in p}) for p in pieces]
    # Without column titles there is nothing to put the cells in: left as section text.
    found = [t for t in found if titles[id(t)]]
    merged: list[TextTable] = []
    for table in found:
        if merged and _continues(merged[-1], table, titles):
            merged[-1].rows.extend(table.rows)
            merged[-1].header_lines.extend(table.header_lines)
        else:
            merged.append(table)
    if not merged:
        return [], []

    actions = plan.actions()
    all_titles = [t for table in merged for t in titles[id(table)]]
    links = link_columns(all_titles, actions, rules.linking)
    rows = _place_all(merged, titles, links, plan, doc, profile, rules)
    # Second look: the cells now placed are evidence for the links too.
    column_cells = [
        [c.text for _, cells in table_rows for c in cells if c.column == k]
        for table, table_rows in zip(merged, rows, strict=True)
        for k in range(len(titles[id(table)]))
    ]
    relinked = link_columns(all_titles, actions, rules.linking, column_cells)
    if [lk.action_id for lk in relinked] != [lk.action_id for lk in links]:
        rows = _place_all(merged, titles, relinked, plan, doc, profile, rules)
    links = relinked

    tables: list[TimelineTable] = []
    owned: list[list[int]] = []
    start = 0
    for table, table_rows in zip(merged, rows, strict=True):
        names = titles[id(table)]
        table_links = links[start : start + len(names)]
        start += len(names)
        lines = table.lines
        tables.append(
            TimelineTable(
                pages=pages_of(doc, lines),
                columns=_columns(
                    names, table_links, [pages_of(doc, ln) for ln in title_lines[id(table)]]
                ),
                rows=[r for r, _ in table_rows],
                source="text",
                lines=[doc.lines[lines[0]].no, doc.lines[lines[-1]].no],
            )
        )
        owned.append(lines)
    return tables, owned


def _place_all(
    tables: Sequence[TextTable],
    titles: dict[int, list[str]],
    links: Sequence[ColumnLink],
    plan: Plan,
    doc: Document,
    profile: Profile,
    rules: TimelineRules,
) -> list[list[tuple[TimelineRow, list[CellDraft]]]]:
    out = []
    start = 0
    for table in tables:
        names = titles[id(table)]
        refs = _references(names, links[start : start + len(names)], plan, rules)
        start += len(names)
        out.append(_text_rows(table, refs, doc, profile, rules))
    return out


# -- ruled PDF tables ----------------------------------------------------------------------


def _from_pdf(
    plan: Plan, doc: Document, rules: TimelineRules
) -> tuple[list[TimelineTable], list[list[int]]]:
    if not doc.tables:  # a text export: the ruled-table code is not even imported
        return [], []
    from planextract.timeline.pdf_table import timeline_grids

    grids = timeline_grids(doc)
    if not grids:
        return [], []
    all_titles = [t for g in grids for t in g.titles]
    column_cells = [
        [text for row in g.rows if (text := row.cells[k])]
        for g in grids
        for k in range(len(g.titles))
    ]
    links = link_columns(all_titles, plan.actions(), rules.linking, column_cells)
    tables: list[TimelineTable] = []
    owned: list[list[int]] = []
    start = 0
    for grid in grids:
        table_links = links[start : start + len(grid.titles)]
        start += len(grid.titles)
        refs = _references(grid.titles, table_links, plan, rules)
        tables.append(_pdf_table(grid, table_links, refs, doc))
        owned.append(sorted(grid.lines))
    return tables, owned


def _pdf_row(row: PdfRow, refs: list[list[Reference]], doc: Document) -> TimelineRow:
    present = [(k, text) for k, text in enumerate(row.cells) if text]
    scored = column_scores([t for _, t in present], refs)
    details: list[TimelineCell | None] = [None] * len(row.cells)
    for q, (k, _) in enumerate(present):
        ref = scored.best_ref[q][k]
        details[k] = TimelineCell(
            column=k,
            confidence=1.0,
            uncertain=False,
            match=ref.text if ref else None,
            match_score=round(float(scored.scores[q][k]) / 100, 3),
            pages=row.cell_pages[k],
            lines=_line_numbers(doc, row.cell_lines[k]),
        )
    return TimelineRow(
        month=row.label.first,
        label=row.label.text,
        cells=list(row.cells),
        months=list(row.label.months),
        details=details,
        pages=row.pages,
    )


def _pdf_table(
    grid: PdfGrid, links: Sequence[ColumnLink], refs: list[list[Reference]], doc: Document
) -> TimelineTable:
    numbers = _line_numbers(doc, sorted(grid.lines))
    return TimelineTable(
        pages=grid.pages,
        columns=_columns(grid.titles, links, [grid.pages[:1]] * len(grid.titles)),
        rows=[_pdf_row(row, refs, doc) for row in grid.rows],
        source="pdf-table",
        lines=numbers[:1] + numbers[-1:],
    )


# -- the whole -----------------------------------------------------------------------------


def build_timeline(
    plan: Plan, doc: Document, profile: Profile, rules: TimelineRules | None = None
) -> TimelineResult:
    """The plan's timeline (or null with the reason), and the lines it claims."""
    try:
        return _build(plan, doc, profile, rules or load_timeline_rules())
    finally:
        forget_pairs()  # scored pairs are remembered within one plan only


def _build(plan: Plan, doc: Document, profile: Profile, rules: TimelineRules) -> TimelineResult:
    tables, owned = _from_pdf(plan, doc, rules)
    if not tables:
        tables, owned = _from_text(plan, doc, profile, rules)
    if not tables:
        return TimelineResult(timeline=None, status=missing_status(plan, rules.status))
    actions: list[Action] = plan.actions()
    links, unscheduled = link_milestones(tables, actions, rules.linking)
    details = [d for t in tables for r in t.rows for d in r.details if d is not None]
    timeline = Timeline(
        tables=tables,
        milestone_links=links,
        unlinked_columns=unlinked_columns(tables),
        actions_without_column=actions_without_column(tables, actions),
        unscheduled_milestones=unscheduled,
        stats=TimelineStats(cells=len(details), uncertain=sum(d.uncertain for d in details)),
    )
    owners = {i: owner_key(t) for t, lines in enumerate(owned) for i in lines}
    pages = sorted({p for t in tables for p in t.pages})
    status = table_status(_holding_sections(plan, doc, owned), pages, rules.status)
    return TimelineResult(timeline, status, owners)


def _holding_sections(plan: Plan, doc: Document, owned: Sequence[Sequence[int]]) -> list[Section]:
    """The sections the tables stand in (their lines are not claimed yet), timeline
    sections first; the timeline sections when the tables stand in none."""
    owners = {doc.lines[i].owner for lines in owned for i in lines}
    holding = [
        s
        for k, s in enumerate(plan.sections)
        if owners & {str(Owner.section(k, "text")), str(Owner.section(k, "title"))}
    ]
    timeline = [s for s in plan.sections if s.kind == "timeline"]
    return [s for s in holding if s.kind == "timeline"] or holding or timeline
