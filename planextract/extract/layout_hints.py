"""What positions and styles tell the classifier, for documents with layout (PDF).

- continued lines: a line that the one before it wrapped into (its first word did not
  fit), so it cannot start a list item with a glued dash ('communicatiebeleid en' /
  '-plan');
- styled prompts: grey italic lines (the template's prompt style) whose wording is close
  to, but not exactly, a prompt of the template, joined when they wrap.
"""

from __future__ import annotations

from itertools import pairwise

from planextract.models.document import Document, Line
from planextract.rules.labels import is_template_text, match_styled_prompt
from planextract.rules.pdf import is_grey, line_wrapped, load_pdf_rules
from planextract.rules.profile import Profile


def _same_column(a: Line, b: Line) -> bool:
    return a.column_x1 is not None and a.column_x1 == b.column_x1


def continued_lines(
    doc: Document, content: list[int], gaps: dict[int, tuple[bool, bool]]
) -> set[int]:
    """Indices of lines that continue the line before them (no gap, same column, wrapped)."""
    out: set[int] = set()
    for prev, cur in pairwise(content):
        a, b = doc.lines[prev], doc.lines[cur]
        if not gaps[cur][0] and _same_column(a, b) and line_wrapped(a, b):
            out.add(cur)
    return out


def has_prompt_style(line: Line) -> bool:
    return bool(line.italic) and is_grey(line.color, load_pdf_rules())


def styled_prompts(
    doc: Document, content: list[int], gaps: dict[int, tuple[bool, bool]], profile: Profile
) -> dict[int, tuple[str, str]]:
    """index -> (prompt text, field) for the lines of reworded prompts in prompt style.

    Runs of prompt-style lines without a gap are one prompt; a run in which a line is
    template text on its own is left to the wording rules."""
    runs: list[list[int]] = []
    after_styled = False  # the previous content line was in prompt style
    for i in content:
        styled = has_prompt_style(doc.lines[i])
        if styled and after_styled and not gaps[i][0]:
            runs[-1].append(i)
        elif styled:
            runs.append([i])
        after_styled = styled
    out: dict[int, tuple[str, str]] = {}
    for run in runs:
        texts = [doc.lines[i].text for i in run]
        if any(is_template_text(t, profile) for t in texts):
            continue
        joined = " ".join(texts)
        found = match_styled_prompt(joined, profile)
        if found is not None:
            for i in run:
                out[i] = (joined, found.field)
    return out
