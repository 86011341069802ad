"""Word variants of the real sample plans, as other zones' coordinators write the same
template: each variant rewrites the XML of a sample's Word file (written by
scripts/make_sample_docx.py from the text export) into another Word structure that shows
the same text, and never adds plan text of its own.

    PYTHONPATH=. python tests/docx_zone_styles.py [-v] [-m] [VARIANT[+VARIANT] ...]

writes the samples' Word files (scripts/make_sample_docx.py) and the variants into
/tmp/docx_zone_styles and prints, per sample and variant, whether its extraction equals
that of the sample's own Word file (the contract: sections, goals, actions, fields, list
items, checkbox states; the actions' pages compared apart). -v prints the first
differences, -m compares without list markers. The tests (tests/test_docx_<topic>.py)
use `write_variant`.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "make_sample_docx.py"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
NUMBERED_GOAL = re.compile(
    r"^(?P<word>(?:Strategische|Operationele) doelstelling) (?P<number>\d{1,2}(?:\.\d{1,2})?)"
    r"(?P<sep> [–:-] )"
)


class NotApplicable(ValueError):
    """The variant cannot be written from this sample without changing its text."""


def w(tag: str, **attrs: str) -> Any:
    el = etree.Element(W + tag)
    for key, value in attrs.items():
        el.set(W + key, value)
    return el


def text_of(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def style_of(p: Any) -> str | None:
    ps = p.find(f"{W}pPr/{W}pStyle")
    return None if ps is None else ps.get(W + "val")


def ppr_of(p: Any) -> Any:
    ppr = p.find(W + "pPr")
    if ppr is None:
        ppr = w("pPr")
        p.insert(0, ppr)
    return ppr


class Package:
    """The parts of a .docx, with document.xml, styles.xml and numbering.xml parsed."""

    XML = ("word/document.xml", "word/styles.xml", "word/numbering.xml")

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}
        self.xml = {name: etree.fromstring(self.parts[name]) for name in self.XML}

    @property
    def body(self) -> Any:
        return self.xml["word/document.xml"].find(W + "body")

    @property
    def styles(self) -> Any:
        return self.xml["word/styles.xml"]

    @property
    def numbering(self) -> Any:
        return self.xml["word/numbering.xml"]

    def save(self, out: Path) -> Path:
        for name, root in self.xml.items():
            self.parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                z.writestr(zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0)), data)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(buffer.getvalue())
        return out

    # -- numbering -------------------------------------------------------------------
    def add_list(self, levels: list[tuple[str, str]], starts: dict[int, int]) -> str:
        """A numbering instance: levels [(numFmt, lvlText)], start values per level."""
        ids = [int(a.get(W + "abstractNumId")) for a in self.numbering.iter(W + "abstractNum")]
        nums = [int(n.get(W + "numId")) for n in self.numbering.iter(W + "num")]
        aid, nid = str(max(ids, default=0) + 1), str(max(nums, default=0) + 1)
        abstract = w("abstractNum", abstractNumId=aid)
        for k, (fmt, text) in enumerate(levels):
            lvl = w("lvl", ilvl=str(k))
            lvl.append(w("start", val="1"))
            lvl.append(w("numFmt", val=fmt))
            lvl.append(w("lvlText", val=text))
            abstract.append(lvl)
        first_num = self.numbering.find(W + "num")
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        num = w("num", numId=nid)
        num.append(w("abstractNumId", val=aid))
        for k, start in starts.items():
            override = w("lvlOverride", ilvl=str(k))
            override.append(w("startOverride", val=str(start)))
            num.append(override)
        self.numbering.append(num)
        return nid

    def style(self, style_id: str) -> Any:
        for s in self.styles.iter(W + "style"):
            if s.get(W + "styleId") == style_id:
                return s
        raise KeyError(style_id)


def strip_prefix(p: Any, prefix: str) -> None:
    """Take `prefix` off the paragraph's text (over its first text elements)."""
    left = len(prefix)
    for t in p.iter(W + "t"):
        if left <= 0:
            break
        value = t.text or ""
        cut = min(left, len(value))
        t.text, left = value[cut:], left - cut
    assert left == 0


def goal_headings(pkg: Package) -> list[tuple[Any, re.Match[str]]]:
    out = []
    for p in pkg.body.iter(W + "p"):
        m = NUMBERED_GOAL.match(text_of(p))
        if m and style_of(p) in ("Heading2", "Heading3"):
            out.append((p, m))
    return out


# -- the variants ------------------------------------------------------------------------
def word_numbered_goals(pkg: Package) -> None:
    """Goal headings numbered by Word: the level text 'Strategische doelstelling %1 –' (OD
    '%1.%2'), the number no longer typed; each heading its own list instance that starts at
    the document's own number (the samples reuse and skip numbers)."""
    for p, m in goal_headings(pkg):
        numbers = [int(n) for n in m["number"].split(".")]
        if len(numbers) == 1:
            levels = [("decimal", f"{m['word']} %1{m['sep'].rstrip()}")]
        else:
            levels = [("decimal", "%1."), ("decimal", f"{m['word']} %1.%2{m['sep'].rstrip()}")]
        _number_by_word(pkg, p, m.group(0), levels, numbers)


def _number_by_word(
    pkg: Package, p: Any, prefix: str, levels: list[tuple[str, str]], numbers: list[int]
) -> None:
    """Heading paragraph `p` numbered by Word (a list of `levels` counting `numbers`) instead
    of its typed `prefix`."""
    nid = pkg.add_list(levels, dict(enumerate(numbers)))
    strip_prefix(p, prefix)
    numpr = w("numPr")
    numpr.append(w("ilvl", val=str(len(numbers) - 1)))
    numpr.append(w("numId", val=nid))
    ppr_of(p).append(numpr)


