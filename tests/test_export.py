"""`planextract export`: batch results as normalised SQLite and CSV tables."""

from __future__ import annotations

import csv
import os
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ELZOH_TXT, KEMP_TXT

from planextract.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_query(title: str) -> str:
    """The SQL block that follows the README line with `title`."""
    text = README.read_text("utf-8")
    match = re.search(re.escape(title) + r".*?```sql\n(.*?)```", text, re.S)
    assert match, title
    return match.group(1)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("export")
    (root / "in").mkdir()
    for sample in (ELZOH_TXT, KEMP_TXT):
        (root / "in" / sample.name).write_bytes(sample.read_bytes())
    out = root / "out"
    batch = CliRunner().invoke(main, ["batch", str(root / "in"), "--out", str(out), "-q"])
    assert batch.exit_code == 0, batch.output
    (out / "stray.json").write_text('{"not": "a plan"}', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", str(out), "--sqlite", str(root / "plans.db"), "--csv", str(root / "csv")]
    )
    assert result.exit_code == 1  # the stray file is named and left out
    assert "error: stray.json: not a plan result (" in result.stderr
    assert "2 plans exported" in result.stderr
    return root / "plans.db", root / "csv"


def test_plans_goals_and_actions(exported: tuple[Path, Path]) -> None:
    db = sqlite3.connect(exported[0])
    plans = db.execute("SELECT file, organisation, year, pages FROM plans ORDER BY plan_id")
    assert plans.fetchall() == [
        ("in/kemp-en-duin-actieplan-2025.json", "ELZ Kemp en Duin", 2025, 36),
        ("in/zuidoost-hageland-actieplan-2025.json", "Eerstelijnszone Zuidoost Hageland", 2025, 24),
    ]
    goals = db.execute(
        "SELECT level, COUNT(*) FROM goals WHERE plan_id = 1 GROUP BY level ORDER BY level"
    )
    assert goals.fetchall() == [("operational", 12), ("strategic", 5)]
    kinds = db.execute("SELECT plan_id, kind, COUNT(*) FROM actions GROUP BY 1, 2 ORDER BY 1, 2")
    assert kinds.fetchall() == [(1, "template", 12), (2, "narrative", 4), (2, "template", 7)]
    # The reused SD number of Kemp en Duin keeps both goals apart.
    sd2 = db.execute("SELECT goal_id FROM goals WHERE plan_id = 1 AND number = '2' ORDER BY 1")
    assert sd2.fetchall() == [("SD2",), ("SD2b",)]


def test_fields_and_list_items_follow_the_document(exported: tuple[Path, Path]) -> None:
    db = sqlite3.connect(exported[0])
    milestones = db.execute(
        "SELECT text FROM list_items WHERE plan_id = 1 AND action_id = '1.1-1' "
        "AND field = 'how' AND part = 'milestones' ORDER BY position"
    )
    assert [t for (t,) in milestones] == [
        "Onderzoek naar expertise binnen team/DB/BO of externe partner",
        "Methodiek(en) die relevant zijn, zijn geselecteerd",
        "Uitproberen van relevante methodiek(en)",
        "Definitieve keuze van methodiek(en)",
    ]
    why = db.execute(
        "SELECT present, text FROM fields WHERE plan_id = 1 AND action_id = '1.1-1' "
        "AND field = 'why' AND part = 'text'"
    ).fetchone()
    assert why[0] == 1
    assert why[1].startswith("We merken dat bestuursleden en leden van de algemene vergadering")


def test_readme_query_evaluations(exported: tuple[Path, Path]) -> None:
    """Counted in the documents: Kemp en Duin ticks ☒ Procesevaluatie 10 times, Output 11
    and Impact 2 times in 12 forms; ELZOH ticks Proces 5 and Output 7 times in 7 forms that
    have no Impact evaluatie."""
    rows = sqlite3.connect(exported[0]).execute(readme_query("Evaluation types ticked")).fetchall()
    assert rows == [
        ("ELZ Kemp en Duin", "outcome", 2, 0),
        ("ELZ Kemp en Duin", "output", 11, 0),
        ("ELZ Kemp en Duin", "process", 10, 0),
        ("Eerstelijnszone Zuidoost Hageland", "outcome", 0, 7),
        ("Eerstelijnszone Zuidoost Hageland", "output", 7, 0),
        ("Eerstelijnszone Zuidoost Hageland", "process", 5, 0),
    ]


