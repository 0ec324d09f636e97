"""Form fields: one labelled control per document field, with its error line.

A ``FieldSpec`` says what a field holds; ``FieldRow`` shows it and converts
between the control's text and the model's value. Rows never touch the
document themselves: they post ``FieldRow.Edited`` with the parsed value. Text
that cannot be used is marked on the row, and the row posts the value the field
had before the author began to type it, so that the document never holds less
than what was there.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Literal

from textual import on
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea

from postmortem.screens.widgets.end_text_area import SELECT_ALL, EndTextArea
from postmortem.screens.widgets.ticks import TickBox, TickList

Kind = Literal["text", "long", "list", "lines", "choice", "date", "int", "flag", "multi"]


@dataclass(frozen=True)
class FieldSpec:
    """What one field holds and how an author types it."""

    name: str
    label: str
    kind: Kind = "text"
    choices: type[StrEnum] | None = None
    placeholder: str = ""
    help: str = ""
    required: bool = False
    # Custom conversions for text a kind does not cover (event times, "name: effect" lines). For a choice,
    # ``show`` gives the words each option is shown in (the model keeps the option's value).
    parse: Callable[[str], Any] | None = None
    show: Callable[[Any], str] | None = None


# The kinds whose text is a list joined (with commas, or one item a line).
LIST_KINDS = ("list", "lines")


def to_text(spec: FieldSpec, value: Any) -> str:
    if spec.show is not None:
        return spec.show(value)
    if value is None:
        return ""
    if spec.kind == "list":
        return ", ".join(value)
    if spec.kind == "lines":
        return "\n".join(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def from_text(spec: FieldSpec, text: str) -> Any:
    """The model value for what was typed; ValueError with a sentence if unusable."""
    if spec.parse is not None:
        return spec.parse(text)
    stripped = text.strip()
    if spec.required and not stripped:
        raise ValueError("required")
    if spec.kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    if spec.kind == "lines":
        return [line.strip() for line in text.splitlines() if line.strip()]
    if spec.kind == "date":
        if not stripped:
            return None
        try:
            return date.fromisoformat(stripped)
        except ValueError:
            raise ValueError("use a date like 2026-01-31") from None
    if spec.kind == "int":
        if not stripped:
            return None
        try:
            number = int(stripped)
        except ValueError:
            raise ValueError("enter a whole number") from None
        if number < 0:
            raise ValueError("must not be negative")
        return number
    return text


class FieldInput(Input):
    """A one-line field where ``ctrl+a`` selects all the text, as in a multi-line one."""

    BINDINGS = [SELECT_ALL]


class FieldSelect(Select[Any]):
    """A choice whose menu takes the keys typed right after the one that opened it (``enter`` then ``pub``
    finds "public"), and that has the focus back for the key typed right after its menu closes (``tab``).
    Textual moves the focus in both cases only after the next keys have gone to the old place."""

    def _watch_expanded(self, expanded: bool) -> None:
        super()._watch_expanded(expanded)
        with suppress(NoMatches):
            menu = self.query_one("SelectOverlay")
            if expanded:
                self.screen.set_focus(menu, scroll_visible=False)
            elif self.screen.focused is menu:
                self.screen.set_focus(self, scroll_visible=False)


# What the controls post when their value changes (FieldRow turns each into an Edited).
CHANGE_MESSAGES: tuple[type[Message], ...] = (
    Input.Changed,
    TextArea.Changed,
    Select.Changed,
    Checkbox.Changed,
    SelectionList.SelectedChanged,
)


class FieldRow(Widget):
    """A label and a control side by side; help and error lines below when needed.

    Rows are the bulk of every form, so each is kept to as few widgets as possible.
    """

    DEFAULT_CSS = """
    FieldRow {
        layout: grid;
        grid-size: 2;
        grid-columns: 20 1fr;
        grid-rows: auto;
        height: auto;
    }
    FieldRow.kind-long, FieldRow.kind-lines, FieldRow.kind-multi {
        margin: 0 0 1 0;
    }
    FieldRow .field-label {
        padding: 0 1 0 0;
        color: $text-muted;
    }
    FieldRow:focus-within .field-label {
        color: $text;
        text-style: bold;
    }
    FieldRow .field-control {
        width: 1fr;
    }
    FieldRow TextArea.field-control {
        height: auto;
        min-height: 1;
        max-height: 10;
        background: $boost;
    }
    FieldRow SelectionList.field-control {
        height: auto;
        max-height: 8;
    }
    FieldRow .field-help, FieldRow .field-error, FieldRow .field-finding {
        column-span: 2;
        padding-left: 20;
    }
    FieldRow .field-help {
        color: $text-muted;
        text-style: italic;
    }
    FieldRow .field-error {
        color: $text-error;
    }
    FieldRow.-invalid .field-control {
        background-tint: $error 20%;
    }
    """

    class Edited(Message):
        def __init__(self, row: FieldRow, value: Any) -> None:
            self.row = row
            self.value = value
            super().__init__()

    def __init__(
        self,
        spec: FieldSpec,
        value: Any = None,
        *,
        multi_options: list[tuple[str, str]] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=f"field-row kind-{spec.kind}")
        self.spec = spec
        self._initial = value
        self._multi_options = multi_options or []
        # The value the field had when the author began to edit it: what the document keeps while the
        # text cannot be used (clearing a date, then typing 31/01/2017, must not leave the date empty).
        self.value_before_edit: Any = value
        self.error = ""  # why the control's text cannot be used ("" when it can)
        # A list as the field shows it, and the list itself: while that text is not edited, the field stands
        # for the list as it is (an item holding a comma, from an import or the file, is not split in two).
        self._listed: tuple[str, Any] = (to_text(spec, value), value) if spec.kind in LIST_KINDS else ("", None)

    @property
    def control(self) -> Widget:
        return self.query_one(".field-control")

    def compose(self) -> ComposeResult:
        spec = self.spec
        yield Label(spec.label + (" *" if spec.required else ""), classes="field-label")
        yield self._make_control()
        if spec.help:
            yield Static(spec.help, classes="field-help")

    def _make_control(self) -> Widget:
        spec, value = self.spec, self._initial
        tip = spec.help or None
        if spec.kind == "choice":
            assert spec.choices is not None
            return FieldSelect(
                [(spec.show(c) if spec.show else c.value, c) for c in spec.choices],
                value=value if value is not None else Select.NULL,
                allow_blank=not spec.required,
                prompt="(not set)",
                compact=True,
                classes="field-control",
            )
        if spec.kind == "flag":
            return TickBox(value=bool(value), compact=True, classes="field-control")
        if spec.kind == "multi":
            chosen = set(value or [])
            return TickList(
                *[(label, key, key in chosen) for label, key in self._multi_options],
                classes="field-control",
            )
        if spec.kind in ("long", "lines"):
            return EndTextArea(
                to_text(spec, value),
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=spec.placeholder,
                compact=True,
                classes="field-control",
                tooltip=tip,
            )
        return FieldInput(
            to_text(spec, value),
            placeholder=spec.placeholder or ("a whole number, e.g. 12" if spec.kind == "int" else ""),
            compact=True,
            select_on_focus=False,
            classes="field-control",
            tooltip=tip,
        )

    # Reading and writing the control.

    def raw_value(self) -> Any:
        control = self.control
        if isinstance(control, Select):
            return None if control.value is Select.NULL else control.value
        if isinstance(control, Checkbox):
            return control.value
        if isinstance(control, SelectionList):
            return list(control.selected)
        if isinstance(control, TextArea):
            return control.text
        assert isinstance(control, Input)
        return control.value

    def parsed_value(self) -> Any:
        """The model value, or ValueError (also shown on the error line)."""
        raw = self.raw_value()
        if self.spec.kind in LIST_KINDS and raw == self._listed[0]:
            return self._listed[1]
        if isinstance(raw, str):
            return from_text(self.spec, raw)
        if self.spec.required and raw is None:
            raise ValueError("required")
        return raw

    @property
    def invalid(self) -> bool:
        """Whether the control holds text that cannot be used."""
        return bool(self.error)

    def show_value(self, value: Any) -> None:
        """Put ``value`` in the control unless it already shows it.

        Text that cannot be used stays while the document still has the value from before it was typed:
        it is the author's, to fix or to give up.
        """
        try:
            if self.parsed_value() == value:
                self.value_before_edit = value
                return
        except ValueError:
            if self.invalid and value == self.value_before_edit:
                return
        self.value_before_edit = value
        self._put(value)
        self.set_error("")

    def reset(self, value: Any, multi_options: list[tuple[str, str]] | None = None) -> None:
        """Show ``value`` as a row just built with it would: nothing reported as edited, no error, no
        findings, the text's cursor at its end. ``multi_options`` replaces a multiple choice's options."""
        control = self.control
        with self.prevent(*CHANGE_MESSAGES):
            if multi_options not in (None, self._multi_options) and isinstance(control, SelectionList):
                assert multi_options is not None
                self._multi_options = multi_options
                chosen = set(value or [])
                control.clear_options()
                control.add_options([(label, key, key in chosen) for label, key in multi_options])
            else:
                self._put(value)
        if isinstance(control, Input):
            control.cursor_position = len(control.value)
        self.value_before_edit = value
        self.set_error("")
        self.set_findings([])

    def _put(self, value: Any) -> None:
        control = self.control
        if isinstance(control, Select):
            control.value = value if value is not None else Select.NULL
        elif isinstance(control, Checkbox):
            control.value = bool(value)
        elif isinstance(control, SelectionList):
            control.deselect_all()
            for key in value or []:
                control.select(key)
        else:
            text = to_text(self.spec, value)
            if self.spec.kind in LIST_KINDS:
                self._listed = (text, value)
            if isinstance(control, TextArea):
                control.load_text(text)
            elif isinstance(control, Input):
                control.value = text

    def set_error(self, message: str) -> None:
        self.error = message
        self._set_line("field-error", message)
        self.set_class(bool(message), "-invalid")

    def set_findings(self, lines: list[str]) -> None:
        """Review findings about this field, as markup lines (none hides the line)."""
        self._set_line("field-finding", "\n".join(lines))

    def set_help(self, text: str) -> None:
        self._set_line("field-help", text)

    def _set_line(self, kind: str, text: str) -> None:
        """Show ``text`` on the help or error line below the control (built when first needed)."""
        lines = self.query(f".{kind}")
        if lines:
            line = lines.first(Static)
            line.update(text)
            line.display = bool(text)
        elif text:
            self.mount(Static(text, classes=kind))

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self, event: Message) -> None:
        event.stop()
        try:
            value = self.parsed_value()
        except ValueError as error:
            self.set_error(str(error))
            self.post_message(self.Edited(self, self.value_before_edit))
            return
        self.set_error("")
        self.post_message(self.Edited(self, value))

    def on_descendant_focus(self) -> None:
        """The author begins to edit: remember the value, unless the text already cannot be used."""
        if not self.invalid:
            with suppress(ValueError):
                self.value_before_edit = self.parsed_value()

    def focus_control(self, select: bool = False) -> None:
        """Focus the control; with ``select``, a one-line field's text is selected, so typing replaces it."""
        control = self.control
        control.focus()
        if select and isinstance(control, Input):
            control.select_all()
