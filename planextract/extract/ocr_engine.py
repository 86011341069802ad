"""Tesseract through pytesseract: one page image -> lines of words with boxes and confidence.

pytesseract drives the tesseract program installed from Debian (tesseract-ocr,
tesseract-ocr-nld): no model or data is downloaded, and its timeout kills a page that runs
too long. hOCR output is read because it gives each line's baseline and size as well as
each word's box and confidence.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from functools import cache

from PIL import Image

from planextract.models.record import record

# Tesseract's OpenMP threads fight over the cores with the other batch workers: measured
# 10 s per page with them and 2.5 s without on a busy 2-core machine.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_CONF = re.compile(r"x_wconf (\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_XSIZE = re.compile(r"x_size ([\d.]+)")
_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"}
# pytesseract gives tesseract the page as a file in the image's format, PNG when it has
# none: uncompressed PGM (PIL's "PPM" for a grey image) is written in 4 ms instead of
# 22 ms a page, and tesseract reads the same pixels (the same hOCR, checked on the
# sample's pages).
_HANDOVER_FORMAT = "PPM"
_HANDOVER_MODES = {"L", "RGB"}


class OcrUnavailable(Exception):
    """Tesseract or its Dutch data is not installed."""


@record(frozen=True, slots=True)
class OcrWord:
    text: str
    box: tuple[int, int, int, int]  # x0, top, x1, bottom in pixels
    confidence: float  # 0-100


@record(frozen=True, slots=True)
class OcrLine:
    box: tuple[int, int, int, int]
    slope: float  # baseline: y = box bottom + offset + slope * (x - box x0)
    offset: float
    x_size: float  # ascender-to-descender height in pixels
    words: tuple[OcrWord, ...]
    paragraph: int  # lines of one Tesseract paragraph share one font size

    def baseline_at(self, x: float) -> float:
        return self.box[3] + self.offset + self.slope * (x - self.box[0])


@cache
def check_available(language: str) -> None:
    """Raise OcrUnavailable with a one-line reason when Tesseract cannot read `language`."""
    try:
        import pytesseract
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise OcrUnavailable("pytesseract is not installed") from exc
    try:
        languages = pytesseract.get_languages(config="")
    except pytesseract.TesseractNotFoundError as exc:
        raise OcrUnavailable("tesseract is not installed (apt-get install tesseract-ocr)") from exc
    except Exception as exc:
        raise OcrUnavailable(f"tesseract does not start ({exc})") from exc
    if language not in languages:
        raise OcrUnavailable(
            f"tesseract has no '{language}' language data "
            f"(apt-get install tesseract-ocr-{language})"
        )


def _title(element: ET.Element) -> str:
    return element.get("title") or ""


def _box(title: str) -> tuple[int, int, int, int] | None:
    m = _BBOX.search(title)
    return (int(m[1]), int(m[2]), int(m[3]), int(m[4])) if m else None


def parse_hocr(data: bytes) -> list[OcrLine]:
    root = ET.fromstring(data)
    lines: list[OcrLine] = []
    paragraphs = [p for p in root.iter() if p.get("class") == "ocr_par"]
    for number, paragraph in enumerate(paragraphs):
        lines.extend(_lines(paragraph, number))
    return lines


def _lines(paragraph: ET.Element, number: int) -> list[OcrLine]:
    lines: list[OcrLine] = []
    for element in paragraph.iter():
        if element.get("class") not in _LINE_CLASSES:
            continue
        title = _title(element)
        box = _box(title)
        if box is None:
            continue
        words = []
        for span in element.iter():
            if span.get("class") != "ocrx_word":
                continue
            text = "".join(span.itertext()).strip()
            word_box = _box(_title(span))
            conf = _CONF.search(_title(span))
            if text and word_box is not None:
                words.append(OcrWord(text, word_box, float(conf[1]) if conf else 0.0))
        if not words:
            continue
        base = _BASELINE.search(title)
        size = _XSIZE.search(title)
        lines.append(
            OcrLine(
                box=box,
                slope=float(base[1]) if base else 0.0,
                offset=float(base[2]) if base else 0.0,
                x_size=float(size[1]) if size else float(box[3] - box[1]),
                words=tuple(words),
                paragraph=number,
            )
        )
    return lines


def recognise(image: Image.Image, language: str, seconds: float) -> list[OcrLine]:
    """The page's lines; raises TimeoutError when Tesseract takes longer than `seconds`."""
    import pytesseract

    if image.mode in _HANDOVER_MODES:
        image.format = _HANDOVER_FORMAT  # as pytesseract itself sets it (to PNG) otherwise
    try:
        data = pytesseract.image_to_pdf_or_hocr(
            image, lang=language, config="--oem 1 --psm 3", extension="hocr", timeout=seconds
        )
    except RuntimeError as exc:  # pytesseract's timeout
        if "timeout" in str(exc).lower():
            raise TimeoutError(str(exc)) from exc
        raise
    return parse_hocr(data)
