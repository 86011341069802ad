"""Tie the timeline to the plan: each column to its action, each milestone to its cells."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from planextract.models.plan import (
    Action,
    ColumnRef,
    MilestoneLink,
    MilestoneRef,
    TimelineTable,
)
from planextract.models.record import record
from planextract.rules.timeline import LinkingRules
from planextract.timeline.assignment import max_assignment
from planextract.timeline.float32 import Matrix, argmax, f32, f32_list, mean, zeros
from planextract.timeline.similarity import similarity_matrix


@record(frozen=True, slots=True)
class ColumnLink:
    action_id: str | None
    score: float | None = None  # 0-1, title and cells together
    title_score: float | None = None  # 0-1
    cells_score: float | None = None  # 0-1; None when the cells were not known
    uncertain: bool = False


def _what_text(action: Action) -> str:
    return action.what.text if action.what is not None else ""


def title_scores(titles: Sequence[str], actions: Sequence[Action], rules: LinkingRules) -> Matrix:
    """Column title x action: the action's title, or its description ('Wat?')."""
    # the titles and the descriptions at once: one scoring per column title
    both = similarity_matrix(titles, [a.title for a in actions] + [_what_text(a) for a in actions])
    n = len(actions)
    by_title, by_what = [row[:n] for row in both], [row[n:] for row in both]
    weight = f32(rules.what_weight)
    return [
        [max(t, w) for t, w in zip(t_row, f32_list([weight * x for x in w_row]), strict=True)]
        for t_row, w_row in zip(by_title, by_what, strict=True)
    ]


def action_texts(action: Action) -> list[str]:
    """What a column's cells are expected to repeat: milestones, steps, the title."""
    out = [action.title]
    if action.how is not None:
        out += [m.text for m in action.how.milestones or []]
        out += [s.text for s in action.how.steps]
    return [t for t in out if t.strip()]


def cell_scores(column_cells: Sequence[Sequence[str]], actions: Sequence[Action]) -> Matrix:
    """Column x action: how well the column's cells, on average, repeat the action's texts."""
    out = zeros(len(column_cells), len(actions))
    flat = [cell for cells in column_cells for cell in cells]
    starts = [0]
    for cells in column_cells:
        starts.append(starts[-1] + len(cells))
    texts = [action_texts(action) for action in actions]
    # every cell with every action's texts at once: one scoring per cell, not per action
    # (a pair scores the same whatever is scored with it)
    sims = similarity_matrix(flat, [t for own in texts for t in own]) if flat else []
    first = 0
    for a, own in enumerate(texts):
        end = first + len(own)
        if flat and own:
            best = [max(row[first:end]) for row in sims]
            for c, cells in enumerate(column_cells):
                if cells:
                    out[c][a] = mean(best[starts[c] : starts[c + 1]])
        first = end
    return out


def _average(a: Matrix, b: Matrix) -> Matrix:
    return [
        [x / 2 for x in f32_list([x + y for x, y in zip(ra, rb, strict=True)])]
        for ra, rb in zip(a, b, strict=True)
    ]


def link_columns(
    titles: Sequence[str],
    actions: Sequence[Action],
    rules: LinkingRules,
    column_cells: Sequence[Sequence[str]] | None = None,
) -> list[ColumnLink]:
    """One action per column at most and one column per action: the assignment with the
    highest total score, where a pair scores by its title similarity, averaged with how
    well the column's cells repeat the action's milestones and steps when those are known.

    A pair below ``column_min_score`` leaves the column unlinked; one below
    ``column_sure_score``, or whose column matches another action better, is uncertain."""
    if not titles or not actions:
        return [ColumnLink(None) for _ in titles]
    by_title = title_scores(titles, actions, rules)
    by_cells = cell_scores(column_cells, actions) if column_cells is not None else None
    combined = by_title if by_cells is None else _average(by_title, by_cells)
    chosen = max_assignment(combined)
    min_score = f32(rules.column_min_score)  # compared in single precision, as numpy did
    out = []
    for c, a in enumerate(chosen):
        if a is None or combined[c][a] < min_score:
            out.append(ColumnLink(None))
            continue
        score = combined[c][a]
        beaten = max(combined[c]) > score
        out.append(
            ColumnLink(
                action_id=actions[a].id,
                score=round(score / 100, 3),
                title_score=round(by_title[c][a] / 100, 3),
                cells_score=None if by_cells is None else round(by_cells[c][a] / 100, 3),
                uncertain=beaten or score < rules.column_sure_score,
            )
        )
    return out


