"""Render the sample PDFs in samples/pdf/ from the real text exports in samples/.

    python scripts/make_sample_pdfs.py             # samples/pdf/*.pdf
    python scripts/make_sample_pdfs.py --variants  # also tests/fixtures/pdf/*.pdf

The text exports are all we have of the submitted PDFs. This script re-creates those PDFs
as the department's Word template prints them, from two sources only:

- the structure and wording of the plan: planextract's own extraction of the text export
  (sections, goal headings, action titles, every field and sub-part with its paragraphs,
  list items and checkbox states, in document order);
- the template: labels, prompts and sub-part labels exactly as the text export shows them
  (they are the profile's wording, rules/template_2025.toml).

Layout: A4; running header 'Actieplan <zone>' and footer 'Pagina N van M' on every page;
bold headings; each template action a bordered 2-column table (bold labels left; grey
italic prompts and the answers right; rows and cells break across pages); checkboxes as
☒/☐; narrative actions as a bold title and text. The Kemp en Duin timeline is drawn as
ruled month x action tables from samples/kemp-en-duin-tijdslijn.toml (a hand
transcription of the flattened text export). An annex that the text export shows as a
bare heading (ELZOH 'BIJLAGE I': its content was a picture) is drawn as images without a
text layer; the picture is a blank month grid labelled with the plan's action titles,
as the real annex content is not in the export.

Fonts: DejaVu Sans, bundled in scripts/fonts/ (see LICENSE.txt there). Output is
byte-for-byte deterministic (reportlab invariant mode).

Variants (--variants, for the checkbox tests), in tests/fixtures/pdf/ (test fixtures stay out of
samples/, so `planextract batch samples/` converts the two plans only):
- symbol-fonts: the boxes drawn from symbol fonts, cycling through Wingdings with
  private-use code points U+F0FD/U+F0A8 and U+F078/U+F06F, 'MS Gothic' and 'Segoe UI
  Symbol' (DejaVu renamed: the glyphs look right, the PDF carries the font names and
  code points that Word exports carry);
- acroform: the boxes as AcroForm checkbox fields (no glyph in the text, the state in /V
  and /AS), the type label as text next to the field;
- unknown-glyph: the first box drawn with a private-use code point of a font that no
  rule knows ('Webdings' U+F063); every other box as ☒/☐.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from PIL import Image as PILImage  # noqa: E402
from PIL import ImageDraw, ImageFont  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from planextract.extract.build import build_tree  # noqa: E402
from planextract.extract.reflow import block_width, join_tokens, paragraphs  # noqa: E402
from planextract.extract.sentences import split_sentences  # noqa: E402
from planextract.models.tokens import Kind, Token  # noqa: E402
from planextract.models.tree import TEMPLATE, UNASSIGNED  # noqa: E402
from planextract.pipeline import extract_file  # noqa: E402
from planextract.report.labels import MONTHS_SHORT  # noqa: E402
from planextract.rules.profile import Profile, load_profile  # noqa: E402

FONTS = ROOT / "scripts" / "fonts"
SAMPLES = ROOT / "samples"
OUT = SAMPLES / "pdf"
VARIANTS_OUT = ROOT / "tests" / "fixtures" / "pdf"
SAMPLE_FILES = ("zuidoost-hageland-actieplan-2025.txt", "kemp-en-duin-actieplan-2025.txt")
CHECKBOX_MODES = ("glyph", "symbol-fonts", "acroform", "unknown-glyph")
# Each variant from the plan that exercises it best: Kemp en Duin has unchecked boxes
# enough for every symbol font to show both states.
VARIANTS = {
    "symbol-fonts": "kemp-en-duin-actieplan-2025.txt",
    "acroform": "zuidoost-hageland-actieplan-2025.txt",
    "unknown-glyph": "zuidoost-hageland-actieplan-2025.txt",
}

PAGE_W, PAGE_H = A4
MARGIN = 2.2 * cm
FRAME_W = PAGE_W - 2 * MARGIN
WIDE_W = PAGE_H - 2 * MARGIN  # a landscape page, for the timeline tables
LABEL_W = 3.2 * cm
GREY = colors.Color(0.45, 0.45, 0.45)
HEADING_BLUE = colors.Color(0.12, 0.27, 0.47)

# Symbol fonts for the 'symbol-fonts' variant: (PDF font name, checked code, unchecked code).
# Each is DejaVu Sans under another name with the code points mapped to its ☒/☐ glyphs.
SYMBOL_STYLES = (
    ("Wingdings-Regular", "\uf0fd", "\uf0a8"),
    ("Wingdings-Regular", "\uf078", "\uf06f"),
    ("MS-Gothic", "☒", "☐"),
    ("SegoeUISymbol", "☒", "☐"),
)
UNKNOWN_STYLE = ("Webdings", "\uf063")
_GLYPH_OF = {"\uf0fd": "☒", "\uf0a8": "☐", "\uf078": "⌧", "\uf06f": "❏", "\uf063": "☒"}


# -- the plan as blocks, in document order ---------------------------------------------------
@dataclass
class Heading:
    text: str
    style: str  # section1 | section2 | sd | od
    page: int | None = None  # page in the text export (make_sample_docx.py records it)


@dataclass
class Text:
    text: str
    marker: str | None = None
    level: int = 1
    page: int | None = None


@dataclass
class Title:
    text: str
    page: int | None = None


@dataclass
class Prompt:
    text: str
    page: int | None = None


@dataclass
class Check:
    selected: bool | None
    glyph: str | None
    label: str
    page: int | None = None


@dataclass
class Row:
    field: str
    label: str
    items: list[Text | Prompt | Check] = field(default_factory=list)


@dataclass
class Form:
    action_id: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Timeline:
    tables: list[dict]


@dataclass
class Annex:
    titles: list[str]  # action titles written in the picture


Block = Heading | Text | Title | Form | Timeline | Annex


@dataclass
class PlanLayout:
    zone: str
    blocks: list[Block]


def _timeline_file(txt: Path) -> Path:
    return txt.with_name(re.sub(r"-actieplan-\d{4}$", "", txt.stem) + "-tijdslijn.toml")


def plan_layout(txt: Path, profile: Profile | None = None) -> PlanLayout:
    """Walk planextract's extraction of a text export and list what the PDF shows."""
    profile = profile or load_profile()
    result = extract_file(txt, profile)
    plan, doc, tokens = result.plan, result.document, result.tokens
    tree = build_tree(doc, tokens, profile)
    owners = [str(owner) for owner in tree.owners]

    # Template tokens -> (action id, field); the builder knows which form each belongs to.
    form_of: dict[int, tuple[str, str]] = {}
    for sd in tree.goals:
        for od in sd.children:
            for draft in od.actions:
                aid = draft.id
                for fd in draft.fields.values():
                    for tok in fd.structure:
                        form_of[id(tok)] = (aid, fd.key)

    # Paragraphs per owner, computed as the assembler computes them (same block width).
    by_owner: dict[str, list[Token]] = {}
    for tok, owner in zip(tokens, owners, strict=True):
        by_owner.setdefault(owner, []).append(tok)
    action_width: dict[str, int] = {}
    for owner, toks in by_owner.items():
        if owner.startswith("actions:"):
            aid = _action_owner(owner)[0]
            action_width.setdefault(aid, 0)
            content = [t for t in toks if t.kind in (Kind.TEXT, Kind.BULLET)]
            if content:
                action_width[aid] = max(action_width[aid], block_width(content, doc))
    starts: dict[tuple[str, int], Text] = {}
    for owner, toks in by_owner.items():
        if owner == TEMPLATE or owner.endswith(".title"):
            continue
        if owner.startswith("actions:"):
            width = action_width[_action_owner(owner)[0]]
        else:
            width = block_width(toks, doc)
        paras = paragraphs(toks, doc, profile, width)
        # List answers written as sentences: one Word paragraph per item, as the core
        # splits them (evaluation criteria are owned by their type: '…evaluation.output').
        part = "criteria" if ".evaluation." in owner else owner.rsplit(".", 1)[-1]
        if part in profile.list_parts:
            paras = split_sentences(paras, doc, profile)
        for para in paras:
            page = doc.lines[para.indices[0]].page
            starts[(owner, para.indices[0])] = Text(para.text, para.marker, para.level, page)

    timeline_file = _timeline_file(txt)
    timeline = tomllib.loads(timeline_file.read_text("utf-8")) if timeline_file.exists() else None

    blocks: list[Block] = []
    form: Form | None = None
    n = 0
    while n < len(tokens):
        tok, owner = tokens[n], owners[n]
        run_end = n + 1
        while run_end < len(tokens) and owners[run_end] == owner:
            run_end += 1
        run = tokens[n:run_end]
        where = _form_place(tok, owner, form_of)
        page = doc.lines[tok.index].page
        if where is None:
            form = None
        if owner.endswith(".title"):
            if owner.startswith("sections:"):
                level = tok.level or 1
                blocks.append(Heading(doc.lines[tok.index].text, f"section{min(level, 2)}", page))
                section = plan.sections[int(owner.split(":")[1].split(".")[0])]
                if section.kind == "annex" and not section.text:
                    blocks.append(Annex([a.title for a in plan.actions()]))
            elif owner.startswith(("strategic_goals:", "operational_goals:")):
                text = join_tokens(run, doc, first=doc.lines[tok.index].text)
                blocks.append(Heading(text, "sd" if owner.startswith("strategic") else "od", page))
            else:
                blocks.append(Title(join_tokens(run, doc), page))
            n = run_end
            continue
        if where is None:  # section text, narrative body, unassigned text
            section_no = owner.split(":")[1].split(".")[0] if owner.startswith("sections:") else ""
            is_timeline = (
                section_no != "" and plan.sections[int(section_no)].kind == "timeline" and timeline
            )
            if is_timeline:
                if not any(isinstance(b, Timeline) for b in blocks):
                    blocks.append(Timeline(timeline["tables"]))  # type: ignore[index]
            elif owner != UNASSIGNED or tok.kind != Kind.EMPTY:
                blocks.extend(_texts(run, owner, starts))
            else:
                blocks.append(Text(tok.text, page=page))
            n = run_end
            continue
        aid, field_key = where
        if form is None or form.action_id != aid:
            form = Form(aid)
            blocks.append(form)
        if not form.rows or form.rows[-1].field != field_key:
            form.rows.append(Row(field_key, profile.field_rule(field_key).label))
        row = form.rows[-1]
        if tok.kind == Kind.LABEL:
            row.label = tok.text
        elif tok.kind in (Kind.PROMPT, Kind.PART):
            last = row.items[-1] if row.items else None
            if not (isinstance(last, Prompt) and last.text == tok.text):  # wrapped prompt
                row.items.append(Prompt(tok.text, page))
        elif tok.kind == Kind.CHECKBOX:
            row.items.append(Check(tok.selected, tok.glyph, tok.text, page))
        elif tok.kind == Kind.EMPTY:
            row.items.append(Text(tok.text, page=page))
        elif (owner, tok.index) in starts:
            row.items.append(starts[(owner, tok.index)])
        n += 1
    zone = plan.organisation or txt.stem
    return PlanLayout(zone=zone, blocks=blocks)


