"""Import evidence: pick files and options, read them in a worker, tick and edit the candidates, add them.

The dialog dismisses with the timeline events to add (ticked candidates, as
edited), or with ``None``. Reading runs in a thread with a progress bar; escape
cancels a read in progress, and a second escape closes the dialog.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Collapsible, DataTable, Input, Label, ProgressBar, Static
from textual.worker import get_current_worker

from postmortem.models.document import Postmortem, TimelineEvent
from postmortem.models.evidence import Cancelled, Candidate, ImportOptions, ImportResult, Progress, import_evidence
from postmortem.models.evidence.options import OptionError, build_options
from postmortem.models.timeparse import format_event_time
from postmortem.screens.dialogs.event_form import EventForm
from postmortem.screens.widgets.footer import KeysFooter
from postmortem.screens.widgets.path_suggester import PathSuggester
from postmortem.screens.widgets.record_table import plain, shorten
from postmortem.screens.widgets.ticks import TickBox

COLUMNS = ("", "Time", "Level", "Kind", "Source", "Event")
OPTION_FIELDS = (
    ("since", "Since", "window start, e.g. 13:00 (default: start milestone − 1 h)"),
    ("until", "Until", "window end (default: resolved milestone + 1 h)"),
    ("tz", "Time zone", "for times without an offset (default: the document's)"),
    ("year", "Year", "for syslog dates without one (default: the incident's)"),
    ("time_format", "Time format", "strftime, e.g. %d.%m.%Y %H:%M:%S"),
    ("grep", "Also keep", "regular expression for more records"),
)
TICK, UNTICKED, KNOWN = "✓", " ", "="


class CandidateTable(DataTable[Any]):
    BINDINGS = [
        Binding("space", "tick", "Tick", id="import.toggle"),
        Binding("a", "tick_all", "Tick all/none", id="import.toggle_all"),
    ]

    @property
    def dialog(self) -> ImportDialog:
        screen = self.screen
        assert isinstance(screen, ImportDialog)
        return screen

    def action_tick(self) -> None:
        self.dialog.toggle(self.cursor_row)

    def action_tick_all(self) -> None:
        self.dialog.toggle_all()


class ImportDialog(ModalScreen[list[TimelineEvent] | None]):
    CSS_PATH = "import_evidence.tcss"
    # Below 30 lines the preview shrinks so that the table keeps its rows.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
        Binding("ctrl+r", "read", "Read files", id="import.read", priority=True),
        Binding("ctrl+enter,ctrl+j", "submit", "Add ticked", id="import.submit", key_display="ctrl+j", priority=True),
    ]

    def __init__(self, document: Postmortem) -> None:
        super().__init__()
        self.document = document
        self.candidates: list[Candidate] = []
        self.events: list[TimelineEvent] = []  # each candidate as it will be added (after edits)
        self._seconds = False  # whether the times show seconds
        self.ticked: set[int] = set()
        self.progress: Progress | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Static("Import evidence", id="import-heading")
            with Horizontal(id="import-files"):
                yield Label("Files", classes="import-label")
                yield Input(
                    placeholder="app.log alerts.csv chat.json git.log (right arrow completes a path)",
                    suggester=PathSuggester(),
                    id="import-sources",
                )
                yield Button("Read", variant="primary", id="import-read")
            with Collapsible(title="Options: window, time zone, formats, more records", id="import-options"):
                for name, label, placeholder in OPTION_FIELDS:
                    with Horizontal(classes="import-option"):
                        yield Label(label, classes="import-label")
                        yield Input(placeholder=placeholder, id=f"import-{name}", compact=True)
                with Horizontal(classes="import-option"):
                    yield TickBox("Keep every record in the window", id="import-all", compact=True)
                    yield TickBox("Collapse bursts", value=True, id="import-collapse", compact=True)
            with Horizontal(id="import-status-row"):
                yield ProgressBar(id="import-progress", show_eta=False)
                yield Static("Name the files, then Read (ctrl+r).", id="import-status")
            yield CandidateTable(cursor_type="row", zebra_stripes=True, id="import-table")
            with VerticalScroll(id="import-preview-box"):
                yield Static("", id="import-preview", markup=False)
            with Horizontal(id="import-buttons"):
                yield Button("Add ticked events", variant="primary", id="import-add", disabled=True)
                yield Button("Cancel", id="import-cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(CandidateTable).add_columns(*COLUMNS)
        self.query_one("#import-progress").display = False
        self.query_one("#import-sources").focus()

    # Reading

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-read")
    def _read_requested(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        self.action_read()

    def action_read(self) -> None:
        if self.progress is not None:
            return
        try:
            sources = shlex.split(self.query_one("#import-sources", Input).value)
        except ValueError as error:
            self._status(f"Files: {error}", error=True)
            return
        if not sources:
            self._status("Name at least one file to read.", error=True)
            return

        def text(name: str) -> str:
            return self.query_one(f"#import-{name}", Input).value

        try:
            options = build_options(
                self.document,
                since=text("since"),
                until=text("until"),
                tz=text("tz"),
                year=text("year"),
                time_format=text("time_format"),
                grep=text("grep"),
                keep_all=self.query_one("#import-all", Checkbox).value,
                collapse=self.query_one("#import-collapse", Checkbox).value,
            )
        except OptionError as error:
            label = {name: label for name, label, _ in OPTION_FIELDS}[error.name]
            self.query_one("#import-options", Collapsible).collapsed = False
            self._status(f"{label}: {error}", error=True)
            return
        self.progress = Progress(on_change=lambda p: self.app.call_from_thread(self._advanced, p.done, p.total))
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self._status("Reading… (escape cancels)")
        self._read(sources, options, self.progress)

    @work(thread=True, exclusive=True, group="import")
    def _read(self, sources: list[str], options: ImportOptions, progress: Progress) -> None:
        try:
            result = import_evidence(self.document, sources, options, progress)
        except Cancelled:
            self.app.call_from_thread(self._finished, None, "Reading cancelled.")
            return
        except Exception as error:  # a bug must not take the author's unsaved work down with it
            self.app.call_from_thread(self._finished, None, f"Reading failed: {error}")
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._finished, result, "")

    def _advanced(self, done: int, total: int) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=max(total, 1), progress=done)

    def _finished(self, result: ImportResult | None, message: str) -> None:
        self.progress = None
        self.query_one("#import-progress").display = False
        if result is None:
            self._status(message, error=message.startswith("Reading failed"))
            return
        self.candidates = result.candidates
        self.events = [candidate.to_event() for candidate in self.candidates]
        self.ticked = {index for index, candidate in enumerate(self.candidates) if not candidate.existing}
        self._fill()
        known = len(self.candidates) - len(self.ticked)
        summary = f"{len(self.candidates)} candidates" + (f", {known} already in the timeline (=)" if known else "")
        summary += ". Space ticks, enter edits, ctrl+j adds."
        self._status("\n".join([*result.notes, *result.problems, summary]), error=bool(result.problems))
        table = self.query_one(CandidateTable)
        if self.candidates:
            table.focus()

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(Text(text))
        status.set_class(error, "-error")

    # The candidates

    def _cells(self, index: int) -> list[object]:
        candidate, event = self.candidates[index], self.events[index]
        mark = TICK if index in self.ticked else (KNOWN if candidate.existing else UNTICKED)
        meta = self.document.meta
        when = format_event_time(event.at, meta.zone, meta.incident_date, self._seconds)
        source = Path(candidate.source).name  # the whole path is in the preview
        return plain([mark, when, candidate.level, event.kind.value, source, shorten(event.event, 100)])

    def _fill(self) -> None:
        # Seconds on every time when any has them: two candidates in one minute do not read alike.
        self._seconds = any(event.at.second for event in self.events)
        table = self.query_one(CandidateTable)
        table.clear()
        for index in range(len(self.candidates)):
            table.add_row(*self._cells(index), key=str(index))
        self._ticked_changed()

    def _redraw(self, index: int) -> None:
        table = self.query_one(CandidateTable)
        for column, value in enumerate(self._cells(index)):
            table.update_cell_at(Coordinate(index, column), value)
        self._ticked_changed()

    def _ticked_changed(self) -> None:
        button = self.query_one("#import-add", Button)
        button.label = f"Add {len(self.ticked)} ticked event{'s' if len(self.ticked) != 1 else ''}"
        button.disabled = not self.ticked

    def toggle(self, index: int) -> None:
        if 0 <= index < len(self.candidates):
            self.ticked ^= {index}
            self._redraw(index)

    def toggle_all(self) -> None:
        everything = set(range(len(self.candidates)))
        self.ticked = set() if self.ticked == everything else everything
        for index in everything:
            self._redraw(index)

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = int(event.row_key.value or 0)
        candidate, timeline_event = self.candidates[index], self.events[index]
        facts = [candidate.source, candidate.level, f"{candidate.count} record(s)"]
        if timeline_event.actor:
            facts.insert(2, f"from {timeline_event.actor}")
        lines = [timeline_event.event, "  ·  ".join(facts)]
        if candidate.existing:
            lines.append("Already in the timeline: unticked so that it is not added twice.")
        lines += ["", candidate.raw]
        self.query_one("#import-preview", Static).update("\n".join(lines))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        index = int(event.row_key.value or 0)
        doc = self.document

        def edited(result: TimelineEvent | None) -> None:
            if result is not None:
                self.events[index] = result
                self.ticked.add(index)
                # The first time with seconds: every time shows them.
                seconds_now = bool(result.at.second) and not self._seconds
                self._seconds = self._seconds or seconds_now
                for row in range(len(self.events)) if seconds_now else [index]:
                    self._redraw(row)

        dialog = EventForm().open_as(
            "Edit candidate event", self.events[index], incident_date=doc.meta.incident_date, zone=doc.meta.zone
        )
        self.app.push_screen(dialog, edited)

    # Closing

    def action_submit(self) -> None:
        if self.progress is None and self.ticked:
            self.dismiss([self.events[index] for index in sorted(self.ticked)])

    def action_cancel(self) -> None:
        if self.progress is not None:
            self.progress.cancelled = True
            self._status("Cancelling…")
            return
        self.dismiss(None)

    @on(Button.Pressed, "#import-add")
    def _add_pressed(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
