"""Write Word (DOCX) versions of the two sample plans, from the real text exports.

    python scripts/make_sample_docx.py --out DIR

The plan's structure and wording come from planextract's extraction of the text export,
as for the sample PDFs (make_sample_pdfs.plan_layout); this script writes them in the
structures of the department's Word template, with python-docx:

- headings in the Heading 1-3 styles, action titles in bold, list items as Word lists
  (numbering definitions whose level text is the marker the export shows, numbered items
  counted by Word's own counters);
- each template action a 2-column table: the label column left (bold), grey italic
  prompts and the answers right; every third answer cell inside a content control;
- evaluation checkboxes in turn as a checkbox content control (w14:checkbox), a legacy
  form field (FORMCHECKBOX), a Wingdings symbol (w:sym), a content control whose shown
  glyph is stale (its state says otherwise: the state counts), and a typed glyph;
- the Kemp en Duin Tijdslijn as Word tables (samples/kemp-en-duin-tijdslijn.toml);
- ELZOH's annex as pictures (its content was a picture: the export has only the heading);
- the running header 'Actieplan <zone>' and a 'Pagina N van M' footer (PAGE fields) in
  their own parts;
- w:lastRenderedPageBreak where the text export starts a new page (at paragraph
  granularity), as Word records its last layout.

The files are byte-for-byte deterministic (fixed dates in the package and the zip).
They are test fixtures (tests/conftest.py writes them to a temporary folder), not
samples: `planextract batch samples/` does not convert them as duplicates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Cm, Pt, RGBColor  # noqa: E402

from planextract.rules.profile import load_profile  # noqa: E402


def _layout_module() -> Any:
    name = "make_sample_pdfs"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


L = _layout_module()
SAMPLES = ROOT / "samples"
SAMPLE_FILES = L.SAMPLE_FILES
GREY = RGBColor(0x73, 0x73, 0x73)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
FIXED = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
CHECKBOX_FORMS = ("control", "legacy", "symbol", "stale-control", "glyph")
_NUMBERED = re.compile(r"^(\()?(\d{1,2}|[a-z])([.)])$")
HEADING_STYLES = {
    "section1": "Heading 1",
    "section2": "Heading 2",
    "sd": "Heading 2",
    "od": "Heading 3",
}


class Writer:
    def __init__(self, zone: str) -> None:
        self.doc = docx.Document()
        self.page = 1
        self.boxes = 0
        self.rows = 0
        self.lists: dict[tuple[str, int], str] = {}
        self.numbering = self.doc.part.numbering_part.element
        self.next_abstract = 100
        self.next_num = 100
        self._setup(zone)

    # -- package ---------------------------------------------------------------------
    def _setup(self, zone: str) -> None:
        props = self.doc.core_properties
        props.created = props.modified = FIXED
        props.last_printed = FIXED
        props.revision = 1
        props.title, props.author, props.last_modified_by = f"Actieplan {zone}", zone, zone
        section = self.doc.sections[0]
        section.header.paragraphs[0].text = f"Actieplan {zone}"
        footer = section.footer.paragraphs[0]
        footer.add_run("Pagina ")
        _field(footer, "PAGE", "1")
        footer.add_run(" van ")
        _field(footer, "NUMPAGES", "1")
        styles = self.doc.styles
        if "Prompt" not in [s.name for s in styles]:
            prompt = styles.add_style("Prompt", WD_STYLE_TYPE.CHARACTER)
            prompt.font.italic = True
            prompt.font.color.rgb = GREY
            prompt.font.size = Pt(9.5)

    # -- pages -----------------------------------------------------------------------
    def _mark_page(self, paragraph: Any, page: int | None) -> None:
        """Word's record of its layout: a rendered break where the export's page changes."""
        if page is None or page <= self.page:
            return
        run = paragraph.add_run()
        for _ in range(page - self.page):
            run._r.append(OxmlElement("w:lastRenderedPageBreak"))
        self.page = page

    # -- paragraphs ------------------------------------------------------------------
    def paragraph(self, container: Any, text: str, page: int | None, style: str | None = None):
        p = container.add_paragraph(style=style)
        self._mark_page(p, page)
        if text:
            p.add_run(text)
        return p

    def text(self, container: Any, item: Any) -> None:
        p = self.paragraph(container, "", item.page)
        if item.marker:
            self._list(p, item.marker, item.level)
        p.add_run(item.text)

    def _list(self, p: Any, marker: str, level: int) -> None:
        ilvl = max(level - 1, 0)
        m = _NUMBERED.match(marker)
        if m:  # a numbered item: its own list instance that starts at its number
            value = int(m[2]) if m[2].isdigit() else ord(m[2]) - ord("a") + 1
            fmt = "decimal" if m[2].isdigit() else "lowerLetter"
            text = f"{m[1] or ''}%{ilvl + 1}{m[3]}"
            num = self._num(self._abstract(fmt, text, ilvl), ilvl, value)
        else:
            key = (marker, ilvl)
            if key not in self.lists:
                self.lists[key] = self._num(self._abstract("bullet", marker, ilvl), ilvl, None)
            num = self.lists[key]
        ppr = p._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", str(ilvl)), ("w:numId", num)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            numpr.append(el)
        ppr.append(numpr)

    def _abstract(self, fmt: str, text: str, ilvl: int) -> str:
        aid = str(self.next_abstract)
        self.next_abstract += 1
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), aid)
        for k in range(ilvl + 1):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(k))
            for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
                el = OxmlElement(tag)
                el.set(qn("w:val"), val)
                lvl.append(el)
            abstract.append(lvl)
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        return aid

    def _num(self, abstract_id: str, ilvl: int, start: int | None) -> str:
        nid = str(self.next_num)
        self.next_num += 1
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), nid)
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), abstract_id)
        num.append(ref)
        if start is not None:
            override = OxmlElement("w:lvlOverride")
            override.set(qn("w:ilvl"), str(ilvl))
            so = OxmlElement("w:startOverride")
            so.set(qn("w:val"), str(start))
            override.append(so)
            num.append(override)
        self.numbering.append(num)
        return nid

    # -- checkboxes ------------------------------------------------------------------
    def check(self, cell: Any, item: Any) -> None:
        p = self.paragraph(cell, "", item.page)
        if item.selected is None:  # a glyph no rule reads: written as the export shows it
            p.add_run(f"{item.glyph or ''} {item.label}".strip())
            return
        form = CHECKBOX_FORMS[self.boxes % len(CHECKBOX_FORMS)]
        self.boxes += 1
        state = bool(item.selected)
        if form in ("control", "stale-control"):
            shown = state if form == "control" else not state
            p._p.append(_checkbox_control(state, shown))
        elif form == "legacy":
            _legacy_checkbox(p, state)
        elif form == "symbol":
            run = p.add_run()
            sym = OxmlElement("w:sym")
            sym.set(qn("w:font"), "Wingdings")
            sym.set(qn("w:char"), "F0FD" if state else "F0A8")
            run._r.append(sym)
        else:
            p.add_run("☒" if state else "☐")
        p.add_run(f" {item.label}")

    # -- blocks ----------------------------------------------------------------------
    def form(self, form: Any) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for row in form.rows:
            cells = table.add_row().cells
            label_cell, answer = cells
            label_cell.paragraphs[0].add_run(row.label).bold = True
            first = True
            for item in row.items:
                target = answer
                if first:  # the cell's own first paragraph
                    answer._tc.remove(answer.paragraphs[0]._p)
                    first = False
                if isinstance(item, L.Prompt):
                    p = self.paragraph(target, "", item.page)
                    p.add_run(item.text, style="Prompt")
                elif isinstance(item, L.Check):
                    self.check(target, item)
                else:
                    self.text(target, item)
            self.rows += 1
            if self.rows % 3 == 0:  # the answer in a rich-text content control, as forms do
                _in_control(answer._tc)
        _widths(table, (2000, 7000))

    def timeline(self, block: Any) -> None:
        for raw in block.tables:
            columns = raw["columns"]
            table = self.doc.add_table(rows=0, cols=len(columns) + 1)
            table.style = "Table Grid"
            head = table.add_row().cells
            head[0].paragraphs[0].add_run("Maand").bold = True
            for cell, title in zip(head[1:], columns, strict=True):
                cell.paragraphs[0].add_run(title).bold = True
            for month, values in raw["rows"].items():
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(month).bold = True
                for cell, value in zip(cells[1:], values, strict=True):
                    if value:
                        cell.paragraphs[0].add_run(value)
            self.doc.add_paragraph()

    def annex(self, block: Any, zone: str) -> None:
        """The annex as two pictures, as in the sample PDF (make_sample_pdfs)."""
        half = (len(block.titles) + 1) // 2
        for part, titles in enumerate((block.titles[:half], block.titles[half:]), start=1):
            picture = L._annex_picture(titles, zone, part, (1600, 1000))
            self.doc.add_paragraph().add_run().add_picture(picture, width=Cm(16))

    def write(self, layout: Any) -> None:
        for block in layout.blocks:
            if isinstance(block, L.Heading):
                self.paragraph(self.doc, block.text, block.page, HEADING_STYLES[block.style])
            elif isinstance(block, L.Title):
                p = self.paragraph(self.doc, "", block.page)
                p.add_run(block.text).bold = True
            elif isinstance(block, L.Text):
                self.text(self.doc, block)
            elif isinstance(block, L.Form):
                self.form(block)
            elif isinstance(block, L.Timeline):
                self.timeline(block)
            elif isinstance(block, L.Annex):  # the annex was a picture: no text in the export
                self.annex(block, layout.zone)

    def save(self, out: Path) -> Path:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(deterministic_zip(buffer.getvalue()))
        return out


def _field(paragraph: Any, code: str, result: str) -> None:
    for kind in ("begin", None, "separate", None, "end"):
        run = paragraph.add_run()
        if kind is None:
            if code:
                instr = OxmlElement("w:instrText")
                instr.text = f" {code} "
                run._r.append(instr)
                code = ""
            else:
                run.text = result
            continue
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run._r.append(fld)


def _checkbox_control(state: bool, shown: bool) -> Any:
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    box = OxmlElement("w14:checkbox")
    checked = OxmlElement("w14:checked")
    checked.set(f"{{{W14}}}val", "1" if state else "0")
    box.append(checked)
    for tag, char in (("w14:checkedState", "2612"), ("w14:uncheckedState", "2610")):
        el = OxmlElement(tag)
        el.set(f"{{{W14}}}val", char)
        el.set(f"{{{W14}}}font", "MS Gothic")
        box.append(el)
    pr.append(box)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), "MS Gothic")
    fonts.set(qn("w:hAnsi"), "MS Gothic")
    rpr.append(fonts)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = "☒" if shown else "☐"
    run.append(t)
    content.append(run)
    sdt.append(content)
    return sdt


def _legacy_checkbox(paragraph: Any, state: bool) -> None:
    """A Word 97-2003 form field: the state is in w:ffData, no glyph in the text."""
    begin = paragraph.add_run()
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "begin")
    ff = OxmlElement("w:ffData")
    name = OxmlElement("w:name")
    name.set(qn("w:val"), "Selectievakje")
    ff.append(name)
    box = OxmlElement("w:checkBox")
    box.append(OxmlElement("w:sizeAuto"))
    default = OxmlElement("w:default")
    default.set(qn("w:val"), "0")
    box.append(default)
    if state:
        box.append(OxmlElement("w:checked"))
    ff.append(box)
    fld.append(ff)
    begin._r.append(fld)
    instr = OxmlElement("w:instrText")
    instr.text = " FORMCHECKBOX "
    paragraph.add_run()._r.append(instr)
    for kind in ("separate", "end"):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(el)


def _in_control(tc: Any) -> None:
    """Move a cell's paragraphs into a block-level content control (w:sdt)."""
    paragraphs = [child for child in tc if child.tag == qn("w:p")]
    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    alias = OxmlElement("w:alias")
    alias.set(qn("w:val"), "Antwoord")
    pr.append(alias)
    sdt.append(pr)
    content = OxmlElement("w:sdtContent")
    for paragraph in paragraphs:
        content.append(paragraph)  # lxml moves the element
    sdt.append(content)
    tc.append(sdt)


def _widths(table: Any, widths: tuple[int, ...]) -> None:
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(width))


def deterministic_zip(data: bytes) -> bytes:
    """The same package with fixed entry dates, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def write_sample(name: str, out_dir: Path, profile: Any = None) -> Path:
    layout = L.plan_layout(SAMPLES / name, profile or load_profile())
    writer = Writer(layout.zone)
    writer.write(layout)
    return writer.save(out_dir / name.replace(".txt", ".docx"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    args = parser.parse_args(argv)
    profile = load_profile()
    for name in SAMPLE_FILES:
        print(write_sample(name, args.out, profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