def _form_place(
    tok: Token, owner: str, form_of: dict[int, tuple[str, str]]
) -> tuple[str, str] | None:
    """(action id, field) when the token sits in an action's form table."""
    if owner == TEMPLATE:
        if id(tok) not in form_of:
            raise SystemExit(f"template text outside any form: {tok}")
        return form_of[id(tok)]
    if owner.startswith("actions:"):
        aid, rest = _action_owner(owner)
        if rest not in ("title", "text"):
            return aid, rest.split(".", 1)[0]
    return None


def _action_owner(owner: str) -> tuple[str, str]:
    """'actions:4.5b-1.what.do' -> ('4.5b-1', 'what.do'); action ids contain dots."""
    m = re.match(r"^actions:(.+?-\d+)\.(.+)$", owner)
    if m is None:
        raise SystemExit(f"unexpected owner {owner!r}")
    return m[1], m[2]


def _texts(run: list[Token], owner: str, starts: dict[tuple[str, int], Text]) -> Iterator[Text]:
    for tok in run:
        if tok.kind == Kind.EMPTY:
            yield Text(tok.text)
        elif (owner, tok.index) in starts:
            yield starts.pop((owner, tok.index))


# -- rendering -------------------------------------------------------------------------------
def register_fonts() -> None:
    if "DV" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("DV", FONTS / "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", FONTS / "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DVI", FONTS / "DejaVuSans-Oblique.ttf"))
    renamed = {name for name, *_ in SYMBOL_STYLES} | {UNKNOWN_STYLE[0]}
    for name in sorted(renamed):
        font = TTFont(name, FONTS / "DejaVuSans.ttf")
        font.face.name = name.encode()
        for code, glyph in _GLYPH_OF.items():
            font.face.charToGlyph[ord(code)] = font.face.charToGlyph[ord(glyph)]
            font.face.charWidths[ord(code)] = font.face.charWidths[ord(glyph)]
        pdfmetrics.registerFont(font)


