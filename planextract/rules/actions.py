"""Named rules that tell where a new action starts inside the goal tree.

The first paragraph after an operational-goal heading, and a paragraph starting with
'Actie:', are always titles (see extract/build.py). Inside an action, a new title is
recognised by one of these rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planextract.extract.classify import Kind, Token
from planextract.models.document import Document
from planextract.rules.headings import same_type
from planextract.rules.profile import Profile

if TYPE_CHECKING:
    from planextract.extract.drafts import ActionDraft

FIRST_FIELD = "what"


def is_paragraph_start(tok: Token, doc: Document) -> bool:
    """A blank line, a page boundary or a change to bold type comes before the token."""
    if tok.blank_before or tok.break_before or tok.page_mark:
        return True
    line = doc.lines[tok.index]
    return bool(doc.has_layout and line.bold)


def title_before_form(nxt: Token | None, current_field: str | None, profile: Profile) -> bool:
    """Rule 'title before form': a short paragraph directly followed by the first field
    of a new form ('Wat?' or its prompt) is that form's action title."""
    if nxt is None or nxt.kind not in (Kind.LABEL, Kind.PROMPT, Kind.PART):
        return False
    field = (nxt.key or "").split(".")[0]
    return field == FIRST_FIELD and current_field != FIRST_FIELD


def action_is_complete(action: ActionDraft) -> bool:
    """The action has reached its end: a form with an evaluation box, or a narrative
    action with body text."""
    if action.is_template:
        evaluation = action.fields.get("evaluation")
        return action.current == "evaluation" and bool(evaluation and evaluation.evaluations)
    return bool(action.body)


def title_on_new_page(tok: Token, nxt: Token | None, doc: Document) -> bool:
    """Rule 'title on a new page': after a complete action, a short paragraph that opens
    a page and stands alone (a blank line or the template follows) starts the next action.
    With layout information, a bold paragraph outside the form table does the same, and
    the text set in another type under it also makes it stand alone."""
    line = doc.lines[tok.index]
    if doc.has_layout:
        opens = bool(line.bold) and line.hint != "label"
    else:
        opens = tok.page_mark or tok.break_before
    stands_alone = nxt is None or nxt.blank_before or nxt.kind != Kind.TEXT
    if doc.has_layout and nxt is not None and not stands_alone:
        stands_alone = not same_type(line, doc.lines[nxt.index])  # the text under it
    return opens and stands_alone
