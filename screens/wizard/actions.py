"""Step 6: action items that make the system safer, each owned and dated."""

from __future__ import annotations

from textual.app import ComposeResult

from postmortem.screens.dialogs.record_editor import ACTIONS
from postmortem.screens.widgets.record_table import RecordDetail, RecordTable, escape, shorten
from postmortem.screens.wizard.records import RecordsStep


def _value(item: object) -> str:
    return getattr(item, "value", "") if item is not None else ""


class ActionsStep(RecordsStep):
    step_id = "actions"
    intro = (
        "Make each one specific, measurable, owned by a team, dated, and linked to the factor "
        'it addresses. "Be more careful" is not an action.'
    )
    kind = ACTIONS

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield RecordTable(["ID", "Status", "Owner", "Due", "Pri", "Horizon", "Type", "Action"], id="actions-table")
        yield RecordDetail(id="actions-detail")

    def on_mount(self) -> None:
        self.refresh_from_document()

    def refresh_from_document(self) -> None:
        rows = []
        for index, item in enumerate(self.document.actions):
            rows.append(
                (
                    str(index),
                    (
                        item.id,
                        item.status.value,
                        shorten(item.owner, 24),
                        item.due.isoformat() if item.due else "",
                        _value(item.priority),
                        _value(item.horizon),
                        _value(item.type),
                        item.action.replace("\n", " "),
                    ),
                )
            )
        table = self.query_one("#actions-table", RecordTable)
        table.fill(rows)
        key = table.current_key()
        if key is None:
            self.query_one("#actions-detail", RecordDetail).update("No action items yet. Press [b]a[/b] to add one.")
        else:
            self._show_detail(key)

    def describe_key(self, key: str) -> str:
        item = self.document.actions[int(key)]
        lines = [f"[b]{escape(item.id)}[/b] {escape(item.action)}"]
        if item.success:
            lines.append(f"[dim]Success:[/dim] {escape(item.success)}")
        if item.factors:
            lines.append(f"[dim]Addresses:[/dim] {', '.join(item.factors)}")
        if item.ticket:
            lines.append(f"[dim]Ticket:[/dim] {escape(item.ticket)}")
        return "\n".join(lines)

    def label_for(self, key: str) -> str:
        item = self.document.actions[int(key)]
        return item.id or item.action[:40]
