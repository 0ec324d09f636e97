"""Pilot tests for the import-evidence dialog: read files in a worker, tick, edit, add, cancel."""

from __future__ import annotations

import time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Collapsible, Input, ProgressBar, Static

import postmortem.screens.dialogs.import_evidence
from postmortem.models.evidence import Progress
from postmortem.models.store import load
from postmortem.screens.dialogs.event_form import EventForm
from postmortem.screens.dialogs.import_evidence import CandidateTable, ImportDialog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "evidence"


def status(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one("#import-status", Static).render())


def rows(pilot: Pilot) -> list[list[str]]:
    table = pilot.app.screen.query_one(CandidateTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def open_dialog(ui, pilot: Pilot) -> ImportDialog:
    await ui.go_to(pilot, "timeline")
    await pilot.press("i")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, ImportDialog)
    assert pilot.app.focused is dialog.query_one("#import-sources", Input)
    return dialog


async def read(ui, pilot: Pilot, *names: str) -> None:
    await ui.type_text(pilot, " ".join(str(FIXTURES / name) for name in names))
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_read_tick_edit_and_add_candidates_to_the_timeline(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        before = len(app.document.timeline)
        await open_dialog(ui, pilot)
        await read(ui, pilot, "iso.log", "channel.json")
        table = app.screen.query_one(CandidateTable)
        assert app.focused is table
        shown = rows(pilot)
        assert [row[0] for row in shown] == ["✓"] * 5
        assert [row[4] for row in shown] == ["iso.log:3", "iso.log:4", "iso.log:10", "channel.json:3", "channel.json:5"]
        assert shown[1][5].startswith("3 × ERROR [pool] connection pool exhausted")  # brackets shown as written
        assert status(pilot).startswith("5 candidates.")
        # The preview shows the highlighted candidate's raw lines, stack trace included.
        await pilot.press("down")
        preview = str(app.screen.query_one("#import-preview", Static).render())
        assert "java.sql.SQLTransientConnectionException" in preview
        # It names who sent the record where the source says (a chat message's author).
        await pilot.press("down", "down")
        preview = str(app.screen.query_one("#import-preview", Static).render())
        assert "channel.json:3  ·  info  ·  from oncall-sre  ·  1 record(s)" in preview
        await pilot.press("up", "up")
        # Untick the first one; edit the second (the burst) through the event form.
        await pilot.press("up", "space")
        assert rows(pilot)[0][0] == " "
        assert str(app.screen.query_one("#import-add").label) == "Add 4 ticked events"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        await ui.retype(pilot, "dialog-actor", "database connection pool")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert rows(pilot)[1][0] == "✓"
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)
        timeline = app.document.timeline
        assert len(timeline) == before + 4
        added = [e for e in timeline if e.source.startswith(str(FIXTURES))]
        assert [Path(e.source).name for e in added] == ["iso.log:4", "iso.log:10", "channel.json:3", "channel.json:5"]
        assert added[0].actor == "database connection pool"
        assert added[0].evidence == "first of 3: ERROR [pool] connection pool exhausted: 12 waiting"
        assert app.unsaved
        await pilot.press("ctrl+s")
        assert len(load(app.path).timeline) == before + 4


async def test_candidate_times_all_show_seconds_when_one_has_them(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await open_dialog(ui, pilot)
        await read(ui, pilot, "alerts.csv")
        assert [row[1] for row in rows(pilot)] == ["20:19:00", "20:21:30"]


async def test_candidates_already_in_the_timeline_come_unticked(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await open_dialog(ui, pilot)
        await read(ui, pilot, "channel.json")
        await pilot.press("ctrl+j")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        await read(ui, pilot, "channel.json")
        assert [row[0] for row in rows(pilot)] == ["=", "="]
        assert "2 already in the timeline" in status(pilot)
        assert app.screen.query_one("#import-add").disabled
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)


async def test_problems_and_bad_options_are_shown_in_the_dialog(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        dialog = await open_dialog(ui, pilot)
        await pilot.press("enter")
        assert status(pilot) == "Name at least one file to read."
        await read(ui, pilot, "notimes.txt")
        assert "no timestamps recognised" in status(pilot) and "--time-format" in status(pilot)
        assert dialog.query_one("#import-status").has_class("-error")
        dialog.query_one("#import-options", Collapsible).collapsed = False
        await pilot.pause()
        dialog.query_one("#import-tz", Input).value = "Nowhere/Special"
        dialog.query_one("#import-sources", Input).focus()
        await pilot.press("enter")
        assert status(pilot).startswith("Time zone: unknown time zone 'Nowhere/Special'")


async def test_a_long_read_shows_progress_and_escape_cancels_it(monkeypatch, ui, example_app):
    def slow_import(document, sources, options, progress: Progress):
        progress.total = 100
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            progress.advance(1)  # raises Cancelled once the dialog asks
            time.sleep(0.01)
        raise AssertionError("the read was not cancelled")

    monkeypatch.setattr(postmortem.screens.dialogs.import_evidence, "import_evidence", slow_import)
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await open_dialog(ui, pilot)
        await ui.type_text(pilot, "big.log")
        await pilot.press("enter")
        bar = app.screen.query_one("#import-progress", ProgressBar)
        await ui.wait_until(pilot, lambda: bar.display and bar.progress > 0, seconds=5)  # the read has begun
        assert bar.display and bar.progress > 0
        assert status(pilot) == "Reading… (escape cancels)"
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportDialog)  # the first escape stops the read, not the dialog
        assert status(pilot) == "Reading cancelled."
        assert not bar.display
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ImportDialog)


async def test_imported_text_is_marked_until_the_author_keeps_it_or_rewrites_it(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await open_dialog(ui, pilot)
        await read(ui, pilot, "alerts.csv")
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ImportDialog))
        timeline = app.document.timeline
        added = [i for i, e in enumerate(timeline) if e.source.startswith(str(FIXTURES))]
        assert len(added) == 2 and all(timeline[i].as_imported for i in added)
        table = app.screen.query_one("#timeline-table")
        table.move_cursor(row=added[0])
        await ui.burst(pilot, "w")  # kept as written
        await ui.wait_until(pilot, lambda: not timeline[added[0]].as_imported)
        table.move_cursor(row=added[1])
        await pilot.press("e")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, EventForm))
        await ui.focus_field(pilot, "dialog-event")
        await ui.type_text(pilot, " (the checkout alert)")  # rewritten: no longer the imported line
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, EventForm))
        rewritten = next(e for e in timeline if e.event.endswith("(the checkout alert)"))
        assert not rewritten.as_imported
        await pilot.press("ctrl+s")
        await ui.wait_until(pilot, lambda: not app.unsaved)
        assert "as_imported" not in app.path.read_text()
