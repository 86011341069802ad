"""Named rules that recognise the template's own text: labels, prompts, sub-parts,
checkboxes, bullets and empty answers. All wording comes from the profile."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from planextract.models.record import record
from planextract.models.tokens import Kind, Token
from planextract.rules.profile import (
    BulletRule,
    EvaluationTypeRule,
    FieldRule,
    PartRule,
    Profile,
)
from planextract.rules.reflow import ends_open
from planextract.rules.sentences import sentence_words
from planextract.rules.text import collapse, norm, starts_lowercase

_NUMBERING = re.compile(r"^\(?\d+[).]\s*")


@record(frozen=True, slots=True)
class PromptMatch:
    field: str
    score: float


@record(frozen=True, slots=True)
class CheckboxMatch:
    evaluation_type: EvaluationTypeRule
    selected: bool | None  # None: a glyph we do not recognise, or no glyph at all
    glyph: str | None
    label: str  # the type label as written
    rest: str  # text after the label on the same line


@record(frozen=True, slots=True)
class BulletMatch:
    rule: BulletRule
    marker: str
    text: str


@lru_cache(maxsize=4096)  # by key tuple, text length and ratio: a few hundred
def reachable(choices: tuple[str, ...], n: int, ratio: float) -> bool:
    """Rule of thumb made exact: a text of n characters can reach `ratio` in fuzz.ratio
    with one of `choices` only if 200 x shorter / (n + length) does (the Indel distance
    is at least the difference in length). Lines far longer or shorter than every
    choice are told without a comparison; one point of margin keeps rounding out."""
    return any(200 * min(n, len(c)) >= (ratio - 1) * (n + len(c)) for c in choices)


def _fuzzy_ok(key: str, choices: tuple[str, ...], ratio: float, min_length: int) -> float:
    """Best similarity of key with one of choices; exact match needed for short keys."""
    if key in choices:
        return 100.0
    if len(key) < min_length or not reachable(choices, len(key), ratio):
        return 0.0
    best = process.extractOne(key, choices, scorer=fuzz.ratio)
    return best[1] if best and best[1] >= ratio else 0.0


def written_as_label(text: str) -> bool:
    """The line ends the way a label does: 'Wat?', 'Doelgroep:'."""
    return collapse(text).endswith(("?", ":"))


def _label_shaped(text: str) -> bool:
    """A label opens with a capital or ends like a label ('wat?'), and never ends a
    sentence: 'partners.' on a line of its own is the end of a wrapped sentence."""
    stripped = collapse(text)
    if stripped.endswith(".") and not stripped.endswith("..."):
        return False
    return not starts_lowercase(stripped) or written_as_label(stripped)


def looks_like_label(text: str) -> bool:
    """A short line written as a label ('Budget:', 'Timing?') that the profile does not
    know: reported, so that a reworded label never swallows its answer silently. A line
    that opens with a function word ('We her-evalueren:') introduces a list instead."""
    stripped = collapse(text)
    words = stripped.split()
    return (
        written_as_label(stripped)
        and len(stripped) <= 40
        and len(words) <= 4
        and not starts_lowercase(stripped)
        and words[0].casefold() not in sentence_words().function_words
    )


def _one_slip(key: str, choices: tuple[str, ...]) -> bool:
    """One typing slip away from a choice (a letter left out, added, changed, or two
    letters swapped), for labels too short for a similarity ratio."""
    return any(len(c) >= 3 and OSA.distance(key, c, score_cutoff=1) <= 1 for c in choices)


def match_label(text: str, profile: Profile) -> FieldRule | None:
    """A line that is a field label of the form ('Wat?', 'Met wie?', a synonym such as
    'Doelgroep:'), in any case, with or without '?'/':', typos tolerated."""
    written = norm(text)
    if not written or len(written) > 30 or not _label_shaped(text):
        return None
    key = _NUMBERING.sub("", written)  # '2. Waarom?': the writer numbered the labels
    best: tuple[float, FieldRule] | None = None
    for rule in profile.fields:
        score = _fuzzy_ok(key, rule.keys, profile.fuzzy_label_ratio, profile.fuzzy_min_length)
        if score and (best is None or score > best[0]):
            best = (score, rule)
    if best is not None and best[0] < 100 and _part_by_pattern(written, profile):
        # 'Wat gaan we wel doen?' is close to the alias 'Wat gaan we doen' but is the
        # sub-part's own wording: a label only by similarity yields to it.
        return None
    if best is None and written_as_label(text) and len(key) < profile.fuzzy_min_length + 4:
        slips = [rule for rule in profile.fields if _one_slip(key, rule.keys)]
        if len(slips) == 1:
            return slips[0]
    return best[1] if best else None


def match_prompt(text: str, profile: Profile) -> PromptMatch | None:
    """A grey form prompt of the template ('Geef een korte beschrijving…')."""
    return _best_prompt(text, profile, fuzz.ratio, profile.fuzzy_prompt_ratio)


def _best_prompt(
    text: str, profile: Profile, scorer: Callable[..., float], threshold: float
) -> PromptMatch | None:
    key = norm(text)
    keys, fields = profile.index.prompt_keys, profile.index.prompt_fields
    if len(key) < 10 or not keys:
        return None
    if scorer is fuzz.ratio and not reachable(keys, len(key), threshold):
        return None
    best = process.extractOne(key, keys, scorer=scorer)
    if best and best[1] >= threshold:
        return PromptMatch(field=fields[best[2]], score=best[1])
    return None


def match_styled_prompt(text: str, profile: Profile) -> PromptMatch | None:
    """Text in the template's prompt style (grey italic) worded close to a prompt: the
    template reworded ('Beschrijf kort wat je gaat doen.'). Word-set similarity, and only
    prompts: a sub-part label opens a part of the answer, so it needs its own wording."""
    return _best_prompt(text, profile, fuzz.token_set_ratio, profile.styled_prompt_ratio)


def match_column_label(text: str, profile: Profile) -> FieldRule | None:
    """A line from the label column of the form: the template's label, or a longer
    wording that starts with it ('Met wie werk je samen?'): the longest label wins."""
    found = match_label(text, profile)
    if found is not None:
        return found
    key = norm(text)
    best: tuple[int, FieldRule] | None = None
    for rule in profile.fields:
        for label in rule.keys:
            if not key.startswith(label):
                continue
            whole_word = len(key) == len(label) or not key[len(label)].isalnum()
            if whole_word and (best is None or len(label) > best[0]):
                best = (len(label), rule)
    return best[1] if best else None


def _part_by_pattern(key: str, profile: Profile) -> PartRule | None:
    """The sub-part whose pattern the normalised line matches (its wording, no typos)."""
    start = profile.index.part_start
    if start is not None and start.match(key) is None:
        return None  # most lines: one match call instead of one per pattern
    return next((part for part in profile.index.parts if part.pattern.match(key)), None)


def match_part(text: str, profile: Profile) -> PartRule | None:
    """A sub-part label inside a field ('1) Wat ga je wel doen?', 'Doelgroep(en)')."""
    key = norm(text)
    if not key or len(key) > 160:
        return None
    keys, parts = profile.index.part_keys, profile.index.parts
    found = _part_by_pattern(key, profile)
    if found is not None:
        return found
    bare = _NUMBERING.sub("", key)
    if len(bare) < profile.fuzzy_min_length:
        return None
    if not reachable(keys, len(bare), profile.fuzzy_prompt_ratio):
        return None
    best = process.extractOne(bare, keys, scorer=fuzz.ratio)
    if best and best[1] >= profile.fuzzy_prompt_ratio:
        return parts[best[2]]
    return None


def template_score(text: str, profile: Profile) -> float:
    """How close text is to a prompt or sub-part label of the template (100: one of them,
    or a sub-part's pattern): which of two readings of a wrapped prompt is the prompt."""
    key = norm(text)
    if not key or len(key) > 160:
        return 0.0
    if any(part.pattern.match(key) for part in profile.index.parts):
        return 100.0
    keys = (*profile.index.prompt_keys, *profile.index.part_keys)
    best = process.extractOne(key, keys, scorer=fuzz.ratio)
    return float(best[1]) if best else 0.0


def is_template_text(text: str, profile: Profile) -> bool:
    """Prompt or sub-part label: template wording rather than an answer."""
    return match_prompt(text, profile) is not None or match_part(text, profile) is not None


def reworded_prompt_score(text: str, field: str, profile: Profile) -> float:
    """Rule 'reworded prompt': a line right after a field's label that is worded close to
    that field's own prompt is the prompt as the zone rewrote it ('Geef een beknopt plan
    van hoe deze actie opgezet en aangepakt wordt.') from profile.reworded_prompt_ratio on.
    Its place makes a looser comparison safe than for a prompt anywhere
    (fuzzy_prompt_ratio): the best of edit and sorted-word similarity, against that
    field's prompts only. 0 for text too short to tell."""
    key = norm(text)
    if len(key) < 10:
        return 0.0
    index = profile.index
    return max(
        (
            max(fuzz.ratio(key, prompt), fuzz.token_sort_ratio(key, prompt))
            for prompt, owner in zip(index.prompt_keys, index.prompt_fields, strict=True)
            if owner == field
        ),
        default=0.0,
    )


class LabelPrefix(NamedTuple):
    rule: FieldRule
    rest: str  # the text after the label
    answer: bool  # the rest is the answer (not a prompt or sub-part of the template)


def cell_after(raw: str | None, head: str) -> bool:
    """Rule 'a form row's cells': in the line as read (`raw`, tabs kept), `head` is a cell
    of its own, a tab after it ('Doelgroep(en)<TAB>Bestuurders …', a Word table row
    exported to text): the rest of the line is the next cell, the answer."""
    if not raw or "\t" not in raw:
        return False
    words = head.split()
    if not words:
        return False
    pattern = r"\s+".join(re.escape(w) for w in words) + r" *\t"
    return re.match(pattern, raw.lstrip(), re.IGNORECASE) is not None


def split_label_prefix(
    text: str, profile: Profile, *, answers: bool = False, raw: str | None = None
) -> LabelPrefix | None:
    """'Met wie? Indien de zorgraad…': a label sharing its line with a prompt or sub-part;
    with `answers`, also 'Waarom? Omdat …': a label written with its '?' or ':' and the
    answer after it on the same line.

    Without its punctuation a label only splits off template text, so that an answer
    starting with a word like 'Evaluatie' is never cut; and never a line that is itself a
    prompt starting with a label's word ('Waarom deze actie? Waarom deze actie nu?').
    """
    stripped = collapse(text)
    lowered = stripped.lower()
    if not lowered.startswith(profile.index.head_texts.get(lowered[:1], ())):
        return None  # most lines: no head at all, told by one call
    for rule, head in profile.index.label_heads[lowered[:1]]:
        if len(stripped) > len(head) + 1 and lowered.startswith(head):
            rest = stripped[len(head) - 1 :].strip()
            whole = match_prompt(stripped, profile)
            in_rest = match_prompt(rest, profile)
            if whole is not None and (in_rest is None or whole.score >= in_rest.score):
                return None
            if is_template_text(rest, profile) or match_label(rest, profile):
                return LabelPrefix(rule, rest, answer=False)
            if answers and (
                head.rstrip().endswith(("?", ":")) or cell_after(raw, stripped[: len(head) - 1])
            ):
                return LabelPrefix(rule, rest, answer=True)
    return None


# A sub-part question this long ('Wie is de trekker van de actie?') with an answer after
# it on its line is the template's wherever the line stands; a shorter head
# ('Doelgroep(en):') only at a paragraph start.
_WHOLE_QUESTION = 20


class PartPrefix(NamedTuple):
    rule: PartRule
    head: str  # the sub-part label as written, with its '?' or ':'
    rest: str  # the answer after it

    @property
    def anywhere(self) -> bool:
        return len(self.head) >= _WHOLE_QUESTION


def split_part_prefix(text: str, profile: Profile, raw: str | None = None) -> PartPrefix | None:
    """'Wie is de trekker van de actie? ELZOH vzw', 'Doelgroep(en): Bestuurders …': a
    sub-part label written with its '?' or ':' and the answer after it on the same line
    (the label's own words up to the first '?' or ':' that ends a sub-part label); or,
    in the line as read (`raw`), a sub-part label in a cell of its own before a tab
    ('Doelgroep(en)<TAB>Bestuurders …')."""
    stripped = collapse(text)
    if raw and "\t" in raw:
        head, _, rest = raw.strip().partition("\t")
        head, rest = collapse(head), collapse(rest)
        part = match_part(head, profile) if rest else None
        if part is not None:
            return PartPrefix(part, head, rest)
    for k, ch in enumerate(stripped):
        if ch not in "?:":
            continue
        rest = stripped[k + 1 :].strip()
        if not rest:
            return None
        head = stripped[: k + 1]
        part = match_part(head, profile)
        if part is not None and match_part(stripped, profile) is None:
            return PartPrefix(part, head, rest)
    return None


def template_prefixes(profile: Profile) -> tuple[str, ...]:
    """Normalised prompts and sub-part labels, to recognise a prompt that wraps lines."""
    return profile.index.prompt_keys + profile.index.part_keys


def is_prompt_start(text: str, profile: Profile) -> bool:
    """The line is the beginning (not the whole) of a prompt or sub-part label."""
    key = norm(text)
    if len(key) < 15:
        return False
    # The keys that start with `key` sort in one run from `key` on, `key` itself first.
    prefixes = profile.index.sorted_prefixes
    i = bisect_left(prefixes, key)
    while i < len(prefixes) and prefixes[i] == key:
        i += 1
    return i < len(prefixes) and prefixes[i].startswith(key)


def prompt_start_after_label(text: str, profile: Profile) -> str | None:
    """'Met wie? Indien de zorgraad niet de': a label and then the beginning (not the
    whole) of a prompt or sub-part that wraps onto the next lines, as a narrow export
    writes the form's first row; returns that beginning."""
    stripped = collapse(text)
    lowered = stripped.lower()
    if not lowered.startswith(profile.index.head_texts.get(lowered[:1], ())):
        return None  # most lines: no head at all, told by one call
    for _, head in profile.index.label_heads[lowered[:1]]:
        if len(stripped) > len(head) + 1 and lowered.startswith(head):
            rest = stripped[len(head) - 1 :].strip()
            if is_prompt_start(rest, profile):
                return rest
    return None


def _glyph_state(glyph: str, profile: Profile) -> bool | None:
    if glyph in profile.checked_glyphs:
        return True
    if glyph in profile.unchecked_glyphs:
        return False
    return None


def _match_evaluation_label(
    text: str, profile: Profile, *, allow_rest: bool
) -> tuple[EvaluationTypeRule, str] | None:
    """Evaluation type label at the start of text; returns the rule and the rest."""
    keys, rules = profile.index.evaluation_keys, profile.index.evaluation_rules
    key = norm(text)
    if not key:
        return None
    # Whole text is the label (typos tolerated).
    if reachable(keys, len(key), profile.fuzzy_label_ratio):
        best = process.extractOne(key, keys, scorer=fuzz.ratio)
        if best and best[1] >= profile.fuzzy_label_ratio:
            return rules[best[2]], ""
    if not allow_rest:
        return None
    # Label followed by more text on the same line: longest label that prefixes the text.
    for k, rule in sorted(zip(keys, rules, strict=True), key=lambda kr: -len(kr[0])):
        if key.startswith(k) and len(key) > len(k) and not key[len(k)].isalnum():
            return rule, collapse(text)[len(k) :].lstrip(" :.-–")
    return None


# '<type>: ja', '<type> - nee', '<type> (ja)': the last word, after a space or separator
_LAST_WORD = re.compile(r"^(?P<head>.*?\S)\s*(?:[:=–-]\s*|\s)[(\[]?(?P<word>[^\W\d_]+)[)\]]?[.!]?$")


def _typed_state(text: str, profile: Profile) -> tuple[str, str] | None:
    """The text before a typed state word ('ja', 'nee') that ends the line, and the word."""
    last = (text.replace(":", " ").rsplit(None, 1) or [""])[-1].strip("()[].!=–-").casefold()
    if last not in profile.checked_words and last not in profile.unchecked_words:
        return None  # the common case, without the pattern
    m = _LAST_WORD.match(text)
    if m is None:
        return None
    word = m["word"].casefold()
    if word not in profile.checked_words and word not in profile.unchecked_words:
        return None
    return m["head"], m["word"]


def match_checkbox(text: str, profile: Profile) -> CheckboxMatch | None:
    """'☒ Procesevaluatie': glyph + evaluation type.

    A known glyph gives the state. An unknown symbol in front of a type label, or a type
    label with no glyph, gives selected=None so that the doubt is reported, not guessed.
    """
    stripped = collapse(text)
    if not stripped:
        return None
    glyphs = profile.index.glyphs
    # str.startswith/endswith of the whole tuple first: one C call answers most lines
    glyph = (
        next(g for g in glyphs if stripped.startswith(g)) if stripped.startswith(glyphs) else None
    )
    if glyph is not None:
        rest = stripped[len(glyph) :].lstrip()
        found = _match_evaluation_label(rest, profile, allow_rest=True)
    elif (
        not stripped[0].isalnum()
        and match_bullet(stripped, profile) is None
        and (stripped[0] not in "([\"'‘“")
    ):
        glyph, rest = stripped[0], stripped[1:].lstrip()
        found = _match_evaluation_label(rest, profile, allow_rest=False)
    elif (typed := _typed_state(stripped, profile)) is not None:
        # 'Procesevaluatie: ja': the state typed as a word after the type
        rest, glyph = typed
        found = _match_evaluation_label(rest, profile, allow_rest=False)
        if found is None:
            return None
        rule, _ = found
        return CheckboxMatch(rule, glyph.casefold() in profile.checked_words, glyph, rest, "")
    else:
        # 'Procesevaluatie ☒': the box after the type
        glyph = (
            next((g for g in glyphs if stripped.endswith(" " + g)), None)
            if stripped.endswith(glyphs)
            else None
        )
        rest = stripped[: -len(glyph)].rstrip(" :.-–") if glyph is not None else stripped
        found = _match_evaluation_label(rest, profile, allow_rest=False)
        if found is None and glyph is not None:
            glyph, rest = None, stripped
            found = _match_evaluation_label(rest, profile, allow_rest=False)
    if found is None:
        return None
    rule, after = found
    label = rest[: len(rest) - len(after)].strip() if after else rest.strip()
    selected = _glyph_state(glyph, profile) if glyph is not None else None
    return CheckboxMatch(rule, selected, glyph, label, after)


def match_checkboxes(text: str, profile: Profile) -> list[CheckboxMatch]:
    """Rule 'a row of boxes': '☒ Procesevaluatie   ☐ Outputevaluatie   ☒ Impactevaluatie'
    on one line (a form that lays the types out side by side) is one box per type; the
    text after the last type is its rest. An empty list when the line is no checkbox."""
    found = match_checkbox(text, profile)
    row: list[CheckboxMatch] = []
    while found is not None:
        after = match_checkbox(found.rest, profile) if found.rest else None
        if after is None or after.glyph is None or not _starts_with_glyph(found.rest, profile):
            row.append(found)
            break
        row.append(replace(found, rest=""))
        found = after
    return row


def row_criteria_owner(row: list[tuple[str, bool | None]]) -> str | None:
    """Rule 'criteria under a row of boxes': text below a row of types (key, selected)
    belongs to the one type ticked on the row; with more or none ticked it cannot be
    told apart per type, so it stays the evaluation's own text (None), not guessed."""
    ticked = [key for key, selected in row if selected is True]
    return ticked[0] if len(ticked) == 1 and all(s is not None for _, s in row) else None


def _starts_with_glyph(text: str, profile: Profile) -> bool:
    return text.startswith(profile.index.glyphs)


def lone_glyph(text: str, profile: Profile) -> str | None:
    """A line that is only a checkbox glyph: a Word table exports the box cell on its own
    line next to the type ('☒' / 'Procesevaluatie'). Known glyphs, and any single symbol
    (an unmapped font glyph), which then reads as an unreadable box."""
    stripped = collapse(text)
    if stripped in profile.index.glyphs:
        return stripped
    if len(stripped) == 1 and unicodedata.category(stripped) in ("So", "Co"):
        return stripped
    return None


_TYPED_MARK = re.compile(r"^[(\[]?[xX][)\]]?$")


def state_of_bare_type(glyphs: Iterable[str | None], profile: Profile) -> bool | None:
    """Rule 'typed marks': a form that marks the types it chose with a typed X ('X
    Procesevaluatie') or word ('Procesevaluatie: ja') leaves the others bare, so a bare
    type beside a typed mark is not chosen; elsewhere a type without a box stays unknown
    (reported, not guessed)."""
    words = profile.checked_words | profile.unchecked_words
    typed = any(g is not None and (_TYPED_MARK.match(g) or g.casefold() in words) for g in glyphs)
    return False if typed else None


def match_bullet(text: str, profile: Profile) -> BulletMatch | None:
    """A list item: marker and text ('- item', '• item', 'o sub-item', '(1) item')."""
    stripped = text.lstrip()
    start = profile.index.bullet_start
    if start is not None and start.match(stripped) is None:
        return None  # most lines: one match call instead of one per pattern
    for rule in profile.bullets:
        m = rule.pattern.match(stripped)
        if m:
            return BulletMatch(
                rule=rule, marker=m.group(0).strip(), text=stripped[m.end() :].strip()
            )
    return None


def is_empty_answer(text: str, profile: Profile) -> bool:
    """'/' and the like: the author's way to say 'nothing'."""
    return collapse(text) in profile.empty_answers


def template_word_in_sentence(
    line_before: str | None, text: str, opens: bool, profile: Profile
) -> bool:
    """Rule 'a label word that ends a sentence': a line that reads as a label or sub-part
    ('doelgroepen.') but starts in lower case inside a paragraph, and either ends in a
    full stop or follows a line that ends open ('… voor alle' / 'doelgroepen.'), is the
    last word of the sentence wrapped onto its own line."""
    if opens or line_before is None or not starts_lowercase(text):
        return False
    return text.rstrip().endswith(".") or ends_open(line_before, profile.reflow)


def _field(tok: Token) -> str:
    return (tok.key or "").split(".")[0]


def label_in_answer(
    tokens: list[Token], p: int, field_order: dict[str, int], lookahead: int
) -> bool:
    """Rule 'a field's label appears once in a form': a label with its answer on its own
    line (tokens[p], 'Partners: andere ELZ's …', 'Doelgroep: vooral …') inside the answer
    of another field is a line of that answer when
    - the same field's label still comes further on in the form (before any heading or
      the first field of the next form), or
    - its field was labelled already in this form and the next label is one the form
      has not had yet: the form goes on, no new form starts there."""
    field = _field(tokens[p])
    first = next(iter(field_order))
    seen: list[str] = []
    for tok in reversed(tokens[max(0, p - lookahead) : p]):
        if tok.kind in (Kind.GOAL, Kind.SECTION):
            break
        if tok.kind == Kind.LABEL:
            seen.append(_field(tok))
            if _field(tok) == first:
                break
    if not seen or seen[0] == field:
        return False  # the label opens the form, or follows its own field's label
    for tok in tokens[p + 1 : p + 1 + lookahead]:
        if tok.kind in (Kind.GOAL, Kind.SECTION):
            return False
        if tok.kind != Kind.LABEL or tok.index == tokens[p].index:
            continue
        ahead = _field(tok)
        if ahead == field:
            return True
        if field in seen and ahead not in seen and ahead != first:
            return field_order.get(ahead, -1) > field_order.get(seen[0], -1)
        return False
    return False
