"""Other zones' plans: the two real plans rewritten as other coordinators lay them out
(tests/writer_variants.py) must extract to the same goals, actions, fields, items and
checkbox states as the plan they were made from."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from conftest import ELZOH_TXT, KEMP_TXT
from writer_variants import (
    ALL_FAMILIES,
    FAMILIES,
    LIMITED,
    SOURCES,
    compare_variant,
    load,
    variant,
)

from planextract.models.check import checked_data
from planextract.pipeline import extract_file


def _json(path: Path) -> dict:
    return checked_data(extract_file(path, enrich=False).plan)


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
            bar = LIMITED.get(family, 0.98) if name == "elzoh" else 0.98
            assert score.ratio >= bar, (name, family, seed, score.differences[:5])


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


def _rewrite_sample(tmp_path: Path, sample: Path, old: str, new: str, count: int = 1) -> Path:
    """`sample` with `old` (which must be there) replaced by `new`, `count` times."""
    text = sample.read_text("utf-8")
    assert old in text, old
    path = tmp_path / f"variant-{sample.name}"
    path.write_text(text.replace(old, new, count), "utf-8")
    return path


def _rewrite(tmp_path: Path, old: str, new: str, count: int = -1) -> Path:
    return _rewrite_sample(tmp_path, KEMP_TXT, old, new, count)


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


def _actions(plan) -> list[str]:
    return [a.id for sd in plan.strategic_goals for od in sd.operational_goals for a in od.actions]


def test_a_criterion_that_opens_a_page_stays_a_criterion(tmp_path: Path) -> None:
    """ELZOH 1.1-1: its process criterion 'Groeidocument …' at the top of a page, with the
    next box under it, is no action title."""
    path = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        "\nGroeidocument waar onze afspraken",
        "\n Groeidocument waar onze afspraken",
    )
    plan = extract_file(path, enrich=False).plan
    assert len(_actions(plan)) == 11
    ev = plan.action("1.1-1").evaluation
    assert ev.process.selected is True
    assert ev.process.criteria[0].text.startswith("Groeidocument waar onze afspraken")
    assert ev.output.selected is True and len(ev.output.criteria) == 3


def test_a_sentence_cut_by_a_page_break_goes_on(tmp_path: Path) -> None:
    """'… ingediend kan worden op' / footer and header / '31/05/2024 bij het departement
    Zorg.': the criterion goes on after the page furniture, no action starts there."""
    path = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        "ingediend kan worden op \n31/05/2024",
        "ingediend kan worden op \n\nActieplan Eerstelijnszone Zuidoost Hageland\n\n"
        "  Pagina 9 van 24 \n 31/05/2024",
    )
    plan = extract_file(path, enrich=False).plan
    assert len(_actions(plan)) == 11
    criteria = [c.text for a in [plan.action("1.2-1")] for c in a.evaluation.output.criteria]
    assert any(
        c.endswith("ingediend kan worden op 31/05/2024 bij het departement Zorg.") for c in criteria
    )


def test_a_narrative_paragraph_that_opens_a_page_stays_in_its_action(tmp_path: Path) -> None:
    """'In 2025 en 2026 focussen we … op verschillende manieren:' ends in a colon: it
    introduces the list under it, it is no title."""
    path = _rewrite_sample(
        tmp_path, ELZOH_TXT, "\nIn 2025 en 2026 focussen we", "\n In 2025 en 2026 focussen we"
    )
    plan = extract_file(path, enrich=False).plan
    assert len(_actions(plan)) == 11
    assert "In 2025 en 2026 focussen we op de implementatie" in plan.action("1.1-2").text


