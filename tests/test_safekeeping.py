"""Never losing work: recovery copies, backups, changes on disk, a document open twice."""

from __future__ import annotations

import os
import stat

import pytest
from tui_support import SIZE, focus_field, small_app, type_text

import postmortem.tui.safekeeping
from postmortem.models.recovery import (
    discard_recovery,
    mark_open,
    other_editor,
    read_recovery,
    recovery_path,
    unmark_open,
    write_recovery,
)
from postmortem.models.store import backup_path, load, save
from postmortem.screens.dialogs.confirm import ConfirmDialog
from postmortem.tui.wizard_app import WizardApp


def opened(tmp_path) -> WizardApp:
    """The small document saved to a file, then opened from it."""
    app = small_app(tmp_path)
    save(app.document, app.path)
    return WizardApp(load(app.path), app.path, today=app.today)


# The store and the data folder


def test_recovery_copies_live_in_the_data_folder_keyed_by_absolute_path(tmp_path, data_dir, monkeypatch):
    document = tmp_path / "incident.toml"
    write_recovery(document, "kept text")
    assert recovery_path(document).is_relative_to(data_dir)
    monkeypatch.chdir(tmp_path)
    assert read_recovery(document.relative_to(tmp_path)) == "kept text"  # same file, other spelling
    assert read_recovery(tmp_path / "other.toml") is None
    discard_recovery(document)
    assert read_recovery(document) is None
    assert not list(tmp_path.iterdir())  # nothing written next to the document


def test_save_keeps_the_previous_version_as_bak_with_its_permissions(tmp_path):
    app = small_app(tmp_path)
    save(app.document, app.path)
    os.chmod(app.path, 0o640)
    first = app.path.read_bytes()
    app.document.meta.title = "Second title"
    save(app.document, app.path, backup=True)
    assert backup_path(app.path).read_bytes() == first
    assert stat.S_IMODE(app.path.stat().st_mode) == stat.S_IMODE(backup_path(app.path).stat().st_mode) == 0o640
    assert load(app.path).meta.title == "Second title"


def test_an_open_mark_names_another_live_process_only(tmp_path, data_dir):
    document = tmp_path / "incident.toml"
    mark_open(document)
    assert other_editor(document) is None  # our own mark
    mark_file = next((data_dir / "open").iterdir())
    mark_file.write_text(f'{{"pid": {os.getppid()}, "host": "{os.uname().nodename}"}}')
    other = other_editor(document)
    assert other is not None and other.pid == os.getppid()
    mark_file.write_text(f'{{"pid": 999999999, "host": "{os.uname().nodename}"}}')
    assert other_editor(document) is None  # that process is gone
    mark_file.write_text("not json")
    assert other_editor(document) is None
    unmark_open(document)


# In the app


async def test_changes_reach_the_recovery_copy_and_saving_removes_it(tmp_path, monkeypatch):
    monkeypatch.setattr(postmortem.tui.safekeeping, "AUTOSAVE_DELAY", 0.1)
    app = opened(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await focus_field(pilot, "field-meta-title")
        await pilot.press("end")
        await type_text(pilot, " at night")
        await pilot.pause(0.3)
        kept = read_recovery(app.path)
        assert kept is not None and 'title = "Database failover at night"' in kept
        assert "at night" not in app.path.read_text()  # the document itself is untouched
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert read_recovery(app.path) is None
        assert "at night" in app.path.read_text()


async def test_a_step_change_writes_the_recovery_copy_at_once(tmp_path):
    app = opened(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await focus_field(pilot, "field-meta-title")
        await type_text(pilot, "X")
        await pilot.press("alt+n")
        await pilot.pause()
        assert "X" in (read_recovery(app.path) or "")


@pytest.mark.parametrize("answer", ["restore", "discard", "cancel"])
async def test_reopening_offers_the_recovered_version(tmp_path, answer):
    app = opened(tmp_path)
    recovered = app.path.read_text().replace("Database failover", "Database failover, recovered")
    write_recovery(app.path, recovered)
    async with app.run_test(size=SIZE) as pilot:
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
async def test_saving_over_a_change_made_on_disk_asks_first(tmp_path, answer):
    app = opened(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await focus_field(pilot, "field-meta-title")
        await type_text(pilot, " (mine)")
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


async def test_a_document_open_elsewhere_gets_a_warning(tmp_path, data_dir):
    app = opened(tmp_path)
    mark_open(app.path)
    mark_file = next((data_dir / "open").iterdir())
    mark_file.write_text(f'{{"pid": {os.getppid()}, "host": "{os.uname().nodename}"}}')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (note,) = [n for n in app._notifications if n.title == "Open twice"]
        assert f"process {os.getppid()}" in note.message
