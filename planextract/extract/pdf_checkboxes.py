"""Checkboxes that are form fields (AcroForm), not glyphs in the text.

Their state lives in the widget annotation (/AS, the state shown, else the field's /V;
'/Off' is off by definition, any other state is on); each reader finds the widgets. The
state is written as a ☒/☐ glyph in front of the text line the box stands next to, so that
the shared rules read it like a printed checkbox.
"""

from __future__ import annotations

from planextract.models.document import Line
from planextract.models.record import record
from planextract.rules.pdf import CHECKED, UNCHECKED, PdfRules


@record(frozen=True, slots=True)
class CheckboxField:
    x0: float
    top: float
    x1: float
    bottom: float
    checked: bool
    name: str


def place_checkboxes(
    lines: list[Line], fields: list[CheckboxField], rules: PdfRules
) -> list[CheckboxField]:
    """Write each field's state in front of the line to its right; returns the fields
    that stand next to no text."""
    unplaced = []
    for box in fields:
        best: Line | None = None
        for line in lines:
            if not line.text or line.x0 is None or line.top is None or line.bottom is None:
                continue
            overlaps = line.top < box.bottom and line.bottom > box.top
            size = line.size or (box.bottom - box.top)
            near = box.x0 - 1 <= line.x0 <= box.x1 + rules.checkbox_max_distance * size
            if overlaps and near and (best is None or line.x0 < (best.x0 or 0)):
                best = line
        if best is None:
            unplaced.append(box)
            continue
        best.text = f"{CHECKED if box.checked else UNCHECKED} {best.text}"
        best.x0 = round(min(box.x0, best.x0 or box.x0), 2)
    return unplaced
