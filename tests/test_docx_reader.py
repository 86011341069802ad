"""The DOCX reader on small Word files holding each structure Word writes: styles and
lists, checkboxes in all their forms, tracked changes, comments and footnotes, text
boxes, merged cells and nested tables, fields, recorded page breaks, headers."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from planextract.extract.limits import Limits
from planextract.extract.read_docx import read_docx
from planextract.models.document import Document
from planextract.rules.profile import load_profile

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "v": "urn:schemas-microsoft-com:vml",
}


def word_file(tmp_path: Path, body: str, header: str | None = None, name: str = "t.docx") -> Path:
    """A real Word package (python-docx's default template) with `body` as its body XML."""
    document = docx.Document()
    sect = document.element.body.find(qn("w:sectPr"))
    xmlns = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
    for child in etree.fromstring(f"<w:body {xmlns}>{body}</w:body>"):
        sect.addprevious(child)
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / name
    path.write_bytes(buffer.getvalue())
    return path


def read(path: Path) -> Document:
    return read_docx(path, load_profile(), Limits())


def texts(doc: Document) -> list[str]:
    return [line.text for line in doc.lines if line.text]


def p(*runs: str, ppr: str = "") -> str:
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_paragraphs_styles_and_lists(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Actieplan ELZ Proefzone"
    document.add_paragraph("Strategische doelstelling 1 – Samenwerken", style="Heading 1")
    document.add_paragraph("eerste", style="List Bullet")
    document.add_paragraph("een", style="List Number")
    document.add_paragraph("twee", style="List Number")
    para = document.add_paragraph()
    para.add_run("Geef een korte beschrijving.").italic = True
    para.runs[0].font.color.rgb = docx.shared.RGBColor(0x80, 0x80, 0x80)
    path = tmp_path / "stijl.docx"
    document.save(str(path))
    doc = read(path)
    lines = [line for line in doc.lines if line.text]
    assert [line.text for line in lines] == [
        "Strategische doelstelling 1 – Samenwerken",
        "• eerste",
        "1. een",
        "2. twee",
        "Geef een korte beschrijving.",
    ]
    assert lines[0].bold and not lines[1].bold
    assert lines[4].italic and lines[4].color == "#808080"
    # Paragraphs are separated by blank lines, as blocks in a PDF.
    assert [line.text for line in doc.lines][:3] == [lines[0].text, "", lines[1].text]
    # The running header is not body text; it names the plan.
    assert doc.header_texts == ["Actieplan ELZ Proefzone"]
    assert "Actieplan ELZ Proefzone" not in texts(doc)


def _control(checked: str, shown: str) -> str:
    return (
        f'<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="{checked}"/></w14:checkbox>'
        f"</w:sdtPr><w:sdtContent>{r(shown)}</w:sdtContent></w:sdt>"
    )


def _legacy(box: str) -> str:
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox>{box}</w:checkBox>'
        "</w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_checkboxes_in_every_form(tmp_path: Path) -> None:
    body = "".join(
        [
            p(_control("1", "☐"), r(" Procesevaluatie")),  # stale glyph: the state counts
            p(_control("0", "☒"), r(" Impact evaluatie")),
            p(_legacy('<w:default w:val="1"/>'), r(" legacy standaard aan")),
            p(_legacy('<w:default w:val="1"/><w:checked w:val="0"/>'), r(" legacy uitgevinkt")),
            p(_legacy('<w:default w:val="0"/><w:checked/>'), r(" legacy aangevinkt")),
            p('<w:r><w:sym w:font="Wingdings" w:char="F0FD"/></w:r>', r(" symbool aan")),
            p('<w:r><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>', r(" symbool uit")),
            p(r("þ", '<w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>'), r(" getypt symbool")),
            p(r("☐ getypt vakje")),
        ]
    )
    doc = read(word_file(tmp_path, body))
    assert texts(doc) == [
        "☒ Procesevaluatie",
        "☐ Impact evaluatie",
        "☒ legacy standaard aan",
        "☐ legacy uitgevinkt",
        "☒ legacy aangevinkt",
        "☒ symbool aan",
        "☐ symbool uit",
        "☒ getypt symbool",
        "☐ getypt vakje",
    ]
    notes = {n.code: n.detail for n in doc.notes}
    assert notes["checkbox-glyph-disagrees"].startswith("2 selectievakje")


def test_tracked_changes_comments_footnotes_and_fields(tmp_path: Path) -> None:
    body = p(
        r("De zorgraad "),
        '<w:ins w:id="1" w:author="A"><w:r><w:t>plant</w:t></w:r></w:ins>',
        '<w:del w:id="2" w:author="A"><w:r><w:delText>schrapte</w:delText></w:r></w:del>',
        r(" overleg"),
        r(" verborgen", "<w:vanish/>"),
        '<w:r><w:commentReference w:id="0"/></w:r>',
        '<w:r><w:footnoteReference w:id="1"/></w:r>',
        r(" op pagina "),
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )
    doc = read(word_file(tmp_path, body))
    assert texts(doc) == ["De zorgraad plant overleg op pagina 3"]
    codes = {n.code: n.detail for n in doc.notes}
    assert codes["tracked-changes"].startswith("2 bijgehouden")
    assert codes["comments"].startswith("1 opmerking")
    assert codes["footnotes"].startswith("1 voetnoot")
    assert codes["hidden-text"].startswith("1 verborgen")


def test_text_box_once_after_its_paragraph(tmp_path: Path) -> None:
    box = p(r("In het tekstvak"))
    drawing = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{box}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    doc = read(word_file(tmp_path, p(r("Anker"), drawing) + p(r("Daarna"))))
    assert texts(doc) == ["Anker", "In het tekstvak", "Daarna"]
    assert any(n.code == "text-boxes" for n in doc.notes)


def _tc(text: str, tcpr: str = "") -> str:
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{p(r(text)) if text else '<w:p/>'}</w:tc>"


def test_form_table_label_column_and_data_table_cells(tmp_path: Path) -> None:
    form = (
        '<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="7000"/></w:tblGrid>'
        f"<w:tr><w:tc>{p(r('Wat?'))}</w:tc><w:tc>{p(r('Antwoord'))}"
        '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>'
        f"<w:tr>{_tc('genest links')}{_tc('genest rechts')}</w:tr></w:tbl>"
        "</w:tc></w:tr></w:tbl>"
    )
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in (1000, 3000, 3000))
    grid = f"<w:tblGrid>{cols}</w:tblGrid>"
    span, restart, merged = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>"
    data = (
        f"<w:tbl>{grid}"
        f"<w:tr>{_tc('Maand')}{_tc('Actie A')}{_tc('Actie B')}</w:tr>"
        f"<w:tr>{_tc('Januari')}{_tc('samen', span)}</w:tr>"
        f"<w:tr>{_tc('Februari')}{_tc('start', restart)}{_tc('')}</w:tr>"
        f"<w:tr>{_tc('Maart')}{_tc('', merged)}{_tc('einde')}</w:tr>"
        "</w:tbl>"
    )
    doc = read(word_file(tmp_path, form + p(r("tussen")) + data))
    label = next(line for line in doc.lines if line.text == "Wat?")
    assert label.hint == "label"
    # A 2-column table inside an answer is part of the answer, not another form.
    assert next(line for line in doc.lines if line.text == "genest links").hint is None
    assert texts(doc)[:5] == ["Wat?", "Antwoord", "genest links", "genest rechts", "tussen"]
    assert len(doc.tables) == 1  # the form and the nested 2-column table are not data
    rows = [[c.text if c else None for c in row] for row in doc.tables[0].rows]
    assert rows == [
        ["Maand", "Actie A", "Actie B"],
        ["Januari", "samen", None],
        ["Februari", "start", ""],
        ["Maart", None, "einde"],
    ]
    cell = doc.tables[0].rows[1][1]
    assert cell is not None and cell.bbox == (1.0, 1.0, 3.0, 2.0)
    assert [doc.lines[i].text for i in cell.line_indices] == ["samen"]
    assert any(n.code == "merged-cells" for n in doc.notes)


def test_pages_only_from_words_recorded_layout(tmp_path: Path) -> None:
    rendered = "<w:r><w:lastRenderedPageBreak/></w:r>"
    hard = '<w:r><w:br w:type="page"/></w:r>'
    body = (
        p(r("een"))
        + p(rendered, r("twee"))
        + p(r("nog twee"), hard)
        + p(rendered, r("drie: Word schreef na de harde breuk ook zijn eigen"))
        + p(r("vier"), ppr="<w:pPr><w:pageBreakBefore/></w:pPr>")
    )
    doc = read(word_file(tmp_path, body))
    pages = {line.text: line.page for line in doc.lines if line.text}
    assert list(pages.values()) == [1, 2, 2, 3, 4]
    assert doc.notes[0].code == "pages-approximate"
    # Without Word's record, hard breaks alone do not say on which page text is.
    doc = read(word_file(tmp_path, p(r("een"), hard) + p(r("twee")), name="los.docx"))
    assert {line.page for line in doc.lines} == {None}
    assert doc.notes[0].code == "pages-unknown"


def test_form_with_an_irregular_grid(tmp_path: Path) -> None:
    """Word grids often have more columns than the rows show: a row of two cells (one
    spanning) is still a label and its answer."""
    cols = "".join(f'<w:gridCol w:w="{w}"/>' for w in (1800, 200, 7000))
    span = '<w:gridSpan w:val="2"/>'
    form = (
        f"<w:tbl><w:tblGrid>{cols}</w:tblGrid>"
        f"<w:tr>{_tc('Waarom?')}{_tc('Omdat het nodig is.', span)}</w:tr>"
        f"<w:tr>{_tc('Voor wie?', span)}{_tc('Huisartsen')}</w:tr>"
        "</w:tbl>"
    )
    doc = read(word_file(tmp_path, form))
    hints = {line.text: line.hint for line in doc.lines if line.text}
    assert hints == {
        "Waarom?": "label",
        "Omdat het nodig is.": None,
        "Voor wie?": "label",
        "Huisartsen": None,
    }
    assert doc.tables == []


def test_placeholder_text_of_empty_controls(tmp_path: Path) -> None:
    """An empty control shows Word's placeholder: no answer. A placeholder that is the
    template's prompt stays, for the rules to recognise as a prompt."""

    def control(text: str) -> str:
        pr = "<w:sdtPr><w:showingPlcHdr/></w:sdtPr>"
        return f"<w:sdt>{pr}<w:sdtContent>{p(r(text))}</w:sdtContent></w:sdt>"

    body = control("Klik of tik om tekst in te voeren.") + control("Doelgroep(en)") + p(r("Klaar"))
    doc = read(word_file(tmp_path, body))
    assert texts(doc) == ["Doelgroep(en)", "Klaar"]
    assert any(n.code == "placeholders" and n.detail.startswith("1 leeg") for n in doc.notes)
