"""Zone styles: the two real plans rewritten as other zones' coordinators fill in the same
template, for the probes and the tests of the third review.

Each style is a function of a sample's own lines (no invented plan): it rewrites the labels,
list markers, headings or characters the way one writer's Word or exporter does, and keeps
every answer. `styled(name, style)` gives the variant's text; `STYLES` lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from writer_variants import LABELS, SOURCES

from planextract.models.plan import ListItem, Plan

_LABEL_LINE = re.compile(
    r"^(?P<lead>\s*)(?P<label>Wat\?|Waarom\?|Voor wie\?|Met wie\?|Hoe\?|Evaluatie)(?P<rest>.*)$"
)
_BULLET = re.compile(r"^(?P<lead>\s*)[-•](?P<gap>\s+)(?=\S)")


def _is_label(line: str) -> bool:
    s = line.strip()
    return any(
        s == label or (label != "Evaluatie" and s.startswith(label + " ")) for label in LABELS
    )


def label_tab_answer(lines: list[str]) -> list[str]:
    """A Word table exported to text: the label cell and the first line of the answer cell
    on one line, separated by a tab ('Wat?<TAB>Geef een korte beschrijving …')."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _is_label(line) and line.strip() in LABELS:
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and not _is_label(lines[j]):
                out.append(line.rstrip() + "\t" + lines[j].strip())
                i = j + 1
                continue
        out.append(line)
        i += 1
    return out


def bold_labels(lines: list[str]) -> list[str]:
    """Labels in Markdown bold, as a Word-to-Markdown export writes bold cells ('**Wat?**')."""
    out = []
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m and _is_label(line):
            line = f"{m['lead']}**{m['label']}**{m['rest']}"
        out.append(line)
    return out


def _numbered(marker: Callable[[int], str]) -> Callable[[list[str]], list[str]]:
    def style(lines: list[str]) -> list[str]:
        out = []
        k = 0
        for line in lines:
            m = _BULLET.match(line)
            if m:
                k += 1
                line = f"{m['lead']}{marker(k)} {line[m.end() :]}"
            elif line.strip() and not line.startswith(" ") and k and out and not out[-1].strip():
                k = 0  # a paragraph after a blank line ends the list
            elif _is_label(line):
                k = 0
            out.append(line)
        return out

    return style


_ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

numbered_items = _numbered(lambda k: f"{k}.")
lettered_items = _numbered(lambda k: f"{'abcdefghijkl'[(k - 1) % 12]})")
roman_items = _numbered(lambda k: f"{_ROMAN[(k - 1) % 12]}.")
paren_numbered_items = _numbered(lambda k: f"{k})")


def _markers(marker: str) -> Callable[[list[str]], list[str]]:
    def style(lines: list[str]) -> list[str]:
        return [
            f"{m['lead']}{marker}{m['gap']}{line[m.end() :]}"
            if (m := _BULLET.match(line))
            else line
            for line in lines
        ]

    return style


def labels_colon(lines: list[str]) -> list[str]:
    """Every label ends with ':' instead of '?' ('Wat:', 'Voor wie:', 'Evaluatie:')."""
    out = []
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m and _is_label(line):
            label = m["label"].rstrip("?") + ":"
            line = f"{m['lead']}{label}{m['rest']}"
        out.append(line)
    return out


def heading_page_number(lines: list[str]) -> list[str]:
    """Goal headings with a tab and a page number at the right of their last line, as
    Word's heading style with a right tab prints them."""
    out = list(lines)
    for k, (_first, last) in enumerate(_goal_heading_ends(lines)):
        out[last] = out[last].rstrip() + f"\t{k + 3}"
    return out