def test_word_symbol_bullets_are_list_markers(tmp_path: Path) -> None:
    """A text export writes Word's Symbol bullet as U+F0B7: Kemp's first target groups
    (lines 381-382 of the sample) are still two items."""
    text = KEMP_TXT.read_text("utf-8").replace("\n- ", "\n\uf0b7 ")
    path = tmp_path / "kemp-symbol-bullets.txt"
    path.write_text(text, "utf-8")
    plan = extract_file(path, enrich=False).plan
    groups = plan.action("1.1-1").for_whom.target_groups
    assert [(g.text, g.marker) for g in groups] == [
        ("Bestuursleden ELZ Kemp en Duin", "\uf0b7"),
        ("Leden van de algemene vergadering ELZ Kemp en Duin", "\uf0b7"),
    ]


def test_a_table_of_contents_opens_no_goals(tmp_path: Path) -> None:
    """An entry with its page number after a tab, dot leaders or spaces repeats a goal
    heading; it is text of the section 'Inhoudstafel', and the goals stay five."""
    toc = (
        " Inhoudstafel\n\n"
        "Strategische doelstelling 1 – ELZ Kemp en Duin handelt naar de principes van goed"
        " bestuur\t14\n"
        "Operationele doelstelling 1.1 – Het (re)organiseren van de AV, BO en DB om de werking van"
        " de ELZ te verbeteren ........ 14\n"
        "Strategische doelstelling 2 – ELZ Kemp en Duin werkt data-gedreven, complementair en\n"
        "met gedragenheid     16\n\n"
    )
    path = _rewrite_sample(tmp_path, KEMP_TXT, " Instructies", toc + " Instructies")
    plan = extract_file(path, enrich=False).plan
    assert [sd.id for sd in plan.strategic_goals] == ["SD1", "SD2", "SD2b", "SD4", "SD5"]
    assert [od.number for od in plan.strategic_goals[0].operational_goals] == ["1.1"]
    section = next(s for s in plan.sections if s.title.strip() == "Inhoudstafel")
    assert "met gedragenheid" in section.text and "........ 14" in section.text


@pytest.mark.parametrize(
    ("sd", "od"),
    [
        ("3.1 Strategische doelstelling 1 – ", "3.1.1 Operationele doelstelling 1.1 – "),
        ("Strategische doelstelling nr. 1: ", "Operationele doelstelling nr. 1.1: "),
        ("1. Strategische doelstelling – ", "1.1. Operationele doelstelling – "),
        ("Strategische doelstelling 1 – ", "Doelstelling 1.1 – "),
    ],
)
def test_other_goal_numberings(tmp_path: Path, sd: str, od: str) -> None:
    path = _rewrite_sample(tmp_path, KEMP_TXT, "Strategische doelstelling 1 – ", sd)
    text = path.read_text("utf-8").replace("Operationele doelstelling 1.1 – ", od, 1)
    path.write_text(text, "utf-8")
    plan = extract_file(path, enrich=False).plan
    sd1 = plan.strategic_goals[0]
    assert (sd1.id, sd1.number) == ("SD1", "1")
    assert sd1.title.startswith("ELZ Kemp en Duin handelt naar de principes van goed bestuur")
    od1 = sd1.operational_goals[0]
    assert od1.number == "1.1" and od1.title.startswith("Het (re)organiseren van de AV, BO en DB")
    assert [a.id for a in od1.actions] == ["1.1-1"]
    assert [s.id for s in plan.strategic_goals] == ["SD1", "SD2", "SD2b", "SD4", "SD5"]


def test_a_lower_case_line_at_the_foot_of_a_page_is_no_header(tmp_path: Path) -> None:
    """'actieplan 2026 of het meerjarenplan.' ends a sentence of ELZOH's last action; with
    a footer right under it, it still is text, not a running header."""
    path = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        "actieplan 2026 of het meerjarenplan. \n",
        "actieplan 2026 of het meerjarenplan. \n\n  Pagina 23 van 24 \n",
    )
    plan = extract_file(path, enrich=False).plan
    assert plan.organisation == "Eerstelijnszone Zuidoost Hageland"
    texts = [
        a.text or ""
        for sd in plan.strategic_goals
        for od in sd.operational_goals
        for a in od.actions
    ]
    assert any("naar actieplan 2026 of het meerjarenplan." in t for t in texts)


