"""Named rules for sentence boundaries inside list answers written without bullets.

The vocabulary (Dutch function words, abbreviations) is data in `sentences_nl.toml`.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from functools import cache

from planextract.models.record import record
from planextract.rules.files import rules_text
from planextract.rules.profile import ReflowRule
from planextract.rules.reflow import ends_open
from planextract.rules.text import starts_lowercase

_FIRST_WORD = re.compile(r"\w+")


@record(frozen=True, slots=True)
class SentenceWords:
    sentence_end: str
    closing: str
    opening: str
    function_words: frozenset[str]
    abbreviations: frozenset[str]


@cache
def sentence_words() -> SentenceWords:
    text = rules_text("sentences_nl.toml")
    data = tomllib.loads(text)
    return SentenceWords(
        sentence_end=data["sentence_end"],
        closing=data["closing"],
        opening=data["opening"],
        function_words=frozenset(data["function_words"]),
        abbreviations=frozenset(data["abbreviations"]),
    )


def ends_with_full_stop(line: str, words: SentenceWords) -> bool:
    """Rule 'sentence end': the line ends in '.', '!' or '?' (closing brackets and quotes
    may follow), and not in an abbreviation ('bv.', 'o.a.', 'i.s.m.')."""
    stripped = line.rstrip().rstrip(words.closing)
    if not stripped or stripped[-1] not in words.sentence_end:
        return False
    if stripped[-1] != ".":
        return True
    last = stripped.rsplit(None, 1)[-1].lstrip(words.opening).casefold()
    return last not in words.abbreviations


def has_sentence_end_inside(text: str) -> bool:
    """Rule 'more than one sentence': a full stop that is not an abbreviation's, inside
    the text, before a capitalised word ('… Tienen Noord). Deze dient …')."""
    words = sentence_words()
    parts = text.split()
    return any(
        nxt[:1].isupper() and ends_with_full_stop(word, words)
        for word, nxt in itertools.pairwise(parts)
    )


def opens_sentence_at_line(
    line_before: str, first_word: str, *, is_function_word: bool, rule: ReflowRule
) -> bool:
    """A line break before a capitalised function word is a sentence boundary.

    Inside a sentence Dutch capitalises names only; function words (determiners, pronouns,
    conjunctions: "Enkele", "We", "De") are capitalised only when they open a sentence.
    So "…op gemeente- en stadsniveau / Enkele speerpunten pitchen…" holds two sentences
    even without a full stop, while "…de intersectorale medewerker / Opgroeien en…" does
    not (a name). A line ending open ("…met de", "…VAPH en") always goes on.
    """
    if not first_word[:1].isupper() or not first_word[1:2].islower():
        return False
    return is_function_word and not ends_open(line_before, rule)


def sentence_starts_at_line(line_before: str, line: str, rule: ReflowRule) -> bool:
    """A sentence begins at the start of `line`: the line before ended one, or the line
    opens with a capitalised function word after a line that does not run on."""
    words = sentence_words()
    if ends_with_full_stop(line_before, words):
        return True
    m = _FIRST_WORD.match(line)
    if m is None:
        return False
    first = m.group(0)
    return opens_sentence_at_line(
        line_before, first, is_function_word=first.casefold() in words.function_words, rule=rule
    )


def can_start_item(line: str) -> bool:
    """Items of a list answer do not start in lower case (that is a wrapped line)."""
    return not starts_lowercase(line)