def nbsp(lines: list[str]) -> list[str]:
    """Non-breaking spaces where Word keeps them: after the goal word and number, around the
    dash, after a label's question mark and inside 'Voor wie?'."""
    out = []
    for line in lines:
        line = re.sub(r"(doelstelling) (\d+(?:\.\d+)?) – ", "\\1\u00a0\\2\u00a0–\u00a0", line)
        line = line.replace("Voor wie?", "Voor\u00a0wie?").replace("Met wie?", "Met\u00a0wie?")
        line = re.sub(r"^(\s*)(Wat\?|Waarom\?|Hoe\?) ", "\\1\\2\u00a0", line)
        out.append(line)
    return out


def crlf_bom(lines: list[str]) -> list[str]:
    """A Windows export: a byte order mark and CR LF line ends (the caller joins with \\n)."""
    return ["\ufeff" + lines[0], *lines[1:]] if lines else lines


def action_prefix_a(lines: list[str]) -> list[str]:
    """Action titles numbered 'A1.', 'A2.' … through the plan."""
    out, k = [], 0
    for line in lines:
        m = re.match(r"^(\s*)Actie: (.*)$", line)
        if m:
            k += 1
            line = f"{m[1]}A{k}. {m[2]}"
        out.append(line)
    return out


def action_prefix_hyphen(lines: list[str]) -> list[str]:
    """'Actie 1 - …' with a hyphen-minus, numbered through the plan."""
    out, k = [], 0
    for line in lines:
        m = re.match(r"^(\s*)Actie: (.*)$", line)
        if m:
            k += 1
            line = f"{m[1]}Actie {k} - {m[2]}"
        out.append(line)
    return out


def tab_indented_answers(lines: list[str]) -> list[str]:
    """A table export that puts every answer-cell line after a tab (the label cell empty)."""
    out = []
    inside = False
    for line in lines:
        if _is_label(line):
            inside = True
            out.append(line)
            continue
        if re.match(r"^\s*(Strategische|Operationele) doelstelling|^\s*Actie: ", line):
            inside = False
        out.append("\t" + line.strip() if inside and line.strip() else line)
    return out


def zone_header_alone(lines: list[str]) -> list[str]:
    """The running header replaced by the zone's name alone ('ELZ Kemp en Duin')."""
    return [
        re.sub(
            r"^(\s*)Actieplan (ELZ Kemp en Duin|Eerstelijnszone Zuidoost Hageland)\s*$",
            r"\1\2",
            line,
        )
        for line in lines
    ]


def checkbox_brackets(lines: list[str]) -> list[str]:
    """'[x] Procesevaluatie' / '[ ] …' (a text export of Word's check box content control)."""
    out = []
    for line in lines:
        s = line.lstrip()
        if s[:1] in ("☒", "☐"):
            lead = line[: len(line) - len(s)]
            line = lead + ("[x]" if s[0] == "☒" else "[ ]") + s[1:]
        out.append(line)
    return out


def checkbox_ja_nee(lines: list[str]) -> list[str]:
    """The type, a tab and 'Ja' or 'Nee' (a two-column table of types and answers)."""
    out = []
    for line in lines:
        s = line.lstrip()
        if s[:1] in ("☒", "☐"):
            lead = line[: len(line) - len(s)]
            line = lead + s[1:].strip() + "\t" + ("Ja" if s[0] == "☒" else "Nee")
        out.append(line)
    return out


def _goal_heading_ends(lines: list[str]) -> list[tuple[int, int]]:
    """(first, last) line of every SD/OD heading: up to the blank line under it."""
    out = []
    for i, line in enumerate(lines):
        if re.match(r"^\s*(Strategische|Operationele) doelstelling \d", line):
            j = i
            while (
                j + 1 < len(lines)
                and lines[j + 1].strip()
                and not re.match(
                    r"^\s*(Strategische|Operationele) doelstelling \d|^\s*Actie: ", lines[j + 1]
                )
                and not lines[j + 1].startswith(" ")
            ):
                j += 1
            out.append((i, j))
    return out


