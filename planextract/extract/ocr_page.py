"""A page without a text layer -> the same PageContent the PDF reader makes, through OCR.

The page is rendered with PDFium, deskewed and cleaned (ocr_image), its ruling lines and
checkboxes found in the pixels, and the rest recognised by Tesseract (ocr_engine). The
words, with a font box around their baseline, a size, bold/italic/grey from the pixels and
the rulings, are handed to pdf_page.read_page through a page object that looks like
pdfplumber's, so the label column, prompts, running lines and data tables follow the same
rules as for a text PDF. Checkboxes become ☒ / ☐ words in front of their line; a box whose
ink is unsure becomes the unknown glyph, which the shared rules report as unreadable.
"""

from __future__ import annotations

import re
import time
from dataclasses import field
from typing import Any

import numpy as np

from planextract.extract.ocr_engine import OcrLine, OcrUnavailable, check_available, recognise
from planextract.extract.ocr_image import (
    Box,
    checkboxes,
    deskew,
    despeckle,
    erase,
    is_slanted,
    lost_marker,
    render,
    word_style,
)
from planextract.extract.ocr_image import rulings as find_rulings
from planextract.extract.ocr_issues import OCR_CHECKBOX_UNSURE, OCR_LOW_CONFIDENCE, OCR_PAGE
from planextract.extract.pdf_page import PageContent, read_page
from planextract.extract.plumber_page import page_data
from planextract.models.document import PageIssue
from planextract.models.record import record
from planextract.rules.ocr import OcrRules, load_ocr_rules
from planextract.rules.pdf import CHECKED, UNCHECKED, UNKNOWN_GLYPH, PdfRules

FONT = "OCR"  # the font name of OCR'd words: says where they come from
BULLET, DASH = "•", "-"
_GLUED_DASH = re.compile(r"^([-–—]+_+)(\w.*)$")


@record(slots=True)
class ImagePage:
    """What plumber_page.page_data asks of a pdfplumber page, made from the page image."""

    width: float
    height: float
    words: list[dict[str, Any]]
    horizontal_edges: list[dict[str, float]]
    vertical_edges: list[dict[str, float]]
    images: list[dict[str, float]] = field(default_factory=list)  # the scan is read now
    rects: list[dict[str, float]] = field(default_factory=list)  # rulings are edges only

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return self.words


@record(slots=True)
class OcrPage:
    content: PageContent
    issues: list[PageIssue]
    seconds: float


def _sizes(lines: list[OcrLine], scale: float, rules: OcrRules) -> dict[int, float]:
    """Font size per paragraph: the median line size, weighted by words. One line's own
    x_size is quantised by its pixels and its letters (a line without descenders measures
    smaller), and the shared rules join a wrapped heading only when its lines match."""
    by_par: dict[int, list[float]] = {}
    for line in lines:
        by_par.setdefault(line.paragraph, []).extend([line.x_size] * len(line.words))
    out = {}
    for par, values in by_par.items():
        size = float(np.median(values)) * rules.size_factor / scale
        out[par] = max(rules.size_step, round(size / rules.size_step) * rules.size_step)
    return out


def _font(bold: bool, italic: bool) -> str:
    return FONT + ("-Bold" if bold else "") + ("-Oblique" if italic else "")


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Share of a's area inside b."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return max(0, w) * max(0, h) / area


@record(slots=True)
class _Word:
    text: str
    box: tuple[int, int, int, int]
    confidence: float
    line: OcrLine
    size: float


