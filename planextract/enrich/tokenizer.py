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
(tests/test_lazy_tokenizer.py compares both on the samples and on every special case).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from planextract.enrich.doc_text import keep_text

SpecialCases = Mapping[str, Iterable[Mapping[Any, Any]]]


# Nearly every special case holds a character that is not a letter or digit ("bijv.",
# ":-)"): each is looked for only where the text has its first such character with the
# same characters around it, up to two before and one after ("jv." of "bijv.", "r.a" of
# "r.a.b.g."). A special case occurring in the text has its anchor at one of the text's
# anchors with those neighbours, so none is missed; the window keeps the candidates few
# (the anchor and the character before it alone gave ~37 per anchor, "r." 303).
_ANCHOR = re.compile(r"[\W_]")
_BEFORE, _AFTER = 2, 1


def _anchor_window(key: str) -> str | None:
    found = _ANCHOR.search(key)
    if found is None:
        return None
    at = found.start()
    return key[max(0, at - _BEFORE) : at + 1 + _AFTER]


def _windows(text: str, at: int) -> list[str]:
    """The windows a special case with its anchor at `at` can have."""
    return [
        text[at - before : at + 1 + after]
        for before in range(min(at, _BEFORE) + 1)
        for after in range(min(len(text) - at - 1, _AFTER) + 1)
    ]


def _context(text: str, at: int) -> tuple[str, int]:
    """The characters every window of the anchor at `at` lies in, and the anchor's place
    among them: `_windows(text, at)` is `_windows(*_context(text, at))`."""
    start = max(0, at - _BEFORE)
    return text[start : at + 1 + _AFTER], at - start


# Contexts seen -> the special cases their windows name: a text's anchors mostly repeat
# the same few ('e. ', 'n, '). Bounded: cleared when full.
_MAX_CONTEXTS = 16_384


class LazySpecialsTokenizer(Tokenizer):  # type: ignore[misc]
    """`Tokenizer` whose special cases wait in `_pending` until a text can use them."""

    def __init__(self, vocab: Vocab, special_cases: SpecialCases, **settings: Any) -> None:
        super().__init__(vocab, rules={}, **settings)
        self._pending: dict[str, Iterable[Mapping[Any, Any]]] = dict(special_cases)
        self._plain: list[str] = []  # whitespace, or letters and digits only ("xD")
        self._by_anchor: dict[str, list[str]] = {}
        self._by_context: dict[tuple[str, int], tuple[str, ...]] = {}
        for key in sorted(special_cases):
            window = _anchor_window(key) if "".join(key.split()) == key else None
            if window is None:
                self._plain.append(key)
            else:
                self._by_anchor.setdefault(window, []).append(key)

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
        pending, squashed = self._pending, "".join(text.split())
        found = {k for k in self._plain if k in pending and (k in text or k in squashed)}
        contexts = {_context(squashed, m.start()) for m in _ANCHOR.finditer(squashed)}
        for context in contexts:
            for k in self._named_by(context):
                if k in pending and k in squashed:
                    found.add(k)
        return sorted(found)

    def _named_by(self, context: tuple[str, int]) -> tuple[str, ...]:
        """The special cases whose window is one of the context's windows."""
        named = self._by_context.get(context)
        if named is None:
            if len(self._by_context) >= _MAX_CONTEXTS:
                self._by_context.clear()
            by_anchor = self._by_anchor  # (not set.intersection: it would walk the dict)
            named = self._by_context[context] = tuple(
                k for window in set(_windows(*context)) for k in by_anchor.get(window, ())
            )
        return named

    def load_for(self, text: str) -> None:
        for key in self.needed(text):
            self.add_special_case(key, self._pending.pop(key))

    def __call__(self, text: str) -> Doc:
        self.load_for(text)
        doc = super().__call__(text)
        keep_text(doc, text)
        return doc
