"""Classify content lines into tokens: headings, labels, prompts, checkboxes, list items, text.

One line gives one token, or several when a label shares its line with a prompt
('Met wie? Indien de zorgraad niet de trekker is…').
"""

from __future__ import annotations

from dataclasses import replace

from planextract.extract.layout_hints import continued_lines, styled_prompts
from planextract.models.document import Document, Line, Noise
from planextract.models.tokens import STRUCTURE, Kind, Token
from planextract.rules.headings import (
    heading_in_running_text,
    match_goal_heading,
    match_section,
    numbered_list_item,
    toc_and_heading_pages,
    without_page_number,
)
from planextract.rules.labels import (
    CheckboxMatch,
    is_empty_answer,
    is_prompt_start,
    label_in_answer,
    lone_glyph,
    looks_like_label,
    match_bullet,
    match_checkbox,
    match_checkboxes,
    match_column_label,
    match_label,
    match_part,
    match_prompt,
    prompt_start_after_label,
    reworded_prompt_score,
    split_label_prefix,
    split_part_prefix,
    template_score,
    template_word_in_sentence,
)
from planextract.rules.pages import month_table_after_goals
from planextract.rules.profile import Profile
from planextract.rules.reflow import is_glued_dash
from planextract.rules.text import collapse
from planextract.rules.timeline import load_timeline_rules

_BREAK_NOISE = (Noise.HEADER, Noise.FOOTER, Noise.PAGE_BREAK)


def _gaps(doc: Document) -> dict[int, tuple[bool, bool]]:
    """For each content line: (blank line before, page boundary before)."""
    out: dict[int, tuple[bool, bool]] = {}
    blank = brk = False
    prev_page: int | None = None
    for i, line in enumerate(doc.lines):
        if line.noise == Noise.BLANK:
            blank = True
        elif line.noise in _BREAK_NOISE:
            brk = True
        elif line.noise is None:
            page_changed = (
                doc.has_layout and prev_page is not None and line.page not in (None, prev_page)
            )
            out[i] = (blank, brk or line.page_mark or page_changed)
            blank = brk = False
            prev_page = line.page if line.page is not None else prev_page
    return out


def _classify_line(
    line: Line, profile: Profile, continued: bool = False, opens: bool = False
) -> list[tuple[Kind, dict]]:
    """Tokens of one line (kind + attributes), most specific rule first.

    ``continued``: the line continues a wrapped line (layout only), so a glued dash at
    its start is part of a word, not a list marker. ``opens``: the line opens a paragraph
    (a blank line, a page boundary or template text before it), where a label may carry
    its answer on the same line ('Waarom? Omdat …'); inside a paragraph it may not."""
    text = line.text
    # The label column of the form (PDF); a label sharing its cell with a prompt is split
    # by the wording rules below.
    if line.hint == "label" and split_label_prefix(text, profile) is None:
        rule = match_column_label(text, profile)
        if rule is not None:
            return [(Kind.LABEL, {"text": text, "key": rule.key})]
    heading = match_goal_heading(text, profile)
    if heading:
        return [
            (
                Kind.GOAL,
                {"text": heading.title, "number": heading.number, "goal_level": heading.level},
            )
        ]
    section = match_section(text, profile)
    if section:
        return [
            (
                Kind.SECTION,
                {
                    "text": text,
                    "key": section.name,
                    "level": section.level,
                    "section_kind": section.kind,
                },
            )
        ]
    label = match_label(text, profile)
    if label:
        return [(Kind.LABEL, {"text": text, "key": label.key})]
    split = split_label_prefix(text, profile, answers=opens, raw=line.raw)
    if split:
        label = (Kind.LABEL, {"text": split.rule.label, "key": split.rule.key})
        if split.answer:
            return [label, *_answer_tokens(split.rest, profile)]
        return [label, *_template_tokens(split.rest, profile)]
    row = match_checkboxes(text, profile)
    if row:
        return _checkbox_tokens(row)
    # match_label(text) was None above: the template rules need not ask it again
    template = _template_tokens(text, profile, fallback=False, labels=False)
    if template:
        return template
    if "?" in text or ":" in text or "\t" in line.raw:
        prefix = split_part_prefix(text, profile, raw=line.raw)
        if prefix is not None and (opens or prefix.anywhere):
            part = (
                Kind.PART,
                {"text": prefix.head, "key": f"{prefix.rule.field}.{prefix.rule.key}"},
            )
            return [part, *_answer_tokens(prefix.rest, profile)]
    if is_empty_answer(text, profile):
        return [(Kind.EMPTY, {"text": text})]
    bullet = match_bullet(text, profile)
    if bullet and not (continued and is_glued_dash(text)):
        return [
            (
                Kind.BULLET,
                {"text": bullet.text, "marker": bullet.marker, "level": bullet.rule.level},
            )
        ]
    return [(Kind.TEXT, {"text": text})]