def test_readme_query_milestones(exported: tuple[Path, Path]) -> None:
    """Every Kemp en Duin form has 'Vermeld hier ook de mijlpalen' with items; the ELZOH
    form has no such part."""
    rows = sqlite3.connect(exported[0]).execute(readme_query("Milestones per zone")).fetchall()
    assert rows == [("ELZ Kemp en Duin", 0, 0, 12), ("Eerstelijnszone Zuidoost Hageland", 7, 0, 0)]


def test_csv_tables_match_the_database(exported: tuple[Path, Path]) -> None:
    db_file, csv_dir = exported
    db = sqlite3.connect(db_file)
    for table in ("plans", "actions", "fields", "list_items", "evaluations", "findings"):
        with (csv_dir / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        columns = [c[1] for c in db.execute(f"PRAGMA table_info({table})")]
        assert rows[0] == columns
        assert len(rows) - 1 == db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_timeline_tables(exported: tuple[Path, Path]) -> None:
    """Kemp en Duin's two grids: 12 columns, 46 filled cells; ELZOH has none."""
    db = sqlite3.connect(exported[0])
    columns = db.execute(
        "SELECT table_no, column_no, action_id FROM timeline_columns ORDER BY 1, 2"
    ).fetchall()
    assert len(columns) == 12 and columns[0] == (1, 1, "1.1-1") and columns[6] == (2, 1, "4.5b-1")
    assert db.execute("SELECT COUNT(*) FROM timeline_cells").fetchone() == (46,)
    # The network lunches (4.5b-1): February, March, November.
    lunches = db.execute(
        "SELECT month, text FROM timeline_cells WHERE action_id = '4.5b-1' ORDER BY month"
    ).fetchall()
    assert lunches == [
        (2, "Voorbereiding netwerklunches"),
        (3, "Netwerklunches"),
        (11, "Evaluatie en bijsturing"),
    ]


def test_enrichment_tables(exported: tuple[Path, Path]) -> None:
    db = sqlite3.connect(exported[0])
    # Kemp en Duin 4.5-1: 'Structureel overleg met GBO coördinator (minstens 4x per jaar).'
    gbo = db.execute(
        "SELECT DISTINCT x.name, x.type FROM partners x JOIN plans p USING (plan_id) "
        "WHERE p.organisation = 'ELZ Kemp en Duin' AND x.action_id = '4.5-1' AND x.name = 'GBO'"
    ).fetchall()
    assert gbo == [("GBO", "network")]
    # Kemp en Duin 4.5-1, process criteria: 'minstens 4x per jaar' (lines 1076-1085).
    targets = db.execute(
        "SELECT quantity, unit, comparator, frequency FROM targets t JOIN plans p "
        "USING (plan_id) WHERE p.organisation = 'ELZ Kemp en Duin' AND t.action_id = '4.5-1' "
        "AND t.type = 'process'"
    ).fetchall()
    assert targets == [(4.0, "keer", ">=", "P1Y")]
    flags = db.execute("SELECT flags FROM periods WHERE text = 'Tegen 2040'").fetchone()
    assert flags == ('["ambiguous"]',)
    # README query: partners named in actions of both zones.
    shared = db.execute(readme_query("Partners named by more than one zone")).fetchall()
    names = {name for name, *_ in shared}
    assert {"GBO", "Logo", "VIVEL", "Mutualiteiten", "Lokale besturen"} <= names
    assert all(zone for _, _, zone, _ in shared)


def test_export_needs_a_target(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(tmp_path)])
    assert result.exit_code == 2
    assert "--sqlite" in result.output


