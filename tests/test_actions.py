"""Every action of both plans: title, kind and evaluation checkboxes, read off the documents."""

from __future__ import annotations

import pytest

from planextract.models.plan import Plan

T, N = "template", "narrative"

ELZOH_ACTIONS = [
    (
        "1.1-1",
        T,
        "ELZOH inventariseert en zet verdere stappen naar optimalisatie van de IT workflow",
    ),
    (
        "1.1-2",
        N,
        "ELZOH implementeert de nieuwe organisatiestructuur die volgde uit het traject "
        "‘Goed Bestuur’ in 2024",
    ),
    (
        "1.2-1",
        T,
        "ELZOH gaat het gesprek aan met lokale besturen om het lokaal sociaal beleid af te stemmen",
    ),
    ("1.2-2", T, "ELZOH realiseert meer betrokkenheid van partners VAPH en Opgroeien"),
    (
        "1.3-1",
        T,
        "ELZOH behoudt en versterkt haar bestaande communicatiekanalen om aan "
        "informatiedeling te doen met haar leden en partners",
    ),
    ("2.1-1", T, "ELZOH realiseert meer betrokkenheid van cluster PZON"),
    (
        "2.1-2",
        T,
        "ELZOH zet in op bekendmaking van zijn werking bij eerstelijnsmedewerkers, "
        "mantelzorgers en burgers door de organisatie van 2 events per jaar",
    ),
    (
        "3.1-1",
        T,
        "ELZOH verduurzaamt de acties binnen het project ‘ACE’s In-Zicht’ aan de hand van "
        "ambassadeurs in de regio en haakt aan op het perinataal zorgprogramma binnen het "
        "Interfederaal plan",
    ),
    (
        "3.2-1",
        N,
        "ELZOH draagt bij aan het concept ‘Zorgzame Buurten’ door middel van het project "
        "‘Halt2Diabetes’ en zorgt er mee voor dat via kruisbestuiving nieuwe initiatieven "
        "kunnen ontstaan",
    ),
    (
        "3.3-1",
        N,
        "ELZOH zet zijn schouders onder het concept ‘kruispunten’ zoals deze bestaan in "
        "andere regio’s en exploreert samen met de GGZ netwerken, GBO en andere "
        "intersectorale partners een toepassing hiervan binnen onze regio",
    ),
    (
        "3.3-2",
        N,
        "ELZOH faciliteert en ondersteunt waar nodig de werkgroepen ‘Mondzorg’ en ‘Dementie’",
    ),
]

# 'Actie:' is a template prefix and is not part of the title.
KEMP_ACTIONS = [
    (
        "1.1-1",
        "ELZ Kemp en Duin denkt na over hoe er op de vergaderingen van het BO en de AV een "
        "beter evenwicht gevonden kan worden tussen informeren over bestuurlijke "
        "vzw-aangelegenheden en participeren aan inhoudelijke discussie.",
    ),
    (
        "2.1-1",
        "ELZ Kemp en Duin gaat het gesprek aan door een inspiratiesessie te organiseren met "
        "schepenen en sociale diensten van de lokale besturen om het lokaal sociaal beleid "
        "af te stemmen.",
    ),
    (
        "2.2-1",
        "ELZ Kemp en Duin voert kwalitatief onderzoek uit om de noden en behoeften van de "
        "PZON helder te krijgen.",
    ),
    (
        "2.3-1",
        "ELZ Kemp en Duin betrekt de PZON/burger actiever in haar werking zodat er optimaal "
        "rekening gehouden wordt met hun behoeften en noden.",
    ),
    (
        "4.1-1",
        "ELZ Kemp en Duin stimuleert eerstelijnsactoren om zich te registreren op de Sociale "
        "Kaart en de registratie up-to-date te houden.",
    ),
    (
        "4.5-1",
        "ELZ Kemp en Duin faciliteert en gaat een structurele samenwerking aan met het "
        "Geïntegreerd Breed Onthaal.",
    ),
    (
        "4.5b-1",
        "ELZ Kemp en Duin organiseert netwerklunches op wijkniveau/stads- of gemeentedeel "
        "waarbij informeren en elkaar ontmoeten centraal staan.",
    ),
    (
        "4.2-1",
        "ELZ Kemp en Duin deelt haar activiteiten en ‘good practices’ via diverse "
        "communicatiekanalen en benadrukt hierbij waarom de ELZ iets doet en wat de "
        "meerwaarde hiervan is voor de burger.",
    ),
    ("4.5c-1", "Project transmurale zorg i.s.m. ZOL en ELZ Maasland"),
    ("5.1-1", "ELZ Kemp en Duin stimuleert traumasensitief werken"),
    (
        "5.4-1",
        "ELZ Kemp en Duin gaat in overleg met lokale partners om beschikbare en relevante "
        "kwantitatieve data te delen en te interpreteren.",
    ),
    (
        "5.5-1",
        "ELZ Kemp en Duin verduurzaamt de samenwerking met het Logo en de intergemeentelijke "
        "preventiewerker (IGP)",
    ),
]