def test_an_answer_typed_on_the_sub_part_line(tmp_path: Path) -> None:
    """'Wie is de trekker van de actie? ELZOH vzw' (ELZOH lines 165-166 on one line): the
    lead is the answer, and no finding says the part is missing."""
    path = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        "Wie is de trekker van de actie? \nELZOH vzw \n",
        "Wie is de trekker van de actie? ELZOH vzw \n",
    )
    plan = extract_file(path, enrich=False).plan
    action = plan.action("1.1-1")
    assert action.with_whom.lead == "ELZOH vzw"
    assert "trekker" not in (action.with_whom.text or "")
    missing = [
        f for f in plan.quality.findings if f.action_id == "1.1-1" and f.code == "part.missing"
    ]
    assert not [f for f in missing if "trekker" in f.message]


def test_labels_numbered_by_the_writer(tmp_path: Path) -> None:
    """'1. Wat?' … '6. Evaluatie' with the prompts deleted: every field keeps its answer
    (Kemp's first action)."""
    text = KEMP_TXT.read_text("utf-8")
    for n, label in enumerate(["Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?"], 1):
        text = text.replace(f"\n{label} \n", f"\n{n}. {label} \n")
    path = tmp_path / "kemp-numbered-labels.txt"
    path.write_text(text, "utf-8")
    original = extract_file(KEMP_TXT, enrich=False).plan.action("1.1-1")
    action = extract_file(path, enrich=False).plan.action("1.1-1")
    assert action.why is not None and action.why.text == original.why.text
    assert action.what.dont is not None
    assert [i.text for i in action.what.dont] == [i.text for i in original.what.dont]
    assert action.how.steps == original.how.steps


def test_a_bare_action_number_is_kept_out_of_the_title(tmp_path: Path) -> None:
    path = _rewrite(
        tmp_path, "Actie: ELZ Kemp en Duin denkt na", "1.1.1 ELZ Kemp en Duin denkt na", count=1
    )
    action = extract_file(path, enrich=False).plan.action("1.1-1")
    assert action.number == "1.1.1"
    assert action.title.startswith("ELZ Kemp en Duin denkt na over hoe er op de vergaderingen")


def test_invisible_characters_in_the_template(tmp_path: Path) -> None:
    """A soft hyphen inside a sub-part label (Kemp line 1459) and a zero-width space
    before every 'Waarom?' change nothing."""
    text = KEMP_TXT.read_text("utf-8")
    old = "welke samenwerkingen en \npartnerschappen"
    assert old in text
    text = text.replace(old, "welke samen\u00adwerkingen en \npartnerschappen")
    text = text.replace("\nWaarom? \n", "\n\u200bWaarom? \n")
    path = tmp_path / "kemp-invisible.txt"
    path.write_text(text, "utf-8")

    def fields(plan) -> list[tuple]:
        return [
            (a.id, a.why.text if a.why else None, a.with_whom.partnerships if a.with_whom else None)
            for sd in plan.strategic_goals
            for od in sd.operational_goals
            for a in od.actions
        ]

    original = fields(extract_file(KEMP_TXT, enrich=False).plan)
    assert any(p for _, _, p in original)  # the sample has a partnerships answer
    assert fields(extract_file(path, enrich=False).plan) == original


def test_a_sub_part_question_with_its_answer_needs_no_blank_line(tmp_path: Path) -> None:
    """Kemp lines 381-387 without blank lines and the trekker typed after the question:
    the whole question of a sub-part opens it wherever its line stands."""
    text = KEMP_TXT.read_text("utf-8")
    leden = "- Leden van de algemene vergadering ELZ Kemp en Duin  \n"
    old = leden + "\n \n\nWie is de trekker van de actie? \nELZ Kemp en Duin  \n"
    assert old in text
    new = leden + "Wie is de trekker van de actie? ELZ Kemp en Duin  \n"
    path = tmp_path / "kemp-trekker.txt"
    path.write_text(text.replace(old, new, 1), "utf-8")
    action = extract_file(path, enrich=False).plan.action("1.1-1")
    assert action.with_whom.lead == "ELZ Kemp en Duin"
    assert [g.text for g in action.for_whom.target_groups] == [
        "Bestuursleden ELZ Kemp en Duin",
        "Leden van de algemene vergadering ELZ Kemp en Duin",
    ]


