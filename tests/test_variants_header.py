"""The zone named in a running header written in other orders (variants of the samples)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from sample_rewrite import rewrite_sample

from planextract.pipeline import extract_file


@pytest.mark.parametrize(
    ("sample", "old", "new", "zone"),
    [
        (
            KEMP_TXT,
            "Actieplan ELZ Kemp en Duin ",
            "Actieplan 2025 ELZ Kemp en Duin ",
            "ELZ Kemp en Duin",
        ),
        (
            KEMP_TXT,
            "Actieplan ELZ Kemp en Duin ",
            "Actieplan ELZ Kemp en Duin 2025",
            "ELZ Kemp en Duin",
        ),
        (
            ELZOH_TXT,
            "Actieplan Eerstelijnszone Zuidoost Hageland ",
            "Actieplan 2025 – Eerstelijnszone Zuidoost Hageland",
            "Eerstelijnszone Zuidoost Hageland",
        ),
    ],
)
def test_the_year_in_a_running_header_is_not_the_zone(
    tmp_path: Path, sample: Path, old: str, new: str, zone: str
) -> None:
    plan = extract_file(rewrite_sample(tmp_path, sample, old, new), enrich=False).plan
    assert plan.organisation == zone
    assert plan.title == new.strip()
    assert plan.year == 2025
    # The header is still furniture: no value holds it.
    original = extract_file(sample, enrich=False).plan
    assert [sd.title for sd in plan.strategic_goals] == [
        sd.title for sd in original.strategic_goals
    ]
