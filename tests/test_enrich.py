"""Enrichment (partners, periods, targets) and sentence items, checked against the documents.

Line numbers in comments point into samples/*.txt.
"""

from __future__ import annotations

import subprocess
import sys
from copy import deepcopy

import pytest
from conftest import KEMP_TXT, texts

from planextract.enrich.apply import enrich_plan
from planextract.enrich.periods import parse_periods
from planextract.enrich.targets import parse_targets
from planextract.models.plan import Action, Plan
from planextract.pipeline import extract_file


def partners(action: Action, field: str) -> set[str]:
    return {p.name for p in action.partners if p.field == field}


def period(action: Action, text: str):
    found = [p for p in action.periods if p.text == text]
    assert found, [p.text for p in action.periods]
    return found[0]


def targets(action: Action, etype: str) -> list[tuple]:
    ev = getattr(action.evaluation, etype)
    return [(t.quantity, t.unit, t.comparator, t.frequency) for t in ev.targets]


ALL_YEAR = list(range(1, 13))


# -- partners ------------------------------------------------------------------------------
def test_partners_of_elzoh_actions(elzoh: Plan) -> None:
    gesprek = elzoh.action("1.2-1")  # 318, 323
    assert partners(gesprek, "with_whom.lead") == {"ELZ Zuidoost Hageland", "GBO", "Logo"}
    assert partners(gesprek, "with_whom.stakeholders") == {"GBO", "Logo", "Lokale besturen"}
    vaph = elzoh.action("1.2-2")  # 423-424: 'door het departement', VAPH, Opgroeien
    assert partners(vaph, "for_whom.target_groups") == {"Departement Zorg", "VAPH", "Opgroeien"}
    ace = elzoh.action("3.1-1")  # 877-879
    assert partners(ace, "with_whom.stakeholders") == {
        "Opgroeien",
        "Bakermat",
        "Perinti",
        "Huizen van het Kind",
        "Regionaal Ziekenhuis Tienen",
        "Ervaringsdeskundigen",
    }
    unknown = {p.name: (p.type, p.match) for p in ace.partners if p.match == "name"}
    assert unknown == {"Bakermat": ("unknown", "name"), "Perinti": ("unknown", "name")}


def test_partners_of_kemp_actions(kemp: Plan) -> None:
    gbo = kemp.action("4.5-1")  # 1043-1045
    assert partners(gbo, "with_whom.stakeholders") == {
        "GBO",
        "CAW",
        "DMW",
        "Mutualiteiten",
        "Lokale besturen",
        "ELZ Kemp en Duin",
        "Huisartsen",
    }
    assert partners(gbo, "for_whom.target_groups") >= {"Huisartsen", "CAW", "OCMW", "DMW"}
    transmuraal = kemp.action("4.5c-1")  # 1452-1453
    assert partners(transmuraal, "with_whom.lead") == {"ZOL", "ELZ Kemp en Duin", "ELZ Maasland"}
    own = {p.name: p.own for p in transmuraal.partners if p.field == "with_whom.lead"}
    assert own == {"ZOL": False, "ELZ Kemp en Duin": True, "ELZ Maasland": False}
    logo = kemp.action("5.5-1")  # 1885-1886: 'LOGO' -> Logo, the text kept as written
    found = {(p.name, p.text) for p in logo.partners if p.field == "with_whom.stakeholders"}
    assert found == {("Logo", "LOGO"), ("IGP", "IGP")}
    trauma = kemp.action("5.1-1")  # 1633: 'Campus 03' (zero) is a spelling of Campus O3
    fuzzy = [p for p in trauma.partners if p.match == "fuzzy"]
    assert [(p.name, p.text, p.field) for p in fuzzy] == [("Campus O3", "Campus 03", "how.steps")]
    # provenance: the pages of the list item the name was read from
    ww = trauma.with_whom
    assert ww is not None and ww.stakeholders is not None
    campus = next(p for p in trauma.partners if p.field == "with_whom.stakeholders")
    assert campus.pages == ww.stakeholders[0].pages != []


def test_section_partners(elzoh: Plan) -> None:
    comm = next(s for s in elzoh.sections if s.title == "Communicatie naar specifieke doelgroepen")
    assert {"VAPH", "Opgroeien", "Lokale besturen", "OCMW"} <= {p.name for p in comm.partners}


