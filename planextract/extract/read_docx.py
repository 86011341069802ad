"""Read a Word (DOCX) plan into a Document with python-docx: the same lines the other
readers make, with bold/italic/colour/size from the styles, the label column of the form
tables marked, checkbox states from their controls, and data tables kept as exact cells.

Pages: Word stores none. When Word recorded where its last layout broke the pages
(w:lastRenderedPageBreak), those breaks and the hard breaks give each line its printed
page, and the plan says the numbers are approximate; without that record pages stay
unknown rather than guessed. The running header (another part of the package) gives the
organisation as in a PDF, and is never body text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from planextract.errors import LimitExceeded, NoTextLayer, PlanExtractError, UnreadableInput
from planextract.extract.docx_body import BodyReader
from planextract.extract.docx_package import open_docx
from planextract.extract.docx_style import Numbering, Styles, q
from planextract.extract.limits import Limits
from planextract.models.document import Document, ReaderNote
from planextract.rules.labels import is_template_text
from planextract.rules.pages import match_header
from planextract.rules.pdf import load_pdf_rules
from planextract.rules.profile import Profile

# Dutch notes for the plan, per count the body reader keeps.
_NOTES = {
    "tracked-changes": "{n} bijgehouden wijziging(en): de tekst is gelezen alsof ze aanvaard zijn",
    "comments": "{n} opmerking(en) in de kantlijn: niet gelezen, geen deel van de tekst",
    "footnotes": "{n} voetnoot/voetnoten: niet gelezen, geen deel van de tekst",
    "endnotes": "{n} eindnoot/eindnoten: niet gelezen, geen deel van de tekst",
    "hidden-text": "{n} verborgen tekstdeel/-delen: niet gelezen (Word toont en drukt ze niet)",
    "placeholders": (
        "{n} leeg invulveld/lege invulvelden met Words standaardtekst: niet gelezen als antwoord"
    ),
    "pictures": "{n} afbeelding(en): wat erop staat, is geen tekst en is niet gelezen",
    "embedded-objects": (
        "{n} ingesloten object(en) of ActiveX-besturingselement(en) (bv. een Excel-tabel of een "
        "selectievakje): de inhoud staat niet als tekst in het document en is niet gelezen"
    ),
    "text-boxes": "{n} tekstvak(ken): gelezen na de alinea waarin ze verankerd zijn",
    "merged-cells": "{n} verticaal samengevoegde cel(len): de tekst staat in de eerste rij",
    "checkbox-glyph-disagrees": (
        "{n} selectievakje(s) toont een ander symbool dan de status van het vakje: de status telt"
    ),
    "too-deep": "tabellen of tekstvakken te diep genest: de diepste delen zijn niet gelezen",
    "too-deep-wrappers": (
        "{n} inhoudsbesturingselement(en) rond tabelrijen of -cellen te diep genest: "
        "hun rijen en cellen zijn niet gelezen"
    ),
}


def _part_element(doc: Any, attr: str) -> Any | None:
    try:
        part = getattr(doc.part, attr)
    except (KeyError, NotImplementedError, AttributeError, ValueError):
        return None
    return part.element if part is not None else None


def _headers(doc: Any, profile: Profile) -> list[str]:
    """Running headers that name the plan ('Actieplan <zone>'), from the header parts."""
    found: list[str] = []
    for section in doc.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            if header.is_linked_to_previous:
                continue
            for p in header._element.iter(q("p")):
                text = " ".join("".join(t.text or "" for t in p.iter(q("t"))).split())
                if text and match_header(text, profile) and text not in found:
                    found.append(text)
    return found


def _page_count(doc: Any) -> int | None:
    """Pages as Word counted them at its last save (docProps/app.xml), when recorded."""
    for rel in doc.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            from lxml import etree

            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                return None
            for el in root:
                if el.tag.endswith("}Pages") and (el.text or "").strip().isdigit():
                    return int(el.text.strip()) or None
    return None


def read_docx(path: Path, profile: Profile, limits: Limits) -> Document:
    name = path.name
    data, doc = open_docx(path, limits)
    try:
        body = doc.element.body
        paged = next(body.iter(q("lastRenderedPageBreak")), None) is not None
        reader = BodyReader(
            Styles.of(_part_element(doc, "_styles_part")),
            Numbering(_part_element(doc, "numbering_part")),
            load_pdf_rules(),
            paged,
            lambda text: is_template_text(text, profile),
        )
        reader.blocks(body)
        headers = _headers(doc, profile)
        pages = _page_count(doc) if paged else None
    except PlanExtractError:
        raise
    except Exception as exc:  # a part python-docx cannot resolve: a damaged file
        reason = (str(exc).strip() or type(exc).__name__).splitlines()[0][:120]
        raise UnreadableInput(name, f"damaged Word file ({reason})") from exc
    lines = reader.lines
    if len(lines) > limits.max_lines:
        raise LimitExceeded(name, f"{len(lines)} lines, more than the limit {limits.max_lines}")
    if not any(line.text for line in lines):
        raise NoTextLayer(name, "Word file without text (empty, or only pictures)")
    last = max((line.page for line in lines if line.page is not None), default=None)
    if pages is not None and last is not None and pages > limits.max_pages:
        raise LimitExceeded(name, f"{pages} pages, more than the limit {limits.max_pages}")
    notes = [
        ReaderNote(
            "pages-approximate" if paged else "pages-unknown",
            "paginanummers volgen de pagina-einden die Word bij de laatste opmaak bewaarde; "
            "ze kunnen afwijken van een afdruk"
            if paged
            else "Word bewaarde geen pagina-einden: paginanummers zijn onbekend",
        )
    ]
    notes += [
        ReaderNote(code, text.format(n=reader.counts[code]))
        for code, text in _NOTES.items()
        if reader.counts[code]
    ]
    return Document(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format="docx",
        lines=lines,
        page_count=max(pages or 0, last or 0) or None,
        tables=reader.tables,
        header_texts=headers,
        has_layout=True,
        notes=notes,
    )