def _style(name: str, **kw: object) -> ParagraphStyle:
    base = {"fontName": "DV", "fontSize": 10, "leading": 13, "spaceBefore": 5}
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


# Bold headings and titles: (size, leading, space before, space after, colour).
_HEADINGS = {
    "section1": (15, 19, 16, 6, HEADING_BLUE),
    "section2": (12, 15, 12, 4, HEADING_BLUE),
    "sd": (13, 16.5, 14, 4, colors.black),
    "od": (11.5, 14.5, 10, 4, colors.black),
    "title": (10.5, 13.5, 12, 8, colors.black),
}
STYLES = {
    "body": _style("body"),
    **{
        name: _style(
            name,
            fontName="DVB",
            fontSize=size,
            leading=leading,
            spaceBefore=before,
            spaceAfter=after,
            textColor=colour,
            keepWithNext=1,
        )
        for name, (size, leading, before, after, colour) in _HEADINGS.items()
    },
    "label": _style("label", fontName="DVB", fontSize=10.5, leading=13.5, spaceBefore=0),
    "prompt": _style("prompt", fontName="DVI", fontSize=9.5, leading=12.5, textColor=GREY),
    "cell": _style("cell", fontSize=7.5, leading=9.2, spaceBefore=0, splitLongWords=0),
    "cellhead": _style(
        "cellhead", fontName="DVB", fontSize=7.5, leading=9.2, spaceBefore=0, splitLongWords=0
    ),
}


