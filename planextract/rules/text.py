"""Text normalisation shared by every rule that compares document text with template text."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that the Word template and PDF exports use interchangeably.
_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u202f": " ",
        "\t": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        # invisible: a soft hyphen Word keeps from hyphenation, zero-width spaces and joiners
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s?:.!]+$")


MAX_NUMBER_DIGITS = 9  # a page, goal or year number longer than this is not one


def small_int(digits: str, max_digits: int = MAX_NUMBER_DIGITS) -> int | None:
    """int(digits), or None when it is longer than `max_digits`: a number read from a
    document is length-checked before conversion (5 000 digits hit Python's limit, and a
    page number of 10**18 would make page arithmetic meaningless)."""
    digits = digits.strip()
    if not digits or len(digits) > max_digits:
        return None
    try:
        return int(digits)
    except ValueError:
        return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """A font's ToUnicode map can name a UTF-16 surrogate (U+D800…U+DFFF), which is no
    character and cannot be written as UTF-8: it becomes U+FFFD, as text input does."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# Characters nobody sees: a soft hyphen Word keeps from hyphenation ('samen\u00adwerking'),
# zero-width spaces and joiners, the word joiner.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060]")


def clean_spaces(text: str) -> str:
    """Replace exotic spaces and tabs by plain spaces, drop invisible characters and trim
    the ends (keeps inner runs)."""
    text = (
        text.replace("\u00a0", " ")
        .replace("\u2007", " ")
        .replace("\u202f", " ")
        .replace("\t", " ")
        .replace("\ufeff", "")
    )
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    return text.strip()


# A Markdown export (pandoc, an editor's "save as .md") marks each heading with 1-6 '#'.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+(?=\S)")


def without_markdown_heading(text: str) -> str:
    """'## Operationele doelstelling 1.1 – …' -> 'Operationele doelstelling 1.1 – …': the
    heading marks of a Markdown export are layout, not the title ('#1' or '# ' alone is
    text)."""
    return _MARKDOWN_HEADING.sub("", text, count=1) if text.startswith("#") else text


# Bold or underlined-bold marks of a Markdown export around a line or its first words
# ('**Wat?**', '**Strategische doelstelling 1 – …' / '… goed bestuur**'): '**' or '__'
# that opens at the start of the line or closes at its end, the word touching the mark.
_EMPHASIS_OPEN = re.compile(r"^(\*\*|__)(?=\S)")
_EMPHASIS_CLOSE = re.compile(r"(?<=\S)(\*\*|__)$")


def without_markdown_emphasis(text: str) -> str:
    """'**Wat?**' -> 'Wat?', '**Wat?** Geef …' -> 'Wat? Geef …': the bold marks of a
    Markdown export are layout, not wording. A span opened at the start of the line loses
    its marks (the first closing mark after it too); a line that ends a span opened on an
    earlier line (an odd number of marks, the last one at its end) loses that last mark.
    Marks inside a line ('zie **hier**') stay: only the ends of a line are layout."""
    # The patterns can match only where the line starts or ends with a mark ('$' also
    # before a final newline): most lines are told by startswith/endswith.
    m = _EMPHASIS_OPEN.match(text) if text.startswith(("**", "__")) else None
    if m:
        mark = m.group(1)
        rest = text[2:]
        close = re.search(rf"(?<=\S){re.escape(mark)}", rest)
        if close:
            rest = rest[: close.start()] + rest[close.end() :]
        return rest
    if not text.endswith(("**", "__", "**\n", "__\n")):
        return text
    m = _EMPHASIS_CLOSE.search(text)
    if m and text.count(m.group(1)) % 2 == 1:
        return text[: m.start()].rstrip()
    return text


# Noise marking, page numbering, the table of contents and each rule of classify ask for
# the same lines collapsed: about twelve calls per distinct text. Only texts of a line's
# length are remembered (a hostile megabyte line is not kept for the next plans).
_REMEMBERED_CHARS = 1000


def collapse(text: str) -> str:
    """Single spaces between words, no surrounding space. The same as replacing the exotic
    spaces and collapsing runs of `\\s` (str.split splits on exactly the characters `\\s`
    matches), about five times cheaper; it runs about ten times per line."""
    if len(text) > _REMEMBERED_CHARS:
        return _collapse(text)
    return _collapse_remembered(text)


def _collapse(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").split())


_collapse_remembered = lru_cache(maxsize=8192)(_collapse)


@lru_cache(maxsize=65536)  # the same labels and prompts are compared many times
def norm(text: str) -> str:
    """Comparison key: lower case, unified quotes and dashes, single spaces, no final ?:.

    Used for label, prompt and heading matching only; output text keeps the document's
    own characters.
    """
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE).lower()
    text = _SPACES.sub(" ", text).strip()
    text = re.sub(r"\s+([?:.!,])", r"\1", text)
    return _TRAILING.sub("", text)


def starts_lowercase(text: str) -> bool:
    """True when the first letter-like character is a lower-case letter."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False
