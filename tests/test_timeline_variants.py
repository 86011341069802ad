"""Variants of Kemp en Duin's Tijdslijn, generated from the real text: other month labels,
text around the table, a hostile row."""

from __future__ import annotations

import re
from pathlib import Path

from variants import replace_once, sample_text, write_variant

from planextract.models.plan import Plan
from planextract.pipeline import extract_file

ABBREVIATIONS = {
    "Januari": "jan",
    "Februari": "FEB",
    "Maart": "mrt",
    "April": "apr.",
    "Mei": "mei",
    "Juni": "jun",
    "Juli": "jul",
    "Augustus": "aug",
    "September": "sept",
    "Oktober": "okt",
    "November": "nov",
    "December": "dec",
}


def _extract(tmp_path: Path, text: str) -> Plan:
    return extract_file(write_variant(tmp_path, "kemp.txt", text)).plan


def _grid(plan: Plan) -> list[list[list[str | None]]]:
    assert plan.timeline is not None
    return [[row.cells for row in table.rows] for table in plan.timeline.tables]


def test_abbreviated_month_labels_give_the_same_grid(tmp_path: Path, kemp: Plan) -> None:
    lines = sample_text("kemp").split("\n")
    for n in range(54, 322):  # the table's lines (0-based)
        for name, short in ABBREVIATIONS.items():
            lines[n] = re.sub(rf"^(\s*){name}\b", rf"\g<1>{short}", lines[n])
    plan = _extract(tmp_path, "\n".join(lines))
    assert plan.timeline is not None
    assert [r.label for r in plan.timeline.tables[0].rows] == list(ABBREVIATIONS.values())
    assert [r.month for r in plan.timeline.tables[1].rows] == list(range(1, 13))
    assert _grid(plan) == _grid(kemp)


def test_text_before_and_after_the_table_stays_in_the_section(tmp_path: Path) -> None:
    intro = "Hieronder staat de planning van onze acties per maand."
    outro = (
        "De tijdslijn wordt elk kwartaal herbekeken door het dagelijks bestuur en waar nodig "
        "bijgestuurd in overleg met de werkgroepen."
    )
    text = replace_once(sample_text("kemp"), " Tijdslijn \n\n", f" Tijdslijn \n{intro}\n\n")
    text = replace_once(
        text, "plannen van overleg \n Acties 2025", f"plannen van overleg \n\n{outro}\n Acties 2025"
    )
    plan = _extract(tmp_path, text)
    assert plan.timeline is not None
    section = next(s for s in plan.sections if s.kind == "timeline")
    assert section.text == f"{intro}\n{outro}"
    december = plan.timeline.tables[1].rows[11]
    assert december.cells[5] == "Samenwerking evalueren + structureel plannen van overleg"
    assert plan.extraction.coverage == 100.0


def test_a_month_name_at_the_start_of_a_cell_is_not_a_row(tmp_path: Path) -> None:
    # A cell line of the January row that starts with 'juni' (the months rising from
    # January to December still win).
    text = replace_once(
        sample_text("kemp"),
        "nodig expertise inkopen \n",
        "nodig expertise inkopen \njuni evaluatie \n",
    )
    plan = _extract(tmp_path, text)
    assert plan.timeline is not None
    rows = plan.timeline.tables[0].rows
    assert [r.month for r in rows] == list(range(1, 13))
    assert rows[0].cells[0] is not None and rows[0].cells[0].endswith("juni evaluatie")


def test_a_hostile_row_is_bounded_and_keeps_its_text(tmp_path: Path) -> None:
    pieces = 400
    filler = "".join(f"Stap {n}\n\n" for n in range(pieces))
    text = replace_once(
        sample_text("kemp"), "Mei    Deelnemen aan \n", f"Mei    Deelnemen aan \n{filler}"
    )
    plan = _extract(tmp_path, text)
    assert plan.timeline is not None
    may = plan.timeline.tables[0].rows[4]
    joined = " ".join(c for c in may.cells if c)
    assert joined.split() == [
        "Deelnemen",
        "aan",
        *(w for n in range(pieces) for w in ("Stap", str(n))),
        "bestaande",
        "overlegfora",
        "waar",
        "de",
        "PZON/burger",
        "het",
        "woord",
        "neemt",
    ]
    assert plan.extraction.coverage == 100.0