def bold_headings(lines: list[str]) -> list[str]:
    """Goal headings in Markdown bold over their wrapped lines ('**Strategische … van**' /
    '**goed bestuur**'), as a Word-to-Markdown export writes a bold paragraph."""
    out = list(lines)
    for first, last in _goal_heading_ends(lines):
        for k in range(first, last + 1):
            m = re.match(r"^(\s*)(.*?)(\s*)$", out[k])
            out[k] = f"{m[1]}**{m[2]}**{m[3]}"
    return out


def heading_title_next_line(lines: list[str]) -> list[str]:
    """The goal word and number in one cell, the title in the next: 'Strategische
    doelstelling 1' / 'ELZ Kemp en Duin handelt …'."""
    out = []
    for line in lines:
        m = re.match(r"^(\s*)((?:Strategische|Operationele) doelstelling [\d.]+) – (.*)$", line)
        if m:
            out.extend([m[1] + m[2], m[3]])
        else:
            out.append(line)
    return out


def action_word_alone(lines: list[str]) -> list[str]:
    """'Actie 1:' on its own line and the title under it (a form's header cell)."""
    out, k = [], 0
    for line in lines:
        m = re.match(r"^(\s*)Actie: (.*)$", line)
        if m:
            k += 1
            out.extend([f"{m[1]}Actie {k}:", m[2]])
        else:
            out.append(line)
    return out


def caps_colon_labels(lines: list[str]) -> list[str]:
    """Labels in capitals with a colon ('WAT:', 'VOOR WIE:', 'EVALUATIE:')."""
    out = []
    for line in lines:
        m = _LABEL_LINE.match(line)
        if m and _is_label(line):
            line = f"{m['lead']}{m['label'].rstrip('?').upper()}:{m['rest']}"
        out.append(line)
    return out


def goal_bold_labels_and_headings(lines: list[str]) -> list[str]:
    return bold_labels(bold_headings(lines))


def remove_od_headings(lines: list[str]) -> list[str]:
    """No operational goal between a strategic goal and its actions: the OD headings (with
    their wrapped lines) deleted. A heading that opened a page (its leading space) hands
    the page mark to the next line with text."""
    drop: set[int] = set()
    marks: set[int] = set()
    for first, last in _goal_heading_ends(lines):
        if "Operationele" in lines[first]:
            drop.update(range(first, last + 1))
            if lines[first].startswith(" "):
                nxt = next(k for k in range(last + 1, len(lines)) if lines[k].strip())
                marks.add(nxt)
    return [
        (" " + line.lstrip() if k in marks else line)
        for k, line in enumerate(lines)
        if k not in drop
    ]


def od_title_as_action_title(lines: list[str]) -> list[str]:
    """The writer repeats the OD's title as the action's title: 'Actie: <OD title>'."""
    out, od_title = [], None
    ends = {first: last for first, last in _goal_heading_ends(lines)}
    for k, line in enumerate(lines):
        if k in ends and "Operationele" in line:
            od_title = " ".join(x.strip() for x in lines[k : ends[k] + 1]).split(" – ", 1)[-1]
        m = re.match(r"^(\s*)Actie: (.*)$", line)
        if m and od_title:
            line = f"{m[1]}Actie: {od_title}"
        out.append(line)
    return out


def blank_lines_in_answers(lines: list[str]) -> list[str]:
    """Long answers with a blank line between every two lines that end a sentence (the
    writer's empty paragraphs inside one field)."""
    out = []
    for k, line in enumerate(lines):
        out.append(line)
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if (
            line.rstrip().endswith(".")
            and nxt.strip()
            and not nxt.startswith(" ")
            and not _is_label(nxt)
        ):
            out.append("")
    return out


def zone_header_other_form(lines: list[str]) -> list[str]:
    """The running header written 'Kemp en Duin | Actieplan 2025' (zone without 'ELZ')."""
    return [
        re.sub(
            r"^(\s*)Actieplan (?:ELZ |Eerstelijnszone )(Kemp en Duin|Zuidoost Hageland)\s*$",
            r"\1\2 | Actieplan 2025",
            line,
        )
        for line in lines
    ]


