"""The table cell around a word: Rulings keeps what depends on the height alone per height
and finds the rules above and below by bisection. Checked against a plain scan of every
rule, on random rulings with the awkward values a hostile file can hold (0.0 and -0.0,
NaN, infinities, equal coordinates)."""

from __future__ import annotations

import random

from planextract.extract.pdf_page import PageData, Rulings
from planextract.rules.pdf import load_pdf_rules

RULES = load_pdf_rules()
Edge = tuple[float, float, float]
AWKWARD = [0.0, -0.0, 1.0, 2.5, 10.0, 100.0, 300.0, 5.0, 4.9, 5.1]
AWKWARD += [float("nan"), float("inf"), -float("inf")]


def scan_columns(v: list[Edge], y: float, tol: float) -> tuple[float, ...]:
    xs: list[float] = []
    for x, top, bottom in v:
        if top - tol <= y <= bottom + tol and (not xs or x - xs[-1] > tol):
            xs.append(x)
    return tuple(xs)


def scan_cell(
    h: list[Edge], v: list[Edge], x0: float, top: float, x1: float, bottom: float, tol: float
) -> tuple[object, ...] | None:
    """Rulings.cell_at as a scan over every rule."""
    if not v:
        return None
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    left = right = None
    for x, a, b in v:
        if a - tol <= cy <= b + tol:
            if x <= x0 + tol and (left is None or x > left[0]):
                left = (x, a, b)
            if x >= x1 - tol and (right is None or x < right[0]):
                right = (x, a, b)
    if left is None or right is None:
        return None
    spans = [y for y, a, b in h if a - tol <= cx <= b + tol]
    upper = max((y for y in spans if y <= top + tol), default=None)
    lower = min((y for y in spans if y >= bottom - tol), default=None)
    cell_top = upper if upper is not None else max(left[1], right[1])
    cell_bottom = lower if lower is not None else min(left[2], right[2])
    return (left[0], cell_top, right[0], cell_bottom, scan_columns(v, cy, tol))


def value(rng: random.Random) -> float:
    if rng.random() < 0.3:
        return rng.choice(AWKWARD)
    return round(rng.uniform(-5, 120), rng.choice([0, 1, 3]))


def test_cells_and_columns_are_those_of_a_plain_scan() -> None:
    rng = random.Random(13)
    for _ in range(1500):
        h = [(value(rng), value(rng), value(rng)) for _ in range(rng.randint(0, 12))]
        v = [(value(rng), value(rng), value(rng)) for _ in range(rng.randint(0, 12))]
        rulings = Rulings(PageData(100.0, 100.0, [], h, v, []), RULES)
        for _ in range(20):
            box = (value(rng), value(rng), value(rng), value(rng))
            cell = rulings.cell_at(*box)
            found = (
                None if cell is None else (cell.x0, cell.top, cell.x1, cell.bottom, cell.columns)
            )
            expected = scan_cell(rulings.h, rulings.v, *box, rulings.tol)
            assert repr(found) == repr(expected), (h, v, box)  # repr: -0.0 is not 0.0
            y = value(rng)
            assert repr(rulings.columns_at(y)) == repr(scan_columns(rulings.v, y, rulings.tol))


def test_a_cell_key_is_its_box_to_a_tenth_of_a_point() -> None:
    v = [(50.0, 0.0, 200.0), (150.26, 0.0, 200.0), (400.0, 0.0, 200.0)]
    h = [(20.04, 0.0, 500.0), (80.0, 0.0, 500.0)]
    rulings = Rulings(PageData(600.0, 800.0, [], h, v, []), RULES)
    cell = rulings.cell_at(60.0, 30.0, 100.0, 40.0)
    assert cell is not None
    assert cell.key == (50.0, 20.0, 150.3, 80.0)
    assert rulings.cell_at(70.0, 50.0, 90.0, 60.0) is cell  # one Cell for the words of a cell


def test_rules_at_zero_and_minus_zero_keep_their_page_order() -> None:
    """0.0 and -0.0 are equal but not written alike: the first one in page order counts,
    as in a scan, and a cell at one is not the cell at the other."""
    v = [(0.0, -10.0, 100.0), (50.0, -10.0, 100.0)]
    words = [(5.0, 5.0, 15.0, 10.0), (35.0, 5.0, 45.0, 10.0)]  # under the first, second rule
    for h in (
        [(-0.0, 0.0, 50.0), (0.0, 0.0, 50.0), (80.0, 0.0, 50.0)],
        [(0.0, 0.0, 50.0), (-0.0, 0.0, 50.0), (80.0, 0.0, 50.0)],
        [(-0.0, 0.0, 20.0), (0.0, 20.0, 50.0), (80.0, 0.0, 50.0)],
        [(0.0, 0.0, 20.0), (-0.0, 20.0, 50.0), (80.0, 0.0, 50.0)],
    ):
        rulings = Rulings(PageData(100.0, 100.0, [], h, v, []), RULES)
        for box in words:
            cell = rulings.cell_at(*box)
            assert cell is not None
            found = (cell.x0, cell.top, cell.x1, cell.bottom, cell.columns)
            assert repr(found) == repr(scan_cell(rulings.h, rulings.v, *box, rulings.tol)), h