def outline_styles(pkg: Package) -> None:
    """Headings in custom styles ('Titel SD', 'Titel OD', 'Kop 1') with an outline level and
    their own bold and size, not based on Word's Heading styles."""
    for old, new, name, level in (
        ("Heading1", "Kop1Zone", "Kop 1", 0),
        ("Heading2", "TitelSD", "Titel SD", 1),
        ("Heading3", "TitelOD", "Titel OD", 2),
    ):
        style = w("style", type="paragraph", styleId=new)
        style.append(w("name", val=name))
        style.append(w("basedOn", val="Normal"))
        ppr = w("pPr")
        ppr.append(w("outlineLvl", val=str(level)))
        style.append(ppr)
        rpr = w("rPr")
        rpr.append(w("b"))
        rpr.append(w("sz", val=str(32 - 4 * level)))
        style.append(rpr)
        pkg.styles.append(style)
        for p in pkg.body.iter(W + "p"):
            if style_of(p) == old:
                p.find(f"{W}pPr/{W}pStyle").set(W + "val", new)


def bold_normal_headings(pkg: Package) -> None:
    """Headings typed as Normal paragraphs made bold and large by hand."""
    for p in pkg.body.iter(W + "p"):
        if style_of(p) in ("Heading1", "Heading2", "Heading3"):
            ppr = p.find(W + "pPr")
            ppr.remove(ppr.find(W + "pStyle"))
            for r in p.iter(W + "r"):
                rpr = r.find(W + "rPr")
                if rpr is None:
                    rpr = w("rPr")
                    r.insert(0, rpr)
                rpr.append(w("b"))
                rpr.append(w("sz", val="28"))


def form_tables(pkg: Package) -> list[Any]:
    """The 2-column label/answer tables of the actions (not the timeline)."""
    return [
        tbl for tbl in pkg.body.iter(W + "tbl") if len(tbl.findall(f"{W}tblGrid/{W}gridCol")) == 2
    ]


def cells(tr: Any) -> list[Any]:
    return tr.findall(W + "tc")


def form_as_paragraphs(pkg: Package) -> None:
    """The form without a table: the label as a bold paragraph, the answer below it."""
    for tbl in form_tables(pkg):
        blocks: list[Any] = []
        for tr in tbl.findall(W + "tr"):
            for tc in cells(tr):
                blocks.extend(el for el in tc if el.tag != W + "tcPr")
        parent = tbl.getparent()
        at = parent.index(tbl)
        parent.remove(tbl)
        for k, el in enumerate(blocks):
            parent.insert(at + k, el)


def three_columns(pkg: Package) -> None:
    """A 3-column form: label | prompt | answer (the grey prompts in their own column)."""
    for tbl in form_tables(pkg):
        grid = tbl.find(W + "tblGrid")
        grid.append(w("gridCol", w="3000"))
        for tr in tbl.findall(W + "tr"):
            answer = cells(tr)[1]
            prompt = w("tc")
            answer.addprevious(prompt)
            moved = False
            for el in list(answer):
                if el.tag == W + "p" and _is_prompt(el):
                    prompt.append(el)
                    moved = True
                elif el.tag != W + "tcPr":
                    break  # prompts are the answer's first paragraphs
            if not moved:
                prompt.append(w("p"))
            if not [el for el in answer if el.tag != W + "tcPr"]:
                answer.append(w("p"))


def _is_prompt(p: Any) -> bool:
    runs = [r for r in p.iter(W + "r") if text_of(r).strip()]
    return bool(runs) and all(
        (r.find(f"{W}rPr/{W}rStyle") is not None)
        and r.find(f"{W}rPr/{W}rStyle").get(W + "val") == "Prompt"
        for r in runs
    )


def nested_forms(pkg: Package) -> None:
    """Each form table inside the one cell of a frame table (a bordered box)."""
    for tbl in form_tables(pkg):
        outer = w("tbl")
        grid = w("tblGrid")
        grid.append(w("gridCol", w="9000"))
        outer.append(grid)
        tr = w("tr")
        tc = w("tc")
        tr.append(tc)
        outer.append(tr)
        tbl.addprevious(outer)
        tc.append(tbl)
        tc.append(w("p"))  # a cell ends in a paragraph


def label_above_merged(pkg: Package) -> None:
    """The label cell merged down over two rows (vMerge): the answer's prompt in the first
    row, the answer in the second."""
    for tbl in form_tables(pkg):
        for tr in tbl.findall(W + "tr"):
            label, answer = cells(tr)
            body = [el for el in answer if el.tag == W + "p" or el.tag == W + "sdt"]
            if len(body) < 2 or not _is_prompt(body[0]):
                continue
            new_tr = w("tr")
            cont = w("tc")
            tcpr = w("tcPr")
            tcpr.append(w("vMerge"))
            cont.append(tcpr)
            cont.append(w("p"))
            new_answer = w("tc")
            for el in body[1:]:
                new_answer.append(el)
            new_tr.append(cont)
            new_tr.append(new_answer)
            tr.addnext(new_tr)
            lpr = label.find(W + "tcPr")
            if lpr is None:
                lpr = w("tcPr")
                label.insert(0, lpr)
            lpr.append(w("vMerge", val="restart"))


def tab_after_checkbox(pkg: Package) -> None:
    """A tab between each checkbox and its evaluation type, instead of a space."""
    for p in pkg.body.iter(W + "p"):
        runs = p.findall(W + "r")
        for r in runs:
            t = r.find(W + "t")
            if (
                t is not None
                and (t.text or "").startswith(" ")
                and re.match(r" (Procesevaluatie|Resultaatgerichte|Impact)", t.text or "")
            ):
                t.text = t.text[1:]
                r.insert(list(r).index(t), w("tab"))


def soft_hyphens(pkg: Package) -> None:
    """Optional hyphens (Ctrl+-, w:softHyphen) inside long words of every answer."""
    for t in list(pkg.body.iter(W + "t")):
        value = t.text or ""
        m = re.search(r"[a-zë]{6}(?=[a-zë]{6})", value)
        if not m or t.getparent().tag != W + "r":
            continue
        r = t.getparent()
        cut = m.end()
        tail = copy.deepcopy(r)
        for el in list(tail):
            if el.tag != W + "rPr":
                tail.remove(el)
        tail_t = w("t")
        tail_t.text = value[cut:]
        tail_t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        tail.append(tail_t)
        t.text = value[:cut]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.addnext(w("softHyphen"))
        r.addnext(tail)


