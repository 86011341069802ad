"""Dutch names for template elements, cell states and numbers in reports."""

from __future__ import annotations

from planextract.rules.profile import Profile

MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
MONTHS_SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]

# A cell of the actions x fields table: state -> (symbol, Dutch meaning, colour class).
STATES: dict[str, tuple[str, str, str]] = {
    "filled": ("✔", "ingevuld", "ok"),
    "empty": ("○", "leeg (alleen de vraag of ‘/’)", "warn"),
    "missing": ("✘", "ontbreekt", "bad"),
    "narrative": ("✘", "vrije tekst, geen sjabloon", "bad"),
    "unknown": ("?", "vakje onleesbaar", "unknown"),
    "na": ("–", "niet op het formulier van dit plan", "na"),
    "ticked": ("☒", "aangevinkt, met criteria", "ok"),
    "ticked_no_criteria": ("☒!", "aangevinkt, zonder criteria", "warn"),
    "unticked": ("☐", "niet aangevinkt", "plain"),
    "unticked_with_criteria": ("☐!", "niet aangevinkt, wel criteria", "warn"),
}

SEVERITY_SYMBOLS: dict[str, str] = {"error": "✘", "warning": "⚠", "info": "ℹ"}

# A cell of the archive heatmap: band -> (symbol, Dutch meaning, colour class).
BANDS: dict[str, tuple[str, str, str]] = {
    "good": ("✔", "90 % of meer van de acties ingevuld", "ok"),
    "mid": ("◐", "50 tot 90 % ingevuld", "warn"),
    "bad": ("✘", "minder dan 50 % ingevuld", "bad"),
    "na": ("–", "niet op het formulier van dit plan", "na"),
}


def band(percent: float | None) -> str:
    if percent is None:
        return "na"
    return "good" if percent >= 90 else "mid" if percent >= 50 else "bad"


def element_name(key: str, profile: Profile) -> str:
    """'what' -> 'Wat?'; 'what.dont' -> 'niet doen'; 'evaluation.outcome' -> 'outcome'."""
    field, _, part = key.partition(".")
    if not part:
        for rule in profile.fields:
            if rule.key == field:
                return rule.label
        return key
    return profile.quality.name(key, part)


def element_path(key: str, profile: Profile) -> str:
    """'what.dont' -> 'Wat? › niet doen': the element with its field, for findings."""
    field, _, part = key.partition(".")
    if not part:
        return element_name(key, profile)
    return f"{element_name(field, profile)} › {element_name(key, profile)}"


def number(value: float, decimals: int = 1) -> str:
    """Dutch decimal comma: 62.1 -> '62,1'."""
    return f"{value:.{decimals}f}".replace(".", ",")


def percent_text(value: float | None) -> str:
    return "n.v.t." if value is None else f"{number(value)} %"


def pages_text(pages: list[int]) -> str:
    if not pages:
        return "onbekend"
    return ("p. " if len(pages) == 1 else "pp. ") + ", ".join(str(p) for p in pages)


# The state of a plan's timeline in the archive overview (TimelineStatus.status).
TIMELINE_STATES = {
    "table": "tabel",
    "referenced": "alleen een verwijzing",
    "image-only": "afbeelding",
    "no-table": "geen maandtabel",
    "absent": "ontbreekt",
}
