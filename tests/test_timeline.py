"""The 'Tijdslijn' of the real plans: Kemp en Duin's two month x action tables rebuilt from
the flattened text export, ELZOH's timeline that only points to an annex."""

from __future__ import annotations

import tomllib

from conftest import SAMPLES

from planextract.models.plan import Plan, TimelineTable
from planextract.pipeline import Result
from planextract.rules.text import collapse

TRANSCRIPTION = SAMPLES / "kemp-en-duin-tijdslijn.toml"

# Read from the text export, lines 55-90 and 206-234.
TITLES = [
    [
        "Zoeken naar evenwicht tussen informeren over bestuurlijke vzw-aangelegenheden en "
        "participeren aan inhoudelijke discussie op de vergaderingen van BO en AV",
        "Organiseren van inspiratiesessie met schepenen en sociale diensten van de lokale "
        "besturen om het lokaal sociaal beleid af te stemmen.",
        "Uitvoeren van kwalitatief onderzoek bij de PZON/burger",
        "PZON/burger actiever betrekking in de werking van de ELZ",
        "Bekendmaking Sociale Kaart en gebruik ervan stimuleren",
        "Faciliteren en aangaan van structurele samenwerking met GBO",
    ],
    [
        "Organiseren van netwerklunches op wijkniveau/stads- of gemeentedeel",
        "Via diverse kanalen worden eigen activiteiten en ‘good practices gedeeld en "
        "benadrukt de meerwaarde hiervan voor de burger",
        "Project transmurale zorg i.s.m. ZOL en ELZ Maasland",
        "Stimuleren van traumasensitief werken",
        "In overleg gaan met lokale partners om beschikbare en relevante kwantitatieve data "
        "te delen en interpreteren",
        "Verduurzamen van samenwerking met Logo en IGP",
    ],
]
# The action each column schedules, with a word of its title that says so.
ACTIONS = [
    [
        ("1.1-1", "evenwicht"),
        ("2.1-1", "inspiratiesessie"),
        ("2.2-1", "kwalitatief onderzoek"),
        ("2.3-1", "PZON/burger actiever"),
        ("4.1-1", "Sociale Kaart"),
        ("4.5-1", "Geïntegreerd Breed Onthaal"),
    ],
    [
        ("4.5b-1", "netwerklunches"),
        ("4.2-1", "good practices"),
        ("4.5c-1", "transmurale zorg"),
        ("5.1-1", "traumasensitief"),
        ("5.4-1", "kwantitatieve data"),
        ("5.5-1", "Logo"),
    ],
]


def column(table: TimelineTable, c: int) -> dict[int, str]:
    """Month -> text of the non-empty cells of one column."""
    return {row.month: cell for row in table.rows if (cell := row.cells[c]) is not None}


def test_kemp_has_two_tables_with_all_twelve_titles(kemp: Plan) -> None:
    assert kemp.timeline is not None
    tables = kemp.timeline.tables
    assert [[c.title for c in t.columns] for t in tables] == TITLES
    assert [t.pages for t in tables] == [[9], [10]]
    assert [t.lines for t in tables] == [[55, 205], [206, 322]]
    for table in tables:
        assert [r.month for r in table.rows] == list(range(1, 13))
        assert [r.label for r in table.rows][:3] == ["Januari", "Februari", "Maart"]
        assert all(len(r.cells) == 6 and len(r.details) == 6 for r in table.rows)


def test_kemp_columns_link_to_their_actions(kemp: Plan) -> None:
    assert kemp.timeline is not None
    for table, expected in zip(kemp.timeline.tables, ACTIONS, strict=True):
        assert [c.action_id for c in table.columns] == [a for a, _ in expected]
        for col, (action_id, word) in zip(table.columns, expected, strict=True):
            assert word in kemp.action(action_id).title, (action_id, word)
            assert col.link_score is not None and col.title_score is not None
    assert kemp.timeline.unlinked_columns == []
    assert kemp.timeline.actions_without_column == []
    # 'Bekendmaking Sociale Kaart…' shares few words with its action's title: kept, flagged.
    sociale_kaart = kemp.timeline.tables[0].columns[4]
    assert sociale_kaart.link_uncertain
    assert not kemp.timeline.tables[1].columns[2].link_uncertain  # 'Project transmurale zorg…'


def test_kemp_cells_checked_by_hand(kemp: Plan) -> None:
    assert kemp.timeline is not None
    first, second = kemp.timeline.tables
    # The inspiration session (2.1-1) is in April (line 160).
    assert column(first, 1) == {
        1: "Contacteren en afspraken maken met externe partner",
        2: "Stakeholders bepalen en uitnodigen",
        4: "Inspiratiesessie",
        10: "Implementatie afspraken",
    }
    # The questionnaire of the qualitative research (2.2-1), lines 101-201.
    questionnaire = column(first, 2)
    assert {m: questionnaire[m] for m in (2, 3, 4, 9, 12)} == {
        2: "Vragenlijst opstellen",
        3: "Vragenlijst valideren",
        4: "Vragenlijst optimaliseren",
        9: "Vragenlijst breed verspreiden",
        12: "Resultaten",
    }
    # Overleg met GBO coördinator (4.5-1), 'minstens 4x per jaar': four months.
    assert column(first, 5) == dict.fromkeys((2, 4, 9, 12), "Overleg met GBO coördinator")
    # Network lunches (4.5b-1): preparation in February, lunches in March, evaluation in
    # November (lines 259-260, 275, 311-312).
    assert column(second, 0) == {
        2: "Voorbereiding netwerklunches",
        3: "Netwerklunches",
        11: "Evaluatie en bijsturing",
    }
    # Compound hyphen at a line end kept ('communicatiebeleid en -' + 'plan').
    assert column(second, 1)[1] == "Implementatie communicatiebeleid en -plan"
    # December of the second table has only the Logo/IGP cell (line 320).
    assert second.rows[11].cells == [None] * 5 + [
        "Samenwerking evalueren + structureel plannen van overleg"
    ]
    # Empty months stay empty rows, not missing rows.
    assert first.rows[6].cells == [None] * 6 and second.rows[5].cells == [None] * 6


