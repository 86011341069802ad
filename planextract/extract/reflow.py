"""Join the wrapped lines of an answer into paragraphs and list items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from itertools import pairwise

from planextract.models.document import Document
from planextract.models.plan import ListItem
from planextract.models.provenance import boxes_of, pages_of
from planextract.models.record import record
from planextract.models.tokens import Kind, Token
from planextract.rules.pdf import line_wrapped
from planextract.rules.profile import Profile
from planextract.rules.reflow import continues_in_layout, continues_paragraph, join
from planextract.rules.text import collapse

MIN_BLOCK_WIDTH = 50  # characters; below this, 'short line' says nothing


@record(slots=True)
class Paragraph:
    text: str
    marker: str | None
    level: int
    indices: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)  # the token text of each line, in order

    def pages(self, doc: Document) -> list[int]:
        return pages_of(doc, self.indices)


def block_width(tokens: Sequence[Token], doc: Document) -> int:
    """The right margin of a block in characters: its longest line."""
    return max([len(doc.lines[t.index].text) for t in tokens] + [MIN_BLOCK_WIDTH])


def paragraphs(
    tokens: Sequence[Token], doc: Document, profile: Profile, width: int | None = None
) -> list[Paragraph]:
    """TEXT and BULLET tokens -> paragraphs; other kinds are ignored.

    ``width``: the margin of the surrounding block (a whole form column, a section);
    by default the longest line of the tokens themselves.
    """
    content = [t for t in tokens if t.kind in (Kind.TEXT, Kind.BULLET)]
    if width is None:
        width = block_width(content, doc)
    out: list[Paragraph] = []
    prev: Token | None = None
    for tok in content:
        if tok.kind == Kind.BULLET:
            out.append(Paragraph(tok.text, tok.marker, tok.level, [tok.index], [tok.text]))
        elif out and prev is not None and _continues(doc, prev, tok, width, profile):
            para = out[-1]
            para.text = join(doc.lines[prev.index].raw, para.text, tok.text)
            para.indices.append(tok.index)
            para.parts.append(tok.text)
        else:
            out.append(Paragraph(tok.text, None, 1, [tok.index], [tok.text]))
        prev = tok
    for p in out:
        p.text = collapse(p.text)  # runs of spaces are layout, not wording
    top_level_sub_items(out)
    return [p for p in out if p.text]


def top_level_sub_items(paras: Sequence[Paragraph]) -> None:
    """Rule 'a sub-item hangs under an item': a list that opens with a sub-level marker
    ('o', 'a)', 'i.'), no item of the first level before it in the answer, has that marker
    as its own first level (a writer whose Word starts every list at 'a)' or 'o'): the
    items marked the same way are first-level items, another sub-level marker under them
    ('a) …' / 'o …') stays a sub-item."""
    top_seen = False
    top_kind: str | None = None
    for p in paras:
        if p.marker is None:
            continue
        if p.level == 1:
            top_seen = True
            continue
        if top_seen:
            continue
        kind = _marker_kind(p.marker)
        top_kind = top_kind or kind
        if kind == top_kind:
            p.level = 1


def _marker_kind(marker: str) -> str:
    """'a)', 'b)' -> 'a)'; 'i.', 'ii.' -> 'a.'; 'o' -> 'o': one kind per way of counting."""
    if len(marker) > 1 and marker[:-1].isalpha() and marker[-1] in ".)":
        return "a" + marker[-1]
    return marker


def _continues(doc: Document, prev: Token, tok: Token, width: int, profile: Profile) -> bool:
    prev_line = doc.lines[prev.index]
    wrapped = line_wrapped(prev_line, doc.lines[tok.index]) if doc.has_layout else None
    if wrapped is not None:
        return continues_in_layout(
            prev_line.text,
            tok.text,
            blank_between=tok.blank_before,
            wrapped=wrapped,
            rule=profile.reflow,
        )
    return continues_paragraph(
        prev_line.text, tok.text, blank_between=tok.blank_before, width=width, rule=profile.reflow
    )


def join_tokens(tokens: Sequence[Token], doc: Document, first: str | None = None) -> str:
    """One line of text from wrapped tokens (a heading, a title): hyphens kept, spaces single."""
    if not tokens:
        return ""
    text = first if first is not None else tokens[0].text
    for prev, tok in pairwise(tokens):
        text = join(doc.lines[prev.index].raw, text, tok.text)
    return collapse(text)


def render(paras: Sequence[Paragraph]) -> str:
    """Text as written: one paragraph per line; list markers kept when there are several."""
    if len(paras) == 1:
        return paras[0].text
    lines = []
    for p in paras:
        indent = "  " * (p.level - 1) if p.marker else ""
        lines.append(f"{indent}{p.marker} {p.text}" if p.marker else p.text)
    return "\n".join(lines)


def items(paras: Sequence[Paragraph], doc: Document) -> list[ListItem]:
    return [
        ListItem(
            text=p.text,
            level=p.level,
            marker=p.marker,
            pages=p.pages(doc),
            boxes=boxes_of(doc, p.indices),
        )
        for p in paras
    ]