# -- periods -------------------------------------------------------------------------------
def test_periods_in_how_and_criteria(elzoh: Plan, kemp: Plan) -> None:
    lsb = elzoh.action("1.2-1")  # 331-338, 350, 358, 361
    p = period(lsb, "december 2024 – januari 2025")
    assert (p.start_year, p.start_month, p.end_year, p.end_month, p.months) == (
        2024,
        12,
        2025,
        1,
        [1],
    )
    assert period(lsb, "februari 2025").months == [2]
    assert period(lsb, "maart 2025 – 31 mei 2025").months == [3, 4, 5]
    summer = period(lsb, "tegen de zomer van 2025")
    assert (summer.relation, summer.end_month, summer.months) == ("by", 6, [1, 2, 3, 4, 5, 6])
    assert "approximate" in summer.flags and summer.field == "evaluation.output.criteria"
    old = period(lsb, "31/05/2024")
    assert old.months == [] and old.flags == ["outside_plan_year"]

    comm = elzoh.action("1.3-1")  # 536-537: no year written, the plan's year is taken
    jan = period(comm, "jan – maart")
    assert jan.months == [1, 2, 3] and jan.flags == ["year_inferred"]
    assert period(comm, "maart – september").months == [3, 4, 5, 6, 7, 8, 9]

    pzon = elzoh.action("2.1-1")  # 648-651, typographic apostrophes
    assert period(pzon, "januari ‘25").months == [1]
    assert period(pzon, "Juni ‘25").months == [6]
    assert period(pzon, "September/oktober ‘25").months == [9, 10]

    ace = elzoh.action("3.1-1")  # 886
    p = period(ace, "oktober ‘24 – februari ‘25")
    assert (p.start_year, p.start_month, p.months) == (2024, 10, [1, 2])

    it = elzoh.action("1.1-1")  # 140, 180-188
    assert period(it, "sept – dec 2024").flags == ["outside_plan_year"]
    assert period(it, "begin 2025").months == [1, 2, 3]
    assert period(it, "eind 2025").months == [10, 11, 12]
    vanaf = period(it, "vanaf januari 2025")
    assert (vanaf.relation, vanaf.months) == ("from", ALL_YEAR)

    medio = period(elzoh.action("3.2-1"), "vanaf medio 2025")  # 927
    assert medio.months == [6, 7, 8, 9, 10, 11, 12] and "approximate" in medio.flags

    transmuraal = kemp.action("4.5c-1")  # 1517
    assert period(transmuraal, "tegen eind mei 2025").months == [1, 2, 3, 4, 5]


def test_ambiguous_periods_are_flagged_not_guessed(elzoh: Plan, kemp: Plan) -> None:
    academic = period(kemp.action("4.5c-1"), "2023/2024")  # 1412: working or calendar years?
    assert academic.flags == ["ambiguous"] and academic.months == []
    assert (academic.start_year, academic.start_month, academic.end_year) == (2023, None, 2024)
    komend = period(kemp.action("4.1-1"), "Het komende jaar")  # 923: relative to writing
    assert komend.flags == ["ambiguous"] and komend.months == [] and komend.end_year is None
    voor = period(elzoh.action("3.2-1"), "Voor 2025")  # 926: 'for 2025' or 'before 2025'
    assert voor.flags == ["ambiguous"] and voor.months == []
    tegen = period(elzoh.action("3.3-2"), "Tegen 2040")  # 990
    assert tegen.flags == ["ambiguous"] and tegen.end_year == 2040 and tegen.end_month is None


def test_periods_in_timeline_cells_go_to_the_scheduled_action(kemp: Plan) -> None:
    # No cell of Kemp en Duin's grids names a date (their months are the rows); a copy
    # with one network-lunch cell reworded shows where a written period goes.
    assert not any(p.field.startswith("timeline.") for a in kemp.actions() for p in a.periods)
    plan = deepcopy(kemp)
    assert plan.timeline is not None
    lunches = plan.timeline.tables[1].rows[2]  # Maart, column 0: 4.5b-1 (line 275)
    assert lunches.cells[0] == "Netwerklunches"
    lunches.cells[0] = "Netwerklunches (tot eind april)"
    enrich_plan(plan)
    found = [p for p in plan.action("4.5b-1").periods if p.field.startswith("timeline.")]
    assert [(p.text, p.field, p.pages) for p in found] == [
        ("eind april", "timeline.tables[1].rows[2].cells[0]", lunches.details[0].pages)
    ]


