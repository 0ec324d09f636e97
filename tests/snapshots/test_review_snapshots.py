"""Snapshot tests of review mode: every section in the projector theme, at 80x24 and at 160x48.

Regenerate with ``pytest tests/snapshots/test_review_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from postmortem.models.meeting_sections import MEETING_SECTION_IDS as SECTION_IDS
from postmortem.models.store import load
from postmortem.tui.meeting_app import MeetingApp

SIZES = {"80x24": (80, 24), "160x48": (160, 48)}


@pytest.fixture
def app(write_example: Callable[[str], Path], review_day: date) -> MeetingApp:
    path = write_example("example.toml")
    return MeetingApp(load(path), path, clock=lambda: 0.0, today=review_day)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("section_id", SECTION_IDS)
def test_review_section(snap_compare, settled, app: MeetingApp, section_id: str, size: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press(str(SECTION_IDS.index(section_id) + 1))
        await settled(pilot)
        assert pilot.app.theme == "projector"

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def test_review_notes_open(snap_compare, settled, app: MeetingApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.press("6", "m")
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZES["80x24"], run_before=run_before)
