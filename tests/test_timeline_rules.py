"""Timeline building blocks: month labels, layout evidence, assignment, row alignment."""

from __future__ import annotations

import itertools
import random

import pytest

from planextract.rules.timeline import INF, load_timeline_rules, word_boundary
from planextract.timeline.align import Unit, align_row, confidence
from planextract.timeline.assignment import max_assignment
from planextract.timeline.months import parse_month_label
from planextract.timeline.similarity import similarity

RULES = load_timeline_rules()


@pytest.mark.parametrize(
    ("text", "label", "months"),
    [
        ("Januari Bepalen of expertise", "Januari", [1]),
        ("januari", "januari", [1]),
        ("FEBRUARI  Stakeholders", "FEBRUARI", [2]),
        ("jan", "jan", [1]),
        ("sept. Vragenlijst", "sept.", [9]),
        ("Sept", "Sept", [9]),
        ("mrt", "mrt", [3]),
        ("okt", "okt", [10]),
        ("jan – maart overleg", "jan – maart", [1, 2, 3]),
        ("Januari-Maart", "Januari-Maart", [1, 2, 3]),
        ("september t/m december", "september t/m december", [9, 10, 11, 12]),
        ("Q1", "Q1", [1, 2, 3]),
        ("q4 Evaluatie", "q4", [10, 11, 12]),
        ("Kwartaal 2", "Kwartaal 2", [4, 5, 6]),
        ("eerste kwartaal", "eerste kwartaal", [1, 2, 3]),
        ("Derde kwartaal: bijsturen", "Derde kwartaal", [7, 8, 9]),
        ("3e kwartaal", "3e kwartaal", [7, 8, 9]),
    ],
)
def test_month_labels(text: str, label: str, months: list[int]) -> None:
    found = parse_month_label(text)
    assert found is not None
    assert found.text == label
    assert list(found.months) == months


@pytest.mark.parametrize(
    "text", ["Decreet", "Meivakantie", "Maand", "Marketing", "Q5", "Juniper", "", "Junior"]
)
def test_not_month_labels(text: str) -> None:
    assert parse_month_label(text) is None


def test_a_range_must_go_forward() -> None:
    label = parse_month_label("maart - januari")
    assert label is not None and list(label.months) == [3]  # the first month only


def boundary(**kw: object):
    args = {
        "same_line": True,
        "spaces": 1,
        "blank_before": False,
        "continuation": False,
        "open_end": False,
        "capitalised": True,
        "rules": RULES.layout,
    }
    args.update(kw)
    return word_boundary(**args)  # type: ignore[arg-type]


def test_layout_evidence_between_words() -> None:
    # One space before a lower-case word or after 'en': the same cell, surely.
    assert boundary(continuation=True, capitalised=False).cut == INF
    assert boundary(open_end=True).cut == INF
    assert boundary(capitalised=False).cut == INF  # 'Actie 1'
    # 'Inspiratiesessie Vragenlijst': may be two cells, at a cost.
    assert 0 < boundary().cut < INF
    # 'optimaliseren    Overleg': a new cell, two empty cells between.
    wide = boundary(spaces=4)
    assert wide.cut == 0 and wide.join > 0 and wide.empty_cells == 2
    # A plain line wrap to a lower-case word: the same cell; after a blank line it may be
    # the rest of an earlier cell (second pass).
    assert boundary(same_line=False, spaces=0, continuation=True).cut == INF
    resumed = boundary(same_line=False, spaces=0, blank_before=True, continuation=True)
    assert resumed.cut < INF and resumed.second_pass
    # A blank line before a capitalised word: a new cell; leading spaces count empty cells.
    blank = boundary(same_line=False, spaces=2, blank_before=True)
    assert blank.cut == 0 and blank.join > 0 and blank.empty_cells == 2


def test_assignment_is_optimal() -> None:
    rng = random.Random(7)
    for rows, cols in [(4, 4), (3, 5), (5, 3), (6, 6)]:
        scores = [[rng.randint(0, 100) for _ in range(cols)] for _ in range(rows)]
        chosen = max_assignment(scores)
        got = sum(scores[i][j] for i, j in enumerate(chosen) if j is not None)
        assert len({j for j in chosen if j is not None}) == min(rows, cols)
        if rows <= cols:
            best = max(
                sum(scores[i][p[i]] for i in range(rows))
                for p in itertools.permutations(range(cols), rows)
            )
        else:
            best = max(
                sum(scores[p[j]][j] for j in range(cols))
                for p in itertools.permutations(range(rows), cols)
            )
        assert got == best


def test_alignment_places_cells_left_to_right_with_gaps() -> None:
    # Three units, four columns: unit 0 fits column 0, unit 1 column 2, unit 2 column 3.
    fits = {0: 0, 1: 2, 2: 3}
    units = [Unit(0.0, 0.0, 0, False), Unit(0.0, 1.0, 1, False), Unit(0.0, 1.0, 0, False)]

    def affinity(u: int, v: int, k: int) -> float:
        return 2.0 if v == u + 1 and fits[u] == k else -0.5

    placed = align_row(units, 4, affinity, RULES.alignment)
    assert [(p.start, p.end, p.column) for p in placed] == [(0, 1, 0), (1, 2, 2), (2, 3, 3)]
    assert all(confidence(p.margin, RULES.alignment) > 0.9 for p in placed)


def test_alignment_without_evidence_is_a_toss_up() -> None:
    # One unit, two columns, nothing to choose between them: confidence 0.5.
    placed = align_row([Unit(0.0, 0.0, None, False)], 2, lambda u, v, k: 0.0, RULES.alignment)
    assert len(placed) == 1
    assert confidence(placed[0].margin, RULES.alignment) == pytest.approx(0.5)


def test_alignment_second_pass_resumes_an_earlier_cell() -> None:
    # 'zone en' | 'Actie 1 ...' | 'vertegenwoordigers ...': the third unit continues the
    # first cell (column 0), which column 1's cell interrupted.
    units = [
        Unit(0.0, 0.0, 0, False),
        Unit(0.0, 0.5, 0, False),
        Unit(0.5, 0.0, 0, True),
    ]
    fits = {0: 0, 1: 1, 2: 0}

    def affinity(u: int, v: int, k: int) -> float:
        if v != u + 1:
            return 0.0
        return 1.5 if fits[u] == k else -1.5

    placed = align_row(units, 3, affinity, RULES.alignment)
    assert [(p.start, p.column, p.second_pass) for p in placed] == [
        (0, 0, False),
        (1, 1, False),
        (2, 0, True),
    ]


def test_similarity_containment_is_discounted_for_short_texts() -> None:
    assert similarity("Vragenlijst opstellen", "Vragenlijst opstellen") == 100
    assert similarity("Valideren van vragenlijst", "Vragenlijst valideren") > 85
    # A one-word milestone inside a longer cell counts, but not fully.
    assert 60 < similarity("Overleg", "Overleg met GBO coördinator") < 90
