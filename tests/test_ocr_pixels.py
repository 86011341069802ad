"""The pixel rules of the OCR reader on drawn pages: checkbox ink, rulings, deskew.

These need no Tesseract; the scanned samples are in test_ocr.py."""

from __future__ import annotations

from PIL import Image, ImageDraw

from planextract.extract.ocr_image import checkboxes, deskew, rulings
from planextract.rules.ocr import load_ocr_rules

RULES = load_ocr_rules()
SCALE = 200 / 72


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (800, 400), 255)
    return image, ImageDraw.Draw(image)


def _box(draw: ImageDraw.ImageDraw, x: int, y: int, mark: str) -> None:
    side = 20
    draw.rectangle((x, y, x + side, y + side), outline=40, width=2)
    if mark == "x":
        draw.line((x + 4, y + 4, x + side - 4, y + side - 4), fill=30, width=2)
        draw.line((x + 4, y + side - 4, x + side - 4, y + 4), fill=30, width=2)
    elif mark == "dot":  # a speck of dirt or a faint tick: neither empty nor marked
        draw.rectangle((x + 8, y + 8, x + 11, y + 11), fill=60)


def test_box_states_from_ink() -> None:
    image, draw = _page()
    for k, mark in enumerate(("x", "empty", "dot")):
        _box(draw, 100 + 200 * k, 100, mark)
    found = sorted(checkboxes(image, SCALE, RULES), key=lambda b: b.x0)
    assert [b.state(RULES) for b in found] == [True, False, None]
    assert found[2].confidence(RULES) == 0.0
    assert found[0].confidence(RULES) > 0.5 and found[1].confidence(RULES) > 0.5


def test_round_letters_are_no_boxes() -> None:
    image, draw = _page()
    draw.ellipse((100, 100, 120, 120), outline=20, width=3)  # an 'o'
    draw.ellipse((200, 100, 216, 122), outline=20, width=2)  # a '0'
    assert checkboxes(image, SCALE, RULES) == []


def test_rulings_one_line_each_and_deskew() -> None:
    image, draw = _page()
    draw.line((50, 50, 750, 50), fill=120, width=1)  # a grey hairline
    draw.line((50, 51, 400, 51), fill=200, width=1)  # its anti-aliased half
    draw.line((60, 40, 60, 360), fill=0, width=2)
    for y in range(80, 360, 30):  # lines of 'text'
        for x in range(100, 700, 14):
            draw.rectangle((x, y, x + 9, y + 12), fill=0)
    horizontal, vertical = rulings(image, SCALE, RULES)
    assert [round(s.pos) for s in horizontal] == [50]
    assert [round(s.pos) for s in vertical] == [60]
    turned = image.rotate(-0.8, resample=Image.Resampling.BICUBIC, fillcolor=255)
    _, angle = deskew(turned, RULES)
    assert abs(angle - 0.8) <= 0.15
