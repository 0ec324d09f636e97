"""The review meeting's sections: what each shows of the document.

Text sections are built from headings, paragraphs and runs of rows with a label column (one widget a run,
however long), so long text wraps under itself at any width; action items and factors are lists the
facilitator edits.
"""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import Digits, Label, OptionList, Static
from textual.widgets.option_list import Option

from postmortem.models.document import ActionItem, Postmortem, TimelineEvent
from postmortem.models.enums import ActionStatus, Category, Milestone
from postmortem.models.labels import LABELS, RESULT_WORDS
from postmortem.models.meeting import MeetingChanges, meeting_changes
from postmortem.models.meeting_sections import MEETING_SECTION_IDS, RECORD_SECTIONS
from postmortem.models.metrics import compute_metrics, format_duration, format_offset, impact_began
from postmortem.screens.host import document_host
from postmortem.screens.widgets.label_rows import LabelRows

# Phases are named by the milestones they run between: "time to mitigate" is everywhere measured from
# the start, as in the summary, while a phase's bar is only its own length.
PHASES = (
    ("start → detect", Milestone.STARTED, Milestone.DETECTED),
    ("detect → acknowledge", Milestone.DETECTED, Milestone.ACKNOWLEDGED),
    ("acknowledge → mitigate", Milestone.ACKNOWLEDGED, Milestone.MITIGATED),
    ("mitigate → resolve", Milestone.MITIGATED, Milestone.RESOLVED),
)
PHASE_LABEL = max(len(name) for name, _, _ in PHASES) + 2
SUMMARY_DURATIONS = ("Duration", "Time to detect", "Time to mitigate")
AGREED = "[b $text-success]✓ agreed[/]"
IMPACT_BEGAN = "impact began"