def _checkbox_tokens(row: list[CheckboxMatch], with_rest: bool = True) -> list[tuple[Kind, dict]]:
    """One token per box of the row, then the text after the last type."""
    out: list[tuple[Kind, dict]] = [
        (
            Kind.CHECKBOX,
            {
                "text": box.label,
                "key": box.evaluation_type.key,
                "selected": box.selected,
                "glyph": box.glyph,
            },
        )
        for box in row
    ]
    if with_rest and row[-1].rest:
        out.append((Kind.TEXT, {"text": row[-1].rest}))
    return out


def _boxes_on_own_lines(
    doc: Document, content: list[int], profile: Profile
) -> dict[int, list[CheckboxMatch]]:
    """Rule 'the box on its own line': a line that is only a glyph ('☒') next to a type
    without a box ('Procesevaluatie') is that type's box: a Word table exports the box
    cell and the label cell as two lines, the box above (or below) the type. Paired left
    to right, so the first pair sets which side: '☐ / Proces / ☒ / Output' and 'Proces /
    ☐ / Output / ☒' both read right. Index of both lines -> the box read as one."""
    out: dict[int, list[CheckboxMatch]] = {}
    pos = 0
    while pos + 1 < len(content):
        i, j = content[pos], content[pos + 1]
        first, second = doc.lines[i].text, doc.lines[j].text
        glyph = lone_glyph(first, profile)
        label = second
        if glyph is None:
            glyph, label = lone_glyph(second, profile), first
        bare = match_checkbox(label, profile) if glyph is not None else None
        if bare is not None and bare.glyph is None:
            row = match_checkboxes(f"{glyph} {collapse(label)}", profile)
            if row and row[0].glyph == glyph:
                out[i] = out[j] = row
                pos += 2
                continue
        pos += 1
    return out


def _answer_tokens(text: str, profile: Profile) -> list[tuple[Kind, dict]]:
    """The answer after a label on the label's own line."""
    if is_empty_answer(text, profile):
        return [(Kind.EMPTY, {"text": text})]
    bullet = match_bullet(text, profile)
    if bullet:
        return [
            (
                Kind.BULLET,
                {"text": bullet.text, "marker": bullet.marker, "level": bullet.rule.level},
            )
        ]
    return [(Kind.TEXT, {"text": text})]


def _template_tokens(
    text: str, profile: Profile, fallback: bool = True, labels: bool = True
) -> list[tuple[Kind, dict]]:
    """A sub-part, prompt or (with `labels`) label line; else text (with `fallback`)."""
    part = match_part(text, profile)
    if part:
        return [(Kind.PART, {"text": text, "key": f"{part.field}.{part.key}"})]
    prompt = match_prompt(text, profile)
    if prompt:
        return [(Kind.PROMPT, {"text": text, "key": prompt.field})]
    label = match_label(text, profile) if labels else None
    if label:
        return [(Kind.LABEL, {"text": text, "key": label.key})]
    return [(Kind.TEXT, {"text": text})] if fallback else []


def _join_wrapped_prompts(doc: Document, content: list[int], profile: Profile) -> dict[int, str]:
    """Prompts that wrap over two or three lines: index -> the joined prompt text,
    for every line that belongs to such a prompt; a first line that starts with the
    field's label ('Met wie? Indien de zorgraad niet de') keeps the label in front."""
    joined: dict[int, str] = {}
    for pos, i in enumerate(content):
        if i in joined:
            continue
        line = doc.lines[i].text
        label = ""
        if not is_prompt_start(line, profile):
            start = prompt_start_after_label(line, profile)
            if start is None:
                continue
            label = collapse(line)[: -len(start)].rstrip()  # start ends the collapsed line
            line = start
        found = _wrapped_extent(
            line, [doc.lines[k].text for k in content[pos + 1 : pos + 3]], profile
        )
        if found is not None:
            extra, text = found
            for k in range(extra + 1):
                joined[content[pos + k]] = f"{label} {text}" if label and k == 0 else text
    return joined


