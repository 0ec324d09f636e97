"""Steps that list records in tables and edit them through dialogs."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.binding import Binding
from textual.widgets import DataTable

from postmortem.models.checks import Finding
from postmortem.models.locations import record_index
from postmortem.screens.dialogs.record_editor import RecordEditor, RecordKind
from postmortem.screens.host import document_host
from postmortem.screens.widgets.findings import finding_markup
from postmortem.screens.widgets.record_table import RecordDetail, RecordTable, escape
from postmortem.screens.wizard.step import StepView


class RecordsStep(StepView):
    """Add with ``a``, edit with enter or ``e``, delete with ``delete``."""

    BINDINGS = [
        Binding("a", "add", "Add", id="records.add", tooltip="Add one with the form (every field)"),
        Binding("e", "edit", "Edit", id="records.edit", tooltip="Edit the selected one (enter too)"),
        Binding("delete,d", "delete", "Delete", id="records.delete", tooltip="Delete the selected one (asks first)"),
    ]
    kind: ClassVar[RecordKind[Any]]

    def __init__(self) -> None:
        super().__init__()
        self._record_findings: dict[str, list[Finding]] = {}
        self.editor = RecordEditor(self, self.kind, self.show_record)

    def on_mount(self) -> None:
        document_host(self).when_quiet(self.editor.prepare)

    def focus_first(self) -> None:
        """The first table, where the step's keys work (q goes to a quick-add line above it)."""
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            self.query(RecordTable).first().focus(scroll_visible=False)

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
                lines.append((finding, finding_markup(finding, suggestion=False)))
                continue
            key = str(index)
            self._record_findings.setdefault(key, []).append(finding)
            field = finding.location.partition(".")[2]
            label = f"{self.label_for(key)}{' ' + field if field else ''}"
            lines.append((finding, finding_markup(finding, label, suggestion=False)))
        self._strip(lines)
        table = self.focused_table()
        highlighted = table.current_key() if table is not None else None
        if highlighted is not None:
            self._show_detail(highlighted)

    def _show_detail(self, key: str) -> None:
        """The record in full below the table: first what its table has no room for, then its text and
        its findings."""
        detail = self.query(RecordDetail)
        if not detail:
            return
        folded = [cell for table in self.query(RecordTable) for cell in table.folded_cells(key)]
        lines = (
            [" · ".join(f"[dim]{escape(title)}:[/dim] {escape(str(cell))}" for title, cell in folded)] if folded else []
        )
        lines += [self.describe_key(key), *map(finding_markup, self._record_findings.get(key, []))]
        detail.first().update("\n".join(lines))

    def focus_location(self, location: str) -> None:
        index = record_index(location)
        for table in self.query(RecordTable):
            if index is not None and str(index) in table.record_keys():
                table.move_cursor(row=table.get_row_index(str(index)))
                table.focus()
                return
        super().focus_location(location)

    def form_context(self) -> dict[str, Any]:
        """What the add form needs to know of where the author is (the factors' category)."""
        return {}

    def action_add(self) -> None:
        self.editor.add(**self.form_context())

    def action_edit(self) -> None:
        key = self.focused_key()
        if key is not None:
            self.editor.edit(int(key))

    def action_delete(self) -> None:
        key = self.focused_key()
        if key is not None:
            self.editor.delete(int(key), self.label_for(key))

    def label_for(self, key: str) -> str:
        return key

    def table_of(self, index: int) -> RecordTable:
        """The table that lists the record at ``index``."""
        return self.query_one(RecordTable)

    def show_record(self, index: int | None, focus: bool = True) -> None:
        """After an add, edit or delete: redraw, and put the cursor on the record (and the focus, unless
        it stays where the record was typed)."""
        self.refresh_from_document()
        if index is not None:
            table = self.table_of(index)
            table.move_cursor(row=table.get_row_index(str(index)))
            if focus:
                table.focus()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.editor.edit(int(event.row_key.value))

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._show_detail(event.row_key.value)
