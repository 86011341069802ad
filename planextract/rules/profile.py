"""Load a template profile (a TOML data file) into typed, pre-compiled rules."""

from __future__ import annotations

import re
import tomllib
from dataclasses import field
from functools import cache
from pathlib import Path

from planextract.models.record import record
from planextract.rules.files import rules_text
from planextract.rules.text import collapse, norm

DEFAULT_PROFILE = "template_2025.toml"


@record(frozen=True, slots=True)
class SectionRule:
    name: str
    level: int
    kind: str  # narrative | goals | timeline | annex
    parent: str | None
    keys: tuple[str, ...]  # normalised names and aliases
    pattern: re.Pattern[str] | None
    toc: bool = False  # titles a table of contents (rules/headings.toc_lines)


@record(frozen=True, slots=True)
class PartRule:
    key: str
    field: str
    label: str
    pattern: re.Pattern[str]
    fuzzy_key: str  # normalised label without its numbering, for typo-tolerant matching


@record(frozen=True, slots=True)
class FieldRule:
    key: str
    label: str
    keys: tuple[str, ...]  # normalised label and aliases
    prompts: tuple[str, ...]  # normalised prompts
    default_part: str
    parts: tuple[PartRule, ...]


@record(frozen=True, slots=True)
class EvaluationTypeRule:
    key: str
    label: str
    keys: tuple[str, ...]


@record(frozen=True, slots=True)
class QualityRule:
    """What the quality checks expect of an action form (the `[quality]` table)."""

    required_parts: tuple[str, ...]  # "field.part" keys every action must fill in
    names: tuple[tuple[str, str], ...]  # short Dutch names of parts/types for reports
    timeline_required: bool = False  # the template asks for a month x action timeline

    def name(self, key: str, default: str) -> str:
        return dict(self.names).get(key, default)


@record(frozen=True, slots=True)
class BulletRule:
    name: str
    pattern: re.Pattern[str]
    level: int


@record(frozen=True, slots=True)
class ReflowRule:
    sentence_end: str
    continues_after: str
    continuation_words: frozenset[str]
    short_line_ratio: float
    fit_ratio: float


@record(frozen=True, slots=True)
class TemplateIndex:
    """The profile's wording laid out once for matching (rules/labels.py): compiled with
    the profile, so no module-level cache has to key on a profile's identity."""

    prompt_keys: tuple[str, ...]  # normalised prompts …
    prompt_fields: tuple[str, ...]  # … and the field each belongs to
    part_keys: tuple[str, ...]  # normalised sub-part labels …
    parts: tuple[PartRule, ...]  # … and their rules
    # 'met wie ', 'met wie? ', 'met wie: ' by first letter (a line is tried against its own)
    label_heads: dict[str, tuple[tuple[FieldRule, str], ...]]
    head_texts: dict[str, tuple[str, ...]]  # the same heads alone: one startswith call
    # prompt_keys + part_keys sorted: the keys a text begins sort right after the text
    sorted_prefixes: tuple[str, ...]
    evaluation_keys: tuple[str, ...]  # normalised evaluation type labels …
    evaluation_rules: tuple[EvaluationTypeRule, ...]  # … and their rules
    glyphs: tuple[str, ...]  # checkbox glyphs, longest first
    # any bullet pattern, as one: a line it does not match is no list item (None: the
    # patterns do not combine, each is tried)
    bullet_start: re.Pattern[str] | None
    part_start: re.Pattern[str] | None  # the same for the sub-parts' patterns


