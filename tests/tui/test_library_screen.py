"""Pilot tests of the library screen: it reads the folder in the background, filters as you type, sorts by a
column, switches views, and ends with the postmortem to open (in the wizard, or for review)."""

from __future__ import annotations

import gc
import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TabbedContent

from postmortem.screens.dialogs.import_markdown import ImportMarkdownDialog, ImportReport
from postmortem.screens.library.library_screen import LibraryScreen
from postmortem.tui.library_app import LibraryApp

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"
TODAY = date(2026, 12, 2)


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(LIBRARY, tmp_path / "library")
    monkeypatch.chdir(tmp_path)
    return Path("library")


async def loaded(ui, pilot: Pilot) -> LibraryScreen:
    await ui.wait_until(pilot, lambda: isinstance(pilot.app.screen, LibraryScreen) and pilot.app.screen.ready)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


def column(pilot: Pilot, table_id: str, index: int) -> list[str]:
    table = pilot.app.screen.query_one(table_id, DataTable)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_the_incidents_newest_first_with_the_files_that_did_not_load_named(ui, library):
    app = LibraryApp(library, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(ui, pilot)
        assert column(pilot, "#library-incidents", 1) == [
            "INC-2026-040",
            "INC-2026-031",
            "INC-2026-014",
            "INC-2025-101",
            "INC-2024-090",
        ]
        status = str(screen.query_one("#library-status", Static).render())
        assert status.startswith("5 postmortems under library; 1 did not load: broken.toml: meta.severity")
        assert app.focused is screen.query_one("#library-incidents", DataTable)
        assert column(pilot, "#library-incidents", 8) == ["1", "0", "2", "0", "0"]  # late action items


async def test_filter_as_you_type_by_words_and_dates(ui, library):
    app = LibraryApp(library, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(ui, pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await ui.burst(pilot, "checkout sev-2")
        await ui.wait_until(pilot, lambda: column(pilot, "#library-incidents", 1) == ["INC-2026-014"])
        await pilot.press("end", "ctrl+u")
        await ui.burst(pilot, "2025..2026-03")
        await ui.wait_until(pilot, lambda: column(pilot, "#library-incidents", 1) == ["INC-2026-014", "INC-2025-101"])
        await ui.burst(pilot, " config")
        await ui.wait_until(pilot, lambda: column(pilot, "#library-incidents", 1) == ["INC-2026-014"])
        await pilot.press("enter")  # back to the table, whose enter opens the one chosen
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.return_value is not None)
        assert app.return_value == ("edit", (library / "2026" / "02-checkout.toml").resolve())


async def test_keys_typed_in_one_burst_after_slash_and_enter_land_in_the_filter_then_the_table(ui, library):
    """/ and enter move the focus; the keys typed straight after them go where it went (a 2 in the filter
    is text, not the key of the actions view)."""
    app = LibraryApp(library, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(ui, pilot)
        await ui.burst(pilot, "/", "2025..2026", "<enter>", "<down>", "<enter>")
        await ui.wait_until(pilot, lambda: app.return_value is not None)
        assert screen.query_one("#library-filter", Input).value == "2025..2026"
        assert app.return_value == ("edit", (library / "2026" / "04-search.toml").resolve())


async def test_sort_by_a_column_and_back(ui, library):
    app = LibraryApp(library, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(ui, pilot)
        screen._sort_by(6)  # Duration, the longest first
        assert column(pilot, "#library-incidents", 6) == ["3h 20m", "3h 00m", "2h 07m", "1h 20m", "40m"]
        screen._sort_by(6)
        assert column(pilot, "#library-incidents", 6)[0] == "40m"
        await pilot.click("#library-incidents", offset=(2, 0))  # the Date header: newest first again
        await pilot.pause()
        assert column(pilot, "#library-incidents", 1)[0] == "INC-2026-040"


async def test_the_other_views_and_review_from_the_actions(ui, library):
    app = LibraryApp(library, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(ui, pilot)
        tabs = screen.query_one(TabbedContent)
        await pilot.press("2")
        assert tabs.active == "actions"
        assert column(pilot, "#library-actions", 2) == ["A1", "A1", "A1", "A2"]  # by owner: Payments, Platform…
        assert column(pilot, "#library-actions", 0) == ["!", "!", "", "!"]
        assert column(pilot, "#library-actions", 5) == ["Payments team", "Platform team", "Search team", "SRE team"]
        await pilot.press("g")
        # By incident: each incident's name once, on its first row; every owner named.
        assert column(pilot, "#library-actions", 6) == ["INC-2026-014", "", "INC-2026-031", "INC-2026-040"]
        assert "" not in column(pilot, "#library-actions", 5)
        await pilot.press("3")
        assert tabs.active == "themes"
        assert column(pilot, "#library-themes", 1)[:2] == ["technical", "config"]
        await pilot.press("4")
        assert tabs.active == "durations"
        await pilot.press("5")
        assert tabs.active == "today"
        today = str(screen.query_one("#library-today", Static).render())
        assert "INC-2025-101" in today and "INC-2024-090" in today
        await pilot.press("ctrl+pageup", "ctrl+pageup", "ctrl+pageup")
        assert tabs.active == "actions"
        await pilot.press("r")
        await ui.wait_until(pilot, lambda: app.return_value is not None)
        assert app.return_value == ("review", (library / "2026" / "02-checkout.toml").resolve())  # the first row


async def test_garbage_collection_starts_again_once_the_first_rows_are_up(ui, library):
    """Start-up runs without collections; left off, a long session would keep every cycle it made."""
    gc.disable()
    try:
        app = LibraryApp(library, TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            await loaded(ui, pilot)
            await ui.wait_until(pilot, gc.isenabled)
            assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() == 0  # nothing stays frozen after the app
    finally:
        gc.enable()
        gc.unfreeze()


async def test_import_markdown_from_the_palette_writes_into_the_library_and_reads_it_again(ui, library):
    markdown = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"
    app = LibraryApp(library, TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await loaded(ui, pilot)
        screen.action_import_markdown()  # the paths typed at once go to the dialog's field once it is up
        await ui.burst(pilot, f"{markdown / '13-stale-cdn-assets.md'} /nowhere.md", "<enter>")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImportMarkdownDialog) and app.screen.query(Input))
        problem = app.screen.query_one("#import-problem", Static)
        await ui.wait_until(pilot, lambda: str(problem.render()) == "/nowhere.md: no such file or folder")
        await pilot.press("end", *["backspace"] * len(" /nowhere.md"), "enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImportReport) and app.screen.query("#import-report"))
        report = str(app.screen.query_one("#import-report", Static).render())
        assert "-> 2025-05-06-stale-storefront-assets-after-failed-cdn.toml" in report
        assert "  Action items -> 2 action items" in report
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: screen.ready and "2025-05-06" in column(pilot, "#library-incidents", 0))
        assert (library / "2025-05-06-stale-storefront-assets-after-failed-cdn.toml").is_file()
