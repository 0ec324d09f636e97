"""The base of every wizard step, and the base of steps that are plain forms."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from models.checks import Finding
from models.document import Postmortem
from models.errors import describe_validation
from screens.steps import BY_ID
from screens.widgets.fields import FieldRow, FieldSpec
from screens.widgets.findings import FindingsStrip, finding_markup, location_path


class StepView(VerticalScroll):
    """One step of the wizard. It reads the app's document and never keeps a copy."""

    step_id: ClassVar[str]
    intro: ClassVar[str] = ""

    def __init__(self) -> None:
        super().__init__(id=f"step-{self.step_id}", classes="step")

    @property
    def title(self) -> str:
        return BY_ID[self.step_id].title

    @property
    def document(self) -> Postmortem:
        return self.app.document  # type: ignore[attr-defined]

    def compose_header(self) -> ComposeResult:
        yield Static(self.title, classes="step-title")
        if self.intro:
            yield Static(self.intro, classes="step-intro")
        yield FindingsStrip()

    def show_findings(self, findings: list[Finding]) -> None:
        """Show this step's review findings (all of them in the strip, unless a step places them better)."""
        self._strip([finding_markup(f, f.location) for f in findings])

    def _strip(self, lines: list[str]) -> None:
        strips = self.query(FindingsStrip)
        if strips:
            strips.first().show(lines)

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

    def document_changed(self) -> None:
        self.app.document_changed()  # type: ignore[attr-defined]


def get_path(root: Any, path: str) -> Any:
    """``get_path(doc, "whys.0.steps.1.because")``."""
    value = root
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else getattr(value, part)
    return value


def set_path(root: Any, path: str, value: Any) -> None:
    """Assign through pydantic, so the value is validated; raises ValidationError."""
    parent_path, _, name = path.rpartition(".")
    parent = get_path(root, parent_path) if parent_path else root
    if name.isdigit():
        parent[int(name)] = value
    else:
        setattr(parent, name, value)


def apply_edit(root: BaseModel, row: FieldRow, path: str, value: Any) -> bool:
    """Write ``value`` at ``path``; on a validation error show it on ``row``."""
    if get_path(root, path) == value:
        return False
    try:
        set_path(root, path, value)
    except ValidationError as error:
        row.set_error("; ".join(m.split(": ", 1)[-1] for m in describe_validation(error)))
        return False
    return True


class FormStep(StepView):
    """A step made of fields bound to document paths (``FieldSpec.name`` is the path)."""

    FIELDS: ClassVar[list[FieldSpec]]

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield from self.compose_fields(self.FIELDS)

    def compose_fields(self, specs: list[FieldSpec]) -> ComposeResult:
        for spec in specs:
            yield FieldRow(spec, get_path(self.document, spec.name), id=_row_id(spec.name))

    def refresh_from_document(self) -> None:
        for row in self.query(FieldRow):
            row.show_value(get_path(self.document, row.spec.name))

    def _row_for(self, location: str) -> FieldRow | None:
        """The row whose path is the longest prefix of the location's path."""
        path = location_path(location)
        rows = [row for row in self.query(FieldRow) if path == row.spec.name or path.startswith(row.spec.name + ".")]
        return max(rows, key=lambda row: len(row.spec.name), default=None)

    def show_findings(self, findings: list[Finding]) -> None:
        by_row: dict[FieldRow, list[str]] = {row: [] for row in self.query(FieldRow)}
        elsewhere = []
        for finding in findings:
            row = self._row_for(finding.location)
            if row is None:
                elsewhere.append(finding_markup(finding, finding.location))
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
            self.document_changed()


def _row_id(path: str) -> str:
    return "field-" + path.replace(".", "-").replace("_", "-")