def nvt_answers(lines: list[str]) -> list[str]:
    """'n.v.t.', 'nvt', 'zie hoger' where the sample answers '/'."""
    words = ["n.v.t.", "nvt", "Zie hoger", "idem"]
    out, k = [], 0
    for line in lines:
        if line.strip() == "/":
            line = words[k % len(words)]
            k += 1
        out.append(line)
    return out


_STARTS_BLOCK = re.compile(
    r"^\s*(?:[-•o▪]\s|\(?\d{1,2}[.)]\s|☒|☐|(?:Strategische|Operationele) doelstelling|Actie:)"
)


def unwrapped_paragraphs(lines: list[str]) -> list[str]:
    """Word's 'save as text' without line wrapping: each paragraph on one line. A line is
    joined to the one under it when it ends no sentence and the next line opens no item,
    label, box, heading or page."""
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (
            prev.strip()
            and line.strip()
            and not line.startswith(" ")
            and not prev.rstrip().endswith((".", ":", "?", "!"))
            and not _STARTS_BLOCK.match(line)
            and not _is_label(line)
            and not _is_label(prev)
            and prev.strip() != "Doelgroep(en)"
        ):
            sep = "" if prev.rstrip().endswith("-") else " "
            out[-1] = prev.rstrip() + sep + line.strip()
        else:
            out.append(line)
    return out


