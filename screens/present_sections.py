"""The review meeting's sections, in meeting order: what each shows of the document."""

from __future__ import annotations

from datetime import timedelta

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Digits, Label, Static

from models.document import Postmortem
from models.enums import Category, Milestone
from models.metrics import compute_metrics, format_duration, format_offset

SECTIONS = (
    ("summary", "Summary"),
    ("impact", "Impact"),
    ("timeline", "Timeline"),
    ("factors", "Contributing factors"),
    ("whys", "Five whys"),
    ("actions", "Action items"),
    ("lessons", "Lessons learned"),
    ("wrap-up", "Wrap-up"),
)
SECTION_IDS = tuple(section_id for section_id, _ in SECTIONS)
PHASES = (
    ("to detect", Milestone.STARTED, Milestone.DETECTED),
    ("to acknowledge", Milestone.DETECTED, Milestone.ACKNOWLEDGED),
    ("to mitigate", Milestone.ACKNOWLEDGED, Milestone.MITIGATED),
    ("to resolve", Milestone.MITIGATED, Milestone.RESOLVED),
)
BAR_WIDTH = 40


def _hours(value: timedelta | None) -> str:
    if value is None:
        return "-:--"
    minutes = int(value.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _para(label: str, text: str) -> str:
    return f"[b]{label}[/b]\n{escape(text)}\n" if text.strip() else ""


def _bullets(items: list[str]) -> str:
    return "\n".join(f"  • {escape(item)}" for item in items) if items else "  [dim](none recorded)[/dim]"


class Section(VerticalScroll):
    """One full-screen section; ``show`` draws it from the document."""

    def __init__(self, section_id: str, title: str) -> None:
        super().__init__(id=f"section-{section_id}", classes="section")
        self.section_id = section_id
        self.title = title

    def compose(self) -> ComposeResult:
        yield Static(self.title, classes="section-title")
        if self.section_id == "summary":
            with Horizontal(id="summary-durations"):
                for label in ("Duration", "Time to detect", "Time to mitigate"):
                    with Vertical(classes="duration"):
                        yield Digits("-:--", classes="duration-digits")
                        yield Label(label, classes="duration-label")
        yield Static("", classes="section-body")

    def show(self, doc: Postmortem) -> None:
        if self.section_id == "summary":
            metrics = compute_metrics(doc)
            values = (metrics.duration, metrics.time_to_detect, metrics.time_to_mitigate)
            for digits, value in zip(self.query(".duration-digits").results(Digits), values):
                digits.update(_hours(value))
        self.query_one(".section-body", Static).update(getattr(self, f"_{self.section_id.replace('-', '_')}")(doc))

    @staticmethod
    def _summary(doc: Postmortem) -> str:
        meta = doc.meta
        facts = " · ".join(str(v) for v in (meta.severity and meta.severity.value, meta.incident_date,
                                             meta.status.value) if v)
        return "\n".join(part for part in (
            f"[b]{escape(meta.title)}[/b]", f"[dim]{facts}[/dim]\n",
            _para("What happened", doc.summary.what_happened),
            _para("Root cause", doc.summary.root_cause),
            _para("Resolution", doc.summary.resolution),
            _para("Customer impact", doc.summary.customer_impact),
        ) if part)

    @staticmethod
    def _impact(doc: Postmortem) -> str:
        impact = doc.impact
        rows = [(label, value) for label, value in (
            ("Users affected", impact.users_affected), ("Customer experience", impact.customer_experience),
            ("Regions", ", ".join(impact.regions)), ("Error rate", impact.error_rate), ("Latency", impact.latency),
            ("Availability", impact.availability), ("Revenue", impact.revenue),
            ("Support tickets", "" if impact.support_tickets is None else str(impact.support_tickets)),
            ("Data", impact.data_details),
        ) if value]
        lines = [f"[b]{label}[/b]  {escape(value)}" for label, value in rows]
        if impact.services:
            lines.append("\n[b]Services[/b]")
            lines += [f"  • {escape(s.name)}{': ' + escape(s.effect) if s.effect else ''}" for s in impact.services]
        return "\n".join(lines) or "[dim]No impact recorded yet.[/dim]"

    @staticmethod
    def _timeline(doc: Postmortem) -> str:
        zone = doc.meta.zone
        at = {e.milestone: e.at for e in doc.timeline if e.milestone is not None}
        phases = [(name, at[a], at[b]) for name, a, b in PHASES if a in at and b in at]
        total = sum(((end - start) for _, start, end in phases), timedelta()) or timedelta(seconds=1)
        lines = ["[b]Phases[/b]"]
        for name, start, end in phases:
            length = max(1, round(BAR_WIDTH * (end - start) / total))
            lines.append(f"  {name:<15} [$accent]{'█' * length}[/] {format_duration(end - start)}")
        if not phases:
            lines.append("  [dim]Mark the milestones to see the phases.[/dim]")
        started = at.get(Milestone.STARTED)
        key = [e for e in doc.timeline if e.key or e.milestone is not None]
        lines.append("\n[b]Key events[/b]")
        for event in key or doc.timeline:
            offset = format_offset(event.at - started) if started else ""
            mark = f" [b][{event.milestone.value}][/b]" if event.milestone else ""
            lines.append(f"  {event.at.astimezone(zone):%H:%M}  {offset:>9}  {escape(event.event)}{mark}")
        return "\n".join(lines)

    @staticmethod
    def _factors(doc: Postmortem) -> str:
        lines = []
        for category in Category:
            factors = [f for f in doc.factors if f.category == category]
            lines.append(f"[b]{category.value.capitalize()}[/b]")
            lines += [f"  {escape(f.id)}  {escape(f.title)} [dim]({f.weight.value})[/dim]" for f in factors]
            if not factors:
                lines.append("  [dim](none)[/dim]")
            lines.append("")
        return "\n".join(lines)

    @staticmethod
    def _whys(doc: Postmortem) -> str:
        lines = []
        for chain in doc.whys:
            lines.append(f"[b]{escape(chain.problem)}[/b]")
            for step in chain.steps:
                lines.append(f"  ↓ why? {escape(step.why)}\n    {escape(step.because)}")
            if chain.root_cause:
                lines.append(f"  [b]Root cause:[/b] {escape(chain.root_cause)}")
            lines.append("")
        return "\n".join(lines) or "[dim]No five-whys chain yet.[/dim]"

    @staticmethod
    def _actions(doc: Postmortem) -> str:
        lines = []
        for item in doc.actions:
            due = item.due.isoformat() if item.due else "[b $text-warning]no due date[/]"
            owner = escape(item.owner) if item.owner else "[b $text-warning]no owner[/]"
            lines.append(f"  [b]{escape(item.id)}[/b]  {escape(item.action)}\n      {owner} · {due} · "
                         f"{item.status.value}")
        return "\n".join(lines) or "[dim]No action items yet: press a to add one.[/dim]"

    @staticmethod
    def _lessons(doc: Postmortem) -> str:
        lessons = doc.lessons
        return "\n\n".join((
            f"[b]Went well[/b]\n{_bullets(lessons.went_well)}",
            f"[b]Went poorly[/b]\n{_bullets(lessons.went_poorly)}",
            f"[b]Where we got lucky[/b]\n{_bullets(lessons.lucky)}",
            f"[b]Key learnings[/b]\n{_bullets(lessons.key_learnings)}",
        ))

    @staticmethod
    def _wrap_up(doc: Postmortem) -> str:
        missing = [a for a in doc.actions if not a.owner.strip() or a.due is None]
        lines = ["[b]Action items[/b]"]
        lines += [f"  {escape(a.id)}  {escape(a.action)} — {escape(a.owner) or '?'} by "
                  f"{a.due.isoformat() if a.due else '?'}" for a in doc.actions]
        lines.append("\n[b]Still missing an owner or a due date[/b]")
        lines += [f"  [b $text-warning]{escape(a.id)}[/]  {escape(a.action)}" for a in missing] or ["  [dim](none)[/dim]"]
        return "\n".join(lines)

