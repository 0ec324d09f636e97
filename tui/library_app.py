"""The library app: the postmortems of a folder; it ends with the one to open, and how."""

from __future__ import annotations

import gc
from datetime import date
from pathlib import Path
from typing import Any

from postmortem.screens.library.library_screen import LibraryScreen
from postmortem.tui.commands import LibraryCommands
from postmortem.tui.keys_in_order import KeysInOrder

# What the app ends with: ("edit" or "review", the file), or None to stop.
Choice = tuple[str, Path] | None


class LibraryApp(KeysInOrder[Choice]):
    """Keys typed straight after one that moves the focus (``/`` to the filter, ``enter`` back to the table)
    go where the focus went."""

    TITLE = "postmortem library"
    CSS_PATH = "app.tcss"
    COMMANDS = KeysInOrder.COMMANDS | {LibraryCommands}

    def __init__(self, root: Path, today: date | None = None) -> None:
        super().__init__()
        self.root = root
        self.today = today

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.root, self.today))

    async def run_async(self, *args: Any, **kwargs: Any) -> Choice:
        """Start-up and the library's entries are objects that stay: no garbage collection until the first
        rows are up."""
        gc.disable()
        try:
            return await super().run_async(*args, **kwargs)
        finally:
            gc.enable()

    def on_library_screen_ready(self) -> None:
        """What start-up and the library made is kept out of later collections (frozen); collecting starts
        again for what comes after."""
        gc.collect()
        gc.freeze()
        gc.enable()

    def on_unmount(self) -> None:
        gc.unfreeze()
