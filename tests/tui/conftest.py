"""Fixtures for the Pilot tests: apps on temporary files, and author-like input through the ``ui`` fixture."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList, Select, Static

from postmortem.models.document import Postmortem, TimelineEvent
from postmortem.models.steps import STEP_IDS
from postmortem.models.store import load, save
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.record_table import RecordTable
from postmortem.tui.wizard_app import WizardApp


class PilotHelpers:
    """What an author does and sees, for a Pilot: ``await ui.go_to(pilot, "timeline")``, ``ui.row_error(app, id)``.

    ``size`` is the terminal the Pilot tests run in unless they test another.
    """

    size = (100, 32)

    @staticmethod
    def shown_step(app: WizardApp) -> str | None:
        """The step the wizard shows (under any dialog)."""
        return app.wizard.query_one("#steps", ContentSwitcher).current

    @staticmethod
    async def started(pilot: Pilot) -> None:
        """Let the app start: its first view is filled in (on a busy machine, later than a pause)."""
        await PilotHelpers.wait_until(pilot, lambda: pilot.app.quiet_work.started)

    @staticmethod
    async def go_to(pilot: Pilot, step_id: str) -> None:
        """Click the step in the step list; it is shown and highlighted."""
        await pilot.click("#step-list", offset=(3, STEP_IDS.index(step_id) + 1))
        await pilot.pause()
        assert PilotHelpers.shown_step(pilot.app) == f"step-{step_id}"
        assert pilot.app.screen.query_one("#step-list", OptionList).highlighted == STEP_IDS.index(step_id)

    @staticmethod
    async def type_text(pilot: Pilot, text: str) -> None:
        """Type ``text`` into the focused widget: one key event a character, as fast
        as a typist (``pilot.press`` waits for idle after every key, which is slow)."""
        for char in text:
            pilot.app.post_message(events.Key(_character_to_key(char), char))
        await pilot.pause()

    @staticmethod
    async def burst(pilot: Pilot, *parts: str) -> None:
        """Send keys all at once, before the app handles the first, as a fast typist or a held key does:
        ``"<alt+n>"`` is a key, anything else text. Keys come as the terminal gives them (alt+n with its n)."""
        for part in parts:
            if part.startswith("<") and part.endswith(">"):
                key = part[1:-1]
                modifier, _, letter = key.rpartition("+")
                character = {"tab": "\t", "enter": "\r"}.get(key, letter if modifier == "alt" else None)
                pilot.app.post_message(events.Key(key, character))
            else:
                for char in part:
                    pilot.app.post_message(events.Key(_character_to_key(char), char))

    @staticmethod
    def field_row(app: WizardApp, row_id: str) -> FieldRow:
        """The field row with this id."""
        return app.screen.query_one(f"#{row_id}", FieldRow)

    @staticmethod
    async def focus_field(pilot: Pilot, row_id: str) -> Widget:
        """Move the focus to a field's control (as a click or a few tabs would), once its step is built."""
        await PilotHelpers.wait_until(pilot, lambda: pilot.app.screen.query(f"#{row_id}"))
        control = PilotHelpers.field_row(pilot.app, row_id).control
        control.scroll_visible(animate=False)
        control.focus()
        await pilot.pause()
        return control

    @staticmethod
    async def retype(pilot: Pilot, row_id: str, text: str) -> None:
        """Replace what a one-line field shows with ``text``."""
        await PilotHelpers.focus_field(pilot, row_id)
        await pilot.press("home", "ctrl+k")
        await PilotHelpers.type_text(pilot, text)

    @staticmethod
    async def choose(pilot: Pilot, row_id: str, prompt: str) -> None:
        """Open a Select's menu, type to find ``prompt``, press enter."""
        select = await PilotHelpers.focus_field(pilot, row_id)
        assert isinstance(select, Select)
        await pilot.press("enter")
        await PilotHelpers.type_text(pilot, prompt)
        await pilot.press("enter")
        assert str(select.value) == prompt

    @staticmethod
    async def menu_prompts(pilot: Pilot, row_id: str) -> list[str]:
        """The options a Select's menu offers, besides "not set"; the menu is closed again."""
        select = await PilotHelpers.focus_field(pilot, row_id)
        await pilot.press("enter")
        menu = select.query_one(OptionList)
        prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
        await pilot.press("escape")
        return [prompt for prompt in prompts if prompt != "(not set)"]

    @staticmethod
    def row_error(app: WizardApp, row_id: str) -> str:
        """The error a field row shows, or "" when it shows none."""
        row = PilotHelpers.field_row(app, row_id)
        return str(row.query_one(".field-error", Static).render()) if row.has_class("-invalid") else ""

    @staticmethod
    def table_rows(app: WizardApp, table_id: str) -> list[dict[str, str]]:
        """A record table as shown: one dict a row, from column label to cell text."""
        table = app.screen.query_one(f"#{table_id}", RecordTable)
        labels = [str(column.label) for column in table.ordered_columns]
        return [dict(zip(labels, map(str, table.get_row_at(i)))) for i in range(table.row_count)]

    @staticmethod
    async def palette(pilot: Pilot, query: str, expected: str) -> None:
        """Open the command palette, type ``query``, wait until ``expected`` is the first command, run it."""
        await pilot.press("ctrl+p")
        await PilotHelpers.wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
        await PilotHelpers.type_text(pilot, query)
        await PilotHelpers.wait_until(pilot, lambda: PilotHelpers.palette_commands(pilot)[:1] == [expected])
        await pilot.press("enter")
        await PilotHelpers.wait_until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette))

    @staticmethod
    def palette_commands(pilot: Pilot) -> list[str]:
        """The names of the commands the open palette offers, in order."""
        if not isinstance(pilot.app.screen, CommandPalette) or not pilot.app.screen.query(CommandList):
            return []
        commands = pilot.app.screen.query_one(CommandList)
        return [str(commands.get_option_at_index(i).prompt).split("\n")[0] for i in range(commands.option_count)]

    @staticmethod
    async def wait_until(pilot: Pilot, condition: Callable[[], object], seconds: float = 10) -> None:
        """Let the app run until ``condition()`` is true (a debounce, a timer, a worker); fails after ``seconds``."""
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, f"not true within {seconds} s"
            await pilot.pause(0.05)