def _wrapped_extent(first: str, after: list[str], profile: Profile) -> tuple[int, str] | None:
    """How many of the (up to two) lines `after` a prompt starting with `first` takes,
    and its joined text. Two lines only when the pair is closer to the template than one
    ('… welke rol de zorgraad' / 'opneemt.'), so a short answer line is never taken."""
    one = f"{first} {after[0]}" if after else ""
    if not one or not (match_part(one, profile) or match_prompt(one, profile)):
        if len(after) < 2:
            return None
        two = f"{one} {after[1]}"
        return (2, two) if match_part(two, profile) or match_prompt(two, profile) else None
    if len(after) == 2:
        two = f"{one} {after[1]}"
        if template_score(two, profile) > template_score(one, profile):
            return 2, two
    return 1, one


def _wrapped_tokens(text: str, profile: Profile) -> list[tuple[Kind, dict]]:
    """Tokens of a line of a wrapped prompt or sub-part (joined text), the label first
    when the prompt's first line starts with it."""
    split = split_label_prefix(text, profile)
    if split is not None and not split.answer:
        label = (Kind.LABEL, {"text": split.rule.label, "key": split.rule.key})
        return [label, *_template_tokens(split.rest, profile)]
    return _template_tokens(text, profile)


def _after_template(tokens: list[Token], i: int) -> bool:
    """The line before line i was template text (a label, prompt or checkbox line)."""
    return bool(tokens) and tokens[-1].index < i and tokens[-1].kind in STRUCTURE


def classify(doc: Document, profile: Profile) -> list[Token]:
    gaps = _gaps(doc)
    content = sorted(gaps)
    wrapped = _join_wrapped_prompts(doc, content, profile)
    boxed = _boxes_on_own_lines(doc, content, profile)
    continued = continued_lines(doc, content, gaps) if doc.has_layout else set()
    styled = styled_prompts(doc, content, gaps, profile) if doc.has_layout else {}
    toc, paged = toc_and_heading_pages(doc.lines, content, profile)
    tokens: list[Token] = []
    before: str | None = None  # the content line before this one, if running text
    for pos, i in enumerate(content):
        line = doc.lines[i]
        blank, brk = gaps[i]
        opens = False
        if i in wrapped:
            kinds = _wrapped_tokens(wrapped[i], profile)
        elif i in boxed:
            # the glyph line carries the box; the type's line the text after it, if any
            kinds = _checkbox_tokens(boxed[i], with_rest=lone_glyph(line.text, profile) is None)
        elif i in styled:
            kinds = [(Kind.PROMPT, {"text": styled[i][0], "key": styled[i][1]})]
        else:
            if i in paged:  # the heading's page number at the right is no title word
                line = replace(line, text=without_page_number(line.text))
            opens = blank or brk or line.page_mark or _after_template(tokens, i)
            kinds = _classify_line(line, profile, continued=i in continued, opens=opens)
            if i in toc and kinds[0][0] in (Kind.GOAL, Kind.SECTION):
                kinds = [(Kind.TEXT, {"text": line.text})]  # an entry, not the heading
            elif kinds[0][0] == Kind.GOAL and heading_in_running_text(before, opens, profile):
                kinds = [(Kind.TEXT, {"text": line.text})]  # 'OD 1.3' named in a sentence
            elif kinds[0][0] == Kind.SECTION and numbered_list_item(
                line.text,
                doc.lines[content[pos - 1]].text if pos else None,
                doc.lines[content[pos + 1]].text if pos + 1 < len(content) else None,
            ):
                kinds = [(Kind.TEXT, {"text": line.text})]  # '2. Tijdslijn' of a list
            elif (
                len(kinds) == 1
                and kinds[0][0] in (Kind.LABEL, Kind.PART)
                and template_word_in_sentence(before, line.text, opens, profile)
            ):
                kinds = [(Kind.TEXT, {"text": line.text})]  # '… voor alle' / 'doelgroepen.'
        # only running text goes on over a line break ('/' or a label line does not)
        before = line.text if kinds[-1][0] in (Kind.TEXT, Kind.BULLET) else None
        unknown_label = opens and len(kinds) == 1 and kinds[0][0] == Kind.TEXT
        for n, (kind, attrs) in enumerate(kinds):
            tokens.append(
                Token(
                    kind=kind,
                    index=i,
                    blank_before=blank if n == 0 else False,
                    break_before=brk if n == 0 else False,
                    page_mark=line.page_mark and n == 0,
                    label_like=unknown_label and looks_like_label(line.text),
                    **attrs,
                )
            )
    tokens = _labels_in_answers(tokens, doc, profile)
    tokens = _timeline_after_goals(tokens, doc)
    # With layout the prompt style tells a reworded prompt (styled_prompts); a text export
    # has only its place and wording to go by.
    return tokens if doc.has_layout else _reworded_prompts(tokens, profile)


