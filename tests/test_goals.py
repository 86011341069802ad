"""The goal tree of both real plans, checked against the documents by reading them."""

from __future__ import annotations

from planextract.models.plan import Plan

ELZOH_GOALS = [
    (
        "1",
        "ELZOH komt tot goed bestuur",
        [
            (
                "1.1",
                "Professionaliseren van onze governance – Tegen medio 2025 aligneren we ELZOH "
                "volgens de principes van goed bestuur",
            ),
            (
                "1.2",
                "ELZOH richt zich op de toekomst door tegen 2026 een open "
                "organisatienetwerk te zijn",
            ),
            (
                "1.3",
                "Tegen 2026 ontwikkelen we een breed gedragen communicatieplan om de interne en "
                "externe communicatie te stroomlijnen en onze doelstellingen mee te helpen "
                "waarmaken",
            ),
        ],
    ),
    (
        "2",
        "ELZOH werkt aan participatie en krachtgerichte netwerken",
        [
            (
                "2.1",
                "Betrekken van vrijwilligers, mantelzorgers, ervaringswerkers en burgers in onze "
                "werking",
            ),
        ],
    ),
    (
        "3",
        "In Zuidoost Hageland is preventie- en vroeg-detectie geïntegreerd in de dagelijkse "
        "werking van zorg- en welzijnspartners",
        [
            (
                "3.1",
                "Zuidoost Hageland neemt een trekkersrol op zich om de pionier te zijn met "
                "betrekking op sensibilisatie van preventie en vroeg detectie van "
                "ontwikkelingstrauma",
            ),
            (
                "3.2",
                "Tegen 2025 zorgt ELZOH dat het concept zorgzame buurten (buurtgerichte zorg) "
                "gekend is in de regio en dat er via kruisbestuivingen nieuwe initiatieven kunnen "
                "bestaan",
            ),
            (
                "3.3",
                "Tegen 2026 zijn, samen met de andere partners van de nulde tot de derde lijn in "
                "Zuidoost Hageland, zaadjes geplant om de volgende stap naar geïntegreerde zorg te "
                "zetten.",
            ),
        ],
    ),
]

PREVENTIE = (
    "ELZ Kemp en Duin stimuleert preventief aanbod ter bevordering van de algehele "
    "mentale en fysieke gezondheid van de PZON"
)
KORTE_LIJNEN = (
    "ELZ Kemp en Duin streeft naar een snelle en efficiënte communicatie door middel "
    "van korte communicatielijnen"
)

KEMP_GOALS = [
    (
        "1",
        "ELZ Kemp en Duin handelt naar de principes van goed bestuur",
        [
            (
                "1.1",
                "Het (re)organiseren van de AV, BO en DB om de werking van de ELZ te verbeteren",
            ),
        ],
    ),
    (
        "2",
        "ELZ Kemp en Duin werkt data-gedreven, complementair en met gedragenheid",
        [
            (
                "2.1",
                "ELZ Kemp en Duin stemt haar beleids- en actieplan af op gemeenschappelijke punten "
                "in de meerjarenplannen van de lokale besturen. Deze afstemming gebeurt in dialoog "
                "met de lokale besturen en de verschillende belanghebbenden.",
            ),
            (
                "2.2",
                "DE ELZ streeft naar data-gedreven werken, om zo de acties die opgenomen worden in "
                "de actieplannen beter te kunnen duiden en nadien hun impact te meten.",
            ),
        ],
    ),
    # The plan reuses number 2 with another title: kept as a goal of its own.
    (
        "2",
        PREVENTIE,
        [
            (
                "2.3",
                "ELZ Kemp en Duin ontwikkelt een strategie om clusterwerking binnen de zorgraad te "
                "faciliteren en optimaliseren.",
            ),
        ],
    ),
    (
        "4",
        "Interprofessionele communicatie en afstemming",
        [
            (
                "4.1",
                "Binnen ELZ Kemp en Duin is er een helder zicht op het (lokale) zorg- en "
                "welzijnsaanbod",
            ),
            (
                "4.5",
                "Bestaande samenwerkingsverbanden voor kennismaking, samenwerking en warme "
                "doorverwijzing stimuleren, ondersteunen en breder bekend maken door partners uit "
                "het netwerk te betrekken",
            ),
            ("4.5", KORTE_LIJNEN),
            ("4.2", KORTE_LIJNEN),
            (
                "4.5",
                "Verbeteren van afstemming, samenwerking en communicatie tussen eerste en tweede "
                "lijn.",
            ),
        ],
    ),
    (
        "5",
        PREVENTIE,
        [
            (
                "5.1",
                "ELZ Kemp en Duin zet in op de promotie en verduurzaming van bestaande "
                "preventieve- en sensibiliseringsacties. Zowel lokale, provinciale als "
                "Vlaamse initiatieven waarbij bovenlokaal georganiseerde acties aangepast "
                "worden aan de lokale context.",
            ),
            (
                "5.4",
                "ELZ Kemp en Duin pleit voor het inzetten van populatiemanagement bij het bepalen "
                "van lokale acties",
            ),
            (
                "5.5",
                "Preventie wordt geïntegreerd in de basishulpverlening door de juiste communicatie "
                "en sensibilisering.",
            ),
        ],
    ),
]


