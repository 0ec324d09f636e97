"""New postmortem: its title and the file it goes in (named from the day and the title until the author
names it). The dialog writes nothing: it dismisses with the file and the title, once the file is free."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from postmortem.models.files import title_words
from postmortem.screens.dialogs.modal import modal_css
from postmortem.screens.widgets.footer import KeysFooter
from postmortem.screens.widgets.path_suggester import PathSuggester


def file_for(title: str, today: date) -> str:
    """``2026-12-02-checkout-errors-after-deploy.toml``: the day and the title's first words."""
    words = title_words(title)[:6]
    return f"{today.isoformat()}-{'-'.join(words) or 'untitled'}.toml"


def file_problem(path: Path) -> str:
    """What stops a new postmortem being written at ``path`` ("" when nothing does)."""
    if path.exists():
        return f"{path}: already exists; open it instead, or choose another name"
    if not path.parent.is_dir():
        return f"{path.parent}: no such folder"
    return ""


class NewPostmortemDialog(ModalScreen[tuple[Path, str] | None]):
    DEFAULT_CSS = modal_css("NewPostmortemDialog")
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="new-postmortem.cancel"),
        Binding("ctrl+j", "create", "Create", id="new-postmortem.create"),
    ]

    def __init__(self, folder: Path, today: date) -> None:
        super().__init__()
        self.folder = folder
        self.today = today
        self._named = file_for("", today)  # the name the file field was last given from the title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("New postmortem", classes="dialog-heading")
            yield Static(
                "Name the incident by what happened to the system, in a few neutral words. The file is named "
                "after the day and the title until you name it yourself.",
                markup=False,
            )
            with Horizontal(classes="dialog-row"):
                yield Label("Title")
                yield Input(placeholder="e.g. Checkout errors after the pool change", compact=True, id="new-title")
            with Horizontal(classes="dialog-row"):
                yield Label("File")
                yield Input(self._shown(self._named), suggester=PathSuggester(), compact=True, id="new-file")
            yield Static("", id="new-problem", classes="dialog-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create", variant="primary", id="new-create")
                yield Button("Cancel", id="new-cancel")
        yield KeysFooter()

    def _shown(self, name: str) -> str:
        """A file name in the folder, as typed in the field: relative to the current folder when inside it."""
        path = self.folder / name
        try:
            return str(path.relative_to(Path.cwd()))
        except ValueError:
            return str(path)

    @on(Input.Changed, "#new-title")
    def _title_changed(self, event: Input.Changed) -> None:
        field = self.query_one("#new-file", Input)
        if field.value == self._shown(self._named):  # not named by the author: it follows the title
            self._named = file_for(event.value, self.today)
            field.value = self._shown(self._named)

    @on(Input.Submitted)
    @on(Button.Pressed, "#new-create")
    def action_create(self) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        typed = self.query_one("#new-file", Input).value.strip()
        path = Path(typed).expanduser() if typed else None
        if path is not None and path.suffix != ".toml":
            path = path.with_name(path.name + ".toml")
        problem = (
            "Give the incident a title."
            if not title
            else "Give the file a name."
            if path is None
            else file_problem(path)
        )
        self.query_one("#new-problem", Static).update(problem)
        if path is not None and not problem:
            self.dismiss((path, title))

    @on(Button.Pressed, "#new-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
