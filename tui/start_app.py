"""The start app: the start screen, which ends with what to open (``screens/start``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from postmortem.screens.start.start_screen import Chosen, StartScreen
from postmortem.tui.commands import StartCommands
from postmortem.tui.keys_in_order import KeysInOrder


class StartApp(KeysInOrder[Chosen | None]):
    TITLE = "postmortem"
    CSS_PATH = "app.tcss"
    COMMANDS = KeysInOrder.COMMANDS | {StartCommands}

    def __init__(self, folder: Path, today: date | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.today = today

    def on_mount(self) -> None:
        self.push_screen(StartScreen(self.folder, self.today))
