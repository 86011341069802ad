"""A numbered list whose items name the plan's own sections ('1. Inleiding', '2. Tijdslijn')
inside an action, made from Zuidoost Hageland's own section titles: items of the action,
not headings; Word's heading numbering without the full stop ('1 Inleiding') still is."""

from __future__ import annotations

from pathlib import Path

from conftest import ELZOH_TXT

from planextract.pipeline import extract_file
from planextract.rules.headings import match_section
from planextract.rules.profile import load_profile

WAAKT = "ELZOH waakt erover dat, hoewel doelstellingen"  # the last action's last paragraph
ITEMS = ["1. Inleiding", "2. Tijdslijn", "3. Acties 2025"]  # the sample's own sections


def test_numbered_items_naming_sections_stay_in_the_action(tmp_path: Path) -> None:
    text = ELZOH_TXT.read_text("utf-8")
    assert text.count(WAAKT) == 1
    listing = "\n".join(ITEMS) + "\n\n"
    path = tmp_path / "zoh-genummerd.txt"
    path.write_text(text.replace(WAAKT, listing + WAAKT), "utf-8")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(ELZOH_TXT, enrich=False).plan
    assert [s.title for s in plan.sections] == [s.title for s in original.sections]
    last = plan.actions()[-1]
    assert last.id == original.actions()[-1].id == "3.3-2"
    assert all(item.split(" ", 1)[1] in last.text for item in ITEMS)
    assert WAAKT in last.text


def test_heading_numbers_without_a_full_stop_name_sections() -> None:
    profile = load_profile()
    assert match_section("1 Inleiding", profile) is not None
    assert match_section("2.1 Communicatie naar specifieke doelgroepen", profile) is not None
    assert match_section("2.1. Communicatie naar specifieke doelgroepen", profile) is not None
    assert match_section("1. Inleiding", profile) is None
