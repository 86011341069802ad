"""The page image of a scanned page: rendered, deskewed, its ruling lines found (and
erased for the OCR engine), and square checkboxes found and read from their ink.

Pixels are numpy arrays of grey levels (0 black, 255 white); positions are pixels of the
deskewed image until ocr_page turns them into PDF points.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from planextract.models.record import record
from planextract.rules.ocr import OcrRules

_BAND_ROWS = 256  # rows of the page image worked on at a time (memory)


@record(frozen=True, slots=True)
class Segment:
    """A ruling line: horizontal (pos = y, from x a to b) or vertical (pos = x, y a..b)."""

    pos: float
    a: int
    b: int
    lo: int  # first and last pixel row (horizontal) or column (vertical) it covers
    hi: int


@record(frozen=True, slots=True)
class Box:
    """A square checkbox outline and the ink inside it."""

    x0: int
    top: int
    x1: int
    bottom: int
    ink: float  # share of inked pixels inside the border

    def state(self, rules: OcrRules) -> bool | None:
        """Checked, unchecked, or None when the ink is between the two thresholds."""
        if self.ink <= rules.empty_ink:
            return False
        if self.ink >= rules.checked_ink:
            return True
        return None

    def confidence(self, rules: OcrRules) -> float:
        """How far the ink is from the unsure band, 0 (inside it) .. 1."""
        if self.ink <= rules.empty_ink:
            return round(1.0 - self.ink / rules.empty_ink * 0.5, 2)
        if self.ink >= rules.checked_ink:
            return round(min(1.0, 0.5 + (self.ink - rules.checked_ink) / rules.checked_ink), 2)
        return 0.0


def render(page: object, rules: OcrRules) -> tuple[Image.Image, float]:
    """The page in grey at the OCR resolution, smaller when it would exceed the pixel bound;
    returns the image and its scale (pixels per point)."""
    width, height = page.get_size()  # type: ignore[attr-defined]
    scale = rules.dpi / 72
    pixels = width * height * scale * scale
    if pixels > rules.max_pixels:
        scale *= (rules.max_pixels / pixels) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)  # type: ignore[attr-defined]
    return bitmap.to_pil().convert("L"), scale


def skew_angle(image: Image.Image, rules: OcrRules) -> float:
    """The rotation (degrees, counter-clockwise, as PIL turns) that makes the text lines
    horizontal: the one whose row profile of ink is the sharpest. The ink points are
    projected at each angle instead of turning the picture: 60 angles cost 0.1 s."""
    scale = rules.deskew_scale
    small = image.resize((max(1, int(image.width * scale)), max(1, int(image.height * scale))))
    ys, xs = np.nonzero(np.asarray(small) < rules.ink_level)
    if len(ys) == 0:
        return 0.0
    steps = round(rules.deskew_max / rules.deskew_step)
    best, best_score = 0.0, -1.0
    for k in range(-steps, steps + 1):
        angle = k * rules.deskew_step
        t = np.radians(angle)
        rows = np.round(ys * np.cos(t) - xs * np.sin(t)).astype(np.int64)
        profile = np.bincount(rows - rows.min()).astype(np.float64)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best, best_score = round(angle, 2), score
    return best


def deskew(image: Image.Image, rules: OcrRules) -> tuple[Image.Image, float]:
    """Deskewed; returns the image and the angle it was turned by. (A median filter against
    the noise was tried: it wipes out hairline rules and box outlines, and Tesseract's own
    binarisation copes with scanner noise.)"""
    angle = skew_angle(image, rules)
    if angle:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return image, angle


def _runs(mask: np.ndarray, min_len: int, max_len: int | None = None) -> np.ndarray:
    """Horizontal runs of True per row as rows of (row, start, end), end exclusive; found
    in bands of rows, so the differences never take a page-sized array."""
    found = [
        _band_runs(mask[start : start + _BAND_ROWS], start, min_len, max_len)
        for start in range(0, mask.shape[0], _BAND_ROWS)
    ]
    return np.concatenate(found) if found else np.zeros((0, 3), dtype=np.int64)


def _band_runs(mask: np.ndarray, first_row: int, min_len: int, max_len: int | None) -> np.ndarray:
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=bool)
    padded[:, 1:-1] = mask
    # Where a row changes, in row order: each row (padded with False at both ends) changes
    # an even number of times, start, end, start, end, so one search gives both.
    rows, cols = np.nonzero(padded[:, 1:] != padded[:, :-1])
    rows, starts, ends = rows[0::2], cols[0::2], cols[1::2]
    length = ends - starts
    keep = length >= min_len
    if max_len is not None:
        keep &= length <= max_len
    return np.stack([rows[keep] + first_row, starts[keep], ends[keep]], axis=1)


def _merge(runs: np.ndarray, drift: int) -> list[list[int]]:
    """Runs in neighbouring rows that overlap are one line: [first row, last row, a, b]."""
    done: list[list[int]] = []
    active: list[list[int]] = []
    for row, a, b in runs.tolist():
        still = []
        hit = None
        for seg in active:
            if row - seg[1] > drift + 1:
                done.append(seg)
                continue
            still.append(seg)
            if hit is None and min(b, seg[3]) - max(a, seg[2]) > 0.5 * min(b - a, seg[3] - seg[2]):
                hit = seg
        active = still
        if hit is None:
            active.append([row, row, a, b])
        else:
            hit[1], hit[2], hit[3] = row, min(hit[2], a), max(hit[3], b)
    return done + active


def _segments(ink: np.ndarray, min_len: int, max_rows: int, drift: int) -> list[Segment]:
    out = []
    for first, last, a, b in _merge(_runs(ink, min_len), drift):
        if last - first + 1 <= max_rows:
            out.append(Segment((first + last) / 2, a, b, first, last))
    return _consolidate(out, max_rows, drift)


def _consolidate(segments: list[Segment], near: int, gap: int) -> list[Segment]:
    """One line per ruling: an anti-aliased hairline can come out as two parallel pieces
    a pixel apart, or broken where noise thins it; the table cells need exactly one."""
    while True:
        merged = _merge_once(segments, near, gap)
        if len(merged) == len(segments):
            return merged
        segments = merged


def _merge_once(segments: list[Segment], near: int, gap: int) -> list[Segment]:
    out: list[Segment] = []
    for seg in sorted(segments, key=lambda s: (s.pos, s.a)):
        for k, other in enumerate(out):
            if (
                abs(other.pos - seg.pos) <= near
                and seg.a <= other.b + gap
                and other.a <= seg.b + gap
            ):
                weight_a, weight_b = other.b - other.a, seg.b - seg.a
                pos = (other.pos * weight_a + seg.pos * weight_b) / max(1, weight_a + weight_b)
                out[k] = Segment(
                    pos,
                    min(other.a, seg.a),
                    max(other.b, seg.b),
                    min(other.lo, seg.lo),
                    max(other.hi, seg.hi),
                )
                break
        else:
            out.append(seg)
    return out


def rulings(
    image: Image.Image, scale: float, rules: OcrRules
) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical ruling lines: long thin straight runs of ink."""
    ink = np.asarray(image) < rules.line_level
    min_len = max(8, int(rules.ruling_min_length * scale))
    max_rows = int(rules.ruling_max_thickness * scale) + 2 * rules.ruling_drift + 2
    drift = rules.ruling_drift
    return (
        _segments(ink, min_len, max_rows, drift),
        _segments(ink.T, min_len, max_rows, drift),
    )