def part_answer_after_tab(lines: list[str]) -> list[str]:
    """'Wie is de trekker van de actie?<TAB>ELZ Kemp en Duin': the sub-part question and its
    one-line answer in two cells of a row."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip() in ("Wie is de trekker van de actie?", "Doelgroep(en)") and i + 1 < len(
            lines
        ):
            nxt = lines[i + 1]
            if nxt.strip() and not _BULLET.match(nxt):
                out.append(line.rstrip() + "\t" + nxt.strip())
                i += 2
                continue
        out.append(line)
        i += 1
    return out


_PROMPTS = (
    "Geef een korte beschrijving van wat je gaat doen.",
    "Waarom deze actie? Waarom deze actie nu?",
    "Geef een beknopt plan hoe deze actie gaat worden opgezet of aangepakt.",
)


def bare_label_tab_answer(lines: list[str]) -> list[str]:
    """A form table exported to text by a writer who deleted the grey prompts and the
    labels' question marks: 'Waarom<TAB>We merken dat …', the label cell and the first
    line of the answer cell on one line."""
    kept = [line for line in lines if line.strip() not in _PROMPTS]
    out = label_tab_answer(kept)
    return [re.sub(r"^(\s*)(Wat|Waarom|Voor wie|Met wie|Hoe)\?\t", r"\1\2\t", line) for line in out]


def _boxes(checked: str, unchecked: str) -> Callable[[list[str]], list[str]]:
    def style(lines: list[str]) -> list[str]:
        out = []
        for line in lines:
            s = line.lstrip()
            if s[:1] in ("☒", "☐"):
                lead = line[: len(line) - len(s)]
                line = lead + (checked if s[0] == "☒" else unchecked) + s[1:]
            out.append(line)
        return out

    return style


def tab_sub_bullets(lines: list[str]) -> list[str]:
    """Sub-items indented with a tab ('<TAB>o Data toelichten')."""
    return ["\t" + line.lstrip() if re.match(r"^\s*o\s", line) else line for line in lines]


STYLES: dict[str, Callable[[list[str]], list[str]]] = {
    "label_tab_answer": label_tab_answer,
    "bold_labels": bold_labels,
    "numbered_items": numbered_items,
    "lettered_items": lettered_items,
    "roman_items": roman_items,
    "paren_numbered_items": paren_numbered_items,
    "marker_o": _markers("o"),
    "marker_middot": _markers("·"),
    "marker_section": _markers("§"),
    "marker_arrow": _markers("→"),
    "marker_check": _markers("✓"),
    "marker_circle": _markers("○"),
    "marker_plus": _markers("+"),
    "marker_triangle": _markers("►"),
    "labels_colon": labels_colon,
    "heading_page_number": heading_page_number,
    "nbsp": nbsp,
    "crlf_bom": crlf_bom,
    "action_prefix_a": action_prefix_a,
    "action_prefix_hyphen": action_prefix_hyphen,
    "tab_indented_answers": tab_indented_answers,
    "zone_header_alone": zone_header_alone,
    "checkbox_brackets": checkbox_brackets,
    "checkbox_ja_nee": checkbox_ja_nee,
    "bold_headings": bold_headings,
    "bold_all": goal_bold_labels_and_headings,
    "heading_title_next_line": heading_title_next_line,
    "action_word_alone": action_word_alone,
    "caps_colon_labels": caps_colon_labels,
    "remove_od_headings": remove_od_headings,
    "od_title_as_action_title": od_title_as_action_title,
    "blank_lines_in_answers": blank_lines_in_answers,
    "zone_header_other_form": zone_header_other_form,
    "nvt_answers": nvt_answers,
    "unwrapped_paragraphs": unwrapped_paragraphs,
    "part_answer_after_tab": part_answer_after_tab,
    "bare_label_tab_answer": bare_label_tab_answer,
    "wingdings_boxes_cp1252": _boxes("þ", "¨"),
    "wingdings_boxes_x": _boxes("ý", "¨"),
    "wingdings_boxes_pua": _boxes("\uf0fe", "\uf0a8"),
    "tab_sub_bullets": tab_sub_bullets,
}


def styled(name: str, style: str) -> str:
    """Sample `name` ('elzoh' or 'kemp') rewritten in `style`."""
    lines = SOURCES[name].read_text("utf-8").split("\n")
    text = "\n".join(STYLES[style](lines))
    return text.replace("\n", "\r\n") if style == "crlf_bom" else text


# -- comparison ----------------------------------------------------------------------------
def goal_facts(plan: Plan) -> list[tuple]:
    """Per SD: number, title, pages and its ODs' (number, title, pages)."""
    return [
        (
            sd.number,
            sd.title,
            sd.pages,
            [(od.number, od.title, od.pages) for od in sd.operational_goals],
        )
        for sd in plan.strategic_goals
    ]


# A list marker at the start of a line of a field's text: the writer's own, which a style
# changes (the items compare the text without it).
_MARKER = re.compile(r"(?m)^(?:[-•·○§o→+►✓]|\d{1,2}[.)]|[a-z]{1,4}[.)]) ")


def _text(text: str | None) -> str | None:
    return None if text is None else _MARKER.sub("", text)


def items(found: list[ListItem] | None) -> list[tuple] | None:
    """(text, level, pages) of each list item; None for a part absent from the form."""
    return None if found is None else [(i.text, i.level, i.pages) for i in found]


def action_facts(plan: Plan) -> list[tuple]:
    """Per action: id, title, kind, pages, list items (text, level, pages) of every list
    part, the why text and the lead (list markers aside) and every evaluation type's
    state and criteria."""
    out = []
    for a in plan.actions():
        ev = a.evaluation
        out.append(
            (
                a.id,
                a.title,
                a.kind,
                a.pages,
                a.what and (items(a.what.do), items(a.what.dont)),
                a.why and _text(a.why.text),
                a.for_whom and items(a.for_whom.target_groups),
                a.with_whom and (_text(a.with_whom.lead), items(a.with_whom.stakeholders)),
                a.how and (items(a.how.steps), items(a.how.milestones)),
                ev
                and [
                    (t, e.selected, items(e.criteria))
                    for t in ("process", "output", "outcome")
                    if (e := getattr(ev, t)) is not None
                ],
            )
        )
    return out
