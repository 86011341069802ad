"""Named rules for sentence boundaries inside list answers written without bullets."""

from __future__ import annotations

from planextract.rules.profile import ReflowRule
from planextract.rules.reflow import ends_open
from planextract.rules.text import starts_lowercase


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


def can_start_item(line: str) -> bool:
    """Items of a list answer do not start in lower case (that is a wrapped line)."""
    return not starts_lowercase(line)