def erase(image: Image.Image, horizontal: list[Segment], vertical: list[Segment]) -> Image.Image:
    """The image without its ruling lines: table rules confuse the OCR engine's layout."""
    pixels = np.array(image)
    for s in horizontal:
        pixels[max(0, s.lo - 1) : s.hi + 2, s.a : s.b] = 255
    for s in vertical:
        pixels[s.a : s.b, max(0, s.lo - 1) : s.hi + 2] = 255
    return Image.fromarray(pixels, mode="L")


def _box_sums(mask: np.ndarray, radius: int) -> np.ndarray:
    """Per pixel, the number of set pixels in the square of side 2 * radius + 1 around it
    (separable sums of shifted copies: faster than cumulative sums down the columns). The
    sums are added in place in the smallest type that holds them: a page at 200 dpi has
    about 4 million pixels, and a new array per step took 40 MB at once."""
    side = 2 * radius + 1
    dtype = next(t for t in (np.uint8, np.uint16, np.uint32) if side * side <= np.iinfo(t).max)
    padded = np.pad(mask.astype(dtype), radius)
    height, width = mask.shape
    rows = padded[:, :width].copy()
    for k in range(1, side):
        rows += padded[:, k : k + width]
    del padded
    out = rows[:height].copy()
    for k in range(1, side):
        out += rows[k : k + height]
    return out