def _all_actions(plan) -> list:
    return [a for sd in plan.strategic_goals for od in sd.operational_goals for a in od.actions]


@pytest.mark.parametrize("heading", ["Planning", "Planning:", "TIJDSLIJN"])
def test_a_section_name_typed_inside_an_answer_is_answer_text(tmp_path: Path, heading: str) -> None:
    """A writer heads the steps of 'Hoe?' with 'Planning' (an alias of the Tijdslijn
    section): the form goes on under it (its milestones and Evaluatie follow), so the
    line is a line of the answer, not a section that ends the goals."""
    prompt = "Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt. \n"
    path = _rewrite(tmp_path, prompt, prompt + heading + "\n")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    assert [s.title for s in plan.sections] == [s.title for s in original.sections]
    actions, before = _all_actions(plan), _all_actions(original)
    assert [a.title for a in actions] == [a.title for a in before]
    assert len(actions) == 12
    first = actions[0]
    assert first.title.startswith("ELZ Kemp en Duin denkt na over hoe er op de vergaderingen")
    assert first.how.steps[0].text == heading
    assert [i.text for i in first.how.steps][1:] == [i.text for i in before[0].how.steps]
    assert first.how.steps[0].pages == [12]
    assert [i.text for i in first.how.milestones] == [i.text for i in before[0].how.milestones]
    assert first.evaluation == before[0].evaluation


def test_a_title_prefix_naming_the_row_is_stripped(tmp_path: Path) -> None:
    """'Titel actie: …' (the form's first row named): the words are not the title, and a
    title longer than the answers does not move their margin (the items of 'Hoe?' that
    wrap at the margin stay whole)."""
    path = _rewrite(tmp_path, "\nActie: ", "\nTitel actie: ")
    plan = extract_file(path, enrich=False).plan
    actions = _all_actions(plan)
    assert len(actions) == 12
    registers = next(a for a in actions if "registreren op de Sociale Kaart" in a.title)
    assert registers.title.startswith("ELZ Kemp en Duin stimuleert eerstelijnsactoren")
    assert registers.how.steps[0].text == (
        "Stafmedewerkers volgen de opleidingen die georganiseerd worden door het Departement "
        "Zorg en betrekking hebben op het beheer van de Sociale kaart."
    )
    assert not any(a.title.lower().startswith("titel") for a in actions)


@pytest.mark.parametrize("sample", [KEMP_TXT, ELZOH_TXT], ids=["kemp", "elzoh"])
def test_an_annex_that_names_the_goals_opens_none(tmp_path: Path, sample: Path) -> None:
    """A budget annex after the goals repeats each SD heading with amounts under it: the
    headings name goals the plan has, so they stay the annex's text, and the amounts
    (rising like page numbers, but a few lines apart) are no running footers."""
    lines = sample.read_text("utf-8").splitlines()
    headings = list(dict.fromkeys(s.strip() for s in lines if "Strategische doelstelling " in s))
    annex = ["", "Bijlage 1: Budget per strategische doelstelling", ""]
    for k, heading in enumerate(headings):
        annex += [heading, f"Personeelskost: € {12 + k} 000", f"Werkingskost: € {3 + k} 500", ""]
    path = tmp_path / sample.name
    path.write_text("\n".join(lines + annex), "utf-8")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(sample, enrich=False).plan
    assert [(sd.id, sd.title) for sd in plan.strategic_goals] == [
        (sd.id, sd.title) for sd in original.strategic_goals
    ]
    assert [a.id for a in _all_actions(plan)] == [a.id for a in _all_actions(original)]
    section = plan.sections[-1]
    assert section.title == "Bijlage 1: Budget per strategische doelstelling"
    assert section.kind == "annex"
    assert "Personeelskost: € 12 000" in section.text
    assert "Werkingskost: € 4 500" in section.text
    assert plan.extraction.lines_unassigned == 0


