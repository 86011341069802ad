"""Other zones' plans: the two real plans rewritten as other coordinators lay them out
(tests/writer_variants.py) must extract to the same goals, actions, fields, items and
checkbox states as the plan they were made from."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from conftest import KEMP_TXT
from writer_variants import ALL_FAMILIES, FAMILIES, SOURCES, compare_variant, load, variant

from planextract.pipeline import extract_file


def _json(path: Path) -> dict:
    return extract_file(path, enrich=False).plan.model_dump(mode="json")


@pytest.fixture(scope="module")
def originals() -> dict[str, dict]:
    return {name: _json(path) for name, path in SOURCES.items()}


def _score(tmp_path: Path, originals: dict[str, dict], name: str, family: str, seed: int):
    path = tmp_path / f"{name}-{family}-{seed}.txt"
    path.write_text(variant(name, family, seed), "utf-8")
    return compare_variant(originals[name], _json(path), name, family, seed)


def test_variants_are_made_from_the_samples() -> None:
    """A variant rewrites the sample's own lines; a seed always gives the same text, and
    different seeds give different writers."""
    for name in SOURCES:
        t = load(name)
        assert len(t.forms()) == {"elzoh": 7, "kemp": 12}[name]  # template actions
        assert variant(name, "combined", 3) == variant(name, "combined", 3)
        assert len({variant(name, "goal_headings", s) for s in range(6)}) > 1


@pytest.mark.parametrize("family", list(FAMILIES))
def test_each_family_keeps_the_plan(tmp_path: Path, originals: dict, family: str) -> None:
    for name in SOURCES:
        for seed in range(2):
            score = _score(tmp_path, originals, name, family, seed)
            assert score.ratio >= 0.98, (name, family, seed, score.differences[:5])


def test_combined_variants_meet_the_targets(tmp_path: Path, originals: dict) -> None:
    """The issue's bar on plans that combine 3 to 5 families: >= 0.97 on average, >= 0.93
    for every plan."""
    ratios = [
        _score(tmp_path, originals, name, "combined", seed).ratio
        for name in SOURCES
        for seed in range(4)
    ]
    assert min(ratios) >= 0.93, ratios
    assert statistics.mean(ratios) >= 0.97, ratios


def test_all_families_listed() -> None:
    assert ALL_FAMILIES[-1] == "combined" and len(ALL_FAMILIES) == len(FAMILIES) + 1


def _rewrite(tmp_path: Path, old: str, new: str, count: int = -1) -> Path:
    text = KEMP_TXT.read_text("utf-8")
    assert old in text, old
    path = tmp_path / "kemp-variant.txt"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def test_numbered_headings_with_full_stops_and_capitals(tmp_path: Path) -> None:
    path = _rewrite(tmp_path, "Strategische doelstelling 2 – ", "STRATEGISCHE DOELSTELLING II. ")
    path.write_text(
        path.read_text("utf-8").replace("Operationele doelstelling 2.1 – ", "OD 2.1. "), "utf-8"
    )
    plan = extract_file(path, enrich=False).plan
    # The plan itself repeats SD 2 before OD 2.2 and reuses the number 2 for another SD.
    sd2, sd2b = (sd for sd in plan.strategic_goals if sd.number == "2")
    assert sd2.title.startswith("ELZ Kemp en Duin werkt data-gedreven")
    assert sd2.occurrences == 2
    assert [od.number for od in sd2.operational_goals] == ["2.1", "2.2"]
    assert sd2.operational_goals[0].title.startswith("ELZ Kemp en Duin stemt haar beleids-")
    assert sd2b.id == "SD2b" and sd2b.title.startswith("ELZ Kemp en Duin stimuleert preventief")


def test_action_number_is_kept_and_stripped_from_the_title(tmp_path: Path) -> None:
    path = _rewrite(
        tmp_path,
        "Actie: ELZ Kemp en Duin denkt na",
        "Actie 1.1.1 – ELZ Kemp en Duin denkt na",
        count=1,
    )
    plan = extract_file(path, enrich=False).plan
    action = plan.action("1.1-1")
    assert action.number == "1.1.1"
    assert action.title.startswith("ELZ Kemp en Duin denkt na over hoe er op de vergaderingen")
    assert plan.action("2.1-1").number is None  # 'Actie:' carries no number


def test_an_unknown_label_is_reported_with_its_page(tmp_path: Path) -> None:
    """'Werkplan:' instead of the first action's 'Hoe?' (page 12: the third page mark
    before the footer 'Pagina 15 van 36')."""
    path = _rewrite(tmp_path, "\nHoe? \n", "\nWerkplan: \n", count=1)
    plan = extract_file(path, enrich=False).plan
    assert [(u.text, u.action_id, u.pages) for u in plan.unknown_labels] == [
        ("Werkplan:", "1.1-1", [12])
    ]
    found = [f for f in plan.quality.findings if f.code == "template.unknown_label"]
    assert len(found) == 1 and found[0].pages == [12] and "Werkplan:" in found[0].message
