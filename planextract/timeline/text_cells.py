"""Cells of a flattened month row: units from the layout, columns from the alignment."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import field

from planextract.models.document import Document
from planextract.models.record import record
from planextract.rules.profile import Profile
from planextract.rules.timeline import TimelineRules
from planextract.timeline.align import Placement, Unit, align_row, confidence
from planextract.timeline.float32 import Matrix, f32, f32_list
from planextract.timeline.similarity import Reference, column_scores
from planextract.timeline.text_table import TextRow, Word, boundaries, join_words


@record(slots=True)
class CellDraft:
    """One placed cell of a row, with what speaks for its column."""

    column: int
    text: str
    lines: list[int]  # indices in doc.lines
    confidence: float
    uncertain: bool
    score: float = 0.0  # similarity (0-100) with the best text of its column's action
    reference: Reference | None = None
    second_pass: bool = False
    alternative: int | None = None  # the column of the best reading that moves it
    pieces: list[tuple[int, int]] = field(default_factory=list)  # unit ranges


def relative_scores(scores: Matrix, weight: float) -> Matrix:
    """weight x (similarity with a column - the best similarity with any other column) / 100:
    a cell that matches one action only is worth ``weight``; one that matches none, or two
    equally, is worth nothing. In single precision, as the scores are."""
    w = f32(weight)
    out: Matrix = []
    for row in scores:
        if len(row) < 2:
            out.append(f32_list([x / 100.0 for x in f32_list([w * s for s in row])]))
            continue
        second, best = sorted(row)[-2:]
        gaps = f32_list([s - (second if s >= best else best) for s in row])
        out.append(f32_list([x / 100.0 for x in f32_list([w * g for g in gaps])]))
    return out


def row_units(
    row: TextRow, profile: Profile, rules: TimelineRules, limit: int
) -> tuple[list[Unit], list[list[Word]]]:
    """Merge words that surely belong together (a cut there would cost infinitely). A row
    of more than ``limit`` units keeps its tail in its last unit: every reading must be
    able to hold all units, and the work stays bounded on hostile input."""
    units: list[Unit] = []
    groups: list[list[Word]] = []
    for word, b in zip(row.words, boundaries(row.words, profile, rules), strict=True):
        if groups and (math.isinf(b.cut) or len(units) >= limit):
            groups[-1].append(word)
            continue
        units.append(
            Unit(cut=b.cut, join=b.join, empty_cells=b.empty_cells, second_pass=b.second_pass)
        )
        groups.append([word])
    return units, groups


def place_row(
    row: TextRow,
    references: Sequence[Sequence[Reference]],
    doc: Document,
    profile: Profile,
    rules: TimelineRules,
) -> list[CellDraft]:
    """Cells of one month row, one per column at most, left to right."""
    k_cols = len(references)
    limit = min(rules.alignment.max_row_units, k_cols * rules.alignment.max_cell_units)
    units, groups = row_units(row, profile, rules, limit)
    n = len(units)
    if n == 0 or k_cols == 0:
        return []
    spans = [
        (u, v)
        for u in range(n)
        for v in range(u + 1, min(n, u + rules.alignment.max_cell_units) + 1)
    ]
    texts = [join_words([w for g in groups[u:v] for w in g], doc) for u, v in spans]
    scored = column_scores(texts, references)
    span_index = {span: i for i, span in enumerate(spans)}
    affinities = relative_scores(scored.scores, rules.alignment.similarity_weight)

    def affinity(u: int, v: int, k: int) -> float:
        return affinities[span_index[(u, v)]][k]

    placements = align_row(units, k_cols, affinity, rules.alignment) or [
        # No reading at all (cannot happen within the limit): keep the text, in doubt.
        Placement(0, n, 0, second_pass=False, margin=0.0, alternative=None)
    ]
    cells = _cells(placements, groups, doc, rules)
    final = column_scores([c.text for c in cells], references)
    for q, cell in enumerate(cells):
        cell.score = float(final.scores[q][cell.column])
        cell.reference = final.best_ref[q][cell.column]
    return cells


def _cells(
    placements: list[Placement], groups: list[list[Word]], doc: Document, rules: TimelineRules
) -> list[CellDraft]:
    """Placements -> cells; the pieces of a cell printed in two passes are joined."""
    by_column: dict[int, CellDraft] = {}
    words_of: dict[int, list[Word]] = {}
    for p in placements:
        conf = confidence(p.margin, rules.alignment)
        cell = by_column.get(p.column)
        if cell is None:
            cell = CellDraft(
                column=p.column,
                text="",
                lines=[],
                confidence=conf,
                uncertain=False,
                second_pass=p.second_pass,
                alternative=p.alternative,
            )
            by_column[p.column] = cell
            words_of[p.column] = []
        else:  # the rest of a cell printed after the next one
            cell.second_pass = True
            if conf < cell.confidence:
                cell.confidence, cell.alternative = conf, p.alternative
        cell.pieces.append((p.start, p.end))
        words_of[p.column].extend(w for g in groups[p.start : p.end] for w in g)
    out = []
    for column in sorted(by_column):
        cell = by_column[column]
        words = words_of[column]
        cell.text = join_words(words, doc)
        cell.lines = sorted({w.line for w in words})
        # A second-pass piece with nothing before it in its column is a guess.
        lonely = cell.second_pass and len(cell.pieces) == 1
        cell.uncertain = lonely or cell.confidence < rules.alignment.uncertain_below
        out.append(cell)
    return out
