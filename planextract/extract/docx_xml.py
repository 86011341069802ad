"""Small readings of WordprocessingML elements: cells of a row, spans and merges, toggles,
symbol characters, pictures and text boxes. No state: the body reader (docx_body) uses them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from planextract.extract.docx_style import q, wval
from planextract.rules.pdf import CHECKED, UNCHECKED

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MAX_WRAPPERS = 20  # controls inside controls around rows or cells in a hostile file


def row_cells(tr: Any, counts: Counter[str] | None = None, depth: int = 0) -> list[Any]:
    """The cells of a row, inside content controls and custom XML too (`counts`: wrappers
    nested too deep to be read are counted as 'too-deep-wrappers')."""
    return _unwrapped(tr, q("tc"), counts, depth)


def table_rows(tbl: Any, counts: Counter[str] | None = None, depth: int = 0) -> list[Any]:
    """The rows of a table, inside table-level content controls (a repeating section and
    its items wrap rows) and custom XML too."""
    return _unwrapped(tbl, q("tr"), counts, depth)


def _unwrapped(parent: Any, tag: str, counts: Counter[str] | None, depth: int) -> list[Any]:
    out = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (q("sdt"), q("customXml")):
            if depth >= _MAX_WRAPPERS:
                if counts is not None:
                    counts["too-deep-wrappers"] += 1
                continue
            content = child.find(q("sdtContent")) if child.tag == q("sdt") else child
            if content is not None:
                out.extend(_unwrapped(content, tag, counts, depth + 1))
    return out


def twips(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def cell_span(tc: Any) -> int:
    tcpr = tc.find(q("tcPr"))
    span = wval(tcpr.find(q("gridSpan"))) if tcpr is not None else None
    return max(1, min(int(span), 64)) if span and span.isdigit() else 1


def merge_continues(tc: Any) -> bool:
    """A cell that continues a vertical merge: its text is in the cell above."""
    tcpr = tc.find(q("tcPr"))
    merge = tcpr.find(q("vMerge")) if tcpr is not None else None
    return merge is not None and wval(merge) in (None, "continue")


def label_narrower(grid: list[int | None], spans: list[int]) -> bool:
    """The left cell of a 2-cell row is the label when it is not the wider one (or when
    the grid gives no widths)."""
    if len(spans) != 2 or sum(spans) > len(grid) or None in grid[: sum(spans)]:
        return True
    left = sum(w or 0 for w in grid[: spans[0]])
    right = sum(w or 0 for w in grid[spans[0] : spans[0] + spans[1]])
    return left <= right


def toggle(el: Any) -> bool:
    return el is not None and wval(el) not in ("0", "false", "off")


def hexchar(sym: Any) -> bool:
    char = wval(sym, "char") or ""
    return 0 < len(char) <= 4 and all(c in "0123456789abcdefABCDEF" for c in char)


def glyph_state(text: str) -> bool | None:
    if text in (CHECKED, "☑", "⊠"):
        return True
    if text in (UNCHECKED, "□"):
        return False
    return None


PICTURES = (
    "{http://schemas.openxmlformats.org/drawingml/2006/main}blip",
    "{urn:schemas-microsoft-com:vml}imagedata",
)


def is_picture(el: Any) -> bool:
    """A picture (a pasted scan, an annex as image): its content is not text."""
    return any(next(el.iter(tag), None) is not None for tag in PICTURES)


def is_control(el: Any) -> bool:
    """An ActiveX control (w:control: a checkbox, a text field of an old form); its state
    is in a binary part."""
    return next(el.iter(q("control")), None) is not None


def text_boxes(el: Any) -> list[Any]:
    """Text box contents under a drawing, without the VML fallback copy of the same box."""
    out = []
    for box in el.iter(q("txbxContent")):
        ancestor, fallback = box.getparent(), False
        while ancestor is not None and ancestor is not el:
            if ancestor.tag == f"{{{MC}}}Fallback":
                fallback = True
                break
            ancestor = ancestor.getparent()
        if not fallback:
            out.append(box)
    return out
