"""Named rules for headings: narrative sections and strategic/operational goals."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from planextract.models.document import Line
from planextract.models.record import record
from planextract.rules.profile import ROMAN_NUMERAL, Profile, SectionRule
from planextract.rules.reflow import ends_open
from planextract.rules.text import collapse, norm

# A table-of-contents line ("Inleiding ........ 4") is not a heading.
_TOC_LINE = re.compile(r"(\.{4,}|…{2,})")
# A table-of-contents entry: its page number at the end, after dot leaders, an ellipsis,
# a tab or a run of spaces ("SD 1 – Goed bestuur ....... 5", "Algemeen\t4").
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…|\t| {2,})\s*\d{1,3}$")
# In a table of contents, also an entry whose number follows after a single space.
_TOC_NUMBER = re.compile(r"\S\s\d{1,3}$")
# Word's heading numbering before a section name: '1 Instructies', '2.1 Communicatie …',
# '2.1. Communicatie …' (as before a goal heading: profile [headings] outline_numbers).
# A single number with a full stop ('1. Visie') is a numbered list's item, not a heading.
_OUTLINE_NUMBER = re.compile(r"^(?:\d{1,2}|\d{1,2}(?:\.\d{1,2}){1,3}\.?)\s+(?=\S)")


# A numbered list's item: one number and a full stop or parenthesis ('1. ', '2) ').
_LIST_NUMBER = re.compile(r"^(\d{1,2})([.)])\s+\S")


def numbered_list_item(text: str, before: str | None, after: str | None) -> bool:
    """Rule 'a numbered list, not headings': '2. Tijdslijn' between '1. Inleiding' and
    '3. Acties 2025' (the content lines right before and after it) names sections in a list
    of the plan's parts; a heading's number is never followed by the next heading's on the
    next line."""
    m = _LIST_NUMBER.match(text)
    if m is None:
        return False
    number, mark = int(m[1]), m[2]
    for other, step in ((before, -1), (after, 1)):
        o = _LIST_NUMBER.match(other or "")
        if o is not None and o[2] == mark and int(o[1]) == number + step:
            return True
    return False


@record(frozen=True, slots=True)
class GoalHeading:
    level: str  # "SD" | "OD"
    number: str | None  # None: the heading prints no number
    title: str  # first line of the title; may continue on following lines


def match_section(text: str, profile: Profile) -> SectionRule | None:
    """A line that is exactly a section name of the template (or matches its pattern)."""
    candidate = collapse(text)
    if not candidate or len(candidate) > 80:
        return None
    return _section_named(candidate, profile)


# Noise marking, page numbering, the table of contents and classify each ask about the
# same lines; the answer depends on the collapsed text and the profile only.
@lru_cache(maxsize=65536)
def _section_named(candidate: str, profile: Profile) -> SectionRule | None:
    if _TOC_LINE.search(candidate):
        return None
    found = _section_rule(candidate, profile)
    if found is None and profile.outline_numbers:
        numbered = _OUTLINE_NUMBER.match(candidate)
        if numbered:
            found = _section_rule(candidate[numbered.end() :], profile)
    return found


def _section_rule(candidate: str, profile: Profile) -> SectionRule | None:
    key = norm(candidate)
    for rule in profile.sections:
        if key in rule.keys:
            return rule
        if rule.pattern is not None and rule.pattern.match(candidate):
            return rule
    return None


def is_toc_entry(text: str) -> bool:
    """Rule 'table of contents': words, then leaders and a page number at the end."""
    stripped = text.strip()
    if not stripped[-1:].isdecimal():  # what `\d$` asks, without a search along the line
        return False
    m = _TOC_ENTRY.search(stripped)
    return m is not None and any(c.isalpha() for c in stripped[: m.start()])


def ends_in_page_number(text: str) -> bool:
    """A line that ends in a short number (an entry, inside a table of contents)."""
    stripped = text.rstrip()
    return stripped[-1:].isdecimal() and bool(_TOC_NUMBER.search(stripped))


def is_toc_title(text: str, profile: Profile) -> bool:
    section = match_section(text, profile)
    return section is not None and section.toc


def toc_lines(lines: Sequence[Line], indices: Sequence[int], profile: Profile) -> set[int]:
    """Rule 'table of contents', over the lines at `indices` (blank lines left out): the
    entries that end in a page number after leaders, the first line of an entry that
    wraps onto such a line, and, under the table's own title or next to other entries,
    entries with the number after a single space. They are text: the goal headings
    they repeat open no goals, and entries listed twice are no running footer.
    A heading alone among body text with its page number at the right is no table of
    contents (see heading_page_numbers)."""
    return _toc_and_paged(lines, indices, profile)[0]


def heading_page_numbers(
    lines: Sequence[Line], indices: Sequence[int], profile: Profile
) -> set[int]:
    """Rule 'a heading's page number': a goal or section heading in the body whose last
    line ends in a page number after a tab or leaders ('Strategische doelstelling 1 – …
    goed bestuur<TAB>7', Word's heading style with a right tab) looks like an entry of a
    table of contents, but stands without the table's title above it and with at most
    the headings that open a goal next to it (a section, an SD and its first OD: up to
    MAX_HEADINGS_IN_A_ROW). The lines (of `indices`) whose number is such a page number."""
    return _toc_and_paged(lines, indices, profile)[1]


def toc_and_heading_pages(
    lines: Sequence[Line], indices: Sequence[int], profile: Profile
) -> tuple[set[int], set[int]]:
    """(toc_lines, heading_page_numbers) at once: both come out of one walk over the
    lines, which noise marking and classify would otherwise each make twice."""
    return _toc_and_paged(lines, indices, profile)


def without_page_number(text: str) -> str:
    """'… goed bestuur 7' -> '… goed bestuur' (a line of heading_page_numbers)."""
    return _PAGE_NUMBER_END.sub("", text)


_PAGE_NUMBER_END = re.compile(r"\s*(?:\.{3,}|…+)?\s*\d{1,3}$")


# Headings that follow each other in the body with nothing between them: a section, a
# strategic goal and its first operational goal. A table of contents lists more.
MAX_HEADINGS_IN_A_ROW = 3


def _entries(run: list[int], ends: list[bool]) -> list[list[int]] | None:
    """The run's positions cut after each line that ends in a number; None when the run
    does not end in one."""
    out: list[list[int]] = [[]]
    for p, end in zip(run, ends, strict=True):
        out[-1].append(p)
        if end:
            out.append([])
    return None if out[-1] else out[:-1]


def _heading_start(
    texts: list[str], numbered: list[bool], pos: int, profile: Profile
) -> int | None:
    """The position of the goal or section heading whose wrapped lines (no number at their
    end) run down to position `pos`, within the heading size; None when there is none."""
    for q in range(pos - 1, max(-1, pos - profile.max_heading_lines), -1):
        if numbered[q]:
            return None
        if _is_heading(texts[q], profile):
            return q
    return None


def _is_heading(text: str, profile: Profile) -> bool:
    return bool(match_goal_heading(text, profile) or match_section(text, profile))


def _toc_and_paged(
    lines: Sequence[Line], indices: Sequence[int], profile: Profile
) -> tuple[set[int], set[int]]:
    texts = [lines[i].text for i in indices]
    strict = [is_toc_entry(lines[i].raw) for i in indices]  # the raw line keeps tabs
    numbered = [ends_in_page_number(t) for t in texts]
    out: set[int] = set()
    runs: list[list[int]] = []  # positions of consecutive entries not under a title
    in_toc = titled = False
    for pos, i in enumerate(indices):
        text = texts[pos]
        if is_toc_title(text, profile):
            in_toc = titled = True
            continue
        nxt = pos + 1
        wraps = (
            nxt < len(indices) and not numbered[pos] and (strict[nxt] or (in_toc and numbered[nxt]))
        )
        entry = bool(strict[pos] or (in_toc and (numbered[pos] or wraps)))
        if entry or (wraps and match_goal_heading(text, profile)):
            out.add(i)
            if not titled:
                if runs and runs[-1][-1] == pos - 1:
                    runs[-1].append(pos)
                else:
                    runs.append([pos])
            in_toc = in_toc or entry
        else:
            in_toc = titled = False
    paged: set[int] = set()
    for run in runs:
        entries = _entries(run, [strict[p] or numbered[p] for p in run])
        if entries and not _is_heading(texts[entries[0][0]], profile):
            # a heading that wraps over lines that end in no number: from its first line
            start = _heading_start(texts, numbered, entries[0][0], profile)
            entries[0][:0] = list(range(start, entries[0][0])) if start is not None else []
        if (
            entries
            and len(entries) <= MAX_HEADINGS_IN_A_ROW
            and all(strict[e[-1]] and _is_heading(texts[e[0]], profile) for e in entries)
        ):
            out.difference_update(indices[p] for p in run)
            paged.update(indices[e[-1]] for e in entries)
    return out, paged


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_arabic(numeral: str) -> str:
    """'IV' -> '4'; Arabic numbers are returned as they are."""
    if numeral.isdigit():
        return numeral
    total = 0
    for ch, nxt in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return str(total)


_ROMAN_NUMERAL = re.compile(ROMAN_NUMERAL)


def _goal_number(number: str, profile: Profile) -> str:
    """A goal number as printed, a Roman first level as digits: 'II' -> '2', 'II.3' ->
    '2.3'; '1.1', 'B' and 'B.2' stay (a letter is no numeral)."""
    first, dot, rest = number.partition(".")
    if profile.roman_numerals and _ROMAN_NUMERAL.fullmatch(first):
        first = roman_to_arabic(first)
    return first + dot + rest


def match_goal_heading(text: str, profile: Profile) -> GoalHeading | None:
    """A goal heading by the profile's grammar: 'Strategische doelstelling 2 – title',
    'SD 2. title', 'OD 4.5: title', 'STRATEGISCHE DOELSTELLING II title', 'Operationele
    doelstelling B.2 – title', 'Operationele doelstelling – title' (no number), also
    with one slip in a long goal word ('Operationeel doelstelling 2.2 – title')."""
    candidate = collapse(text)
    if len(candidate) > 400:
        return None
    return _goal_heading(candidate, profile)


@lru_cache(maxsize=65536)  # asked about the same lines as match_section
def _goal_heading(candidate: str, profile: Profile) -> GoalHeading | None:
    found = _by_grammar(candidate, profile)
    if found is None and profile.word_slips:
        for mended in _mended_goal_words(candidate, profile):
            found = _by_grammar(mended, profile)
            # two liberties at once (a slip and no number) make no heading
            if found is not None:
                return found if found.number is not None else None
    return found


def without_continuation_mark(title: str, profile: Profile) -> str:
    """Rule 'goal continued': 'Strategische doelstelling 2 (vervolg) – title' repeats goal
    2 where it goes on; '(vervolg)' (profile `continuation_marks`) and its separator are
    no part of the title, so the repeat is the same goal."""
    mark = profile.continuation_mark
    if mark is None or not title:
        return title
    return mark.sub("", title).strip()


def _by_grammar(candidate: str, profile: Profile) -> GoalHeading | None:
    for level, pattern in (("SD", profile.strategic_heading), ("OD", profile.operational_heading)):
        m = pattern.match(candidate)
        if m:
            groups = m.groupdict()
            if groups["number"]:
                number, title = groups["number"], groups["title"]
            elif groups["number_first"]:
                number, title = groups["number_first"], groups["title_first"]
            else:  # 'Operationele doelstelling – title': the document gives no number
                number, title = None, groups.get("title_bare")
            return GoalHeading(
                level=level,
                number=None if number is None else _goal_number(number, profile),
                title=without_continuation_mark((title or "").strip(), profile),
            )
    return None


# A number in front of the goal word: Word's outline numbering or the number-first form.
_LEADING_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?")


def _mended_goal_words(candidate: str, profile: Profile) -> Iterator[str]:
    """Rule 'a slip in the goal word': the line with its first words (after a leading
    number) replaced by a goal word they miss by at most `word_slips` edits
    ('Operationeel doelstelling 2.2 – …', 'Stategische doelstelling 1 – …', a space left
    out or added), each reading in turn. Only letters are compared, so 'Doelstelling:
    1.2' stays text; words the profile writes so ('Operationele doelstellingen: …') are
    never mended into another goal word; the mended line must still be a heading by the
    grammar, with a number."""
    words = candidate.split(" ")
    start = 1 if len(words) > 1 and _LEADING_NUMBER.fullmatch(words[0]) else 0
    slips = profile.word_slips
    heads = []
    for word in words[start : start + 4]:
        if not word.isalpha():
            break
        heads.append(f"{heads[-1]} {word.lower()}" if heads else word.lower())
    if not heads:
        return
    near, written_so = _slip_words_by_length(profile.slip_words, slips)
    if any(head in written_so for head in heads):
        return  # the word as the profile writes it: the grammar had its say
    for count, written in enumerate(heads, start=1):
        for word in near.get(len(written), ()):
            if OSA.distance(written, word, score_cutoff=slips) <= slips:
                yield " ".join([*words[:start], word, *words[start + count :]])


@lru_cache(maxsize=16)
def _slip_words_by_length(
    slip_words: tuple[str, ...], slips: int
) -> tuple[dict[int, tuple[str, ...]], frozenset[str]]:
    """For each length, the slip words (in the profile's order) at most `slips` letters
    longer or shorter: the only ones a written head of that length can miss by `slips`
    edits. And the slip words as a set."""
    lengths = {len(w) + d for w in slip_words for d in range(-slips, slips + 1)}
    near = {n: tuple(w for w in slip_words if abs(len(w) - n) <= slips) for n in lengths}
    return near, frozenset(slip_words)


def heading_in_running_text(line_before: str | None, opens: bool, profile: Profile) -> bool:
    """Rule 'a goal named inside a sentence': goal-heading words at the start of a line
    that goes on with the sentence of the line before ('… Deze actie sluit aan bij' /
    'OD 1.3 en draagt bij aan …'), with no blank line, page break or template text
    between, are a reference in the text, not a heading."""
    return not opens and line_before is not None and ends_open(line_before, profile.reflow)


def same_title(a: str, b: str) -> bool:
    """Two goal titles say the same thing (spacing, case and quote style aside)."""
    return norm(a) == norm(b)


@record(frozen=True, slots=True)
class ActionTitle:
    title: str  # without the prefix
    number: str | None  # the printed number ('1.2.1'), None without one
    prefixed: bool  # the title opened with 'Actie …'


# '1.2.1 Title': a title numbered SD.OD.action without the word 'Actie'. Only a title
# loses it; it does not make a paragraph a title (a numbered step could start so).
# Also an action code: 'A1.', 'A3:', 'A 1.2.1 –' (the letter kept in the number, 'A1').
_BARE_ACTION_NUMBER = re.compile(
    r"^(?:(?P<number>\d{1,3}(?:\.\d{1,3}){2})\.?"
    r"|(?P<code>A) ?(?P<code_number>\d{1,3}(?:\.\d{1,3}){0,3})(?:\.?\s*[:–—-]|\.))\s+(?=\S)"
)


def split_action_title(text: str, profile: Profile) -> ActionTitle:
    """'Actie 1.2.1 – title' -> title, '1.2.1'; 'Actie: title' -> title, None;
    '1.2.1 title' -> title, '1.2.1' (not prefixed)."""
    stripped = text.lstrip()
    m = profile.action_prefix.match(stripped)
    if m is None:
        alone = profile.bare_action_prefix.match(stripped)
        if alone is not None:  # 'Actie:' alone: its title is on the next line
            return ActionTitle("", alone["number"], True)
        bare = _BARE_ACTION_NUMBER.match(stripped)
        if bare is not None:
            number = bare["number"] or f"{bare['code']}{bare['code_number']}"
            return ActionTitle(stripped[bare.end() :], number, False)
        return ActionTitle(text, None, False)
    number = (m["number"] or m["dotted"] or "").rstrip(".") or None
    return ActionTitle(stripped[m.end() :].lstrip(), number, True)


def strip_action_prefix(text: str, profile: Profile) -> tuple[str, bool]:
    """Remove a leading 'Actie:' (any numbering) and say whether it was there."""
    found = split_action_title(text, profile)
    return found.title, found.prefixed


def same_type(a: Line, b: Line) -> bool:
    """Rule 'same type' (PDF): a heading or title goes on only in its own weight and size;
    the body text after it, even without a gap, is set in another type."""
    if a.size is None or b.size is None:
        return True
    return bool(a.bold) == bool(b.bold) and abs(a.size - b.size) < 0.5
