"""Writer variants: the two real plans as other zones' coordinators would lay them out.

Every variant is made *from* a real sample by rewriting its own lines: the goal and action
headings in another numbering style, labels reworded, fields in another order, other page
headers and footers (or none), extra sections, page breaks in awkward places, other
checkbox glyphs. Each family draws its choices from a seeded random generator, so one
family gives many plans (60 coordinators, not one fixed list); a seed gives the same text
every time.

`compare(original, variant)` scores a variant's extraction against the original's at the
level of fields: goals (number, title), actions (title, kind), every part of every field
(text and list items) and every evaluation type (present, ticked, criteria).
"""

from __future__ import annotations

import difflib
import itertools
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOURCES = {
    "elzoh": SAMPLES / "zuidoost-hageland-actieplan-2025.txt",
    "kemp": SAMPLES / "kemp-en-duin-actieplan-2025.txt",
}
ZONES = {"elzoh": "Eerstelijnszone Zuidoost Hageland", "kemp": "ELZ Kemp en Duin"}

LABELS = ("Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?", "Evaluatie")
_SD = re.compile(r"^(?P<lead>\s*)Strategische doelstelling (?P<n>\d+) – (?P<title>.*)$")
_OD = re.compile(r"^(?P<lead>\s*)Operationele doelstelling (?P<n>\d+)\.(?P<m>\d+) – (?P<title>.*)$")
_ACTIE = re.compile(r"^(?P<lead>\s*)Actie: (?P<title>.*)$")
_FOOTER = re.compile(r"^\s*Pagina (?P<n>\d+) van (?P<m>\d+)\s*$")
_HEADER = re.compile(r"^\s*Actieplan (?:ELZ|Eerstelijnszone) .*$")
_GOAL_WORD = re.compile(r"^\s*(?:strategische|operationele|sd|od)\b", re.IGNORECASE)
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass
class Text:
    """A plan as lines, with what the generator knows of the original's structure."""

    name: str
    lines: list[str]

    def label_at(self, i: int) -> str | None:
        """The template label on line i, as the sample writes it."""
        s = self.lines[i].strip()
        for label in LABELS:
            if s == label or (label != "Evaluatie" and s.startswith(label + " ")):
                return label
        return None

    def forms(self) -> list[list[int]]:
        """Per action form: the line numbers of its six labels, in order."""
        out: list[list[int]] = []
        for i in range(len(self.lines)):
            if self.label_at(i) == "Wat?":
                out.append([i])
            elif out and self.label_at(i) and len(out[-1]) < 6:
                out[-1].append(i)
        return [f for f in out if len(f) == 6]

    def title_start(self, form: list[int]) -> int:
        """First line of the action title paragraph before a form's first label."""
        i = form[0] - 1
        while i >= 0 and not self.lines[i].strip():
            i -= 1
        while i > 0 and self.lines[i - 1].strip() and not self.lines[i].startswith(" "):
            i -= 1
        return i


def load(name: str) -> Text:
    return Text(name, SOURCES[name].read_text("utf-8").split("\n"))


# -- families -------------------------------------------------------------------------------
def goal_headings(t: Text, rng: random.Random) -> None:
    """SD/OD headings in one writer's style: abbreviations, full stops, capitals, Roman."""
    sd_style = rng.choice(
        [
            "SD {n}. {t}",
            "SD{n}: {t}",
            "SD {n} - {t}",
            "Strategische doelstelling {n}: {t}",
            "Strategische doelstelling {n}. {t}",
            "STRATEGISCHE DOELSTELLING {n} – {t}",
            "Strategische Doelstelling {r} – {t}",
            "Strategische doelstelling {n} {t}",
            "SD {n} — {t}",
            "Strategische doelstelling nr. {n}: {t}",
            "Strategische doelstelling nr. {n} – {t}",
            "{n}. Strategische doelstelling – {t}",
        ]
    )
    od_style = rng.choice(
        [
            "OD {n}.{m}. {t}",
            "OD{n}.{m}: {t}",
            "OD {n}.{m} - {t}",
            "Operationele doelstelling {n}.{m}: {t}",
            "Operationele doelstelling {n}.{m}. {t}",
            "OPERATIONELE DOELSTELLING {n}.{m} – {t}",
            "Operationele doelstelling {n}.{m} {t}",
            "OD {n}.{m} — {t}",
            "Operationele doelstelling nr. {n}.{m}: {t}",
            "Doelstelling {n}.{m} – {t}",
            "{n}.{m}. Operationele doelstelling – {t}",
        ]
    )
    upper = rng.random() < 0.3
    # Word's heading numbering in front of the heading ('3.1 Strategische doelstelling 1 –
    # …', '3.1.2 Operationele doelstelling 1.2 – …'): the plan's chapter, then the count.
    chapter = rng.choice([2, 3, 4]) if rng.random() < 0.3 else None
    if sd_style.startswith("{") or od_style.startswith("{"):
        chapter = None  # a number in front already
    sds = ods = 0
    for i, line in enumerate(t.lines):
        m = _SD.match(line)
        if m:
            title = m["title"].upper() if upper else m["title"]
            n = m["n"]
            sds, ods = sds + 1, 0
            outline = "" if chapter is None else f"{chapter}.{sds} "
            t.lines[i] = m["lead"] + outline + sd_style.format(n=n, r=_ROMAN[int(n)], t=title)
            continue
        m = _OD.match(line)
        if m:
            title = m["title"].upper() if upper else m["title"]
            ods += 1
            outline = "" if chapter is None else f"{chapter}.{sds}.{ods} "
            t.lines[i] = m["lead"] + outline + od_style.format(n=m["n"], m=m["m"], t=title)


