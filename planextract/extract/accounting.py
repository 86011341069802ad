"""Account for every input line: noise, template text, a value of the plan, or unassigned."""

from __future__ import annotations

from planextract.models.document import Document
from planextract.models.plan import Extraction, PageIssue
from planextract.models.tokens import Token
from planextract.models.tree import TEMPLATE, UNASSIGNED, Owner


def assign_owners(doc: Document, tokens: list[Token], owners: list[Owner]) -> None:
    """Give each content line one owner: the place its content went, else 'template'."""
    per_line: dict[int, list[str]] = {}
    for tok, owner in zip(tokens, owners, strict=True):
        per_line.setdefault(tok.index, []).append(str(owner))
    for index, found in per_line.items():
        content = [o for o in found if o != TEMPLATE]
        doc.lines[index].owner = content[0] if content else TEMPLATE


def account(doc: Document) -> Extraction:
    noise = template = content = unassigned = 0
    for line in doc.lines:
        if not line.is_content:
            noise += 1
        elif line.owner == TEMPLATE:
            template += 1
        elif line.owner is None or line.owner == UNASSIGNED:
            unassigned += 1
        else:
            content += 1
    meaningful = template + content + unassigned
    coverage = 100.0 if meaningful == 0 else round(100.0 * (template + content) / meaningful, 2)
    uncertain = doc.pagination.get("uncertain_lines", 0)
    return Extraction(
        lines_total=len(doc.lines),
        lines_noise=noise,
        lines_template=template,
        lines_content=content,
        lines_unassigned=unassigned,
        coverage=coverage,
        pages_uncertain_lines=int(uncertain) if isinstance(uncertain, int) else 0,
        page_issues=[PageIssue(page=i.page, code=i.code, detail=i.detail) for i in doc.page_issues],
    )
