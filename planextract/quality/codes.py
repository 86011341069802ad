"""The catalogue of finding codes: stable code -> severity and a short Dutch name.

Codes never change meaning; a new check gets a new code. Severity:
error   = the template is not filled in where it must be;
warning = something is missing, contradictory or could not be read;
info    = worth knowing, often deliberate (numbering gaps, merged repeated headings).
"""

from __future__ import annotations

from typing import Literal

from planextract.models.record import record

Severity = Literal["error", "warning", "info"]


@record(frozen=True, slots=True)
class Code:
    severity: Severity
    name: str  # short Dutch description, for report tables


CODES: dict[str, Code] = {
    # goals.py
    "goal.sd_number_reused": Code("warning", "SD-nummer hergebruikt"),
    "goal.od_number_reused": Code("warning", "OD-nummer hergebruikt"),
    "goal.heading_repeated": Code("info", "Kop van een doelstelling herhaald"),
    "goal.od_number_mismatch": Code("warning", "Operationele doelstelling onder een andere SD"),
    "goal.number_gap": Code("info", "Gat in de nummering"),
    "goal.number_order": Code("warning", "Nummering loopt niet op"),
    "goal.number_missing": Code("info", "Doelstelling zonder nummer"),
    # fields.py
    "action.title_missing": Code("warning", "Actie zonder titel"),
    "action.not_template": Code("warning", "Actie in vrije tekst, niet in het sjabloon"),
    "field.missing": Code("error", "Veld ontbreekt"),
    "field.empty": Code("error", "Veld niet ingevuld"),
    "part.missing": Code("warning", "Onderdeel van een veld ontbreekt"),
    "part.empty": Code("warning", "Onderdeel van een veld niet ingevuld"),
    # evaluation.py
    "evaluation.none_selected": Code("error", "Geen evaluatiemanier aangevinkt"),
    "evaluation.criteria_missing": Code("warning", "Aangevinkt, maar zonder criteria"),
    "evaluation.criteria_unselected": Code("warning", "Criteria bij een niet-aangevinkt vakje"),
    "evaluation.criteria_shared": Code("info", "Criteria niet per evaluatiemanier"),
    "evaluation.type_missing": Code("warning", "Evaluatiemanier ontbreekt op het formulier"),
    "evaluation.checkbox_unreadable": Code("warning", "Vakje onleesbaar"),
    # timeline.py
    "timeline.missing": Code("warning", "Geen tijdslijn"),
    "timeline.unreadable": Code("warning", "Tijdslijn niet als tabel leesbaar"),
    "timeline.column_unlinked": Code("warning", "Kolom van de tijdslijn zonder actie"),
    "timeline.link_uncertain": Code("info", "Kolom onzeker aan een actie gekoppeld"),
    "timeline.action_unscheduled": Code("warning", "Actie niet in de tijdslijn"),
    "timeline.milestone_unscheduled": Code("info", "Mijlpaal in geen enkele maand"),
    "timeline.cells_uncertain": Code("info", "Cellen van de tijdslijn onzeker geplaatst"),
    # document.py
    "text.unassigned": Code("warning", "Tekst die nergens in het sjabloon past"),
    "template.unknown_label": Code("warning", "Onbekend label in het formulier"),
    "pages.uncertain": Code("info", "Paginanummers onzeker"),
    "pages.no_text": Code("warning", "Pagina zonder tekstlaag"),
    "pages.reader_issue": Code("warning", "Leesprobleem op een pagina"),
    "source.note": Code("info", "Opmerking bij het bronbestand"),
    "pages.ocr": Code("info", "Pagina gelezen met OCR"),
    "text.low_confidence": Code("warning", "Tekst onzeker gelezen (OCR)"),
    "pages.ocr_checkbox_unsure": Code("warning", "Vakje onzeker gelezen (OCR)"),
}

SEVERITY_NAMES: dict[str, str] = {"error": "fout", "warning": "waarschuwing", "info": "info"}


def code_name(code: str) -> str:
    """Dutch name of a code; the code itself for one this version does not know."""
    entry = CODES.get(code)
    return entry.name if entry else code