def tree(plan: Plan) -> list:
    return [
        (sd.number, sd.title, [(od.number, od.title) for od in sd.operational_goals])
        for sd in plan.strategic_goals
    ]


def test_elzoh_goal_tree(elzoh: Plan) -> None:
    assert tree(elzoh) == ELZOH_GOALS
    assert len(elzoh.strategic_goals) == 3
    assert sum(len(sd.operational_goals) for sd in elzoh.strategic_goals) == 7


def test_kemp_goal_tree(kemp: Plan) -> None:
    assert tree(kemp) == KEMP_GOALS


def test_kemp_repeated_headings_are_merged(kemp: Plan) -> None:
    # SD 4 stands before each of its five actions; SD 5 before each of its three.
    occurrences = {sd.id: sd.occurrences for sd in kemp.strategic_goals}
    assert occurrences == {"SD1": 1, "SD2": 2, "SD2b": 1, "SD4": 5, "SD5": 3}


def test_reused_numbers_get_distinct_ids(kemp: Plan) -> None:
    od_ids = [od.id for sd in kemp.strategic_goals for od in sd.operational_goals]
    assert od_ids == [
        "OD1.1",
        "OD2.1",
        "OD2.2",
        "OD2.3",
        "OD4.1",
        "OD4.5",
        "OD4.5b",
        "OD4.2",
        "OD4.5c",
        "OD5.1",
        "OD5.4",
        "OD5.5",
    ]


def test_reused_numbers_are_flagged(kemp: Plan, elzoh: Plan) -> None:
    codes = [f.code for f in kemp.quality.findings]
    assert codes.count("goal.sd_number_reused") == 1
    assert codes.count("goal.od_number_reused") == 1
    od = next(f for f in kemp.quality.findings if f.code == "goal.od_number_reused")
    assert "4.5 komt 3 keer voor" in od.message
    assert not any(f.code.endswith("number_reused") for f in elzoh.quality.findings)


def test_plan_metadata(elzoh: Plan, kemp: Plan) -> None:
    assert elzoh.organisation == "Eerstelijnszone Zuidoost Hageland"
    assert kemp.organisation == "ELZ Kemp en Duin"
    assert elzoh.year == kemp.year == 2025
    assert elzoh.source.pages == 24
    assert kemp.source.pages == 36


def test_sections(elzoh: Plan, kemp: Plan) -> None:
    assert [s.title for s in elzoh.sections] == [
        "Inleiding",
        "Communicatie naar specifieke doelgroepen",
        "Functioneren als netwerkorganisatie",
        "Tijdslijn",
        "Acties 2025",
        "BIJLAGE I",
    ]
    assert [s.title for s in kemp.sections] == [
        "Instructies",
        "Algemeen",
        "Communicatie naar specifieke doelgroepen",
        "Functioneren als netwerkorganisatie",
        "Tijdslijn",
        "Acties 2025",
    ]
    inleiding = elzoh.sections[0].text
    assert inleiding.startswith("Pas in februari 2024, na periode van personeelswissels")
    assert inleiding.endswith("Wij, de zorgraad, wensen jullie alvast veel leesgenot.")
    netwerk = kemp.sections[3].text
    assert "(4) Up-to-date houden van GGZ-kompas" in netwerk.splitlines()
    assert netwerk.endswith("actief betrekken van het netwerk")
    assert [s.level for s in kemp.sections] == [1, 1, 2, 2, 1, 1]
