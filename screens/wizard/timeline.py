"""Step 3: the timeline, with derived durations beside it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from postmortem.models.document import TimelineEvent
from postmortem.models.enums import EventKind, Milestone
from postmortem.models.errors import describe_validation
from postmortem.models.metrics import compute_metrics, format_offset, impact_began, milestone_order_problems
from postmortem.models.quick_add import parse_quick_event
from postmortem.screens.dialogs.import_evidence import ImportDialog
from postmortem.screens.dialogs.record_editor import EVENTS
from postmortem.screens.widgets.quick_add import QuickAdd, QuickField
from postmortem.screens.widgets.record_table import Column, RecordDetail, RecordTable, escape
from postmortem.screens.wizard.records import RecordsStep

# As the table narrows, T+ leaves it first, then the kind, the milestone and the actor (the detail below
# the table shows what left); the time and the event stay.
COLUMNS = (
    Column("Time"),
    Column("T+", gives_way=4),
    Column("Kind", gives_way=3),
    Column("Milestone", gives_way=2),
    Column("Event", main=True),
    Column("Actor", gives_way=1, max_width=20),
)
SEPARATOR = "  ·  "


class TimelineStep(RecordsStep):
    # Unscoped: the metrics move above the table on the wizard's -narrow screen.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    #step-timeline {
        overflow-y: hidden;
    }
    #timeline-body {
        height: 1fr;
    }
    #timeline-main {
        width: 1fr;
        height: 1fr;
    }
    #timeline-table {
        height: 1fr;
        max-height: 100%;
        margin: 0;
    }
    #timeline-detail {
        height: auto;
        max-height: 7;
        overflow-y: auto;
    }
    #timeline-side {
        width: 30;
        height: auto;
        padding: 0 0 0 2;
    }
    #timeline-metrics {
        height: auto;
        margin: 1 0;
    }
    #timeline-warnings {
        color: $text-warning;
    }
    .-narrow #timeline-body {
        layout: vertical;
    }
    .-narrow #timeline-side {
        width: 1fr;
        padding: 0;
        dock: top;
    }
    .-narrow #timeline-metrics {
        margin: 0 0 1 0;
    }
    .-narrow #timeline-zone {
        display: none;
    }
    .-short #timeline-detail {
        max-height: 3;
    }
    """

    step_id = "timeline"
    intro = "Reconstruct what happened from alerts, logs, chat and deploys. Mark the milestones."
    kind = EVENTS
    BINDINGS = [
        Binding("i", "import_evidence", "Import", id="timeline.import", tooltip="Import evidence files"),
        Binding("q", "quick_add", "Quick add", id="timeline.quick", show=False, tooltip="Type an event as one line"),
        Binding("k", "cycle_kind", "Kind", id="timeline.kind", show=False, tooltip="The selected event's next kind"),
        Binding(
            "m",
            "cycle_milestone",
            "Milestone",
            id="timeline.milestone",
            show=False,
            tooltip="The selected event's next milestone (or none)",
        ),
        Binding(
            "w",
            "keep_wording",
            "Keep as imported",
            id="timeline.keep_wording",
            show=False,
            tooltip="Keep the selected event's imported text, and the milestone guessed from it, as they are",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        with Horizontal(id="timeline-body"):
            with Vertical(id="timeline-main"):
                yield QuickAdd(
                    [QuickField("q: 23:30 what happened · ~23:30 if about · +5m")],
                    self._quick_add,
                    id="timeline-quick",
                )
                yield RecordTable(COLUMNS, id="timeline-table")
                yield RecordDetail(id="timeline-detail")
            with Vertical(id="timeline-side"):
                yield Static("", id="timeline-zone")
                yield Static("", id="timeline-metrics")
                yield Static("", id="timeline-warnings")

    _width = 0  # the step's width the metrics were last fitted to
    _strip_width = 0  # the metrics strip's own width when it was last shown

    def on_mount(self) -> None:
        self.fill()

    def refresh_from_document(self) -> None:
        doc = self.document
        zone = doc.meta.zone
        start = doc.milestone_event(Milestone.STARTED)
        # Seconds are shown when any event has them: two events in one minute do not read alike.
        clock = "%H:%M:%S" if any(event.at.second for event in doc.timeline) else "%H:%M"
        rows: list[list[Any]] = []
        for event in doc.timeline:
            local = event.at.astimezone(zone)
            when = local.strftime(clock if local.date() == doc.meta.incident_date else f"%m-%d {clock}")
            when = f"~{when}" if event.approximate else when
            offset = format_offset(event.at - start.at) if start else ""
            milestone = Text(event.milestone.value, style="bold") if event.milestone else ""
            text = ("★ " if event.key else "") + event.event
            rows.append([when, offset, event.kind.value, milestone, text, event.actor])
        table = self.query_one("#timeline-table", RecordTable)
        table.fill([(str(index), cells) for index, cells in enumerate(rows)])
        self.query_one("#timeline-zone", Static).update(f"Times in [b]{doc.meta.timezone}[/b]")
        self._show_metrics()
        problems = milestone_order_problems(doc)
        warnings = self.query_one("#timeline-warnings", Static)
        warnings.update("\n".join(f"⚠ Milestones out of order: {p}" for p in problems))
        warnings.display = bool(problems)
        if not doc.timeline:
            self.query_one("#timeline-detail", RecordDetail).update(
                "No events yet. Press [b]a[/b] to add the first one."
            )
        elif (key := table.current_key()) is not None:
            self._show_detail(key)

    def on_resize(self, event: events.Resize) -> None:
        # The metrics wrap to the step's width when narrow; shown again at the same width, nothing changes.
        if event.size.width != self._width:
            self._width = event.size.width
            self._show_metrics()

    def _show_metrics(self) -> None:
        """One metric a line beside the table; when narrow, a strip above it that
        wraps between metrics, never inside one."""
        metrics = compute_metrics(self.document).shown()
        if (began := impact_began(self.document)) is not None:
            metrics.append(("Impact began", began))
        widget = self.query_one("#timeline-metrics", Static)
        if not self.screen.has_class("-narrow"):
            widget.update("\n".join(f"{name} [b]{value}[/b]" for name, value in metrics))
            return
        # A hidden step has no size: the strip keeps the width it last had (a resize meanwhile fits it again).
        self._strip_width = widget.content_size.width or self._strip_width or self.content_size.width
        width = self._strip_width or 80
        lines: list[list[str]] = [[]]
        used = 0
        for name, value in metrics:
            size = len(name) + 1 + len(value) + (len(SEPARATOR) if lines[-1] else 0)
            if lines[-1] and used + size > width:
                lines.append([])
                used, size = 0, size - len(SEPARATOR)
            lines[-1].append(f"{name} [b]{value}[/b]")
            used += size
        widget.update("\n".join(SEPARATOR.join(line) for line in lines))

    def action_quick_add(self) -> None:
        self.query_one("#timeline-quick", QuickAdd).focus_first()

    def _quick_add(self, fields: list[str]) -> str | None:
        """An event from the quick line (the focus stays there for the next one); or why it cannot be."""
        doc = self.document
        key = self.query_one("#timeline-table", RecordTable).current_key()
        after = doc.timeline[int(key)].at if key is not None else None
        try:
            typed = parse_quick_event(fields[0], doc.meta.incident_date, doc.meta.zone, after)
            event = TimelineEvent(at=typed.at, approximate=typed.approximate, event=typed.text, kind=typed.kind)
        except ValidationError as error:
            return "; ".join(describe_validation(error))
        except ValueError as error:
            return str(error)
        index = doc.add_event(event)
        self.document_changed()
        self.show_record(index, focus=False)
        return None

    def action_cycle_kind(self) -> None:
        """The selected event's kind: the next one."""
        self._change_selected(lambda event: {"kind": _next(list(EventKind), event.kind)})

    def action_cycle_milestone(self) -> None:
        """The selected event's milestone: the next one, or none after the last."""
        self._change_selected(
            lambda event: {"milestone": _next([None, *Milestone], event.milestone), "milestone_guessed": False}
        )

    def action_keep_wording(self) -> None:
        """The selected event's imported text, and the milestone guessed from it, are kept as they are: they
        no longer ask to be looked at."""
        self._change_selected(lambda event: {"as_imported": False, "milestone_guessed": False})

    def _change_selected(self, change: Callable[[TimelineEvent], dict[str, Any]]) -> None:
        key = self.focused_key()
        if key is None:
            return
        event = self.document.timeline[int(key)]
        index = self.document.replace_event(int(key), event.model_copy(update=change(event)))
        self.document_changed()
        self.show_record(index)

    def describe_key(self, key: str) -> str:
        event = self.document.timeline[int(key)]
        parts = [escape(event.event)]
        if event.source or event.evidence:
            parts.append(f"[dim]Source:[/dim] {escape(event.source)}  {escape(event.evidence)}")
        return "\n".join(parts)

    def label_for(self, key: str) -> str:
        event = self.document.timeline[int(key)]
        return f"at {event.at.astimezone(self.document.meta.zone):%H:%M} ({event.event[:40]})"

    def action_import_evidence(self) -> None:
        self.app.push_screen(ImportDialog(self.document), self._imported)

    def _imported(self, events: list[TimelineEvent] | None) -> None:
        if not events:
            return
        # In time order, so that later insertions land after the first one and keep its index.
        first, *rest = sorted(events, key=lambda event: event.at)
        index = self.document.add_event(first)
        for event in rest:
            self.document.add_event(event)
        self.document_changed()
        self.show_record(index)
        self.notify(f"Added {len(events)} event{'s' if len(events) != 1 else ''} from the evidence.", timeout=4)


def _next(values: list[Any], current: Any) -> Any:
    return values[(values.index(current) + 1) % len(values)]
