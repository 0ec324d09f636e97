"""Pilot tests of the start screen: it ends with what to open (a new file, a file, the library, the
example), lists the recent postmortems, and imports Markdown from its palette."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static

from postmortem.models.recent import recent_files, remember
from postmortem.screens.dialogs.import_markdown import ImportMarkdownDialog, ImportReport
from postmortem.screens.dialogs.new_postmortem import NewPostmortemDialog
from postmortem.screens.dialogs.open_file import OpenFileDialog
from postmortem.screens.start.start_screen import Chosen, StartScreen
from postmortem.tui.start_app import StartApp

TODAY = date(2026, 12, 2)
MARKDOWN = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"
IMPORTED_NAME = "2025-05-06-stale-storefront-assets-after-failed-cdn.toml"  # what 13-stale-cdn-assets.md becomes


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A team's folder, the current one; a git repository, so the library is the folder itself."""
    team = tmp_path / "team"
    (team / ".git").mkdir(parents=True)
    monkeypatch.chdir(team)
    return team


async def started(ui, pilot) -> StartScreen:
    await ui.wait_until(pilot, lambda: isinstance(pilot.app.screen, StartScreen) and pilot.app.screen.is_mounted)
    screen = pilot.app.screen
    assert isinstance(screen, StartScreen)
    return screen


async def test_a_new_postmortem_typed_in_one_burst_ends_with_its_file_and_title(ui, folder):
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(ui, pilot)
        await ui.burst(pilot, "n", "Queue stalls after the broker upgrade")
        await ui.wait_until(
            pilot, lambda: isinstance(app.screen, NewPostmortemDialog) and app.screen.query("#new-file")
        )
        title = app.screen.query_one("#new-title", Input)
        file = app.screen.query_one("#new-file", Input)
        await ui.wait_until(pilot, lambda: title.value == "Queue stalls after the broker upgrade")
        # The file follows the title as the dialog takes in its changes.
        await ui.wait_until(pilot, lambda: file.value == "2026-12-02-queue-stalls-after-the-broker-upgrade.toml")
        await pilot.press("enter")
    assert app.return_value == Chosen(
        "new", Path("2026-12-02-queue-stalls-after-the-broker-upgrade.toml"), "Queue stalls after the broker upgrade"
    )


async def test_a_file_named_by_the_author_stays_and_a_taken_one_is_refused(ui, folder):
    (folder / "taken.toml").write_text("", encoding="utf-8")
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(ui, pilot)
        await pilot.press("n")
        await ui.wait_until(
            pilot, lambda: isinstance(app.screen, NewPostmortemDialog) and app.screen.query("#new-file")
        )
        file = app.screen.query_one("#new-file", Input)
        file.value = "taken"
        app.screen.query_one("#new-title", Input).focus()
        await ui.type_text(pilot, "Cache stampede")
        assert file.value == "taken"  # named by the author: it no longer follows the title
        await pilot.press("enter")
        problem = app.screen.query_one("#new-problem", Static)
        await ui.wait_until(pilot, lambda: "taken.toml: already exists" in str(problem.render()))
        file.value = "stampede"
        await pilot.press("enter")
    assert app.return_value == Chosen("new", Path("stampede.toml"), "Cache stampede")


async def test_open_a_file_by_its_path_a_missing_one_said(ui, folder):
    (folder / "incident.toml").write_text("", encoding="utf-8")
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(ui, pilot)
        await ui.burst(pilot, "o", "nowhere.toml", "<enter>")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, OpenFileDialog) and app.screen.query("#open-problem"))
        problem = app.screen.query_one("#open-problem", Static)
        await ui.wait_until(pilot, lambda: str(problem.render()) == "nowhere.toml: no such file")
        app.screen.query_one("#open-path", Input).value = "incident.toml"
        await pilot.press("enter")
    assert app.return_value == Chosen("edit", Path("incident.toml"))


async def test_the_recent_postmortems_newest_first_and_enter_opens_one(ui, folder):
    for name, title, hour in (("old.toml", "Old incident", 9), ("new.toml", "Newer incident", 10)):
        (folder / name).write_text("", encoding="utf-8")
        remember(folder / name, title, datetime(2026, 11, 30, hour).astimezone())
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(ui, pilot)
        recent = screen.query_one("#start-recent", OptionList)
        await ui.wait_until(pilot, lambda: recent.option_count == 2)
        assert [entry.title for entry in screen.recent] == ["Newer incident", "Old incident"]
        await pilot.press("tab", "down", "down", "enter")
    assert app.return_value == Chosen("edit", (folder / "old.toml").resolve())


@pytest.mark.parametrize(("key", "expected"), [("l", "library"), ("e", "example")])
async def test_the_library_and_the_example_are_one_key_away(ui, folder, key, expected):
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(ui, pilot)
        await pilot.press(key)
    assert app.return_value == Chosen(expected, folder.resolve() if key == "l" else None)


async def test_import_markdown_from_the_palette_writes_here_and_lists_the_files_first(ui, folder):
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await started(ui, pilot)
        await ui.palette(pilot, "import", "Import Markdown…")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImportMarkdownDialog))
        await ui.burst(pilot, str(MARKDOWN / "13-stale-cdn-assets.md"), "<enter>")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImportReport) and app.screen.query("#import-report"))
        assert "-> 2025-05-06-stale-storefront-assets-after-failed-cdn.toml" in str(
            app.screen.query_one("#import-report", Static).render()
        )
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert [entry.path.name for entry in screen.recent] == [
            "2025-05-06-stale-storefront-assets-after-failed-cdn.toml"
        ]
    assert (folder / "2025-05-06-stale-storefront-assets-after-failed-cdn.toml").is_file()


async def test_a_recent_file_can_be_taken_off_the_list(ui, folder):
    for name in ("one.toml", "two.toml"):
        (folder / name).write_text("", encoding="utf-8")
        remember(folder / name, name)
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(ui, pilot)
        await pilot.press("tab", "down", "delete")
        await ui.wait_until(pilot, lambda: [entry.path.name for entry in screen.recent] == ["one.toml"])
        await pilot.press("x")
        await ui.wait_until(pilot, lambda: not screen.recent)
        assert app.focused is screen.query_one("#start-choices", OptionList)
        assert (folder / "one.toml").is_file() and (folder / "two.toml").is_file()
    assert recent_files() == []


async def test_paths_typed_straight_after_choosing_import_in_the_palette_land_in_its_dialog(ui, folder):
    app = StartApp(folder, TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(ui, pilot)
        await pilot.press("ctrl+p")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await ui.type_text(pilot, "import")
        await ui.wait_until(pilot, lambda: ui.palette_commands(pilot)[:1] == ["Import Markdown…"])
        # Enter, the path and enter again in one burst: none of the path's letters (o, n, e, l…) reach the start
        # screen, whose keys they are.
        await ui.burst(pilot, "<enter>", str(MARKDOWN / "13-stale-cdn-assets.md"), "<enter>")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ImportReport) and app.screen.query("#import-report"))
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: [entry.path.name for entry in screen.recent] == [IMPORTED_NAME])
    assert app.return_value is None
