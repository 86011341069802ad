"""The pixel rules of the OCR reader on drawn pages: checkbox ink, rulings, deskew.

These need no Tesseract; the scanned samples are in test_ocr.py."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from planextract.extract.ocr_engine import OcrLine, OcrWord
from planextract.extract.ocr_image import (
    _runs,
    checkboxes,
    deskew,
    despeckle,
    lost_marker,
    rulings,
)
from planextract.extract.ocr_page import _line_words
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


def test_dust_is_removed_and_full_stops_are_kept() -> None:
    """A speck of 1-3 pixels alone is dust; a full stop (more ink) or a dot close to a
    letter stays."""
    image, draw = _page()
    specks = [(300, 200), (310, 240), (500, 60)]
    for x, y in specks:
        draw.point((x, y), fill=0)
    draw.rectangle((350, 200, 351, 200), fill=20)  # two pixels side by side
    draw.rectangle((100, 100, 102, 102), fill=0)  # a full stop at 200 dpi: 3 x 3
    draw.rectangle((150, 100, 152, 130), fill=0)  # an i: its stem
    draw.point((151, 98), fill=0)  # a faint dot one pixel above it: ink close by
    clean = np.asarray(despeckle(image, RULES))
    for x, y in [*specks, (350, 200), (351, 200)]:
        assert clean[y, x] == 255, (x, y)
    assert (clean[100:103, 100:103] == 0).all()
    assert clean[98, 151] == 0 and (clean[100:131, 150:153] == 0).all()


def _whole_page_despeckle(pixels: np.ndarray) -> np.ndarray:
    """The dust rule on the whole page at once, with plain (unbanded) neighbourhood sums."""

    def sums(mask: np.ndarray, radius: int) -> np.ndarray:
        padded = np.pad(mask.astype(np.int64), radius)
        h, w = mask.shape
        side = 2 * radius + 1
        return sum(padded[i : i + h, j : j + w] for i in range(side) for j in range(side))

    out = pixels.copy()
    ink = pixels < RULES.ink_level
    near = sums(ink, 1)
    speck = ink & (near <= RULES.speck_pixels) & (sums(ink, RULES.speck_clearance) == near)
    out[sums(speck, 1) > 0] = 255
    return out


def test_dust_removal_in_bands_is_the_whole_page_rule() -> None:
    """Dust is removed band by band (memory); specks on and next to band edges included."""
    rng = np.random.default_rng(3)
    for height in (1, 255, 256, 257, 700):
        dark = rng.random((height, 90)) < 0.02
        pixels = np.where(dark, 0, 255).astype(np.uint8)
        pixels[255:258:2, 10] = 0  # specks either side of the first band edge
        clean = np.asarray(despeckle(Image.fromarray(pixels, mode="L"), RULES))
        assert np.array_equal(clean, _whole_page_despeckle(pixels)), height
        assert (clean == 255).sum() > (pixels == 255).sum() or not dark.any()


def _word_line(draw: ImageDraw.ImageDraw, x: int, y: int, marker: str) -> tuple[int, ...]:
    """A 'word' of 10 pt (28 px) at x, and a marker in front of it; returns its box."""
    draw.rectangle((x, y + 4, x + 120, y + 22), fill=0)
    if marker == "dash":
        draw.rectangle((x - 40, y + 12, x - 33, y + 13), fill=0)
    elif marker == "dash-tail":  # a stray pixel under one end (JPEG), dust by the word
        draw.rectangle((x - 40, y + 12, x - 33, y + 13), fill=0)
        draw.point((x - 40, y + 15), fill=0)
        draw.rectangle((x - 3, y + 10, x - 2, y + 10), fill=0)
    elif marker == "bullet":
        draw.ellipse((x - 42, y + 9, x - 33, y + 18), fill=0)
    elif marker == "text":  # the end of a neighbouring column's word
        draw.rectangle((x - 60, y + 4, x - 20, y + 22), fill=0)
    elif marker == "close":  # a hyphen glued to the word: part of it
        draw.rectangle((x - 6, y + 12, x - 3, y + 13), fill=0)
    return (x, y, x + 120, y + 28)


def test_list_markers_tesseract_left_out_come_from_the_pixels() -> None:
    image, draw = _page()
    kinds = ["dash", "dash-tail", "bullet", "text", "close", "none"]
    boxes = [_word_line(draw, 200, 20 + 50 * k, kind) for k, kind in enumerate(kinds)]
    ink = np.asarray(image)
    found = [lost_marker(ink, box, 28.0, RULES) for box in boxes]  # type: ignore[arg-type]
    assert [f and f[0] for f in found] == ["-", "-", "•", None, None, None]
    assert found[0] is not None and found[0][1] == (160, 32, 168, 34)


def test_a_short_piece_of_table_rule_is_no_word() -> None:
    """A row that goes on at the top of a page has rules too short to be found as rulings;
    Tesseract reads them as '|'. Such a tall, thin 'word' is left out; a real 'I' stays."""
    words = (
        OcrWord("|", (172, 189, 174, 291), 95.0),
        OcrWord("|", (424, 189, 427, 291), 96.0),
        OcrWord("-", (457, 220, 465, 223), 87.0),
        OcrWord("Er", (498, 208, 530, 230), 90.0),
        OcrWord("|", (540, 208, 543, 230), 80.0),  # a capital I read as a bar
    )
    line = OcrLine((172, 189, 560, 291), 0.0, -61.0, 28.0, words, 0)
    ink = np.full((400, 800), 255, np.uint8)
    got = [w.text for w in _line_words(line, 10.0, RULES, ink, SCALE)]
    assert got == ["-", "Er", "I"]


def _runs_by_diff(mask: np.ndarray, min_len: int, max_len: int | None) -> np.ndarray:
    """The runs as the plain difference of each row gives them (starts at +1, ends at -1)."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    rows, starts = np.nonzero(d == 1)
    _, ends = np.nonzero(d == -1)
    keep = ends - starts >= min_len
    if max_len is not None:
        keep &= ends - starts <= max_len
    return np.stack([rows[keep], starts[keep], ends[keep]], axis=1)


def test_runs_are_the_rows_differences() -> None:
    """One search for where each row changes gives the runs the plain differences give,
    for whole bands and their edges, rows full of ink and views (the columns, as rulings
    reads them)."""
    rng = np.random.default_rng(5)
    masks = [rng.random((600, 300)) < share for share in (0.02, 0.5, 0.97)]
    masks += [np.ones((300, 40), dtype=bool), np.zeros((10, 10), dtype=bool)]
    masks += [masks[1].T, masks[0][::3, 5:]]
    for mask in masks:
        for min_len, max_len in ((1, None), (3, 12), (8, None)):
            found = _runs(mask, min_len, max_len)
            assert np.array_equal(found, _runs_by_diff(mask, min_len, max_len))
            assert found.dtype == np.int64