def action_headings(t: Text, rng: random.Random) -> None:
    """Action titles with another prefix or numbering ('Actie 1.2.1 – …', 'Actie 3: …')."""
    style = rng.choice(
        [
            "Actie {sd}.{od}.{k} – {t}",
            "Actie {sd}.{od}.{k}: {t}",
            "Actie {k}: {t}",
            "Actie {k} - {t}",
            "ACTIE: {t}",
            "Actie – {t}",
            "{t}",
            "{sd}.{od}.{k} {t}",
            "Titel actie: {t}",
            "Naam van de actie: {t}",
        ]
    )
    sd = od = "0"
    k = 0
    starts = {t.title_start(f) for f in t.forms()}
    for i, line in enumerate(t.lines):
        m = _SD.match(line)
        if m:
            sd = m["n"]
            continue
        m = _OD.match(line)
        if m:
            sd, od, k = m["n"], m["m"], 0
            continue
        a = _ACTIE.match(line)
        if a or i in starts:
            k += 1
            lead = a["lead"] if a else line[: len(line) - len(line.lstrip())]
            title = a["title"] if a else line.lstrip()
            t.lines[i] = lead + style.format(sd=sd, od=od, k=k, t=title)


_LABEL_WORDINGS = {
    "Wat?": ["Wat:", "WAT?", "Wat", "wat?", "Wat ?", "Wta?"],
    "Waarom?": ["Waarom:", "WAAROM?", "Waarom", "Waarom ?", "Waraom?"],
    "Voor wie?": ["Voor wie:", "VOOR WIE?", "Voor wie", "Doelgroep:", "Doelgroepen:", "Voor wei?"],
    "Met wie?": ["Met wie:", "MET WIE?", "Met wie", "Partners:", "Met wie ?", "Mt wie?"],
    "Hoe?": ["Hoe:", "HOE?", "Hoe", "Aanpak:", "Hoe ?"],
    "Evaluatie": ["Evaluatie:", "EVALUATIE", "Evaluatie?", "Evaluatie :", "Evalutie"],
}


def label_wording(t: Text, rng: random.Random) -> None:
    """Labels reworded by one writer: other case and punctuation, synonyms, typos; or
    the labels numbered in the form's order ('1. Wat?', '2) Waarom?')."""
    chosen = {label: rng.choice(words) for label, words in _LABEL_WORDINGS.items()}
    numbered = rng.choice([None, None, "{n}. {label}", "{n}) {label}"])
    for form in t.forms():
        for n, i in enumerate(form, 1):
            label = t.label_at(i)
            assert label is not None
            line = t.lines[i]
            wording = label if numbered and rng.random() < 0.5 else chosen[label]
            if numbered:
                wording = numbered.format(n=n, label=wording)
            t.lines[i] = line.replace(label, wording, 1)


def answer_on_label_line(t: Text, rng: random.Random) -> None:
    """'Waarom? Omdat …': the prompt deleted and the answer's first line on the label line."""
    targets = rng.sample(["Waarom?", "Wat?", "Hoe?"], k=rng.randint(1, 2))
    for form in t.forms():
        for i in form:
            label = t.label_at(i)
            if label not in targets or t.lines[i].strip() != label:
                continue
            k = i + 1
            while k < len(t.lines) and not t.lines[k].strip():
                k += 1
            # the next line is the grey prompt: the writer deleted it
            k += 1
            while k < len(t.lines) and not t.lines[k].strip():
                k += 1
            answer = t.lines[k].strip()
            if not answer or answer[0] in "•-1(" or answer.endswith("?"):
                continue
            t.lines[i] = f"{t.lines[i].rstrip()} {answer}"
            for j in range(i + 1, k + 1):
                t.lines[j] = None  # type: ignore[call-overload]
    t.lines = [line for line in t.lines if line is not None]