def _line_words(
    line: OcrLine, size: float, rules: OcrRules, ink: np.ndarray, scale: float
) -> list[_Word]:
    """The line's words with list markers (also those Tesseract left out, from the pixels
    in `ink`) and predictable misreadings put right."""
    size_px = size * scale
    out = [  # a piece of a table rule too short to be found as one is read as '|': no word
        _Word(w.text, w.box, w.confidence, line, size)
        for w in line.words
        if not (
            w.box[3] - w.box[1] > rules.rule_height * size_px
            and w.box[2] - w.box[0] < rules.rule_width * size_px
        )
    ]
    if not out:
        return []
    head = out[0]
    if head.text not in (BULLET, DASH, *rules.bullets, *rules.dashes):
        lost = lost_marker(ink, head.box, size_px, rules)
        if lost is not None:
            out.insert(0, _Word(lost[0], lost[1], head.confidence, line, size))
    for w in out:
        w.text = rules.word_fixes.get(w.text, w.text)
    first = out[0]
    if first.text in rules.bullets:
        first.text = BULLET
    elif first.text in rules.dashes:
        first.text = DASH
    else:
        glued = _GLUED_DASH.match(first.text)
        if glued:  # '-_Cranium': the dash and its word, the box split by characters
            x0, top, x1, bottom = first.box
            cut = x0 + (x1 - x0) * len(glued[1]) // len(first.text)
            rest = _Word(glued[2], (cut, top, x1, bottom), first.confidence, line, size)
            first.text, first.box = DASH, (x0, top, max(x0 + 1, cut - 1), bottom)
            out.insert(1, rest)
    if first.text in (BULLET, DASH) and len(out) > 1 and out[1].text[:1] == "_":
        out[1].text = out[1].text.lstrip("_") or out[1].text  # '- _Methodiek': the space
    return out


def _words(lines: list[OcrLine], scale: float, rules: OcrRules, ink: np.ndarray) -> list[_Word]:
    sizes = _sizes(lines, scale, rules)
    return [
        w for line in lines for w in _line_words(line, sizes[line.paragraph], rules, ink, scale)
    ]


def _font_box(word: _Word, x: float, scale: float, rules: OcrRules) -> tuple[float, float]:
    base = word.line.baseline_at(x) / scale
    return base - rules.ascent * word.size, base + rules.descent * word.size


def _place_boxes(
    words: list[_Word], boxes: list[Box], scale: float, rules: OcrRules, pdf: PdfRules
) -> tuple[list[dict[str, Any]], list[Box], set[int]]:
    """Checkbox words in front of the text line to their right. Returns them, the unsure
    boxes and the indices of the OCR words that were the box glyph read as text.

    A square that stands next to no text, or inside a word (a letter), is no checkbox."""
    out: list[dict[str, Any]] = []
    unsure: list[Box] = []
    glyphs: set[int] = set()
    for box in boxes:
        bbox = (box.x0, box.top, box.x1, box.bottom)
        hits = [i for i, w in enumerate(words) if _overlap(w.box, bbox) > 0]
        if any(_overlap(words[i].box, bbox) < 0.5 for i in hits):
            continue
        side = box.x1 - box.x0
        mid = (box.top + box.bottom) / 2
        best: _Word | None = None
        for i, w in enumerate(words):
            size_px = w.size * scale
            if i in hits or not w.box[1] <= mid <= w.box[3]:
                continue
            if not rules.box_min_side * size_px <= side <= rules.box_max_side * size_px:
                continue
            if box.x1 - 2 <= w.box[0] <= box.x1 + pdf.checkbox_max_distance * size_px and (
                best is None or w.box[0] < best.box[0]
            ):
                best = w
        if best is None:
            continue
        glyphs.update(hits)
        state = box.state(rules)
        if state is None:
            unsure.append(box)
        glyph = UNKNOWN_GLYPH if state is None else CHECKED if state else UNCHECKED
        top, bottom = _font_box(best, box.x0, scale, rules)
        out.append(
            _word_dict(glyph, box.x0 / scale, box.x1 / scale, top, bottom, best.size, FONT, 0.0)
        )
    return out, unsure, glyphs


def _word_dict(
    text: str, x0: float, x1: float, top: float, bottom: float, size: float, font: str, grey: float
) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "fontname": font,
        "size": size,
        "non_stroking_color": (grey,),
    }


