"""Where a value was read: its pages, and on a PDF page the box around its lines."""

from __future__ import annotations

from collections.abc import Iterable

from planextract.models.document import Document
from planextract.models.plan import Box


def pages_of(doc: Document, indices: Iterable[int]) -> list[int]:
    return sorted({p for i in indices if (p := doc.lines[i].page) is not None})


def boxes_of(doc: Document, indices: Iterable[int]) -> list[Box]:
    """One box per page: the union of the value's lines on that page (PDF input only)."""
    found: dict[int, list[float]] = {}
    for i in indices:
        line = doc.lines[i]
        if line.page is None or line.bbox is None:
            continue
        x0, top, x1, bottom = line.bbox
        box = found.get(line.page)
        if box is None:
            found[line.page] = [x0, top, x1, bottom]
        else:
            box[0], box[1] = min(box[0], x0), min(box[1], top)
            box[2], box[3] = max(box[2], x1), max(box[3], bottom)
    return [
        Box(
            page=page,
            x0=round(b[0], 2),
            top=round(b[1], 2),
            x1=round(b[2], 2),
            bottom=round(b[3], 2),
        )
        for page, b in sorted(found.items())
    ]