@pytest.fixture(scope="session")
def ui() -> type[PilotHelpers]:
    """The Pilot helpers (plain functions, shared: they keep no state)."""
    return PilotHelpers


@pytest.fixture
def example_app(write_example: Callable[[str], Path], review_day: date) -> Callable[[], WizardApp]:
    """Make the wizard on the bundled example, opened from a file of the test's own (checkout.toml)."""

    def make() -> WizardApp:
        path = write_example("checkout.toml")
        return WizardApp(load(path), path, today=review_day)

    return make


@pytest.fixture
def small_app(tmp_path: Path, make_small_doc: Callable[..., Postmortem]) -> Callable[..., WizardApp]:
    """Make the wizard on the small document, not yet on disk (db-failover.toml), with an event at each
    ``(hour, text)`` of ``timeline`` on the incident date: ``small_app(zone=…, timeline=[(9, "Deploy")])``."""

    def make(*, zone: str = "Europe/Berlin", timeline: list[tuple[int, str]] = ()) -> WizardApp:
        path = tmp_path / "db-failover.toml"
        doc = make_small_doc(path, zone=zone)
        for hour, text in timeline:
            doc.add_event(TimelineEvent(at=datetime(2026, 3, 2, hour, tzinfo=doc.meta.zone), event=text))
        return WizardApp(doc, path, today=date(2026, 3, 2))

    return make


@pytest.fixture
def saved_small_app(small_app: Callable[..., WizardApp]) -> Callable[[], WizardApp]:
    """Make the wizard on the small document saved to a file, then opened from it (as ``postmortem edit`` does)."""

    def make() -> WizardApp:
        app = small_app()
        save(app.document, app.path)
        return WizardApp(load(app.path), app.path, today=app.today)

    return make
