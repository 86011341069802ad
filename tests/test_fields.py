"""Template fields and their sub-parts, checked against the documents."""

from __future__ import annotations

from conftest import texts

from planextract.models.plan import Plan
from planextract.pipeline import plan_to_json


def test_what_do_and_dont(kemp: Plan, elzoh: Plan) -> None:
    inspiratie = kemp.action("2.1-1").what
    assert inspiratie is not None
    assert inspiratie.text.startswith("ELZ Kemp en Duin organiseert een inspiratiesessie")
    assert texts(inspiratie.do) == [
        "In samenwerking met een externe partner wordt een inspiratiesessie georganiseerd",
        "Toelichten van beleids- en actieplan evenals inspiratienota ELZ Kemp en Duin",
        "Lokale besturen uitnodigen tot dialoog en de vraag om hun meerjarenplan toe te lichten",
        "Gemeenschappelijke raakvlakken bepalen",
        "Opportuniteiten bepalen",
        "Brainstormen over hoe de krachten gebundeld worden",
        "Samenwerking tussen lokale besturen en ELZ stimuleren",
    ]
    assert len(texts(inspiratie.dont)) == 1
    # ELZOH numbers the sub-parts 2) and 3) in this form.
    ace = elzoh.action("3.1-1").what
    assert ace is not None
    assert texts(ace.dont) == [
        "We werken geen nieuw project uit maar bouwen verder op wat er al bestaat"
    ]
    assert "Wat wensen we te behouden?" in texts(ace.do)
    # A form with only the 'wel doen' part: the 'niet doen' part is absent, hence null.
    it = elzoh.action("1.1-1").what
    assert it is not None and it.dont is None
    assert len(texts(it.do)) == 4


def test_unbulleted_lines_become_items(elzoh: Plan) -> None:
    what = elzoh.action("1.3-1").what
    assert what is not None
    assert texts(what.do) == [
        "Communicatiebeleid voor ELZOH opstellen a.d.h.v. werkgroep",
        "Onderhouden van huidige communicatiemiddelen.",
    ]


def test_sub_bullets_are_items_of_level_two(kemp: Plan, elzoh: Plan) -> None:
    how = kemp.action("2.1-1").how
    assert how is not None
    assert [(i.marker, i.level, i.text) for i in how.steps] == [
        ("-", 1, "Schepenen en sociale diensten lokale besturen uitnodigen"),
        ("-", 1, "Organisatie van inspiratiesessie"),
        ("o", 2, "Beleidsplan ELZ en inspiratie nota worden toegelicht."),
        ("o", 2, "Lokale besturen lichten hun meerjarenplan toe."),
        ("o", 2, "Raakvlakken en opportuniteiten bepalen."),
        ("o", 2, "Maken van afspraken"),
        ("-", 1, "Opstellen van een afsprakenkader"),
    ]
    events = elzoh.action("2.1-2").how
    assert events is not None
    assert texts(events.steps) == [
        "november 2024 - januari 2025: oproep werkgroep",
        "januari - december 2025:",
        "Plannen events",
        "Opstellen generiek draaiboek",
    ]


def test_for_whom_target_groups(kemp: Plan, elzoh: Plan) -> None:
    fw = kemp.action("4.5c-1").for_whom
    assert fw is not None
    assert texts(fw.target_groups) == [
        "Eerstelijnsactoren ELZ Kemp en Duin",
        "Zorg- en hulpverleners in 2de lijn (ZOL)",
        "Patiënten in transmurale overdracht tussen ZOL en ELZ Kemp en Duin en Maasland",
    ]
    # The prompt 'Lijst hier de doelgroep(en) op…' is template text, not an answer.
    comm = elzoh.action("1.3-1").for_whom
    assert comm is not None
    assert comm.text == "Zorgraad, leden/achterban (eerstelijnsactoren) en burgers"


