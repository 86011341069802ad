"""Turn the builder's drafts into the output models (the contract)."""

from __future__ import annotations

from collections.abc import Iterable

from planextract.extract.reflow import (
    Paragraph,
    block_width,
    items,
    join_tokens,
    paragraphs,
    render,
)
from planextract.extract.sentences import split_sentences
from planextract.models.document import Document
from planextract.models.plan import (
    Action,
    Box,
    Evaluation,
    EvaluationType,
    ForWhom,
    How,
    ListItem,
    OperationalGoal,
    Section,
    StrategicGoal,
    UnassignedText,
    UnknownLabel,
    What,
    Why,
    WithWhom,
)
from planextract.models.provenance import boxes_of, pages_of
from planextract.models.tokens import Kind, Token
from planextract.models.tree import ActionDraft, FieldDraft, GoalDraft, Tree
from planextract.rules.headings import split_action_title
from planextract.rules.labels import state_of_bare_type
from planextract.rules.profile import Profile
from planextract.rules.text import collapse


class Assembler:
    def __init__(self, doc: Document, tree: Tree, profile: Profile) -> None:
        self.doc = doc
        self.tree = tree
        self.profile = profile
        self.width: int | None = None  # margin of the block being assembled

    # -- helpers --------------------------------------------------------------------------
    def pages(self, tokens: Iterable[Token]) -> list[int]:
        return pages_of(self.doc, (t.index for t in tokens))

    def boxes(self, tokens: Iterable[Token]) -> list[Box]:
        return boxes_of(self.doc, (t.index for t in tokens))

    def text(self, tokens: list[Token]) -> str:
        return render(paragraphs(tokens, self.doc, self.profile, self.width))

    def list_paragraphs(self, tokens: list[Token], part: str) -> list[Paragraph]:
        paras = paragraphs(tokens, self.doc, self.profile, self.width)
        if part in self.profile.list_parts:  # answers written as sentences: one per item
            paras = split_sentences(paras, self.doc, self.profile)
        return paras

    def items(self, tokens: list[Token], part: str) -> list[ListItem]:
        return items(self.list_paragraphs(tokens, part), self.doc)

    def part_items(self, fd: FieldDraft, key: str) -> list[ListItem] | None:
        return self.items(fd.parts[key], key) if key in fd.parts else None

    def part_text(self, fd: FieldDraft, key: str) -> str | None:
        return self.text(fd.parts[key]) if key in fd.parts else None

    # -- tree -----------------------------------------------------------------------------
    def sections(self) -> list[Section]:
        out = []
        for s in self.tree.sections:
            head = [s.head] if s.head else []
            self.width = block_width(s.tokens, self.doc)
            out.append(
                Section(
                    title=collapse(s.title),
                    level=s.level,
                    kind=s.kind,  # type: ignore[arg-type]
                    text=self.text(s.tokens),
                    pages=self.pages([*head, *s.tokens]),
                    boxes=self.boxes([*head, *s.tokens]),
                )
            )
        return out

    def goals(self) -> list[StrategicGoal]:
        return [self.strategic(sd) for sd in self.tree.goals]

    def strategic(self, sd: GoalDraft) -> StrategicGoal:
        ods = [self.operational(od) for od in sd.children]
        return StrategicGoal(
            id=sd.id,
            number=sd.number,
            title=collapse(sd.title),
            pages=self.pages(sd.heading_tokens),
            boxes=self.boxes(sd.heading_tokens),
            occurrences=sd.occurrences,
            operational_goals=ods,
        )

    def operational(self, od: GoalDraft) -> OperationalGoal:
        return OperationalGoal(
            id=od.id,
            number=od.number,
            title=collapse(od.title),
            pages=self.pages(od.heading_tokens),
            boxes=self.boxes(od.heading_tokens),
            occurrences=od.occurrences,
            actions=[self.action(a) for a in od.actions],
        )

    def action(self, draft: ActionDraft) -> Action:
        printed = split_action_title(join_tokens(draft.title_tokens, self.doc), self.profile)
        answers = list(draft.body)
        fields = draft.fields
        for fd in fields.values():
            answers.extend(fd.all_tokens())
        all_tokens = [*draft.title_tokens, *answers]
        # All answers of one form share the right-hand column: one margin for the action.
        # Not the title's: it runs above the form, and a long one ('Titel actie: …') would
        # put the margin beyond every answer line, so that wrapped lines look like breaks.
        self.width = block_width(
            [t for t in answers if t.kind in (Kind.TEXT, Kind.BULLET)], self.doc
        )
        return Action(
            id=draft.id,
            title=printed.title,
            number=printed.number,
            kind="template" if draft.is_template else "narrative",
            pages=self.pages(all_tokens),
            boxes=self.boxes(all_tokens),
            what=self.what(fields["what"]) if "what" in fields else None,
            why=self.why(fields["why"]) if "why" in fields else None,
            for_whom=self.for_whom(fields["for_whom"]) if "for_whom" in fields else None,
            with_whom=self.with_whom(fields["with_whom"]) if "with_whom" in fields else None,
            how=self.how(fields["how"]) if "how" in fields else None,
            evaluation=self.evaluation(fields["evaluation"]) if "evaluation" in fields else None,
            text=self.text(draft.body),
        )

    # -- fields ---------------------------------------------------------------------------
    def what(self, fd: FieldDraft) -> What:
        return What(
            text=self.text(fd.parts.get("text", [])),
            do=self.part_items(fd, "do"),
            dont=self.part_items(fd, "dont"),
            pages=self.pages(fd.all_tokens()),
            boxes=self.boxes(fd.all_tokens()),
        )

    def why(self, fd: FieldDraft) -> Why:
        tokens = [t for part in fd.parts.values() for t in part]
        return Why(
            text=self.text(tokens),
            pages=self.pages(fd.all_tokens()),
            boxes=self.boxes(fd.all_tokens()),
        )

    def for_whom(self, fd: FieldDraft) -> ForWhom:
        tokens = [t for part in fd.parts.values() for t in part]
        return ForWhom(
            text=self.text(tokens),
            target_groups=self.items(tokens, "target_groups"),
            pages=self.pages(fd.all_tokens()),
            boxes=self.boxes(fd.all_tokens()),
        )

    def with_whom(self, fd: FieldDraft) -> WithWhom:
        tokens = [t for part in fd.parts.values() for t in part]
        tokens.sort(key=lambda t: t.index)
        return WithWhom(
            text=self.text(tokens),
            lead=self.part_text(fd, "lead"),
            council_role=self.part_text(fd, "council_role"),
            stakeholders=self.part_items(fd, "stakeholders"),
            partnerships=self.part_items(fd, "partnerships"),
            pages=self.pages(fd.all_tokens()),
            boxes=self.boxes(fd.all_tokens()),
        )

    def how(self, fd: FieldDraft) -> How:
        steps = fd.parts.get("steps", [])
        return How(
            text=self.text(steps),
            steps=self.items(steps, "steps"),
            milestones=self.part_items(fd, "milestones"),
            pages=self.pages(fd.all_tokens()),
            boxes=self.boxes(fd.all_tokens()),
        )

    def evaluation(self, fd: FieldDraft) -> Evaluation:
        types: dict[str, EvaluationType | None] = {}
        bare = state_of_bare_type((ev.glyph for ev in fd.evaluations.values()), self.profile)
        for rule in self.profile.evaluation_types:
            ev = fd.evaluations.get(rule.key)
            if ev is None:
                types[rule.key] = None
                continue
            criteria = self.list_paragraphs(ev.tokens, "criteria")  # text and items agree
            types[rule.key] = EvaluationType(
                selected=bare if ev.selected is None and ev.glyph is None else ev.selected,
                label=collapse(ev.label),
                glyph=ev.glyph,
                text=render(criteria),
                criteria=items(criteria, self.doc),
                pages=self.pages([ev.head, *ev.tokens]),
                boxes=self.boxes([ev.head, *ev.tokens]),
            )
        return Evaluation(
            process=types.get("process"),
            output=types.get("output"),
            outcome=types.get("outcome"),
            text=self.text(fd.parts.get("text", [])),
            pages=self.pages(fd.all_tokens()),
            boxes=self.boxes(fd.all_tokens()),
        )

    # -- leftovers ------------------------------------------------------------------------
    def unknown_labels(self) -> list[UnknownLabel]:
        return [
            UnknownLabel(
                text=collapse(tok.text), action_id=aid, field=where, pages=self.pages([tok])
            )
            for tok, aid, where in self.tree.unknown_labels
        ]

    def unassigned(self) -> list[UnassignedText]:
        out = []
        for run in self.tree.unassigned:
            text = self.text(run) or collapse(" ".join(t.text for t in run))
            if any(t.kind == Kind.EMPTY for t in run) and not text:
                text = collapse(" ".join(t.text for t in run))
            out.append(
                UnassignedText(
                    text=text,
                    pages=self.pages(run),
                    boxes=self.boxes(run),
                    lines=sorted({self.doc.lines[t.index].no for t in run}),
                )
            )
        return out
