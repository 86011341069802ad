"""How much a piece of timeline text says the same as a text of an action (0-100)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from planextract.models.plan import Action
from planextract.rules.timeline import ReferenceWeights

if TYPE_CHECKING:  # numpy loads only when timeline linking runs
    import numpy as np


def similarity(a: str, b: str) -> float:
    """One pair; see ``similarity_matrix``."""
    return float(similarity_matrix([a], [b])[0, 0])


def similarity_matrix(queries: Sequence[str], choices: Sequence[str]) -> np.ndarray:
    """Pairwise similarity, 0-100, of short texts (cells, titles, milestones).

    The best of: edit similarity (near-identical wording), the same words in another order,
    and the words of one contained in the other. Containment is discounted by how much of
    the longer text the shorter one covers, so that a one-word milestone ('Overleg') does
    not claim every cell that mentions it.
    """
    import numpy as np

    if not queries or not choices:
        return np.zeros((len(queries), len(choices)))
    kw = {"processor": default_process, "dtype": np.float32}
    ratio = process.cdist(queries, choices, scorer=fuzz.ratio, **kw)
    order = process.cdist(queries, choices, scorer=fuzz.token_sort_ratio, **kw)
    contained = process.cdist(queries, choices, scorer=fuzz.token_set_ratio, **kw)
    q_len = np.array([len(default_process(q).split()) for q in queries], dtype=np.float32)
    c_len = np.array([len(default_process(c).split()) for c in choices], dtype=np.float32)
    short = np.minimum.outer(q_len, c_len)
    long = np.maximum(np.maximum.outer(q_len, c_len), 1)
    cover = np.sqrt(short / long)
    return np.maximum(np.maximum(ratio, order), contained * (0.5 + 0.5 * cover))


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

    scores: np.ndarray  # queries x columns
    best_ref: list[list[Reference | None]]


def column_scores(queries: Sequence[str], columns: Sequence[Sequence[Reference]]) -> ColumnScores:
    import numpy as np

    flat = [r for refs in columns for r in refs]
    sims = similarity_matrix(queries, [r.text for r in flat])
    weights = np.array([r.weight for r in flat], dtype=np.float32)
    weighted = sims * weights if flat else sims
    scores = np.zeros((len(queries), len(columns)), dtype=np.float32)
    best: list[list[Reference | None]] = [[None] * len(columns) for _ in queries]
    start = 0
    for j, refs in enumerate(columns):
        end = start + len(refs)
        if end > start:
            block = weighted[:, start:end]
            arg = block.argmax(axis=1)
            scores[:, j] = block[np.arange(len(queries)), arg]
            for q, k in enumerate(arg):
                best[q][j] = refs[int(k)]
        start = end
    return ColumnScores(scores=scores, best_ref=best)
