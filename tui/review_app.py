"""``postmortem review``: the same document and safe saving as the wizard, shown for the meeting."""

from __future__ import annotations

import time
from dataclasses import replace
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.app import App

from models.document import Postmortem
from screens.present import PresentScreen
from tui.app import PostmortemApp
from tui.commands import ReviewCommands
from tui.themes import PROJECTOR


class ReviewApp(PostmortemApp, inherit_bindings=False):
    MODES = {"review": PresentScreen}
    DEFAULT_MODE = "review"
    COMMANDS = App.COMMANDS | {ReviewCommands}
    # The same keys as the wizard; ctrl+q leaves the footer to the meeting's keys (the palette has Quit).
    BINDINGS = [replace(binding, show=False) if binding.action == "quit" else binding
                for binding in PostmortemApp.BINDINGS]

    def __init__(self, document: Postmortem, path: Path, *, theme: str = PROJECTOR.name,
                 clock: Callable[[], float] = time.monotonic, today: date | None = None) -> None:
        super().__init__(document, path, today=today)
        self.clock = clock
        self.register_theme(PROJECTOR)
        self.theme = theme
