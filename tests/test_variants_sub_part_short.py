"""Sub-part questions of the form written short, as zones do ('Trekker:', 'Stakeholders:',
'Mijlpalen:'), in variants of the samples' own text: the same answers in the same parts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.pipeline import extract_file

LEAD = r"Wie is de trekker van de actie\? *$"
STAKEHOLDERS = r"Met welke stakeholders wordt er samengewerkt voor deze actie\? *$"
MILESTONES = r"Vermeld hier ook de mijlpalen \(link naar tijdslijn\) *$"


def _rewrite(tmp_path: Path, sample: Path, subs: list[tuple[str, str]]) -> Path:
    text = sample.read_text("utf-8")
    for pattern, new in subs:
        text, n = re.subn(f"(?m)^( ?){pattern}", rf"\g<1>{new}", text)
        assert n, pattern
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(text, "utf-8")
    return path


def _parts(plan) -> list[tuple]:
    return [
        (
            a.id,
            a.with_whom and a.with_whom.lead,
            a.with_whom and [s.text for s in a.with_whom.stakeholders or []],
            a.how and [s.text for s in a.how.steps],
            a.how and a.how.milestones is not None and [m.text for m in a.how.milestones],
            a.for_whom and a.for_whom.text,
        )
        for a in plan.actions()
    ]


@pytest.mark.parametrize(
    ("sample", "subs"),
    [
        (
            KEMP_TXT,
            [(LEAD, "Trekker:"), (STAKEHOLDERS, "Stakeholders:"), (MILESTONES, "Mijlpalen:")],
        ),
        (KEMP_TXT, [(LEAD, "Wie is de trekker?"), (MILESTONES, "Mijlpalen (link naar tijdslijn)")]),
        (ELZOH_TXT, [(LEAD, "Trekker van de actie:"), (STAKEHOLDERS, "Betrokken stakeholders:")]),
    ],
)
def test_short_sub_part_questions(
    tmp_path: Path, sample: Path, subs: list[tuple[str, str]]
) -> None:
    plan = extract_file(_rewrite(tmp_path, sample, subs), enrich=False).plan
    original = extract_file(sample, enrich=False).plan
    assert _parts(plan) == _parts(original)
    assert plan.unknown_labels == []
    leads = [a.with_whom.lead for a in plan.actions() if a.with_whom]
    assert "ELZ Kemp en Duin" in leads or "ELZOH vzw" in leads
