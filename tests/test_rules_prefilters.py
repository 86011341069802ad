"""The one-call pre-tests in front of the line rules (joined bullet and sub-part
patterns, label heads by initial, sorted prompt prefixes, a final digit before the
table-of-contents searches, collapse remembered) answer every line of the two real plans
as the rules without them do."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.rules import headings, labels
from planextract.rules import text as text_rules
from planextract.rules.profile import Profile, load_profile
from planextract.rules.text import collapse, norm

P = load_profile(None)
# The same profile with every pre-test let through: the rules' own loops decide alone.
OPEN = replace(
    P,
    index=replace(
        P.index,
        bullet_start=None,
        part_start=None,
        head_texts={initial: ("",) for initial in P.index.label_heads},
    ),
)


def _lines() -> list[str]:
    out: list[str] = []
    for path in (KEMP_TXT, ELZOH_TXT):
        out.extend(path.read_text(encoding="utf-8").splitlines())
    return out


LINES = _lines()


def test_the_samples_exercise_every_pre_test() -> None:
    assert sum(labels.match_bullet(t, P) is not None for t in LINES) > 400
    assert sum(labels.match_part(t, P) is not None for t in LINES) > 100
    assert sum(labels.split_label_prefix(t, P, answers=True) is not None for t in LINES) >= 4
    assert sum(headings.ends_in_page_number(t) for t in LINES) >= 10


def test_joined_patterns_match_where_one_pattern_does() -> None:
    assert P.index.bullet_start is not None and P.index.part_start is not None
    for text in LINES:
        assert labels.match_bullet(text, P) == labels.match_bullet(text, OPEN), text
        key = norm(text)
        assert labels._part_by_pattern(key, P) is labels._part_by_pattern(key, OPEN), text


@pytest.mark.parametrize("answers", [False, True])
def test_label_heads_by_initial_split_the_same_lines(answers: bool) -> None:
    for text in LINES:
        assert labels.split_label_prefix(text, P, answers=answers) == labels.split_label_prefix(
            text, OPEN, answers=answers
        ), text
        assert labels.prompt_start_after_label(text, P) == labels.prompt_start_after_label(
            text, OPEN
        ), text


def _prompt_start_by_scan(text: str, profile: Profile) -> bool:
    key = norm(text)
    return len(key) >= 15 and any(
        k.startswith(key) and len(k) > len(key) for k in labels.template_prefixes(profile)
    )


def test_prompt_starts_by_bisect_are_those_by_scan() -> None:
    # every line, and every beginning of every prompt and sub-part label (the cases the
    # rule is for), the whole keys too (not a beginning)
    starts = [k[:n] for k in labels.template_prefixes(P) for n in range(14, len(k) + 1)]
    found = 0
    for text in [*LINES, *starts]:
        got = labels.is_prompt_start(text, P)
        assert got == _prompt_start_by_scan(text, P), text
        found += got
    assert found > 400


def test_a_final_digit_before_the_table_of_contents_searches() -> None:
    entry = re.compile(r"(?:\.{3,}|…|\t| {2,})\s*\d{1,3}$")
    number = re.compile(r"\S\s\d{1,3}$")
    extra = ["Inleiding ........ 4", "Algemeen\t4\n", "SD 1 – Goed bestuur 7 ", "Pagina ٣", ""]
    for text in [*LINES, *extra]:
        stripped = text.strip()
        m = entry.search(stripped)
        want = m is not None and any(c.isalpha() for c in stripped[: m.start()])
        assert headings.is_toc_entry(text) == want, text
        assert headings.ends_in_page_number(text) == bool(number.search(text.rstrip())), text
    assert headings.is_toc_entry(extra[0]) and headings.is_toc_entry(extra[1])


def test_collapse_remembered_is_collapse() -> None:
    long_line = " ".join(LINES)  # longer than what is remembered: computed each time
    assert len(long_line) > text_rules._REMEMBERED_CHARS
    for text in [*LINES, "  Wat?\u00a0\ufeff ", "\u2003Met\twie ?\u200a", long_line]:
        assert collapse(text) == text_rules._collapse(text) == collapse(text)
    remembered = text_rules._collapse_remembered.cache_info().currsize
    collapse(long_line + " x")
    assert text_rules._collapse_remembered.cache_info().currsize == remembered


def test_length_bound_before_the_fuzzy_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    """labels.reachable leaves out only comparisons that cannot reach the ratio: every
    rule that uses it answers every line as with every comparison made."""
    lines = [*LINES, *(t[:n] for t in LINES[::50] for n in range(1, 40)), "", "Proces", "Wat?"]
    checks = (
        lambda t: labels.match_label(t, P),
        lambda t: labels.match_prompt(t, P),
        lambda t: labels.match_part(t, P),
        lambda t: labels.match_checkbox(t, P),
        lambda t: labels.match_checkboxes(t, P),
        lambda t: labels._match_evaluation_label(t, P, allow_rest=True),
        lambda t: labels._match_evaluation_label(t, P, allow_rest=False),
    )
    bounded = [[check(t) for t in lines] for check in checks]
    pruned = sum(
        not labels.reachable(P.index.prompt_keys, len(norm(t)), P.fuzzy_prompt_ratio) for t in lines
    )
    assert pruned > 1000
    monkeypatch.setattr(labels, "reachable", lambda *_: True)
    labels.norm.cache_clear()
    assert [[check(t) for t in lines] for check in checks] == bounded


def _emphasis_by_patterns(text: str) -> str:
    """rules/text.without_markdown_emphasis with both patterns asked of every line."""
    m = text_rules._EMPHASIS_OPEN.match(text)
    if m:
        mark = m.group(1)
        rest = text[2:]
        close = re.search(rf"(?<=\S){re.escape(mark)}", rest)
        if close:
            rest = rest[: close.start()] + rest[close.end() :]
        return rest
    m = text_rules._EMPHASIS_CLOSE.search(text)
    if m and text.count(m.group(1)) % 2 == 1:
        return text[: m.start()].rstrip()
    return text


def test_emphasis_marks_told_by_the_line_ends() -> None:
    marked = [
        "**Wat?**",
        "**Wat?** Geef",
        "__Wat?__\n",
        "goed bestuur**",
        "goed bestuur**\n",
        "zie **hier**",
        "** Wat",
        "a__",
        "**",
        "",
    ]
    # every line also as a Markdown export could bold it: whole, its start, its end
    bold = [f"{m}{t}{m}" for t in LINES[::3] for m in ("**", "__")]
    bold += [f"**{t}" for t in LINES[1::7]] + [f"{t}__" for t in LINES[2::7]]
    lines = [*LINES, *bold, *marked]
    changed = 0
    for text in lines:
        got = text_rules.without_markdown_emphasis(text)
        assert got == _emphasis_by_patterns(text), text
        changed += got != text
    assert changed > 1000
