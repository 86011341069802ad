"""The enrichment tokenizer looks special cases up by an anchor's context (a few
characters around it) instead of by each of its windows: the same windows at every
anchor of both sample plans, and the same special cases needed for every line."""

from __future__ import annotations

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

pytest.importorskip("spacy")

from planextract.enrich import tokenizer


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in (KEMP_TXT, ELZOH_TXT)]


def test_a_context_holds_the_anchors_windows() -> None:
    for text in [*_texts(), "", ".", "a.", ".a", "ab.c", "'s-Hertogenbosch"]:
        squashed = "".join(text.split())
        for m in tokenizer._ANCHOR.finditer(squashed):
            at = m.start()
            expected = tokenizer._windows(squashed, at)
            assert tokenizer._windows(*tokenizer._context(squashed, at)) == expected


def test_needed_as_by_windows() -> None:
    from spacy.lang.nl import Dutch

    from planextract.enrich.nlp import pipeline
    from planextract.rules.profile import load_profile

    base = pipeline(load_profile().reflow).tokenizer
    lazy = tokenizer.LazySpecialsTokenizer.like(base, Dutch.Defaults.tokenizer_exceptions)
    for text in _texts():
        for line in [text, *text.splitlines()]:
            squashed = "".join(line.split())
            windows = {
                w
                for m in tokenizer._ANCHOR.finditer(squashed)
                for w in tokenizer._windows(squashed, m.start())
            }
            by_windows = {k for w in windows for k in lazy._by_anchor.get(w, ()) if k in squashed}
            plain = {k for k in lazy._plain if k in line or k in squashed}
            assert lazy.needed(line) == sorted(by_windows | plain), line
