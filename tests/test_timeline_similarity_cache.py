"""Scored pairs remembered per query (timeline/similarity.py) give each pair the score it
gets alone, whatever was scored before it and in whichever order, on the real texts of
the Kemp en Duin timeline and actions."""

from __future__ import annotations

from planextract.models.plan import Plan
from planextract.timeline import similarity
from planextract.timeline.link import action_texts


def test_remembered_pairs_score_as_pairs_alone(kemp: Plan) -> None:
    assert kemp.timeline is not None
    cells = [c for t in kemp.timeline.tables for r in t.rows for c in r.cells if c]
    refs = [t for a in kemp.actions() for t in action_texts(a)]
    assert len(cells) > 30 and len(refs) > 30
    queries, choices = cells[:25], [*refs[:20], *refs[:5]]  # a repeated choice too
    similarity.forget_pairs()
    alone = [[similarity.similarity(q, c) for c in choices] for q in queries]
    similarity.forget_pairs()
    similarity.similarity_matrix(queries[::2], choices[::-3])  # part of the pairs first
    assert similarity.similarity_matrix(queries, choices) == alone
    assert similarity.similarity_matrix(queries, choices) == alone  # all remembered now
    similarity.forget_pairs()
    assert similarity._SCORER.pairs == {} and similarity._SCORER.n_pairs == 0
