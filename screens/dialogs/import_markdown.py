"""Import Markdown: which Markdown postmortems to bring into a library (files, or folders of them), and then
the report of what went where. The dialog reads and writes nothing itself: it dismisses with the files."""

from __future__ import annotations

import shlex
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from postmortem.screens.dialogs.modal import modal_css
from postmortem.screens.widgets.footer import KeysFooter
from postmortem.screens.widgets.path_suggester import PathSuggester


def markdown_files(typed: str) -> tuple[list[Path], str]:
    """The Markdown files a typed line names (paths split as a shell would; a folder gives its .md files),
    and what is wrong with it ("" when nothing is)."""
    try:
        words = shlex.split(typed)
    except ValueError as error:
        return [], f"cannot read the paths: {error}"
    files: list[Path] = []
    for word in words:
        path = Path(word).expanduser()
        if path.is_dir():
            found = sorted(path.glob("*.md")) + sorted(path.glob("*.markdown"))
            if not found:
                return [], f"{word}: no Markdown files in this folder"
            files += found
        elif path.is_file():
            files.append(path)
        else:
            return [], f"{word}: no such file or folder"
    return files, "" if files else "give one or more Markdown files, or a folder of them"


class ImportMarkdownDialog(ModalScreen[list[Path] | None]):
    DEFAULT_CSS = modal_css("ImportMarkdownDialog")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="import-markdown.cancel"),
        Binding("ctrl+j", "import", "Import", id="import-markdown.import"),
    ]

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import Markdown postmortems", classes="dialog-heading")
            yield Static(
                f"Each file becomes a postmortem file in {self.folder}, named by its date and title. What no "
                "field takes is kept as written, and the report says where everything went.",
                markup=False,
            )
            yield Input(
                placeholder="files or folders, e.g. ~/wiki/postmortems/  (→ completes a path)",
                suggester=PathSuggester(),
                id="import-paths",
            )
            yield Static("", id="import-problem", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", variant="primary", id="import-go")
                yield Button("Cancel", id="import-cancel")
        yield KeysFooter()

    @on(Input.Submitted, "#import-paths")
    @on(Button.Pressed, "#import-go")
    def action_import(self) -> None:
        files, problem = markdown_files(self.query_one("#import-paths", Input).value)
        self.query_one("#import-problem", Static).update(problem)
        if not problem:
            self.dismiss(files)

    @on(Button.Pressed, "#import-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


class ImportReport(ModalScreen[None]):
    """What an import did, file by file; any key that closes it."""

    DEFAULT_CSS = (
        modal_css("ImportReport")
        + """
    ImportReport VerticalScroll {
        height: auto;
        max-height: 60vh;
    }
    """
    )
    BINDINGS = [Binding("escape,enter", "dismiss(None)", "Close", id="import-report.close")]

    def __init__(self, heading: str, lines: list[str]) -> None:
        super().__init__()
        self.heading = heading
        self.lines = lines

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading, classes="dialog-heading", markup=False)
            with VerticalScroll():
                yield Static("\n".join(self.lines), markup=False, id="import-report")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", variant="primary", id="import-close")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(Button).focus()

    @on(Button.Pressed, "#import-close")
    def _close(self) -> None:
        self.dismiss(None)