def _hours(value: timedelta | None) -> str:
    if value is None:
        return "-:--"
    minutes = int(value.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


# The pieces a text section is made of.


def heading(text: str) -> Static:
    return Static(text, classes="part-heading")


def para(markup: str) -> Static:
    return Static(markup, classes="part-text")


# The label column of a run of rows: bullets, action ids, "why 1?", times and field names.
BULLET, ID, MID, WIDE = 4, 6, 8, 17
SERVICE_NAME_MAX = 40


def rows(items: list[tuple[str, str]], label_width: int) -> LabelRows:
    """Labels and text in markup, the text wrapping under itself."""
    return LabelRows(items, label_width=label_width)


def none(text: str = "(none recorded)") -> Static:
    return Static(f"[dim]{text}[/dim]", classes="part-text")


def _labelled(label: str, text: str) -> list[Widget]:
    return [heading(label), para(escape(text))] if text.strip() else []


def _bullets(label: str, items: list[str]) -> list[Widget]:
    return [heading(label), rows([("•", escape(item)) for item in items], BULLET) if items else none()]


def _owner_and_due(item: ActionItem) -> str:
    """Who carries the action and by when, with what is missing in the warning colour."""
    owner = escape(item.owner) if item.owner.strip() else "[b $text-warning]no owner[/]"
    due = item.due.isoformat() if item.due else "[b $text-warning]no due date[/]"
    return f"{owner} · {due}"


def _state(item: ActionItem) -> str:
    """Its status; for a done item, since when, and what checking it showed (or that it was not checked)."""
    if item.status is not ActionStatus.DONE:
        return item.status.value
    done = f"done {item.completed.isoformat()}" if item.completed else "done"
    if item.verification is None:
        return f"{done} · [$text-warning]not verified[/]"
    return f"{done} · {RESULT_WORDS[item.verification.result]}"


def _action_line(item: ActionItem, note: str = "") -> tuple[str, str]:
    agreed = f"  {AGREED}" if item.agreed else ""
    return escape(item.id), f"{escape(item.action)}\n[dim]→[/dim] {_owner_and_due(item)}{agreed}{note}"


def _action_lines(lines: list[tuple[str, str]]) -> Widget:
    return LabelRows(lines, label_width=ID, classes="-ids") if lines else none("(none)")


class PhaseBar(Horizontal):
    """One phase of the incident on a shared time axis: where it starts and how long it lasts.

    The parts are sized in fractions of the row, so the bar keeps its proportions at any width.
    """

    DEFAULT_CSS = """
    PhaseBar { width: 1fr; height: 1; margin-right: 2; }
    PhaseBar > .phase-before, PhaseBar > .phase-after { height: 1; }
    PhaseBar > .phase { height: 1; min-width: 1; background: $accent; }
    """

    def __init__(self, start: float, length: float) -> None:
        super().__init__()
        self.start = start
        self.length = length

    def compose(self) -> ComposeResult:
        for share, kind in zip(self.shares(), ("phase-before", "phase", "phase-after"), strict=True):
            part = Static("", classes=kind)
            part.styles.width = f"{share}fr"
            yield part

    def shares(self) -> tuple[int, int, int]:
        """Before, during and after the phase in thousandths of the row: whole numbers, which CSS reads
        whatever floats the fractions came out as."""
        before = min(max(round(self.start * 1000), 0), 1000)
        length = min(max(round(self.length * 1000), 0), 1000 - before)
        return before, length, 1000 - before - length


class MeetingSection(Vertical):
    """One full-screen section; ``show`` draws it from the document."""

    # Unscoped: the rules style the section itself as well as its parts.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .section {
        padding: 1 4;
    }
    .section-heading {
        height: 1;
    }
    .section-where {
        width: 1fr;
        height: 1;
        padding: 0 2;
        color: $text-muted;
        text-overflow: ellipsis;
        text-wrap: nowrap;
    }
    .section-title {
        width: auto;
        padding: 0 1;
        text-style: bold;
        color: $background;
        background: $accent;
    }
    #summary-durations {
        height: auto;
        margin-top: 1;
    }
    .duration {
        width: auto;
        height: auto;
        margin-right: 6;
    }
    .duration-label {
        color: $text-muted;
    }
    .duration-digits {
        width: auto;
    }
    .section-scroll, .section-records {
        height: 1fr;
    }
    .section-records, .section-records:focus {
        border: none;
        background: $background;
        background-tint: $background 0%;
        padding: 0;
        margin-top: 1;
    }
    .section-scroll {
        margin-top: 1;
    }
    .part-heading {
        text-style: bold;
        margin-top: 1;
    }
    .part-heading:first-child {
        margin-top: 0;
    }
    .part-row {
        height: auto;
    }
    .row-label {
        width: 17;
        color: $text-muted;
    }
    .section-detail {
        height: auto;
        max-height: 8;
        margin-top: 1;
        padding: 0 1;
        border-left: thick $accent 50%;
    }
    .phase-length {
        width: 8;
    }
    """

    def __init__(self, section_id: str, title: str) -> None:
        super().__init__(id=f"section-{section_id}", classes="section")
        self.section_id = section_id
        self.title = title

    def compose(self) -> ComposeResult:
        with Horizontal(classes="section-heading"):
            yield Static(self.title, classes="section-title")
            yield Static("", classes="section-where")
        if self.section_id == "summary":
            with Horizontal(id="summary-durations"):
                for label in SUMMARY_DURATIONS:
                    with Vertical(classes="duration"):
                        yield Digits("-:--", classes="duration-digits")
                        yield Label(label, classes="duration-label")
        if self.section_id in RECORD_SECTIONS:
            yield OptionList(classes="section-records")
            if self.section_id == "factors":
                yield Static("", classes="section-detail")
        else:
            yield VerticalScroll(classes="section-scroll")

    @property
    def body(self) -> Widget:
        """What takes the focus: the list, or the text's scroll area."""
        return self.query_one(".section-records" if self.section_id in RECORD_SECTIONS else ".section-scroll")

    def show(self, doc: Postmortem, start: list[ActionItem]) -> None:
        """Draw the section; ``start`` is the action items as they were when the meeting began."""
        number = MEETING_SECTION_IDS.index(self.section_id) + 1
        where = f"section {number}/{len(MEETING_SECTION_IDS)} · {escape(doc.meta.title)}"
        self.query_one(".section-where", Static).update(where)
        if self.section_id == "actions":
            self._fill(_action_options(doc, meeting_changes(start, doc.actions)))
            return
        if self.section_id == "factors":
            self._fill(_factor_options(doc))
            return
        if self.section_id == "summary":
            metrics = compute_metrics(doc)
            names = ("duration", "time_to_detect", "time_to_mitigate")
            for box, name, label in zip(self.query(".duration"), names, SUMMARY_DURATIONS, strict=True):
                box.query_one(Digits).update(_hours(getattr(metrics, name)))
                # Large digits have no ~: an approximate one says so under it.
                box.query_one(Label).update(f"{label} (about)" if name in metrics.approximate else label)
        if self.section_id == "wrap-up":
            parts = _wrap_up(doc.actions, meeting_changes(start, doc.actions))
        else:
            parts = getattr(self, f"_{self.section_id}")(doc)
        scroll = self.query_one(".section-scroll", VerticalScroll)
        with self.app.batch_update():
            scroll.remove_children()
            scroll.mount_all(parts)

    def _fill(self, options: list[Option | None]) -> None:
        """Replace the list's options, keeping the highlight on the same place."""
        records = self.query_one(".section-records", OptionList)
        highlighted = records.highlighted
        records.set_options(options)
        records.highlighted = min(highlighted or 0, records.option_count - 1)
        option = records.highlighted_option
        if option is not None and option.disabled:
            records.action_cursor_down()

    @on(OptionList.OptionHighlighted)
    def _show_factor(self, event: OptionList.OptionHighlighted) -> None:
        """Below the factors: the highlighted one's description and why it mattered."""
        details = self.query(".section-detail")
        index = self.selected()
        if not details:
            return
        factors = document_host(self).document.factors
        lines = []
        if index is not None and index < len(factors):
            factor = factors[index]
            lines = [
                f"[dim]{label}:[/dim] {escape(text)}"
                for label, text in (("Description", factor.description), ("Why it mattered", factor.why_it_mattered))
                if text.strip()
            ]
        details.first(Static).update("\n".join(lines))
        details.first().display = bool(lines)

    def highlight(self, index: int) -> None:
        """Put the cursor on the action item or factor at ``index`` in the document."""
        records = self.query_one(".section-records", OptionList)
        records.highlighted = records.get_option_index(f"{self.section_id.removesuffix('s')}-{index}")

    def selected(self) -> int | None:
        """The index in the document of the highlighted action item or factor."""
        if self.section_id not in RECORD_SECTIONS:
            return None
        option = self.query_one(".section-records", OptionList).highlighted_option
        if option is None or option.disabled or option.id is None:
            return None
        return int(option.id.rpartition("-")[2])

    @staticmethod
    def _summary(doc: Postmortem) -> list[Widget]:
        meta = doc.meta
        facts = " · ".join(
            str(v) for v in (meta.severity and meta.severity.value, meta.incident_date, meta.status.value) if v
        )
        return [
            para(f"[b]{escape(meta.title)}[/b]\n[dim]{facts}[/dim]"),
            *(
                part
                for name in ("what_happened", "background", "root_cause", "resolution", "customer_impact")
                for part in _labelled(LABELS[f"summary.{name}"], getattr(doc.summary, name))
            ),
        ]

    @staticmethod
    def _impact(doc: Postmortem) -> list[Widget]:
        impact = doc.impact
        figures = [
            (label, escape(value))
            for label, value in (
                (LABELS["impact.started_at"], impact_began(doc) or ""),
                ("Time impacted", compute_metrics(doc).show("time_impacted", "")),
                (LABELS["impact.users_affected"], impact.users_affected),
                (LABELS["impact.customer_experience"], impact.customer_experience),
                (LABELS["impact.regions"], ", ".join(impact.regions)),
                (LABELS["impact.error_rate"], impact.error_rate),
                (LABELS["impact.latency"], impact.latency),
                (LABELS["impact.availability"], impact.availability),
                (LABELS["impact.revenue"], impact.revenue),
                (
                    LABELS["impact.support_tickets"],
                    "" if impact.support_tickets is None else str(impact.support_tickets),
                ),
                (LABELS["impact.data_details"], impact.data_details),
            )
            if value
        ]
        width = max((len(label) + 2 for label, _ in figures), default=WIDE)
        parts: list[Widget] = [rows(figures, max(WIDE, width))] if figures else []
        if impact.services:
            # The names' column fits the longest name (up to a third of a 120-column room), so that a
            # name never runs into its effect.
            width = min(max(len(service.name) for service in impact.services) + 2, SERVICE_NAME_MAX)
            services = rows([(escape(s.name), escape(s.effect)) for s in impact.services], width)
            parts += [heading(LABELS["impact.services"]), services]
        return parts or [none("No impact recorded yet.")]

    @staticmethod
    def _timeline(doc: Postmortem) -> list[Widget]:
        zone = doc.meta.zone
        marked = {e.milestone: e for e in doc.timeline if e.milestone is not None}
        at = {milestone: event.at for milestone, event in marked.items()}
        phases = [(name, at[a], at[b]) for name, a, b in PHASES if a in at and b in at]
        about = {
            name for name, a, b in PHASES if a in at and b in at and (marked[a].approximate or marked[b].approximate)
        }
        # Milestones out of order make a phase negative: it is drawn as no bar, and not counted.
        total = sum((max(end - start, timedelta()) for _, start, end in phases), timedelta()) or timedelta(seconds=1)
        parts: list[Widget] = [heading("Phases")]
        elapsed = timedelta()
        for name, start, end in phases:
            label = Static(name, classes="row-label")
            label.styles.width = PHASE_LABEL
            parts.append(
                Horizontal(
                    label,
                    Static(("~" if name in about else "") + format_duration(end - start), classes="phase-length"),
                    PhaseBar(elapsed / total, max(end - start, timedelta()) / total),
                    classes="part-row",
                )
            )
            elapsed += max(end - start, timedelta())
        if not phases:
            parts.append(none("Mark the milestones to see the phases."))
        started = at.get(Milestone.STARTED)
        # The impact start has no event of its own: it is shown among the key events, in time order.
        impact = None
        if doc.impact.started_at is not None:
            impact = TimelineEvent(
                at=doc.impact.started_at,
                approximate=doc.impact.started_approximate,
                event="People first felt the incident",
            )

        def event_rows(events: list[TimelineEvent], style: str = "") -> LabelRows:
            """Time and T+ beside each event; the date too whenever it is not the day of the row before
            (the incident's day for the first)."""
            whens, day = [], doc.meta.incident_date
            for event in events:
                local = event.at.astimezone(zone)
                clock = local.strftime("%H:%M" if local.date() == day else "%m-%d %H:%M")
                whens.append(("~" if event.approximate else "") + clock)
                day = local.date()
            offsets = [format_offset(event.at - started) if started else "" for event in events]
            # Right-aligned, so that the clock times and the offsets each make a column.
            when_width, offset_width = max(map(len, whens)), max(map(len, offsets))
            lines = []
            for event, when, offset in zip(events, whens, offsets, strict=True):
                milestone = IMPACT_BEGAN if event is impact else event.milestone and event.milestone.value
                mark = f"  [b $accent]{milestone}[/]" if milestone else ""
                text = f"[{style}]{escape(event.event)}[/]" if style else escape(event.event)
                lines.append((f"{when:>{when_width}} {offset:>{offset_width}}".rstrip(), text + mark))
            return rows(lines, max(WIDE, *(len(label) + 2 for label, _ in lines)))

        key = [e for e in doc.timeline if e.key or e.milestone is not None]
        if impact is not None:
            key = sorted([*key, impact], key=lambda e: e.at)
        others = [e for e in doc.timeline if not (e.key or e.milestone is not None)]
        if key:
            parts += [heading("Key events"), event_rows(key)]
        if others:
            parts.append(heading("Other events" if key else "Events"))
            parts.append(event_rows(others, "dim" if key else ""))
        if not doc.timeline:
            parts.append(none("No timeline events yet."))
        return parts + _labelled(LABELS["response.recovery"], doc.response.recovery)

    @staticmethod
    def _whys(doc: Postmortem) -> list[Widget]:
        parts: list[Widget] = []
        for chain in doc.whys:
            parts.append(heading(escape(chain.problem)))
            lines: list[tuple[str, str]] = []
            for number, step in enumerate(chain.steps, start=1):
                answer = f"[b]→[/b] {escape(step.because)}"
                # A why left without a question of its own shows just its answer: no blank line above it.
                lines.append((f"why {number}?", f"{escape(step.why)}\n{answer}" if step.why.strip() else answer))
            if chain.root_cause:
                lines.append(("[b]root cause[/b]", f"[b]{escape(chain.root_cause)}[/b]"))
            if lines:
                parts.append(rows(lines, MID))
        return parts or [none("No five-whys chain yet.")]

    @staticmethod
    def _lessons(doc: Postmortem) -> list[Widget]:
        lessons = doc.lessons
        return [
            *(
                part
                for name in ("went_well", "went_poorly", "lucky", "key_learnings")
                for part in _bullets(LABELS[f"lessons.{name}"], getattr(lessons, name))
            ),
        ]


