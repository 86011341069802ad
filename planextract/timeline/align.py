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

from planextract.models.record import record
from planextract.rules.timeline import AlignmentRules

NEG = -math.inf


@record(frozen=True, slots=True)
class Unit:
    cut: float  # cost of starting a cell with this unit (first unit: 0)
    join: float  # cost of adding this unit to the cell of the unit before
    empty_cells: int | None  # empty cells the spacing suggests before a cell starting here
    second_pass: bool  # a second pass may start here


@record(frozen=True, slots=True)
class Placement:
    start: int  # first unit
    end: int  # after the last unit
    column: int  # 0-based
    second_pass: bool
    margin: float  # best score minus best score with one of its units elsewhere
    alternative: int | None  # the column (0-based) that best reading puts it in


Affinity = Callable[[int, int, int], float]  # (start unit, end unit, column 0-based) -> score


class _Row:
    """Scores of every possible cell of a row, and the prior between cells.

    Columns are 1-based here; column 0 is 'no cell yet' (or: the second pass just began).
    """

    def __init__(
        self, units: list[Unit], n_columns: int, affinity: Affinity, rules: AlignmentRules
    ) -> None:
        self.units = units
        self.n = len(units)
        self.size = n_columns + 1
        self.rules = rules
        self.span = rules.max_cell_units
        joins = [0.0]
        for unit in units:
            joins.append(joins[-1] + unit.join)
        # local[u][d][k]: a cell of units u .. u+d in column k, without the prior.
        self.local: list[list[list[float]]] = []
        for u in range(self.n):
            cut = units[u].cut if u > 0 else 0.0
            rows = []
            for v in range(u + 1, min(self.n, u + self.span) + 1):
                inner = joins[v] - joins[u + 1]
                costs = cut + inner
                rows.append(
                    [NEG]
                    + [
                        NEG if math.isinf(costs) else affinity(u, v, k - 1) - costs
                        for k in range(1, self.size)
                    ]
                )
            self.local.append(rows)

    def prior(self, phase: int, u: int, j: int, k: int) -> float:
        expected = self.units[u].empty_cells
        if phase == 1 or expected is None:
            return 0.0
        return self.rules.empty_cells_weight * abs(k - j - 1 - expected)


def align_row(
    units: list[Unit], n_columns: int, affinity: Affinity, rules: AlignmentRules
) -> list[Placement]:
    """The best reading of a row, with a margin per cell."""
    if not units or n_columns == 0:
        return []
    row = _Row(units, n_columns, affinity, rules)
    n, size = row.n, row.size
    phases = (0, 1)
    second = [u > 0 and units[u].second_pass for u in range(n)]

    # forward: best score of a reading of units[:u] ending in (phase, column j);
    # entry[p][u][k]: best score to start a cell in column k at unit u.
    fwd = [[[NEG] * size for _ in range(n + 1)] for _ in phases]
    entry = [[[NEG] * size for _ in range(n)] for _ in phases]
    entry_from = [[[0] * size for _ in range(n)] for _ in phases]
    back: dict[tuple[int, int, int], int] = {}  # (phase, v, k) -> u
    switch_from: dict[int, int] = {}
    fwd[0][0][0] = 0.0
    for u in range(n):
        if second[u]:
            j = max(range(1, size), key=lambda c: fwd[0][u][c])
            if fwd[0][u][j] > NEG:
                fwd[1][u][0] = fwd[0][u][j] - rules.second_pass_cost
                switch_from[u] = j
        for p in phases:
            for k in range(1, size):
                best_j, best = 0, NEG
                for j in range(k):
                    if fwd[p][u][j] > NEG:
                        val = fwd[p][u][j] - row.prior(p, u, j, k)
                        if val > best:
                            best_j, best = j, val
                entry[p][u][k], entry_from[p][u][k] = best, best_j
                if best == NEG:
                    continue
                for d, local in enumerate(row.local[u]):
                    val = best + local[k]
                    v = u + d + 1
                    if val > fwd[p][v][k]:
                        fwd[p][v][k] = val
                        back[(p, v, k)] = u

    # backward: best score from (phase, unit u, previous column j) to the end of the row
    bwd = [[[NEG] * size for _ in range(n + 1)] for _ in phases]
    for p in phases:
        bwd[p][n] = [0.0] * size
    for u in range(n - 1, -1, -1):
        for p in phases:
            leave = [NEG] * size
            for k in range(1, size):
                for d, local in enumerate(row.local[u]):
                    rest = bwd[p][u + d + 1][k]
                    if rest > NEG and local[k] + rest > leave[k]:
                        leave[k] = local[k] + rest
            for j in range(size):
                bwd[p][u][j] = max(
                    (leave[k] - row.prior(p, u, j, k) for k in range(j + 1, size)),
                    default=NEG,
                )
        if second[u] and bwd[1][u][0] > NEG:
            switched = bwd[1][u][0] - rules.second_pass_cost
            for j in range(1, size):
                bwd[0][u][j] = max(bwd[0][u][j], switched)

    ends = [(fwd[p][n][k], p, k) for p in phases for k in range(1, size)]
    best, phase, col = max(ends)
    if best == NEG:
        return []

    # max-marginals: the best reading that puts unit w in column k
    marginal = [[NEG] * size for _ in range(n)]
    for p in phases:
        for u in range(n):
            for k in range(1, size):
                start = entry[p][u][k]
                if start == NEG:
                    continue
                for d, local in enumerate(row.local[u]):
                    total = start + local[k] + bwd[p][u + d + 1][k]
                    for w in range(u, u + d + 1):
                        if total > marginal[w][k]:
                            marginal[w][k] = total

    cells: list[tuple[int, int, int, int]] = []  # (phase, u, v, column)
    v, k = n, col
    while v > 0:
        u = back[(phase, v, k)]
        cells.append((phase, u, v, k))
        j = entry_from[phase][u][k]
        if phase == 1 and j == 0:
            phase, j = 0, switch_from[u]
        v, k = u, j
    cells.reverse()

    out = []
    for p, u, v, k in cells:
        others, other = NEG, None
        for w in range(u, v):
            for c in range(1, size):
                if c != k and marginal[w][c] > others:
                    others, other = marginal[w][c], c - 1
        out.append(
            Placement(
                start=u,
                end=v,
                column=k - 1,
                second_pass=p == 1,
                margin=best - others if others > NEG else math.inf,
                alternative=other,
            )
        )
    return out


def confidence(margin: float, rules: AlignmentRules) -> float:
    """Margin in score units -> 0.5 (a toss-up) .. 1 (no other reading comes close)."""
    if math.isinf(margin):
        return 1.0
    return 1.0 / (1.0 + math.exp(-margin / rules.confidence_scale))
