"""Snapshot tests: every wizard step and the main dialogs, on the bundled example.

Regenerate after an intended change of the look with
``pytest tests/snapshots/test_snapshots.py --snapshot-update`` and look at the new SVGs
before committing them (the report ``snapshot_report.html`` shows the diffs).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from postmortem.models.steps import STEP_IDS
from postmortem.models.store import load
from postmortem.tui.wizard_app import WizardApp

SIZE = (100, 32)
# A fixed file name: the title bar shows it, the tmp_path folder must not matter.
FILE_NAME = "example.toml"


@pytest.fixture
def app(write_example: Callable[[str], Path], review_day: date) -> WizardApp:
    path = write_example(FILE_NAME)
    return WizardApp(load(path), path, today=review_day)


def test_step_ids_are_the_eight_steps() -> None:
    # The parametrised snapshots below must cover the whole wizard.
    assert list(STEP_IDS) == ["summary", "impact", "timeline", "factors", "whys", "actions", "lessons", "review"]


@pytest.mark.parametrize("step_id", STEP_IDS)
def test_wizard_step(snap_compare, settled, app: WizardApp, step_id: str) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.app.action_go_to(step_id)
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("step_id", ["timeline", "actions"])
def test_record_tables_fit_the_terminal(snap_compare, settled, app: WizardApp, step_id: str, size) -> None:
    """The event and the action text show at every size; other columns fold into the detail as it narrows."""

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.app.action_go_to(step_id)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_add_timeline_event_dialog(snap_compare, settled, app: WizardApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await pilot.app.action_go_to("timeline")
        await pilot.pause()
        await pilot.press("a")
        await settled(pilot)
        assert pilot.app.screen.query_one("#dialog-heading").render().plain == "Add timeline event"

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quit_dialog_with_unsaved_changes(snap_compare, settled, app: WizardApp) -> None:
    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.document.summary.resolution += " Reviewed."
        pilot.app.note_change()
        await pilot.press("ctrl+q")
        await settled(pilot)
        assert pilot.app.screen.query_one("#confirm-question")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
