"""Undo and redo in the app (ctrl+z / ctrl+y, the palette, the footer): one test per kind of change."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input

from postmortem.models.document import TimelineEvent
from postmortem.models.enums import Milestone
from postmortem.screens.dialogs.confirm import ConfirmDialog
from postmortem.screens.dialogs.event_form import EventForm


def footer_keys(app) -> str:
    return str(app.screen.query_one("KeysFooter").render())


async def test_typing_in_a_field_is_one_step_undone_and_redone_on_screen(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        assert "Undo" not in footer_keys(app)
        await pilot.press("end")
        await ui.type_text(pilot, " at night")
        await ui.wait_until(pilot, lambda: "Undo" in footer_keys(app))
        await pilot.press("ctrl+z")
        title = app.screen.query_one("#field-meta-title Input", Input)
        await ui.wait_until(pilot, lambda: title.value == "Database failover")
        assert app.document.meta.title == "Database failover"
        await pilot.press("ctrl+y")
        await ui.wait_until(pilot, lambda: title.value == "Database failover at night")
        assert app.document.meta.title == "Database failover at night"


async def test_an_added_event_is_removed_by_undo_and_back_by_redo(ui, small_app):
    app = small_app(timeline=[(9, "Deploy")])
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.press("a")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, EventForm))
        await ui.retype(pilot, "dialog-at", "10:00")
        await ui.focus_field(pilot, "dialog-event")
        await ui.type_text(pilot, "Alert fired")
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: len(app.document.timeline) == 2)
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: [row["Event"] for row in ui.table_rows(app, "timeline-table")] == ["Deploy"])
        assert [e.event for e in app.document.timeline] == ["Deploy"]
        await pilot.press("ctrl+y")
        await ui.wait_until(pilot, lambda: [e.event for e in app.document.timeline] == ["Deploy", "Alert fired"])


async def test_a_deleted_event_comes_back_with_undo(ui, small_app):
    app = small_app(timeline=[(9, "Deploy"), (10, "Alert"), (11, "Fixed")])
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.press("down", "delete")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#answer-delete")
        await ui.wait_until(pilot, lambda: len(app.document.timeline) == 2)
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: [e.event for e in app.document.timeline] == ["Deploy", "Alert", "Fixed"])
        await ui.wait_until(pilot, lambda: len(ui.table_rows(app, "timeline-table")) == 3)


async def test_an_edited_action_and_a_moved_milestone_are_undone_in_turn(ui, example_app):
    app = example_app()
    doc = app.document
    owner = doc.actions[0].owner
    detected = doc.timeline.index(doc.milestone_event(Milestone.DETECTED))
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.press("e")  # the first event
        await ui.wait_until(pilot, lambda: isinstance(app.screen, EventForm))
        await ui.choose(pilot, "dialog-milestone", "detected")
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: app.document.timeline[0].milestone is Milestone.DETECTED)
        await ui.go_to(pilot, "actions")
        await pilot.press("e")
        await ui.focus_field(pilot, "dialog-owner")
        await pilot.press("end")
        await ui.type_text(pilot, " and QA")
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: app.document.actions[0].owner == owner + " and QA")

        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: app.document.actions[0].owner == owner)
        assert app.document.timeline[0].milestone is Milestone.DETECTED
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: app.document.timeline[detected].milestone is Milestone.DETECTED)
        assert app.document.timeline[0].milestone is not Milestone.DETECTED


async def test_an_import_is_one_step_and_the_palette_undoes_it(ui, small_app):
    app = small_app(timeline=[(9, "Deploy")])
    async with app.run_test(size=ui.size) as pilot:
        step = await app.wizard.go_to("timeline")
        zone = app.document.meta.zone
        step._imported([TimelineEvent(at=datetime(2026, 3, 2, 9, m, tzinfo=zone), event=f"line {m}") for m in (5, 6)])
        await ui.wait_until(pilot, lambda: len(app.document.timeline) == 3)
        await ui.palette(pilot, "Undo", "Undo")
        await ui.wait_until(pilot, lambda: [e.event for e in app.document.timeline] == ["Deploy"])
        assert not app.unsaved or app.pause_due


async def test_undoing_an_added_action_on_its_step_shows_the_table_without_it(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        await ui.burst(pilot, "a", "Page the database on-call on replica lag", "<ctrl+j>")
        await ui.wait_until(pilot, lambda: app.document.actions and app.screen is app.wizard)
        await ui.wait_until(pilot, lambda: len(ui.table_rows(app, "actions-table")) == 1)
        await ui.wait_until(pilot, lambda: not app.pause_due)  # the checks have found what the new action lacks
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: not app.document.actions and not ui.table_rows(app, "actions-table"))
        await pilot.press("ctrl+y")
        await ui.wait_until(pilot, lambda: len(ui.table_rows(app, "actions-table")) == 1)
