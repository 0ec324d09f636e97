"""``postmortem review``: the same document and safe saving as the wizard, shown for the meeting."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from textual.app import App

from models.document import Postmortem
from screens.present import PresentScreen
from tui.app import PostmortemApp
from tui.themes import PROJECTOR


class ReviewApp(PostmortemApp):
    MODES = {"review": PresentScreen}
    DEFAULT_MODE = "review"
    COMMANDS = App.COMMANDS

    def __init__(self, document: Postmortem, path: Path, *, theme: str = PROJECTOR.name,
                 clock: Callable[[], float] = time.monotonic, today: date | None = None) -> None:
        super().__init__(document, path, today=today)
        self.clock = clock
        self.register_theme(PROJECTOR)
        self.theme = theme
