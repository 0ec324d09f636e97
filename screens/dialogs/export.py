"""The Export dialog: a format, an audience and a path; for a public export, what the leak check finds.

It writes nothing itself: it dismisses with the path and the text to write, or None.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from postmortem.exports.formats import EXTENSIONS, FORMATS, export_checked
from postmortem.models.audience import Audience
from postmortem.models.document import Postmortem
from postmortem.screens.dialogs.modal import modal_css
from postmortem.screens.widgets.fields import FieldSelect
from postmortem.screens.widgets.footer import KeysFooter

FORMAT_NAMES = {
    "markdown": "Markdown document",
    "html": "HTML page (prints to PDF)",
    "json": "JSON (the whole document)",
    "csv": "CSV (the action items)",
}
AUDIENCE_NAMES = {
    Audience.INTERNAL: "internal: everything",
    Audience.SUMMARY: "summary: one page for leadership",
    Audience.PUBLIC: "public: for customers",
}
LEAKS_SHOWN = 12


@dataclass(frozen=True)
class Export:
    path: Path
    text: str


def export_path(source: Path, format: str, audience: Audience) -> Path:
    """Where an export goes by default: beside the file, named by the audience unless internal."""
    suffix = "" if audience is Audience.INTERNAL else f".{audience.value}"
    return source.with_name(source.stem + suffix + EXTENSIONS[format])


class ExportDialog(ModalScreen[Export | None]):
    DEFAULT_CSS = (
        modal_css("ExportDialog")
        + """
    /* The findings scroll, so that the buttons stay on screen at 80x24 however many there are. */
    ExportDialog #export-leaks-scroll {
        height: auto;
        max-height: 8;
    }
    ExportDialog #export-leaks {
        height: auto;
    }
    ExportDialog #export-leaks.-found {
        color: $text-warning;
    }
    """
    )
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+j", "export", "Export", id="export.export"),
    ]

    def __init__(self, doc: Postmortem, source: Path) -> None:
        super().__init__()
        self.doc = doc
        self.source = source
        # The path offered for the format and audience chosen: while the author has not typed another,
        # it follows their choice.
        self._offered = export_path(source, FORMATS[0], Audience.INTERNAL)
        self._text = ""
        self._rendered_for: tuple[str, Audience] | None = None  # the choice the text was rendered for

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Static("Export", id="export-heading", classes="dialog-heading")
            with Horizontal(classes="dialog-row"):
                yield Label("Format")
                yield FieldSelect(
                    [(name, key) for key, name in FORMAT_NAMES.items()],
                    value=FORMATS[0],
                    allow_blank=False,
                    compact=True,
                    id="export-format",
                )
            with Horizontal(classes="dialog-row"):
                yield Label("Audience")
                yield FieldSelect(
                    [(name, audience) for audience, name in AUDIENCE_NAMES.items()],
                    value=Audience.INTERNAL,
                    allow_blank=False,
                    compact=True,
                    id="export-audience",
                )
            with Horizontal(classes="dialog-row"):
                yield Label("Path")
                yield Input(str(self._offered), compact=True, id="export-path")
            with VerticalScroll(id="export-leaks-scroll"):
                yield Static("", id="export-leaks")
            with Horizontal(id="export-buttons", classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self._render_export()
        self.query_one("#export-format", Select).focus()

    @property
    def format(self) -> str:
        return str(self.query_one("#export-format", Select).value)

    @property
    def audience(self) -> Audience:
        return Audience(str(self.query_one("#export-audience", Select).value))

    @on(Select.Changed)
    def _choice_changed(self) -> None:
        path = self.query_one("#export-path", Input)
        if path.value == str(self._offered):
            self._offered = export_path(self.source, self.format, self.audience)
            path.value = str(self._offered)
        self._render_export()

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def _render_export(self) -> None:
        """The export as it will be written, and for a public one what the leak check finds in it (once per
        choice: the choices announce their values when they mount, as the dialog does)."""
        if self._rendered_for == (self.format, self.audience):
            return
        self._rendered_for = (self.format, self.audience)
        self._text, leaks = export_checked(self.doc, self.format, self.audience)
        shown = self.query_one("#export-leaks", Static)
        shown.set_class(bool(leaks), "-found")
        button = self.query_one("#export-ok", Button)
        button.label, button.variant = ("Export anyway", "warning") if leaks else ("Export", "primary")
        if self.audience is not Audience.PUBLIC:
            shown.update("")
            self.query_one("#export-leaks-scroll").display = False
            return
        self.query_one("#export-leaks-scroll").display = True
        if not leaks:
            shown.update("The leak check found nothing that should not be published.")
            return
        lines = [f"⚠ The leak check found {len(leaks)} thing{'s' if len(leaks) != 1 else ''} to reword first:"]
        lines += [f"  {escape(leak.sentence())}" for leak in leaks[:LEAKS_SHOWN]]
        if len(leaks) > LEAKS_SHOWN:
            lines.append(f"  and {len(leaks) - LEAKS_SHOWN} more")
        shown.update("\n".join(lines))

    def action_export(self) -> None:
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.notify("Give the path to write the export to.", severity="warning")
            return
        path = Path(typed).expanduser()
        self.dismiss(Export(path if path.is_absolute() else self.source.parent / path, self._text))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#export-ok")
    def _ok(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.action_cancel()
