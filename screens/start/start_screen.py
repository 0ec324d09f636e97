"""The start screen, where ``postmortem`` opens: start a new postmortem, open one (the recent ones listed),
browse the library of this folder, import Markdown postmortems, or look at the example. It ends the app with
what was chosen; the command line opens it and comes back here afterwards."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import NamedTuple

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from postmortem.models.library.load import folder_library
from postmortem.models.recent import RecentFile, forget, recent_files, remember
from postmortem.screens.dialogs.import_markdown import ImportMarkdownDialog, ImportReport
from postmortem.screens.dialogs.new_postmortem import NewPostmortemDialog
from postmortem.screens.dialogs.open_file import OpenFileDialog
from postmortem.screens.widgets.footer import KeysFooter


class Chosen(NamedTuple):
    """What the start screen ends with: ``how`` is "new" (the file and title), "edit" (the file), "library"
    (the folder) or "example"."""

    how: str
    path: Path | None = None
    title: str = ""


# The start screen's choices: (action, what the list says, its key, what the footer says).
CHOICES = (
    ("new", "New postmortem…", "n", "New"),
    ("open_file", "Open a file…", "o", "Open"),
    ("library", "Library of this folder", "l", "Library"),
    ("import_markdown", "Import Markdown…", "i", "Import"),
    ("example", "The example postmortem", "e", "Example"),
    ("app.quit", "Quit", "q", "Quit"),
)


class RecentList(OptionList):
    """The recent postmortems: enter opens one, delete takes it off the list."""

    BINDINGS = [Binding("delete,x", "screen.forget", "Forget", id="start.forget")]


class StartScreen(Screen[None]):
    CSS_PATH = "start.tcss"
    AUTO_FOCUS = "#start-choices"
    BINDINGS = [
        Binding(key, action, footer, id=f"start.{action.removeprefix('app.')}") for action, _, key, footer in CHOICES
    ]

    def __init__(self, folder: Path, today: date | None = None) -> None:
        super().__init__()
        self.folder = folder.resolve()
        self.today = today or date.today()
        self.library = folder_library(self.folder)
        self.recent: list[RecentFile] = []

    def compose(self) -> ComposeResult:
        yield Static(
            Text.assemble(("postmortem", "bold"), "  blameless incident postmortems, written in the terminal"),
            id="start-title",
        )
        yield Static(Text(f"In {_home(self.folder)}  ·  library: {_home(self.library)}"), id="start-where")
        with Horizontal(id="start-body"):
            with Vertical(id="start-left"):
                yield Static("Start", classes="start-heading")
                yield OptionList(
                    *(
                        Option(Text.assemble(label.ljust(24), (key, "bold")), id=action)
                        for action, label, key, _ in CHOICES
                    ),
                    id="start-choices",
                )
            with Vertical(id="start-right"):
                yield Static("Recent postmortems", classes="start-heading")
                yield RecentList(id="start-recent")
                yield Static("", id="start-no-recent")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show_recent()

    def show_recent(self) -> None:
        """The recent files, newest first: the title, then where the file is and when it was opened."""
        self.recent = recent_files()
        listed = self.query_one("#start-recent", OptionList)
        listed.clear_options()
        listed.add_options(Option(self._recent_entry(entry)) for entry in self.recent)
        listed.display = bool(self.recent)
        self.query_one("#start-no-recent", Static).update(
            ""
            if self.recent
            else "None yet. The postmortems you open are listed here; press n to start one, or e for the example."
        )

    def _recent_entry(self, entry: RecentFile) -> Table:
        """Two lines, each cut with … where the list is narrower: the title, then the day and the file."""
        lines = Table.grid(expand=True)
        lines.add_column(no_wrap=True, overflow="ellipsis")
        lines.add_row(Text(entry.title, style="bold"))
        lines.add_row(Text(f"{entry.opened.date().isoformat()}  {self._where(entry.path)}", style="dim"))
        return lines

    def _where(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.folder))
        except ValueError:
            return _home(path)

    @on(OptionList.OptionSelected, "#start-choices")
    async def _choice(self, event: OptionList.OptionSelected) -> None:
        await self.run_action(event.option.id or "")

    def action_forget(self) -> None:
        """Take the highlighted file off the recent list (the file stays where it is)."""
        listed = self.query_one("#start-recent", OptionList)
        if listed.highlighted is not None:
            position = listed.highlighted
            forget(self.recent[position].path)
            self.show_recent()
            if self.recent:
                listed.highlighted = min(position, len(self.recent) - 1)
            else:
                self.query_one("#start-choices", OptionList).focus()

    @on(OptionList.OptionSelected, "#start-recent")
    def _recent(self, event: OptionList.OptionSelected) -> None:
        self.app.exit(Chosen("edit", self.recent[event.option_index].path))

    def action_new(self) -> None:
        def chosen(answer: tuple[Path, str] | None) -> None:
            if answer is not None:
                self.app.exit(Chosen("new", answer[0], answer[1]))

        self.app.push_screen(NewPostmortemDialog(self.folder, self.today), chosen)

    def action_open_file(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.exit(Chosen("edit", path))

        self.app.push_screen(OpenFileDialog(), chosen)

    def action_library(self) -> None:
        self.app.exit(Chosen("library", self.library))

    def action_example(self) -> None:
        self.app.exit(Chosen("example"))

    def action_import_markdown(self) -> None:
        def chosen(files: list[Path] | None) -> None:
            if files:
                self._import(files)

        self.app.push_screen(ImportMarkdownDialog(self.folder), chosen)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, files: list[Path]) -> None:
        """Write each file's postmortem into this folder and list the new files first among the recent ones,
        then show the report."""
        from postmortem.models.markdown_import.files import import_files

        run = import_files(files, self.folder)
        for imported in reversed(run.written):
            remember(imported.target, imported.result.document.meta.title)
        self.app.call_from_thread(self._imported, run.heading, run.lines)

    def _imported(self, heading: str, lines: list[str]) -> None:
        self.show_recent()
        self.app.push_screen(ImportReport(heading, lines))


def _home(path: Path) -> str:
    """A path with the home folder written ``~``."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)
