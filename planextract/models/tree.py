"""The goal tree as the builder makes it: mutable drafts filled token by token, before the
Plan is made, and every token's owner (the place in the output it went to)."""

from __future__ import annotations

from dataclasses import field

from planextract.models.record import record
from planextract.models.tokens import Kind, Token


@record(slots=True)
class EvalDraft:
    key: str
    selected: bool | None
    glyph: str | None
    label: str
    head: Token
    tokens: list[Token] = field(default_factory=list)


@record(slots=True)
class FieldDraft:
    key: str
    default_part: str
    structure: list[Token] = field(default_factory=list)  # label, prompts, part labels
    parts: dict[str, list[Token]] = field(default_factory=dict)  # in document order
    current_part: str | None = None
    evaluations: dict[str, EvalDraft] = field(default_factory=dict)
    current_eval: str | None = None

    def part_tokens(self, key: str) -> list[Token]:
        return self.parts.setdefault(key, [])

    def add(self, tok: Token) -> str:
        """Add answer text to the open sub-part; returns where it went."""
        if self.current_eval is not None:
            self.evaluations[self.current_eval].tokens.append(tok)
            return f"evaluation.{self.current_eval}"
        part = self.current_part or self.default_part
        self.part_tokens(part).append(tok)
        return f"{self.key}.{part}"

    def all_tokens(self) -> list[Token]:
        out = list(self.structure)
        for toks in self.parts.values():
            out.extend(toks)
        for ev in self.evaluations.values():
            out.append(ev.head)
            out.extend(ev.tokens)
        return out


@record(slots=True)
class ActionDraft:
    title_tokens: list[Token]
    id: str = ""  # unique in the plan: '<OD key>-<n>'
    body: list[Token] = field(default_factory=list)  # narrative text / text before the form
    fields: dict[str, FieldDraft] = field(default_factory=dict)
    current: str | None = None

    @property
    def is_template(self) -> bool:
        return bool(self.fields)

    @property
    def labelled(self) -> set[str]:
        """Fields whose label has been seen (a sub-part can come before its label)."""
        return {
            key
            for key, fd in self.fields.items()
            if any(t.kind == Kind.LABEL for t in fd.structure)
        }


@record(slots=True)
class GoalDraft:
    level: str  # SD | OD
    number: str | None
    title: str
    id: str
    heading_tokens: list[Token] = field(default_factory=list)
    occurrences: int = 1
    children: list[GoalDraft] = field(default_factory=list)  # SD -> ODs
    actions: list[ActionDraft] = field(default_factory=list)  # OD -> actions


@record(slots=True)
class SectionDraft:
    title: str
    level: int
    kind: str
    head: Token | None
    tokens: list[Token] = field(default_factory=list)


@record(frozen=True, slots=True)
class Owner:
    """Where a token's content went: one place of the output, or the template itself.

    `place` is 'template', 'unassigned' or a list of the plan ('sections',
    'strategic_goals', 'operational_goals', 'actions', 'timeline.tables'); `key` the item
    in it (section position, goal or action id, table position); `part` what of the item
    ('title', 'text', 'what.do', 'evaluation.output'). ``str()`` gives the form that lines
    carry ('actions:2.1-1.how.steps')."""

    place: str
    key: str = ""
    part: str = ""

    def __str__(self) -> str:
        if not self.key:
            return self.place
        return f"{self.place}:{self.key}.{self.part}" if self.part else f"{self.place}:{self.key}"

    @classmethod
    def section(cls, position: int, part: str) -> Owner:
        return cls("sections", str(position), part)

    @classmethod
    def action(cls, action_id: str, part: str) -> Owner:
        return cls("actions", action_id, part)


TEMPLATE_OWNER = Owner("template")
UNASSIGNED_OWNER = Owner("unassigned")
TEMPLATE = str(TEMPLATE_OWNER)
UNASSIGNED = str(UNASSIGNED_OWNER)


@record
class Tree:
    """What the builder found, before conversion to the output models."""

    sections: list[SectionDraft] = field(default_factory=list)
    goals: list[GoalDraft] = field(default_factory=list)
    unassigned: list[list[Token]] = field(default_factory=list)  # runs of adjacent tokens
    owners: list[Owner] = field(default_factory=list)  # parallel to tokens
    # Lines written as labels the profile does not know: (token, action id, where it went).
    unknown_labels: list[tuple[Token, str, str]] = field(default_factory=list)

    def actions(self) -> list[ActionDraft]:
        return [a for sd in self.goals for od in sd.children for a in od.actions]
