"""List answers written without bullets: one item per sentence that starts a line.

Checked against the documents; line numbers point into samples/*.txt.
"""

from __future__ import annotations

from conftest import texts

from planextract.models.plan import Plan


def test_unbulleted_list_splits_where_a_sentence_starts_a_line(elzoh: Plan) -> None:
    # zuidoost-hageland 272-273: two lines, no full stop between them, two items.
    what = elzoh.action("1.2-1").what
    assert what is not None
    assert texts(what.do)[3:5] == [
        "We hebben aandacht voor de specifieke omgevingsanalyse op gemeente- en stadsniveau",
        "Enkele speerpunten pitchen vanuit het mesoniveau (de ELZ).",
    ]
    # 402-406: two items, each with a follow-up sentence that starts mid-line.
    partners_action = elzoh.action("1.2-2")
    assert partners_action.what is not None
    assert texts(partners_action.what.dont) == [
        "Afwachten tot alle neuzen in dezelfde richting staan. We gaan proactief aan de slag "
        "met de partners die hier bereidt toe zijn en laten het netwerk verder groeien "
        "doorheen de tijd.",
        "Haastig zijn. Zoals verwacht wordt door de overheid zullen wij van de nodige partners "
        "handtekeningen vragen voor eind 2024 in verband met hun vertegenwoordiging in de "
        "zorgraad. Vanaf dan willen we het tempo verlagen en de contacten kwalitatiever maken.",
    ]
    # 462-464: two criteria on their own lines.
    ev = partners_action.evaluation
    assert ev is not None and ev.output is not None
    assert texts(ev.output.criteria) == [
        "De partners vanuit VAPH en Opgroeien zijn meer bekend met de werking van ELZOH.",
        "Voor de partners vanuit VAPH en Opgroeien is het duidelijk welke rol en betrokkenheid "
        "zij opnemen in de vzw structuur van ELZOH.",
    ]


def test_wrapped_names_and_bullets_are_not_split(elzoh: Plan, kemp: Plan) -> None:
    # zuidoost-hageland 436-437: the line break before the name 'Opgroeien' is a wrap.
    ww = elzoh.action("1.2-2").with_whom
    assert ww is not None
    assert texts(ww.stakeholders) == [
        "Vertegenwoordigers van VAPH en Opgroeien binnen ELZOH, de intersectorale medewerker "
        "Opgroeien en uiteindelijk de partners van VAPH en Opgroeien"
    ]
    # kemp-en-duin 921-923: a bullet holds two sentences, the second on a new line.
    how = kemp.action("4.1-1").how
    assert how is not None and how.milestones is not None
    assert texts(how.milestones)[0].endswith(
        "Het komende jaar worden 3 acties opgezet die elk in één kwartaal van het jaar "
        "plaatsvinden."
    )
