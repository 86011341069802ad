"""source -> Document -> tokens -> tree -> Plan: the one path every input takes."""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any

from planextract import __version__
from planextract.errors import NotAPlan, UnreadableInput
from planextract.extract.accounting import account, assign_owners
from planextract.extract.assemble import Assembler
from planextract.extract.build import build_tree
from planextract.extract.classify import classify
from planextract.extract.clean import mark_noise
from planextract.extract.limits import Limits
from planextract.extract.magic import OLE_MAGIC, PDF_MAGIC, TEXT_SUFFIXES, WORD_SUFFIXES, ZIP_MAGIC
from planextract.extract.metadata import organisation_and_title, plan_year
from planextract.extract.page_ranges import add_page_ranges
from planextract.extract.pagination import resolve_pages
from planextract.extract.read_text import read_text
from planextract.models.check import checked_data
from planextract.models.document import Document
from planextract.models.json_text import floats_alike, json_text
from planextract.models.plan import Plan, Source, SourceNote
from planextract.models.record import record
from planextract.models.tokens import Token
from planextract.quality.assess import assess
from planextract.rules.profile import Profile, load_profile
from planextract.rules.timeline import TimelineRules
from planextract.rules.zones import zone_key
from planextract.timeline.build import build_timeline, claim_lines


@record
class Result:
    plan: Plan
    document: Document
    tokens: list[Token]


def sniff_format(path: Path) -> str:
    """'pdf', 'docx' or 'text', from the file's first bytes; a .pdf name must hold a PDF.
    Other zip and Office containers are refused with what to do instead."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UnreadableInput(path.name, f"cannot read file ({exc.strerror or exc})") from exc
    if head.startswith(PDF_MAGIC) or (
        PDF_MAGIC in head and path.suffix.lower() not in TEXT_SUFFIXES
    ):
        return "pdf"
    if path.suffix.lower() == ".pdf":
        if not head:
            raise UnreadableInput(path.name, "empty file")
        raise UnreadableInput(path.name, "not a PDF file (no %PDF header)")
    if head.startswith((ZIP_MAGIC, OLE_MAGIC)):
        from planextract.extract.docx_package import container_format  # zip code when needed

        return container_format(path)
    if head.startswith(b"{\\rtf"):
        raise UnreadableInput(path.name, "Rich Text Format (RTF); save it as .docx or PDF")
    if path.suffix.lower() in WORD_SUFFIXES:
        if not head:
            raise UnreadableInput(path.name, "empty file")
        raise UnreadableInput(path.name, "damaged Word file (not a zip package)")
    return "text"


# The distributions whose code reads a file of each format: their versions decide the text.
READERS = {
    "pdf": ("pypdfium2", "pdfplumber", "pdfminer.six"),
    "text": (),
    "docx": ("python-docx", "lxml"),
}


def reader_versions(fmt: str) -> dict[str, str]:
    """The versions of the distributions that read `fmt` (a new dict each call)."""
    return dict(_installed_versions(fmt))


@cache
def _installed_versions(fmt: str) -> tuple[tuple[str, str], ...]:
    """Looked up once per process: a batch worker reads hundreds of files. Read from the
    distributions' METADATA without importing importlib.metadata (extract/installed.py)."""
    from planextract.extract.installed import distribution_version

    return tuple((name, distribution_version(name) or "unknown") for name in READERS.get(fmt, ()))


def read_document(
    path: Path, profile: Profile, limits: Limits, pdf_reader: str | None = None
) -> Document:
    """`pdf_reader`: 'pdfium' (default) or 'pdfplumber' (to compare with)."""
    fmt = sniff_format(path)
    if fmt == "docx":
        from planextract.extract.read_docx import read_docx  # python-docx loads only when needed

        return read_docx(path, profile, limits)
    if fmt == "pdf":
        from planextract.extract.read_pdf import DEFAULT_READER, read_pdf  # only when needed

        return read_pdf(path, profile, limits, pdf_reader or DEFAULT_READER)
    return read_text(path, profile, limits)


