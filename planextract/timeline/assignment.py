"""Optimal one-to-one assignment (Hungarian method), for linking columns to actions.

Pure Python, O(r² · c) for r rows and c candidate columns with r <= c: the matrix is never
padded to a square, and only each row's r best columns are candidates (an optimal
assignment never needs another one), so a plan with thousands of actions and a dozen
timeline columns costs little. Beyond ``MAX_OPTIMAL_ROWS`` on the short side the
assignment is greedy (best pairs first), so cost stays bounded by the document's size.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

MAX_OPTIMAL_ROWS = 200  # no real plan has that many timeline columns or actions


def max_assignment(scores: Sequence[Sequence[float]]) -> list[int | None]:
    """For each row the column it gets, maximising the total score; None when there are
    more rows than columns and the row is left out."""
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return [None] * n_rows
    if n_rows > n_cols:  # solve the transpose: rows <= columns
        by_col = _assign([[scores[i][j] for i in range(n_rows)] for j in range(n_cols)])
        out: list[int | None] = [None] * n_rows
        for j, i in enumerate(by_col):
            if i is not None:
                out[i] = j
        return out
    return _assign(scores)


def _assign(scores: Sequence[Sequence[float]]) -> list[int | None]:
    """Rows <= columns: every row gets a column."""
    n = len(scores)
    if n > MAX_OPTIMAL_ROWS:
        return _greedy(scores)
    candidates = sorted(
        {j for row in scores for j in heapq.nlargest(n, range(len(row)), key=lambda j: row[j])}
    )
    chosen = _hungarian([[row[j] for j in candidates] for row in scores])
    return [candidates[j] for j in chosen]


def _greedy(scores: Sequence[Sequence[float]]) -> list[int | None]:
    pairs = sorted(
        ((-s, i, j) for i, row in enumerate(scores) for j, s in enumerate(row)),
    )
    out: list[int | None] = [None] * len(scores)
    taken: set[int] = set()
    for _, i, j in pairs:
        if out[i] is None and j not in taken:
            out[i] = j
            taken.add(j)
    return out


def _hungarian(scores: Sequence[Sequence[float]]) -> list[int]:
    """n rows <= m columns; minimises top - score (e-maxx formulation)."""
    n, m = len(scores), len(scores[0])
    top = max(max(row) for row in scores)
    cost = [[top - s for s in row] for row in scores]
    # Potentials u (rows), v (columns); p[j] = row matched to column j (1-based, 0 = none).
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    p = [0] * (m + 1)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = row[j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    out = [0] * n
    for j in range(1, m + 1):
        if p[j]:
            out[p[j] - 1] = j - 1
    return out
