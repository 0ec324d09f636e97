"""Open a postmortem file by its path (→ completes it). The dialog reads nothing: it dismisses with the
file, once there is one."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from postmortem.screens.dialogs.modal import modal_css
from postmortem.screens.widgets.footer import KeysFooter
from postmortem.screens.widgets.path_suggester import PathSuggester


class OpenFileDialog(ModalScreen[Path | None]):
    DEFAULT_CSS = modal_css("OpenFileDialog")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="open-file.cancel"),
        Binding("ctrl+j", "open", "Open", id="open-file.open"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Open a postmortem", classes="dialog-heading")
            yield Input(
                placeholder="a postmortem file, e.g. postmortems/2026-03-14-checkout.toml  (→ completes a path)",
                suggester=PathSuggester(),
                id="open-path",
            )
            yield Static("", id="open-problem", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Open", variant="primary", id="open-go")
                yield Button("Cancel", id="open-cancel")
        yield KeysFooter()

    @on(Input.Submitted, "#open-path")
    @on(Button.Pressed, "#open-go")
    def action_open(self) -> None:
        typed = self.query_one("#open-path", Input).value.strip()
        path = Path(typed).expanduser()
        problem = (
            "Give the path of a postmortem file."
            if not typed
            else f"{typed}: a folder; give a file in it (the library opens a folder)"
            if path.is_dir()
            else ""
            if path.is_file()
            else f"{typed}: no such file"
        )
        self.query_one("#open-problem", Static).update(problem)
        if not problem:
            self.dismiss(path)

    @on(Button.Pressed, "#open-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