def test_a_goal_named_at_the_start_of_a_wrapped_line_is_text(tmp_path: Path) -> None:
    """'… Deze actie sluit aan bij' / 'OD 1.3 en draagt bij aan …': the sentence goes on
    over the line break, so 'OD 1.3' there names a goal; it opens none."""
    path = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        "maximaliseren. We sluiten met deze actie aan op OD 1.3. \n",
        "maximaliseren. Deze actie sluit aan bij\nOD 1.3 en draagt bij aan een betere interne "
        "communicatie.\n",
    )
    path = _rewrite_sample(
        tmp_path, path, "in 2024 (SD 1, OD 1.2) zijn er", "in 2024 binnen\nSD 1 zijn er"
    )
    plan = extract_file(path, enrich=False).plan
    original = extract_file(ELZOH_TXT, enrich=False).plan
    assert [(od.id, od.title) for sd in plan.strategic_goals for od in sd.operational_goals] == [
        (od.id, od.title) for sd in original.strategic_goals for od in sd.operational_goals
    ]
    first = _all_actions(plan)[0]
    assert first.what.text.endswith(
        "Deze actie sluit aan bij OD 1.3 en draagt bij aan een betere interne communicatie."
    )
    assert first.evaluation == _all_actions(original)[0].evaluation
    narrative = next(a for a in _all_actions(plan) if "binnen SD 1 zijn er" in (a.text or ""))
    assert narrative.text.startswith("Uit de actie ‘ELZOH gaat de boer op’ in 2024 binnen SD 1")


def test_a_label_word_that_ends_a_sentence_on_its_own_line_is_text(tmp_path: Path) -> None:
    """'… in het bereiken van specifieke' / 'doelgroepen.': the last word of a sentence,
    wrapped alone onto a line, reads as the sub-part 'Doelgroep(en)' but is text (in a
    section of Algemeen, and inside an answer of 'Waarom?')."""
    path = _rewrite(
        tmp_path,
        "bereiken van specifieke doelgroepen. \n",
        "bereiken van specifieke\ndoelgroepen. \n",
    )
    path = _rewrite_sample(
        tmp_path,
        path,
        "organisatie van de eerstelijnszorg. \n",
        "organisatie van de eerstelijnszorg voor alle\ndoelgroepen.\n",
    )
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    assert [a.id for a in _all_actions(plan)] == [a.id for a in _all_actions(original)]
    section = next(s for s in plan.sections if s.title.startswith("Communicatie naar specifieke"))
    assert "stappen gezet in het bereiken van specifieke doelgroepen." in section.text
    why = _all_actions(plan)[1].why.text
    assert why.endswith("organisatie van de eerstelijnszorg voor alle doelgroepen.")
    assert _all_actions(plan)[1].for_whom == _all_actions(original)[1].for_whom


def test_a_goal_number_alone_with_the_title_on_the_next_line(tmp_path: Path) -> None:
    """'Strategische doelstelling 1' on its line, its title on the next (no blank line):
    the next line is the title, however short the heading line."""
    text = KEMP_TXT.read_text("utf-8")
    text = re.sub(r"(?m)^(\s*(?:Strategische|Operationele) doelstelling [\d.]+) – ", r"\1\n", text)
    path = tmp_path / "number-alone.txt"
    path.write_text(text, "utf-8")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    assert [(sd.id, sd.title) for sd in plan.strategic_goals] == [
        (sd.id, sd.title) for sd in original.strategic_goals
    ]
    assert plan.strategic_goals[0].title == (
        "ELZ Kemp en Duin handelt naar de principes van goed bestuur"
    )
    assert [(od.id, od.title) for sd in plan.strategic_goals for od in sd.operational_goals] == [
        (od.id, od.title) for sd in original.strategic_goals for od in sd.operational_goals
    ]
    assert [a.title for a in _all_actions(plan)] == [a.title for a in _all_actions(original)]
    assert plan.extraction.lines_unassigned == 0