def _para(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _text(item: Text) -> Paragraph:
    if item.marker is None:
        return _para(item.text, "body")
    indent = 6 + 16 * (item.level - 1)
    style = ParagraphStyle(
        f"item{item.level}",
        parent=STYLES["body"],
        bulletIndent=indent,
        leftIndent=indent + 14,
        bulletFontName="DV",
    )
    return Paragraph(escape(item.text), style, bulletText=item.marker)


class AcroCheckbox(Flowable):
    """An AcroForm checkbox field followed by the evaluation type label as text."""

    def __init__(self, name: str, selected: bool, label: str) -> None:
        super().__init__()
        self.name, self.selected, self.label = name, selected, label
        self.spaceBefore = 5

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 13
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.acroForm.checkbox(
            name=self.name,
            checked=self.selected,
            x=0,
            y=1,
            size=9.5,
            buttonStyle="cross",
            borderWidth=0.8,
            borderColor=colors.black,
            fillColor=colors.white,
            textColor=colors.black,
            forceBorder=True,
            relative=True,
        )
        canv.setFont("DV", 10)
        canv.drawString(14, 3, self.label)


class Renderer:
    def __init__(self, checkboxes: str = "glyph") -> None:
        if checkboxes not in CHECKBOX_MODES:
            raise ValueError(checkboxes)
        self.mode = checkboxes
        self.boxes = 0

    def check(self, item: Check) -> Flowable:
        self.boxes += 1
        label = escape(item.label)
        if self.mode == "acroform" and item.selected is not None:
            return AcroCheckbox(f"evaluatie_{self.boxes}", item.selected, item.label)
        if self.mode == "symbol-fonts" and item.selected is not None:
            font, checked, unchecked = SYMBOL_STYLES[(self.boxes - 1) % len(SYMBOL_STYLES)]
            code = checked if item.selected else unchecked
            return Paragraph(f'<font name="{font}">{code}</font> {label}', STYLES["body"])
        if self.mode == "unknown-glyph" and self.boxes == 1:
            font, code = UNKNOWN_STYLE
            return Paragraph(f'<font name="{font}">{code}</font> {label}', STYLES["body"])
        glyph = escape(item.glyph or "")
        return Paragraph(f"{glyph} {label}".strip(), STYLES["body"])

    def form(self, form: Form) -> Table:
        data = []
        for row in form.rows:
            cell: list[Flowable] = []
            for item in row.items:
                if isinstance(item, Prompt):
                    cell.append(_para(item.text, "prompt"))
                elif isinstance(item, Check):
                    cell.append(self.check(item))
                else:
                    cell.append(_text(item))
            data.append([_para(row.label, "label"), cell or ""])
        table = Table(data, colWidths=[LABEL_W, FRAME_W - LABEL_W], splitInRow=1, splitByRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return table

    def flowables(self, layout: PlanLayout) -> list[Flowable]:
        out: list[Flowable] = []
        blocks = layout.blocks
        for n, block in enumerate(blocks):
            if n + 1 < len(blocks) and isinstance(blocks[n + 1], Timeline):
                # Like a Word section break: the timeline gets landscape pages.
                out.extend([NextPageTemplate("landscape"), PageBreak()])
            if isinstance(block, Heading):
                out.append(_para(block.text, block.style))
            elif isinstance(block, Title):
                out.append(_para(block.text, "title"))
            elif isinstance(block, Text):
                out.append(_text(block))
            elif isinstance(block, Form):
                out.append(self.form(block))
            elif isinstance(block, Timeline):
                out.extend(timeline_tables(block))
                out.extend([NextPageTemplate("portrait"), PageBreak()])
            elif isinstance(block, Annex):
                out.extend(annex_images(block, layout.zone))
        return out


def timeline_tables(block: Timeline) -> Iterator[Flowable]:
    months = 2.0 * cm
    col = (WIDE_W - months) / 6
    for n, raw in enumerate(block.tables):
        header = [_para("Maand", "cellhead")] + [_para(c, "cellhead") for c in raw["columns"]]
        rows = [header]
        for month, cells in raw["rows"].items():
            rows.append([_para(month, "cellhead")] + [_para(c, "cell") if c else "" for c in cells])
        table = Table(
            rows, colWidths=[months] + [col] * len(raw["columns"]), repeatRows=1, splitByRow=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.88, 0.93)),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        if n:
            yield PageBreak()
        yield table


def _annex_picture(titles: list[str], zone: str, part: int, size: tuple[int, int]) -> io.BytesIO:
    """A spreadsheet-like month grid, as a picture: the annex has no text layer."""
    width = size[0]
    img = PILImage.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 22)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 30)
    draw.text((40, 30), f"Tijdslijn {zone} 2025 – extract ({part}/2)", fill="black", font=bold)
    months = MONTHS_SHORT
    left, top, label_w = 40, 110, 760
    cell_w = (width - left - label_w - 40) // 12
    row_h = 74
    for m, name in enumerate(months):
        draw.text((left + label_w + m * cell_w + 12, top + 20), name, fill="black", font=font)
    y = top + row_h
    for title in titles:
        short = title if len(title) <= 58 else title[:56] + "…"
        draw.text((left + 10, y + 24), short, fill="black", font=font)
        y += row_h
    for k in range(len(titles) + 2):
        draw.line([(left, top + k * row_h), (width - 40, top + k * row_h)], fill="grey", width=2)
    for m in range(13):
        x = left + label_w + m * cell_w
        draw.line([(x, top), (x, y)], fill="grey", width=2)
    draw.line([(left, top), (left, y)], fill="grey", width=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    buf.seek(0)
    return buf


def annex_images(block: Annex, zone: str) -> Iterator[Flowable]:
    half = (len(block.titles) + 1) // 2
    parts = [block.titles[:half], block.titles[half:]]
    first_h = 560.0
    yield Image(
        _annex_picture(parts[0], zone, 1, (1600, int(1600 * first_h / FRAME_W))),
        width=FRAME_W,
        height=first_h,
    )
    yield PageBreak()
    second_h = 660.0
    yield Image(
        _annex_picture(parts[1], zone, 2, (1600, int(1600 * second_h / FRAME_W))),
        width=FRAME_W,
        height=second_h,
    )


def _canvas_class(zone: str) -> type[Canvas]:
    class RunningCanvas(Canvas):
        """Draws the running header and 'Pagina N van M' once the page count is known."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict] = []

        def showPage(self) -> None:  # reportlab's API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                width, height = self._pagesize
                self.setFont("DV", 9)
                self.setFillColor(GREY)
                self.drawString(MARGIN, height - 1.3 * cm, f"Actieplan {zone}")
                self.drawRightString(width - MARGIN, 1.2 * cm, f"Pagina {number} van {total}")
                super().showPage()
            super().save()

    return RunningCanvas


def render_pdf(
    layout: PlanLayout, out: Path, *, checkboxes: str = "glyph", encrypt: object | None = None
) -> Path:
    register_fonts()
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = BaseDocTemplate(
        str(out),
        pagesize=A4,
        title=f"Actieplan {layout.zone}",
        author=layout.zone,
        invariant=1,
        encrypt=encrypt,
    )
    frame_h = PAGE_H - 2 * MARGIN
    doc.addPageTemplates(
        [
            PageTemplate("portrait", [Frame(MARGIN, MARGIN, FRAME_W, frame_h)], pagesize=A4),
            PageTemplate(
                "landscape", [Frame(MARGIN, MARGIN, WIDE_W, FRAME_W)], pagesize=landscape(A4)
            ),
        ]
    )
    doc.build(Renderer(checkboxes).flowables(layout), canvasmaker=_canvas_class(layout.zone))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--out", type=Path, default=OUT, help="output folder")
    parser.add_argument("--variants", action="store_true", help="also write the checkbox variants")
    parser.add_argument(
        "--variants-out", type=Path, default=VARIANTS_OUT, help="folder for the variants"
    )
    args = parser.parse_args(argv)
    profile = load_profile()
    for name in SAMPLE_FILES:
        layout = plan_layout(SAMPLES / name, profile)
        path = render_pdf(layout, args.out / name.replace(".txt", ".pdf"))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if args.variants:
        for mode, name in VARIANTS.items():
            layout = plan_layout(SAMPLES / name, profile)
            stem = name.replace("-actieplan-2025.txt", "")
            path = render_pdf(layout, args.variants_out / f"{stem}-{mode}.pdf", checkboxes=mode)
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
