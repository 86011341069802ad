"""The shape of a template profile file: every table and key it may hold.

A profile is data a person edits each year; a misspelt key would silently fall back to a
default, so unknown keys are refused with the path of the key (`[[fields]] 2 → alias`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _Table(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Profile(_Table):
    id: str
    description: str = ""
    fuzzy_label_ratio: float = 88
    fuzzy_prompt_ratio: float = 90
    fuzzy_min_length: int = 6
    styled_prompt_ratio: float = 70
    reworded_prompt_ratio: float = 75


class _Page(_Table):
    page_mark_pattern: str
    footer_patterns: list[str]
    header_patterns: list[str]
    header_footer_gap: int = 8


class _Document(_Table):
    year_patterns: list[str]
    organisation_from_header: bool = True


class _Section(_Table):
    name: str
    aliases: list[str] = Field(default_factory=list)
    pattern: str | None = None
    level: int = 1
    parent: str | None = None
    kind: str = "narrative"
    toc: bool = False


class _Headings(_Table):
    strategic_words: list[str]
    operational_words: list[str]
    separators: list[str]
    roman_numerals: bool = False
    max_title_lines: int = 5
    generic_words: list[str] = Field(default_factory=list)
    number_words: list[str] = Field(default_factory=list)
    outline_numbers: bool = False
    letters: bool = False
    unnumbered_words: list[str] = Field(default_factory=list)
    unnumbered_separators: list[str] = Field(default_factory=lambda: ["–", "—", "-", ":"])
    word_slips: int = 0
    slip_min_length: int = 12
    continuation_marks: list[str] = Field(default_factory=list)


class _Actions(_Table):
    title_words: list[str]
    separators: list[str]
    max_title_lines: int = 5


class _Part(_Table):
    key: str
    label: str
    pattern: str


class _Field(_Table):
    key: str
    label: str
    aliases: list[str] = Field(default_factory=list)
    prompts: list[str] = Field(default_factory=list)
    default_part: str = "text"
    parts: list[_Part] = Field(default_factory=list)


class _Parts(_Table):
    list_parts: list[str]
    text_parts: list[str]


class _EvaluationType(_Table):
    key: str
    label: str
    aliases: list[str] = Field(default_factory=list)


class _Checkboxes(_Table):
    checked: list[str]
    unchecked: list[str]
    checked_words: list[str] = Field(default_factory=list)
    unchecked_words: list[str] = Field(default_factory=list)


class _EmptyAnswers(_Table):
    values: list[str]


class _Bullet(_Table):
    name: str
    pattern: str
    level: int


class _Reflow(_Table):
    sentence_end: str
    continues_after: str
    continuation_words: list[str]
    short_line_ratio: float
    fit_ratio: float


class _Quality(_Table):
    required_parts: list[str] = Field(default_factory=list)
    timeline_required: bool = False
    names: dict[str, str] = Field(default_factory=dict)


class ProfileFile(_Table):
    profile: _Profile
    page: _Page
    document: _Document
    sections: list[_Section]
    headings: _Headings
    actions: _Actions
    fields: list[_Field]
    parts: _Parts
    evaluation_types: list[_EvaluationType]
    checkboxes: _Checkboxes
    empty_answers: _EmptyAnswers
    bullets: list[_Bullet]
    reflow: _Reflow
    quality: _Quality = Field(default_factory=_Quality)


class ProfileError(ValueError):
    """A profile file that does not have the shape of a profile."""


def validate_profile_data(data: dict, source: str = "") -> None:
    """Raise ProfileError naming each unknown, missing or mistyped key."""
    try:
        ProfileFile.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{' → '.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ProfileError(f"profile {source or '(data)'}: {problems}") from None