def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches where one of `patterns` does (same flags, no inline flag,
    no group: a back-reference would name another group once they are joined)."""
    if not patterns or len({p.flags for p in patterns}) != 1 or any(p.groups for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # e.g. an inline flag, allowed only at the start
        return None


def _template_index(
    fields: tuple[FieldRule, ...],
    evaluation_types: tuple[EvaluationTypeRule, ...],
    glyphs: tuple[str, ...],
    bullets: tuple[BulletRule, ...],
) -> TemplateIndex:
    prompts = [(prompt, rule.key) for rule in fields for prompt in rule.prompts]
    parts = tuple(part for rule in fields for part in rule.parts)
    evaluations = [(key, rule) for rule in evaluation_types for key in rule.keys]
    heads = tuple(
        (rule, label.rstrip("?:").lower() + sep + " ")
        for rule in fields
        for label in (rule.label, *rule.keys)
        for sep in ("", "?", ":")
    )
    by_initial: dict[str, list[tuple[FieldRule, str]]] = {}
    for rule, head in heads:  # profile order kept within each letter
        by_initial.setdefault(head[:1], []).append((rule, head))
    return TemplateIndex(
        prompt_keys=tuple(p for p, _ in prompts),
        prompt_fields=tuple(f for _, f in prompts),
        part_keys=tuple(p.fuzzy_key for p in parts),
        parts=parts,
        label_heads={k: tuple(v) for k, v in by_initial.items()},
        head_texts={k: tuple(head for _, head in v) for k, v in by_initial.items()},
        sorted_prefixes=tuple(sorted((*(p for p, _ in prompts), *(p.fuzzy_key for p in parts)))),
        evaluation_keys=tuple(k for k, _ in evaluations),
        evaluation_rules=tuple(r for _, r in evaluations),
        glyphs=tuple(sorted(glyphs, key=len, reverse=True)),
        bullet_start=_any_of(tuple(b.pattern for b in bullets)),
        part_start=_any_of(tuple(p.pattern for p in parts)),
    )


@record(frozen=True, slots=True, eq=False)  # one object per profile file
class Profile:
    id: str
    description: str
    fuzzy_label_ratio: float
    fuzzy_prompt_ratio: float
    fuzzy_min_length: int
    styled_prompt_ratio: float
    reworded_prompt_ratio: float
    page_mark: re.Pattern[str]
    footer_patterns: tuple[re.Pattern[str], ...]
    header_patterns: tuple[re.Pattern[str], ...]
    header_footer_gap: int
    year_patterns: tuple[re.Pattern[str], ...]
    sections: tuple[SectionRule, ...]
    strategic_heading: re.Pattern[str]
    operational_heading: re.Pattern[str]
    max_heading_lines: int
    # Goal words a one-letter slip is tolerated in ('Operationeel doelstelling 2.2'):
    # lower case, the profile's words of both levels long enough to tell apart.
    slip_words: tuple[str, ...]
    word_slips: int
    # '(vervolg)' before or after a goal heading's title: matches the mark and its separator
    continuation_mark: re.Pattern[str] | None
    action_prefix: re.Pattern[str]
    bare_action_prefix: re.Pattern[str]  # 'Actie:' alone on its line, the title below
    max_action_title_lines: int
    fields: tuple[FieldRule, ...]
    list_parts: frozenset[str]
    text_parts: frozenset[str]
    evaluation_types: tuple[EvaluationTypeRule, ...]
    checked_glyphs: tuple[str, ...]
    unchecked_glyphs: tuple[str, ...]
    # 'Procesevaluatie: ja': the state typed as a word after the type (lower case)
    checked_words: frozenset[str]
    unchecked_words: frozenset[str]
    empty_answers: frozenset[str]
    bullets: tuple[BulletRule, ...]
    reflow: ReflowRule
    index: TemplateIndex
    quality: QualityRule = QualityRule(required_parts=(), names=())
    source: str = field(default="")
    roman_numerals: bool = False  # a Roman goal number is kept as its Arabic value
    # Word's heading numbering ('2', '3.1') may stand before a goal heading and a section
    # name ('1 Instructies', '2.1 Communicatie naar specifieke doelgroepen')
    outline_numbers: bool = False

    def field_rule(self, key: str) -> FieldRule:
        for rule in self.fields:
            if rule.key == key:
                return rule
        raise KeyError(key)

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(rule.key for rule in self.fields)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _alternatives(words: list[str]) -> str:
    """Words as one regex alternation, longest first, spaces as any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in word.split()) for word in ordered)


# Numbers of goals and actions: at most three digits per level, so a heading with a
# runaway number ("1.99999999999999") is text, not a goal whose number drives loops.
_ARABIC = r"\d{1,3}"
# A Roman goal number: a well-formed numeral from I to XXXIX. A single C or L is a
# letter ('Strategische doelstelling C'), not goal 100 or 50.
ROMAN_NUMERAL = r"(?-i:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
# Letter numbering ('Strategische doelstelling B', 'Operationele doelstelling B.2'): one
# capital, followed by a space, a full stop, a colon or the end, so the first letter of
# a word ('E-health', 'Armoede') is none.
_LETTER = r"(?-i:[A-Z])(?=[\s.:]|$)"
# A sub-level written as one letter ('Operationele doelstelling 1.a').
_SUB_LETTER = r"(?-i:[A-Za-z])(?![\w-])"


