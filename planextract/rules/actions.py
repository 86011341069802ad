"""Named rules that tell where a new action starts inside the goal tree.

The first paragraph after an operational-goal heading, and a paragraph starting with
'Actie:', are always titles (see extract/build.py). Inside an action, a new title is
recognised by one of these rules.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from planextract.models.document import Document
from planextract.models.tokens import Kind, Token
from planextract.rules.headings import same_type, split_action_title
from planextract.rules.profile import Profile
from planextract.rules.reflow import ends_open, ends_sentence
from planextract.rules.sentences import has_sentence_end_inside
from planextract.rules.text import starts_lowercase

if TYPE_CHECKING:
    from planextract.models.tree import ActionDraft


def is_paragraph_start(tok: Token, doc: Document) -> bool:
    """A blank line, a page boundary or a change to bold type comes before the token."""
    if tok.blank_before or tok.break_before or tok.page_mark:
        return True
    line = doc.lines[tok.index]
    return bool(doc.has_layout and line.bold)


def opens_new_form(tok: Token, labelled: Collection[str], current_field: str | None) -> bool:
    """Rule 'a form is a cluster of labels': each label appears once in a form, whatever
    the order of the fields, so the label of a field whose label the action has already
    shown (other than the field being filled) opens the next form."""
    if tok.kind != Kind.LABEL:
        return False
    field = (tok.key or "").split(".")[0]
    return field in labelled and field != current_field


def sentence_break(line_before: str, text: str, profile: Profile) -> bool:
    """A sentence ends at the end of the line before and a new one opens the line."""
    return ends_sentence(line_before, profile.reflow) and not starts_lowercase(text)


def title_before_form(
    nxt: Token | None,
    current_field: str | None,
    profile: Profile,
    fields: Collection[str] = (),
    labelled: Collection[str] = (),
) -> bool:
    """Rule 'title before form': a short paragraph directly followed by the start of a
    new form (the first field 'Wat?' or its prompt, or any label that opens a new form)
    is that form's action title."""
    if nxt is None or nxt.kind not in (Kind.LABEL, Kind.PROMPT, Kind.PART):
        return False
    if opens_new_form(nxt, labelled, current_field):
        return True
    # The first field of the template after the end of a form (its evaluation), or the
    # first field's prompt or sub-part once the action has that field.
    first, last = profile.field_keys[0], profile.field_keys[-1]
    field = (nxt.key or "").split(".")[0]
    ended = current_field == last or first in fields
    return field == first and current_field != first and (ended or not fields)


def title_under_strategic_goal(nxt: Token | None, profile: Profile) -> bool:
    """Rule 'a strategic goal without operational goals': under a strategic goal's heading
    that has no operational goal (yet), a paragraph with the start of a form right under
    it ('Wat?', its prompt or sub-part) is that action's title, as under an OD heading.
    Any other paragraph there may be the goal's own introduction: it stays unassigned
    (and reported), no action is made of it."""
    return title_before_form(nxt, None, profile)


def action_is_complete(action: ActionDraft) -> bool:
    """The action has reached its end: a form with an evaluation box, or a narrative
    action with body text. A ticked box whose criteria have not come yet is no end: they
    come under it."""
    if action.is_template:
        evaluation = action.fields.get("evaluation")
        if action.current != "evaluation" or not (evaluation and evaluation.evaluations):
            return False
        last = evaluation.evaluations.get(evaluation.current_eval or "")
        return not (last is not None and last.selected and not last.tokens)
    return bool(action.body)


# Template text under a paragraph: the form it is part of goes on.
_FORM_GOES_ON = frozenset({Kind.CHECKBOX, Kind.PART, Kind.PROMPT, Kind.EMPTY})
# A heading under a paragraph: an action there would have neither form nor body.
_NO_BODY = frozenset({Kind.GOAL, Kind.SECTION})


