"""Monotone alignment of a flattened table row with its columns (dynamic programming).

A row is a sequence of units (runs of words that surely belong together). A reading of
the row cuts the units into cells and gives each cell a column, columns rising from left
to right; the columns in between are the empty cells that left no text. A reading scores

    sum over cells of  affinity(cell, column)          # the cell says what the action says
                     - cost of cutting before it         # layout: where cells start
                     - cost of the joins inside it       # layout: what holds together
                     - w * |columns skipped - empty cells the spacing suggests|

and the best one is found exactly. Optionally a *second pass*: text exports sometimes
print the first part of every cell and then the rest of a cell that was cut short; after
a second-pass start (a unit that reads as a continuation) columns start again from the left
and the text is added to the cells already there.

Confidence: for each unit and column, the best score of any reading that puts the unit in
that column (forward-backward max-marginals). A cell's margin is how much the best reading
loses when any of its units goes to another column.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from planextract.rules.timeline import AlignmentRules

NEG = -math.inf


@dataclass(frozen=True, slots=True)
class Unit:
    cut: float  # cost of starting a cell with this unit (first unit: 0)
    join: float  # cost of adding this unit to the cell of the unit before
    empty_cells: int | None  # empty cells the spacing suggests before a cell starting here
    second_pass: bool  # a second pass may start here


@dataclass(frozen=True, slots=True)
class Placement:
    start: int  # first unit
    end: int  # after the last unit
    column: int  # 0-based
    second_pass: bool
    margin: float  # best score minus best score with one of its units elsewhere
    alternative: int | None  # the column (0-based) that best reading puts it in


@dataclass(frozen=True, slots=True)
class _Edge:
    phase: int
    u: int
    v: int
    j: int  # previous column, 1-based; 0 = none yet (or the second pass just started)
    k: int  # this cell's column, 1-based
    score: float


Affinity = Callable[[int, int, int], float]  # (start unit, end unit, column 0-based) -> score


def _edges(
    units: list[Unit], n_columns: int, affinity: Affinity, rules: AlignmentRules
) -> list[_Edge]:
    n = len(units)
    join_prefix = [0.0]
    for unit in units:
        join_prefix.append(join_prefix[-1] + unit.join)
    edges: list[_Edge] = []
    for u in range(n):
        cut = units[u].cut if u > 0 else 0.0
        if math.isinf(cut):
            continue
        for v in range(u + 1, min(n, u + rules.max_cell_units) + 1):
            inner = join_prefix[v] - join_prefix[u + 1]
            if math.isinf(inner):
                break
            for k in range(1, n_columns + 1):
                local = affinity(u, v, k - 1) - cut - inner
                if local == NEG:
                    continue
                for phase in (0, 1):
                    for j in range(0, k):
                        prior = 0.0
                        expected = units[u].empty_cells
                        if phase == 0 and expected is not None:
                            prior = rules.empty_cells_weight * abs(k - j - 1 - expected)
                        edges.append(_Edge(phase, u, v, j, k, local - prior))
    return edges


def align_row(
    units: list[Unit], n_columns: int, affinity: Affinity, rules: AlignmentRules
) -> list[Placement]:
    """The best reading of a row, with a margin per cell."""
    n = len(units)
    if n == 0 or n_columns == 0:
        return []
    size = n_columns + 1
    edges = _edges(units, n_columns, affinity, rules)
    by_start: dict[int, list[_Edge]] = {}
    for e in edges:
        by_start.setdefault(e.u, []).append(e)

    # forward: best score of a reading of units[:u] ending in (phase, column j)
    fwd = [[[NEG] * size for _ in range(n + 1)] for _ in (0, 1)]
    back: dict[tuple[int, int, int], _Edge | None] = {}
    fwd[0][0][0] = 0.0
    back[(0, 0, 0)] = None
    for u in range(n + 1):
        if 0 < u < n and units[u].second_pass:
            best_j = max(range(1, size), key=lambda j: fwd[0][u][j])
            if fwd[0][u][best_j] > NEG:
                fwd[1][u][0] = fwd[0][u][best_j] - rules.second_pass_cost
                back[(1, u, 0)] = _Edge(-1, u, u, best_j, 0, 0.0)  # phase switch marker
        for e in by_start.get(u, []):
            base = fwd[e.phase][u][e.j]
            if base == NEG:
                continue
            total = base + e.score
            if total > fwd[e.phase][e.v][e.k]:
                fwd[e.phase][e.v][e.k] = total
                back[(e.phase, e.v, e.k)] = e

    # backward: best score from (phase, u, column j) to the end of the row
    bwd = [[[NEG] * size for _ in range(n + 1)] for _ in (0, 1)]
    for phase in (0, 1):
        for j in range(size):
            bwd[phase][n][j] = 0.0
    for u in range(n - 1, -1, -1):
        for e in by_start.get(u, []):
            nxt = bwd[e.phase][e.v][e.k]
            if nxt > NEG and e.score + nxt > bwd[e.phase][u][e.j]:
                bwd[e.phase][u][e.j] = e.score + nxt
        if u > 0 and units[u].second_pass and bwd[1][u][0] > NEG:
            switched = bwd[1][u][0] - rules.second_pass_cost
            for j in range(1, size):
                bwd[0][u][j] = max(bwd[0][u][j], switched)

    ends = [(fwd[p][n][j], p, j) for p in (0, 1) for j in range(1, size)]
    best, phase, col = max(ends)
    if best == NEG:
        return []

    # max-marginals: best reading with unit w in column k
    marginal = [[NEG] * size for _ in range(n)]
    for e in edges:
        base, rest = fwd[e.phase][e.u][e.j], bwd[e.phase][e.v][e.k]
        if base == NEG or rest == NEG:
            continue
        total = base + e.score + rest
        for w in range(e.u, e.v):
            if total > marginal[w][e.k]:
                marginal[w][e.k] = total

    path: list[_Edge] = []
    key: tuple[int, int, int] = (phase, n, col)
    while True:
        e = back.get(key)
        if e is None:
            break
        if e.phase == -1:  # phase switch: continue in the first pass
            key = (0, e.u, e.j)
            continue
        path.append(e)
        key = (e.phase, e.u, e.j)
    path.reverse()

    out = []
    for e in path:
        others, other = NEG, None
        for w in range(e.u, e.v):
            for k in range(1, size):
                if k != e.k and marginal[w][k] > others:
                    others, other = marginal[w][k], k - 1
        margin = best - others if others > NEG else math.inf
        out.append(
            Placement(
                start=e.u,
                end=e.v,
                column=e.k - 1,
                second_pass=e.phase == 1,
                margin=margin,
                alternative=other,
            )
        )
    return out


def confidence(margin: float, rules: AlignmentRules) -> float:
    """Margin in score units -> 0.5 (a toss-up) .. 1 (no other reading comes close)."""
    if math.isinf(margin):
        return 1.0
    return 1.0 / (1.0 + math.exp(-margin / rules.confidence_scale))