def despeckle(image: Image.Image, rules: OcrRules) -> Image.Image:
    """The image for the OCR engine without dust: a speck of at most `speck_pixels` ink
    pixels with no other ink within `speck_clearance` pixels is whitened (with its light
    halo). Between two words Tesseract reads such a speck as '-', ':' or '.', joining them
    ('Pagina-38', '2)-Wat-ga'); in front of a list item as '_', '„' or '…'. A full stop or
    the dot of an i has more pixels, or ink close by. Rulings and checkboxes are found in
    the image before this."""
    pixels = np.array(image)
    ink = pixels < rules.ink_level
    # In bands of rows, so the sums never take a page-sized array each; a band is read with
    # the rows its result depends on (the clearance, then one more for the halo).
    margin = max(1, rules.speck_clearance) + 1
    height = ink.shape[0]
    for start in range(0, height, _BAND_ROWS):
        lo, hi = max(0, start - margin), min(height, start + _BAND_ROWS + margin)
        band = ink[lo:hi]
        near = _box_sums(band, 1)
        speck = band & (near <= rules.speck_pixels)
        speck &= _box_sums(band, rules.speck_clearance) == near
        if speck.any():
            end = min(height, start + _BAND_ROWS)
            whiten = (_box_sums(speck, 1) > 0)[start - lo : end - lo]
            pixels[start:end][whiten] = 255
    return Image.fromarray(pixels, mode="L")


def lost_marker(
    image: np.ndarray, box: tuple[int, int, int, int], size_px: float, rules: OcrRules
) -> tuple[str, tuple[int, int, int, int]] | None:
    """A list marker that Tesseract left out (a small dash far from its word is often
    dropped): ('-' or '•', its box) when the ink left of the line's first word (`box`),
    within `marker_reach` font sizes, is one dash- or dot-shaped blob at mid height and
    apart from the word; else None. Any other ink there (a neighbouring column's text)
    makes the blob too large, and no marker is made up; specks that dust removal kept
    (being close to the word) are left out of the blob."""
    x0, top, _x1, bottom = box
    left = max(0, x0 - int(rules.marker_reach * size_px))
    right = x0 - max(1, int(rules.marker_gap * size_px / 3))  # the word's blurred edge
    window = image[max(0, top) : bottom, left:right] < rules.ink_level
    if window.size == 0 or not window.any():
        return None
    window &= _box_sums(window, 1) > rules.speck_pixels  # dust next to the word's edge
    if not window.any():
        return None
    ys, xs = np.nonzero(window)
    bx0, bx1, by0, by1 = int(xs.min()), int(xs.max()) + 1, int(ys.min()), int(ys.max()) + 1
    width, height = (bx1 - bx0) / size_px, (by1 - by0) / size_px
    middle = (by0 + by1) / 2 / max(1, bottom - top)
    gap = rules.marker_gap * size_px
    if not (x0 - left - bx1 >= gap and bx0 >= gap and 0.25 <= middle <= 0.75):
        return None
    found = (left + bx0, top + by0, left + bx1, top + by1)
    thickness = len(xs) / (bx1 - bx0) / size_px  # mean ink per column: a stray pixel is little
    if rules.dash_min <= width <= rules.dash_max and thickness <= rules.dash_thickness:
        return ("-", found) if height <= 2 * rules.dash_thickness else None
    fill = len(xs) / ((bx1 - bx0) * (by1 - by0))
    dot = rules.dot_min <= min(width, height) and max(width, height) <= rules.dot_max
    return ("•", found) if dot and fill >= rules.dot_fill else None


