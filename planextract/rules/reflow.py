"""Named rules that decide how wrapped lines join into paragraphs."""

from __future__ import annotations

import re

from planextract.rules.profile import ReflowRule
from planextract.rules.text import starts_lowercase

# A raw line ending in a hyphen with no space after it wraps inside a word or compound
# ("vzw-" + "verplichtingen" -> "vzw-verplichtingen", "en -" + "plan" -> "en -plan"):
# joined without a space, the hyphen kept. "zorg- " + "en/of" keeps its space.
_GLUED_HYPHEN = re.compile(r"[-‐‑]$")
_ELLIPSIS_WORDS = ("en ", "of ", "en/of ", "tot ")
# A word cut at its hyphen at the end of a line ('In-' / 'Zicht', 'zorg-' / 'en welzijn').
_WORD_CUT = re.compile(r"\w[-‐‑]$")


_GLUED_DASH = re.compile(r"^[-‐‑–—][^\W\d_]")


def is_glued_dash(text: str) -> bool:
    """'-plan': a dash glued to a word; at the start of a wrapped line it ends a compound
    ('communicatiebeleid en -plan') rather than marking a list item."""
    return bool(_GLUED_DASH.match(text.lstrip()))


def is_compound_break(raw_prev: str) -> bool:
    """The previous raw line ends in a hyphen with no trailing space."""
    return bool(_GLUED_HYPHEN.search(raw_prev.rstrip("\r\n")))


def ends_sentence(text: str, rule: ReflowRule) -> bool:
    stripped = text.rstrip(" \"'’”)")
    return bool(stripped) and stripped[-1] in rule.sentence_end


def ends_open(text: str, rule: ReflowRule) -> bool:
    """The line clearly goes on: it ends in a comma, a connective word, an open bracket…"""
    stripped = text.rstrip()
    if not stripped:
        return False
    if stripped[-1] in rule.continues_after:
        return True
    last_word = stripped.rsplit(" ", 1)[-1].lower()
    return last_word in rule.continuation_words


def first_word(text: str) -> str:
    return text.split(" ", 1)[0] if text else ""


def continues_paragraph(
    prev: str,
    cur: str,
    *,
    blank_between: bool,
    width: int,
    rule: ReflowRule,
) -> bool:
    """Does ``cur`` continue the paragraph (or list item) whose last line is ``prev``?

    ``width`` is the longest line of the surrounding block: the right margin in characters.

    - a line starting in lower case, or with a bracket after an unfinished sentence,
      continues (text exports put blank lines inside wrapped list items);
    - after a blank line, only a line after an open ending continues;
    - otherwise a line continues unless the previous one stopped short: it ended a
      sentence well before the margin, or the next line's first word would have fitted
      on it (a hard line break: one item or paragraph per line).
    """
    settled = _continues_by_wording(prev, cur, blank_between=blank_between, rule=rule)
    if settled is not None:
        return settled
    if ends_sentence(prev, rule) and len(prev) < rule.short_line_ratio * width:
        return False
    fits = len(prev) + 1 + len(first_word(cur)) < rule.fit_ratio * width
    return ends_open(prev, rule) or not fits


def wraps_onto(prev: str, cur: str, *, width: int, rule: ReflowRule) -> bool:
    """Rule 'wrapped heading' (text without a blank line between): ``cur`` goes on with
    the heading or title on ``prev`` when it starts in lower case, when ``prev`` ends
    open and reaches at least half the margin, or when ``cur``'s first word would not
    have fitted on ``prev`` (the line was wrapped at the margin). A line saved one
    paragraph per line, as Word's plain text does, is followed by the next paragraph,
    not by more of its own. A line that ends in a word cut at its hyphen always goes on,
    however short (a title in a narrow table cell: '… ‘ACE’s In-' / 'Zicht’ …')."""
    if starts_lowercase(cur) or _WORD_CUT.search(prev):
        return True
    if ends_open(prev, rule) and len(prev) >= width / 2:  # far short of the margin: ended
        return True
    return len(prev) + 1 + len(first_word(cur)) >= rule.fit_ratio * width


# Characters on a line of the template's body text on A4: a title's size in characters is
# counted at least at this width, also in an export that wraps every line narrower.
TITLE_LINE_CHARS = 80


def within_title_size(lengths: list[int], max_lines: int, width: int) -> bool:
    """Rule 'title size': a heading or title takes at most `max_lines` lines of the text's
    own width (`width`, its right margin, at least TITLE_LINE_CHARS): counted in lines, or
    in characters when a narrow column or export wraps it over more, shorter lines, up to
    twice as many. `lengths`: the characters of each of its lines; a document with layout
    (width 0) counts lines only."""
    if len(lengths) <= max_lines:
        return True
    if width <= 0 or len(lengths) > 2 * max_lines:
        return False
    return sum(lengths) <= max_lines * max(width, TITLE_LINE_CHARS)


def text_width(lengths: list[int]) -> int:
    """The right margin of a text export in characters: most lines of running text are
    wrapped there, so the longest lines but for a few (the 90th percentile)."""
    if not lengths:
        return 0
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, (len(ordered) * 9) // 10)]


def glued(prev_raw: str, cur: str) -> bool:
    """Does ``cur`` join the line before without a space (a compound cut at its hyphen)?"""
    return is_compound_break(prev_raw) and not f"{cur.lower()} ".startswith(_ELLIPSIS_WORDS)


def join(prev_raw: str, acc: str, cur: str) -> str:
    """Append a wrapped line to the accumulated text, keeping compound hyphens."""
    if not acc:
        return cur
    if glued(prev_raw, cur):
        return acc + cur
    return f"{acc} {cur}"


def continues_in_layout(
    prev: str, cur: str, *, blank_between: bool, wrapped: bool, rule: ReflowRule
) -> bool:
    """``continues_paragraph`` for lines with known positions (PDF): ``wrapped`` says that
    the first word of ``cur`` would not have fitted at the end of ``prev`` (see
    rules/pdf.word_fits), which replaces the character-count guesses. A line that
    was wrapped goes on, even after a full stop at its end."""
    settled = _continues_by_wording(prev, cur, blank_between=blank_between, rule=rule)
    if settled is not None:
        return settled
    return wrapped or ends_open(prev, rule)


def _continues_by_wording(
    prev: str, cur: str, *, blank_between: bool, rule: ReflowRule
) -> bool | None:
    """The cases the words and a blank line settle, whatever the widths; None otherwise."""
    if starts_lowercase(cur):
        return True
    if cur[:1] in "([" and not ends_sentence(prev, rule):
        return True
    if blank_between:
        return ends_open(prev, rule)
    return None
