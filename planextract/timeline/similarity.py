"""How much a piece of timeline text says the same as a text of an action (0-100)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from operator import mul

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel
from rapidfuzz.process import extract_iter
from rapidfuzz.utils import default_process

from planextract.models.plan import Action
from planextract.models.record import record
from planextract.rules.timeline import ReferenceWeights
from planextract.timeline.float32 import Matrix, f32, f32_list, zeros


def similarity(a: str, b: str) -> float:
    """One pair; see ``similarity_matrix``."""
    return similarity_matrix([a], [b])[0][0]


# Pairs scored, remembered while one plan's timeline is built: a row's cells are compared
# with the same references for every reading of the row, and the cells of a column with
# every action (~40 % of the pairs of the Kemp en Duin plan are repeats). Bounded, so a
# hostile timeline cannot grow it without end.
_MAX_REMEMBERED = 50_000


def _cover_factor(q_words: int, c_words: int) -> float:
    """0.5 + 0.5 x sqrt(shorter / longer word count), in single precision."""
    cover = f32(math.sqrt(f32(min(q_words, c_words) / max(q_words, c_words, 1))))
    return f32(0.5 + 0.5 * cover)


def _cover_factors(q_words: int, counts: Sequence[int]) -> list[float]:
    """`_cover_factor` of each count, each step rounded for all counts at once (one
    array conversion instead of a struct round trip per value): the same values."""
    shares = f32_list([min(q_words, c) / max(q_words, c, 1) for c in counts])
    covers = f32_list([math.sqrt(share) for share in shares])
    return f32_list([0.5 + 0.5 * cover for cover in covers])


# Cover factors by the query's word count, then the choice's: a bounded table.
_MAX_FACTORS = 4096


@lru_cache(maxsize=256)
def _factors(q_words: int) -> dict[int, float]:
    return {}


def _factor_list(q_words: int, counts: Sequence[int]) -> list[float]:
    """The cover factor of a query of `q_words` words with choices of `counts` words; the
    counts not met yet in this plan are computed together."""
    known = _factors(q_words)
    missing = sorted({c for c in counts if c not in known})
    if missing:
        if len(known) + len(missing) > _MAX_FACTORS:  # bounded for hostile text
            known.clear()  # and every count of this call is computed again
            missing = sorted(set(counts))
        known.update(zip(missing, _cover_factors(q_words, missing), strict=True))
    return [known[c] for c in counts]


# (processed text, its words sorted, word count, its set of words, its distinct words
#  sorted, whether a word repeats)
Text = tuple[str, str, int, frozenset[str], str, bool]


class _Scorer:
    """Texts as the scorers need them and scored pairs, remembered within one plan."""

    def __init__(self) -> None:
        self.texts: dict[str, Text] = {}
        # processed query -> processed choice -> score: one lookup per pair, no key tuples
        self.pairs: dict[str, dict[str, float]] = {}
        self.n_pairs = 0

    def forget(self) -> None:
        self.texts.clear()
        self.pairs.clear()
        self.n_pairs = 0

    def text(self, raw: str) -> Text:
        """(processed, its words sorted, word count, its set of words, its distinct words
        sorted, whether a word repeats): `fuzz.token_sort_ratio` is the ratio of the
        sorted words, so each text is sorted once instead of once per pair."""
        found = self.texts.get(raw)
        if found is None:
            if len(self.texts) >= _MAX_REMEMBERED:
                self.texts.clear()
            processed = default_process(raw)
            words = processed.split()
            distinct = frozenset(words)
            found = self.texts[raw] = (
                processed,
                " ".join(sorted(words)),
                len(words),
                distinct,
                " ".join(sorted(distinct)),
                len(distinct) != len(words),
            )
        return found

    def matrix(self, qs: list[Text], cs: list[Text]) -> Matrix:
        """Each query against every choice; the pairs not scored yet are scored at once
        per query, a repeated choice once."""
        pairs = self.pairs
        by_key = {c[0]: c for c in cs}
        wanted = by_key.keys()
        keys = [c[0] for c in cs]
        out: Matrix = []
        for q in qs:
            if self.n_pairs >= _MAX_REMEMBERED:
                pairs.clear()
                self.n_pairs = 0
            row = pairs.get(q[0])
            if row is None:
                row = pairs[q[0]] = {}
            # one subset test of the keys where every pair is known already
            fresh = [] if wanted <= row.keys() else [c for k, c in by_key.items() if k not in row]
            if fresh:
                row.update(zip([c[0] for c in fresh], _scores(q, fresh), strict=True))
                self.n_pairs += len(fresh)
            out.append(list(map(row.__getitem__, keys)))
        return out


def _scores(q: Text, cs: list[Text]) -> list[float]:
    """max(ratio, token sort ratio, token set ratio x cover factor) in single precision.
    Rounding keeps the order of values, so the single-precision maximum is the rounded
    maximum; the token set ratio, the costly one, is asked only where it can beat the
    other two. `extract_iter` scores a query against many choices with the query prepared
    once, and gives the very scores of one call per pair, in the order of the choices
    (no score cutoff: a token set ratio under one could not have raised the maximum).

    The token set ratio depends on the sets of words only (rapidfuzz splits both texts
    on whitespace and compares the sets): it is asked of the distinct words, sorted,
    which rapidfuzz splits, sorts and dedupes faster (~10 %) to the very same sets.
    Processed text holds no whitespace but spaces, so str.split gives rapidfuzz's
    words.

    Two texts without a common word, neither repeating one, have a token set ratio equal
    to their token sort ratio (the sorted words are all that differ), which the cover
    factor only lowers when the word counts differ: asked only when the factor is 1.
    Where it is asked of two such texts it is `_disjoint_token_set_ratios`."""
    text, sorted_words, n_words, words, distinct, repeats = q
    plain = extract_iter(text, [c[0] for c in cs], scorer=fuzz.ratio, processor=None)
    resorted = extract_iter(sorted_words, [c[1] for c in cs], scorer=fuzz.ratio, processor=None)
    best = [a[1] if a[1] >= b[1] else b[1] for a, b in zip(plain, resorted, strict=True)]
    factors = _factor_list(n_words, [c[2] for c in cs])
    ask: list[int] = []  # with a common word: rapidfuzz's token set ratio
    apart: list[int] = []  # without one: its value from the distance of the words
    for i, c in enumerate(cs):
        factor = factors[i]
        if best[i] >= 100.0 * factor:
            continue
        if not words.isdisjoint(c[3]):
            ask.append(i)
        elif factor == 1.0 or repeats or c[5]:
            apart.append(i)
    if ask:
        token_set = extract_iter(
            distinct, [cs[i][4] for i in ask], scorer=fuzz.token_set_ratio, processor=None
        )
        _raise(best, ask, [score for _, score, _ in token_set], factors)
    if apart:
        _raise(
            best, apart, _disjoint_token_set_ratios(distinct, [cs[i][4] for i in apart]), factors
        )
    return f32_list(best)


def _raise(best: list[float], where: list[int], scores: list[float], factors: list[float]) -> None:
    """best[i] = max(best[i], token set ratio x cover factor), the ratio in single
    precision (rounded at once, not per pair)."""
    for i, score in zip(where, f32_list(scores), strict=True):
        weighted = score * factors[i]
        if weighted > best[i]:
            best[i] = weighted


def _disjoint_token_set_ratios(query: str, choices: list[str]) -> list[float]:
    """rapidfuzz's token set ratio of texts (distinct words, sorted) without a common
    word: its intersection is empty, so it is its Indel distance of the two word lists
    joined, normalised by their lengths (fuzz_py.token_set_ratio, no cutoff): one
    distance each, not a split, sort and set decomposition per pair. No words: 0."""
    if not query:
        return [0.0] * len(choices)
    n = len(query)
    return [
        (100 - 100 * dist / (n + len(choice))) if choice else 0.0
        for choice, dist, _ in extract_iter(query, choices, scorer=Indel.distance, processor=None)
    ]


_SCORER = _Scorer()


def forget_pairs() -> None:
    """Drop the remembered texts and pairs (after each plan: memory stays bounded, and each
    plan costs what it costs on its own)."""
    _SCORER.forget()
    _factors.cache_clear()


def similarity_matrix(queries: Sequence[str], choices: Sequence[str]) -> Matrix:
    """Pairwise similarity, 0-100, of short texts (cells, titles, milestones), queries x
    choices, in single precision.

    The best of: edit similarity (near-identical wording), the same words in another order,
    and the words of one contained in the other. Containment is discounted by how much of
    the longer text the shorter one covers, so that a one-word milestone ('Overleg') does
    not claim every cell that mentions it.
    """
    if not queries or not choices:
        return zeros(len(queries), len(choices))
    text = _SCORER.text
    return _SCORER.matrix([text(q) for q in queries], [text(c) for c in choices])


@record(frozen=True, slots=True)
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


@record(slots=True)
class ColumnScores:
    """Best weighted similarity of each query with each column, and which reference gave it."""

    scores: Matrix  # queries x columns
    best_ref: list[list[Reference | None]]


def column_scores(queries: Sequence[str], columns: Sequence[Sequence[Reference]]) -> ColumnScores:
    flat = [r for refs in columns for r in refs]
    sims = similarity_matrix(queries, [r.text for r in flat])
    weights = f32_list([r.weight for r in flat])
    spans: list[tuple[int, int, Sequence[Reference]]] = []  # each column's refs in `flat`
    start = 0
    for j, refs in enumerate(columns):
        if refs:
            spans.append((j, start, refs))
        start += len(refs)
    scores = zeros(len(queries), len(columns))
    best: list[list[Reference | None]] = [[None] * len(columns) for _ in queries]
    for q, row in enumerate(sims):
        weighted = f32_list(map(mul, row, weights))
        q_scores, q_best = scores[q], best[q]
        for j, first, refs in spans:
            block = weighted[first : first + len(refs)]
            top = max(block)
            q_scores[j] = top
            q_best[j] = refs[block.index(top)]  # the first best, as argmax gives
    return ColumnScores(scores=scores, best_ref=best)