@pytest.mark.parametrize("prefix", ["Actie:", "Actie 1:", "Titel actie:"])
def test_an_action_word_alone_with_the_title_on_the_next_line(tmp_path: Path, prefix: str) -> None:
    """'Actie:' alone on its line and the title under it: the title is that line."""
    path = _rewrite(tmp_path, "\nActie: ", f"\n{prefix}\n")
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    actions = _all_actions(plan)
    assert [a.title for a in actions] == [a.title for a in _all_actions(original)]
    assert actions[1].title.startswith("ELZ Kemp en Duin gaat het gesprek aan door een")
    assert all(a.text == "" for a in actions if a.kind == "template")
    assert {a.number for a in actions} == ({"1"} if prefix == "Actie 1:" else {None})


def test_a_heading_whose_second_sentence_starts_a_line(tmp_path: Path) -> None:
    """OD 2.1's title is two sentences; the first ends at a line end and the second starts
    the next line (no blank line). With the next action's 'Actie:' title right under it,
    the second sentence has no action of its own: it is the rest of the title."""
    old = "van de lokale besturen. Deze \nafstemming gebeurt in dialoog"
    new = "van de lokale besturen. \nDeze afstemming gebeurt in dialoog"
    path = _rewrite(tmp_path, old, new)
    plan = extract_file(path, enrich=False).plan
    original = extract_file(KEMP_TXT, enrich=False).plan
    od = plan.strategic_goals[1].operational_goals[0]
    assert od.number == "2.1"
    assert od.title == original.strategic_goals[1].operational_goals[0].title
    assert od.title.endswith(
        "Deze afstemming gebeurt in dialoog met de lokale besturen en de "
        "verschillende belanghebbenden."
    )
    assert [a.id for a in od.actions] == ["2.1-1"]
    assert od.actions[0].title.startswith("ELZ Kemp en Duin gaat het gesprek aan")


def test_a_label_word_with_its_answer_inside_another_answer_is_text(tmp_path: Path) -> None:
    """'Partners: andere ELZ's en hun leden.' in ELZOH's 'Hoe?' (Met wie? came before; the
    form goes on with Evaluatie) and 'Doelgroep: …' in Kemp en Duin's 'Waarom?' (the real
    'Voor wie?' comes after it): lines of those answers, no new form, no early field."""
    elzoh = _rewrite_sample(
        tmp_path,
        ELZOH_TXT,
        "• ELZOH informeert begin 2025 bij andere ELZ",
        "Partners: andere ELZ’s en hun leden.\n\n• ELZOH informeert begin 2025 bij andere ELZ",
    )
    plan = extract_file(elzoh, enrich=False).plan
    original = extract_file(ELZOH_TXT, enrich=False).plan
    assert [a.title for a in _all_actions(plan)] == [a.title for a in _all_actions(original)]
    first, before = _all_actions(plan)[0], _all_actions(original)[0]
    assert first.how.text.startswith("Partners: andere ELZ’s en hun leden.\n• ELZOH informeert")
    assert first.with_whom == before.with_whom
    assert first.evaluation == before.evaluation

    kemp = _rewrite(
        tmp_path,
        "\nDe werking van de ELZ en lokale besturen is nauw verbonden",
        "\nDoelgroep: vooral de kleinere gemeenten hebben hier nood aan.\n"
        "De werking van de ELZ en lokale besturen is nauw verbonden",
    )
    plan = extract_file(kemp, enrich=False).plan
    second, before = (
        _all_actions(plan)[1],
        _all_actions(extract_file(KEMP_TXT, enrich=False).plan)[1],
    )
    assert second.why.text.startswith(
        "Doelgroep: vooral de kleinere gemeenten hebben hier nood aan."
    )
    assert second.for_whom == before.for_whom
    assert [i.text for i in second.for_whom.target_groups] == [
        "Lokale besturen ELZ Kemp en Duin",
        "Burger ELZ Kemp en Duin",
    ]
