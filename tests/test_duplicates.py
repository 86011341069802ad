"""The same plan twice in an archive (a PDF and its text export, a re-submission): recognised,
shown in the overview with its other copies, counted once in the heatmap and the export.

The README's first command converts samples/: the two real plans as text and as PDF.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ELZOH_PDF, ELZOH_TXT, KEMP_PDF, KEMP_TXT, SAMPLES

from planextract.batch.discover import discover
from planextract.cli import main
from planextract.models.plan import Plan
from planextract.quality.duplicates import CopyKey, copy_key, counting_copies
from planextract.rules.zones import zone_key


def test_samples_hold_the_two_plans_only(tmp_path: Path) -> None:
    """Test fixtures (the PDF checkbox variants) live under tests/, not in the demo folder."""
    found = discover([SAMPLES], tmp_path)
    assert sorted(Path(item.source).name for item in found.items) == [
        "kemp-en-duin-actieplan-2025.pdf",
        "kemp-en-duin-actieplan-2025.txt",
        "zuidoost-hageland-actieplan-2025.pdf",
        "zuidoost-hageland-actieplan-2025.txt",
    ]


def test_zone_key_joins_both_spellings() -> None:
    assert zone_key("ELZ Kemp en Duin") == zone_key("Eerstelijnszone Kemp en Duin")
    assert zone_key("Eerstelijnszone Zuidoost Hageland") == "zuidoost-hageland"
    assert zone_key("ELZ Kemp en Duin") == "kemp-en-duin"
    assert zone_key(None) is None and zone_key("  ") is None


def _key(fmt: str, coverage: float, zone: str | None = "a", content: str | None = None) -> CopyKey:
    return CopyKey(zone=zone, year=2025, content=content, format=fmt, coverage=coverage)


def test_which_copy_counts() -> None:
    # The submitted PDF before its text export, whatever the order.
    assert counting_copies([_key("text", 100.0), _key("pdf", 90.0)]) == [1, None]
    # Two PDFs: the more completely read one; equal: the first in path order.
    assert counting_copies([_key("pdf", 90.0), _key("pdf", 99.0)]) == [1, None]
    assert counting_copies([_key("pdf", 99.0), _key("pdf", 99.0)]) == [None, 0]
    # Other zone: no copy. Unknown zone but the same goal tree: a copy.
    assert counting_copies([_key("pdf", 99.0), _key("pdf", 99.0, zone="b")]) == [None, None]
    same = [_key("text", 99.0, None, "x"), _key("pdf", 80.0, None, "x")]
    assert counting_copies(same) == [1, None]


def test_same_content_without_a_zone_name(kemp: Plan, elzoh: Plan) -> None:
    """A re-submission whose cover page lost the zone name is still recognised."""
    anonymous = replace(kemp, organisation=None, year=None)
    keys = [copy_key(p) for p in (kemp, elzoh, anonymous)]
    assert keys[0].content == keys[2].content != keys[1].content
    assert counting_copies(keys) == [None, None, 0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The README's first command: planextract batch samples/ --out output/."""
    out = tmp_path_factory.mktemp("demo") / "output"
    result = CliRunner().invoke(main, ["batch", str(SAMPLES), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_demo_overview_shows_two_plans(demo: Path) -> None:
    data = json.loads((demo / "_kwaliteitsrapport" / "index.json").read_text("utf-8"))
    assert [(p["name"], p["file"]) for p in data["plans"]] == [
        ("ELZ Kemp en Duin", "kemp-en-duin-actieplan-2025.pdf"),
        ("Eerstelijnszone Zuidoost Hageland", "zuidoost-hageland-actieplan-2025.pdf"),
    ]
    assert [[c["file"] for c in p["copies"]] for p in data["plans"]] == [
        ["kemp-en-duin-actieplan-2025.txt"],
        ["zuidoost-hageland-actieplan-2025.txt"],
    ]
    assert [row["name"] for row in data["heatmap"]] == [p["name"] for p in data["plans"]]
    assert all(len(c["per_plan"]) == 2 for c in data["codes"])
    assert data["subtitle"] == "2 plannen (4 bestanden: 2 dubbele kopieën niet meegeteld)"
    html = (demo / "_kwaliteitsrapport" / "index.html").read_text("utf-8")
    assert ">Andere kopieën</th>" in html
    assert (
        '<a href="samples__kemp-en-duin-actieplan-2025.rapport.html">'
        "kemp-en-duin-actieplan-2025.txt</a>" in html
    )


def test_export_counts_each_plan_once(demo: Path, tmp_path: Path) -> None:
    db = tmp_path / "plans.db"
    result = CliRunner().invoke(main, ["export", str(demo), "--sqlite", str(db)])
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    plans = con.execute(
        "SELECT p.source_file, p.zone_key, c.source_file FROM plans p"
        " LEFT JOIN plans c ON c.plan_id = p.duplicate_of ORDER BY p.source_file"
    ).fetchall()
    assert plans == [
        ("kemp-en-duin-actieplan-2025.pdf", "kemp-en-duin", None),
        ("kemp-en-duin-actieplan-2025.txt", "kemp-en-duin", "kemp-en-duin-actieplan-2025.pdf"),
        ("zuidoost-hageland-actieplan-2025.pdf", "zuidoost-hageland", None),
        (
            "zuidoost-hageland-actieplan-2025.txt",
            "zuidoost-hageland",
            "zuidoost-hageland-actieplan-2025.pdf",
        ),
    ]
    # 12 actions in Kemp en Duin, 11 in ELZOH: once each, not once per copy.
    per_zone = con.execute(
        "SELECT p.zone_key, COUNT(*) FROM actions a JOIN plans p USING (plan_id)"
        " GROUP BY p.zone_key ORDER BY p.zone_key"
    ).fetchall()
    assert per_zone == [("kemp-en-duin", 12), ("zuidoost-hageland", 11)]


def test_sample_paths_exist() -> None:
    assert all(p.is_file() for p in (ELZOH_PDF, ELZOH_TXT, KEMP_PDF, KEMP_TXT))
