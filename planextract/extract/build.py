"""Build the goal tree from classified tokens: sections, SD › OD › actions › fields.

A single pass over the tokens with a small state machine. Every token gets an owner
(the place in the output it went to), which the accounting reads afterwards.
"""

from __future__ import annotations

from planextract.extract.reflow import join_tokens
from planextract.models.document import Document
from planextract.models.tokens import STRUCTURE, Kind, Token
from planextract.models.tree import (
    TEMPLATE_OWNER,
    UNASSIGNED_OWNER,
    ActionDraft,
    EvalDraft,
    FieldDraft,
    GoalDraft,
    Owner,
    SectionDraft,
    Tree,
)
from planextract.rules.actions import (
    action_is_complete,
    annex_text,
    heading_goes_on,
    is_paragraph_start,
    opens_new_form,
    section_inside_form,
    sentence_break,
    title_before_form,
    title_on_new_page,
    title_under_strategic_goal,
)
from planextract.rules.headings import same_title, same_type, strip_action_prefix
from planextract.rules.labels import row_criteria_owner
from planextract.rules.profile import Profile
from planextract.rules.reflow import ends_open, text_width, within_title_size, wraps_onto
from planextract.rules.text import starts_lowercase


class TreeBuilder:
    def __init__(self, doc: Document, tokens: list[Token], profile: Profile) -> None:
        self.doc = doc
        self.tokens = tokens
        self.profile = profile
        self.field_order = {key: n for n, key in enumerate(profile.field_keys)}
        self.tree = Tree(owners=[UNASSIGNED_OWNER] * len(tokens))
        self.mode = "front"  # front | section | goals
        self.section: SectionDraft | None = None
        self.sd: GoalDraft | None = None
        self.od: GoalDraft | None = None
        self.action: ActionDraft | None = None
        self.pending_title = False
        self.used_ids: set[str] = set()
        self._last_unassigned = -2
        # the right margin of a text export (layout documents wrap by position instead)
        self.width = (
            0 if doc.has_layout else text_width([len(doc.lines[t.index].text) for t in tokens])
        )

    # -- driver ---------------------------------------------------------------------------
    def build(self) -> Tree:
        i = 0
        while i < len(self.tokens):
            i = self._step(i)
        return self.tree

    def _step(self, i: int) -> int:
        tok = self.tokens[i]
        if self._in_annex_after_goals() and annex_text(tok, self._goal_numbers()):
            return self._as_text(i)  # a budget per goal, a list of contacts
        if tok.kind == Kind.GOAL:
            return self._on_goal(i)
        if tok.kind == Kind.SECTION:
            if self.action is not None and section_inside_form(
                self.tokens, i, self.action.current, self.field_order
            ):
                return self._as_text(i)  # a line of the answer that reads like a heading
            self._on_section(i)
            return i + 1
        if tok.kind in STRUCTURE:
            self._on_form(i)
            return i + 1
        return self._on_text(i)

    def _as_text(self, i: int) -> int:
        """Take the template-like line at tokens[i] as text where it stands."""
        tok = self.tokens[i]
        self.tokens[i] = Token(
            kind=Kind.TEXT,
            index=tok.index,
            text=self.doc.lines[tok.index].text,
            blank_before=tok.blank_before,
            break_before=tok.break_before,
            page_mark=tok.page_mark,
        )
        return self._on_text(i)

    def _in_annex_after_goals(self) -> bool:
        return (
            self.mode == "section"
            and self.section is not None
            and self.section.kind == "annex"
            and bool(self.tree.goals)
        )

    def _goal_numbers(self) -> set[str]:
        numbers = {sd.number for sd in self.tree.goals if sd.number}
        numbers.update(od.number for sd in self.tree.goals for od in sd.children if od.number)
        return numbers

    def _own(self, i: int, owner: Owner) -> None:
        self.tree.owners[i] = owner

    # -- headings -------------------------------------------------------------------------
    def _heading_end(self, i: int) -> int:
        """Index after the lines that continue the heading title at tokens[i]."""
        toks = self.tokens
        k = i + 1
        while k < len(toks) and self._title_fits(i, k + 1):
            nxt = toks[k]
            if nxt.kind != Kind.TEXT or nxt.index == toks[k - 1].index:
                break
            if self._type_changes(toks[i], nxt):
                break
            empty_title = k == i + 1 and not toks[i].text
            if (nxt.blank_before or nxt.break_before) and not (
                empty_title or starts_lowercase(nxt.text)
            ):
                break
            if strip_action_prefix(nxt.text, self.profile)[1]:
                break
            # 'Strategische doelstelling 1' alone: the next line is its title
            if not empty_title and not self._wraps_onto(toks[k - 1], nxt):
                break
            k += 1
        return k

    def _title_fits(self, start: int, end: int, max_lines: int | None = None) -> bool:
        """Tokens start..end-1 as one title are within the title size (rules/reflow):
        `max_lines` lines of the text's width, a heading's by default."""
        lengths = [len(t.text) for t in self.tokens[start:end]]
        limit = self.profile.max_heading_lines if max_lines is None else max_lines
        return within_title_size(lengths, limit, self.width)

    def _wraps_onto(self, prev: Token, nxt: Token) -> bool:
        """Text without a blank line between: does nxt continue the heading or title?"""
        if self.doc.has_layout or nxt.blank_before or nxt.break_before:
            return True  # decided by type and position, or by the blank line / page rules
        return wraps_onto(
            self.doc.lines[prev.index].text, nxt.text, width=self.width, rule=self.profile.reflow
        )

    def _type_changes(self, first: Token, nxt: Token) -> bool:
        lines = self.doc.lines
        return self.doc.has_layout and not same_type(lines[first.index], lines[nxt.index])

    def _unique_id(self, base: str) -> str:
        candidate = base
        n = 1
        while candidate in self.used_ids:
            n += 1
            candidate = f"{base}{chr(ord('a') + n - 1)}"
        self.used_ids.add(candidate)
        return candidate

    def _on_goal(self, i: int) -> int:
        tok = self.tokens[i]
        end = self._heading_end(i)
        if end < len(self.tokens):
            rest = self._paragraph_end(end, self.profile.max_heading_lines)
            after = self.tokens[rest] if rest < len(self.tokens) else None
            if heading_goes_on(self.tokens[end], after, self._title_fits(i, rest), self.profile):
                end = rest
        toks = self.tokens[i:end]
        title = join_tokens(toks, self.doc, first=tok.text)
        self._close_action()
        if tok.goal_level == "SD":
            self._open_sd(tok.number, title, toks)
            owner = Owner("strategic_goals", self.sd.id, "title") if self.sd else TEMPLATE_OWNER
        else:
            self._open_od(tok.number, title, toks)
            owner = Owner("operational_goals", self.od.id, "title") if self.od else TEMPLATE_OWNER
        for k in range(i, end):
            self._own(k, owner)
        return end

    def _open_sd(self, number: str | None, title: str, toks: list[Token]) -> None:
        self.mode, self.section, self.od = "goals", None, None
        self.pending_title = False
        for sd in self.tree.goals:
            if sd.number == number and same_title(sd.title, title):
                sd.occurrences += 1
                sd.heading_tokens.extend(toks)
                self.sd = sd
                return
        key = self._unique_id(self._sd_key(number, toks))
        self.sd = GoalDraft("SD", number, title, key, list(toks))
        self.tree.goals.append(self.sd)

    def _sd_key(self, number: str | None, toks: list[Token]) -> str:
        """'SD2' for a printed number; 'SD0' for goals without an SD heading; a heading
        that prints no number is keyed by its place: 'SD?3' (never a made-up number)."""
        if number:
            return f"SD{number}"
        return f"SD?{len(self.tree.goals) + 1}" if toks else "SD0"

    def _open_od(self, number: str | None, title: str, toks: list[Token]) -> None:
        self.mode, self.section = "goals", None
        if self.sd is None:
            self._open_sd(None, "", [])
        assert self.sd is not None
        self.pending_title = True
        for od in self.sd.children:
            if od.number == number and same_title(od.title, title):
                od.occurrences += 1
                od.heading_tokens.extend(toks)
                self.od = od
                return
        # an OD heading without a number: keyed by its SD and its place there ('OD2.?3')
        key = f"OD{number}" if number else f"OD{self.sd.id[2:]}.?{len(self.sd.children) + 1}"
        self.od = GoalDraft("OD", number, title, self._unique_id(key), list(toks))
        self.sd.children.append(self.od)

    def _on_section(self, i: int) -> None:
        tok = self.tokens[i]
        self._close_action()
        self.sd = self.od = None
        self.pending_title = False
        self.mode = "section"
        self.section = SectionDraft(
            title=tok.text, level=tok.level, kind=tok.section_kind or "narrative", head=tok
        )
        self.tree.sections.append(self.section)
        self._own(i, Owner.section(len(self.tree.sections) - 1, "title"))

    # -- actions --------------------------------------------------------------------------
    def _close_action(self) -> None:
        self.action = None
        self.pending_title = False

    def _ensure_od(self) -> GoalDraft:
        if self.od is None:
            if self.sd is None:
                self._open_sd(None, "", [])
            assert self.sd is not None
            base = f"OD{self.sd.number or 0}.0"
            self.od = GoalDraft("OD", None, "", self._unique_id(base), [])
            self.sd.children.append(self.od)
        self.mode = "goals"
        return self.od

    def _start_action(self, title_toks: list[Token], first: int) -> ActionDraft:
        od = self._ensure_od()
        self.pending_title = False
        action_id = f"{od.id.removeprefix('OD')}-{len(od.actions) + 1}"
        action = ActionDraft(title_tokens=list(title_toks), id=action_id)
        od.actions.append(action)
        self.action = action
        for k in range(first, first + len(title_toks)):
            self._own(k, Owner.action(action_id, "title"))
        return action

    def _paragraph_end(self, i: int, max_lines: int, one_more: bool = False) -> int:
        """Index after the TEXT tokens that form one paragraph starting at i, within the
        title size of `max_lines` lines (with `one_more`, one line beyond it, to tell a
        paragraph too long for a title)."""
        toks = self.tokens
        k = i + 1
        # 'Actie:' alone on its line: the title is the paragraph under it
        alone = not strip_action_prefix(toks[i].text, self.profile)[0]
        while k < len(toks) and (
            self._title_fits(i, k + 1, max_lines)
            or (one_more and self._title_fits(i, k, max_lines))
        ):
            nxt = toks[k]
            if alone and k == i + 1:
                if nxt.kind != Kind.TEXT:
                    break
                k += 1
                continue
            if nxt.kind != Kind.TEXT or nxt.blank_before or self._type_changes(toks[i], nxt):
                break
            if (
                nxt.break_before
                and not starts_lowercase(nxt.text)
                and not ends_open(toks[k - 1].text, self.profile.reflow)
            ):
                break  # a new page, unless the line before clearly goes on
            if strip_action_prefix(nxt.text, self.profile)[1]:
                break
            if not self._wraps_onto(toks[k - 1], nxt):
                break
            k += 1
        return k

    def _take_title(self, i: int) -> int:
        end = self._paragraph_end(i, self.profile.max_action_title_lines)
        self._start_action(self.tokens[i:end], i)
        return end

    def _is_new_title(self, i: int) -> bool:
        """Inside an action: does a new action's title start at token i?"""
        tok = self.tokens[i]
        action = self.action
        if action is None or tok.kind != Kind.TEXT or starts_lowercase(tok.text):
            return False
        if not is_paragraph_start(tok, self.doc):
            return False
        end = self._paragraph_end(i, self.profile.max_action_title_lines, one_more=True)
        if not self._title_fits(i, end, self.profile.max_action_title_lines):
            return False
        if any(
            sentence_break(self.tokens[k - 1].text, self.tokens[k].text, self.profile)
            for k in range(i + 1, end)
        ):
            return False  # sentences of an answer; a glued title is found at its form
        nxt = self.tokens[end] if end < len(self.tokens) else None
        started = action.is_template or bool(action.body)
        if started and title_before_form(
            nxt, action.current, self.profile, action.fields, action.labelled
        ):
            return True
        before = self.tokens[i - 1] if i else None
        return action_is_complete(action) and title_on_new_page(
            self.tokens[i:end], nxt, before, self.doc, self.profile
        )

    def _title_under_sd(self, i: int) -> bool:
        """Right under an SD heading without OD: a title when a form follows it."""
        if self.action is not None or self.sd is None or self.od is not None:
            return False
        end = self._paragraph_end(i, self.profile.max_action_title_lines)
        nxt = self.tokens[end] if end < len(self.tokens) else None
        return title_under_strategic_goal(nxt, self.profile)

    def _on_text(self, i: int) -> int:
        tok = self.tokens[i]
        if self.mode == "front":
            self._unassign(i)
            return i + 1
        if self.mode == "section":
            assert self.section is not None
            self.section.tokens.append(tok)
            self._own(i, Owner.section(len(self.tree.sections) - 1, "text"))
            return i + 1
        if tok.kind == Kind.TEXT and (
            self.pending_title
            or (
                strip_action_prefix(tok.text, self.profile)[1] and is_paragraph_start(tok, self.doc)
            )
            or self._is_new_title(i)
            or self._title_under_sd(i)
        ):
            return self._take_title(i)
        if self.action is None:
            self._unassign(i)
            return i + 1
        self._add_to_action(i)
        return i + 1

    def _add_to_action(self, i: int) -> None:
        action = self.action
        assert action is not None
        aid = action.id
        tok = self.tokens[i]
        if action.current is None:
            action.body.append(tok)
            self._own(i, Owner.action(aid, "text"))
        else:
            where = action.fields[action.current].add(tok)
            self._own(i, Owner.action(aid, where))
            if tok.label_like:
                self.tree.unknown_labels.append((tok, aid, where))

    def _unassign(self, i: int) -> None:
        if self._last_unassigned == i - 1 and self.tree.unassigned:
            self.tree.unassigned[-1].append(self.tokens[i])
        else:
            self.tree.unassigned.append([self.tokens[i]])
        self._last_unassigned = i
        self._own(i, UNASSIGNED_OWNER)

    # -- form structure -------------------------------------------------------------------
    def _on_form(self, i: int) -> None:
        tok = self.tokens[i]
        self._own(i, TEMPLATE_OWNER)
        key = tok.key or ""
        field_key = "evaluation" if tok.kind == Kind.CHECKBOX else key.split(".")[0]
        if field_key not in self.field_order:
            return
        if self.action is None:
            # A form without a title line: keep it as an action with an empty title.
            self._start_action([], i)
        action = self.action
        assert action is not None
        fd = self._open_field(
            action, field_key, restart=tok.kind in (Kind.LABEL, Kind.PART), label=tok, at=i
        )
        fd.structure.append(tok)
        if tok.kind == Kind.PART:
            part = key.split(".", 1)[1]
            fd.current_part = part
            fd.current_eval = None
            fd.part_tokens(part)  # the sub-part is on the form, even if left empty
        elif tok.kind == Kind.CHECKBOX:
            if key not in fd.evaluations:
                fd.evaluations[key] = EvalDraft(key, tok.selected, tok.glyph, tok.text, tok)
            fd.current_eval = key
            row = [t for t in fd.structure if t.kind == Kind.CHECKBOX and t.index == tok.index]
            if len(row) > 1:
                fd.current_eval = row_criteria_owner([(t.key or "", t.selected) for t in row])

    def _open_field(
        self,
        action: ActionDraft,
        key: str,
        restart: bool,
        label: Token | None = None,
        at: int = 0,
    ) -> FieldDraft:
        """Switch to field `key` of the action, creating it; a 'Wat?' after a finished
        form starts a new action (the form of an action whose title is missing)."""
        current = action.current
        if (
            restart
            and key in action.fields
            and current is not None
            and key != current
            and self.field_order[key] == 0
            and self.field_order[key] < self.field_order[current]
        ) or (restart and label is not None and opens_new_form(label, action.labelled, current)):
            action = self._start_action_reclaiming_title(action, at)
        if key not in action.fields:
            rule = self.profile.field_rule(key)
            action.fields[key] = FieldDraft(key=key, default_part=rule.default_part)
        action.current = key
        return action.fields[key]

    def _start_action_reclaiming_title(self, previous: ActionDraft, at: int) -> ActionDraft:
        """A new form found at its label, its title not seen before it: the title is the
        paragraph just before the label, which went into the previous action's last field
        (a title glued to the last criterion, without a blank line)."""
        run = self._trailing_title(previous, at)
        if not run:
            return self._start_action([], 0)
        taken = {id(self.tokens[k]) for k in run}
        previous.body[:] = [t for t in previous.body if id(t) not in taken]
        for fd in previous.fields.values():
            for part in fd.parts.values():
                part[:] = [t for t in part if id(t) not in taken]
            for ev in fd.evaluations.values():
                ev.tokens[:] = [t for t in ev.tokens if id(t) not in taken]
        return self._start_action([self.tokens[k] for k in run], run[0])

    def _trailing_title(self, previous: ActionDraft, end: int) -> list[int]:
        """Token positions of the last paragraph before the label at `end` if it can be a
        title: text of the previous action that starts after a blank line, a page boundary,
        the end of a sentence or a line that does not wrap onto it, in at most
        `max_action_title_lines` lines."""
        lines = self.doc.lines
        run: list[int] = []
        k = end - 1
        while k >= 0 and len(run) < self.profile.max_action_title_lines:
            tok = self.tokens[k]
            owner = self.tree.owners[k]
            mine = owner.place == "actions" and owner.key == previous.id
            if tok.kind != Kind.TEXT or not mine or owner.part == "title":
                return []
            run.insert(0, k)
            before = self.tokens[k - 1] if k > 0 else None
            if is_paragraph_start(tok, self.doc) or (
                before is not None
                and (
                    sentence_break(lines[before.index].text, tok.text, self.profile)
                    or not self._wraps_onto(before, tok)  # a line ended short of the margin
                )
            ):
                return [] if starts_lowercase(tok.text) else run
            k -= 1
        return []


def build_tree(doc: Document, tokens: list[Token], profile: Profile) -> Tree:
    return TreeBuilder(doc, tokens, profile).build()