def title_on_new_page(
    paragraph: list[Token], nxt: Token | None, before: Token | None, doc: Document, profile: Profile
) -> bool:
    """Rule 'title on a new page': after a complete action, a short paragraph that opens
    a page and stands alone (a blank line or the template follows) starts the next action.
    With layout information, a bold paragraph outside the form table does the same, and
    the text set in another type under it also makes it stand alone.

    Text that merely happens to start a page is none: a paragraph with the form's boxes
    or sub-parts under it, one that goes on from a line that ended open ('… ingediend
    kan worden op' / '31/05/2024 …'), one that ends in a colon (it introduces what
    follows), one of more than one sentence, or one with a heading under it (an action
    needs a form or a body)."""
    tok = paragraph[0]
    line = doc.lines[tok.index]
    if doc.has_layout:
        opens = bool(line.bold) and line.hint != "label"
    else:
        opens = tok.page_mark or tok.break_before
    if not opens or (nxt is not None and nxt.kind in _FORM_GOES_ON | _NO_BODY):
        return False
    if (
        before is not None
        and before.kind in (Kind.TEXT, Kind.BULLET)
        and ends_open(before.text, profile.reflow)
    ):
        return False
    text = " ".join(t.text for t in paragraph)
    if text.rstrip().endswith(":") or has_sentence_end_inside(text):
        return False
    stands_alone = nxt is None or nxt.blank_before or nxt.kind != Kind.TEXT
    if doc.has_layout and nxt is not None and not stands_alone:
        stands_alone = not same_type(line, doc.lines[nxt.index])  # the text under it
    return stands_alone


# How far a section heading inside a form looks for the form going on. A sub-heading of an
# answer ('Planning', 'Tijdslijn') has the form's next label within a page or so; bounded,
# so a file of many such lines is not scanned to its end for each.
FORM_LOOKAHEAD = 400


def section_inside_form(
    tokens: list[Token], i: int, current_field: str | None, field_order: dict[str, int]
) -> bool:
    """Rule 'a heading inside a form is answer text': a section heading (tokens[i]) that a
    writer typed into an answer ('Planning' above the steps of 'Hoe?') stands between two
    parts of one form. The form goes on after it when the next template token is a label
    of a later field, or a sub-part, prompt or box of the field being filled or a later
    one, before any goal or section heading. After the last field's boxes no field
    follows, so a real section after a complete form still opens there."""
    if current_field is None or current_field not in field_order:
        return False
    here = field_order[current_field]
    for tok in tokens[i + 1 : i + 1 + FORM_LOOKAHEAD]:
        if tok.kind in (Kind.GOAL, Kind.SECTION):
            return False
        if tok.kind in (Kind.LABEL, Kind.PART, Kind.PROMPT):
            field = (tok.key or "").split(".")[0]
            order = field_order.get(field)
            if order is None:
                return False
            return order > here or (order == here and tok.kind != Kind.LABEL)
        if tok.kind == Kind.CHECKBOX:
            return current_field == "evaluation"
    return False


_FORM_TEXT = frozenset({Kind.LABEL, Kind.PART, Kind.PROMPT, Kind.CHECKBOX})


def annex_text(tok: Token, known_numbers: Collection[str]) -> bool:
    """Rule 'an annex after the goals refers to them' (for tokens of an annex section that
    follows the goals: a budget per goal, a list of contacts): a goal heading with a
    number the plan already has, or none, names that goal and does not open it again;
    the form's labels, prompts and boxes there are the annex's words. A goal with a new
    number still opens (an annex put between the goals)."""
    if tok.kind == Kind.GOAL:
        return tok.number is None or tok.number in known_numbers
    return tok.kind in _FORM_TEXT


def heading_goes_on(
    first: Token, after: Token | None, heading_fits: bool, profile: Profile
) -> bool:
    """Rule 'a heading's second sentence': the paragraph right under a goal heading (no
    blank line, no page break), with the next action's 'Actie:' title or another heading
    under it, has neither form nor body of its own: it is the rest of the heading's title
    ('… van de lokale besturen.' / 'Deze afstemming gebeurt in dialoog …')."""
    if first.kind != Kind.TEXT or first.blank_before or first.break_before:
        return False
    if not heading_fits:  # heading and paragraph together within the title size
        return False
    if after is None or after.kind in _NO_BODY:
        return True
    return after.kind == Kind.TEXT and split_action_title(after.text, profile).prefixed