def _take_box(r: Any) -> bool | None:
    """The state of the Wingdings or typed checkbox in run `r`, which loses it (None: the
    run holds none)."""
    sym = r.find(W + "sym")
    t = r.find(W + "t")
    if sym is not None and sym.get(W + "font") == "Wingdings":
        r.remove(sym)
        return sym.get(W + "char") == "F0FD"
    if t is not None and (t.text or "") in ("☒", "☐") and r.getparent().tag == W + "p":
        r.remove(t)
        return t.text == "☒"
    return None


def symbol_boxes(font: str, checked: str, unchecked: str) -> Callable[[Package], None]:
    """Every typed or Wingdings checkbox as a w:sym of `font` with the given characters."""

    def variant(pkg: Package) -> None:
        for r in list(pkg.body.iter(W + "r")):
            state = _take_box(r)
            if state is not None:
                r.append(w("sym", font=font, char=checked if state else unchecked))

    return variant


def first_prompts_deleted(pkg: Package) -> None:
    """The grey prompt that opens each answer cell deleted (coordinators delete them);
    the prompts of sub-parts ('1) Wat ga je wel doen?') stay, and so does the prompt that
    opens 'Met wie?' ('Wie is de trekker van de actie?' names the sub-part lead)."""
    for tbl in form_tables(pkg):
        for tr in tbl.findall(W + "tr"):
            label, answer = cells(tr)
            if text_of(label).strip().startswith("Met wie"):
                continue
            holder = answer.find(f"{W}sdt/{W}sdtContent")
            holder = holder if holder is not None else answer
            body = [el for el in holder if el.tag == W + "p"]
            if len(body) >= 2 and _is_prompt(body[0]) and not _is_prompt(body[1]):
                for _mark in body[0].iter(W + "lastRenderedPageBreak"):
                    r = w("r")
                    r.append(w("lastRenderedPageBreak"))
                    body[1].insert(1 if body[1].find(W + "pPr") is not None else 0, r)
                holder.remove(body[0])


