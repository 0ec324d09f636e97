"""Never losing work in the app: recovery copies, changes on disk, a document open twice.

The recovery copies, backups and open marks themselves are tested in models/test_recovery.py.
"""

from __future__ import annotations

import os

import pytest

import postmortem.tui.safekeeping
from postmortem.models.recovery import (
    mark_open,
    read_recovery,
    write_recovery,
)
from postmortem.models.store import backup_path
from postmortem.screens.dialogs.confirm import ConfirmDialog


async def test_changes_reach_the_recovery_copy_and_saving_removes_it(monkeypatch, ui, saved_small_app):
    monkeypatch.setattr(postmortem.tui.safekeeping, "AUTOSAVE_DELAY", 0.1)
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.focus_field(pilot, "field-meta-title")
        await pilot.press("end")
        await ui.type_text(pilot, " at night")
        await ui.wait_until(pilot, lambda: "at night" in (read_recovery(app.path) or ""))  # after AUTOSAVE_DELAY
        kept = read_recovery(app.path)
        assert kept is not None and 'title = "Database failover at night"' in kept
        assert "at night" not in app.path.read_text()  # the document itself is untouched
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert read_recovery(app.path) is None
        assert "at night" in app.path.read_text()


async def test_a_step_change_writes_the_recovery_copy_at_once(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.focus_field(pilot, "field-meta-title")
        await ui.type_text(pilot, "X")
        await pilot.press("alt+n")
        await pilot.pause()
        assert "X" in (read_recovery(app.path) or "")


@pytest.mark.parametrize("answer", ["restore", "discard", "cancel"])
async def test_reopening_offers_the_recovered_version(answer, ui, saved_small_app):
    app = saved_small_app()
    recovered = app.path.read_text().replace("Database failover", "Database failover, recovered")
    write_recovery(app.path, recovered)
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "unsaved work from an earlier session" in dialog.question
        await pilot.click("#confirm-show-details")
        await pilot.pause()
        assert dialog.query_one("#confirm-details").display
        await pilot.click(f"#answer-{answer}")
        await pilot.pause()
        if answer == "restore":
            assert app.document.meta.title == "Database failover, recovered"
            assert app.title.endswith("●")
            assert app.screen.query_one("#field-meta-title Input").value == "Database failover, recovered"
        else:
            assert app.document.meta.title == "Database failover"
        assert (read_recovery(app.path) is None) == (answer == "discard")


@pytest.mark.parametrize("answer", ["overwrite", "save-as", "reload", "cancel"])
async def test_saving_over_a_change_made_on_disk_asks_first(tmp_path, answer, ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        await ui.focus_field(pilot, "field-meta-title")
        await ui.type_text(pilot, " (mine)")
        theirs = app.path.read_text().replace("Database failover", "Database failover (theirs)")
        app.path.write_text(theirs)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "changed on disk" in app.screen.question
        await pilot.click("#confirm-show-details")
        await pilot.pause()
        diff = str(app.screen.query_one("#confirm-details Static").render())
        assert "(theirs)" in diff
        await pilot.click(f"#answer-{answer}")
        await pilot.pause()
        original = tmp_path / "db-failover.toml"
        if answer == "overwrite":
            assert "(mine)" in original.read_text() and "(theirs)" in backup_path(original).read_text()
        elif answer == "save-as":
            mine = tmp_path / "db-failover-mine.toml"
            assert app.path == mine and "(mine)" in mine.read_text()
            assert original.read_text() == theirs
        elif answer == "reload":
            assert app.document.meta.title.endswith("(theirs)") and not app.title.endswith("●")
            assert original.read_text() == theirs
        else:
            assert original.read_text() == theirs and app.title.endswith("●")


async def test_a_document_open_elsewhere_gets_a_warning(data_dir, ui, saved_small_app):
    app = saved_small_app()
    mark_open(app.path)
    mark_file = next((data_dir / "open").iterdir())
    mark_file.write_text(f'{{"pid": {os.getppid()}, "host": "{os.uname().nodename}"}}')
    async with app.run_test(size=ui.size) as pilot:
        await pilot.pause()
        (note,) = [n for n in app._notifications if n.title == "Open twice"]
        assert f"process {os.getppid()}" in note.message