def _goal_heading(headings: dict, words_key: str, *, sub_levels: bool) -> str:
    """The heading grammar of one level, in three forms:
    - [outline number] <goal word> [number word] <number> [separator] <title>:
      'Strategische doelstelling 2 – title', 'SD 2. title', '3.1 Strategische doelstelling
      nr. 2: title' (Word's heading numbering in front);
    - <number> <goal word> <separator> <title>: '2. Strategische doelstelling – title';
    - [outline number] <goal word> <dash or colon> <title>, without a number, for the
      singular words in `unnumbered_words`: 'Operationele doelstelling – title'.
    A number is Arabic, Roman (`roman_numerals`) or a letter (`letters`: 'B', 'B.2',
    '1.a'; a lower-case letter only before a sub-level or a separator, never a word
    such as 'u'). An operational goal's number has sub-levels ('4.5') or runs through
    the plan ('OD 7'). A generic goal word ('Doelstelling 1.2') takes its level from the
    number: with sub-levels an operational goal, without a strategic one."""
    seps = headings["separators"]
    sep = "[" + "".join(re.escape(s) for s in seps) + "]"
    roman = bool(headings.get("roman_numerals", False))
    letters = bool(headings.get("letters", False))
    firsts = [_ARABIC]
    if roman:
        firsts.append(ROMAN_NUMERAL)
    if letters:
        firsts.append(_LETTER)
        firsts.append(f"(?-i:[a-z])(?=\\.\\d|\\s*{sep}\\s)")
    first = f"(?:{'|'.join(firsts)})" if len(firsts) > 1 else _ARABIC
    sub = f"(?:{_ARABIC}|{_SUB_LETTER})" if letters else _ARABIC
    number = f"{first}(?:\\.{sub})*" if sub_levels else first
    nr = headings.get("number_words", [])
    nr_part = f"(?:(?:{_alternatives(nr)})\\s*)?" if nr else ""
    words = f"(?:{_alternatives(headings[words_key])})"
    generic = headings.get("generic_words", [])
    if generic:
        # an operational goal by a generic word only with a sub-level in its number
        levelled = f"(?=\\s*{nr_part}{first}\\.{sub})" if sub_levels else ""
        words = f"(?:{words}|(?:{_alternatives(generic)}){levelled})"
    outline = "(?:\\d{1,2}(?:\\.\\d{1,2}){0,3}\\.?\\s+)?" if headings.get("outline_numbers") else ""
    word_first = (
        f"{outline}{words}\\s*{nr_part}(?P<number>{number})(?![\\w.]\\w)\\.?"
        f"(?![\\w])\\s*(?:{sep}\\s*)?(?P<title>\\S.*)?"
    )
    number_first = (
        f"(?P<number_first>{number})(?![\\w.]\\w)\\.?\\s+{words}\\s*{sep}\\s*(?P<title_first>\\S.*)"
    )
    forms = [word_first, number_first]
    level_words = {norm(w) for w in headings[words_key]}
    bare_words = [w for w in headings.get("unnumbered_words", []) if norm(w) in level_words]
    if bare_words:
        bare_seps = headings.get("unnumbered_separators", ["–", "—", "-", ":"])
        bare_sep = "[" + "".join(re.escape(s) for s in bare_seps) + "]"
        # the title on the heading's own line: a goal word alone is no goal
        forms.append(
            f"{outline}(?:{_alternatives(bare_words)})\\s*{bare_sep}\\s*(?P<title_bare>\\S.*)"
        )
    return f"^(?:{'|'.join(forms)})$"


def _continuation_mark(marks: list[str]) -> re.Pattern[str] | None:
    """'(vervolg)', '– vervolg', 'verv.:' at the start or the end of a title, with the
    separator that sets it off."""
    if not marks:
        return None
    words = "|".join(re.escape(m.rstrip(".")) for m in sorted(marks, key=len, reverse=True))
    framed, bare, sep = rf"\((?:{words})\.?\)", rf"(?:{words})\b\.?", r"[–—:\-]"
    # A bare word only with a separator between it and the title: 'Vervolg van het
    # project' is a title, 'vervolg – Vervolg van het project' a mark and that title.
    start = rf"^(?:{framed}\s*{sep}?|{bare}\s*{sep})\s*"
    end = rf"\s*(?:{sep}?\s*{framed}|{sep}\s*{bare})$"
    return re.compile(f"{start}|{end}", re.IGNORECASE)