@pytest.mark.parametrize(
    ("text", "months", "flags"),
    [
        ("februari 2025", [2], []),
        ("Juni '25", [6], []),
        ("medio 2025", [6, 7], ["approximate"]),
        ("najaar", [9, 10, 11], ["approximate", "year_inferred"]),
        ("Q3", [7, 8, 9], ["year_inferred"]),
        ("derde kwartaal 2025", [7, 8, 9], []),
        ("tegen 2026", [], ["ambiguous"]),
        ("winter", [], ["ambiguous", "approximate"]),
        ("van januari tot juni 2025", [1, 2, 3, 4, 5, 6], []),
    ],
)
def test_parse_periods_is_a_pure_function(text: str, months: list[int], flags: list[str]) -> None:
    (p,) = parse_periods(text, 2025)
    assert (p.months, p.flags) == (months, flags)
    # the same words against another plan year
    if "year_inferred" in flags:
        assert parse_periods(text, 2026)[0].start_year == 2026


# -- targets -------------------------------------------------------------------------------
def test_targets_of_kemp_criteria(kemp: Plan) -> None:
    comm = kemp.action("4.2-1")  # 1369-1372
    assert targets(comm, "process") == [
        (1, "nieuwsbrief", ">=", "P2M"),
        (1, "keer", ">=", "P1Y"),
        (1, "post", ">=", "P2W"),
    ]
    sessie = kemp.action("2.1-1")  # 561: two targets in one criterion
    assert targets(sessie, "output") == [
        (2, "raakvlakken", ">=", None),
        (2, "opportuniteiten", ">=", None),
    ]
    assert targets(sessie, "outcome") == [(1, "overlegmoment", ">=", "P1Y")]  # 566
    gbo = kemp.action("4.5-1")  # 1076, 1083-1085
    assert targets(gbo, "process") == [(4, "keer", ">=", "P1Y")]
    (pct,) = gbo.evaluation.output.targets  # type: ignore[union-attr]
    assert (pct.quantity, pct.unit, pct.comparator, pct.of) == (
        90,
        "%",
        ">=",
        "deze kwetsbare burgers",
    )
    lunch = kemp.action("4.5b-1")  # 1238-1245
    assert targets(lunch, "process") == [
        (1, "netwerklunch", "=", None),
        (10, "deelnemers", ">=", None),
    ]
    assert lunch.evaluation.process.targets[1].per == "netwerklunch"  # type: ignore[union-attr]
    assert targets(lunch, "output") == [(75, "%", "=", None)]
    assert targets(kemp.action("4.5c-1"), "process") == [  # 1511-1512
        (None, None, None, "P1M"),
        (1, "keer", ">=", "P3M"),
    ]
    assert targets(kemp.action("5.5-1"), "process") == [  # 1920-1922
        (1, "overlegmoment", ">=", "P3M"),
        (2, "nieuwe acties", ">=", None),
    ]
    assert targets(kemp.action("2.3-1"), "output") == [  # 816-818: a number word
        (3, "noden/behoeften", ">=", None),
        (5, "nieuwe leden", ">=", None),
    ]


def test_targets_of_elzoh_criteria(elzoh: Plan) -> None:
    assert targets(elzoh.action("2.1-1"), "output") == [(3, "cluster-overlegmomenten", "=", None)]
    (vorming,) = elzoh.action("3.1-1").evaluation.output.targets  # type: ignore[union-attr]
    assert (vorming.quantity, vorming.quantity_max, vorming.unit) == (
        2,
        3,
        "georganiseerde vormingen",
    )
    # 358-364: 'alle 9 lokale besturen'; the date 31/05/2024 is no quantity.
    assert targets(elzoh.action("1.2-1"), "output") == [
        (9, "lokale besturen", "=", None),
        (9, "lokale besturen", "=", None),
    ]
    assert elzoh.action("1.1-1").evaluation.output.targets == []  # type: ignore[union-attr]


