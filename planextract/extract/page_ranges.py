"""Page ranges for values whose lines have no page (a post-step after assembly).

Where the page marks between two printed footers of a text export do not add up, the
pagination leaves those lines without a page rather than guess one. Each such line must
still lie between the pages of the nearest known lines before and after it; a value that
owns such lines gets `page_range` {first, last, uncertain, lines} covering its known pages
and those bounds (`pages` itself keeps only known pages). Values are found through the
owners the accounting gave every line ('actions:3.2-1.text', 'sections:5.title').
"""

from __future__ import annotations

from collections.abc import Iterator

from planextract.models.document import Document
from planextract.models.plan import Model, PageRange, Plan

Span = tuple[int, int, int]  # first, last, unknown lines


def line_bounds(doc: Document) -> list[tuple[int, int] | None]:
    """Per line: None when its page is known, else (page before, page after): the pages of
    the nearest known lines around it; at the start page 1, at the end the document's last
    page. (0, 0) when a bound is not known (no page anywhere, or no page count at the end)."""
    n = len(doc.lines)
    before: list[int] = []
    current = 1 if any(ln.page is not None for ln in doc.lines) else 0
    for line in doc.lines:
        current = line.page if line.page is not None else current
        before.append(current)
    out: list[tuple[int, int] | None] = [None] * n
    following = doc.page_count or 0
    for i in range(n - 1, -1, -1):
        page = doc.lines[i].page
        if page is not None:
            following = page
        elif before[i] and following:
            out[i] = (before[i], max(following, before[i]))
        else:
            out[i] = (0, 0)
    return out


def _owner_key(owner: str, ids: dict[str, list[str]]) -> str | None:
    """'actions:4.5c-1.what.do' -> 'actions:4.5c-1' (ids may hold dots: longest id wins)."""
    kind, _, rest = owner.partition(":")
    for key in ids.get(kind, ()):
        if rest == key or rest.startswith(key + "."):
            return f"{kind}:{key}"
    return None


def _spans(doc: Document, plan: Plan) -> dict[str, Span]:
    ids = {
        "actions": [a.id for a in plan.actions()],
        "strategic_goals": [sd.id for sd in plan.strategic_goals],
        "operational_goals": [od.id for sd in plan.strategic_goals for od in sd.operational_goals],
        "sections": [str(k) for k in range(len(plan.sections))],
    }
    ids = {kind: sorted(keys, key=len, reverse=True) for kind, keys in ids.items()}
    bounds = line_bounds(doc)
    spans: dict[str, Span] = {}
    cache: dict[str, str | None] = {}
    for line, bound in zip(doc.lines, bounds, strict=True):
        if line.owner is None:
            continue
        if line.owner not in cache:
            cache[line.owner] = _owner_key(line.owner, ids)
        key = cache[line.owner]
        if key is None:
            continue
        lo, hi = bound if bound is not None else (line.page or 0, line.page or 0)
        first, last, unknown = spans.get(key, (lo, hi, 0))
        first = 0 if 0 in (first, lo) else min(first, lo)  # 0: a bound is unknown
        spans[key] = (first, max(last, hi), unknown + (bound is not None))
    return spans


def _owners(plan: Plan) -> Iterator[tuple[str, Model]]:
    for k, section in enumerate(plan.sections):
        yield f"sections:{k}", section
    for sd in plan.strategic_goals:
        yield f"strategic_goals:{sd.id}", sd
        for od in sd.operational_goals:
            yield f"operational_goals:{od.id}", od
            for action in od.actions:
                yield f"actions:{action.id}", action


def _range(span: Span | None) -> PageRange | None:
    if span is None or span[2] == 0 or span[0] == 0:  # no lines unknown / a bound unknown
        return None
    return PageRange(first=span[0], last=span[1], lines=span[2])


def add_page_ranges(plan: Plan, doc: Document) -> None:
    """Set `page_range` on sections, goals, actions and unassigned text with unpinned lines."""
    if not any(line.page is None and line.owner for line in doc.lines):
        return
    spans = _spans(doc, plan)
    for key, value in _owners(plan):
        value.page_range = _range(spans.get(key))  # type: ignore[attr-defined]
    bounds = line_bounds(doc)
    by_no = {line.no: i for i, line in enumerate(doc.lines)}
    for chunk in plan.unassigned:
        span: Span | None = None
        for no in chunk.lines:
            i = by_no.get(no)
            if i is None:
                continue
            page = doc.lines[i].page or 0
            lo, hi = bounds[i] or (page, page)
            if span is None:
                span = (lo, hi, 0)
            first = 0 if 0 in (span[0], lo) else min(span[0], lo)
            span = (first, max(span[1], hi), span[2] + (bounds[i] is not None))
        chunk.page_range = _range(span)
