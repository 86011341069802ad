"""Month rows written with the year ('Januari 2025'): a variant of Kemp en Duin's own
timeline compared with the extraction of the unmodified plan (the truth), and the labels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sample_rewrite import timeline_contents

from planextract.models.plan import Plan
from planextract.pipeline import extract_file
from planextract.timeline.months import parse_month_label
from planextract.timeline.text_table import rising_labels

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
KEMP_TXT = SAMPLES / "kemp-en-duin-actieplan-2025.txt"
# The timeline section as the sample writes it: its heading, then the two tables, up to
# the goals.
HEADING = " Tijdslijn \n"
GOALS = " Acties 2025"
MONTHS = [
    "Januari", "Februari", "Maart", "April", "Mei", "Juni",
    "Juli", "Augustus", "September", "Oktober", "November", "December",
]  # fmt: skip


def _extract(path: Path) -> Plan:
    return extract_file(path, enrich=False).plan


@pytest.fixture(scope="module")
def original() -> Plan:
    return _extract(KEMP_TXT)


def test_month_rows_written_with_the_year(tmp_path: Path, original: Plan) -> None:
    """'Januari 2025' … 'December 2025': the same rows and cells, the year kept in the
    label as written (the cells do not start with '2025')."""
    text = KEMP_TXT.read_text("utf-8")
    start, end = text.index(HEADING), text.index(GOALS)
    block = "\n".join(
        re.sub(rf"^(\s*)({'|'.join(MONTHS)})\b", r"\1\2 2025", line)
        for line in text[start:end].split("\n")
    )
    path = tmp_path / "kemp-years.txt"
    path.write_text(text[:start] + block + text[end:], "utf-8")
    plan = _extract(path)
    got, want = timeline_contents(plan), timeline_contents(original)
    assert [(cols, links) for cols, links, _ in got] == [(c, lk) for c, lk, _ in want]
    for (_, _, rows), (_, _, truth) in zip(got, want, strict=True):
        assert [(m, ms, cells) for m, ms, _, cells in rows] == [
            (m, ms, cells) for m, ms, _, cells in truth
        ]
        assert [label for _, _, label, _ in rows] == [f"{m} 2025" for m in MONTHS]
    assert plan.timeline is not None
    assert plan.timeline.tables[0].rows[0].cells[0] == (
        "Bepalen of expertise aanwezig is binnen het team/DB/BO en indien nodig expertise inkopen"
    )


@pytest.mark.parametrize(
    ("text", "label", "months", "year"),
    [
        ("Januari 2025 Bepalen of expertise", "Januari 2025", [1], 2025),
        ("sept. 2025: overleg", "sept. 2025", [9], 2025),
        ("jan '25 kick-off", "jan '25", [1], 2025),
        ("Q1 2025 Vragenlijst", "Q1 2025", [1, 2, 3], 2025),
        ("januari - maart 2025 Overleg", "januari - maart 2025", [1, 2, 3], 2025),
        ("januari 2025 - maart 2025 Overleg", "januari 2025 - maart 2025", [1, 2, 3], 2025),
        ("Januari Bepalen", "Januari", [1], None),
        ("Mei 2025-planning opmaken", "Mei", [5], None),  # no year: a word of the cell
        ("Juni 20255", "Juni", [6], None),
    ],
)
def test_a_year_after_the_month(text: str, label: str, months: list[int], year: int | None) -> None:
    found = parse_month_label(text)
    assert found is not None
    assert (found.text, list(found.months), found.year) == (label, months, year)
    assert text[: found.end] == label


def test_months_with_years_rise_over_the_new_year() -> None:
    """A plan from September to February: 'Januari 2026' follows 'December 2025'."""
    texts = ["September 2025", "Oktober 2025", "November 2025", "December 2025"]
    texts += ["Januari 2026", "Februari 2026"]
    labels = [parse_month_label(t) for t in texts]
    assert all(label is not None for label in labels)
    candidates = [(i, label) for i, label in enumerate(labels) if label is not None]
    assert rising_labels(candidates) == set(range(6))
    # Without years the months start again: January is not after December.
    bare = [(i, parse_month_label(t.split()[0])) for i, t in enumerate(texts)]
    assert rising_labels([(i, label) for i, label in bare if label is not None]) == {0, 1, 2, 3}
