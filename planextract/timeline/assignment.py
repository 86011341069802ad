"""Optimal one-to-one assignment (Hungarian method), for linking columns to actions.

Small matrices only (columns x actions of one plan); O(n^3) in pure Python.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def max_assignment(scores: Sequence[Sequence[float]]) -> list[int | None]:
    """For each row the column it gets, maximising the total score; None when there are
    more rows than columns and the row is left out. Ties go to the lower index."""
    n_rows = len(scores)
    n_cols = len(scores[0]) if n_rows else 0
    if n_rows == 0 or n_cols == 0:
        return [None] * n_rows
    n = max(n_rows, n_cols)
    top = max(max(row) for row in scores)
    # Square cost matrix (minimise top - score); padding costs the same everywhere.
    cost = [
        [top - scores[i][j] if i < n_rows and j < n_cols else top for j in range(n)]
        for i in range(n)
    ]
    # Potentials u (rows), v (columns); p[j] = row matched to column j (1-based, 0 = none).
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [math.inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], math.inf, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(n + 1):
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
    out: list[int | None] = [None] * n_rows
    for j in range(1, n + 1):
        i = p[j] - 1
        if i < n_rows and j - 1 < n_cols:
            out[i] = j - 1
    return out
