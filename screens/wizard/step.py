"""The base of every wizard step, and the base of steps that are plain forms."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from postmortem.models.checks import Finding
from postmortem.models.document import Postmortem
from postmortem.models.errors import describe_validation
from postmortem.models.locations import parse_location, set_value_at, value_at, within
from postmortem.models.steps import STEP_BY_ID, step_of
from postmortem.screens.host import DocumentChanged, document_host
from postmortem.screens.widgets.fields import FieldRow, FieldSpec
from postmortem.screens.widgets.findings import FindingsStrip, finding_markup


class StepView(VerticalScroll):
    """One step of the wizard. It reads the app's document and never keeps a copy."""

    # Unscoped: the introduction hides on the wizard's -short screen.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    .step {
        padding: 0 2 1 2;
        height: 1fr;
    }
    .step-title {
        text-style: bold;
        color: $primary;
        padding: 1 0 0 0;
    }
    .step-intro {
        color: $text-muted;
        padding: 0 0 1 0;
    }
    .step-subtitle {
        text-style: bold;
        color: $secondary;
        margin: 1 0 0 0;
    }
    .-short .step-intro {
        display: none;
    }
    .-short .step-title {
        padding: 0;
    }
    """

    # Not in the footer (it is full): the folded findings line says it, and so does help.
    BINDINGS = [Binding("f", "toggle_findings", "Show or fold the findings", id="step.findings", show=False)]

    @property
    def closing(self) -> bool:
        """The app is closing: a step built ahead meanwhile may find its parts gone, and has nothing to show."""
        return not self.app.is_running or self.app.return_code is not None

    def fill(self) -> None:
        """Show the document, once built (ahead at a quiet moment, or on the key that shows the step)."""
        if not self.closing:
            self.refresh_from_document()

    step_id: ClassVar[str]
    intro: ClassVar[str] = ""

    class JumpTo(Message):
        """Ask the wizard to show the field at a location, on its step."""

        def __init__(self, location: str) -> None:
            super().__init__()
            self.location = location

        @property
        def step_id(self) -> str:
            return step_of(self.location)

    def __init__(self) -> None:
        super().__init__(id=f"step-{self.step_id}", classes="step")

    @property
    def title(self) -> str:
        return STEP_BY_ID[self.step_id].title

    @property
    def document(self) -> Postmortem:
        return document_host(self).document

    def compose_header(self) -> ComposeResult:
        yield Static(self.title, classes="step-title")
        if self.intro:
            yield Static(self.intro, classes="step-intro")
        yield FindingsStrip()

    def show_findings(self, findings: list[Finding]) -> None:
        """Show this step's review findings (all of them in the strip, unless a step places them better)."""
        self._strip([(f, finding_markup(f, f.location)) for f in findings])

    def _strip(self, findings: list[tuple[Finding, str]]) -> None:
        strips = self.query(FindingsStrip)
        if strips:
            strips.first().show(findings)

    def action_toggle_findings(self) -> None:
        strips = self.query(FindingsStrip)
        if strips:
            strips.first().toggle()

    def focus_location(self, location: str) -> None:
        """Bring the field at a finding's location into view and focus it."""
        self.focus_first()

    def refresh_from_document(self) -> None:
        """Show the document as it is now (called whenever the step is shown)."""

    def left(self) -> None:
        """Called when another step is shown instead of this one."""

    def focus_first(self) -> None:
        """Focus the first field, or the step itself so that keys scroll it.

        Focus already inside the step (a click before this ran) stays where it is.
        """
        focused = self.screen.focused
        if focused is not None and (focused is self or self in focused.ancestors):
            return
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                return
        self.focus()

    def document_changed(self, location: str | None = None) -> None:
        """Report a change: of the one field at ``location``, or of anything (None)."""
        self.post_message(DocumentChanged(location))


def apply_edit(root: BaseModel, row: FieldRow, location: str, value: Any) -> bool:
    """Write ``value`` at ``location``; on a validation error show it on ``row``."""
    if value_at(root, location) == value:
        return False
    try:
        set_value_at(root, location, value)
    except ValidationError as error:
        row.set_error("; ".join(m.split(": ", 1)[-1] for m in describe_validation(error)))
        return False
    return True


class FormStep(StepView):
    """A step made of fields bound to document locations (``FieldSpec.name`` is the location)."""

    FIELDS: ClassVar[list[FieldSpec]]

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield from self.compose_fields(self.FIELDS)

    def compose_fields(self, specs: list[FieldSpec]) -> Iterator[FieldRow]:
        for spec in specs:
            yield FieldRow(spec, value_at(self.document, spec.name), id=row_id(spec.name))

    def refresh_from_document(self) -> None:
        for row in self.query(FieldRow):
            row.show_value(value_at(self.document, row.spec.name))

    def _row_for(self, location: str) -> FieldRow | None:
        """The row of the field that holds the location (the innermost one)."""
        rows = [row for row in self.query(FieldRow) if within(location, row.spec.name)]
        return max(rows, key=lambda row: len(row.spec.name), default=None)

    def show_findings(self, findings: list[Finding]) -> None:
        by_row: dict[FieldRow, list[str]] = {row: [] for row in self.query(FieldRow)}
        elsewhere: list[tuple[Finding, str]] = []
        for finding in findings:
            row = self._row_for(finding.location)
            if row is None:
                elsewhere.append((finding, finding_markup(finding, finding.location)))
            else:
                by_row[row].append(finding_markup(finding))
        for row, lines in by_row.items():
            row.set_findings(lines)
        self._strip(elsewhere)

    def focus_location(self, location: str) -> None:
        row = self._row_for(location)
        if row is None:
            super().focus_location(location)
            return
        row.scroll_visible(animate=False)
        row.focus_control()

    @on(FieldRow.Edited)
    def _field_edited(self, event: FieldRow.Edited) -> None:
        if apply_edit(self.document, event.row, event.row.spec.name, event.value):
            self.document_changed(event.row.spec.name)


def row_id(location: str) -> str:
    """The id of a field's row: ``whys[0].steps[1].because`` -> ``field-whys-0-steps-1-because``."""
    return "field-" + "-".join(str(part).replace("_", "-") for part in parse_location(location))
