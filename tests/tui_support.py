"""Shared helpers for the Pilot tests: apps on temporary files, and author-like input."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import ContentSwitcher, OptionList, Select, Static

from postmortem.models.document import Postmortem, TimelineEvent, WhyChain
from postmortem.models.examples import example_text
from postmortem.models.steps import STEP_IDS
from postmortem.models.store import load
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.record_table import RecordTable
from postmortem.tui.cli.new import new_document
from postmortem.tui.wizard_app import WizardApp

SIZE = (100, 32)
# The example's review meeting: the day its findings are judged on, so that tests do not age.
EXAMPLE_REVIEW_DAY = date(2026, 2, 19)


def example_app(tmp_path: Path) -> WizardApp:
    """The bundled example, opened from a file of its own."""
    path = tmp_path / "checkout.toml"
    path.write_text(example_text(), encoding="utf-8")
    return WizardApp(load(path), path, today=EXAMPLE_REVIEW_DAY)


def small_doc(path: Path, *, zone: str = "Europe/Berlin") -> Postmortem:
    """A new postmortem (as ``postmortem new`` makes it) with one why chain begun."""
    doc = new_document(path, title="Database failover", incident_date=date(2026, 3, 2), timezone=zone)
    doc.whys.append(WhyChain(problem="Writes failed"))
    return doc


def small_app(tmp_path: Path, *, zone: str = "Europe/Berlin", timeline: list[tuple[int, str]] = ()) -> WizardApp:
    """The small document, not yet on disk, with an event at each ``(hour, text)`` of the incident date."""
    path = tmp_path / "db-failover.toml"
    doc = small_doc(path, zone=zone)
    for hour, text in timeline:
        doc.add_event(TimelineEvent(at=datetime(2026, 3, 2, hour, tzinfo=doc.meta.zone), event=text))
    return WizardApp(doc, path, today=date(2026, 3, 2))


def shown_step(app: WizardApp) -> str | None:
    """The step the wizard shows (under any dialog)."""
    return app.wizard.query_one("#steps", ContentSwitcher).current


async def go_to(pilot: Pilot, step_id: str) -> None:
    """Click the step in the step list; it is shown and highlighted."""
    await pilot.click("#step-list", offset=(3, STEP_IDS.index(step_id) + 1))
    await pilot.pause()
    assert shown_step(pilot.app) == f"step-{step_id}"
    assert pilot.app.screen.query_one("#step-list", OptionList).highlighted == STEP_IDS.index(step_id)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` into the focused widget: one key event a character, as fast
    as a typist (``pilot.press`` waits for idle after every key, which is slow)."""
    for char in text:
        pilot.app.post_message(events.Key(_character_to_key(char), char))
    await pilot.pause()


def field_row(app: WizardApp, row_id: str) -> FieldRow:
    """The field row with this id."""
    return app.screen.query_one(f"#{row_id}", FieldRow)


async def focus_field(pilot: Pilot, row_id: str) -> Widget:
    """Move the focus to a field's control (as a click or a few tabs would)."""
    control = field_row(pilot.app, row_id).control
    control.scroll_visible(animate=False)
    control.focus()
    await pilot.pause()
    return control


async def retype(pilot: Pilot, row_id: str, text: str) -> None:
    """Replace what a one-line field shows with ``text``."""
    await focus_field(pilot, row_id)
    await pilot.press("home", "ctrl+k")
    await type_text(pilot, text)


async def choose(pilot: Pilot, row_id: str, prompt: str) -> None:
    """Open a Select's menu, type to find ``prompt``, press enter."""
    select = await focus_field(pilot, row_id)
    assert isinstance(select, Select)
    await pilot.press("enter")
    await type_text(pilot, prompt)
    await pilot.press("enter")
    assert str(select.value) == prompt


async def menu_prompts(pilot: Pilot, row_id: str) -> list[str]:
    """The options a Select's menu offers, besides "not set"; the menu is closed again."""
    select = await focus_field(pilot, row_id)
    await pilot.press("enter")
    menu = select.query_one(OptionList)
    prompts = [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]
    await pilot.press("escape")
    return [prompt for prompt in prompts if prompt != "(not set)"]


def row_error(app: WizardApp, row_id: str) -> str:
    """The error a field row shows, or "" when it shows none."""
    row = field_row(app, row_id)
    return str(row.query_one(".field-error", Static).render()) if row.has_class("-invalid") else ""


def table_rows(app: WizardApp, table_id: str) -> list[dict[str, str]]:
    """A record table as shown: one dict a row, from column label to cell text."""
    table = app.screen.query_one(f"#{table_id}", RecordTable)
    labels = [str(column.label) for column in table.ordered_columns]
    return [dict(zip(labels, map(str, table.get_row_at(i)))) for i in range(table.row_count)]