def test_kemp_cell_printed_around_the_next_one_is_joined(kemp: Plan) -> None:
    """Maart, column 4: 'Contacteren van … onze zone en' (lines 143-149), then the fifth
    cell, then ' vertegenwoordigers bestaande overlegfora …' (lines 154-158)."""
    assert kemp.timeline is not None
    row = kemp.timeline.tables[0].rows[2]
    assert row.cells[3] == (
        "Contacteren van partnerorganisaties /stakeholders die rechtstreeks contact hebben "
        "met de PZON/burgers uit onze zone en vertegenwoordigers bestaande overlegfora "
        "waar PZOB/burger het woord neemt"
    )
    assert row.cells[4] == "Actie 1 uitvoeren en evalueren + actie 2 bijsturen"
    detail = row.details[3]
    assert detail is not None and detail.lines == [*range(143, 150), *range(154, 159)]


def test_kemp_doubt_is_flagged_not_hidden(kemp: Plan) -> None:
    assert kemp.timeline is not None
    # April, second table: 'Overleg' is a milestone of both 5.4-1 and 5.5-1.
    overleg = kemp.timeline.tables[1].rows[3].details[4]
    assert overleg is not None and overleg.uncertain
    assert overleg.alternative_column == 5
    # A cell that repeats a milestone of its action word for word is sure.
    inspiration = kemp.timeline.tables[0].rows[3].details[1]
    assert inspiration is not None and not inspiration.uncertain
    assert inspiration.match == "Inspiratiesessie" and inspiration.match_score == 1.0
    assert inspiration.pages == [9] and inspiration.lines == [160]
    stats = kemp.timeline.stats
    assert stats.cells == 46
    assert 0 < stats.uncertain < stats.cells // 4


def test_kemp_agrees_with_the_hand_transcription(kemp: Plan) -> None:
    truth = tomllib.loads(TRANSCRIPTION.read_text("utf-8"))["tables"]
    assert kemp.timeline is not None
    for table, expected in zip(kemp.timeline.tables, truth, strict=True):
        assert [c.title for c in table.columns] == expected["columns"]
        assert [c.action_id for c in table.columns] == expected["actions"]
        for row in table.rows:
            want = [collapse(c) or None for c in expected["rows"][row.label]]
            assert row.cells == want, row.label


def test_kemp_milestones_link_to_cells(kemp: Plan) -> None:
    assert kemp.timeline is not None
    links = kemp.timeline.milestone_links
    by_action: dict[str, dict[str, list[int]]] = {}
    for link in links:
        by_action.setdefault(link.action_id, {}).setdefault(link.milestone, []).append(link.month)
    assert by_action["2.1-1"]["Inspiratiesessie"] == [4]
    assert by_action["4.5b-1"] == {
        "Voorbereiding netwerklunches": [2],
        "Netwerklunches": [3],
        "Evaluatie en bijsturing": [11],
    }
    assert by_action["4.5-1"][
        "Structureel overleg met GBO coördinator (minstens 4x per jaar)."
    ] == [
        2,
        4,
        9,
        12,
    ]
    # 'Uitvoeren' (5.1-1) is scheduled by 'Uitvoeren van de gekozen interventies'.
    assert by_action["5.1-1"]["Uitvoeren"] == [2]
    # The Sociale Kaart milestones are sentences about the whole year: in no cell.
    unscheduled = {(m.action_id, m.milestone_index) for m in kemp.timeline.unscheduled_milestones}
    assert {("4.1-1", 0), ("4.1-1", 1), ("4.1-1", 2)} <= unscheduled
    assert kemp.timeline_status is not None and kemp.timeline_status.status == "table"
    assert kemp.timeline_status.pages == [9, 10]


def test_kemp_table_lines_belong_to_the_timeline(kemp_result: Result) -> None:
    plan, doc = kemp_result.plan, kemp_result.document
    owners = {line.no: line.owner for line in doc.lines if line.is_content}
    assert owners[53] and owners[53].endswith(".title")  # ' Tijdslijn'
    assert {owners[n] for n in range(55, 206) if n in owners} == {"timeline.tables[0]"}
    assert {owners[n] for n in range(206, 323) if n in owners} == {"timeline.tables[1]"}
    section = next(s for s in plan.sections if s.title == "Tijdslijn")
    assert section.kind == "timeline" and section.text == ""
    assert plan.extraction.coverage == 100.0


def test_elzoh_timeline_is_only_referenced(elzoh: Plan) -> None:
    assert elzoh.timeline is None
    status = elzoh.timeline_status
    assert status is not None
    assert status.status == "referenced"
    assert status.reference == "Bijlage I"
    assert "verwijst naar Bijlage I" in status.reason
    assert "afbeelding" in status.reason  # the annex 'BIJLAGE I' holds no text
    assert status.pages == [6]
    # The section keeps its text.
    section = next(s for s in elzoh.sections if s.kind == "timeline")
    assert "zie Bijlage I" in section.text