def extract_document(
    doc: Document,
    profile: Profile,
    timeline_rules: TimelineRules | None = None,
    enrich: bool = True,
) -> Result:
    """Everything after the reader: shared by all input formats.

    `enrich`: add partners, periods and targets (enrich/; loads the spaCy pipeline once).
    """
    mark_noise(doc, profile)
    resolve_pages(doc, profile)
    tokens = classify(doc, profile)
    tree = build_tree(doc, tokens, profile)
    assign_owners(doc, tokens, tree.owners)
    assembler = Assembler(doc, tree, profile)
    sections = assembler.sections()
    goals = assembler.goals()
    if not goals and not any(s.kind != "narrative" or s.text for s in sections):
        raise NotAPlan(doc.file, "no headings or form fields of the action-plan template found")
    organisation, title = organisation_and_title(doc, profile)
    plan = Plan(
        tool_version=__version__,
        source=Source(
            file=doc.file,
            sha256=doc.sha256,
            format=doc.format,  # type: ignore[arg-type]
            pages=doc.page_count,
            encoding=doc.encoding,
            profile=profile.id,
            notes=[SourceNote(code=n.code, detail=n.detail) for n in doc.notes],
            readers=reader_versions(doc.format),
        ),
        organisation=organisation,
        zone_key=zone_key(organisation),
        year=plan_year(doc, sections, profile),
        title=title,
        sections=sections,
        strategic_goals=goals,
        unassigned=assembler.unassigned(),
        unknown_labels=assembler.unknown_labels(),
        extraction=account(doc),
    )
    found = build_timeline(plan, doc, profile, timeline_rules)
    if found.owners:  # the table's lines leave the section text
        claim_lines(doc, tree, found.owners)
        plan.sections = assembler.sections()
        plan.extraction = account(doc)
    plan.timeline, plan.timeline_status = found.timeline, found.status
    add_page_ranges(plan, doc)
    plan.quality = assess(plan, profile)
    if enrich:
        from planextract.enrich.apply import enrich_plan

        enrich_plan(plan, profile)
    return Result(plan=plan, document=doc, tokens=tokens)


def extract_file(
    path: Path | str,
    profile: Profile | None = None,
    limits: Limits | None = None,
    timeline_rules: TimelineRules | None = None,
    enrich: bool = True,
    pdf_reader: str | None = None,
) -> Result:
    profile = profile or load_profile()
    limits = limits or Limits()
    doc = read_document(Path(path), profile, limits, pdf_reader)
    return extract_document(doc, profile, timeline_rules, enrich=enrich)


# Provenance keys left out when empty: a text export has no boxes, most values no range.
EMPTY_PROVENANCE: dict[str, Any] = {"boxes": [], "page_range": None}


# Values written as they are, without a call (validated data holds exact types).
_PLAIN = frozenset({str, int, bool, type(None)})


def _json_ready(data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """The checked data as it is written: empty provenance left out, a float that is not a
    number or infinite as null (as pydantic writes it); and whether every float is one that
    both JSON writers format alike (models/json_text.py), found in the same pass."""
    alike = True

    def walk(value: Any) -> Any:
        nonlocal alike
        if isinstance(value, dict):
            return {
                k: v if type(v) in _PLAIN else walk(v)
                for k, v in value.items()
                if not (k in EMPTY_PROVENANCE and v == EMPTY_PROVENANCE[k])
            }
        if isinstance(value, list):
            return [v if type(v) in _PLAIN else walk(v) for v in value]
        if isinstance(value, float):
            if not math.isfinite(value):
                return None
            if not floats_alike(value):
                alike = False
        return value

    return walk(data), alike


def plan_to_json(plan: Plan) -> str:
    """Deterministic JSON: fixed key order, UTF-8 text, trailing newline. Empty provenance
    (`boxes: []`, `page_range: null`) is left out; both are the models' defaults."""
    data, alike = _json_ready(checked_data(plan))
    return json_text(data, alike) + "\n"
