"""The reader-independent intermediate form: a Document of lines.

Every reader (text, PDF, ...) produces a Document; everything after it is shared.
Plain dataclasses, not pydantic: a plan has thousands of lines and these never leave
the process.
"""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum

from planextract.models.record import record


class Noise(StrEnum):
    """Why a line carries no content."""

    BLANK = "blank"
    HEADER = "header"
    FOOTER = "footer"
    EMPTY_ITEM = "empty-item"  # a bullet with nothing after it
    PAGE_BREAK = "page-break"  # blank lines that belong to a header/footer block


# Line.hint of a line in the top or bottom margin of its page (PDF).
PAGE_TOP, PAGE_BOTTOM = "page-top", "page-bottom"
MARGIN_HINTS = (PAGE_TOP, PAGE_BOTTOM)


@record(slots=True)
class Line:
    """One line of text as the reader saw it, with everything known about its origin."""

    no: int  # 1-based position in the source (text line number, or running number in a PDF)
    raw: str  # the text as read (no newline; a text export's own indentation left out)
    text: str  # normalised: exotic spaces replaced, ends trimmed; inner spacing kept
    page_mark: bool = False  # the reader believes a new page starts here
    page: int | None = None  # resolved page number, None when unknown
    # Layout, when the reader knows it (PDF).
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    font: str | None = None
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    color: str | None = None
    # For wrap decisions (PDF): the right edge of the text column or table cell the line
    # sits in, and the room its first word would need at the end of the line before
    # (the word's width plus one space).
    column_x1: float | None = None
    lead_width: float | None = None
    # The reader saw the line end at a manual break (Word: a line break w:br or w:cr, a
    # page break inside a paragraph), so it was not wrapped.
    hard_break: bool = False
    # A reader-side hint: "label" when the line sat in the label column of a form table,
    # "page-top" / "page-bottom" when it sat in the top or bottom margin of its page (PDF).
    hint: str | None = None
    # Filled by cleaning and building.
    noise: Noise | None = None
    owner: str | None = None  # where the line ended up in the output (accounting)

    @property
    def is_content(self) -> bool:
        return self.noise is None

    @property
    def bbox(self) -> tuple[float, float, float, float] | None:
        if self.x0 is None or self.top is None or self.x1 is None or self.bottom is None:
            return None
        return (self.x0, self.top, self.x1, self.bottom)


@record(slots=True)
class PageAnchor:
    """A printed page number found in the document ("Pagina 15 van 24")."""

    line_index: int
    page: int
    total: int | None


# PageIssue codes: the page is a picture, its content not read; a form checkbox next to no text.
NO_TEXT_LAYER = "no-text-layer"
UNPLACED_CHECKBOX = "checkbox-without-label"


@record(slots=True)
class PageIssue:
    """A page-level problem found by a reader (no text layer, unreadable glyphs...)."""

    page: int
    code: str
    detail: str


@record(slots=True)
class ReaderNote:
    """Something the reader did with the source that the plan should say (DOCX: pages
    from Word's last layout, tracked changes taken as accepted, comments not read)."""

    code: str
    detail: str  # Dutch


@record(slots=True)
class TableCell:
    """One cell of a ruled table as a PDF reader found it (text in reading order)."""

    text: str
    page: int | None  # None: a DOCX without recorded page breaks
    # x0, top, x1, bottom on that page; a DOCX cell has grid coordinates (column, row).
    bbox: tuple[float, float, float, float]
    line_indices: list[int] = field(default_factory=list)  # its lines in Document.lines


@record(slots=True)
class Table:
    """A ruled table (e.g. a month x action timeline) kept as cells, not only as lines.

    ``rows[r][c]`` is None where the grid has no cell; a table that continues on the next
    page is a separate Table with the next page number.
    """

    page: int | None
    bbox: tuple[float, float, float, float]
    rows: list[list[TableCell | None]]


@record(slots=True)
class Document:
    """A plan as a sequence of lines plus what the reader learnt about the source."""

    file: str
    sha256: str
    format: str  # pdf | text | docx
    lines: list[Line]
    encoding: str | None = None
    page_count: int | None = None  # pages in the source, when known
    anchors: list[PageAnchor] = field(default_factory=list)
    page_issues: list[PageIssue] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # ruled tables kept as cells (PDF)
    header_texts: list[str] = field(default_factory=list)
    # How page numbers were resolved and how many lines stayed uncertain.
    pagination: dict[str, object] = field(default_factory=dict)
    has_layout: bool = False  # lines carry font/position information
    notes: list[ReaderNote] = field(default_factory=list)

    def content_lines(self) -> list[Line]:
        return [line for line in self.lines if line.is_content]
