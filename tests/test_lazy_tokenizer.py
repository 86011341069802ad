"""The enrichment tokenizer loads Dutch's special cases only when a text can use them;
it must tokenize exactly as a tokenizer with all 4 670 of them loaded."""

from __future__ import annotations

import random
from functools import cache
from typing import Any

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

pytest.importorskip("spacy")


@cache
def _lazy_and_full() -> tuple[Any, Any]:
    from spacy.lang.nl import Dutch

    from planextract.enrich.nlp import _plan_dutch, pipeline
    from planextract.rules.profile import load_profile

    plan_dutch = _plan_dutch()

    class FullDefaults(plan_dutch.Defaults):  # type: ignore[name-defined,misc]
        tokenizer_exceptions = Dutch.Defaults.tokenizer_exceptions

    class Full(plan_dutch):  # type: ignore[valid-type,misc]
        Defaults = FullDefaults

    return pipeline(load_profile().reflow), Full()


def _tokens(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.whitespace_, t.idx, t.norm_, t.lower_, t.is_stop, t.like_num) for t in doc]


def _pieces(text: str) -> list[str]:
    return [text, *text.split("\n"), *text.split("\n\n")]


def test_sample_texts_tokenize_as_with_every_special_case() -> None:
    lazy, full = _lazy_and_full()
    for text in (p.read_text(encoding="utf-8") for p in (ELZOH_TXT, KEMP_TXT)):
        for piece in _pieces(text):
            assert _tokens(lazy.make_doc(piece)) == _tokens(full.make_doc(piece)), piece[:80]


def test_only_the_special_cases_a_text_uses_are_loaded() -> None:
    lazy, full = _lazy_and_full()
    assert len(full.tokenizer.rules) == 4670
    words = [t.text for t in lazy.make_doc("zorg m.b.t. het netwerk, i.s.m. de huisartsen")]
    assert words == ["zorg", "m.b.t.", "het", "netwerk", ",", "i.s.m.", "de", "huisartsen"]
    lazy.make_doc(KEMP_TXT.read_text(encoding="utf-8"))
    loaded = set(lazy.tokenizer.rules)
    assert {"m.b.t.", "i.s.m."} <= loaded
    assert len(loaded) < 400  # a plan uses a few dozen (gazetteer patterns included)


def test_every_special_case_in_context_tokenizes_as_with_all_loaded() -> None:
    """Each special case alone, inside brackets and quotes, glued to a word, next to
    another: the lazy tokenizer loads it exactly when it matters."""
    from spacy.lang.nl import Dutch

    lazy, full = _lazy_and_full()
    keys = sorted(Dutch.Defaults.tokenizer_exceptions)
    rnd = random.Random(7)
    contexts = ["{k}", "({k})", "x{k}", '"{k}".', "{k} {j}", "{k}-{j}", "{k}\n{j}", "{k}{j}"]
    for k in keys:
        j = rnd.choice(keys)
        for context in rnd.sample(contexts, 3):
            text = context.format(k=k, j=j)
            assert _tokens(lazy.make_doc(text)) == _tokens(full.make_doc(text)), repr(text)


def test_the_text_kept_beside_each_doc_is_the_docs_own_text() -> None:
    from spacy.tokenizer import Tokenizer

    from planextract.enrich.doc_text import doc_text

    lazy, _ = _lazy_and_full()
    for text in (p.read_text(encoding="utf-8") for p in (ELZOH_TXT, KEMP_TXT)):
        for piece in _pieces(text)[:400]:
            doc = lazy(piece)
            assert doc_text(doc) == doc.text == piece
    plain = Tokenizer(lazy.vocab)("Overleg met\nDe huisartsen")  # keeps no text beside it
    assert doc_text(plain) == "Overleg met\nDe huisartsen"