def _issues(
    page_no: int, words: list[_Word], unsure: list[Box], angle: float, scale: float, rules: OcrRules
) -> list[PageIssue]:
    mean = sum(w.confidence for w in words) / len(words) if words else 0.0
    issues = [
        PageIssue(
            page_no,
            OCR_PAGE,
            f"gelezen met OCR: {len(words)} woorden, gemiddelde woordzekerheid {mean:.0f}%, "
            f"scheefstand {angle:+.1f}°",
        )
    ]
    low = [w for w in words if w.confidence < rules.low_confidence]
    if words and len(low) > rules.low_confidence_share * len(words):
        examples = "; ".join(
            f"‘{w.text}’ {w.confidence:.0f}% op ({w.box[0] / scale:.0f}, {w.box[1] / scale:.0f})"
            for w in sorted(low, key=lambda w: w.confidence)[:5]
        )
        issues.append(
            PageIssue(
                page_no,
                OCR_LOW_CONFIDENCE,
                f"{len(low)} van {len(words)} woorden onzeker gelezen (onder "
                f"{rules.low_confidence:.0f}%), bv. {examples}",
            )
        )
    for box in unsure:
        issues.append(
            PageIssue(
                page_no,
                OCR_CHECKBOX_UNSURE,
                f"vakje op ({box.x0 / scale:.0f}, {box.top / scale:.0f}) met {box.ink:.0%} inkt: "
                "aangevinkt of niet is niet met zekerheid te zien",
            )
        )
    return issues


def ocr_page(page: Any, page_no: int, pdf: PdfRules, seconds: float) -> OcrPage:
    """OCR one pypdfium2 page; raises TimeoutError past `seconds` (the page's bound)."""
    rules = load_ocr_rules()
    started = time.monotonic()
    width, height = page.get_size()
    image, scale = render(page, rules)
    image, angle = deskew(image, rules)
    horizontal, vertical = find_rulings(image, scale, rules)
    boxes = checkboxes(image, scale, rules)
    for_engine = despeckle(erase(image, horizontal, vertical), rules)
    budget = min(rules.page_seconds, seconds - (time.monotonic() - started))
    if budget <= 0:
        raise TimeoutError("no time left for OCR")
    lines = recognise(for_engine, rules.language, budget)
    gray = np.asarray(image)
    words = _words(lines, scale, rules, np.asarray(for_engine))
    marks, unsure, glyphs = _place_boxes(words, boxes, scale, rules, pdf)
    words = [w for i, w in enumerate(words) if i not in glyphs]
    italic = {id(line): is_slanted(gray, line.box, rules) for line in lines}
    out: list[dict[str, Any]] = []
    for w in words:
        bold, core = word_style(gray, w.box, w.size * scale, rules)
        grey = core / 255 if core > rules.grey_level else 0.0
        top, bottom = _font_box(w, (w.box[0] + w.box[2]) / 2, scale, rules)
        font = _font(bold, italic[id(w.line)])
        out.append(
            _word_dict(w.text, w.box[0] / scale, w.box[2] / scale, top, bottom, w.size, font, grey)
        )
    fake = ImagePage(
        width=float(width),
        height=float(height),
        words=out + marks,
        horizontal_edges=[
            {"top": s.pos / scale, "x0": s.a / scale, "x1": s.b / scale} for s in horizontal
        ],
        vertical_edges=[
            {"x0": s.pos / scale, "top": s.a / scale, "bottom": s.b / scale} for s in vertical
        ],
    )
    content = read_page(page_data(fake, pdf), page_no, pdf)
    return OcrPage(
        content, _issues(page_no, words, unsure, angle, scale, rules), time.monotonic() - started
    )


class OcrReader:
    """OCR for the pages of one PDF that have no text layer; PDFium opens it on first use."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf: Any = None
        self._unavailable: str | None = None
        self.seconds: list[float] = []
        self._checked = False

    @property
    def unavailable(self) -> str | None:
        """Why OCR cannot run here (checked on the first scanned page), else None."""
        if not self._checked:
            self._checked = True
            try:
                check_available(load_ocr_rules().language)
            except OcrUnavailable as exc:
                self._unavailable = str(exc)
        return self._unavailable

    def read(self, page_no: int, rules: PdfRules, seconds: float) -> OcrPage:
        import pypdfium2 as pdfium

        if self.pdf is None:
            self.pdf = pdfium.PdfDocument(self.data)
        page = self.pdf[page_no - 1]
        started = time.monotonic()
        try:
            return ocr_page(page, page_no, rules, seconds)
        finally:
            self.seconds.append(time.monotonic() - started)  # a timed-out page counts too
            page.close()

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