def answer_on_part_line(t: Text, rng: random.Random) -> None:
    """'Wie is de trekker van de actie? ELZOH vzw', 'Doelgroep(en): Bestuurders …': the
    answer's first line typed on the sub-part's own line, after its '?' (or a ':')."""
    chosen = set(rng.sample(sorted(_PART_WORDINGS), k=rng.randint(1, 3)))
    for i, line in enumerate(t.lines):
        m = _PART_LINE.match(line) if line is not None else None
        if not m or m["label"] not in chosen:
            continue
        k = i + 1
        while k < len(t.lines) and not t.lines[k].strip():
            k += 1
        answer = (t.lines[k] or "").strip() if k < len(t.lines) else ""
        if (
            not answer
            or answer[0] in "•-–(/☒☐"
            or t.label_at(k)
            or _PART_LINE.match(t.lines[k])["label"] in _PART_WORDINGS  # type: ignore[index]
            or _TEMPLATE_LINE.match(t.lines[k])
        ):
            continue
        head = line.rstrip()
        if not head.endswith(("?", ":")):
            head += ":"
        t.lines[i] = f"{head} {answer}"
        for j in range(i + 1, k + 1):
            t.lines[j] = None  # type: ignore[call-overload]
    t.lines = [line for line in t.lines if line is not None]


def no_blank_lines(t: Text, rng: random.Random) -> None:
    """An export that keeps no empty paragraphs: no blank line anywhere, no page-start
    marks, and (sometimes) no running header or footer either."""
    furniture = rng.random() < 0.5
    out = []
    for line in t.lines:
        if not line.strip():
            continue
        if not furniture and (_FOOTER.match(line) or _HEADER.match(line)):
            continue
        out.append(line.lstrip() if line.startswith(" ") and not line.startswith("  ") else line)
    t.lines = out


_INVISIBLE = ["\u00ad", "\u200b", "\ufeff"]


def invisible_characters(t: Text, rng: random.Random) -> None:
    """Characters a Word export keeps but nobody sees, in the template's own lines: a
    soft hyphen inside a long word of a sub-part label or prompt ('samen\u00adwerkingen'),
    a zero-width space or BOM before a label."""
    for i, line in enumerate(t.lines):
        s = line.strip()
        if t.label_at(i) and rng.random() < 0.5:
            t.lines[i] = line.replace(s, rng.choice(_INVISIBLE[1:]) + s, 1)
        elif _TEMPLATE_LINE.match(line) and rng.random() < 0.7:
            words = [w for w in s.split() if len(w) >= 10 and w.isalpha()]
            if words:
                w = rng.choice(words)
                cut = rng.randint(4, len(w) - 4)
                t.lines[i] = line.replace(w, w[:cut] + "\u00ad" + w[cut:], 1)


def field_order(t: Text, rng: random.Random) -> None:
    """Fields in another order: one writer's form puts Waarom? first, or Met wie? before
    Voor wie?, or Hoe? before Met wie?."""
    swap = rng.choice([(0, 1), (2, 3), (3, 4), (0, 2)])
    forms = t.forms()
    for form in reversed(forms):
        a, b = swap
        bounds = [*form]
        start_a, start_b = bounds[a], bounds[b]
        end_b = bounds[b + 1]
        end_a = bounds[a + 1]
        block_a = t.lines[start_a:end_a]
        middle = t.lines[end_a:start_b]
        block_b = t.lines[start_b:end_b]
        t.lines[start_a:end_b] = block_b + middle + block_a


_FOOTERS = [
    "pagina {n}/{m}",
    "p. {n}",
    "{n} | {zone}",
    "Actieplan 2025 | {zone} | p. {n}",
    "- {n} -",
    "{n}",
    "Pagina {n}",
    "{zone} - actieplan 2025 - pagina {n} van {m}",
]
_HEADERS = ["{zone} – Actieplan 2025", "Actieplan 2025 {zone}", "{zone}", None]