def _action_options(doc: Postmortem, changes: MeetingChanges) -> list[Option | None]:
    new = {id(change.item) for change in changes.new}
    changed = {id(change.item) for change in changes.changed}
    options: list[Option | None] = []
    for index, item in enumerate(doc.actions):
        marks = [
            AGREED if item.agreed else "",
            "[b $accent]new[/]" if id(item) in new else "[b $accent]changed[/]" if id(item) in changed else "",
        ]
        flags = "".join(f"  {mark}" for mark in marks if mark)
        if options:
            options.append(None)
        options.append(
            Option(
                f"{escape(item.action)}\n[b]{escape(item.id)}[/b] · {_owner_and_due(item)} · {_state(item)}{flags}",
                id=f"action-{index}",
            )
        )
    return options or [Option("[dim]No action items yet: press a to add one.[/dim]", disabled=True)]


def _factor_options(doc: Postmortem) -> list[Option | None]:
    addressed = {factor_id for item in doc.actions for factor_id in item.factors}
    options: list[Option | None] = []
    for category in [*Category, None]:
        factors = [(index, f) for index, f in enumerate(doc.factors) if f.category == category]
        if category is None and not factors:
            break  # the heading of factors not categorised yet only when there are some
        if options:
            options.append(None)
        heading = category.value.capitalize() if category is not None else "Not categorised yet"
        options.append(Option(f"[b $accent]{heading}[/]", disabled=True))
        for index, factor in factors:
            details = " · ".join(v.value for v in (factor.weight, factor.area) if v is not None)
            action = "" if factor.id in addressed else "  [b $text-warning]no action yet[/]"
            options.append(
                Option(
                    f"[b]{escape(factor.id)}[/b]  {escape(factor.title)}\n[dim]{details}[/dim]{action}",
                    id=f"factor-{index}",
                )
            )
        if not factors:
            options.append(Option("[dim](none)[/dim]", disabled=True))
    return options


def _wrap_up(actions: list[ActionItem], changes: MeetingChanges) -> list[Widget]:
    agreed = sum(item.agreed for item in actions)
    return [
        para(
            f"[dim]{len(actions)} action items · {agreed} agreed · {len(changes.new)} new · "
            f"{len(changes.changed)} changed in this meeting[/dim]"
        ),
        heading("New in this meeting"),
        _action_lines([_action_line(change.item) for change in changes.new]),
        heading("Changed in this meeting"),
        _action_lines(
            [_action_line(change.item, f"  [dim]({', '.join(change.fields)})[/dim]") for change in changes.changed]
        ),
        heading("Still missing an owner or a due date"),
        _action_lines([_action_line(item) for item in changes.incomplete]),
    ]
