"""The timeline's scores in plain Python (timeline/float32.py) are the numpy float32 scores
they replace, value for value: the former numpy code is kept here as the reference and
both run on the real texts of the Kemp en Duin plan (action titles, 'Wat?' texts,
milestones, steps and its timeline's cells)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from planextract.models.plan import Plan
from planextract.rules.timeline import load_timeline_rules
from planextract.timeline import float32
from planextract.timeline.link import action_texts, cell_scores, title_scores
from planextract.timeline.similarity import Reference, column_scores, similarity_matrix
from planextract.timeline.text_cells import relative_scores


def np_similarity_matrix(queries: list[str], choices: list[str]) -> np.ndarray:
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


def np_relative_scores(scores: np.ndarray, weight: float) -> np.ndarray:
    if scores.shape[1] < 2:
        return weight * scores / 100.0
    order = np.sort(scores, axis=1)
    best, second = order[:, -1:], order[:, -2:-1]
    rival = np.where(scores >= best, second, best)
    return weight * (scores - rival) / 100.0


@pytest.fixture(scope="module")
def texts(kemp: Plan) -> dict[str, list[str]]:
    actions = kemp.actions()
    cells = [c for t in kemp.timeline.tables for r in t.rows for c in r.cells if c]
    return {
        "titles": [a.title for a in actions],
        "what": [a.what.text if a.what else "" for a in actions],
        "references": sorted({t for a in actions for t in action_texts(a)}),
        "cells": cells,
        "columns": [c.title for t in kemp.timeline.tables for c in t.columns],
    }


def test_the_plan_has_the_texts_the_comparison_needs(texts: dict[str, list[str]]) -> None:
    assert len(texts["titles"]) == 12 and len(texts["cells"]) >= 40
    assert "Stakeholders bepalen en uitnodigen" in texts["cells"]
    assert "Uitvoeren van kwalitatief onderzoek bij de PZON/burger" in texts["columns"]


def test_similarity_matrix_equals_numpy_float32(texts: dict[str, list[str]]) -> None:
    for queries, choices in [
        (texts["cells"], texts["references"]),
        (texts["columns"], texts["titles"]),
        (texts["columns"], texts["what"]),
        (texts["titles"], texts["cells"][:5]),
    ]:
        got = similarity_matrix(queries, choices)
        assert got == np_similarity_matrix(queries, choices).tolist()


def test_column_and_relative_scores_equal_numpy(texts: dict[str, list[str]]) -> None:
    rng = random.Random(7)
    refs = texts["references"]
    columns = [
        [
            Reference(t, w, "step")
            for t, w in zip(rng.sample(refs, 4), (1.0, 0.8, 0.6, 0.45), strict=True)
        ]
        for _ in range(5)
    ]
    scored = column_scores(texts["cells"], columns)
    flat = [r for col in columns for r in col]
    weighted = np_similarity_matrix(texts["cells"], [r.text for r in flat]) * np.array(
        [r.weight for r in flat], dtype=np.float32
    )
    blocks = weighted.reshape(len(texts["cells"]), len(columns), 4)
    assert scored.scores == blocks.max(axis=2).tolist()
    assert [[r.text for r in row] for row in scored.best_ref] == [
        [columns[j][int(k)].text for j, k in enumerate(row)] for row in blocks.argmax(axis=2)
    ]
    for weight in (2.0, 0.35, 1 / 3):
        got = relative_scores(scored.scores, weight)
        want = np_relative_scores(np.array(scored.scores, dtype=np.float32), weight)
        assert got == want.tolist()


def test_title_and_cell_scores_equal_numpy(kemp: Plan, texts: dict[str, list[str]]) -> None:
    rules = load_timeline_rules().linking
    actions = kemp.actions()
    by_title = np_similarity_matrix(texts["columns"], texts["titles"])
    by_what = np_similarity_matrix(texts["columns"], texts["what"])
    want = np.maximum(by_title, rules.what_weight * by_what)
    assert title_scores(texts["columns"], actions, rules) == want.tolist()

    rng = random.Random(3)
    column_cells = [rng.sample(texts["cells"], n) for n in (0, 1, 3, 9, 17)]
    want_cells = np.zeros((len(column_cells), len(actions)), dtype=np.float32)
    flat = [c for cells in column_cells for c in cells]
    starts = np.cumsum([0, *(len(c) for c in column_cells)])
    for a, action in enumerate(actions):
        best = np_similarity_matrix(flat, action_texts(action)).max(axis=1)
        for c, cells in enumerate(column_cells):
            if cells:
                want_cells[c, a] = float(best[starts[c] : starts[c + 1]].mean())
    assert cell_scores(column_cells, actions) == want_cells.tolist()


@pytest.mark.parametrize("n", [*range(1, 40), 127, 128, 129, 255, 256, 257, 1000])
def test_mean_is_numpys_float32_mean(n: int) -> None:
    rng = random.Random(n)
    values = float32.f32_list(rng.uniform(0, 100) for _ in range(n))
    assert float32.mean(values) == float(np.array(values, dtype=np.float32).mean())


def test_f32_rounds_as_numpy_and_overflows_to_infinity() -> None:
    values = [0.1, 1 / 3, 99.99999, 2.5e-45, -7.3, 3.4028235e38]
    assert [float32.f32(v) for v in values] == np.array(values, dtype=np.float32).tolist()
    assert float32.f32_list(values) == np.array(values, dtype=np.float32).tolist()
    assert float32.f32(1e39) == math.inf and float32.f32(-1e39) == -math.inf


def test_argmax_takes_the_first_of_equal_values() -> None:
    assert float32.argmax([1.0, 3.0, 2.0, 3.0]) == int(np.argmax([1.0, 3.0, 2.0, 3.0])) == 1


def test_scored_pairs_are_remembered_within_one_plan_only(kemp: Plan) -> None:
    from conftest import KEMP_TXT

    from planextract.pipeline import extract_file
    from planextract.timeline import similarity

    plan = extract_file(KEMP_TXT, enrich=False).plan
    assert plan.timeline is not None and plan.timeline.tables
    assert similarity._SCORER.pairs == {} and similarity._SCORER.texts == {}
    # the same scores with the pairs remembered as without
    cells = [c for t in kemp.timeline.tables for r in t.rows for c in r.cells if c]
    first = similarity_matrix(cells, cells)
    assert similarity_matrix(cells, cells) == first == np_similarity_matrix(cells, cells).tolist()
    similarity.forget_pairs()
