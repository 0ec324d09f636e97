"""Step 6: action items that make the system safer, each owned and dated."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding

from postmortem.models.document import ActionItem
from postmortem.models.enums import ActionStatus
from postmortem.models.errors import describe_validation
from postmortem.models.labels import LABELS, verification_text
from postmortem.models.quick_add import parse_due
from postmortem.screens.dialogs.record_editor import ACTIONS
from postmortem.screens.host import document_host
from postmortem.screens.widgets.quick_add import QuickAdd, QuickField
from postmortem.screens.widgets.record_table import Column, RecordDetail, RecordTable, escape
from postmortem.screens.wizard.records import RecordsStep


def _value(item: object) -> str:
    return getattr(item, "value", "") if item is not None else ""


# As the table narrows, the type leaves it first, then the horizon, priority, status, due date and owner (the
# detail below the table shows them); the id and the action stay.
COLUMNS = (
    Column("ID"),
    Column("Status", gives_way=3),
    Column("Owner", gives_way=1, max_width=24),
    Column("Due", gives_way=2),
    Column("Pri", gives_way=4),
    Column("Horizon", gives_way=5),
    Column("Type", gives_way=6),
    Column("Action", main=True),
)


class ActionsStep(RecordsStep):
    step_id = "actions"
    intro = (
        "Make each one specific, measurable, owned by a team, dated, and linked to the factor "
        'it addresses. "Be more careful" is not an action.'
    )
    kind = ACTIONS

    BINDINGS = [
        Binding(
            "q", "quick_add", "Quick add", id="actions.quick", show=False, tooltip="Type an action, owner, due date"
        )
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield QuickAdd(
            [
                QuickField("q: add an action"),
                QuickField("owner (team)", share=26, max_width=24),
                QuickField("due: +2w", share=16, max_width=14),
            ],
            self._quick_add,
            id="actions-quick",
        )
        yield RecordTable(COLUMNS, id="actions-table")
        yield RecordDetail(id="actions-detail")

    def on_mount(self) -> None:
        self.fill()

    def refresh_from_document(self) -> None:
        rows = []
        for index, item in enumerate(self.document.actions):
            rows.append(
                (
                    str(index),
                    (
                        item.id,
                        item.status.value,
                        item.owner,
                        item.due.isoformat() if item.due else "",
                        _value(item.priority),
                        _value(item.horizon),
                        _value(item.type),
                        item.action,
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

    def action_quick_add(self) -> None:
        self.query_one("#actions-quick", QuickAdd).focus_first()

    def _quick_add(self, fields: list[str]) -> str | None:
        """An action item from the quick line, open and with the next id; or why it cannot be."""
        text, owner, due = fields
        doc = self.document
        try:
            when = parse_due(due, document_host(self).today or date.today())
            item = ActionItem(id=doc.next_action_id(), action=text, owner=owner.strip(), due=when)
        except ValidationError as error:
            return "; ".join(describe_validation(error))
        except ValueError as error:
            return f"due date: {error}"
        doc.actions.append(item)
        self.document_changed()
        self.show_record(len(doc.actions) - 1, focus=False)
        return None

    def describe_key(self, key: str) -> str:
        item = self.document.actions[int(key)]
        lines = [f"[b]{escape(item.id)}[/b] {escape(item.action)}"]
        if item.success:
            lines.append(f"[dim]Success:[/dim] {escape(item.success)}")
        if item.factors:
            lines.append(f"[dim]Addresses:[/dim] {', '.join(item.factors)}")
        if item.ticket:
            lines.append(f"[dim]Ticket:[/dim] {escape(item.ticket)}")
        if item.completed:
            lines.append(f"[dim]{LABELS['actions.completed']}:[/dim] {item.completed.isoformat()}")
        if item.verification:
            lines.append(f"[dim]{LABELS['actions.verification']}:[/dim] {verification_text(item.verification, escape)}")
        elif item.status is ActionStatus.DONE:
            lines.append(f"[dim]{LABELS['actions.verification']}:[/dim] [$text-warning]not checked yet[/]")
        return "\n".join(lines)

    def label_for(self, key: str) -> str:
        item = self.document.actions[int(key)]
        return item.id or item.action[:40]
