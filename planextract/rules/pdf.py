"""Named rules about PDF layout: font styles, grey text, symbol-font checkboxes, wrapping.

The thresholds are data (rules/pdf.toml); these small functions apply them.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache

from planextract.models.document import Line
from planextract.models.record import record
from planextract.rules.files import rules_text

CHECKED = "☒"
UNCHECKED = "☐"
UNKNOWN_GLYPH = "\ufffd"  # a glyph the PDF gives no text for: '(cid:12)'

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_CID = re.compile(r"\(cid:\d+\)")


@record(frozen=True, slots=True, eq=False)  # identity hash: rules key caches
class PdfRules:
    bold_words: tuple[str, ...]
    italic_words: tuple[str, ...]
    style_words: tuple[str, ...]
    grey_min: float
    grey_max: float
    grey_spread: float
    word_x_tolerance: float
    word_y_tolerance: float
    same_line_ratio: float
    blank_gap_ratio: float
    space_ratio: float
    min_space_ratio: float
    fit_tolerance: float
    margin_band: float
    image_coverage: float
    min_chars: int
    ruling_min_length: float
    ruling_tolerance: float
    ruling_box_max: float
    label_column_max: float
    checkbox_max_distance: float
    symbol_glyphs: dict[tuple[str, str], str]  # (font family, character) -> ☒ / ☐


@cache
def load_pdf_rules() -> PdfRules:
    text = rules_text("pdf.toml")
    data = tomllib.loads(text)
    style_words = tuple(data["fonts"]["style_words"])
    glyphs: dict[tuple[str, str], str] = {}
    for entry in data.get("symbol_fonts", []):
        family = font_family(entry["font"], style_words)
        for char in entry.get("checked", []):
            glyphs[(family, char)] = CHECKED
        for char in entry.get("unchecked", []):
            glyphs[(family, char)] = UNCHECKED
    return PdfRules(
        bold_words=tuple(data["fonts"]["bold"]),
        italic_words=tuple(data["fonts"]["italic"]),
        style_words=style_words,
        grey_min=float(data["colors"]["grey_min"]),
        grey_max=float(data["colors"]["grey_max"]),
        grey_spread=float(data["colors"]["grey_spread"]),
        word_x_tolerance=float(data["words"]["x_tolerance"]),
        word_y_tolerance=float(data["words"]["y_tolerance"]),
        same_line_ratio=float(data["lines"]["same_line_ratio"]),
        blank_gap_ratio=float(data["lines"]["blank_gap_ratio"]),
        space_ratio=float(data["lines"]["space_ratio"]),
        min_space_ratio=float(data["lines"]["min_space_ratio"]),
        fit_tolerance=float(data["lines"]["fit_tolerance"]),
        margin_band=float(data["pages"]["margin_band"]),
        image_coverage=float(data["pages"]["image_coverage"]),
        min_chars=int(data["pages"]["min_chars"]),
        ruling_min_length=float(data["ruling"]["min_length"]),
        ruling_tolerance=float(data["ruling"]["tolerance"]),
        ruling_box_max=float(data["ruling"]["box_max"]),
        label_column_max=float(data["ruling"]["label_column_max"]),
        checkbox_max_distance=float(data["checkboxes"]["max_distance"]),
        symbol_glyphs=glyphs,
    )


def base_font_name(fontname: str) -> str:
    """'ABCDEF+DejaVuSans-Bold' -> 'DejaVuSans-Bold' (the subset prefix says nothing)."""
    return _SUBSET.sub("", fontname or "")


def _font_key(fontname: str) -> str:
    """'ABCDEF+DejaVuSans-Bold' -> 'dejavusansbold': lower case, letters and digits only."""
    return _NOT_ALNUM.sub("", base_font_name(fontname).lower())


@cache
def font_family(fontname: str, style_words: tuple[str, ...]) -> str:
    """'ABCDEF+Wingdings-Regular' -> 'wingdings'; 'Wingdings 2' -> 'wingdings2'."""
    key = _font_key(fontname)
    stripped = True
    while stripped:
        stripped = False
        for word in style_words:
            if key.endswith(word) and len(key) > len(word):
                key = key[: -len(word)]
                stripped = True
    return key


@cache
def font_is_bold(fontname: str, rules: PdfRules) -> bool:
    return any(word in _font_key(fontname) for word in rules.bold_words)


@cache
def font_is_italic(fontname: str, rules: PdfRules) -> bool:
    return any(word in _font_key(fontname) for word in rules.italic_words)


def color_hex(color: object) -> str | None:
    """A pdfplumber colour (gray, RGB or CMYK tuple) as '#rrggbb'; None when unknown."""
    if isinstance(color, int | float):
        color = (color,)
    if not isinstance(color, Sequence) or not color:
        return None
    try:
        values = [float(c) for c in color]
    except (TypeError, ValueError):  # a pattern colour
        return None
    if len(values) == 1:
        r = g = b = values[0]
    elif len(values) == 3:
        r, g, b = values
    elif len(values) == 4:
        c, m, y, k = values
        r, g, b = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    else:
        return None
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02x}" for v in (r, g, b))


def is_grey(color: str | None, rules: PdfRules) -> bool:
    """'#737373' is grey; black, white and colours are not."""
    if not color or len(color) != 7:
        return False
    r, g, b = (int(color[k : k + 2], 16) / 255 for k in (1, 3, 5))
    spread = max(r, g, b) - min(r, g, b)
    return spread <= rules.grey_spread and rules.grey_min <= (r + g + b) / 3 <= rules.grey_max


def symbol_glyph(fontname: str, text: str, rules: PdfRules) -> str | None:
    """☒ / ☐ for a checkbox drawn from a symbol font ('Wingdings' U+F0FD), else None."""
    if len(text) != 1:
        return None
    return rules.symbol_glyphs.get((font_family(fontname, rules.style_words), text))


def clean_cid(text: str) -> str:
    """pdfminer writes '(cid:12)' for a glyph without a Unicode mapping: keep one mark."""
    return _CID.sub(UNKNOWN_GLYPH, text) if "(cid:" in text else text


def word_fits(prev_x1: float, column_x1: float, lead_width: float, rules: PdfRules) -> bool:
    """Rule 'first word fits': the next line's first word (with its space) would have fitted
    at the end of the previous line, so that line was ended on purpose, not wrapped."""
    return prev_x1 + lead_width <= column_x1 - rules.fit_tolerance


def line_wrapped(prev: Line, cur: Line) -> bool | None:
    """Did ``prev`` end because ``cur``'s first word did not fit? No when the reader saw a
    manual line break at its end (``Line.hard_break``); None without positions."""
    if prev.hard_break:
        return False
    if prev.x1 is None or prev.column_x1 is None or cur.lead_width is None:
        return None
    return not word_fits(prev.x1, prev.column_x1, cur.lead_width, load_pdf_rules())