def _slip_words(headings: dict) -> tuple[str, ...]:
    """The goal words a slip is tolerated in: those of at least `slip_min_length`
    characters ('SD' and 'OD' differ by one letter from each other), longest first."""
    min_length = int(headings.get("slip_min_length", 12))
    words = [
        *headings["strategic_words"],
        *headings["operational_words"],
        *headings.get("generic_words", []),
    ]
    keep = {collapse(w).lower() for w in words if len(w) >= min_length}
    return tuple(sorted(keep, key=lambda w: (-len(w), w)))


def _action_prefix(words: list[str], seps: list[str]) -> str:
    """'Actie:', 'Actie 3 –', 'Actie 1.2.1:', 'Actie 1.2.1 Title', 'Actie 3. Title'."""
    sep = "[" + "".join(re.escape(s) for s in seps) + "]"
    dotted = f"{_ARABIC}(?:\\.{_ARABIC}){{1,3}}\\.?|{_ARABIC}\\."
    return (
        f"^(?:{_alternatives(words)})(?:"
        f"\\s*(?:(?P<number>{_ARABIC}(?:\\.{_ARABIC}){{0,3}})(?!\\.?\\d))?\\.?\\s*{sep}\\s*"
        f"|\\s+(?P<dotted>{dotted})\\s+)(?=\\S)"
    )


def _bare_action_prefix(words: list[str], seps: list[str]) -> str:
    """'Actie:', 'Actie 3 –', 'Titel actie:' with nothing after them on the line."""
    sep = "[" + "".join(re.escape(s) for s in seps) + "]"
    number = f"(?P<number>{_ARABIC}(?:\\.{_ARABIC}){{0,3}})"
    return f"^(?:{_alternatives(words)})(?:\\s*{number})?\\.?\\s*{sep}?\\s*$"


def _sections(raw: list[dict]) -> tuple[SectionRule, ...]:
    rules = []
    for item in raw:
        names = [item["name"], *item.get("aliases", [])]
        rules.append(
            SectionRule(
                name=item["name"],
                level=int(item.get("level", 1)),
                kind=item.get("kind", "narrative"),
                parent=item.get("parent"),
                keys=tuple(norm(n) for n in names),
                pattern=_compile(item["pattern"]) if "pattern" in item else None,
                toc=bool(item.get("toc", False)),
            )
        )
    return tuple(rules)


def _fields(raw: list[dict]) -> tuple[FieldRule, ...]:
    rules = []
    for item in raw:
        parts = tuple(
            PartRule(
                key=p["key"],
                field=item["key"],
                label=p["label"],
                pattern=_compile(p["pattern"]),
                fuzzy_key=norm(p["label"]),
            )
            for p in item.get("parts", [])
        )
        rules.append(
            FieldRule(
                key=item["key"],
                label=item["label"],
                keys=tuple(norm(n) for n in [item["label"], *item.get("aliases", [])]),
                prompts=tuple(norm(p) for p in item.get("prompts", [])),
                default_part=item.get("default_part", "text"),
                parts=parts,
            )
        )
    return tuple(rules)


def _quality(raw: dict, fields: tuple[FieldRule, ...]) -> QualityRule:
    known = {f"{f.key}.{p.key}" for f in fields for p in f.parts}
    required = tuple(raw.get("required_parts", []))
    unknown = sorted(set(required) - known)
    if unknown:
        raise ValueError(f"[quality] required_parts: unknown parts {unknown}")
    names = tuple(sorted((str(k), str(v)) for k, v in raw.get("names", {}).items()))
    return QualityRule(
        required_parts=required,
        names=names,
        timeline_required=bool(raw.get("timeline_required", False)),
    )