def cell_parts(text: str, rules: LinkingRules) -> list[str]:
    """A cell and, when it lists several steps ('A + B'), each of them."""
    pattern = "|".join(re.escape(s) for s in rules.cell_separators)
    parts = [p.strip() for p in re.split(pattern, text)] if pattern else [text]
    return [text, *(p for p in parts if p and p != text)]


def contained(milestone: str, text: str) -> float:
    """0-100: the milestone's words all appear in the (longer) text, e.g. 'Uitvoeren' in
    'Uitvoeren van de gekozen interventies'."""
    short, long = default_process(milestone).split(), default_process(text).split()
    if not short or len(short) > len(long):
        return 0.0
    return float(fuzz.token_set_ratio(" ".join(short), " ".join(long)))


def _cell_milestones(
    cell: str, milestones: Sequence[str], threshold: float, rules: LinkingRules
) -> dict[int, float]:
    """Milestones a cell schedules: for the cell and each step it lists, the milestone it
    resembles most, kept when it resembles or contains it well enough."""
    parts = cell_parts(cell, rules)
    sims = similarity_matrix(parts, list(milestones))
    found: dict[int, float] = {}
    for p, part in enumerate(parts):
        m = argmax(sims[p])
        score = max(sims[p][m], contained(milestones[m], part))
        if score >= threshold and score > found.get(m, -1.0):
            found[m] = score
    return found


def link_milestones(
    tables: Sequence[TimelineTable], actions: Sequence[Action], rules: LinkingRules
) -> tuple[list[MilestoneLink], list[MilestoneRef]]:
    """Milestones found in the cells of their action's column (or, for an action without a
    column, in any cell, with a stricter threshold); the others are listed as unscheduled."""
    columns: dict[str, list[tuple[int, int]]] = {}
    for t, table in enumerate(tables):
        for c, col in enumerate(table.columns):
            if col.action_id is not None:
                columns.setdefault(col.action_id, []).append((t, c))
    every = [(t, c) for t, table in enumerate(tables) for c in range(len(table.columns))]
    links: list[MilestoneLink] = []
    unscheduled: list[MilestoneRef] = []
    for action in actions:
        items = action.how.milestones if action.how is not None else None
        if not items:
            continue
        texts = [item.text for item in items]
        own = columns.get(action.id)
        threshold = rules.milestone_min_score if own else rules.milestone_other_column_score
        scheduled: set[int] = set()
        for t, c in own or every:
            for row in tables[t].rows:
                cell = row.cells[c] if c < len(row.cells) else None
                if not cell:
                    continue
                for m, score in sorted(_cell_milestones(cell, texts, threshold, rules).items()):
                    scheduled.add(m)
                    links.append(
                        MilestoneLink(
                            action_id=action.id,
                            milestone=texts[m],
                            milestone_index=m,
                            table=t,
                            column=c,
                            month=row.month,
                            months=list(row.months),
                            score=round(score / 100, 3),
                        )
                    )
        unscheduled.extend(
            MilestoneRef(action_id=action.id, milestone=text, milestone_index=m)
            for m, text in enumerate(texts)
            if m not in scheduled
        )
    links.sort(key=lambda k: (k.action_id, k.milestone_index, k.table, k.month, k.column))
    return links, unscheduled


def unlinked_columns(tables: Sequence[TimelineTable]) -> list[ColumnRef]:
    return [
        ColumnRef(table=t, column=c, title=col.title)
        for t, table in enumerate(tables)
        for c, col in enumerate(table.columns)
        if col.action_id is None
    ]


def actions_without_column(tables: Sequence[TimelineTable], actions: Sequence[Action]) -> list[str]:
    linked = {col.action_id for table in tables for col in table.columns}
    return [a.id for a in actions if a.id not in linked]
