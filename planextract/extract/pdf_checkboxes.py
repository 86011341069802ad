"""Checkboxes that are form fields (AcroForm), not glyphs in the text.

Their state lives in the widget annotation (/AS, the state shown, else the field's /V;
'/Off' is off by definition, any other state is on). The reader writes the state as a
☒/☐ glyph in front of the text line the box stands next to, so that the shared rules
read it like a printed checkbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pdfminer.psparser import PSLiteral

from planextract.models.document import Line
from planextract.rules.pdf import CHECKED, UNCHECKED, PdfRules

_PUSHBUTTON = 1 << 16


@dataclass(frozen=True, slots=True)
class CheckboxField:
    x0: float
    top: float
    x1: float
    bottom: float
    checked: bool
    name: str


def _resolve(value: Any) -> Any:
    from pdfminer.pdftypes import resolve1

    return resolve1(value)


def _name(value: Any) -> str | None:
    value = _resolve(value)
    if isinstance(value, PSLiteral):
        name = value.name
        return name.decode("latin-1") if isinstance(name, bytes) else str(name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value) if value is not None else None


def _inherited(data: dict, key: str) -> Any:
    """A field attribute, looked up on the widget and then on its parent fields."""
    seen = 0
    while isinstance(data, dict) and seen < 10:
        if key in data:
            return data[key]
        data = _resolve(data.get("Parent"))
        seen += 1
    return None


def checkbox_fields(page: Any) -> list[CheckboxField]:
    out: list[CheckboxField] = []
    for annot in page.annots:
        data = _resolve(annot.get("data")) or {}
        if not isinstance(data, dict) or _name(data.get("Subtype")) != "Widget":
            continue
        if _name(_inherited(data, "FT")) != "Btn":
            continue
        flags = _resolve(_inherited(data, "Ff")) or 0
        if isinstance(flags, int) and flags & _PUSHBUTTON:
            continue
        state = _name(data.get("AS")) or _name(_inherited(data, "V")) or "Off"
        out.append(
            CheckboxField(
                x0=float(annot["x0"]),
                top=float(annot["top"]),
                x1=float(annot["x1"]),
                bottom=float(annot["bottom"]),
                checked=state != "Off",
                name=_name(_inherited(data, "T")) or "",
            )
        )
    return out


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
