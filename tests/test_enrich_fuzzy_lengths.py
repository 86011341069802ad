"""Fuzzy organisation names compared only with the gazetteer variants of a length that can
reach the ratio (enrich/orgs.py) find what a comparison with every variant finds, for
every run of one to four words of both real plans and near-misses of every variant."""

from __future__ import annotations

from conftest import ELZOH_TXT, KEMP_TXT
from rapidfuzz import fuzz, process

from planextract.enrich.orgs import OrgFinder, _fuzzy_choices, _squash
from planextract.rules.enrich import load_gazetteer
from planextract.rules.profile import load_profile


def _by_every_variant(text: str) -> str | None:
    g = load_gazetteer()
    key = _squash(text)
    if len(key) < g.fuzzy_min_length:
        return None
    choices = _fuzzy_choices(g)
    best = process.extractOne(key, list(choices), scorer=fuzz.ratio, score_cutoff=g.fuzzy_ratio)
    return choices[best[0]] if best else None


def test_fuzzy_names_by_length_are_those_by_every_variant() -> None:
    finder = OrgFinder(load_profile(None).reflow)
    texts: set[str] = set()
    for path in (KEMP_TXT, ELZOH_TXT):
        words = path.read_text(encoding="utf-8").split()
        for n in range(1, 5):
            texts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    for variant in _fuzzy_choices(load_gazetteer()):  # a letter left out, added, changed
        texts.update({variant[1:], variant + "s", "x" + variant[1:], variant[:-1] + "x"})
    found = 0
    for text in sorted(texts):
        want = _by_every_variant(text)
        assert finder.fuzzy(text) == want, text
        found += want is not None
    assert found > 300