# Checkbox states (☒ = True, ☐ = False, not on the form = None): process, output, outcome.
ELZOH_BOXES = {
    "1.1-1": (True, True, None),
    "1.2-1": (True, True, None),
    "1.2-2": (True, True, None),
    "1.3-1": (True, True, None),
    "2.1-1": (False, True, None),
    "2.1-2": (False, True, None),
    "3.1-1": (True, True, None),
}
KEMP_BOXES = {
    "1.1-1": (False, True, True),
    "2.1-1": (True, True, True),
    "2.2-1": (False, True, False),
    "2.3-1": (True, True, False),
    "4.1-1": (True, False, False),
    "4.5-1": (True, True, False),
    "4.5b-1": (True, True, False),
    "4.2-1": (True, True, False),
    "4.5c-1": (True, True, False),
    "5.1-1": (True, True, False),
    "5.4-1": (True, True, False),
    "5.5-1": (True, True, False),
}


def test_elzoh_actions(elzoh: Plan) -> None:
    assert [(a.id, a.kind, a.title) for a in elzoh.actions()] == ELZOH_ACTIONS
    kinds = [a.kind for a in elzoh.actions()]
    assert kinds.count(T) == 7 and kinds.count(N) == 4


def test_kemp_actions(kemp: Plan) -> None:
    assert [(a.id, a.title) for a in kemp.actions()] == KEMP_ACTIONS
    assert all(a.kind == T for a in kemp.actions())


def test_action_ids_unique(elzoh: Plan, kemp: Plan) -> None:
    for plan in (elzoh, kemp):
        ids = [a.id for a in plan.actions()]
        assert len(ids) == len(set(ids))


def boxes(plan: Plan) -> dict[str, tuple[bool | None, ...]]:
    out = {}
    for a in plan.actions():
        if a.evaluation is None:
            continue
        out[a.id] = tuple(
            None if (ev := getattr(a.evaluation, k)) is None else ev.selected
            for k in ("process", "output", "outcome")
        )
    return out


@pytest.mark.parametrize(("plan_name", "expected"), [("elzoh", ELZOH_BOXES), ("kemp", KEMP_BOXES)])
def test_checkbox_states(plan_name: str, expected: dict, request: pytest.FixtureRequest) -> None:
    assert boxes(request.getfixturevalue(plan_name)) == expected


def test_narrative_actions_have_text_and_no_form(elzoh: Plan) -> None:
    narrative = [a for a in elzoh.actions() if a.kind == N]
    for a in narrative:
        assert a.what is a.why is a.for_whom is a.with_whom is a.how is a.evaluation is None
        assert a.text
    zorgzaam = elzoh.action("3.2-1")
    assert zorgzaam.text.startswith(
        "In 2024 voorzagen we geen specifieke acties binnen het concept Zorgzame Buurten"
    )
    assert zorgzaam.text.endswith("binnen de Zorgzame Buurt Tienen Noord.")
    mondzorg = elzoh.action("3.3-2")
    assert "- Los te laten wanneer acties geland zijn op het terrein" in mondzorg.text.splitlines()
    assert mondzorg.text.endswith("teruggekoppeld te worden naar de achterban van de tandartsen.")