def load_profile_data(data: dict, source: str = "", *, validate: bool = True) -> Profile:
    """Build a Profile from parsed TOML data; a key the profile format does not know is
    refused (rules/profile_schema.py), never ignored. `validate=False` only for the bundled
    profile, which a test validates (its schema models cost every process 30 ms)."""
    if validate:
        from planextract.rules.profile_schema import validate_profile_data  # pydantic: on use

        validate_profile_data(data, source)
    prof = data["profile"]
    page = data["page"]
    headings = data["headings"]
    reflow = data["reflow"]
    fields = _fields(data["fields"])
    evaluation_types = tuple(
        EvaluationTypeRule(
            key=e["key"],
            label=e["label"],
            keys=tuple(norm(n) for n in [e["label"], *e.get("aliases", [])]),
        )
        for e in data["evaluation_types"]
    )
    checked = tuple(data["checkboxes"]["checked"])
    unchecked = tuple(data["checkboxes"]["unchecked"])
    bullets = tuple(
        BulletRule(name=b["name"], pattern=re.compile(b["pattern"]), level=int(b["level"]))
        for b in data["bullets"]
    )
    return Profile(
        id=prof["id"],
        description=prof.get("description", ""),
        fuzzy_label_ratio=float(prof.get("fuzzy_label_ratio", 88)),
        fuzzy_prompt_ratio=float(prof.get("fuzzy_prompt_ratio", 90)),
        fuzzy_min_length=int(prof.get("fuzzy_min_length", 6)),
        styled_prompt_ratio=float(prof.get("styled_prompt_ratio", 70)),
        reworded_prompt_ratio=float(prof.get("reworded_prompt_ratio", 75)),
        page_mark=re.compile(page["page_mark_pattern"]),
        footer_patterns=tuple(_compile(p) for p in page["footer_patterns"]),
        header_patterns=tuple(_compile(p) for p in page["header_patterns"]),
        header_footer_gap=int(page.get("header_footer_gap", 8)),
        year_patterns=tuple(_compile(p) for p in data["document"]["year_patterns"]),
        sections=_sections(data["sections"]),
        strategic_heading=_compile(_goal_heading(headings, "strategic_words", sub_levels=False)),
        operational_heading=_compile(_goal_heading(headings, "operational_words", sub_levels=True)),
        max_heading_lines=int(headings.get("max_title_lines", 5)),
        slip_words=_slip_words(headings),
        word_slips=int(headings.get("word_slips", 0)),
        continuation_mark=_continuation_mark(headings.get("continuation_marks", [])),
        action_prefix=_compile(
            _action_prefix(data["actions"]["title_words"], data["actions"]["separators"])
        ),
        bare_action_prefix=_compile(
            _bare_action_prefix(data["actions"]["title_words"], data["actions"]["separators"])
        ),
        max_action_title_lines=int(data["actions"].get("max_title_lines", 5)),
        fields=fields,
        list_parts=frozenset(data["parts"]["list_parts"]),
        text_parts=frozenset(data["parts"]["text_parts"]),
        evaluation_types=evaluation_types,
        checked_glyphs=checked,
        unchecked_glyphs=unchecked,
        checked_words=frozenset(w.casefold() for w in data["checkboxes"].get("checked_words", [])),
        unchecked_words=frozenset(
            w.casefold() for w in data["checkboxes"].get("unchecked_words", [])
        ),
        index=_template_index(fields, evaluation_types, checked + unchecked, bullets),
        empty_answers=frozenset(v.strip() for v in data["empty_answers"]["values"]),
        bullets=bullets,
        reflow=ReflowRule(
            sentence_end=reflow["sentence_end"],
            continues_after=reflow["continues_after"],
            continuation_words=frozenset(w.lower() for w in reflow["continuation_words"]),
            short_line_ratio=float(reflow["short_line_ratio"]),
            fit_ratio=float(reflow["fit_ratio"]),
        ),
        quality=_quality(data.get("quality", {}), fields),
        source=source,
        roman_numerals=bool(headings.get("roman_numerals", False)),
        outline_numbers=bool(headings.get("outline_numbers", False)),
    )


@cache
def load_profile(path: str | None = None) -> Profile:
    """Load a profile from a TOML file; without a path, the bundled 2025 template."""
    if path is None:
        text = rules_text(DEFAULT_PROFILE)
        return load_profile_data(tomllib.loads(text), source=DEFAULT_PROFILE, validate=False)
    file = Path(path)
    return load_profile_data(tomllib.loads(file.read_text("utf-8")), source=file.name)
