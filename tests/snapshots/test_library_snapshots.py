"""The library screen's views at 120x40, on the fixture library."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from postmortem.screens.library.library_screen import TABS, LibraryScreen
from postmortem.tui.library_app import LibraryApp

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"


@pytest.mark.parametrize("view", TABS)
def test_library_view(snap_compare, settled, tmp_path, monkeypatch, view: str) -> None:
    shutil.copytree(LIBRARY, tmp_path / "library")
    monkeypatch.chdir(tmp_path)

    async def run_before(pilot: Pilot) -> None:
        while not (isinstance(pilot.app.screen, LibraryScreen) and pilot.app.screen.ready):
            await pilot.pause()
        await pilot.press(str(TABS.index(view) + 1))
        await settled(pilot)

    assert snap_compare(LibraryApp(Path("library"), date(2026, 12, 2)), terminal_size=(120, 40), run_before=run_before)