def page_furniture(t: Text, rng: random.Random) -> None:
    """Running header and footer of another style, printed on every page (or none), and
    sometimes an export without page-start marks."""
    footer = rng.choice(_FOOTERS)
    header = rng.choice(_HEADERS)
    zone = ZONES[t.name]
    every_page = rng.random() < 0.7
    drop_marks = rng.random() < 0.3
    total = int(next(m["m"] for line in t.lines if (m := _FOOTER.match(line))))
    out: list[str] = []
    page = 1
    first_content = True
    for line in t.lines:
        if _HEADER.match(line):
            if header is not None:
                out.append(header.format(zone=zone))
            continue
        m = _FOOTER.match(line)
        if m:
            page = int(m["n"])
            out.append("  " + footer.format(n=page, m=total, zone=zone))
            page += 1
            first_content = True
            continue
        starts_page = line.startswith(" ") and not line.startswith("  ") and line.strip()
        if every_page and starts_page and not first_content and page < total:
            out.extend(["", "  " + footer.format(n=page, m=total, zone=zone), ""])
            if header is not None:
                out.append(header.format(zone=zone))
            page += 1
        if line.strip():
            first_content = False
        if drop_marks and starts_page:
            line = line[1:]
        out.append(line)
    t.lines = out


_BEFORE = ["Voorwoord", "Missie en visie", "Inleiding", "Samenvatting"]
_AFTER = ["Bijlagen", "Lijst met afkortingen", "Afkortingen", "Bronnen", "Bijlage 2: Afkortingen"]


def extra_sections(t: Text, rng: random.Random) -> None:
    """Sections before the goals and after them: a foreword made of the plan's own first
    paragraph, an annex or list of abbreviations made of the plan's own abbreviations."""
    words = sorted(set(re.findall(r"\b[A-Z]{2,5}\b", "\n".join(t.lines))))
    abbreviations = [f"{w} – zie tekst" for w in rng.sample(words, k=min(5, len(words)))]
    after = rng.choice(_AFTER)
    t.lines += ["", after, "", *abbreviations, ""]
    if rng.random() < 0.5:
        before = rng.choice(_BEFORE)
        first = next(i for i, line in enumerate(t.lines) if len(line.strip()) > 60)
        t.lines[0:0] = [f" {before}", "", t.lines[first], ""]


