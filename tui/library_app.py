"""The library app: the postmortems of a folder; it ends with the one to open, and how."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App

from postmortem.screens.library.library_screen import LibraryScreen

# What the app ends with: ("edit" or "review", the file), or None to stop.
Choice = tuple[str, Path] | None


class LibraryApp(App[Choice]):
    TITLE = "postmortem library"
    CSS_PATH = "app.tcss"

    def __init__(self, root: Path, today: date | None = None) -> None:
        super().__init__()
        self.root = root
        self.today = today

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.root, self.today))
