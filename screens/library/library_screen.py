"""The library: every postmortem of a folder in one table, its open action items, what recurs, how long
incidents take, and what happened on this day; a postmortem opens in the wizard or for review."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Header, Input, ProgressBar, Static, TabbedContent, TabPane

from postmortem.models.library.entry import Entry
from postmortem.models.library.load import Library, load_library
from postmortem.models.library.search import matches
from postmortem.models.library.views import (
    RECURRENCE_DAYS,
    ActionRow,
    Spread,
    action_rows,
    by_incident,
    durations,
    follows_text,
    late_counts,
    on_this_day,
    rank,
    recurrences,
    themes,
    trend_bars,
    unverified,
)
from postmortem.models.metrics import format_duration
from postmortem.screens.dialogs.import_markdown import ImportMarkdownDialog, ImportReport
from postmortem.screens.host import KeyHolder
from postmortem.screens.widgets.footer import KeysFooter
from postmortem.screens.widgets.sized_table import SizedTable

TABS = ("incidents", "actions", "themes", "durations", "today")
INCIDENT_COLUMNS = ("Date", "Id", "Title", "Severity", "Status", "Services", "Duration", "Open", "Late", "Kind")
TITLE_WIDTH = 40  # a longer title is cut, so that the figures after it stay on screen
SPAN_LABELS = {"time_to_detect": "Detect", "time_to_mitigate": "Mitigate", "time_to_resolve": "Resolve"}
BAR = 40  # the widest bar of the durations plot, in cells
RECURRING_SHOWN = 50  # possibly recurring incidents listed under the themes, the newest


class PostmortemTable(SizedTable):
    """A table whose rows are postmortems: enter opens the one chosen, and the footer says so."""

    BINDINGS = [Binding("enter", "select_cursor", "Open", id="library.open-row")]


class FilterInput(Input):
    """The filter: enter gives the table the keys, those typed straight after it included."""

    BINDINGS = [Binding("enter", "screen.to_table", "To the table", id="library.to-table")]


class LibraryScreen(Screen[None]):
    class Ready(Message):
        """The library is read and its first rows are on screen."""

    CSS_PATH = "library.tcss"
    AUTO_FOCUS = "#library-incidents"  # the table has the keys; / goes to the filter
    BINDINGS = [
        Binding("r", "open('review')", "Review", id="library.review"),
        Binding("s", "sort", "Sort by column", id="library.sort"),
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("g", "group", "Group by owner/incident", id="library.group"),
        Binding("ctrl+pagedown", "tab(1)", "Next view", id="library.next", show=False, priority=True),
        Binding("ctrl+pageup", "tab(-1)", "Previous view", id="library.previous", show=False, priority=True),
        *(Binding(str(n), f"view({n - 1})", TABS[n - 1], id=f"library.view-{n}", show=False) for n in range(1, 6)),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self, root: Path, today: date | None = None) -> None:
        super().__init__()
        self.root = root
        # The folder as the user named it ("." is named by its own name).
        self.folder_name = root.resolve().name if str(root) == "." else str(root)
        self.today = today or date.today()
        self.library: Library | None = None
        self.ready = False  # the library is read, its incidents shown and its action items counted
        self._filled: set[str] = set()  # the views filled so far (each when first shown)
        self.shown: list[Entry] = []  # the incidents in the table, in its order
        self.sort_column = 0
        self.sort_reverse = True  # newest first
        self.group_by = "owner"
        self._rows: list[ActionRow] = []  # every open action item, worked out once when the library is read
        self._late: Counter[str] = Counter()  # late action items per incident path
        self._action_entries: list[Entry] = []  # the incident of each row of the actions table

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="library"):
            yield Static(f"Reading the postmortems under {self.folder_name}…", id="library-status", markup=False)
            yield ProgressBar(id="library-progress", show_eta=False)
            with TabbedContent(id="library-views", initial="incidents"):
                with TabPane("Incidents", id="incidents"):
                    yield FilterInput(
                        placeholder="Filter: words, a date (2026-02) or a range (2026-01..2026-03)", id="library-filter"
                    )
                    yield PostmortemTable(id="library-incidents", cursor_type="row", zebra_stripes=True)
                with TabPane("Actions", id="actions"):
                    yield PostmortemTable(id="library-actions", cursor_type="row", zebra_stripes=True)
                with TabPane("Themes", id="themes"):
                    yield SizedTable(id="library-themes", cursor_type="row")
                    yield Static("", id="library-recurring", markup=False)
                with TabPane("Durations", id="durations"), VerticalScroll():
                    yield Static("", id="library-durations")
                with TabPane("On this day", id="today"), VerticalScroll():
                    yield Static("", id="library-today", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.app.sub_title = self.folder_name
        self._read()

    @work(thread=True, exclusive=True)
    def _read(self) -> None:
        def progress(done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        library = load_library(self.root, progress=progress)
        self.app.call_from_thread(self._loaded, library)

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
        self.query_one("#library-status", Static).update(
            f"Reading {total:,} postmortems under {self.folder_name}: {done:,}"
        )

    def _loaded(self, library: Library) -> None:
        self.library = library
        self._rows = action_rows(library.entries, library.rules, self.today)
        self._late = late_counts(self._rows)
        self.query_one(ProgressBar).display = False
        count = len(library.entries)
        status = f"{count:,} postmortem{'s' if count != 1 else ''} under {self.folder_name}"
        if library.problems:
            status += f"; {len(library.problems)} did not load: " + "; ".join(str(p) for p in library.problems[:3])
            if len(library.problems) > 3:
                status += f"; and {len(library.problems) - 3} more"
        self.query_one("#library-status", Static).update(status)
        self._show_incidents()
        self.call_after_refresh(self._count_actions)  # the incidents' first rows on screen first

    def _count_actions(self) -> None:
        """The actions tab says how many items are open and late (the view itself is filled when shown)."""
        if self.library is None:
            return
        rows = self._rows
        never_checked = len(unverified(self.library.entries))
        tab = self.query_one(TabbedContent).get_tab("actions")
        tab.label = f"Actions ({len(rows):,}, {sum(row.late for row in rows):,} late)"
        tab.tooltip = f"{never_checked} done item(s) never verified" if never_checked else None
        self.ready = True
        self.post_message(self.Ready())

    def _fill_view(self, view: str) -> None:
        """Fill a view the first time it is shown: a large library's other views cost seconds nobody waits
        for until they look."""
        if self.library is None or view in self._filled:
            return
        self._filled.add(view)
        fill = {"actions": self._show_actions, "themes": self._show_themes, "durations": self._show_durations}
        fill.get(view, self._show_today if view == "today" else lambda: None)()

    @on(TabbedContent.TabActivated)
    def _view_shown(self, event: TabbedContent.TabActivated) -> None:
        self._fill_view(event.pane.id or "")

    # The incidents

    def _incident_cells(self, entry: Entry) -> tuple[object, ...]:
        open_items = sum(action.open for action in entry.actions)
        late = self._late.get(entry.path, 0)
        title = entry.title if len(entry.title) <= TITLE_WIDTH else entry.title[: TITLE_WIDTH - 1] + "…"
        return (
            entry.date.isoformat() if entry.date else "—",
            entry.id or "—",
            title,
            entry.severity or "—",
            entry.status,
            ", ".join(entry.services) or "—",
            format_duration(_span(entry, "duration")),
            str(open_items),
            Text(str(late), style="bold red") if late else "0",
            entry.kind,
        )

    def _sort_key(self, entry: Entry) -> Any:
        column = INCIDENT_COLUMNS[self.sort_column]
        if column == "Date":
            return entry.date or date.min
        if column == "Duration":
            return entry.seconds.get("duration", -1.0)
        if column == "Open":
            return sum(action.open for action in entry.actions)
        if column == "Late":
            return self._late.get(entry.path, 0)
        if column == "Severity":
            return entry.severity or "SEV-9"
        if column == "Title":
            return entry.title.casefold()
        return str(self._incident_cells(entry)[self.sort_column]).casefold()

    def _show_incidents(self) -> None:
        if self.library is None:
            return
        query = self.query_one("#library-filter", Input).value
        chosen = [entry for entry in self.library.entries if matches(entry, query)]
        self.shown = sorted(chosen, key=self._sort_key, reverse=self.sort_reverse)
        arrow = " ▼" if self.sort_reverse else " ▲"
        labels = [name + (arrow if index == self.sort_column else "") for index, name in enumerate(INCIDENT_COLUMNS)]
        self.query_one("#library-incidents", SizedTable).fill(labels, [self._incident_cells(e) for e in self.shown])

    @on(Input.Changed, "#library-filter")
    def _filtered(self) -> None:
        self._show_incidents()

    def action_to_table(self) -> None:
        self._focus(self.query_one("#library-incidents", DataTable))

    @on(DataTable.HeaderSelected, "#library-incidents")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        self._sort_by(event.column_index)

    def _sort_by(self, column: int) -> None:
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column, self.sort_reverse = (
                column,
                INCIDENT_COLUMNS[column] in ("Date", "Duration", "Open", "Late"),
            )
        self._show_incidents()

    def action_sort(self) -> None:
        table = self.query_one("#library-incidents", DataTable)
        self._sort_by(table.cursor_column if table.cursor_type == "cell" else self._next_sort_column())

    def _next_sort_column(self) -> int:
        return (self.sort_column + 1) % len(INCIDENT_COLUMNS)

    def action_filter(self) -> None:
        self.query_one(TabbedContent).active = "incidents"
        self._focus(self.query_one("#library-filter", Input))

    def _focus(self, widget: Widget) -> None:
        """Give ``widget`` the keys, those typed straight after this one included (the app holds them until
        the focus has moved, when it can)."""
        widget.focus()
        if isinstance(self.app, KeyHolder):
            self.call_after_refresh(self.app.hold_keys())

    def action_open(self, how: str) -> None:
        entry = self._chosen()
        if entry is not None and self.library is not None:
            self.app.exit((how, self.library.root / entry.path))

    def _chosen(self) -> Entry | None:
        view = self.query_one(TabbedContent).active
        if view == "incidents":
            table = self.query_one("#library-incidents", DataTable)
            return self.shown[table.cursor_row] if 0 <= table.cursor_row < len(self.shown) else None
        if view == "actions":
            table = self.query_one("#library-actions", DataTable)
            return self._action_entries[table.cursor_row] if 0 <= table.cursor_row < len(self._action_entries) else None
        return None

    @on(DataTable.RowSelected, "#library-incidents")
    @on(DataTable.RowSelected, "#library-actions")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open("edit")

    def action_tab(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        self.action_view((TABS.index(tabs.active) + step) % len(TABS))

    def action_view(self, index: int) -> None:
        """Show a view and give its table (or its scrolling text) the keys."""
        tabs = self.query_one(TabbedContent)
        # The focus goes first to the view: a focused widget left in the pane being hidden would take the next
        # focusable one of its pane with it, and a pane whose widget has the focus is shown again.
        self._fill_view(TABS[index])
        self._focus(self.query_one(f"#{TABS[index]} DataTable, #{TABS[index]} VerticalScroll"))
        tabs.active = TABS[index]

    # Bringing Markdown postmortems in

    def action_import_markdown(self) -> None:
        folder = self.library.root if self.library is not None else self.root.resolve()

        def chosen(files: list[Path] | None) -> None:
            if files:
                self._import(files, folder)

        self.app.push_screen(ImportMarkdownDialog(folder), chosen)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, files: list[Path], folder: Path) -> None:
        """Write each file's postmortem into the library's folder, then show the report and read the library
        again (the new files with it). The importer (and the document model it needs) is loaded here, not with
        the screen: a library opens without it."""
        from postmortem.models.markdown_import.files import import_files

        run = import_files(files, folder)
        self.app.call_from_thread(self._imported, run.heading, run.lines)

    def _imported(self, heading: str, lines: list[str]) -> None:
        self.app.push_screen(ImportReport(heading, lines))
        self._filled.clear()
        self.ready = False
        self._read()

    # The other views

    def action_group(self) -> None:
        self.group_by = "incident" if self.group_by == "owner" else "owner"
        self._show_actions()

    def _show_actions(self) -> None:
        if self.library is None:
            return
        rows = list(self._rows)
        if self.group_by == "owner":
            rows.sort(key=lambda row: (row.action.owner.casefold() or "~", not row.late, rank(row.action.priority)))
        else:
            rows.sort(key=lambda row: (row.entry.name, not row.late, rank(row.action.priority)))
        self._action_entries = [row.entry for row in rows]
        owners = _grouped([row.action.owner or "—" for row in rows], self.group_by == "owner")
        incidents = _grouped([row.entry.name for row in rows], self.group_by == "incident")
        self.query_one("#library-actions", SizedTable).fill(
            ["", "Prio", "Id", "Due", "Rule", "Owner", "Incident", "Action"],
            [
                (
                    Text("!", style="bold red") if row.late else "",
                    row.action.priority or "—",
                    row.action.id or "—",
                    row.action.due.isoformat() if row.action.due else "—",
                    Text(row.deadline.isoformat(), style="red" if row.breaks_rule else "") if row.deadline else "—",
                    owner,
                    incident,
                    row.action.action,
                )
                for row, owner, incident in zip(rows, owners, incidents, strict=True)
            ],
        )

    def _show_themes(self) -> None:
        if self.library is None:
            return
        self.query_one("#library-themes", SizedTable).fill(
            ["What", "Name", "Incidents", "Trend", "Behind it"],
            [
                (
                    theme.dimension,
                    theme.name,
                    str(theme.count),
                    trend_bars(theme.trend),
                    ", ".join(entry.name for entry in theme.incidents[:8]) + (" …" if theme.count > 8 else ""),
                )
                for theme in themes(self.library.entries, self.today)
            ],
        )
        found = by_incident(recurrences(self.library.entries))
        lines = [f"Possibly recurring: a shared service and factor area within {RECURRENCE_DAYS} days"]
        lines += [
            f"  {each.incident.name} ({each.incident.date}) follows {follows_text(each)}: "
            f"{', '.join(each.services)} · {', '.join(each.areas)}"
            for each in found[:RECURRING_SHOWN]
        ] or ["  none"]
        if len(found) > RECURRING_SHOWN:
            lines.append(f"  and {len(found) - RECURRING_SHOWN:,} earlier ones (postmortem themes lists them all)")
        self.query_one("#library-recurring", Static).update("\n".join(lines))

    def _show_durations(self) -> None:
        if self.library is None:
            return
        quarters = durations(self.library.entries, "quarter")
        severities = durations(self.library.entries, "severity")
        figures = Table(box=None, padding=(0, 1), title="Median / 90th percentile (incidents)", title_justify="left")
        figures.add_column("")
        for label in SPAN_LABELS.values():
            figures.add_column(label)
        for index, row in enumerate(quarters + severities):
            figures.add_row(
                row.group, *(_figures(row.spans[span]) for span in SPAN_LABELS), end_section=index == len(quarters) - 1
            )
        resolve = [(row.group, row.spans["time_to_resolve"]) for row in quarters]
        longest = max((spread.p90 or 0.0 for _, spread in resolve), default=0.0) or 1.0
        plot = Table(
            box=None,
            padding=(0, 1),
            title="Time to resolve by quarter: median ━ to 90th percentile ─, incidents",
            min_width=72,
            title_justify="left",
        )
        plot.add_column("")
        plot.add_column("")
        for group, spread in resolve:
            plot.add_row(group, _bar(spread, longest))
        self.query_one("#library-durations", Static).update(Group(figures, Text(""), plot))

    def _show_today(self) -> None:
        if self.library is None:
            return
        found = on_this_day(self.library.entries, self.today)
        if not found:
            text = f"No incident on {self.today:%d %B} in earlier years."
        else:
            text = f"On {self.today:%d %B} in earlier years:\n\n" + "\n".join(
                f"  {entry.date}  {entry.name}  {entry.severity or ''}  {entry.title}" for entry in found
            )
        self.query_one("#library-today", Static).update(text)


def _span(entry: Entry, name: str) -> timedelta | None:
    seconds = entry.seconds.get(name)
    return timedelta(seconds=seconds) if seconds is not None else None


def _figures(spread: Spread) -> str:
    if not spread.count or spread.median is None or spread.p90 is None:
        return "—"
    median, p90 = (format_duration(timedelta(seconds=value)) for value in (spread.median, spread.p90))
    return f"{median} / {p90} ({spread.count:,})"


def _bar(spread: Spread, longest: float) -> Text:
    """The median as a heavy bar, on to the 90th percentile as a light one, then how many incidents."""
    if not spread.count or spread.median is None or spread.p90 is None:
        return Text("no incident measured", style="dim")
    median = max(1, round(spread.median / longest * BAR))
    text = Text("━" * median, style="bold")
    text.append("─" * max(0, round(spread.p90 / longest * BAR) - median), style="dim")
    text.append(f" {spread.count:,}")
    return text


def _grouped(names: list[str], grouping: bool) -> list[str | Text]:
    """A column's cells as shown: when the rows are grouped by it, each group's name once, in bold, on its
    first row (the rows under it left blank, so that the groups stand out)."""
    if not grouping:
        return list(names)
    shown: list[str | Text] = []
    for index, name in enumerate(names):
        first = index == 0 or name.casefold() != names[index - 1].casefold()
        shown.append(Text(name, style="bold") if first else "")
    return shown
