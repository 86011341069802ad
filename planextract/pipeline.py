"""source -> Document -> tokens -> tree -> Plan: the one path every input takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planextract import __version__
from planextract.errors import NotAPlan, UnreadableInput
from planextract.extract.accounting import account, assign_owners
from planextract.extract.assemble import Assembler
from planextract.extract.build import build_tree
from planextract.extract.classify import Token, classify
from planextract.extract.clean import mark_noise
from planextract.extract.limits import Limits
from planextract.extract.metadata import organisation_and_title, plan_year
from planextract.extract.pagination import resolve_pages
from planextract.extract.read_text import read_text
from planextract.models.document import Document
from planextract.models.plan import Plan, Source
from planextract.quality.assess import assess
from planextract.rules.profile import Profile, load_profile
from planextract.rules.timeline import TimelineRules
from planextract.timeline.build import build_timeline, claim_lines

PDF_MAGIC = b"%PDF-"


@dataclass
class Result:
    plan: Plan
    document: Document
    tokens: list[Token]


def sniff_format(path: Path) -> str:
    """'pdf' or 'text', from the file's first bytes; a .pdf name must hold a PDF."""
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UnreadableInput(path.name, f"cannot read file ({exc.strerror or exc})") from exc
    if PDF_MAGIC in head:
        return "pdf"
    if path.suffix.lower() == ".pdf":
        if not head:
            raise UnreadableInput(path.name, "empty file")
        raise UnreadableInput(path.name, "not a PDF file (no %PDF header)")
    if head.startswith(b"PK\x03\x04"):
        raise UnreadableInput(path.name, "a zip or Office file; export the plan as PDF or text")
    return "text"


def read_document(
    path: Path, profile: Profile, limits: Limits, pdf_reader: str | None = None
) -> Document:
    """`pdf_reader`: 'pdfium' (default) or 'pdfplumber' (to compare with)."""
    fmt = sniff_format(path)
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
    builder = build_tree(doc, tokens, profile)
    assign_owners(doc, tokens, builder.tree.owners)
    assembler = Assembler(doc, builder, profile)
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
        ),
        organisation=organisation,
        year=plan_year(doc, sections, profile),
        title=title,
        sections=sections,
        strategic_goals=goals,
        unassigned=assembler.unassigned(),
        extraction=account(doc),
    )
    found = build_timeline(plan, doc, profile, timeline_rules)
    if found.owners:  # the table's lines leave the section text
        claim_lines(doc, builder.tree, found.owners)
        plan.sections = assembler.sections()
        plan.extraction = account(doc)
    plan.timeline, plan.timeline_status = found.timeline, found.status
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


def plan_to_json(plan: Plan) -> str:
    """Deterministic JSON: fixed key order, UTF-8 text, trailing newline."""
    return plan.model_dump_json(indent=2) + "\n"
