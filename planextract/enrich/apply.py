"""Add partners, periods and targets to a built plan (new keys; the text stays as written).

- partners: every text field of an action (and every section) is searched for
  organisations; `Action.partners` has one entry per (canonical name, field).
- periods: what.do/dont, how.steps/milestones, the evaluation criteria, the body of a
  narrative action and the timeline cells of the action's column; each Period says its
  field and item (a timeline cell: 'timeline.tables[t].rows[r].cells[c]').
- targets: the evaluation criteria; each Target says its criterion (item).
"""

from __future__ import annotations

from collections.abc import Iterator

from planextract.enrich.orgs import OrgFinder
from planextract.enrich.periods import parse_periods
from planextract.enrich.targets import parse_targets
from planextract.models.plan import Action, ListItem, Partner, Period, Plan
from planextract.rules.enrich import load_gazetteer
from planextract.rules.profile import Profile, load_profile

# (field, text, item index or None, pages) for every text of an action.
Piece = tuple[str, str, int | None, list[int]]

PERIOD_FIELDS = ("what.do", "what.dont", "how.steps", "how.milestones", "text")


def _items(field: str, items: list[ListItem] | None) -> Iterator[Piece]:
    for i, item in enumerate(items or []):
        yield field, item.text, i, item.pages


def action_pieces(action: Action) -> Iterator[Piece]:
    """Every text of an action with where it came from, in form order."""
    yield "title", action.title, None, action.pages[:1]
    if action.text:
        yield "text", action.text, None, action.pages
    if action.what:
        yield "what.text", action.what.text, None, action.what.pages
        yield from _items("what.do", action.what.do)
        yield from _items("what.dont", action.what.dont)
    if action.why:
        yield "why.text", action.why.text, None, action.why.pages
    if fw := action.for_whom:
        if fw.target_groups is None:
            yield "for_whom.target_groups", fw.text, None, fw.pages
        else:
            yield from _items("for_whom.target_groups", fw.target_groups)
    if ww := action.with_whom:
        for name in ("lead", "council_role"):
            if value := getattr(ww, name):
                yield f"with_whom.{name}", value, None, ww.pages
        yield from _items("with_whom.stakeholders", ww.stakeholders)
        yield from _items("with_whom.partnerships", ww.partnerships)
    if action.how:
        yield from _items("how.steps", action.how.steps)
        yield from _items("how.milestones", action.how.milestones)
    if ev := action.evaluation:
        for key in ("process", "output", "outcome"):
            if etype := getattr(ev, key):
                yield from _items(f"evaluation.{key}.criteria", etype.criteria)
        if ev.text:
            yield "evaluation.text", ev.text, None, ev.pages


class Enricher:
    def __init__(self, plan: Plan, profile: Profile) -> None:
        self.plan = plan
        self.gazetteer = load_gazetteer()
        self.orgs = OrgFinder(profile.reflow, self.gazetteer)
        own = plan.organisation or ""
        self.own = {m.name for m in self.orgs.find(own, names_expected=False)} if own else set()

    def partners(self, pieces: Iterator[Piece]) -> list[Partner]:
        out: dict[tuple[str, str], Partner] = {}
        todo = list(pieces)
        expected = [field in self.gazetteer.name_fields for field, *_ in todo]
        found = self.orgs.find_many([text for _, text, _, _ in todo], expected)
        for (field, _, _, pages), mentions in zip(todo, found, strict=True):
            for m in mentions:
                key = (m.name, field)
                if key in out:
                    out[key].pages = sorted(set(out[key].pages) | set(pages))
                    continue
                out[key] = Partner(
                    name=m.name,
                    type=m.type,
                    text=m.text,
                    field=field,
                    match=m.match,  # type: ignore[arg-type]
                    own=m.name in self.own or m.type == "zone_body",
                    pages=list(pages),
                )
        return list(out.values())

    def periods(self, action: Action) -> list[Period]:
        out = []
        for field, text, item, pages in action_pieces(action):
            if field in PERIOD_FIELDS or field.endswith(".criteria"):
                for period in parse_periods(text, self.plan.year):
                    period.field, period.item, period.pages = field, item, list(pages)
                    out.append(period)
        return out

    def timeline_periods(self) -> None:
        """Periods written in a timeline cell go to the action its column schedules."""
        if self.plan.timeline is None:
            return
        by_id = {a.id: a for a in self.plan.actions()}
        for t, table in enumerate(self.plan.timeline.tables):
            for c, column in enumerate(table.columns):
                action = by_id.get(column.action_id or "")
                if action is None:
                    continue
                for r, row in enumerate(table.rows):
                    cell, detail = row.cells[c], row.details[c]
                    for period in parse_periods(cell or "", self.plan.year):
                        period.field = f"timeline.tables[{t}].rows[{r}].cells[{c}]"
                        period.pages = list(detail.pages) if detail else list(row.pages)
                        action.periods.append(period)

    def targets(self, action: Action) -> None:
        ev = action.evaluation
        for key in ("process", "output", "outcome"):
            etype = getattr(ev, key) if ev else None
            if etype is None:
                continue
            etype.targets = []
            for i, criterion in enumerate(etype.criteria):
                for target in parse_targets(criterion.text):
                    target.item, target.pages = i, list(criterion.pages)
                    etype.targets.append(target)

    def run(self) -> None:
        for section in self.plan.sections:
            section.partners = self.partners(iter([("text", section.text, None, section.pages)]))
        for action in self.plan.actions():
            action.partners = self.partners(action_pieces(action))
            action.periods = self.periods(action)
            self.targets(action)
        self.timeline_periods()
        self.plan.enriched = True


def enrich_plan(plan: Plan, profile: Profile | None = None) -> None:
    """Add partners, periods and targets to `plan` in place."""
    Enricher(plan, profile or load_profile()).run()