def _column_ink(ink: np.ndarray, top: int, bottom: int, x: int) -> float:
    strip = ink[top:bottom, max(0, x - 1) : x + 1]
    return float(strip.any(axis=1).mean()) if strip.size else 0.0


def _square_corners(ink: np.ndarray, top: int, bottom: int, a: int, b: int) -> bool:
    corners = (
        ink[top : top + 2, a : a + 2],
        ink[top : top + 2, b - 2 : b],
        ink[bottom - 1 : bottom + 1, a : a + 2],
        ink[bottom - 1 : bottom + 1, b - 2 : b],
    )
    return all(c.size and c.any() for c in corners)


def checkboxes(image: Image.Image, scale: float, rules: OcrRules) -> list[Box]:
    """Square outlines of checkbox size anywhere on the page (ocr_page keeps those that
    stand in front of a line of text, at that line's size)."""
    ink = np.asarray(image) < rules.line_level
    lo = max(6, int(rules.box_min_side * 6 * scale))  # the smallest text is ~6 pt
    hi = int(rules.box_max_side * 16 * scale)  # the largest ~16 pt
    runs = _runs(ink, lo, hi)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for row, a, b in runs.tolist():
        by_row.setdefault(row, []).append((a, b))
    found: list[Box] = []
    tol = max(2, int(0.6 * scale))
    for row, a, b in runs.tolist():
        side = b - a
        if any(f.x0 - tol <= a <= f.x0 + tol and f.top - tol <= row <= f.bottom for f in found):
            continue
        low = int(side * (1 - rules.box_squareness))
        high = int(side * (1 + rules.box_squareness))
        bottom = None
        for r in range(row + low, row + high + 1):
            if any(abs(a2 - a) <= tol and abs(b2 - b) <= tol for a2, b2 in by_row.get(r, ())):
                bottom = r
        if bottom is None:
            continue
        if min(_column_ink(ink, row, bottom, a), _column_ink(ink, row, bottom, b - 1)) < 0.9:
            continue
        if not _square_corners(ink, row, bottom, a, b):
            continue  # a round letter ('o', 'd', 'e') has an outline too, not its corners
        border = max(2, int(0.2 * side))
        inner = ink[row + border : bottom - border + 1, a + border : b - border]
        if inner.size == 0:
            continue
        found.append(Box(a, row, b, bottom + 1, float(inner.mean())))
    return found


def word_style(
    image: np.ndarray, box: tuple[int, int, int, int], size_px: float, rules: OcrRules
) -> tuple[bool, int]:
    """(bold, grey level of the ink's dark core) of the word in `box` (x0, top, x1, bottom)."""
    x0, top, x1, bottom = box
    crop = image[max(0, top) : bottom, max(0, x0) : x1]
    ink = crop < rules.ink_level
    count = int(ink.sum())
    if count == 0:
        return False, 0
    starts = int((np.diff(ink.astype(np.int8), axis=1, prepend=0) == 1).sum())
    stroke = count / max(starts, 1)
    core = int(np.percentile(crop[crop < 200], 20)) if (crop < 200).any() else 0
    return stroke >= rules.bold_stroke * size_px, core


def is_slanted(image: np.ndarray, box: tuple[int, int, int, int], rules: OcrRules) -> bool:
    """Italic: shearing the line back makes its vertical strokes sharper."""
    x0, top, x1, bottom = box
    crop = image[max(0, top) : bottom, max(0, x0) : x1]
    if crop.size == 0 or crop.shape[0] < 4:
        return False
    picture = Image.fromarray(np.ascontiguousarray(crop), mode="L")
    h = crop.shape[0]

    def sharpness(shear: float) -> float:
        sheared = picture.transform(
            picture.size,
            Image.Transform.AFFINE,
            (1, shear, -shear * h / 2, 0, 1, 0),
            resample=Image.Resampling.BILINEAR,
            fillcolor=255,
        )
        profile = (np.asarray(sheared) < rules.ink_level).sum(axis=0).astype(np.float64)
        return float(profile.var())

    straight = sharpness(0.0)
    return straight > 0 and sharpness(-rules.italic_shear) >= rules.italic_gain * straight
