"""Named thresholds for reading scanned pages (rules/ocr.toml)."""

from __future__ import annotations

import tomllib
from functools import cache

from planextract.models.record import record
from planextract.rules.files import rules_text


@record(frozen=True, slots=True, eq=False)  # identity hash: it holds a dict
class OcrRules:
    language: str
    dpi: int
    max_pixels: int
    page_seconds: float
    ink_level: int
    line_level: int
    deskew_max: float
    deskew_step: float
    deskew_scale: float
    ruling_min_length: float
    ruling_max_thickness: float
    ruling_drift: int
    speck_pixels: int
    speck_clearance: int
    marker_reach: float
    marker_gap: float
    dash_min: float
    dash_max: float
    dash_thickness: float
    dot_min: float
    dot_max: float
    dot_fill: float
    size_factor: float
    size_step: float
    ascent: float
    descent: float
    rule_height: float
    rule_width: float
    low_confidence: float
    low_confidence_share: float
    bold_stroke: float
    grey_level: int
    italic_shear: float
    italic_gain: float
    box_min_side: float
    box_max_side: float
    box_squareness: float
    empty_ink: float
    checked_ink: float
    bullets: frozenset[str]
    dashes: frozenset[str]
    word_fixes: dict[str, str]


@cache
def load_ocr_rules() -> OcrRules:
    text = rules_text("ocr.toml")
    data = tomllib.loads(text)
    engine, image, words = data["engine"], data["image"], data["words"]
    style, boxes, markers = data["style"], data["checkboxes"], data["markers"]
    return OcrRules(
        language=str(engine["language"]),
        dpi=int(engine["dpi"]),
        max_pixels=int(engine["max_pixels"]),
        page_seconds=float(engine["page_seconds"]),
        ink_level=int(image["ink_level"]),
        line_level=int(image["line_level"]),
        deskew_max=float(image["deskew_max"]),
        deskew_step=float(image["deskew_step"]),
        deskew_scale=float(image["deskew_scale"]),
        ruling_min_length=float(image["ruling_min_length"]),
        ruling_max_thickness=float(image["ruling_max_thickness"]),
        ruling_drift=int(image["ruling_drift"]),
        speck_pixels=int(image["speck_pixels"]),
        speck_clearance=int(image["speck_clearance"]),
        marker_reach=float(markers["reach"]),
        marker_gap=float(markers["gap"]),
        dash_min=float(markers["dash_min"]),
        dash_max=float(markers["dash_max"]),
        dash_thickness=float(markers["dash_thickness"]),
        dot_min=float(markers["dot_min"]),
        dot_max=float(markers["dot_max"]),
        dot_fill=float(markers["dot_fill"]),
        size_factor=float(words["size_factor"]),
        size_step=float(words["size_step"]),
        ascent=float(words["ascent"]),
        descent=float(words["descent"]),
        rule_height=float(words["rule_height"]),
        rule_width=float(words["rule_width"]),
        low_confidence=float(words["low_confidence"]),
        low_confidence_share=float(words["low_confidence_share"]),
        bold_stroke=float(style["bold_stroke"]),
        grey_level=int(style["grey_level"]),
        italic_shear=float(style["italic_shear"]),
        italic_gain=float(style["italic_gain"]),
        box_min_side=float(boxes["min_side"]),
        box_max_side=float(boxes["max_side"]),
        box_squareness=float(boxes["squareness"]),
        empty_ink=float(boxes["empty_ink"]),
        checked_ink=float(boxes["checked_ink"]),
        bullets=frozenset(data["text"]["bullets"]),
        dashes=frozenset(data["text"]["dashes"]),
        word_fixes=dict(data["text"]["words"]),
    )
