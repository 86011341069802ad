"""One page through PDFium (pypdfium2): its characters with box, font, size and colour,
its ruling segments and images (page objects, form XObjects included) and its AcroForm
checkbox widgets, as PageData for the shared layout rules.

Characters are read with PDFium's loose boxes (advance width by font ascent/descent),
the boxes pdfminer gives, and grouped into words by pdfplumber's rules (pdf_words), so
both readers give the same Document. Font, size and colour are read once per text object.
"""

from __future__ import annotations

import ctypes
import re
import threading
from collections import deque
from collections.abc import Iterator
from itertools import chain, compress, repeat
from operator import add, and_, eq, lt, not_, sub
from typing import Any

import pypdfium2.raw as pdfium_c

from planextract.errors import EncryptedInput, UnreadableInput
from planextract.extract.pdf_checkboxes import CheckboxField
from planextract.extract.pdf_page import PageData, word_maker
from planextract.extract.pdf_words import CharTuple, make_words
from planextract.rules.pdf import UNKNOWN_GLYPH, PdfRules

_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_DEPTH = 8  # nested form XObjects followed
_MAX_OBJECTS = 200_000  # page objects looked at per page (hostile input)
_FLAT = 0.01  # points: a segment this close to level is horizontal (or vertical)
_PDFIUM_HYPHEN = 0x02  # PDFium's code for a hyphen that ends a line
_CHECKBOX_TYPES = (pdfium_c.FPDF_FORMFIELD_CHECKBOX, pdfium_c.FPDF_FORMFIELD_RADIOBUTTON)


