"""A modal form that edits one record (an event, a factor, an action item).

The record is only built when every field is valid; the dialog dismisses
with the new record, or with ``None`` when cancelled.

A form is built once and refilled each time it opens (``RecordEditor`` keeps
one of each kind per app): building its dozen controls again would make the
author wait a third of a second for every record.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import AwaitMount
from textual.widgets import Button, Input, Static

from postmortem.models.checks import record_findings
from postmortem.models.errors import describe
from postmortem.models.locations import parse_location
from postmortem.screens.dialogs.confirm import discard_dialog
from postmortem.screens.host import document_host
from postmortem.screens.widgets.fields import FieldRow, FieldSpec
from postmortem.screens.widgets.findings import finding_markup
from postmortem.screens.widgets.footer import KeysFooter

Record = TypeVar("Record", bound=BaseModel)


class RecordForm(ModalScreen[Record | None], Generic[Record]):
    # Default CSS, not a CSS_PATH file: a screen's CSS file is added to the app's stylesheet when the
    # screen first opens, and that restyles every widget of the app; default CSS is added when the
    # class is first built and styles only what it builds.
    DEFAULT_CSS = """
    RecordForm {
        align: center middle;
        background: $background 60%;
    }
    RecordForm #dialog {
        width: 90%;
        max-width: 110;
        height: auto;
        max-height: 95%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    /* Title and footer are docked so that the fields scroll between them: the
       buttons stay on screen however many fields there are (80x24 included). */
    RecordForm #dialog-heading {
        dock: top;
        text-style: bold;
        color: $primary;
        padding: 0 0 1 0;
    }
    RecordForm #dialog-fields {
        height: auto;
        max-height: 1fr;
    }
    RecordForm #dialog-footer {
        dock: bottom;
        height: auto;
    }
    RecordForm #dialog-problems {
        color: $text-error;
        height: auto;
    }
    RecordForm #dialog-buttons {
        height: auto;
        align: right middle;
    }
    RecordForm #dialog-buttons Button {
        margin-left: 2;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        # Not every terminal tells ctrl+enter from enter; ctrl+j works in all of them.
        Binding("ctrl+enter,ctrl+j", "submit", "OK", id="dialog.submit", key_display="ctrl+j", priority=True),
    ]

    model: type[Record]
    # The document's list of records of this kind ("timeline", "factors", "actions"): the
    # review checks for the record are shown under its fields as the author types.
    list_name: ClassVar[str]
    # The field the author fills first, focused when the form opens (not a pre-filled id).
    first_field: ClassVar[str]

    def __init__(self) -> None:
        super().__init__()
        self.dialog_title = ""
        self.initial: Record | None = None
        self._touched: set[str] = set()
        self._joint_shown = False  # whether the footer shows the joint problems (from the first save on)
        self._styled_for: str | None = None  # the theme the form's widgets were last styled for

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual restyles every widget of a screen each time it comes back on top. The form is built
        # once and opened again and again, and its styles only change with the theme (the focus is
        # restyled where it moves).
        if self._styled_for == self.app.theme:
            event.refresh_styles = False
        self._styled_for = self.app.theme

    def _open(self, title: str, initial: Record | None) -> None:
        """Show ``initial`` (None: a new record) under ``title`` when the form opens next. Each form's
        ``open_as`` sets what else it needs to know, then calls this."""
        self.dialog_title, self.initial = title, initial
        self._touched = set()
        self._joint_shown = False
        if self.is_mounted:
            self._refill()

    def field_specs(self) -> list[FieldSpec]:
        raise NotImplementedError

    def initial_values(self) -> dict[str, Any]:
        """Values shown when the dialog opens: the record's, or the model's defaults."""
        if self.initial is not None:
            return self.initial.model_dump()
        return {
            name: field.get_default(call_default_factory=True)
            for name, field in self.model.model_fields.items()
            if not field.is_required()
        }

    def multi_options(self, spec: FieldSpec) -> list[tuple[str, str]]:
        return []

    def completed(self, values: dict[str, Any]) -> dict[str, Any]:
        """The record's values from what the fields hold, with what follows from them (none by default)."""
        return values

    def joint_problems(self, values: dict[str, Any]) -> list[str]:
        """Sentences about fields that only go together (filled one without the other); none by default.

        They keep the record from being built, so that nothing typed is dropped, and are shown under the
        fields from the first save on, until they are put right."""
        return []

    def compose(self) -> ComposeResult:
        values = self.initial_values()
        with Vertical(id="dialog"):
            yield Static(self.dialog_title, id="dialog-heading")
            with VerticalScroll(id="dialog-fields"):
                for spec in self.field_specs():
                    yield FieldRow(
                        spec,
                        values.get(spec.name),
                        multi_options=self.multi_options(spec),
                        id=f"dialog-{spec.name}",
                    )
            with Vertical(id="dialog-footer"):
                yield Static("", id="dialog-problems")
                with Horizontal(id="dialog-buttons"):
                    yield Button("OK", variant="primary", id="dialog-ok")
                    yield Button("Cancel", id="dialog-cancel")
        yield KeysFooter()

    async def on_mount(self) -> None:
        await AwaitMount(self, list(self.query(FieldRow)))  # each row with its control
        if self.app.is_running:  # a form built ahead may still be mounting when the app closes
            self._opened()

    def _refill(self) -> None:
        """Put the values of ``_open`` into the fields the form was built with."""
        values = self.initial_values()
        self.query_one("#dialog-heading", Static).update(self.dialog_title)
        for row in self.query(FieldRow):
            options = self.multi_options(row.spec) if row.spec.kind == "multi" else None
            row.reset(values.get(row.spec.name), options)
        self.query_one("#dialog-problems", Static).update("")
        self.query_one("#dialog-fields", VerticalScroll).scroll_home(animate=False, immediate=True)
        self._opened()

    def _opened(self) -> None:
        """The fields show what the form opens with."""
        # What the form opened with: escape asks before throwing away anything typed since.
        self._opened_with = self._shown()
        # A new record's first field may be pre-filled (the time of the event before): typing replaces it.
        self.query_one(f"#dialog-{self.first_field}", FieldRow).focus_control(select=self.initial is None)
        if self.initial is not None:
            self.validate(show_all=False)  # shows what the review checks say about the record

    @on(FieldRow.Edited)
    def _edited(self, event: FieldRow.Edited) -> None:
        self._touched.add(event.row.spec.name)
        self.validate(show_all=False)

    def validate(self, show_all: bool) -> Record | None:
        """Build the record; show each problem next to its field."""
        values: dict[str, Any] = dict(self.initial_values())
        problems: dict[str, str] = {}
        rows = {row.spec.name: row for row in self.query(FieldRow)}
        for name, row in rows.items():
            try:
                values[name] = row.parsed_value()
            except ValueError as error:
                problems[name] = str(error)
        record = None
        joint = self.joint_problems(values) if not problems else []
        self._joint_shown = bool(joint) and (show_all or self._joint_shown)
        if not problems and not joint:
            try:
                record = self.model.model_validate(self.completed(values))
            except ValidationError as error:
                for item in error.errors():
                    name = str(item["loc"][0]) if item["loc"] else ""
                    problems.setdefault(name, describe(item).split(": ", 1)[-1])
        for name, row in rows.items():
            if show_all or name in self._touched:
                row.set_error(problems.get(name, ""))
        if record is not None:
            self._show_findings(record, rows)
        others = [f"{n}: {m}" for n, m in problems.items() if n not in rows]
        if self._joint_shown:
            others += joint
        self.query_one("#dialog-problems", Static).update("\n".join(others))
        return record

    def _show_findings(self, record: BaseModel, rows: dict[str, FieldRow]) -> None:
        host = document_host(self)
        findings = record_findings(host.document, self.list_name, record, host.today)
        by_field: dict[str, list[str]] = {name: [] for name in rows}
        for finding in findings:
            parts = parse_location(finding.location)  # <list>[0].<field>…
            field = parts[2] if len(parts) > 2 else ""
            if field in by_field:
                by_field[field].append(finding_markup(finding))
        for name, lines in by_field.items():
            rows[name].set_findings(lines)

    def action_submit(self) -> None:
        record = self.validate(show_all=True)
        if record is None:
            self.notify("Some fields need attention.", severity="warning")
            return
        self.dismiss(record)

    def action_cancel(self) -> None:
        """Close without a record; when something was typed, ask first."""
        if self._shown() == self._opened_with:
            self.dismiss(None)
            return
        self.app.push_screen(discard_dialog(), self._cancel_answered)

    def _cancel_answered(self, answer: str | None) -> None:
        if answer == "discard":
            self.dismiss(None)
        elif answer == "save":
            self.action_submit()

    def _shown(self) -> dict[str, Any]:
        """What every field shows, as typed."""
        return {row.spec.name: row.raw_value() for row in self.query(FieldRow)}

    @on(Button.Pressed, "#dialog-ok")
    def _ok(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#dialog-cancel")
    def _cancel(self) -> None:
        self.action_cancel()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()