def page_breaks(t: Text, rng: random.Random) -> None:
    """A page break between an action title and its form (the title alone at the foot of
    a page), and titles glued to the previous action's last criterion (no blank line)."""
    forms = t.forms()
    zone = ZONES[t.name]
    chosen = rng.sample(forms, k=max(1, len(forms) // 3))
    edits: list[tuple[int, list[str]]] = []
    for form in chosen:
        edits.append((form[0], ["", f"Actieplan {zone}", "", "  Pagina 99 van 99", ""]))
    for at, block in sorted(edits, reverse=True):
        # the form's first label opens the new page
        t.lines[at] = " " + t.lines[at].lstrip()
        t.lines[at:at] = block
    if rng.random() < 0.6:
        forms = t.forms()
        for before, form in reversed(list(itertools.pairwise(forms))):
            start = t.title_start(form)
            k = start - 1
            while k > 0 and not t.lines[k].strip():
                k -= 1
            if t.lines[k].strip().startswith(("Pagina", "Actieplan")):
                continue
            between = t.lines[before[-1] : start]
            if any(_GOAL_WORD.match(line) for line in between):
                continue  # only titles right after the previous form's criteria
            t.lines[k + 1 : start] = []
            t.lines[k + 1] = t.lines[k + 1].lstrip()


_TEMPLATE_LINE = re.compile(
    r"^\s*(?:\d\)\s*)?(?:Wat ga je|Doelgroep|Wie is de trekker|Indien de zorgraad|Met welke"
    r"|Vermeld hier|Selecteer minstens|Geef een|Definieer|Waarom deze|Lijst hier)"
)


def _answer_lines(t: Text) -> list[int]:
    """Lines of answers, criteria and narrative text between the first goal heading and
    the annex: not headings, labels, prompts, boxes, titles or page furniture, and not the
    first lines of a page already."""
    start = next((i for i, line in enumerate(t.lines) if _SD.match(line)), len(t.lines))
    end = next(
        (i for i, line in enumerate(t.lines) if line.strip().upper().startswith("BIJLAGE")),
        len(t.lines),
    )
    end = max(end, start)
    titles = {t.title_start(f) for f in t.forms()}
    out = []
    for i in range(start, end):
        line = t.lines[i]
        s = line.strip()
        if (
            not s
            or i in titles
            or t.label_at(i)
            or _SD.match(line)
            or _OD.match(line)
            or _ACTIE.match(line)
            or _GOAL_WORD.match(line)
            or _FOOTER.match(line)
            or _HEADER.match(line)
            or _TEMPLATE_LINE.match(line)
            or s[:1] in "☒☐"
            or line.startswith(" ")
            or any(t.lines[k].startswith(" ") for k in range(max(0, i - 3), i))
        ):
            continue
        out.append(i)
    return out


def page_breaks_inside(t: Text, rng: random.Random) -> None:
    """Page breaks where the text happens to reach the foot of the page: inside an
    answer, between two criteria, in a narrative action's body, even in the middle of a
    wrapped sentence, with the plan's own running header and footer between (or only
    the next page's start mark)."""
    zone = ZONES[t.name]
    lines = _answer_lines(t)
    chosen = sorted(rng.sample(lines, k=min(len(lines), max(3, len(lines) // 30))))
    furniture = rng.random() < 0.7
    for i in reversed(chosen):
        t.lines[i] = " " + t.lines[i]
        if furniture:
            t.lines[i:i] = ["", f"Actieplan {zone}", "", "  Pagina 99 van 99", ""]


_TOC_TITLES = ["Inhoud", "Inhoudstafel", "Inhoudsopgave", "INHOUDSTAFEL"]
_TOC_STYLES = ["{h} {dots} {p}", "{h}\t{p}", "{h}    {p}", "{h} ....... {p}"]


def _heading_text(t: Text, i: int) -> str:
    """A heading with its wrapped lines (up to the blank line under it)."""
    parts = [t.lines[i].strip()]
    k = i + 1
    while k < len(t.lines) and t.lines[k].strip() and len(parts) < 3:
        nxt = t.lines[k].strip()
        if _SD.match(t.lines[k]) or _OD.match(t.lines[k]) or t.label_at(k):
            break
        parts.append(nxt)
        k += 1
    return " ".join(parts)


def table_of_contents(t: Text, rng: random.Random) -> None:
    """A table of contents before the plan's first section, made of its own goal headings
    (and its sections, where the writer's Word lists them), each with the page it starts
    on: dot leaders, a tab or spaces before the number; long entries wrap."""
    style = rng.choice(_TOC_STYLES)
    page, entries = 1, []
    first_section = None
    for i, line in enumerate(t.lines):
        if line.startswith(" ") and not line.startswith("  ") and line.strip():
            page += 1
        s = line.strip()
        if _SD.match(line) or (_OD.match(line) and rng.random() < 0.8):
            entries.append((_heading_text(t, i), page))
        elif s in ("Instructies", "Inleiding", "Algemeen", "Tijdslijn") or s.startswith("Bijlage"):
            first_section = i if first_section is None else first_section
            entries.append((s, page))
    if first_section is None:
        first_section = next(i for i, line in enumerate(t.lines) if _SD.match(line))
    block = [f" {rng.choice(_TOC_TITLES)}", ""]
    for heading, p in entries:
        dots = "." * max(3, 80 - len(heading))
        if len(heading) > 85 and rng.random() < 0.5:  # Word wraps a long entry
            cut = heading.rfind(" ", 0, 85)
            block.append(heading[:cut])
            heading = heading[cut + 1 :]
        block.append(style.format(h=heading, dots=dots, p=p + 1))
    t.lines[first_section:first_section] = [*block, ""]


def checkbox_glyphs(t: Text, rng: random.Random) -> None:
    """Other ways to write the evaluation boxes."""
    checked, unchecked = rng.choice(
        [("[x]", "[ ]"), ("☑", "☐"), ("■", "□"), ("[X]", "[]"), ("X", ""), ("(x)", "( )")]
    )
    after = rng.random() < 0.25  # 'Procesevaluatie ☒': the box after the type
    out = []
    for line in t.lines:
        s = line.lstrip()
        if s and s[0] in "☒☐":
            glyph, rest = (checked if s[0] == "☒" else unchecked), s[1:].strip()
            lead = line[: len(line) - len(s)]
            # a typed mark leaves the types it did not choose bare
            line = f"{lead}{rest} {glyph}" if after and glyph else f"{lead}{glyph} {rest}"
            line = line.rstrip() if glyph else f"{lead}{rest}"
        out.append(line)
    t.lines = out


_PROMPTS = (
    "Geef een korte beschrijving van wat je gaat doen.",
    "Definieer duidelijk de scope van de actie:",
    "Waarom deze actie? Waarom deze actie nu?",
    "Lijst hier de doelgroep(en) op die je wenst te bereiken met deze actie.",
    "Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt.",
    "Selecteer minstens één van onderstaande manieren voor evaluatie.",
)


def prompts_removed(t: Text, rng: random.Random) -> None:
    """The writer deleted the template's grey prompts (all of them, or some)."""
    chosen = {p for p in _PROMPTS if rng.random() < 0.7} or set(_PROMPTS)
    t.lines = [line for line in t.lines if line.strip() not in chosen]


_PART_WORDINGS = {
    "Wat ga je wel doen?": [
        "{n}. Wat ga je wel doen?",
        "{a}) Wat ga je wel doen?",
        "Wat ga je wel doen?",
        "WAT GA JE WEL DOEN?",
        "{n}) Wat ga je wel doen:",
    ],
    "Wat ga je niet doen?": [
        "{n}. Wat ga je niet doen?",
        "{a}) Wat ga je niet doen?",
        "Wat ga je niet doen?",
        "WAT GA JE NIET DOEN?",
        "{n}) Wat ga je niet doen:",
    ],
    "Doelgroep(en)": ["Doelgroepen", "Doelgroep(en):", "DOELGROEP(EN)", "Doelgroep"],
    "Wie is de trekker van de actie?": [
        "Wie is trekker van de actie?",
        "Wie is de trekker van deze actie?",
        "Wie is de trekker van de actie:",
        "WIE IS DE TREKKER VAN DE ACTIE?",
    ],
    "Met welke stakeholders wordt er samengewerkt voor deze actie?": [
        "Met welke stakeholders wordt samengewerkt voor deze actie?",
        "Met welke stakeholders wordt er samengewerkt voor de actie?",
        "Met welke stakeholders wordt er samengewerkt voor deze actie:",
    ],
}
_PART_LINE = re.compile(r"^(?P<lead>\s*)(?:(?P<n>\d)\)\s*)?(?P<label>.+?)\s*$")


def sub_part_wording(t: Text, rng: random.Random) -> None:
    """Sub-part labels numbered or worded another way ('a) Wat ga je wel doen?', 'Wat ga je
    wel doen:', capitals)."""
    chosen = {label: rng.choice(words) for label, words in _PART_WORDINGS.items()}
    for i, line in enumerate(t.lines):
        m = _PART_LINE.match(line)
        if not m or m["label"] not in chosen:
            continue
        n = m["n"] or "1"
        t.lines[i] = m["lead"] + chosen[m["label"]].format(n=n, a="ab"[int(n) - 1 : int(n)] or "a")


def bullet_markers(t: Text, rng: random.Random) -> None:
    """Other list markers: one writer's Word puts '•', '▪', '–' or '➢' where the sample has
    '-' or '•'."""
    # '\uf0b7', '\uf0a7', '\uf0d8': Word's Symbol and Wingdings bullets as a text export
    # writes them (private-use code points, the font's own codes).
    marker = rng.choice(["•", "▪", "–", "➢", "-", "●", "\uf0b7", "\uf0a7", "\uf0d8", "*"])
    for i, line in enumerate(t.lines):
        m = re.match(r"^(\s*)[-•](\s+)(?=\S)", line)
        if m:
            t.lines[i] = f"{m[1]}{marker}{m[2]}{line[m.end() :]}"


_EVALUATION_WORDINGS = {
    "Procesevaluatie": ["Proces evaluatie", "Procesevaluatie:", "PROCESEVALUATIE"],
    "Resultaatgerichte evaluatie (Output)": [
        "Resultaatgerichte evaluatie",
        "Output evaluatie",
        "Resultaatgerichte evaluatie (output):",
    ],
    "Impact evaluatie (Outcome)": [
        "Impactevaluatie (Outcome)",
        "Impact evaluatie",
        "Outcome evaluatie",
    ],
}


def evaluation_labels(t: Text, rng: random.Random) -> None:
    """The evaluation types worded another way next to their boxes."""
    chosen = {label: rng.choice(words) for label, words in _EVALUATION_WORDINGS.items()}
    for i, line in enumerate(t.lines):
        for label, wording in chosen.items():
            if label in line and line.lstrip()[:1] in "☒☐":
                t.lines[i] = line.replace(label, wording, 1)


def empty_answers(t: Text, rng: random.Random) -> None:
    """'Nothing' written another way than '/'."""
    word = rng.choice(["n.v.t.", "nvt", "-", "/ "])
    t.lines = [word if line.strip() == "/" else line for line in t.lines]


def spacing(t: Text, rng: random.Random) -> None:
    """Another exporter's spacing: tabs for spaces, trailing blanks, blank lines doubled."""
    tabs, double = rng.random() < 0.5, rng.random() < 0.5
    out: list[str] = []
    for line in t.lines:
        if tabs and line.strip():
            lead = line[: len(line) - len(line.lstrip())]
            line = lead + line.lstrip().replace("  ", "\t")
        # A line cut at a compound's hyphen ends without a space in every export (the
        # reflow reads that); other lines may carry trailing blanks.
        pad = "   " if rng.random() < 0.2 and not line.endswith("-") else ""
        out.append(line + pad)
        if double and not line.strip():
            out.append("")
    t.lines = out


def od_numbering(t: Text, rng: random.Random) -> None:
    """Operational goals numbered through the plan ('OD 3 – …', 'Operationele doelstelling
    4: …') instead of per strategic goal."""
    style = rng.choice(["OD {k} – {t}", "Operationele doelstelling {k}: {t}", "OD{k}. {t}"])
    k = 0
    for i, line in enumerate(t.lines):
        m = _OD.match(line)
        if m:
            k += 1
            t.lines[i] = m["lead"] + style.format(k=k, t=m["title"])


def sections_moved(t: Text, rng: random.Random) -> None:
    """The 'Tijdslijn' section after the goals instead of before them, and the 'Acties'
    heading left out."""
    starts = [i for i, line in enumerate(t.lines) if line.strip() == "Tijdslijn"]
    acties = [i for i, line in enumerate(t.lines) if line.strip().startswith("Acties 20")]
    if starts and acties and starts[0] < acties[0]:
        block = t.lines[starts[0] : acties[0]]
        rest = t.lines[: starts[0]] + t.lines[acties[0] :]
        annex = next(
            (i for i, line in enumerate(rest) if line.strip().upper().startswith("BIJLAGE")),
            len(rest),
        )
        t.lines = rest[:annex] + block + rest[annex:]
    if rng.random() < 0.5:
        t.lines = [line for line in t.lines if not line.strip().startswith("Acties 20")]


Family = Callable[[Text, random.Random], None]
FAMILIES: dict[str, Family] = {
    "goal_headings": goal_headings,
    "action_headings": action_headings,
    "label_wording": label_wording,
    "answer_on_label_line": answer_on_label_line,
    "answer_on_part_line": answer_on_part_line,
    "field_order": field_order,
    "page_furniture": page_furniture,
    "extra_sections": extra_sections,
    "page_breaks": page_breaks,
    "checkbox_glyphs": checkbox_glyphs,
    "prompts_removed": prompts_removed,
    "sub_part_wording": sub_part_wording,
    "bullet_markers": bullet_markers,
    "evaluation_labels": evaluation_labels,
    "empty_answers": empty_answers,
    "spacing": spacing,
    "od_numbering": od_numbering,
    "sections_moved": sections_moved,
    "page_breaks_inside": page_breaks_inside,
    "table_of_contents": table_of_contents,
    "invisible_characters": invisible_characters,
    "no_blank_lines": no_blank_lines,
}
# Order in which a combination applies families (structure first, furniture last).
_ORDER = list(FAMILIES)


# Families with a lower bar, and why (test_writer_variants): without any blank line or
# page mark, a narrative action's title right after a form's last criterion reads as one
# more criterion (ELZOH's two such actions); everything else is kept.
LIMITED = {"no_blank_lines": 0.90}

# Families that change what the plan says, not only how: their goal numbers differ from
# the original's by design, so a comparison leaves the numbers out.
RENUMBERING = frozenset({"od_numbering"})


def _families(family: str, rng: random.Random) -> list[str]:
    if family != "combined":
        return [family]
    chosen = set(rng.sample(_ORDER, k=rng.randint(3, 5)))
    return [fam for fam in _ORDER if fam in chosen]


def families_of(name: str, family: str, seed: int) -> list[str]:
    """The families a variant applies ('combined' draws 3 to 5)."""
    return _families(family, random.Random(f"{name}:{family}:{seed}"))


def variant(name: str, family: str, seed: int) -> str:
    """One variant text of sample `name`: a single family, or 'combined' (3 to 5 families)."""
    rng = random.Random(f"{name}:{family}:{seed}")
    t = load(name)
    for fam in _families(family, rng):
        FAMILIES[fam](t, rng)
    return "\n".join(t.lines)


def compare_variant(original: dict, result: dict, name: str, family: str, seed: int) -> Score:
    renumbered = bool(RENUMBERING & set(families_of(name, family, seed)))
    return compare(original, result, goal_numbers=not renumbered)


ALL_FAMILIES = [*FAMILIES, "combined"]


# -- comparison ----------------------------------------------------------------------------
_MARKER = re.compile(r"^\s*[-•▪–➢●\uf0b7\uf0a7\uf0d8*]\s+", re.MULTILINE)


def _norm(value: Any) -> str:
    """Comparison form of a value: spacing and case aside, and a list marker at the start
    of a line as one symbol (text keeps the writer's own marker, which a variant changes)."""
    if value is None:
        return "<null>"
    return " ".join(_MARKER.sub("• ", str(value)).split()).casefold()


def _items(items: list[dict] | None) -> str:
    if items is None:
        return "<null>"
    return "\n".join(f"{i['level']}:{_norm(i['text'])}" for i in items)


def action_facts(action: dict) -> dict[str, str]:
    facts = {"title": _norm(action["title"]), "kind": action["kind"]}
    if action["kind"] == "narrative":
        facts["text"] = _norm(action["text"])
    for key in ("what", "why", "for_whom", "with_whom", "how"):
        field = action.get(key)
        if field is None:
            facts[key] = "<null>"
            continue
        for part, value in field.items():
            if part in ("pages", "boxes", "partners", "periods"):
                continue
            facts[f"{key}.{part}"] = _items(value) if isinstance(value, list) else _norm(value)
    ev = action.get("evaluation")
    if ev is None:
        facts["evaluation"] = "<null>"
    else:
        facts["evaluation.text"] = _norm(ev.get("text"))
        for typ in ("process", "output", "outcome"):
            e = ev.get(typ)
            if e is None:
                facts[f"evaluation.{typ}"] = "<null>"
                continue
            facts[f"evaluation.{typ}.selected"] = str(e["selected"])
            facts[f"evaluation.{typ}.criteria"] = _items(e["criteria"])
            facts[f"evaluation.{typ}.text"] = _norm(e.get("text"))
    return facts


def plan_facts(
    plan: dict, goal_numbers: bool = True
) -> tuple[list[tuple[str, str]], list[tuple[str, dict[str, str]]]]:
    """(goal facts in order, [(action title, action facts)] in order)."""
    goals: list[tuple[str, str]] = []
    actions: list[tuple[str, dict[str, str]]] = []

    def fact(goal: dict) -> str:
        number = goal["number"] if goal_numbers else "#"
        return f"{number}|{_norm(goal['title'])}"

    for sd in plan["strategic_goals"]:
        goals.append(("SD", fact(sd)))
        for od in sd["operational_goals"]:
            goals.append(("OD", fact(od)))
            for a in od["actions"]:
                actions.append((_norm(a["title"]), action_facts(a)))
    return goals, actions


@dataclass
class Score:
    matched: int
    total: int
    differences: list[str]

    @property
    def ratio(self) -> float:
        return self.matched / self.total if self.total else 1.0


def _aligned(a: list[str], b: list[str]) -> list[tuple[int | None, int | None]]:
    pairs: list[tuple[int | None, int | None]] = []
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            pairs.extend((i, None) for i in range(i1, i2))
            pairs.extend((None, j) for j in range(j1, j2))
    return pairs


def compare(original: dict, result: dict, goal_numbers: bool = True) -> Score:
    """Field-level agreement of a variant's plan with its original's (pages aside)."""
    og, oa = plan_facts(original, goal_numbers)
    rg, ra = plan_facts(result, goal_numbers)
    matched = total = 0
    diffs: list[str] = []
    for i, j in _aligned([v for _, v in og], [v for _, v in rg]):
        total += 1
        if i is not None and j is not None and og[i][1] == rg[j][1]:
            matched += 1
        elif i is not None and j is not None:
            diffs.append(f"goal {og[i][1]!r} read as {rg[j][1]!r}")
        else:
            diffs.append(
                f"goal {og[i][1] if i is not None else rg[j][1]!r} "  # type: ignore[index]
                f"{'lost' if j is None else 'extra'}"
            )
    for i, j in _aligned([t for t, _ in oa], [t for t, _ in ra]):
        of = oa[i][1] if i is not None else {}
        rf = ra[j][1] if j is not None else {}
        keys = sorted(set(of) | set(rf))
        total += len(keys)
        label = oa[i][0] if i is not None else ra[j][0]  # type: ignore[index]
        if i is None or j is None:
            diffs.append(f"action {label[:50]!r} {'lost' if j is None else 'extra'}")
            continue
        for key in keys:
            if of.get(key) == rf.get(key):
                matched += 1
            else:
                diffs.append(
                    f"{label[:40]!r} {key}: {of.get(key, '-')[:60]!r} != {rf.get(key, '-')[:60]!r}"
                )
    return Score(matched, total, diffs)
