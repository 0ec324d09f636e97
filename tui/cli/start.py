"""The start screen's loop: ``postmortem`` alone, at a terminal. What is chosen there opens; closing it comes
back to the start screen."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from postmortem.models.errors import DocumentError
from postmortem.tui.cli import apps, demo, new

if TYPE_CHECKING:
    from postmortem.screens.start.start_screen import Chosen


def run(as_of: date | None = None) -> int:
    """The start screen. What is chosen there opens; closing it comes back."""
    from postmortem.tui.start_app import StartApp

    while True:
        chosen = StartApp(Path.cwd(), as_of).run()
        if chosen is None:
            return 0
        code = _open(chosen, as_of)
        if code:  # a signal, a fault or a file that could not be written: no start screen after it
            return code


def _open(chosen: Chosen, as_of: date | None) -> int:
    if chosen.how == "library" and chosen.path is not None:
        return apps.browse(apps.shown(chosen.path), as_of)
    if chosen.how == "example":
        return demo.open_example(as_of)
    if chosen.how == "new" and chosen.path is not None:
        return new.create(chosen.path, chosen.title)
    if chosen.path is None:
        return 0
    try:
        document = apps.load_for_screen(chosen.path)
    except DocumentError:
        return 0  # its problems were shown; back to the start
    return apps.run_wizard(document, chosen.path, as_of)
