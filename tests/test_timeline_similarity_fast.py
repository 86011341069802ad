"""The short cuts of timeline/similarity.py give the plain computation's values: the
token set ratio asked of a text's distinct words sorted, the cover factors rounded all at
once, and the columns' best reference, on the lines of both sample plans."""

from __future__ import annotations

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from planextract.timeline import similarity
from planextract.timeline.float32 import argmax, f32_list, zeros
from planextract.timeline.similarity import Reference


def _texts() -> list[str]:
    out: list[str] = []
    for path in (KEMP_TXT, ELZOH_TXT):
        out.extend(t for t in path.read_text(encoding="utf-8").splitlines() if t.strip())
    return out


TEXTS = _texts()


def test_token_set_ratio_of_the_distinct_words_sorted() -> None:
    scorer = similarity._Scorer()
    texts = [scorer.text(t) for t in TEXTS]
    assert len(texts) > 1500
    assert sum(t[5] for t in texts) > 100  # lines that repeat a word
    others = texts[::37]
    for q in texts:
        for c in others:
            assert fuzz.token_set_ratio(q[4], c[4]) == fuzz.token_set_ratio(q[0], c[0]), (q, c)


def test_token_set_ratio_of_texts_without_a_common_word() -> None:
    scorer = similarity._Scorer()
    texts = [scorer.text(t) for t in [*TEXTS, "", "-", "a a", "b"]]
    others = texts[::23] + texts[-4:]
    pairs = 0
    for q in texts:
        apart = [c[4] for c in others if q[3].isdisjoint(c[3])]
        expected = [fuzz.token_set_ratio(q[0], c) for c in apart]
        assert similarity._disjoint_token_set_ratios(q[4], apart) == expected, q
        pairs += len(apart)
    assert pairs > 50_000


def test_distinct_words_are_rapidfuzz_words() -> None:
    for raw in TEXTS:
        processed = default_process(raw)
        assert similarity._Scorer().text(raw)[4] == " ".join(sorted(set(processed.split())))
        assert all(not ch.isspace() or ch == " " for ch in processed)


def test_cover_factors_at_once_are_each_alone() -> None:
    counts = list(range(0, 400))
    for q_words in range(0, 120):
        alone = [similarity._cover_factor(q_words, c) for c in counts]
        assert similarity._cover_factors(q_words, counts) == alone
    similarity.forget_pairs()
    assert similarity._factor_list(7, [3, 7, 3, 90]) == [
        similarity._cover_factor(7, c) for c in (3, 7, 3, 90)
    ]


def _plain_column_scores(
    queries: list[str], columns: list[list[Reference]]
) -> tuple[list[list[float]], list[list[Reference | None]]]:
    """column_scores as it was written first: argmax over each column's block."""
    flat = [r for refs in columns for r in refs]
    sims = similarity.similarity_matrix(queries, [r.text for r in flat])
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
    return scores, best


def test_column_scores_as_the_plain_argmax() -> None:
    weights = (1.0, 0.9, 0.8, 0.7)
    refs = [Reference(t, weights[i % 4], "step") for i, t in enumerate(TEXTS[5::41])]
    # columns of different sizes, an empty one, a repeated text (a tie for the first best)
    columns = [refs[:3], [], refs[3:10], [refs[10], refs[10], refs[11]], refs[12:30]]
    queries = TEXTS[::29]
    similarity.forget_pairs()
    found = similarity.column_scores(queries, columns)
    scores, best = _plain_column_scores(queries, columns)
    assert found.scores == scores
    assert [[id(r) for r in row] for row in found.best_ref] == [
        [id(r) for r in row] for row in best
    ]
    similarity.forget_pairs()


def test_factor_table_cleared_when_full_still_gives_every_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bounded table is cleared when the new counts would overflow it: the counts it
    held before (and the call still asks) are computed again, not looked up (KeyError)."""
    monkeypatch.setattr(similarity, "_MAX_FACTORS", 4)
    similarity.forget_pairs()
    held = [1, 2, 3]
    assert similarity._factor_list(2, held) == [similarity._cover_factor(2, c) for c in held]
    counts = [1, 5, 6]  # 1 was held; 5 and 6 overflow the table of 4
    assert similarity._factor_list(2, counts) == [similarity._cover_factor(2, c) for c in counts]
    similarity.forget_pairs()
