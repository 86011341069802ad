"""The same plan twice in one archive: a PDF and its text export, a re-submission.

Two results are copies of one plan when they name the same zone (canonical key) and year,
or when their goal tree says the same (same goal numbers and titles, same action titles,
compared without case and spacing). Of each group one copy *counts* (heatmap, export);
the others are listed with it. Which copy counts, in this order:

1. the submitted document before an export of it: PDF, then Word, then text;
2. then the copy with the higher line coverage (the more completely read one);
3. then the first in the archive's order (path order).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from planextract.models.plan import Plan
from planextract.models.record import record
from planextract.rules.zones import zone_key

FORMAT_RANK = {"pdf": 0, "docx": 1, "text": 2}


@record(frozen=True, slots=True)
class CopyKey:
    """What tells copies apart, kept instead of the plan (an archive is read one at a time)."""

    zone: str | None
    year: int | None
    content: str | None  # digest of the goal tree; None for a plan without actions
    format: str
    coverage: float


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def content_digest(plan: Plan) -> str | None:
    tree = [
        [
            _norm(sd.number),
            _norm(sd.title),
            [
                [_norm(od.number), _norm(od.title), [_norm(a.title) for a in od.actions]]
                for od in sd.operational_goals
            ],
        ]
        for sd in plan.strategic_goals
    ]
    if not plan.actions():
        return None
    return hashlib.sha256(json.dumps(tree, ensure_ascii=False).encode()).hexdigest()


def copy_key(plan: Plan) -> CopyKey:
    return CopyKey(
        zone=zone_key(plan.organisation),
        year=plan.year,
        content=content_digest(plan),
        format=plan.source.format,
        coverage=plan.extraction.coverage or 0.0,
    )


def _same(a: CopyKey, b: CopyKey) -> bool:
    if a.zone is not None and a.year is not None and (a.zone, a.year) == (b.zone, b.year):
        return True
    return a.content is not None and a.content == b.content


def counting_copies(keys: Sequence[CopyKey]) -> list[int | None]:
    """For each plan: None when it counts, else the index of the copy that counts for it."""
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(keys)):  # an archive of 60 zones x some years: pairs are cheap
        for j in range(i):
            if _same(keys[i], keys[j]):
                parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(keys)):
        groups.setdefault(root(i), []).append(i)
    result: list[int | None] = [None] * len(keys)
    for members in groups.values():
        best = min(
            members, key=lambda i: (FORMAT_RANK.get(keys[i].format, 9), -keys[i].coverage, i)
        )
        for i in members:
            if i != best:
                result[i] = best
    return result
