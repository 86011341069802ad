"""How much a piece of timeline text says the same as a text of an action (0-100)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from planextract.models.plan import Action
from planextract.rules.timeline import ReferenceWeights
from planextract.timeline.float32 import Matrix, argmax, f32, f32_list, zeros


def similarity(a: str, b: str) -> float:
    """One pair; see ``similarity_matrix``."""
    return similarity_matrix([a], [b])[0][0]


@cache
def _cover_factor(q_words: int, c_words: int) -> float:
    """0.5 + 0.5 x sqrt(shorter / longer word count), in single precision."""
    cover = f32(math.sqrt(f32(min(q_words, c_words) / max(q_words, c_words, 1))))
    return f32(0.5 + 0.5 * cover)


def similarity_matrix(queries: Sequence[str], choices: Sequence[str]) -> Matrix:
    """Pairwise similarity, 0-100, of short texts (cells, titles, milestones), queries x
    choices, in single precision.

    The best of: edit similarity (near-identical wording), the same words in another order,
    and the words of one contained in the other. Containment is discounted by how much of
    the longer text the shorter one covers, so that a one-word milestone ('Overleg') does
    not claim every cell that mentions it.
    """
    if not queries or not choices:
        return zeros(len(queries), len(choices))
    qs = [default_process(q) for q in queries]
    cs = [default_process(c) for c in choices]
    c_words = [len(c.split()) for c in cs]
    out: Matrix = []
    for q in qs:
        q_words = len(q.split())
        ratio = f32_list([fuzz.ratio(q, c) for c in cs])
        order = f32_list([fuzz.token_sort_ratio(q, c) for c in cs])
        contained = f32_list([fuzz.token_set_ratio(q, c) for c in cs])
        factor = [_cover_factor(q_words, n) for n in c_words]
        discounted = f32_list([x * k for x, k in zip(contained, factor, strict=True)])
        out.append([max(a, b, c) for a, b, c in zip(ratio, order, discounted, strict=True)])
    return out


@dataclass(frozen=True, slots=True)
class Reference:
    text: str
    weight: float
    kind: str  # milestone | column_title | action_title | step | do


def action_references(
    action: Action | None, column_title: str, weights: ReferenceWeights
) -> list[Reference]:
    """What a cell of this column is compared with: the milestones first of all."""
    refs = [Reference(column_title, weights.column_title, "column_title")]
    if action is None:
        return refs
    refs.append(Reference(action.title, weights.action_title, "action_title"))
    if action.how is not None:
        for item in action.how.milestones or []:
            refs.append(Reference(item.text, weights.milestones, "milestone"))
        for item in action.how.steps:
            refs.append(Reference(item.text, weights.steps, "step"))
    if action.what is not None:
        for item in action.what.do or []:
            refs.append(Reference(item.text, weights.do, "do"))
    return [r for r in refs if r.text.strip()]


@dataclass(slots=True)
class ColumnScores:
    """Best weighted similarity of each query with each column, and which reference gave it."""

    scores: Matrix  # queries x columns
    best_ref: list[list[Reference | None]]


def column_scores(queries: Sequence[str], columns: Sequence[Sequence[Reference]]) -> ColumnScores:
    flat = [r for refs in columns for r in refs]
    sims = similarity_matrix(queries, [r.text for r in flat])
    weights = f32_list([r.weight for r in flat])
    weighted = [f32_list([s * w for s, w in zip(row, weights, strict=True)]) for row in sims]
    scores = zeros(len(queries), len(columns))
    best: list[list[Reference | None]] = [[None] * len(columns) for _ in queries]
    start = 0
    for j, refs in enumerate(columns):
        end = start + len(refs)
        if end > start:
            for q, row in enumerate(weighted):
                block = row[start:end]
                k = argmax(block)
                scores[q][j] = block[k]
                best[q][j] = refs[k]
        start = end
    return ColumnScores(scores=scores, best_ref=best)
