"""Never losing work in the app: recovery copies, changes on disk, a document open twice.

The recovery copies, backups and open marks themselves are tested in models/test_recovery.py.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Static

import postmortem.tui.safekeeping
from postmortem.models.codec import SchemaError
from postmortem.models.document import TimelineEvent
from postmortem.models.merge import Merge
from postmortem.models.recovery import (
    mark_open,
    read_recovery,
    write_recovery,
)
from postmortem.models.store import backup_path, load, save
from postmortem.screens.dialogs.confirm import ConfirmDialog
from postmortem.screens.dialogs.merge import ConflictChoice, MergeDialog


async def test_changes_reach_the_recovery_copy_and_saving_removes_it(monkeypatch, ui, saved_small_app):
    monkeypatch.setattr(postmortem.tui.safekeeping, "AUTOSAVE_DELAY", 0.1)
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
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
        await ui.started(pilot)
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
        await ui.started(pilot)
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
        await ui.started(pilot)
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


def add_events_on_disk(path, count: int) -> str:
    """What ``postmortem timeline import`` does meanwhile: the file on disk gains ``count`` events."""
    theirs = load(path)
    for minute in range(count):
        theirs.add_event(TimelineEvent(at=datetime(2026, 3, 2, 9, minute, tzinfo=UTC), event=f"Imported line {minute}"))
    return save(theirs, path)


async def save_into_the_merge(pilot, ui) -> None:
    """ctrl+s over a change made on disk, then enter: the default answer writes nothing and shows the merge."""
    app = pilot.app
    await pilot.press("ctrl+s")
    await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
    await pilot.press("enter")
    await ui.wait_until(pilot, lambda: isinstance(app.screen, MergeDialog))


async def test_enter_on_a_change_made_on_disk_shows_the_merge_and_taking_it_saves_both(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await pilot.press("end")
        await ui.type_text(pilot, " (mine)")
        add_events_on_disk(app.path, 5)
        await save_into_the_merge(pilot, ui)
        assert "without a conflict" in str(app.screen.query_one("#merge-summary", Static).render())
        assert "(mine)" not in app.path.read_text()
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: "(mine)" in app.path.read_text())
        saved = load(app.path)
        assert saved.meta.title == "Database failover (mine)"
        assert [e.event for e in saved.timeline if e.event.startswith("Imported")] == [
            f"Imported line {minute}" for minute in range(5)
        ]
        assert saved == app.document and not app.unsaved


@pytest.mark.parametrize("side", ["theirs", "mine"])
async def test_a_title_changed_on_both_sides_is_shown_side_by_side_to_choose(side, ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await pilot.press("end")
        await ui.type_text(pilot, " (mine)")
        app.path.write_text(app.path.read_text().replace("Database failover", "Database failover (theirs)"))
        add_events_on_disk(app.path, 1)
        await pilot.press("ctrl+s")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#answer-merge")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, MergeDialog))
        [choice] = app.screen.query(ConflictChoice)
        assert choice.conflict.label == "Title"
        assert str(choice.query_one(".merge-theirs", Static).render()) == '"Database failover (theirs)"'
        assert str(choice.query_one(".merge-mine", Static).render()) == '"Database failover (mine)"'
        await pilot.click(f"#conflict-0 #take-{side}")
        await pilot.click("#merge-take")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, MergeDialog))
        await ui.wait_until(pilot, lambda: not app.unsaved)
        saved = load(app.path)
        assert saved.meta.title == f"Database failover ({side})"
        assert any(e.event == "Imported line 0" for e in saved.timeline)


async def test_restoring_work_whose_file_changed_since_merges_the_two(ui, saved_small_app):
    app = saved_small_app()
    started_from = app.path.read_text()
    write_recovery(app.path, started_from.replace("Database failover", "Database failover, recovered"), started_from)
    add_events_on_disk(app.path, 2)
    app = type(app)(load(app.path), app.path, today=app.today)
    async with app.run_test(size=ui.size) as pilot:
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#answer-restore")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, MergeDialog))
        await pilot.click("#merge-take")
        await ui.wait_until(pilot, lambda: app.document.meta.title == "Database failover, recovered")
        assert [e.event for e in app.document.timeline if e.event.startswith("Imported")] == [
            "Imported line 0",
            "Imported line 1",
        ]
        assert app.unsaved


async def test_a_document_open_elsewhere_gets_a_warning(data_dir, ui, saved_small_app):
    app = saved_small_app()
    mark_open(app.path)
    mark_file = next((data_dir / "open").iterdir())
    mark_file.write_text(f'{{"pid": {os.getppid()}, "host": "{os.uname().nodename}"}}')
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        (note,) = [n for n in app._notifications if n.title == "Open twice"]
        assert f"process {os.getppid()}" in note.message


async def test_choices_that_would_not_make_a_valid_postmortem_keep_the_merge_open(monkeypatch, ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await pilot.press("end")
        await ui.type_text(pilot, " (mine)")
        add_events_on_disk(app.path, 1)
        on_disk = app.path.read_text()
        await save_into_the_merge(pilot, ui)

        def refuse(merge, choices):
            raise SchemaError(["timeline[1].milestone: set twice"])

        monkeypatch.setattr(Merge, "resolve", refuse)
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: any("set twice" in n.message for n in app._notifications))
        assert isinstance(app.screen, MergeDialog)
        assert app.path.read_text() == on_disk


async def test_an_unexpected_error_keeps_the_edits_and_says_so_in_one_line(monkeypatch, capsys, ui, saved_small_app):
    app = saved_small_app()

    def broken(self) -> None:
        raise RuntimeError("the next step could not be drawn\nsecond line")

    with pytest.raises(RuntimeError):
        async with app.run_test(size=ui.size) as pilot:
            await ui.started(pilot)
            await ui.focus_field(pilot, "field-meta-title")
            await pilot.press("end")
            await ui.type_text(pilot, " at night")
            monkeypatch.setattr(type(app.wizard), "action_next_step", broken)
            await pilot.press("alt+n")
            await pilot.pause()
    assert app.return_code == 1
    assert "at night" in (read_recovery(app.path) or "")  # before the autosave delay: written on the error
    assert "at night" not in app.path.read_text()
    assert capsys.readouterr().err == ""  # no traceback
    message = app.crash_message or ""
    assert message.startswith("postmortem stopped on an unexpected error (RuntimeError: the next step could not")
    assert "second line" not in message and f"open {app.path} again" in message
    report = message.rpartition("The details are in ")[2].rstrip(".")
    assert "RuntimeError" in Path(report).read_text() and "broken" in Path(report).read_text()
