"""``postmortem review``: the meeting app, with the same document and safe saving as the wizard."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from postmortem.models.document import Postmortem
from postmortem.screens.meeting.screen import MeetingScreen
from postmortem.tui.commands import MeetingCommands
from postmortem.tui.document_app import DocumentApp
from postmortem.tui.themes import PROJECTOR


class MeetingApp(DocumentApp, inherit_bindings=False):
    DEFAULT_MODE = "meeting"
    COMMANDS = App.COMMANDS | {MeetingCommands}
    # The same keys as the wizard; ctrl+q leaves the footer to the meeting's keys (the palette has Quit).
    BINDINGS = [
        replace(binding, show=False) if isinstance(binding, Binding) and binding.action == "quit" else binding
        for binding in DocumentApp.BINDINGS
    ]

    def __init__(
        self,
        document: Postmortem,
        path: Path,
        *,
        theme: str = PROJECTOR.name,
        clock: Callable[[], float] = time.monotonic,
        today: date | None = None,
    ) -> None:
        super().__init__(document, path, today=today)
        self.register_theme(PROJECTOR)
        self.theme = theme
        self.add_mode("meeting", partial(MeetingScreen, clock))

    @property
    def meeting(self) -> MeetingScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, MeetingScreen)
        return screen

    def show_change(self) -> None:
        self.meeting.redraw()

    def show_document(self) -> None:
        self.meeting.redraw()
