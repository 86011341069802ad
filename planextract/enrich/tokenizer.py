"""A spaCy tokenizer that loads its special cases only for text that can use them.

Building `spacy.blank("nl")` spends about a second loading the tokenizer's 4 670 special
cases ("bijv.", "o.a.", ":-)"), each making lexemes through Python attribute getters; a
plan's text uses a few dozen of them. A special case can only change how a text is
tokenized if its string occurs in that text: the exact-string lookup needs it as a
substring, and the matcher for special cases with affixes needs its tokens consecutive,
that is the string with at most whitespace between its pieces. So before each text is
tokenized, the special cases whose string (none holds whitespace but the four whitespace
ones) occurs in the text with its whitespace removed are loaded, in spaCy's own order
(sorted). The result is the same tokenization as with all of them loaded
(tests/test_enrich.py compares both on the samples).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

SpecialCases = Mapping[str, Iterable[Mapping[Any, Any]]]


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


class LazySpecialsTokenizer(Tokenizer):  # type: ignore[misc]
    """`Tokenizer` whose special cases wait in `pending` until a text can use them."""

    def __init__(self, vocab: Vocab, special_cases: SpecialCases, **settings: Any) -> None:
        super().__init__(vocab, rules={}, **settings)
        self._spaces = sorted(k for k in special_cases if not "".join(k.split()))
        self._pending: dict[str, Iterable[Mapping[Any, Any]]] = dict(special_cases)
        # the other strings by their first two characters (one-character strings apart)
        self._by_start: dict[str, list[str]] = {}
        self._single: set[str] = set()
        for key in special_cases:
            if key in self._spaces:
                continue
            if len(key) == 1:
                self._single.add(key)
            else:
                self._by_start.setdefault(key[:2], []).append(key)

    @classmethod
    def like(cls, base: Tokenizer, special_cases: SpecialCases) -> LazySpecialsTokenizer:
        """The same affix rules as `base` (regexes compiled once), `special_cases` lazily."""
        return cls(
            base.vocab,
            special_cases,
            prefix_search=base.prefix_search,
            suffix_search=base.suffix_search,
            infix_finditer=base.infix_finditer,
            token_match=base.token_match,
            url_match=base.url_match,
            faster_heuristics=base.faster_heuristics,
        )

    def needed(self, text: str) -> list[str]:
        """Pending special cases that `text` can use, in spaCy's load order."""
        if not self._pending:
            return []
        squashed = "".join(text.split())
        found = [k for k in self._spaces if k in text and k in self._pending]
        found += [k for k in self._single.intersection(squashed) if k in self._pending]
        for start in _bigrams(squashed).intersection(self._by_start):
            found += [k for k in self._by_start[start] if k in self._pending and k in squashed]
        return sorted(found)

    def load_for(self, text: str) -> None:
        for key in self.needed(text):
            self.add_special_case(key, self._pending.pop(key))

    def __call__(self, text: str) -> Doc:
        self.load_for(text)
        return super().__call__(text)
