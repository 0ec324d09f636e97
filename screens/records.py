"""Steps that list records in tables and edit them through dialogs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from models.checks import Finding
from screens.confirm_dialog import delete_dialog
from screens.step import StepView
from screens.widgets.findings import finding_markup, record_index


class RecordDetail(VerticalScroll):
    """The highlighted record in full, below its table; scrolls when it is taller than its space."""

    DEFAULT_CLASSES = "record-detail"

    def compose(self):
        yield Static("")

    def update(self, content: str) -> None:
        self.query_one(Static).update(content)
        self.scroll_home(animate=False)


class RecordTable(DataTable):
    """A row-cursor table whose row keys are ``"<group>:<index>"``."""

    def __init__(self, columns: Sequence[str], *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True, classes="record-table")
        self._columns = columns
        self._shown: list[tuple[str, tuple[Any, ...]]] | None = None

    def on_mount(self) -> None:
        self.add_columns(*self._columns)

    def fill(self, rows: list[tuple[str, Sequence[Any]]]) -> None:
        """Replace all rows, keeping the cursor where it was (nothing to do when they are the same)."""
        shown = [(key, tuple(cells)) for key, cells in rows]
        if shown == self._shown:
            return
        self._shown = shown
        row = self.cursor_row
        self.clear()
        for key, cells in rows:
            self.add_row(*plain(cells), key=key)
        if rows:
            self.move_cursor(row=min(row, len(rows) - 1))

    def current_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


class RecordsStep(StepView):
    """Add with ``a``, edit with enter or ``e``, delete with ``delete``."""

    BINDINGS = [
        Binding("a", "add", "Add", id="records.add"),
        Binding("e", "edit", "Edit", id="records.edit"),
        Binding("delete,d", "delete", "Delete", id="records.delete"),
    ]
    record_name = "record"

    def __init__(self) -> None:
        super().__init__()
        self._record_findings: dict[str, list[Finding]] = {}

    def focused_key(self) -> str | None:
        table = self.focused_table()
        return table.current_key() if table is not None else None

    def focused_table(self) -> RecordTable | None:
        focused = self.screen.focused
        if isinstance(focused, RecordTable) and focused in self.query(RecordTable):
            return focused
        return self.query(RecordTable).first() if self.query(RecordTable) else None

    def describe_key(self, key: str) -> str:
        """The full text of a record, shown below its table."""
        return ""

    def show_findings(self, findings: list[Finding]) -> None:
        """Findings in the strip, each led by its record; the highlighted record's also in its detail."""
        self._record_findings = {}
        lines = []
        for finding in findings:
            index = record_index(finding.location)
            if index is None:
                lines.append(finding_markup(finding, suggestion=False))
                continue
            key = str(index)
            self._record_findings.setdefault(key, []).append(finding)
            field = finding.location.partition(".")[2]
            lines.append(finding_markup(finding, f"{self.label_for(key)}{' ' + field if field else ''}",
                                        suggestion=False))
        self._strip(lines)
        table = self.focused_table()
        if table is not None and table.current_key() is not None:
            self._show_detail(table.current_key())  # type: ignore[arg-type]

    def _show_detail(self, key: str) -> None:
        detail = self.query(RecordDetail)
        if detail:
            found = self._record_findings.get(key, [])
            detail.first().update("\n".join([self.describe_key(key), *map(finding_markup, found)]))

    def focus_location(self, location: str) -> None:
        index = record_index(location)
        for table in self.query(RecordTable):
            if index is not None and str(index) in (key for key, _ in table._shown or []):
                table.move_cursor(row=table.get_row_index(str(index)))
                table.focus()
                return
        super().focus_location(location)

    def remove(self, key: str) -> None:
        raise NotImplementedError

    def edit(self, key: str) -> None:
        raise NotImplementedError

    def action_edit(self) -> None:
        key = self.focused_key()
        if key is not None:
            self.edit(key)

    def action_delete(self) -> None:
        key = self.focused_key()
        if key is None:
            return

        def confirmed(answer: str | None) -> None:
            if answer == "delete":
                self.remove(key)
                self.document_changed()
                self.refresh_from_document()

        self.app.push_screen(delete_dialog(f"{self.record_name} {self.label_for(key)}"), confirmed)

    def label_for(self, key: str) -> str:
        return key

    def record_changed(self, table_id: str, key: str) -> None:
        """After an add or edit: save state, redraw, and put the cursor on the record."""
        self.document_changed()
        self.refresh_from_document()
        table = self.query_one(f"#{table_id}", RecordTable)
        table.move_cursor(row=table.get_row_index(key))
        table.focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.edit(event.row_key.value)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_detail(event.row_key.value)


def plain(cells: Sequence[Any]) -> list[Any]:
    """Table cells with strings shown as typed (a DataTable reads a string as markup)."""
    return [Text(cell) if isinstance(cell, str) else cell for cell in cells]


def escape(text: str) -> str:
    """Text for a Static with markup: square brackets shown as typed."""
    return text.replace("[", r"\[")


def shorten(text: str, width: int) -> str:
    """One line at most ``width`` cells wide (wide characters count twice), with an ellipsis when cut."""
    line = " ".join(text.split())
    if cell_len(line) <= width:
        return line
    return set_cell_size(line, width - 1).rstrip() + "…"