def test_with_whom_parts(kemp: Plan, elzoh: Plan) -> None:
    # 'Wie is de trekker' before the 'Met wie?' label, which shares its line with a prompt.
    first = kemp.action("1.1-1").with_whom
    assert first is not None
    assert first.lead == "ELZ Kemp en Duin"
    assert first.council_role is not None
    assert first.council_role.startswith("De methodiek die gehanteerd wordt moet effectief")
    assert first.council_role.endswith(
        "Op dat moment neemt ELZ Kemp en Duin de rol op als toezichthouder."
    )
    # '/' means: present but empty.
    sociale_kaart = kemp.action("4.1-1").with_whom
    assert sociale_kaart is not None and sociale_kaart.council_role == ""
    assert texts(sociale_kaart.stakeholders) == [
        "Departement Zorg",
        "Lokale besturen",
        "Leden BO en AV",
        "Kringverantwoordelijken",
    ]
    # The extra question on partnerships, whose prompt wraps over two lines.
    transmuraal = kemp.action("4.5c-1").with_whom
    assert transmuraal is not None
    assert texts(transmuraal.partnerships) == [
        "De juiste actoren uit de eerste lijn bereiken en betrekken doorheen het verbetertraject "
        "(werving voor vragenlijsten, werving voor focusgroep, …)",
        "Samenwerking met Think3 lab en betrokken onderwijsinstellingen",
    ]
    assert transmuraal.lead == (
        "Samenwerkingsverband tussen ZOL – ELZ Kemp en Duin en ELZ Maasland "
        "(neutrale trekkersrol ligt bij ZOL)"
    )
    # ELZOH's form has no council-role question: null, not empty.
    it = elzoh.action("1.1-1").with_whom
    assert it is not None and it.council_role is None and it.lead == "ELZOH vzw"
    assert texts(it.stakeholders) == [
        "IT-bedrijven (nog te verhelderen eind 2024)",
        "Andere Eerstelijnszones",
        "Leden van ELZOH (partners in onze ELZ)",
        "Cranium (DPO ELZOH)",
    ]


def test_how_milestones(kemp: Plan, elzoh: Plan) -> None:
    how = kemp.action("2.2-1").how
    assert how is not None
    assert texts(how.milestones) == [
        "Contacteren + overlegmomenten plannen",
        "Kwalitatieve data analyseren",
        "Vragenlijst opstellen",
        "Valideren van vragenlijst",
        "Vragenlijst optimaliseren",
        "Vragenlijst breed verspreiden",
        "Resultaten",
    ]
    assert texts(how.steps)[0] == "Contacteren van Think3 lab"
    # ELZOH's form does not ask for milestones.
    assert all(a.how.milestones is None for a in elzoh.actions() if a.how is not None)


def test_evaluation_criteria(kemp: Plan, elzoh: Plan) -> None:
    ev = kemp.action("4.2-1").evaluation
    assert ev is not None and ev.process is not None
    assert texts(ev.process.criteria) == [
        "Er wordt tweemaandelijks minstens één nieuwsbrief verstuurd.",
        "Minstens 1x per jaar verschijnt er in alle gemeentebladen van onze lokale besturen een "
        "artikel over de ELZ.",
        "Om de twee weken verschijnt er minstens 1 post op onze sociale media.",
    ]
    # '/' under an unticked box: present and empty.
    assert ev.outcome is not None and ev.outcome.selected is False
    assert ev.outcome.criteria == [] and ev.outcome.text == ""
    # Criteria written under an unticked box are kept as written.
    transmuraal = kemp.action("4.5c-1").evaluation
    assert transmuraal is not None and transmuraal.outcome is not None
    assert transmuraal.outcome.selected is False
    assert texts(transmuraal.outcome.criteria) == ["Te bepalen per interventie"]
    pzon = elzoh.action("2.1-1").evaluation
    assert pzon is not None and pzon.output is not None
    assert texts(pzon.output.criteria) == [
        "Er zijn 3 cluster-overlegmomenten in 2025.",
        "En eind 2025 is er een voordracht van kandidaten voor het bestuursorgaan vanuit de "
        "cluster PZON.",
    ]
    assert pzon.output.label == "Resultaatgerichte evaluatie (Output)"
    assert pzon.output.glyph == "☒"


def test_running_headers_are_removed_inside_a_list(kemp: Plan) -> None:
    # The page footer 'Pagina 32 van 36' falls between these two criteria.
    ev = kemp.action("5.1-1").evaluation
    assert ev is not None and ev.process is not None
    assert texts(ev.process.criteria) == [
        "Medewerker campus O3, Coach OverHoop en ELZ overlegt minstens 1x per kwartaal",
        "Er zijn minstens 2 interventies bepaald die het project verankeren of verstevigen",
    ]


def test_no_header_or_footer_text_in_values(kemp: Plan, elzoh: Plan) -> None:
    for plan in (kemp, elzoh):
        dump = plan_to_json(plan)
        assert "Pagina " not in dump
        assert "Actieplan ELZ Kemp en Duin\\n" not in dump
        assert "Geef een korte beschrijving" not in dump  # prompts are stripped
        assert "Selecteer minstens één" not in dump


def test_wrapped_lines_and_compound_hyphens(kemp: Plan, elzoh: Plan) -> None:
    assert "bestuurlijke vzw-aangelegenheden" in kemp.action("1.1-1").title
    what = elzoh.action("2.1-2").what
    assert what is not None and "een vernieuwd ELZOH-team bij onze partners" in what.text
    why = kemp.action("4.5-1").why
    assert why is not None
    assert "de nodig zorg- en/of welzijnshulp geboden" in why.text
    assert "de GBO-visie verstevigd" in why.text