def _address(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _fast(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function called with plain addresses and returning plain values: the
    per-character calls skip pypdfium2's pointer wrapping (most of their cost)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(function))


def _by_index(function: Any, restype: Any) -> Any:
    """A per-character PDFium function of (text page, index), called with the text page
    as a c_void_p and the index as a Python int: without declared argument types ctypes
    passes them as they are, a third faster than converting each through its type.

    Made as a PYFUNCTYPE, which keeps the GIL over the call: these calls only read the
    text page and return within a fraction of a microsecond, and releasing and taking
    back the GIL around each cost a sixth of it (of 240 000 calls for a 38-page plan)."""
    prototype = ctypes.PYFUNCTYPE(restype)
    prototype.argtypes = None
    return prototype(_address(function))


# Each per-character call is mapped over the whole page (the loop runs in C, not one
# Python step per character and call).
_VP, _INT = ctypes.c_void_p, ctypes.c_int
_get_unicode = _by_index(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_text_object = _by_index(pdfium_c.FPDFText_GetTextObject, _VP)
_map_error = _by_index(pdfium_c.FPDFText_HasUnicodeMapError, _INT)
_font_size = _by_index(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
# The two with output pointers get them as c_void_p objects made once (_Slots): with
# declared argument types ctypes would convert each address through its type, which
# costs more than the call itself.
_char_origin = _by_index(pdfium_c.FPDFText_GetCharOrigin, _INT)
_loose_box = _by_index(pdfium_c.FPDFText_GetLooseCharBox, _INT)
# Per text object (a page has a thousand): its font and fill colour, by address.
_object_font = _fast(pdfium_c.FPDFTextObj_GetFont, _VP, _VP)
_fill_color = _fast(pdfium_c.FPDFPageObj_GetFillColor, _INT, _VP, _VP, _VP, _VP, _VP)
# Per page object (a page has a thousand, mostly text): its address and its type.
_page_object = _by_index(pdfium_c.FPDFPage_GetObject, _VP)
_form_object = _by_index(pdfium_c.FPDFFormObj_GetObject, _VP)
_object_type = _fast(pdfium_c.FPDFPageObj_GetType, _INT, _VP)
_GRAPHIC_TYPES = frozenset(
    (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM)
)
_DOUBLE = ctypes.sizeof(ctypes.c_double)
_RECT = ctypes.sizeof(pdfium_c.FS_RECTF)  # left, top, right, bottom: four floats
_RECT_RIGHT = 2  # index of `right` in an FS_RECTF


def _font_name(font: Any) -> str:
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    if size <= 0:
        return ""
    buf = ctypes.create_string_buffer(size)
    pdfium_c.FPDFFont_GetBaseFontName(font, buf, size)
    return buf.value.decode("utf-8", "replace")


class _FillColors:
    """Fill colours of page objects as '#rrggbb', read into one buffer (a page has a
    thousand text objects and a few colours)."""

    def __init__(self) -> None:
        self.rgba = (ctypes.c_uint * 4)()
        base, size = ctypes.addressof(self.rgba), ctypes.sizeof(ctypes.c_uint)
        self.slots = (base, base + size, base + 2 * size, base + 3 * size)
        self.hexes: dict[tuple[int, ...], str] = {}

    def of(self, obj: int) -> str | None:
        """The fill colour of the page object at address `obj`."""
        if not _fill_color(obj, *self.slots):
            return None
        rgb = tuple(self.rgba[:3])
        found = self.hexes.get(rgb)
        if found is None:
            found = self.hexes[rgb] = "#{:02x}{:02x}{:02x}".format(*rgb)
        return found


def _descent(font: Any, size: float) -> float:
    """The font's descent below the baseline at this size (points, <= 0)."""
    value = ctypes.c_float()
    if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(size), ctypes.byref(value)):
        return min(0.0, value.value)
    return 0.0


# Units of the page text that FPDFText_GetText writes differently from FPDFText_GetUnicode
# (0xFFFE for PDFium's line-end hyphen) or that may stand for something else: asked again.
_ASK_AGAIN = frozenset((0, _PDFIUM_HYPHEN, 0xFFFE))
_ASK_AGAIN_CHARS = frozenset(map(chr, _ASK_AGAIN))
_SURROGATE = re.compile("[\ud800-\udfff]")


def _page_text(textpage: Any, count: int) -> str | None:
    """The text of every character in one call, one unit per character index (one call per
    character costs a third of the page's time); None when the text cannot be lined up
    with the character indices (a character outside the BMP takes two units)."""
    buf = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buf)
    if written - 1 != count:
        return None
    text = ctypes.string_at(buf, 2 * count).decode("utf-16-le", "surrogatepass")
    return None if _SURROGATE.search(text) else text


class _Slots:
    """Output buffers of the per-character calls with the address of each character's
    slot as a c_void_p, kept from page to page (per thread): making the pointer objects
    costs as much as the calls. Zeroed before each page, as fresh buffers would be."""

    def __init__(self) -> None:
        self.size = 0
        self.origins = (ctypes.c_double * 0)()
        self.boxes = (ctypes.c_float * 0)()
        self.xs: list[ctypes.c_void_p] = []
        self.ys: list[ctypes.c_void_p] = []
        self.rects: list[ctypes.c_void_p] = []

    def ready(self, n: int) -> _Slots:
        if n > self.size:
            self.size = size = max(n, min(2 * self.size, _KEPT_SLOTS))
            self.origins = (ctypes.c_double * (2 * size))()
            self.boxes = (ctypes.c_float * (4 * size))()
            base, end = ctypes.addressof(self.origins), ctypes.sizeof(self.origins)
            self.xs = list(map(ctypes.c_void_p, range(base, base + end, 2 * _DOUBLE)))
            self.ys = list(map(ctypes.c_void_p, range(base + _DOUBLE, base + end, 2 * _DOUBLE)))
            base, end = ctypes.addressof(self.boxes), ctypes.sizeof(self.boxes)
            self.rects = list(map(ctypes.c_void_p, range(base, base + end, _RECT)))
        else:
            ctypes.memset(self.origins, 0, 2 * _DOUBLE * n)
            ctypes.memset(self.boxes, 0, _RECT * n)
        return self


_THREAD = threading.local()
# Characters: slots cost about half a kilobyte each, so a page denser than this (a dense
# page has a few thousand) is read in pieces of this many (`_chunks`).
_KEPT_SLOTS = 10_000


def _slots(n: int) -> _Slots:
    """The kept slots, ready for `n` <= _KEPT_SLOTS characters."""
    slots = getattr(_THREAD, "slots", None)
    if slots is None:
        slots = _THREAD.slots = _Slots()
    return slots.ready(n)


def _chunks(drawn: list[int]) -> Iterator[list[int]]:
    """The drawn characters in runs the kept slots hold: a denser page is read in pieces
    instead of getting slots (half a kilobyte per character) of its own."""
    for start in range(0, len(drawn), _KEPT_SLOTS):
        yield drawn[start : start + _KEPT_SLOTS]


def _origins(tp: ctypes.c_void_p, drawn: list[int]) -> tuple[list[float], list[float]]:
    """x and y of each drawn character's origin."""
    xs: list[float] = []
    ys: list[float] = []
    for chunk in _chunks(drawn):
        n = len(chunk)
        slots = _slots(n)
        deque(map(_char_origin, repeat(tp, n), chunk, slots.xs, slots.ys), maxlen=0)
        xs += slots.origins[0 : 2 * n : 2]
        ys += slots.origins[1 : 2 * n : 2]
    return xs, ys


def _loose_rights(tp: ctypes.c_void_p, drawn: list[int]) -> list[float]:
    """The right edge of each drawn character's loose box."""
    rights: list[float] = []
    for chunk in _chunks(drawn):
        n = len(chunk)
        slots = _slots(n)
        deque(map(_loose_box, repeat(tp, n), chunk, slots.rects), maxlen=0)
        rights += slots.boxes[_RECT_RIGHT : 4 * n : 4]
    return rights


def _texts(textpage: Any, tp: ctypes.c_void_p, drawn: list[int], count: int) -> list[str]:
    """Each drawn character's text: PDFium's line-end hyphen as '-', a glyph without a
    Unicode mapping as UNKNOWN_GLYPH."""
    page_text = _page_text(textpage, count)
    errors = list(map(_map_error, repeat(tp, len(drawn)), drawn))
    if page_text is not None:
        out = list(map(page_text.__getitem__, drawn))
        # The page's text is searched first (three substring tests): most pages hold none.
        on_page = any(c in page_text for c in _ASK_AGAIN_CHARS)
        if 1 not in errors and (not on_page or _ASK_AGAIN_CHARS.isdisjoint(out)):
            return out  # the page's text as it is: no character needs a second look
    units = [ord(c) for c in page_text] if page_text is not None else [0] * count
    ask_again, unknown, hyphen = _ASK_AGAIN, UNKNOWN_GLYPH, _PDFIUM_HYPHEN
    out = []
    for i, error in zip(drawn, errors, strict=True):
        code = units[i]
        if code in ask_again:  # also every character when the page text did not line up
            code = _get_unicode(tp, i)
        if code == hyphen:
            out.append("-")
        elif code == 0 or error == 1:
            out.append(unknown)
        else:
            out.append(chr(code))
    return out


class _Styles:
    """Font, size and colour of each text object (read once per object), with the font's
    descent at that size, by the object's address."""

    def __init__(self, textpage: Any, firsts: dict[int, int]) -> None:
        """`firsts`: each text object's first character, in order of appearance."""
        self.style: dict[int, tuple[str, float, str | None]] = {}
        self.descent: dict[int, float] = {}
        self.size: dict[int, float] = {}
        # A page's text objects share a few fonts: name and descent are read once per font
        # (and size), the font known by its address while the page is loaded.
        names: dict[int, str] = {}
        descents: dict[tuple[int, float], float] = {}
        tp = ctypes.c_void_p(_address(textpage))
        fill = _FillColors().of
        for key, first in firsts.items():
            size = round(_font_size(tp, first), 4)
            font_id = _object_font(key) or 0  # the key is the text object's address
            name = names.get(font_id)
            if name is None:
                name = names[font_id] = _font_name(ctypes.cast(font_id, pdfium_c.FPDF_FONT))
            descent = descents.get((font_id, size))
            if descent is None:
                font = ctypes.cast(font_id, pdfium_c.FPDF_FONT)
                descent = descents[(font_id, size)] = _descent(font, size)
            self.style[key] = (name, size, fill(key))
            self.descent[key] = descent
            self.size[key] = size


class _Runs:
    """The characters as runs drawn by one text object (a text object's characters mostly
    follow each other): what is per object is spread over its characters run by run."""

    def __init__(self, keys: list[int]) -> None:
        n = len(keys)
        # same[i]: character i and i + 1 are drawn by one text object
        self.same = list(map(eq, keys, keys[1:]))
        starts = [0, *compress(range(1, n), map(not_, self.same))]
        self.keys = list(map(keys.__getitem__, starts))
        self.starts = starts
        self.lengths = list(map(sub, [*starts[1:], n], starts))

    def firsts(self, drawn: list[int]) -> dict[int, int]:
        """Each text object's first character index, in order of appearance."""
        firsts: dict[int, int] = {}
        for key, start in zip(self.keys, self.starts, strict=True):
            firsts.setdefault(key, drawn[start])
        return firsts

    def per_char(self, table: dict[int, Any]) -> Iterator[Any]:
        return chain.from_iterable(map(repeat, map(table.__getitem__, self.keys), self.lengths))


def _cut_rights(xs: list[float], rights: list[float], same: list[bool]) -> list[float]:
    """Right edges: the loose box's (at least the origin), cut back to the next character's
    origin when that lies inside the box and the same text object draws it."""
    x1s = list(map(max, xs, rights))  # max(x0, right): x0 unless right > x0
    nexts = xs[1:]
    inside = map(and_, map(lt, xs, nexts), map(lt, nexts, x1s))  # x0 < next x0 < x1
    for i in list(compress(range(len(nexts)), map(and_, inside, same))):
        x1s[i] = nexts[i]
    return x1s


def page_chars(textpage: Any, top_ref: float) -> list[CharTuple]:
    """Every character the page draws (PDFium's generated spaces and breaks left out), in
    pdfminer's boxes: from the origin one advance wide, from the descent one size high.

    PDFium's loose box is widened to the glyph's ink, so its right edge is cut back to the
    next character's origin in the same text object (kerned and spaced runs aside).

    Each PDFium call is made for the whole page at once (see `_origins`), the boxes are
    computed column by column with the operators mapped in C, and characters are plain
    tuples in Char's layout: per character, Python steps and objects cost more than
    PDFium's work."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    tp = ctypes.c_void_p(_address(textpage))  # as _by_index's functions take it
    all_keys = list(map(_text_object, repeat(tp, count), range(count)))
    # A space or line break PDFium generated has no text object: it draws nothing.
    drawn = list(compress(range(count), all_keys))
    if not drawn:
        return []
    keys: list[int] = list(compress(all_keys, all_keys))
    xs, ys = _origins(tp, drawn)
    texts = _texts(textpage, tp, drawn, count)
    runs = _Runs(keys)
    styles = _Styles(textpage, runs.firsts(drawn))
    # top_ref - (y + descent), then bottom - size
    bottoms = list(map(sub, repeat(top_ref), map(add, ys, runs.per_char(styles.descent))))
    tops = list(map(sub, bottoms, runs.per_char(styles.size)))
    x1s = _cut_rights(xs, _loose_rights(tp, drawn), runs.same)
    return list(zip(texts, xs, x1s, tops, bottoms, runs.per_char(styles.style), strict=True))


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _apply(m: _Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


class _Graphics:
    """Ruling segments and image boxes of one page, in top-left page coordinates."""

    def __init__(self, top_ref: float, box_max: float) -> None:
        self.top_ref = top_ref
        self.box_max = box_max
        self.h: list[tuple[float, float, float]] = []
        self.v: list[tuple[float, float, float]] = []
        self.images: list[tuple[float, float, float, float]] = []
        self.seen = 0

    def room(self) -> int:
        """How many more objects are looked at: a list of a hostile page's objects is only
        made as long as the bound lets it be visited."""
        return max(0, _MAX_OBJECTS + 1 - self.seen)

    def visit(self, objects: list[int | None], parent: _Matrix, depth: int) -> None:
        """`objects`: page objects by address (most are text, of which only the type is
        read: through the plain-address call; the others as pypdfium2 pointers)."""
        for address, kind in zip(objects, map(_object_type, objects), strict=False):
            self.seen += 1
            if self.seen > _MAX_OBJECTS:
                return
            if kind not in _GRAPHIC_TYPES:
                continue
            obj = ctypes.cast(address, pdfium_c.FPDF_PAGEOBJECT)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(obj, _compose(_matrix(obj), parent))
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                self._image(_compose(_matrix(obj), parent))
            elif depth < _MAX_DEPTH:  # a form XObject
                count = min(pdfium_c.FPDFFormObj_CountObjects(obj), self.room())
                children = list(map(_form_object, repeat(obj, count), range(count)))
                self.visit(children, _compose(_matrix(obj), parent), depth + 1)

    def _edge(
        self, a: tuple[float, float], b: tuple[float, float], h: list[Any], v: list[Any]
    ) -> None:
        (x0, y0), (x1, y1) = a, b
        if abs(y0 - y1) <= _FLAT and abs(x0 - x1) > _FLAT:
            h.append((self.top_ref - y0, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= _FLAT and abs(y0 - y1) > _FLAT:
            top, bottom = sorted((self.top_ref - y0, self.top_ref - y1))
            v.append((x0, top, bottom))

    def _path(self, obj: Any, m: _Matrix) -> None:
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)):
            return
        if mode.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
            return  # neither filled nor stroked: not drawn
        x, y = ctypes.c_float(), ctypes.c_float()
        start = prev = None
        h: list[tuple[float, float, float]] = []
        v: list[tuple[float, float, float]] = []
        points: list[tuple[float, float]] = []
        closed = False
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = _apply(m, x.value, y.value)
            points.append(point)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                self._edge(prev, point, h, v)
            prev = point  # a curve's points draw no ruling
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                self._edge(point, start, h, v)
                prev = start
                closed = True
        if closed and self._checkbox_sized(points):
            return  # a checkbox's border would cut a text cell in two (as plumber_page)
        self.h.extend(h)
        self.v.extend(v)

    def _checkbox_sized(self, points: list[tuple[float, float]]) -> bool:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        return max(xs) - min(xs) <= self.box_max and max(ys) - min(ys) <= self.box_max

    def _image(self, m: _Matrix) -> None:
        corners = [_apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        xs = [p[0] for p in corners]
        tops = [self.top_ref - p[1] for p in corners]
        self.images.append((min(xs), min(tops), max(xs), max(tops)))


def page_data(page: Any, rules: PdfRules) -> PageData:
    """`page`: a pypdfium2 PdfPage."""
    left, bottom, right, top = page.get_mediabox()
    textpage = pdfium_c.FPDFText_LoadPage(page.raw)
    try:
        chars = page_chars(textpage, top)
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
    make = word_maker(rules, "".join([c[0] for c in chars]))
    words = make_words(chars, rules.word_x_tolerance, rules.word_y_tolerance, make)
    graphics = _Graphics(top, rules.ruling_box_max)
    count = min(pdfium_c.FPDFPage_CountObjects(page.raw), graphics.room())
    graphics.visit(list(map(_page_object, repeat(page.raw, count), range(count))), _IDENTITY, 0)
    return PageData(
        width=right - left,
        height=top - bottom,
        words=words,
        h_edges=graphics.h,
        v_edges=graphics.v,
        images=graphics.images,
    )


def _field_name(formenv: Any, annot: Any) -> str:
    size = pdfium_c.FPDFAnnot_GetFormFieldName(formenv, annot, None, 0)
    if size <= 2:
        return ""
    buf = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFAnnot_GetFormFieldName(formenv, annot, buf, size)
    full = bytes(buf)[: size - 2].decode("utf-16-le", "replace")
    return full.rsplit(".", 1)[-1]  # the widget's own /T, not its parents' names


def checkbox_fields(page: Any, formenv: Any, top_ref: float) -> list[CheckboxField]:
    """Checkbox and radio-button widgets with their state (needs the form environment)."""
    if formenv is None:
        return []
    out: list[CheckboxField] = []
    rect = pdfium_c.FS_RECTF()
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_WIDGET:
                continue
            if pdfium_c.FPDFAnnot_GetFormFieldType(formenv, annot) not in _CHECKBOX_TYPES:
                continue
            if not pdfium_c.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                continue
            out.append(
                CheckboxField(
                    x0=min(rect.left, rect.right),
                    top=top_ref - max(rect.top, rect.bottom),
                    x1=max(rect.left, rect.right),
                    bottom=top_ref - min(rect.top, rect.bottom),
                    checked=bool(pdfium_c.FPDFAnnot_IsChecked(formenv, annot)),
                    name=_field_name(formenv, annot),
                )
            )
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out


class PdfiumSource:
    """An open PDF read through PDFium; the form environment only when it has fields."""

    def __init__(self, name: str, data: bytes) -> None:
        import pypdfium2 as pdfium

        from planextract.extract.read_pdf import reason

        try:
            self.pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                raise EncryptedInput(name, "encrypted PDF: it needs a password to be read") from exc
            text = reason(exc).removeprefix("Failed to load document ").strip("().")
            raise UnreadableInput(name, f"damaged or truncated PDF ({text})") from exc
        if pdfium_c.FPDF_GetFormType(self.pdf.raw) != pdfium_c.FORMTYPE_NONE:
            self.pdf.init_forms()  # before any page is loaded
        self.formenv = self.pdf.formenv
        self.page_count = len(self.pdf)

    def page(self, index: int, rules: PdfRules) -> tuple[PageData, list[CheckboxField]]:
        page = self.pdf[index]
        try:
            top = page.get_mediabox()[3]
            return page_data(page, rules), checkbox_fields(page, self.formenv, top)
        finally:
            page.close()

    def close(self) -> None:
        self.pdf.close()