def _timeline_after_goals(tokens: list[Token], doc: Document) -> list[Token]:
    """The heading of a month table after the goals opens a timeline section
    (rules/pages.month_table_after_goals), so its rows do not become actions; the table
    is known by the timeline's own rules (rules/timeline.toml)."""
    h = month_table_after_goals(tokens, doc.lines, load_timeline_rules().table)
    if h is None:
        return tokens
    tok = tokens[h]
    tokens[h] = Token(
        kind=Kind.SECTION,
        index=tok.index,
        text=tok.text,
        level=1,
        section_kind="timeline",
        blank_before=tok.blank_before,
        break_before=tok.break_before,
        page_mark=tok.page_mark,
    )
    return tokens


# A reworded prompt that does not end its sentence on its line may wrap onto the next.
_SENTENCE_END = (".", ":", "?", "!")


def _reworded_prompts(tokens: list[Token], profile: Profile) -> list[Token]:
    """The line right after a label (on the label's line or the next) that rewords that
    field's prompt is a prompt (rules/labels.reworded_prompt_score); with the line after
    it when the prompt wraps: the two lines together must be closer to the prompt than
    the first alone, so an answer line is never taken with it."""
    threshold = profile.reworded_prompt_ratio
    for p, tok in enumerate(tokens):
        if tok.kind != Kind.LABEL or tok.key is None or p + 1 >= len(tokens):
            continue
        first = tokens[p + 1]
        if first.kind != Kind.TEXT:
            continue
        alone = reworded_prompt_score(first.text, tok.key, profile)
        lines = [first] if alone >= threshold else []
        second = tokens[p + 2] if p + 2 < len(tokens) else None
        if (
            second is not None
            and second.kind == Kind.TEXT
            and second.index == first.index + 1
            and not second.blank_before
            and not first.text.rstrip().endswith(_SENTENCE_END)
        ):
            joined = reworded_prompt_score(f"{first.text} {second.text}", tok.key, profile)
            if joined >= threshold and joined >= alone:
                lines = [first, second]
        for line in lines:
            line.kind, line.key = Kind.PROMPT, tok.key
    return tokens


# How far the rule 'a field's label appears once in a form' looks back and ahead.
_FORM_SPAN = 400


def _labels_in_answers(tokens: list[Token], doc: Document, profile: Profile) -> list[Token]:
    """Labels with their answer on their line that stand inside another field's answer
    (rules/labels.label_in_answer) become one text line again."""
    order = {key: n for n, key in enumerate(profile.field_keys)}
    out: list[Token] = []
    p = 0
    while p < len(tokens):
        tok = tokens[p]
        same_line = p + 1 < len(tokens) and tokens[p + 1].index == tok.index
        if tok.kind == Kind.LABEL and same_line and label_in_answer(tokens, p, order, _FORM_SPAN):
            end = p + 1
            while end < len(tokens) and tokens[end].index == tok.index:
                end += 1
            out.append(
                Token(
                    kind=Kind.TEXT,
                    index=tok.index,
                    text=doc.lines[tok.index].text,
                    blank_before=tok.blank_before,
                    break_before=tok.break_before,
                    page_mark=tok.page_mark,
                )
            )
            p = end
            continue
        out.append(tok)
        p += 1
    return out