def test_export_replaces_only_an_sqlite_database_outside_the_folder(
    exported: tuple[Path, Path],
) -> None:
    db = exported[0]
    out = db.parent / "out"
    text = db.parent / "notes.txt"
    text.write_text("the user's own notes", encoding="utf-8")
    plan = out / "in" / "kemp-en-duin-actieplan-2025.json"
    before = plan.read_bytes()
    link = db.parent / "link.db"
    link.symlink_to(db)
    fifo = db.parent / "pipe"
    os.mkfifo(fifo)
    refused = {
        ("--sqlite", text): "notes.txt exists and is not an SQLite database; not replaced",
        ("--sqlite", plan): "is inside",
        ("--sqlite", link): "link.db is a symbolic link; not replaced",
        ("--csv", out / "tables"): "is inside",
        ("--csv", text): "notes.txt' is a file",  # click's check
        ("--csv", fifo): "pipe exists and is not a folder",
        ("--sqlite", fifo): "pipe exists and is not a regular file; not replaced",
        ("--csv", db.parent): "plans.csv would be replaced by one of the CSV files",
    }
    for (option, target), reason in refused.items():
        args = ["export", str(out), option, str(target)]
        if option == "--csv" and target == db.parent:
            args += ["--sqlite", str(db.parent / "plans.csv")]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, (target, result.output)
        assert reason in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert text.read_text("utf-8") == "the user's own notes"
    assert plan.read_bytes() == before
    assert not (out / "tables").exists() and not (db.parent / "plans.csv").exists()
    again = CliRunner().invoke(main, ["export", str(out), "--sqlite", str(db)])
    assert again.exit_code == 1 and "2 plans exported" in again.stderr  # a database: replaced
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM plans").fetchone() == (2,)


def test_readme_query_outcome(exported: tuple[Path, Path]) -> None:
    """Kemp en Duin ticks Impact in 2 of its 12 forms; ELZOH's form has no Impact box and
    4 of its 11 actions are free text: 10 and 11 actions without an outcome evaluation."""
    db, _ = exported
    rows = sqlite3.connect(db).execute(readme_query("Actions without an outcome")).fetchall()
    assert rows == [("kemp-en-duin", 10), ("zuidoost-hageland", 11)]


def test_readme_query_findings_join_fields(exported: tuple[Path, Path]) -> None:
    db, _ = exported
    con = sqlite3.connect(db)
    rows = con.execute(readme_query("Findings with the form part")).fetchall()
    # ELZOH: 'Wat ga je niet doen?' is not on two forms (part.missing, what + dont).
    missing = [r for r in rows if r[2] == "part.missing"]
    assert [(r[0], r[3]) for r in missing] == [("zuidoost-hageland", 0)] * 2
    assert (
        con.execute("SELECT field, part FROM findings WHERE code = 'part.missing'").fetchall()
        == [("what", "dont")] * 2
    )


def test_readme_query_unknown_pages(exported: tuple[Path, Path]) -> None:
    """The actions between footers that do not add up (see test_pages.py)."""
    db, _ = exported
    rows = sqlite3.connect(db).execute(readme_query("Actions whose page is not known")).fetchall()
    assert [(z, a) for z, a, _ in rows] == [
        ("kemp-en-duin", "4.2-1"),
        ("kemp-en-duin", "4.5c-1"),
        ("kemp-en-duin", "5.4-1"),
        ("kemp-en-duin", "5.5-1"),
        ("zuidoost-hageland", "3.2-1"),
        ("zuidoost-hageland", "3.3-1"),
        ("zuidoost-hageland", "3.3-2"),
    ]
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM actions WHERE pages = '[]'").fetchone() == (0,)


def test_zone_key_joins_plans_and_partners(exported: tuple[Path, Path]) -> None:
    con = sqlite3.connect(exported[0])
    keys = con.execute("SELECT organisation, zone_key FROM plans ORDER BY zone_key").fetchall()
    assert keys == [
        ("ELZ Kemp en Duin", "kemp-en-duin"),
        ("Eerstelijnszone Zuidoost Hageland", "zuidoost-hageland"),
    ]
    # Kemp en Duin names ELZ Maasland as a partner (4.5c-1, transmurale zorg).
    named = con.execute(
        "SELECT DISTINCT p.zone_key, x.zone_key FROM partners x JOIN plans p USING (plan_id)"
        " WHERE x.zone_key IS NOT NULL AND x.zone_key != p.zone_key"
    ).fetchall()
    assert ("kemp-en-duin", "maasland") in named
    assert con.execute(
        "SELECT COUNT(*) FROM partners WHERE name = 'Eerstelijnszone' AND zone_key IS NOT NULL"
    ).fetchone() == (0,)