def test_no_target_from_a_reference_or_a_code() -> None:
    # kemp-en-duin 1083: 'de twee huisartsenpraktijken' are known, not a commitment.
    assert (
        parse_targets("We meten het aantal kwetsbare burgers in de twee huisartsenpraktijken") == []
    )
    assert parse_targets("Medewerker campus O3 en ELZ overleggen") == []


# -- wiring --------------------------------------------------------------------------------
def test_enrichment_can_be_skipped() -> None:
    plan = extract_file(KEMP_TXT, enrich=False).plan
    assert plan.enriched is False
    assert all(not a.partners and not a.periods for a in plan.actions())


def test_enriched_flag_and_text_kept(kemp: Plan) -> None:
    assert kemp.enriched is True
    # enrichment adds keys, it never rewrites the document's words
    crit = kemp.action("4.2-1").evaluation.process  # type: ignore[union-attr]
    assert crit is not None
    assert texts(crit.criteria)[0] == "Er wordt tweemaandelijks minstens één nieuwsbrief verstuurd."


def test_commands_that_read_no_plan_do_not_load_spacy() -> None:
    """spaCy loads lazily: `schema` (or --help) starts without it."""
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from planextract.cli import main\n"
        "assert CliRunner().invoke(main, ['schema']).exit_code == 0\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_no_enrich_reads_a_plan_without_spacy() -> None:
    """Splitting list answers into sentences is a core step with rules of its own: a plan
    read with --no-enrich never imports spaCy, and its sentence items are still split."""
    code = (
        "import sys\n"
        "from planextract.pipeline import extract_file\n"
        f"plan = extract_file({str(KEMP_TXT)!r}, enrich=False).plan\n"
        "crit = plan.action('4.2-1').evaluation.process\n"
        "print(crit.criteria[0].text)\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["Er wordt tweemaandelijks minstens één nieuwsbrief verstuurd.", "False"]


def test_pipeline_built_once_with_the_slash_infix() -> None:
    from planextract.enrich.nlp import pipeline
    from planextract.rules.profile import load_profile

    reflow = load_profile().reflow
    nlp = pipeline(reflow)
    assert pipeline(reflow) is nlp  # once per process
    # Kemp en Duin writes "PZON/burger": the slash separates names, abbreviations stay whole.
    words = [t.text for t in nlp.make_doc("de PZON/burger, bv. o.a. de huisartsen")]
    assert words == ["de", "PZON", "/", "burger", ",", "bv.", "o.a.", "de", "huisartsen"]


def test_words_judged_name_like_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch worker keeps the table of judged words across plans: it is cleared when
    full, and the candidates found are the same."""
    from planextract.enrich import orgs
    from planextract.enrich.nlp import pipeline
    from planextract.rules.profile import load_profile

    nlp = pipeline(load_profile().reflow)
    doc = nlp("Samen met Campus 03, Perinti en het Huis van het Kind Tienen (PZON).")
    orgs._KINDS.clear()
    unbounded = [span.text for span in orgs._candidates(doc, set())]
    orgs._KINDS.clear()
    monkeypatch.setattr(orgs, "_MAX_KINDS", 4)
    bounded = [span.text for span in orgs._candidates(doc, set())]
    assert bounded == unbounded and "Campus 03" in unbounded
    assert 0 < len(orgs._KINDS) <= 4


def test_a_pipeline_grown_past_its_bound_is_built_afresh_with_the_same_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """spaCy keeps every word it has seen; a batch worker's pipeline is rebuilt past
    MAX_STRINGS, and the plan's partners, periods and targets are the same."""
    from planextract.enrich import nlp
    from planextract.pipeline import plan_to_json
    from planextract.rules.profile import load_profile

    profile = load_profile()
    before = plan_to_json(extract_file(KEMP_TXT, profile).plan)
    grown = nlp.pipeline(profile.reflow)
    assert len(grown.vocab.strings) > 1000
    monkeypatch.setattr(nlp, "MAX_STRINGS", 1000)
    after = plan_to_json(extract_file(KEMP_TXT, profile).plan)
    assert after == before
    assert nlp.pipeline(profile.reflow) is not grown
