"""The body of a Word document -> lines in reading order, and data tables kept as cells.

One Line per paragraph (a manual line break <w:br/> or a recorded page break inside a
paragraph starts another line of it), a blank line between paragraphs and between table
cells, as the PDF reader puts blank lines between blocks. Tables row by row, cells left
to right, nested tables inside their cell; the label column of a 2-column form table is
one line with the hint 'label'; tables of three and more columns (a month x action
timeline) are also kept as cells, with grid coordinates (column, row) as their box.

Checkboxes become ☒/☐ in front of their text, whatever form Word wrote them in: a
checkbox content control (w14:checkbox; its w14:checked wins over the glyph shown in it),
a legacy form field (FORMCHECKBOX; w:checked, else w:default), a symbol (w:sym, or text in
a symbol font) or a typed glyph.

Tracked changes: insertions are read, deletions and moved-away text are not (the text as
if every change were accepted). Comments, footnotes and endnotes are not body text: they
are counted for the plan's notes. Text boxes are read after the paragraph they are
anchored in. Hidden text (w:vanish), which Word neither shows nor prints, is not read.
Embedded objects (an Excel sheet pasted as OLE object, w:object) and ActiveX controls
(w:control) keep their content in binary parts: they are counted, not read.
Headers and footers are other parts of the package, never read here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import field
from typing import Any

from planextract.extract.docx_style import Numbering, RunStyle, Styles, q, wval
from planextract.extract.docx_xml import (
    MC,
    W14,
    cell_span,
    glyph_state,
    hexchar,
    is_control,
    is_picture,
    label_narrower,
    merge_continues,
    row_cells,
    table_rows,
    text_boxes,
    toggle,
    twips,
)
from planextract.models.document import Line, Table, TableCell
from planextract.models.record import record
from planextract.rules.docx import load_docx_rules
from planextract.rules.pdf import CHECKED, UNCHECKED, PdfRules, symbol_glyph
from planextract.rules.reflow import join
from planextract.rules.text import clean_spaces

_SKIPPED = {q("del"), q("moveFrom")}  # tracked deletions: not in the accepted text
_NOTE_REFS = {
    q("footnoteReference"): "footnotes",
    q("endnoteReference"): "endnotes",
    q("commentReference"): "comments",
}
_MAX_DEPTH = 40  # nesting of tables, controls and text boxes in a hostile file


@record(slots=True)
class _Piece:
    """Text of one line being built, with its formatting weighted by characters."""

    text: str = ""
    styles: list[tuple[RunStyle, int]] = field(default_factory=list)
    soft_space: bool = False  # the text ends in the space put after a checkbox
    hard_break: bool = False  # it ended at a manual line or page break, not a wrap
    page: int | None = None  # the page its first character is on

    def add(self, text: str, style: RunStyle) -> None:
        if text:
            if self.soft_space and text[0].isspace():
                self.text = self.text[:-1]
            self.text += text
            self.styles.append((style, len(text.strip())))
            self.soft_space = False

    def box(self, checked: bool, style: RunStyle) -> None:
        """A checkbox read from a control or form field, as the glyph and a space."""
        self.add(f"{CHECKED if checked else UNCHECKED} ", style)
        self.soft_space = True


@record(slots=True)
class _Field:
    """A complex field (w:fldChar) being read: its code is skipped, its result kept."""

    in_result: bool = False
    checkbox: bool | None = None


class BodyReader:
    def __init__(
        self,
        styles: Styles,
        numbering: Numbering,
        rules: PdfRules,
        paged: bool,
        template_text: Callable[[str], bool] = lambda text: False,
    ):
        self.styles, self.numbering, self.rules = styles, numbering, rules
        # Placeholder text of an empty content control is read only when it is the
        # template's own wording (a prompt); Word's 'Klik of tik om tekst in te voeren.'
        # is no answer.
        self.template_text = template_text
        self.paged = paged  # Word recorded its page breaks: pages can be counted
        self.page: int | None = 1 if paged else None
        self.fresh_page = False  # a hard break started this page; Word's record follows
        self.lines: list[Line] = []
        self.tables: list[Table] = []
        self.counts: Counter[str] = Counter()
        self.depth = 0
        self.tables_open = 0  # tables being read around the current one
        # The paragraph being read: its lines, text boxes and open fields.
        self.pieces: list[_Piece] = []
        self.boxes: list[Any] = []
        self.fields: list[_Field] = []

    # -- pages -----------------------------------------------------------------------
    def _new_page(self, hard: bool) -> None:
        if self.page is None:
            return
        if not hard and self.fresh_page:
            self.fresh_page = False  # Word's record of the break just made by hand
            return
        self.page += 1
        self.fresh_page = hard

    # -- output ------------------------------------------------------------------------
    def _blank(self) -> None:
        if self.lines and self.lines[-1].text:
            self.lines.append(Line(no=len(self.lines) + 1, raw="", text="", page=self.page))

    def _emit(self, piece: _Piece, marker: str | None, hint: str | None) -> int | None:
        raw = piece.text
        if marker and raw.strip():
            raw = f"{marker} {raw.lstrip()}"
        text = clean_spaces(raw)
        if not text:
            return None
        weights = piece.styles or [(RunStyle(), 1)]
        total = sum(n for _, n in weights) or 1
        sizes: Counter[float | None] = Counter()
        colors: Counter[str | None] = Counter()
        for style, n in weights:
            sizes[style.size] += n
            colors[style.color or "#000000"] += n
        self.lines.append(
            Line(
                no=len(self.lines) + 1,
                raw=raw,
                text=text,
                page=piece.page if piece.page is not None else self.page,
                bold=sum(n for s, n in weights if s.bold) * 2 > total,
                italic=sum(n for s, n in weights if s.italic) * 2 > total,
                size=sizes.most_common(1)[0][0],
                color=colors.most_common(1)[0][0],
                hard_break=piece.hard_break,
                hint=hint,
            )
        )
        return len(self.lines) - 1

    # -- blocks ------------------------------------------------------------------------
    def blocks(self, parent: Any, hint: str | None = None) -> list[int]:
        """Read block content (body, cell, control, text box); returns its line indices."""
        out: list[int] = []
        self.depth += 1
        try:
            if self.depth > _MAX_DEPTH:
                self.counts["too-deep"] += 1
                return out
            for child in parent:
                tag = child.tag
                if tag == q("p"):
                    out.extend(self.paragraph(child, hint))
                elif tag == q("tbl"):
                    out.extend(self.table(child))
                elif tag in _SKIPPED:
                    self.counts["tracked-changes"] += 1
                elif tag == q("sdt"):
                    content = child.find(q("sdtContent"))
                    if content is not None and not self._placeholder(child):
                        out.extend(self.blocks(content, hint))
                elif tag in (q("customXml"), q("ins"), q("moveTo")):
                    if tag != q("customXml"):
                        self.counts["tracked-changes"] += 1
                    out.extend(self.blocks(child, hint))
        finally:
            self.depth -= 1
        return out

    def paragraph(self, p: Any, hint: str | None) -> list[int]:
        ppr = p.find(q("pPr"))
        style_id = wval(ppr.find(q("pStyle"))) if ppr is not None else None
        if ppr is not None and toggle(ppr.find(q("pageBreakBefore"))) and self.lines:
            self._new_page(hard=True)  # (Word does not break before the first paragraph)
        marker = self._marker(ppr, style_id)
        self._blank()
        self.pieces, self.boxes, self.fields = [_Piece()], [], []
        self.inline(p, style_id, RunStyle())
        out: list[int] = []
        for k, piece in enumerate(self.pieces):
            index = self._emit(piece, marker if k == 0 else None, hint)
            if index is not None:
                out.append(index)
        for box in self.boxes:  # text boxes anchored in this paragraph
            self.counts["text-boxes"] += 1
            out.extend(self.blocks(box, hint))
        if ppr is not None:
            sect = ppr.find(q("sectPr"))
            if sect is not None and wval(sect.find(q("type"))) not in ("continuous",):
                self._new_page(hard=True)  # a section break that starts a new page
        return out

    def _marker(self, ppr: Any, style_id: str | None) -> str | None:
        num_id, level = self.styles.numbering_of(style_id)
        num = ppr.find(q("numPr")) if ppr is not None else None
        if num is not None:
            num_id = wval(num.find(q("numId"))) or num_id
            ilvl = wval(num.find(q("ilvl")))
            level = int(ilvl) if ilvl and ilvl.isdigit() else level
        if not num_id or num_id == "0":
            return None
        return self.numbering.marker(num_id, level)

    # -- inline content ----------------------------------------------------------------
    def _text(self, text: str, style: RunStyle) -> None:
        if self.fields and not self.fields[-1].in_result:
            return  # a field's code ('PAGE', 'FORMCHECKBOX'), not its result
        if text.strip():
            self._started()
        self.pieces[-1].add(text, style)

    def _started(self) -> None:
        """Text on the current page: its page is that page, and a later recorded break
        is a new one."""
        self.fresh_page = False
        if self.pieces[-1].page is None:
            self.pieces[-1].page = self.page

    def _break_line(self, hard: bool = True) -> None:
        """End the line being built: at a manual break (`hard`), or where Word's last
        layout started a page inside the paragraph (the line wraps on)."""
        if self.pieces[-1].text.strip():
            self.pieces[-1].hard_break = hard
            self.pieces.append(_Piece())

    def inline(self, parent: Any, style_id: str | None, base: RunStyle) -> None:
        for child in parent:
            tag = child.tag
            if tag == q("r"):
                self.run(child, style_id)
            elif tag in _SKIPPED:
                self.counts["tracked-changes"] += 1
            elif tag == q("sdt"):
                self.control(child, style_id)
            elif tag in (q("ins"), q("moveTo")):
                self.counts["tracked-changes"] += 1
                self.inline(child, style_id, base)
            elif tag in (q("hyperlink"), q("smartTag"), q("customXml"), q("fldSimple")):
                self.inline(child, style_id, base)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self.inline(choice, style_id, base)

    def control(self, sdt: Any, style_id: str | None) -> None:
        """An inline content control: a checkbox control's state wins over its content."""
        pr = sdt.find(q("sdtPr"))
        box = pr.find(f"{{{W14}}}checkbox") if pr is not None else None
        content = sdt.find(q("sdtContent"))
        if box is None:
            if content is not None and not self._placeholder(sdt):
                self.inline(content, style_id, RunStyle())
            return
        checked = box.find(f"{{{W14}}}checked")
        state = checked is not None and checked.get(f"{{{W14}}}val") in ("1", "true")
        shown = "".join(t.text or "" for t in sdt.iter(q("t")))
        if shown.strip() and glyph_state(shown.strip()) not in (None, state):
            self.counts["checkbox-glyph-disagrees"] += 1
        if not self.fields or self.fields[-1].in_result:
            self._started()
            self.pieces[-1].box(state, self.styles.run_style(style_id, None))

    def _placeholder(self, sdt: Any) -> bool:
        """An empty control showing its placeholder text that is not template wording."""
        if sdt.find(f"{q('sdtPr')}/{q('showingPlcHdr')}") is None:
            return False
        text = " ".join("".join(t.text or "" for t in sdt.iter(q("t"))).split())
        if text and self.template_text(text):
            return False
        self.counts["placeholders"] += 1
        return True

    def run(self, r: Any, style_id: str | None) -> None:
        rpr = r.find(q("rPr"))
        char_style = wval(rpr.find(q("rStyle"))) if rpr is not None else None
        style = self.styles.run_style(style_id, char_style).apply(rpr)
        if style.hidden:
            if any(t.text for t in r.iter(q("t"))):
                self.counts["hidden-text"] += 1
            return
        for child in r:
            tag = child.tag
            if tag == q("t"):
                self._text(self._symbols(child.text or "", style), style)
            elif tag == q("tab"):
                self._text("\t", style)
            elif tag in (q("noBreakHyphen"),):
                self._text("-", style)
            elif tag == q("sym"):
                char = chr(int(wval(child, "char") or "0", 16)) if hexchar(child) else ""
                self._text(symbol_glyph(wval(child, "font") or "", char, self.rules) or char, style)
            elif tag == q("br"):
                if wval(child, "type") == "page":
                    self._break_line()
                    self._new_page(hard=True)
                elif wval(child, "type") != "column":
                    self._break_line()
            elif tag == q("cr"):
                self._break_line()
            elif tag == q("lastRenderedPageBreak"):
                if self.page is not None and not self.fresh_page:
                    self._break_line(hard=False)
                self._new_page(hard=False)
            elif tag == q("fldChar"):
                self._field_char(child, style)
            elif tag in _NOTE_REFS:
                self.counts[_NOTE_REFS[tag]] += 1
            elif tag == q("object") or (tag == q("pict") and is_control(child)):
                self.counts["embedded-objects"] += 1  # OLE object, ActiveX control
            elif tag in (q("drawing"), q("pict"), f"{{{MC}}}AlternateContent"):
                self.boxes.extend(text_boxes(child))
                if is_control(child):
                    self.counts["embedded-objects"] += 1
                elif is_picture(child):
                    self.counts["pictures"] += 1

    def _symbols(self, text: str, style: RunStyle) -> str:
        """Text typed in a symbol font ('þ' in Wingdings is a ticked box)."""
        if not style.font or len(text.strip()) != 1:
            return text
        glyph = symbol_glyph(style.font, text.strip(), self.rules)
        return glyph if glyph else text

    def _field_char(self, fld: Any, style: RunStyle) -> None:
        kind = wval(fld, "fldCharType")
        if kind == "begin":
            found = _Field()
            box = fld.find(f"{q('ffData')}/{q('checkBox')}")
            if box is not None:
                checked = box.find(q("checked"))
                default = box.find(q("default"))
                state = toggle(checked) if checked is not None else toggle(default)
                found.checkbox = bool(state)
                parent_result = not self.fields or self.fields[-1].in_result
                if parent_result:
                    self._started()
                    self.pieces[-1].box(found.checkbox, style)
            self.fields.append(found)
        elif kind == "separate" and self.fields:
            self.fields[-1].in_result = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    # -- tables ------------------------------------------------------------------------
    def table(self, tbl: Any) -> list[int]:
        """A table row by row. The form: a top-level table whose rows have at most two
        cells (whatever its grid: Word grids often have extra columns), the narrower left
        cell of a 2-cell row being the label. A data table: a row has three or more cells."""
        grid = [twips(wval(c, "w")) for c in tbl.iterfind(f"{q('tblGrid')}/{q('gridCol')}")]
        rows = [(tr, row_cells(tr, self.counts)) for tr in table_rows(tbl, self.counts)]
        if not rows:
            return []
        widest = max(len(cells) for _, cells in rows)
        form = self.tables_open == 0 and widest == 2
        columns = max(len(grid), widest, 1)
        out: list[int] = []
        cells_out: list[list[TableCell | None]] = [[None] * columns for _ in rows]
        first_page = self.page
        label_row = self.tables_open == 0 and self._label_row(rows, widest)
        self.tables_open += 1
        try:
            for r, k, col, tc in self._reading_order(rows, label_row):
                if self.counts["too-deep"]:
                    break
                cells = rows[r][1]
                width = cell_span(tc)
                if merge_continues(tc):
                    self.counts["merged-cells"] += 1
                    continue
                # the spans of the row's two cells only for a form's first cell: a row of
                # many cells would cost its length squared
                label_cell = (
                    form
                    and len(cells) == 2
                    and k == 0
                    and label_narrower(grid, [cell_span(c) for c in cells])
                ) or (label_row and r == 0)
                self._blank()
                found = self._label(tc) if label_cell else self.blocks(tc)
                out.extend(found)
                if widest >= 3 and col < columns:
                    cells_out[r][col] = self._cell(found, col, r, width)
        finally:
            self.tables_open -= 1
        self._blank()
        if widest >= 3:
            self.tables.append(
                Table(page=first_page, bbox=(0, 0, columns, len(rows)), rows=cells_out)
            )
        return out

    @staticmethod
    def _reading_order(
        rows: list[tuple[Any, list[Any]]], by_column: bool
    ) -> list[tuple[int, int, int, Any]]:
        """(row, cell index, grid column, cell) in reading order: row by row, cells left
        to right; a table with a label row column by column (each label, then the answers
        below it)."""
        order = []
        for r, (_, cells) in enumerate(rows):
            col = 0
            for k, tc in enumerate(cells):
                order.append((r, k, col, tc))
                col += cell_span(tc)
        if by_column:
            order.sort(key=lambda item: (item[2], item[0]))
        return order

    def _label_row(self, rows: list[tuple[Any, list[Any]]], widest: int) -> bool:
        """A form turned a quarter: a top-level table of at least three columns whose
        first row is all bold labels over a few rows of answers (docx.toml
        [label_row]); a month x action timeline has a row per month, more than that."""
        limits = load_docx_rules()
        if widest < limits.label_row_min_columns or not 2 <= len(rows) <= limits.label_row_max_rows:
            return False
        head = rows[0][1]
        if len(head) < limits.label_row_min_columns or any(cell_span(tc) != 1 for tc in head):
            return False
        if any(len(cells) != len(head) for _, cells in rows[1:]):
            return False
        return all(self._bold_text(tc) for tc in head)

    def _bold_text(self, tc: Any) -> bool:
        """The cell has text, and all of it is bold."""
        seen = False
        for p in tc.iter(q("p")):
            ppr = p.find(q("pPr"))
            style_id = wval(ppr.find(q("pStyle"))) if ppr is not None else None
            for r in p.iter(q("r")):
                if not "".join(t.text or "" for t in r.iter(q("t"))).strip():
                    continue
                rpr = r.find(q("rPr"))
                char_style = wval(rpr.find(q("rStyle"))) if rpr is not None else None
                if not self.styles.run_style(style_id, char_style).apply(rpr).bold:
                    return False
                seen = True
        return seen

    def _label(self, tc: Any) -> list[int]:
        """A label cell is one label, however many paragraphs it has."""
        found = self.blocks(tc, hint="label")
        texts = [self.lines[i].text for i in found]
        if len(found) <= 1:
            return found
        first = self.lines[found[0]]
        first.text = first.raw = " ".join(texts)
        for i in found[1:]:
            self.lines[i].text = self.lines[i].raw = ""
            self.lines[i].hint = None
        return [found[0]]

    def _cell(self, found: list[int], col: int, row: int, span: int) -> TableCell:
        text, prev = "", ""
        for i in found:
            text, prev = join(prev, text, self.lines[i].text), self.lines[i].raw
        pages = [self.lines[i].page for i in found if self.lines[i].page is not None]
        return TableCell(
            text=text,
            page=pages[0] if pages else self.page,
            bbox=(float(col), float(row), float(col + span), float(row + 1)),
            line_indices=list(found),
        )
