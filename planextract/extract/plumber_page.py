"""One page through pdfplumber (`--reader pdfplumber`, kept to compare with PDFium):
its words, ruling edges, images and AcroForm checkbox widgets."""

from __future__ import annotations

import io
from typing import Any

from pdfminer.psparser import PSLiteral

from planextract.errors import EncryptedInput, UnreadableInput
from planextract.extract.pdf_checkboxes import CheckboxField
from planextract.extract.pdf_inflate import StreamTooLarge
from planextract.extract.pdf_page import PageData, Word, make_word
from planextract.rules.pdf import PdfRules, color_hex

WORD_ATTRS = ["fontname", "size", "non_stroking_color"]
_PUSHBUTTON = 1 << 16


Box = tuple[float, float, float, float]


def _small_boxes(page: Any, rules: PdfRules) -> list[Box]:
    """Closed rectangles the size of a checkbox: their edges would cut a text cell in two
    (a short word under the box would get a cell of its own)."""
    limit = rules.ruling_box_max
    return [
        (r["x0"], r["top"], r["x1"], r["bottom"])
        for r in page.rects
        if r["x1"] - r["x0"] <= limit and r["bottom"] - r["top"] <= limit
    ]


def _on_box(edge: dict[str, Any], boxes: list[Box], tol: float) -> bool:
    if edge.get("object_type") != "rect_edge":
        return False
    x0, top, x1, bottom = edge["x0"], edge["top"], edge["x1"], edge["bottom"]
    return any(
        bx0 - tol <= x0 and x1 <= bx1 + tol and btop - tol <= top and bottom <= bbottom + tol
        for bx0, btop, bx1, bbottom in boxes
    )


def page_data(page: Any, rules: PdfRules) -> PageData:
    boxes = _small_boxes(page, rules)
    return PageData(
        width=float(page.width),
        height=float(page.height),
        words=page_words(page, rules),
        h_edges=[
            (e["top"], e["x0"], e["x1"])
            for e in page.horizontal_edges
            if not _on_box(e, boxes, rules.ruling_tolerance)
        ],
        v_edges=[
            (e["x0"], e["top"], e["bottom"])
            for e in page.vertical_edges
            if not _on_box(e, boxes, rules.ruling_tolerance)
        ],
        images=[(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images],
    )


def page_words(page: Any, rules: PdfRules) -> list[Word]:
    return [
        make_word(
            w["text"],
            w["x0"],
            w["x1"],
            w["top"],
            w["bottom"],
            w.get("fontname") or "",
            float(w.get("size") or 0.0),
            color_hex(w.get("non_stroking_color")),
            rules,
        )
        for w in page.extract_words(extra_attrs=WORD_ATTRS, keep_blank_chars=False)
    ]


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


def _inner(exc: BaseException) -> BaseException:
    """pdfplumber wraps pdfminer's errors: the original one."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc


class PlumberSource:
    """An open PDF read through pdfplumber."""

    def __init__(self, name: str, data: bytes) -> None:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        from planextract.extract.read_pdf import reason

        try:
            self.pdf = pdfplumber.open(io.BytesIO(data))
            self.pages = self.pdf.pages
        except Exception as exc:  # untrusted bytes: any parser error is a damaged file
            inner = _inner(exc)
            if isinstance(inner, StreamTooLarge | MemoryError):
                raise inner from exc  # a bound, not damage: read_pdf names it
            if isinstance(exc, PDFPasswordIncorrect | PDFEncryptionError) or isinstance(
                inner, PDFPasswordIncorrect | PDFEncryptionError
            ):
                raise EncryptedInput(name, "encrypted PDF: it needs a password to be read") from exc
            raise UnreadableInput(name, f"damaged or truncated PDF ({reason(inner)})") from exc
        self.page_count = len(self.pages)

    def page(self, index: int, rules: PdfRules) -> tuple[PageData, list[CheckboxField]]:
        page = self.pages[index]
        try:
            return page_data(page, rules), checkbox_fields(page)
        except Exception as exc:
            inner = _inner(exc)
            if inner is exc:
                raise
            raise inner from exc  # the message names pdfminer's own error
        finally:
            page.close()  # drop pdfplumber's per-page caches

    def close(self) -> None:
        self.pdf.close()