def labels_in_first_row(pkg: Package) -> None:
    """The form turned a quarter: the labels in the first row, the answers below them."""
    for tbl in form_tables(pkg):
        rows = tbl.findall(W + "tr")
        pairs = [cells(tr) for tr in rows]
        grid = tbl.find(W + "tblGrid")
        for col in grid.findall(W + "gridCol"):
            grid.remove(col)
        for _ in pairs:
            grid.append(w("gridCol", w=str(9000 // len(pairs))))
        for tr in rows:
            tbl.remove(tr)
        for k in (0, 1):
            tr = w("tr")
            for pair in pairs:
                tr.append(pair[k])
            tbl.append(tr)


def action_title_rows(pkg: Package) -> None:
    """The action's title as the form table's first row, one cell over both columns; the
    forms of one operational goal in one table (the title rows between them)."""
    body = pkg.body
    forms = set(form_tables(pkg))
    children = list(body)
    current = None
    for k, el in enumerate(children):
        if el in forms:
            title = _previous_title(children, k)
            target = current if current is not None and title is not None else el
            if title is not None:
                tr = w("tr")
                tc = w("tc")
                tcpr = w("tcPr")
                tcpr.append(w("gridSpan", val="2"))
                tc.append(tcpr)
                tc.append(title)
                tr.append(tc)
                first = el.find(W + "tr")
                if target is el:
                    first.addprevious(tr)
                else:
                    target.append(tr)
                    for row in el.findall(W + "tr"):
                        target.append(row)
                    body.remove(el)
            current = target
        elif el.tag == W + "p" and style_of(el) is not None:
            current = None  # a heading ends the goal's table


def _previous_title(children: list[Any], k: int) -> Any | None:
    """The bold paragraph right before a form (its action title), when there is one."""
    j = k - 1
    while j >= 0 and children[j].tag == W + "p" and not text_of(children[j]).strip():
        j -= 1
    if j < 0 or children[j].tag != W + "p" or style_of(children[j]) is not None:
        return None
    runs = [r for r in children[j].iter(W + "r") if text_of(r).strip()]
    if runs and all(r.find(f"{W}rPr/{W}b") is not None for r in runs):
        return children[j]
    return None


def style_numbered_goals(pkg: Package) -> None:
    """Goal headings numbered through their styles (numPr in Heading 2 / Heading 3, one
    outline list): only where the document's own numbers run 1, 2, ... as Word counts."""
    heads = goal_headings(pkg)
    counters = [0, 0]
    for _, m in heads:
        numbers = [int(n) for n in m["number"].split(".")]
        if len(numbers) == 1:
            counters = [counters[0] + 1, 0]
        else:
            counters[1] += 1
        if numbers != counters[: len(numbers)]:
            raise NotApplicable("goal numbers that Word would not count")
    sd, od = heads[0][1]["word"], next(m["word"] for _, m in heads if "." in m["number"])
    sep = heads[0][1]["sep"].rstrip()
    nid = pkg.add_list([("decimal", f"{sd} %1{sep}"), ("decimal", f"{od} %1.%2{sep}")], {})
    for level, sid in enumerate(("Heading2", "Heading3")):
        ppr = pkg.style(sid).find(W + "pPr")
        if ppr is None:
            ppr = w("pPr")
            pkg.style(sid).append(ppr)
        numpr = w("numPr")
        numpr.append(w("ilvl", val=str(level)))
        numpr.append(w("numId", val=nid))
        ppr.insert(0, numpr)
    for p in pkg.body.iter(W + "p"):
        if style_of(p) in ("Heading2", "Heading3"):
            m = NUMBERED_GOAL.match(text_of(p))
            if m:
                strip_prefix(p, m.group(0))
            else:  # a Heading 2 that is no goal: out of the list
                numpr = w("numPr")
                numpr.append(w("numId", val="0"))
                ppr_of(p).append(numpr)


def prompt_in_label_cell(pkg: Package) -> None:
    """The grey prompt under the label in the left cell, the answer alone on the right."""
    for tbl in form_tables(pkg):
        for tr in tbl.findall(W + "tr"):
            label, answer = cells(tr)
            body = [el for el in answer if el.tag in (W + "p", W + "sdt")]
            if len(body) >= 2 and _is_prompt(body[0]):
                label.append(body[0])


def _control(setting: Any) -> tuple[Any, Any]:
    """An empty content control (w:sdt) with one property: the control and its content
    element, to put elements in."""
    sdt, pr, content = w("sdt"), w("sdtPr"), w("sdtContent")
    pr.append(setting)
    sdt.append(pr)
    sdt.append(content)
    return sdt, content


def controls_around_blocks(pkg: Package) -> None:
    """Block-level content controls around each heading and each whole form table."""
    targets = [
        el
        for el in pkg.body
        if el.tag == W + "tbl"
        or (el.tag == W + "p" and style_of(el) in ("Heading1", "Heading2", "Heading3"))
    ]
    for el in targets:
        sdt, content = _control(w("alias", val="Sectie"))
        el.addprevious(sdt)
        content.append(el)


def fields_around_text(pkg: Package) -> None:
    """Answer text inside complex fields (HYPERLINK), headings inside w:fldSimple (REF) and
    action titles inside w:smartTag."""
    for p in list(pkg.body.iter(W + "p")):
        runs = [r for r in p.findall(W + "r") if r.find(W + "t") is not None]
        if not runs:
            continue
        if style_of(p) in ("Heading2", "Heading3"):
            fld = w("fldSimple", instr=" REF _Ref1 \\h ")
            runs[0].addprevious(fld)
            for r in runs:
                fld.append(r)
        elif all(r.find(f"{W}rPr/{W}b") is not None for r in runs):
            tag = w("smartTag", uri="urn:schemas-microsoft-com:office:smarttags", element="place")
            runs[0].addprevious(tag)
            for r in runs:
                tag.append(r)
        elif p.getparent().tag == W + "tc" or p.getparent().tag == W + "sdtContent":
            first, last = runs[0], runs[-1]
            for kind, at in (("begin", "before"), ("separate", "before"), ("end", "after")):
                r = w("r")
                fc = w("fldChar", fldCharType=kind)
                r.append(fc)
                if at == "before":
                    first.addprevious(r)
                    if kind == "begin":
                        ir = w("r")
                        it = w("instrText")
                        it.text = ' HYPERLINK "https://www.vlaanderen.be" '
                        ir.append(it)
                        r.addnext(ir)
                else:
                    last.addnext(r)


def hard_page_breaks(pkg: Package) -> None:
    """A hard page break (w:br type=page) ending the paragraph before each page Word
    recorded in the body (Word then records that page at the next paragraph too)."""
    paras = [p for p in pkg.body if p.tag == W + "p"]
    for prev, p in itertools.pairwise(paras):
        if p.find(f"{W}r/{W}lastRenderedPageBreak") is not None and prev.getnext() is p:
            r = w("r")
            r.append(w("br", type="page"))
            prev.append(r)


def landscape_timeline(pkg: Package) -> None:
    """The Tijdslijn in a landscape section: section breaks (next page) at the page breaks
    Word recorded around it (the paragraph before a recorded page starts a new section)."""
    body = list(pkg.body)
    tables = [
        k
        for k, el in enumerate(body)
        if el.tag == W + "tbl" and len(el.findall(f"{W}tblGrid/{W}gridCol")) > 2
    ]
    if not tables:
        raise NotApplicable("no timeline tables")

    def page_starts(k: int) -> bool:
        el = body[k]
        return el.tag == W + "p" and el.find(f"{W}r/{W}lastRenderedPageBreak") is not None

    before = next(k for k in range(tables[0], 0, -1) if page_starts(k))
    after = next((k for k in range(tables[-1], len(body)) if page_starts(k)), None)
    for start, orient in ((before, None), (after, "landscape")):
        if start is None or body[start - 1].tag != W + "p":
            raise NotApplicable("no paragraph before the timeline's page")
        sect = w("sectPr")
        size = w("pgSz", w="16838", h="11906") if orient else w("pgSz", w="11906", h="16838")
        if orient:
            size.set(W + "orient", orient)
        sect.append(size)
        ppr_of(body[start - 1]).append(sect)


def wide_label_column(pkg: Package) -> None:
    """The label column made wider than the answer column."""
    for tbl in form_tables(pkg):
        cols = tbl.findall(f"{W}tblGrid/{W}gridCol")
        cols[0].set(W + "w", "5000")
        cols[1].set(W + "w", "4000")


def typed_boxes(checked: str, unchecked: str) -> Callable[[Package], None]:
    """Every Wingdings or typed checkbox typed as the given characters."""

    def variant(pkg: Package) -> None:
        for r in list(pkg.body.iter(W + "r")):
            state = _take_box(r)
            if state is not None:
                t = w("t")
                t.text = checked if state else unchecked
                r.append(t)

    return variant


def no_break_hyphens(pkg: Package) -> None:
    """Every hyphen between letters typed as a non-breaking hyphen (Ctrl+Shift+-)."""
    for t in list(pkg.body.iter(W + "t")):
        value = t.text or ""
        if t.getparent().tag != W + "r" or not re.search(r"\w-\w", value):
            continue
        parts = re.split(r"(?<=\w)-(?=\w)", value)
        t.text = parts[0]
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        at = t
        for part in parts[1:]:
            hyphen = w("noBreakHyphen")
            at.addnext(hyphen)
            nt = w("t")
            nt.text = part
            nt.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            hyphen.addnext(nt)
            at = nt


def word_default_bullets(pkg: Package) -> None:
    """Bullet lists in Word's own default bullets: Symbol U+F0B7, then 'o' in Courier New,
    then Wingdings U+F0A7 (the markers change, the items must not)."""
    defaults = [("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings")]
    for lvl in pkg.numbering.iter(W + "lvl"):
        fmt = lvl.find(W + "numFmt")
        if fmt is None or fmt.get(W + "val") != "bullet":
            continue
        text, font = defaults[int(lvl.get(W + "ilvl")) % 3]
        lvl.find(W + "lvlText").set(W + "val", text)
        rpr = lvl.find(W + "rPr")
        if rpr is None:
            rpr = w("rPr")
            lvl.append(rpr)
        rpr.append(w("rFonts", ascii=font, hAnsi=font, hint="default"))


def evaluation_grid(pkg: Package) -> None:
    """The evaluation checkboxes in a nested table in the Evaluatie cell: the box in a
    narrow cell, the type and its criteria beside it."""
    for tbl in form_tables(pkg):
        for tr in tbl.findall(W + "tr"):
            label, answer = cells(tr)
            if not text_of(label).strip().startswith("Evaluatie"):
                continue
            holder = answer.find(f"{W}sdt/{W}sdtContent")
            holder = holder if holder is not None else answer
            paras = [el for el in holder if el.tag == W + "p"]
            groups: list[list[Any]] = []
            for p in paras:
                if _box_runs(p):
                    groups.append([p])
                elif groups:
                    groups[-1].append(p)
            if not groups:
                continue
            inner = w("tbl")
            grid = w("tblGrid")
            grid.append(w("gridCol", w="500"))
            grid.append(w("gridCol", w="6000"))
            inner.append(grid)
            groups[0][0].addprevious(inner)
            for group in groups:
                row = w("tr")
                box_cell, text_cell = w("tc"), w("tc")
                box_p = w("p")
                for el in _box_runs(group[0]):
                    box_p.append(el)
                box_cell.append(box_p)
                for p in group:
                    text_cell.append(p)
                row.append(box_cell)
                row.append(text_cell)
                inner.append(row)
            inner.addnext(w("p"))


def _box_runs(p: Any) -> list[Any]:
    """The elements of a paragraph before its evaluation type's text (the checkbox)."""
    out = []
    for el in p:
        if el.tag == W + "pPr":
            continue
        t = "".join(x.text or "" for x in el.iter(W + "t"))
        if re.match(r"\s*(Procesevaluatie|Resultaatgerichte|Impact)", t):
            return out if out else []
        out.append(el)
    return []


def heading_line_breaks(pkg: Package) -> None:
    """A manual line break (Shift+Enter) between a goal heading's number and its title."""
    for p, m in goal_headings(pkg):
        strip_prefix(p, m.group(0))
        r = w("r")
        t = w("t")
        t.text = m.group(0).rstrip()
        r.append(t)
        r.append(w("br"))
        first = next(el for el in p if el.tag == W + "r" and el.find(W + "t") is not None)
        first.addprevious(r)


def action_title_style(pkg: Package) -> None:
    """Action titles (bold paragraphs before a form) in Word's Heading 4 style."""
    children = list(pkg.body)
    forms = set(form_tables(pkg))
    for k, el in enumerate(children):
        if el in forms:
            title = _previous_title(children, k)
            if title is not None:
                for b in title.iter(W + "b"):
                    b.getparent().remove(b)
                ps = w("pStyle", val="Heading4")
                ppr_of(title).insert(0, ps)


def outline_numbered_headings(pkg: Package) -> None:
    """Word's heading numbering '1', '1.1', '1.1.1' linked to Heading 1-3 (one outline
    list), in front of the headings' own text ('2.1 Strategische doelstelling 1 – ...')."""
    nid = pkg.add_list([("decimal", "%1"), ("decimal", "%1.%2"), ("decimal", "%1.%2.%3")], {})
    for level, sid in enumerate(("Heading1", "Heading2", "Heading3")):
        style = pkg.style(sid)
        ppr = style.find(W + "pPr")
        if ppr is None:
            ppr = w("pPr")
            style.append(ppr)
        numpr = w("numPr")
        numpr.append(w("ilvl", val=str(level)))
        numpr.append(w("numId", val=nid))
        ppr.insert(0, numpr)


def _banner(p: Any, split: re.Match[str] | None) -> None:
    """Put a heading paragraph in a table of one row: one cell, or the goal's number and
    its title in two cells when `split` (the NUMBERED_GOAL match) is given."""
    tbl = w("tbl")
    grid = w("tblGrid")
    widths = ("9000",) if split is None else ("3000", "6000")
    for width in widths:
        grid.append(w("gridCol", w=width))
    tbl.append(grid)
    tr = w("tr")
    tbl.append(tr)
    p.addprevious(tbl)
    if split is not None:
        number = copy.deepcopy(p)
        for el in list(number):
            if el.tag != W + "pPr":
                number.remove(el)
        r = w("r")
        t = w("t")
        t.text = f"{split['word']} {split['number']}"
        r.append(t)
        number.append(r)
        strip_prefix(p, split.group(0))
        tc = w("tc")
        tc.append(number)
        tr.append(tc)
    tc = w("tc")
    tc.append(p)
    tr.append(tc)


def goal_banners(pkg: Package) -> None:
    """Each goal heading in a one-cell table (a shaded banner)."""
    for p, _ in goal_headings(pkg):
        _banner(p, None)


def goal_number_cells(pkg: Package) -> None:
    """Each goal heading in a two-cell table: 'Strategische doelstelling 1' | its title
    (the separator dropped, as a cell border separates them)."""
    for p, m in goal_headings(pkg):
        _banner(p, m)


def repeating_sections(pkg: Package) -> None:
    """Each form row inside a repeating-section content control (w15:repeatingSection at
    table level, each row a w15:repeatingSectionItem), as forms that let a zone add rows do;
    the Tijdslijn rows in custom XML elements."""
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    for tbl in pkg.body.iter(W + "tbl"):
        rows = tbl.findall(W + "tr")
        if not rows:
            continue
        if len(tbl.findall(f"{W}tblGrid/{W}gridCol")) != 2:
            for tr in rows:
                holder = etree.Element(W + "customXml")
                holder.set(W + "element", "maand")
                tr.addprevious(holder)
                holder.append(tr)
            continue
        outer, content = _control(etree.Element(f"{{{w15}}}repeatingSection"))
        rows[0].addprevious(outer)
        for tr in rows:
            item, item_content = _control(etree.Element(f"{{{w15}}}repeatingSectionItem"))
            item_content.append(tr)
            content.append(item)


def _run(text: str) -> Any:
    r = w("r")
    t = w("t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def _field_runs(instr: str, result: str | None) -> list[Any]:
    """Runs of a complex field: begin, code, separate, result (when given), end."""
    out = []
    for kind in ("begin", "code", "separate", "result", "end"):
        r = w("r")
        if kind == "code":
            it = w("instrText")
            it.text = f" {instr} "
            r.append(it)
        elif kind == "result":
            if result is None:
                continue
            r = _run(result)
        else:
            r.append(w("fldChar", fldCharType=kind))
        out.append(r)
    return out


def toc_field(pkg: Package) -> None:
    """A table of contents as Word writes it (a TOC field over many paragraphs, each entry
    a hyperlink with the heading's text, a tab and a PAGEREF field showing its page) before
    the first heading; the entries are the document's own headings and pages."""
    page, entries = 1, []
    for p in pkg.body.iter(W + "p"):
        page += len(list(p.iter(W + "lastRenderedPageBreak")))
        level = {"Heading1": 1, "Heading2": 2, "Heading3": 3}.get(style_of(p) or "")
        if level and text_of(p).strip():
            entries.append((level, text_of(p).strip(), page))
    first = pkg.body[0]
    for k, (level, text, at) in enumerate(entries):
        p = w("p")
        ppr = w("pPr")
        ppr.append(w("pStyle", val=f"TOC{level}"))
        p.append(ppr)
        if k == 0:
            for r in _field_runs('TOC \\o "1-3" \\h \\z \\u', None)[:3]:
                p.append(r)
        link = w("hyperlink", anchor=f"_Toc{k:06d}", history="1")
        link.append(_run(text))
        tab = w("r")
        tab.append(w("tab"))
        link.append(tab)
        for r in _field_runs(f"PAGEREF _Toc{k:06d} \\h", str(at)):
            link.append(r)
        p.append(link)
        if k == len(entries) - 1:
            end = w("r")
            end.append(w("fldChar", fldCharType="end"))
            p.append(end)
        first.addprevious(p)
    # the body's first paragraph carried Word's record of the pages before it
    marks = [m for m in first.iter(W + "lastRenderedPageBreak")]
    assert entries and all(m is not None for m in marks)


def typed_list_markers(pkg: Package) -> None:
    """Bullet lists typed by hand: the marker Word showed, a tab, and the indent of the
    level (w:ind), no numbering definition."""
    bullets = {}
    for num in pkg.numbering.iter(W + "num"):
        aid = num.find(W + "abstractNumId").get(W + "val")
        bullets[num.get(W + "numId")] = aid
    levels = {}
    for a in pkg.numbering.iter(W + "abstractNum"):
        for lvl in a.iter(W + "lvl"):
            levels[(a.get(W + "abstractNumId"), lvl.get(W + "ilvl"))] = (
                lvl.find(W + "numFmt").get(W + "val"),
                lvl.find(W + "lvlText").get(W + "val"),
            )
    for p in pkg.body.iter(W + "p"):
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is None:
            continue
        nid, ilvl = numpr.find(W + "numId").get(W + "val"), numpr.find(W + "ilvl").get(W + "val")
        fmt, text = levels[(bullets[nid], ilvl)]
        if fmt != "bullet" or text not in ("-", "o", "•", "–"):
            continue
        ppr = numpr.getparent()
        ppr.remove(numpr)
        ppr.append(w("ind", left=str(360 * (int(ilvl) + 1)), hanging="360"))
        # before the text, after a page break Word recorded at the paragraph's start
        first = next(el for el in p if el.tag == W + "r" and el.find(W + "t") is not None)
        marker = _run(text)
        marker.append(w("tab"))
        first.addprevious(marker)


def invisible_characters(char: str, where: str) -> Callable[[Package], None]:
    """`char` typed into the text: 'words' inside every long word (a soft hyphen U+00AD or a
    zero-width space pasted from a web page), 'spaces' instead of the space after a goal
    word and after 'Actie:' (a non-breaking space, Ctrl+Shift+Space)."""

    def variant(pkg: Package) -> None:
        for t in pkg.body.iter(W + "t"):
            value = t.text or ""
            if where == "words":
                t.text = re.sub(r"(?<=[a-zë]{6})(?=[a-zë]{6})", char, value)
            else:
                t.text = re.sub(r"(?<=doelstelling) (?=\d)|(?<=Actie:) ", char, value)

    return variant


def numbered_sub_parts(pkg: Package) -> None:
    """The sub-part prompts '1) Wat ga je wel doen?', '2) Wat ga je niet doen?' numbered by
    Word (level text '%1)', one list per answer cell) instead of typed numbers."""
    for tbl in form_tables(pkg):
        for tr in tbl.findall(W + "tr"):
            answer = cells(tr)[1]
            nid = None
            for p in answer.iter(W + "p"):
                m = re.match(r"^(\d)\) ", text_of(p))
                if not m or not _is_prompt(p):
                    continue
                if nid is None:
                    nid = pkg.add_list([("decimal", "%1)")], {0: int(m[1])})
                strip_prefix(p, m.group(0))
                numpr = w("numPr")
                numpr.append(w("ilvl", val="0"))
                numpr.append(w("numId", val=nid))
                ppr_of(p).append(numpr)


def evaluation_three_columns(pkg: Package) -> None:
    """The evaluation as a nested 3-column table: box | type | criteria."""
    for tbl in form_tables(pkg):
        for tr in tbl.findall(W + "tr"):
            label, answer = cells(tr)
            if not text_of(label).strip().startswith("Evaluatie"):
                continue
            holder = answer.find(f"{W}sdt/{W}sdtContent")
            holder = holder if holder is not None else answer
            groups: list[list[Any]] = []
            for p in [el for el in holder if el.tag == W + "p"]:
                if _box_runs(p):
                    groups.append([p])
                elif groups:
                    groups[-1].append(p)
            if not groups:
                continue
            inner = w("tbl")
            grid = w("tblGrid")
            for width in ("500", "2500", "4000"):
                grid.append(w("gridCol", w=width))
            inner.append(grid)
            groups[0][0].addprevious(inner)
            for group in groups:
                row = w("tr")
                box_p = w("p")
                for el in _box_runs(group[0]):
                    box_p.append(el)
                parts = [[box_p], [group[0]], group[1:] or [w("p")]]
                for part in parts:
                    tc = w("tc")
                    for el in part:
                        tc.append(el)
                    row.append(tc)
                inner.append(row)
            inner.addnext(w("p"))


def placeholder_prompts(pkg: Package) -> None:
    """Every grey prompt shown as the placeholder text of an empty content control (the
    control shows the template's wording until the zone types in it)."""
    for p in list(pkg.body.iter(W + "p")):
        if not _is_prompt(p):
            continue
        runs = [r for r in p if r.tag == W + "r" and r.find(W + "t") is not None]
        sdt, content = _control(w("showingPlcHdr"))
        runs[0].addprevious(sdt)
        for r in runs:
            content.append(r)


def tracked_changes(pkg: Package) -> None:
    """Written with Track Changes on: every answer run an insertion, a deleted copy of it
    before it, and a formatting change recorded on each paragraph and run (the old
    properties: a heading style, bold)."""
    for p in list(pkg.body.iter(W + "p")):
        ppr = ppr_of(p)
        change = w("pPrChange", id="1", author="zone", date="2025-01-01T00:00:00Z")
        old = w("pPr")
        old.append(w("pStyle", val="Heading1"))
        change.append(old)
        ppr.append(change)
        for r in [r for r in p if r.tag == W + "r" and r.find(W + "t") is not None]:
            rpr = r.find(W + "rPr")
            if rpr is None:
                rpr = w("rPr")
                r.insert(0, rpr)
            rchange = w("rPrChange", id="2", author="zone", date="2025-01-01T00:00:00Z")
            old_r = w("rPr")
            old_r.append(w("b"))
            old_r.append(w("vanish"))
            rchange.append(old_r)
            rpr.append(rchange)
            if p.getparent().tag in (W + "tc", W + "sdtContent"):
                deleted = copy.deepcopy(r)
                for t in deleted.iter(W + "t"):
                    t.tag = W + "delText"
                dl = w("del", id="3", author="zone", date="2025-01-01T00:00:00Z")
                dl.append(deleted)
                ins = w("ins", id="4", author="zone", date="2025-01-01T00:00:00Z")
                r.addprevious(dl)
                r.addprevious(ins)
                ins.append(r)


V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _ole_object(prog_id: str, k: int) -> Any:
    """A w:object as Word writes an embedded OLE object: its preview picture (VML) and
    the OLEObject; the relationship ids point nowhere here (the reader never follows them:
    the object's content is a binary part it does not read)."""
    obj = w("object", dxaOrig="9000", dyaOrig="4000")
    shape = etree.SubElement(obj, f"{{{V_NS}}}shape", id=f"_x0000_i{1025 + k}")
    image = etree.SubElement(shape, f"{{{V_NS}}}imagedata")
    image.set(f"{{{R_NS}}}id", f"rIdObjectPreview{k}")
    ole = etree.SubElement(obj, f"{{{O_NS}}}OLEObject", Type="Embed", ProgID=prog_id)
    ole.set("ShapeID", f"_x0000_i{1025 + k}")
    ole.set(f"{{{R_NS}}}id", f"rIdObject{k}")
    return obj


def timeline_as_excel(pkg: Package) -> None:
    """Each Tijdslijn table pasted as an embedded Excel sheet (an OLE object, not a table)."""
    tables = [
        tbl for tbl in pkg.body.findall(W + "tbl") if len(tbl.findall(f"{W}tblGrid/{W}gridCol")) > 2
    ]
    if not tables:
        raise NotApplicable("no timeline tables")
    for k, tbl in enumerate(tables):
        p = w("p")
        r = w("r")
        r.append(_ole_object("Excel.Sheet.12", k))
        p.append(r)
        for _mark in tbl.iter(W + "lastRenderedPageBreak"):  # Word's record of the pages
            r.addprevious(_mark_run())
        tbl.addprevious(p)
        pkg.body.remove(tbl)


def _mark_run() -> Any:
    r = w("r")
    r.append(w("lastRenderedPageBreak"))
    return r


def answer_line_breaks(pkg: Package) -> None:
    """Answers typed with Shift+Enter: consecutive plain paragraphs of an answer cell (no
    prompt, no list item, no checkbox) joined into one paragraph with manual line breaks."""
    for tbl in form_tables(pkg):
        for tc in tbl.iter(W + "tc"):
            holder = tc.find(f"{W}sdt/{W}sdtContent")
            holder = holder if holder is not None else tc
            run: list[Any] = []
            for p in [*holder.findall(W + "p"), None]:
                plain = (
                    p is not None
                    and text_of(p).strip()
                    and not _is_prompt(p)
                    and p.find(f"{W}pPr/{W}numPr") is None
                    and not _box_runs(p)
                    and p.find(f".//{W}sdt") is None
                    and p.find(f".//{W}fldChar") is None
                    and p.find(f".//{W}sym") is None
                )
                if plain and (not run or run[-1].getnext() is p):
                    run.append(p)
                    continue
                for extra in run[1:]:
                    br = w("r")
                    br.append(w("br"))
                    run[0].append(br)
                    for el in list(extra):
                        if el.tag != W + "pPr":
                            run[0].append(el)
                    extra.getparent().remove(extra)
                run = [p] if plain else []


def numbered_labels(pkg: Package) -> None:
    """The labels numbered by Word in each form ('1. Wat?', '2. Waarom?': level text
    '%1.', one list per table)."""
    for tbl in form_tables(pkg):
        nid = pkg.add_list([("decimal", "%1.")], {})
        for tr in tbl.findall(W + "tr"):
            for p in cells(tr)[0].findall(W + "p"):
                if text_of(p).strip():
                    numpr = w("numPr")
                    numpr.append(w("ilvl", val="0"))
                    numpr.append(w("numId", val=nid))
                    ppr_of(p).append(numpr)


def abbreviated_numbered_goals(pkg: Package) -> None:
    """Goal headings numbered by Word as 'SD %1:' and 'OD %1.%2:' before the title alone."""
    for p, m in goal_headings(pkg):
        numbers = [int(n) for n in m["number"].split(".")]
        word = "SD" if len(numbers) == 1 else "OD"
        text = f"{word} %1:" if len(numbers) == 1 else f"{word} %1.%2:"
        levels = (
            [("decimal", text)] if len(numbers) == 1 else [("decimal", "%1."), ("decimal", text)]
        )
        _number_by_word(pkg, p, m.group(0), levels, numbers)


def without_layout_record(pkg: Package) -> None:
    """Saved by a program that records no layout (LibreOffice, a converter): no
    w:lastRenderedPageBreak in the body."""
    for mark in list(pkg.body.iter(W + "lastRenderedPageBreak")):
        mark.getparent().remove(mark)


VARIANTS: dict[str, Callable[[Package], None]] = {
    "word-numbered-goals": word_numbered_goals,
    "outline-styles": outline_styles,
    "bold-normal-headings": bold_normal_headings,
    "form-as-paragraphs": form_as_paragraphs,
    "three-columns": three_columns,
    "nested-forms": nested_forms,
    "label-merged-down": label_above_merged,
    "tab-after-checkbox": tab_after_checkbox,
    "soft-hyphens": soft_hyphens,
    "wingdings2-boxes": symbol_boxes("Wingdings 2", "F054", "F0A3"),
    "segoe-boxes": symbol_boxes("Segoe UI Symbol", "2612", "2610"),
    "first-prompts-deleted": first_prompts_deleted,
    "labels-in-first-row": labels_in_first_row,
    "action-title-rows": action_title_rows,
    "style-numbered-goals": style_numbered_goals,
    "prompt-in-label-cell": prompt_in_label_cell,
    "controls-around-blocks": controls_around_blocks,
    "fields-around-text": fields_around_text,
    "hard-page-breaks": hard_page_breaks,
    "landscape-timeline": landscape_timeline,
    "wide-label-column": wide_label_column,
    "typed-check-boxes": typed_boxes("☑", "☐"),
    "typed-squares": typed_boxes("■", "□"),
    "no-break-hyphens": no_break_hyphens,
    "word-default-bullets": word_default_bullets,
    "evaluation-grid": evaluation_grid,
    "heading-line-breaks": heading_line_breaks,
    "action-title-style": action_title_style,
    "outline-numbered-headings": outline_numbered_headings,
    "goal-banners": goal_banners,
    "goal-number-cells": goal_number_cells,
    "repeating-sections": repeating_sections,
    "toc-field": toc_field,
    "typed-list-markers": typed_list_markers,
    "soft-hyphen-characters": invisible_characters("\u00ad", "words"),
    "zero-width-spaces": invisible_characters("\u200b", "words"),
    "no-break-spaces": invisible_characters("\u00a0", "spaces"),
    "numbered-sub-parts": numbered_sub_parts,
    "evaluation-three-columns": evaluation_three_columns,
    "placeholder-prompts": placeholder_prompts,
    "tracked-changes": tracked_changes,
    "timeline-as-excel": timeline_as_excel,
    "answer-line-breaks": answer_line_breaks,
    "numbered-labels": numbered_labels,
    "abbreviated-numbered-goals": abbreviated_numbered_goals,
    "without-layout-record": without_layout_record,
}


def write_variant(source: Path, name: str, out_dir: Path) -> Path:
    """`name`: a variant, or several joined by '+' (applied in that order)."""
    pkg = Package(source)
    for part in name.split("+"):
        VARIANTS[part](pkg)
    return pkg.save(out_dir / f"{name}-{source.name}")


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    import importlib.util

    from test_pdf_parity import contract, without_keys

    from planextract.pipeline import extract_file

    out = Path("/tmp/docx_zone_styles")
    spec = importlib.util.spec_from_file_location("make_sample_docx", SCRIPT)
    assert spec and spec.loader
    script = importlib.util.module_from_spec(spec)
    sys.modules["make_sample_docx"] = script
    spec.loader.exec_module(script)
    samples = [script.write_sample(name, out / "samples") for name in script.SAMPLE_FILES]
    names = [a for a in argv if not a.startswith("-")] or list(VARIANTS)
    for source in sorted(samples):
        base = extract_file(source, enrich=False).plan
        want = contract(base)
        pages = [(a.id, a.pages) for a in base.actions()]
        for name in names:
            try:
                path = write_variant(source, name, out)
            except NotApplicable as exc:
                print(f"{source.stem[:18]:18} {name:22} n/a: {exc}")
                continue
            plan = extract_file(path, enrich=False).plan
            got = contract(plan)
            if "-m" in argv:  # markers aside
                want, got = without_keys(contract(base), {"marker"}), without_keys(got, {"marker"})
            diff = [k for k in want if want[k] != got.get(k)]
            if "-v" in argv:
                for d in sorted(differences(want, got))[:8]:
                    print("   ", d)
            same_pages = [(a.id, a.pages) for a in plan.actions()] == pages
            print(
                f"{source.stem[:18]:18} {name:22} contract {diff or '='}"
                f" pages {'=' if same_pages else '≠'} actions {len(plan.actions())}"
                f"/{len(base.actions())}"
            )
    return 0


def differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Paths where two model dumps differ (first few)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in a.keys() | b.keys():
            out += differences(a.get(k), b.get(k), f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [
            d
            for k, (x, y) in enumerate(zip(a, b, strict=True))
            for d in differences(x, y, f"{path}[{k}]")
        ]
    return [] if a == b else [f"{path}: {str(a)[:100]!r} != {str(b)[:100]!r}"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
