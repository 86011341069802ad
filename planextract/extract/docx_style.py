"""Word formatting as the reader needs it: effective bold/italic/colour/size/font of a run
(document defaults < paragraph style chain < character style chain < direct formatting)
and list markers from numbering definitions (bullets as written, numbers counted)."""

from __future__ import annotations

from dataclasses import field
from typing import Any

from planextract.models.record import record
from planextract.rules.docx import load_docx_rules

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MAX_CHAIN = 20  # basedOn chains are short; a loop in a hostile file must end


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def wval(el: Any, attr: str = "val") -> str | None:
    return None if el is None else el.get(q(attr))


def _on(el: Any) -> bool | None:
    """A toggle property (<w:b/>, <w:b w:val="0"/>), None when absent."""
    if el is None:
        return None
    return wval(el) not in ("0", "false", "off")


@record(frozen=True, slots=True)
class RunStyle:
    bold: bool = False
    italic: bool = False
    color: str | None = None  # '#rrggbb'
    size: float | None = None  # points
    font: str | None = None
    hidden: bool = False  # w:vanish: Word neither shows nor prints it

    def apply(self, rpr: Any) -> RunStyle:
        if rpr is None:
            return self
        bold, italic = _on(rpr.find(q("b"))), _on(rpr.find(q("i")))
        hidden = _on(rpr.find(q("vanish")))
        color = wval(rpr.find(q("color")))
        size = wval(rpr.find(q("sz")))
        fonts = rpr.find(q("rFonts"))
        font = None if fonts is None else (wval(fonts, "ascii") or wval(fonts, "hAnsi"))
        return RunStyle(
            bold=self.bold if bold is None else bold,
            italic=self.italic if italic is None else italic,
            color=self.color if color is None else _hex(color),
            size=self.size if size is None or not size.isdigit() else int(size) / 2,
            font=font or self.font,
            hidden=self.hidden if hidden is None else hidden,
        )


def _hex(value: str) -> str | None:
    if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
        return "#" + value.lower()
    return None  # 'auto': the default colour


@record(slots=True)
class Styles:
    """Style definitions by id, with their basedOn chains resolved on demand."""

    by_id: dict[str, Any]
    defaults: RunStyle
    default_paragraph: str | None
    _cache: dict[tuple[str | None, str | None], RunStyle] = field(default_factory=dict)

    @classmethod
    def of(cls, styles_element: Any | None) -> Styles:
        if styles_element is None:
            return cls({}, RunStyle(), None)
        by_id = {s.get(q("styleId")): s for s in styles_element.iter(q("style"))}
        defaults = RunStyle().apply(
            styles_element.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
        )
        default_paragraph = next(
            (
                sid
                for sid, s in by_id.items()
                if s.get(q("type")) == "paragraph" and s.get(q("default")) in ("1", "true")
            ),
            None,
        )
        return cls(by_id, defaults, default_paragraph)

    def chain(self, style_id: str | None) -> list[Any]:
        """The style and the styles it is based on, base first."""
        out: list[Any] = []
        seen: set[str] = set()
        while (
            style_id and style_id in self.by_id and style_id not in seen and len(out) < _MAX_CHAIN
        ):
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = wval(style.find(q("basedOn")))
        return out[::-1]

    def run_style(self, para_style: str | None, char_style: str | None) -> RunStyle:
        key = (para_style, char_style)
        if key not in self._cache:
            style = self.defaults
            for s in self.chain(para_style or self.default_paragraph):
                style = style.apply(s.find(q("rPr")))
            for s in self.chain(char_style):
                style = style.apply(s.find(q("rPr")))
            self._cache[key] = style
        return self._cache[key]

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or self.default_paragraph or "")
        return (wval(style.find(q("name"))) or "") if style is not None else ""

    def numbering_of(self, style_id: str | None) -> tuple[str | None, int]:
        """(numId, ilvl) that a paragraph style gives its paragraphs."""
        num_id, level = None, 0
        for s in self.chain(style_id):
            num = s.find(f"{q('pPr')}/{q('numPr')}")
            if num is not None:
                num_id = wval(num.find(q("numId"))) or num_id
                ilvl = wval(num.find(q("ilvl")))
                level = int(ilvl) if ilvl and ilvl.isdigit() else level
        return num_id, level


def _roman(n: int) -> str:
    out = ""
    for value, digits in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= value:
            out, n = out + digits, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    return str(n)


@record(slots=True)
class Level:
    fmt: str
    text: str
    start: int


class Numbering:
    """List markers as Word shows them: the level's lvlText with its counters filled in."""

    def __init__(self, numbering_element: Any | None) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if numbering_element is None:
            return
        abstract = {
            a.get(q("abstractNumId")): self._levels(a)
            for a in numbering_element.iter(q("abstractNum"))
        }
        for num in numbering_element.iter(q("num")):
            levels = dict(abstract.get(wval(num.find(q("abstractNumId"))), {}))
            for override in num.iter(q("lvlOverride")):
                ilvl = wval(override, "ilvl")
                start = wval(override.find(q("startOverride")))
                if ilvl and ilvl.isdigit() and start and start.isdigit() and int(ilvl) in levels:
                    old = levels[int(ilvl)]
                    levels[int(ilvl)] = Level(old.fmt, old.text, int(start))
            self.levels[num.get(q("numId")) or ""] = levels

    @staticmethod
    def _levels(abstract: Any) -> dict[int, Level]:
        out = {}
        for lvl in abstract.iter(q("lvl")):
            ilvl = wval(lvl, "ilvl")
            if not ilvl or not ilvl.isdigit():
                continue
            start = wval(lvl.find(q("start"))) or "1"
            out[int(ilvl)] = Level(
                fmt=wval(lvl.find(q("numFmt"))) or "decimal",
                text=wval(lvl.find(q("lvlText"))) or "",
                start=int(start) if start.isdigit() else 1,
            )
        return out

    def marker(self, num_id: str | None, ilvl: int) -> str | None:
        """The next marker of list `num_id` at level `ilvl`, or None (numId 0: no list)."""
        levels = self.levels.get(num_id or "")
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        counters = self.counters.setdefault(num_id or "", {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a higher level restarts the levels below it
        if level.fmt == "bullet":
            return load_docx_rules().bullet_symbols.get(level.text, level.text) or None
        if level.fmt == "none":
            return None
        text = level.text
        for k in range(9):
            if f"%{k + 1}" in text:
                value = counters.get(k, levels[k].start if k in levels else 1)
                fmt = levels[k].fmt if k in levels else "decimal"
                text = text.replace(f"%{k + 1}", format_number(value, fmt))
        return text or None
