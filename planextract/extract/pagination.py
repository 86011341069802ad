"""Resolve the printed page number of every line of a text export.

Evidence: page-start marks (a leading space, a form feed) and printed footers
('Pagina 15 van 24'). A footer fixes the page of the text before it and means a new page
starts after it. Marks are counted from the nearest footers; where the marks between two
footers do not add up, the lines whose page cannot be pinned down stay unknown (None)
rather than being guessed. Without any footer, pages are unknown: an export may start
at any page.
"""

from __future__ import annotations

from bisect import bisect_right

from planextract.models.document import Document
from planextract.rules.pages import flattened_table_spans
from planextract.rules.profile import Profile


def page_breaks(doc: Document, profile: Profile) -> list[int]:
    """Sorted indices of the first line of each new page."""
    lines = doc.lines
    content = [i for i, line in enumerate(lines) if line.is_content]
    if not content:
        return []
    first = content[0]
    cell_gaps: set[int] = set()
    for start, end in flattened_table_spans(lines, profile):
        cell_gaps.update(range(start + 1, end))
    breaks = {i for i in content if lines[i].page_mark and i != first and i not in cell_gaps}
    for anchor in doc.anchors:  # the first content line after each footer (content is sorted)
        k = bisect_right(content, anchor.line_index)
        if k < len(content):
            breaks.add(content[k])
    return sorted(breaks)


def has_page_marks(doc: Document) -> bool:
    """Does the export mark page starts at all (a leading space or form feed on a content
    line after the first)? Without marks, only footers say where a page ends."""
    content = [line for line in doc.lines if line.is_content]
    return any(line.page_mark for line in content[1:])


def _bounds(
    i: int,
    doc: Document,
    breaks: list[int],
    total: int | None,
    idx: list[int],
    marked: bool = True,
) -> tuple[int, int] | None:
    """Lowest and highest page line i can be on, or None when nothing anchors it.
    `idx`: the anchors' line indices (made once: per line it made the work quadratic).
    `marked`: the export marks page starts; without marks, the lines before the first
    footer and after the last one cannot be counted from it (only a footer of page 1 and
    the last page close the ends)."""
    anchors = doc.anchors
    if not anchors:
        return None
    if not marked:
        j = bisect_right(idx, i)
        if j == 0:
            return 1, anchors[0].page
        if j == len(anchors):
            last = anchors[-1].page + 1
            return last, total if total is not None and total >= last else last + 1

    def count(upto: int) -> int:  # breaks at or before index `upto`
        return bisect_right(breaks, upto)

    j = bisect_right(idx, i)  # anchors at or before i: anchors[:j]
    if j == 0:  # before the first footer: count back from it
        a = anchors[0]
        bwd = a.page - (count(a.line_index) - count(i))
        k = count(a.line_index) - count(-1)
        excess = k - (a.page - 1)
        if excess <= 0:
            return bwd, bwd
        return max(1, bwd), min(a.page, bwd + excess)
    a = anchors[j - 1]
    passed = count(i) - count(a.line_index)
    fwd = a.page + passed
    if j == len(anchors):  # after the last footer: count forward, bounded by the total
        k = count(10**9) - count(a.line_index)
        if total is None or a.page + k <= total:
            return fwd, fwd
        return a.page + min(1, passed), min(fwd, total)
    b = anchors[j]
    k = count(b.line_index) - count(a.line_index)
    need = b.page - a.page
    bwd = b.page - (count(b.line_index) - count(i))
    if k == need:
        return fwd, fwd
    if k > need:  # some marks are not page starts
        return max(bwd, a.page + min(1, passed)), min(fwd, b.page)
    return fwd, bwd  # some page starts left no mark


def resolve_pages(doc: Document, profile: Profile) -> None:
    """Set ``line.page`` for a text export; leave pages a reader already set alone."""
    if doc.lines and all(line.page is not None for line in doc.lines):
        doc.pagination = {"method": "reader", "uncertain_lines": 0}
        return
    breaks = page_breaks(doc, profile)
    idx = [a.line_index for a in doc.anchors]
    marked = has_page_marks(doc)
    uncertain = 0
    # _bounds asks of i only how many anchors and breaks lie at or before it: the lines
    # with the same two counts (all of a page, mostly) have the same bounds
    known: dict[tuple[int, int], tuple[int, int] | None] = {}
    for i, line in enumerate(doc.lines):
        counts = (bisect_right(idx, i), bisect_right(breaks, i))
        if counts in known:
            bounds = known[counts]
        else:
            bounds = known[counts] = _bounds(i, doc, breaks, doc.page_count, idx, marked)
        if bounds is not None and bounds[0] == bounds[1] and bounds[0] >= 1:
            line.page = bounds[0]
        else:
            line.page = None
            if line.is_content and bounds is not None:
                uncertain += 1
    method = "marks+footers" if doc.anchors else "none"
    doc.pagination = {
        "method": method,
        "anchors": len(doc.anchors),
        "breaks": len(breaks),
        "uncertain_lines": uncertain,
    }
