"""Pilot tests for the record forms: timeline events, factors, action items, and five whys.

Each test opens a form the way an author does, fills it in with keys, and
checks the document, the table that shows the records and the saved file.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

from textual.pilot import Pilot
from textual.widgets import Input, SelectionList, Static, TextArea

from postmortem.models.enums import AREAS_BY_CATEGORY, ActionStatus, Area, Category, Horizon, Milestone
from postmortem.models.guidance import AREA_QUESTIONS, CATEGORY_QUESTIONS
from postmortem.models.metrics import compute_metrics
from postmortem.models.store import load
from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.dialogs.confirm import ConfirmDialog
from postmortem.screens.dialogs.event_form import EventForm
from postmortem.screens.dialogs.factor_form import FactorForm
from postmortem.screens.dialogs.record_form import RecordForm
from postmortem.screens.widgets.fields import FieldRow

# Wide enough for every column of the record tables (narrower, some fold into the detail below).
WIDE = (170, 40)


async def open_form(pilot: Pilot, dialog_type: type[RecordForm]) -> RecordForm:
    """Press ``a`` on the current step: the form opens on the field the author fills first."""
    await pilot.press("a")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, dialog_type)
    assert pilot.app.focused is dialog.query_one(f"#dialog-{dialog.first_field}", FieldRow).control
    # One row under the other, none docked or overlapping.
    rows = [row.virtual_region for row in dialog.query("FieldRow")]
    assert all(upper.bottom <= lower.y for upper, lower in pairwise(rows))
    return dialog


def shown_value(dialog: RecordForm, name: str) -> str:
    return dialog.query_one(f"#dialog-{name} Input", Input).value


# Timeline events


async def test_adding_an_event_puts_it_in_time_order_with_the_zone_offset(ui, example_app):
    app = example_app()
    async with app.run_test(size=WIDE) as pilot:
        before = list(app.document.timeline)
        await ui.go_to(pilot, "timeline")
        dialog = await open_form(pilot, EventForm)
        # The time offered is the last event's, in the document's zone.
        assert shown_value(dialog, "at") == "2026-02-13 11:00"

        # An impossible time and no text: the form stays open and says why.
        await pilot.press("home", "ctrl+k")
        await ui.type_text(pilot, "25:99")
        await pilot.press("ctrl+j")
        assert app.screen is dialog
        assert "not a valid time" in ui.row_error(app, "dialog-at")
        assert ui.row_error(app, "dialog-event") == "required"
        assert app.document.timeline == before

        await pilot.press("home", "ctrl+k")
        await ui.type_text(pilot, "19:30")
        await pilot.press("tab")
        await ui.type_text(pilot, "Rollback")
        assert ui.row_error(app, "dialog-at") == ""
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert app.screen is not dialog

        timeline = app.document.timeline
        [added] = [e for e in timeline if e not in before]
        index = timeline.index(added)
        assert added.event == "Rollback"
        assert added.at.isoformat() == "2026-02-12T19:30:00+01:00"
        assert timeline[index - 1].at < added.at < timeline[index + 1].at
        assert timeline[:index] + timeline[index + 1 :] == before
        assert app.unsaved

        # The table shows it, with the cursor on it.
        table = app.screen.query_one("#timeline-table")
        assert app.focused is table
        assert table.cursor_row == index
        row = ui.table_rows(app, "timeline-table")[index]
        assert (row["Time"], row["T+"], row["Event"]) == ("19:30", "T+22m", "Rollback")


async def test_event_form_escape_text_times_and_enter(ui, small_app):
    app = small_app(zone="America/New_York")
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        # Escape on a half-filled form asks first: keep editing (the default, and escape again), or discard.
        dialog = await open_form(pilot, EventForm)
        await ui.type_text(pilot, "10:00")
        await pilot.press("tab")
        await ui.type_text(pilot, "Draft")
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert str(app.screen.query_one("#confirm-question", Static).render()) == "Discard what you typed in this form?"
        assert app.focused is app.screen.query_one("#answer-keep")
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.screen is dialog)
        assert ui.field_row(app, "dialog-event").raw_value() == "Draft"
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # escape on the question keeps editing too
        await ui.wait_until(pilot, lambda: app.screen is dialog)
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#answer-discard")
        await ui.wait_until(pilot, lambda: app.screen is not dialog and not isinstance(app.screen, ConfirmDialog))
        assert app.document.timeline == []
        assert not app.unsaved
        # A form left as it opened closes at once.
        dialog = await open_form(pilot, EventForm)
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: app.screen is not dialog)

        dialog = await open_form(pilot, EventForm)
        assert shown_value(dialog, "at") == ""  # no events yet: nothing to offer
        await ui.type_text(pilot, "noonish")
        assert "is not a time" in ui.row_error(app, "dialog-at")
        await pilot.press("enter")  # enter in a one-line field submits: refused
        await pilot.pause()
        assert app.screen is dialog

        await pilot.press("tab")
        await ui.type_text(pilot, "Paged")
        await pilot.press("shift+tab", "home", "ctrl+k")
        await ui.type_text(pilot, "9:15")
        await ui.choose(pilot, "dialog-kind", "detection")
        await ui.focus_field(pilot, "dialog-at")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog
        [event] = app.document.timeline
        assert event.at == datetime.fromisoformat("2026-03-02T09:15:00-05:00")
        assert event.at.utcoffset() == timedelta(hours=-5)
        assert (event.event, event.kind.value) == ("Paged", "detection")
        assert ui.table_rows(app, "timeline-table")[0]["Time"] == "09:15"


async def test_moving_the_detected_milestone_updates_the_metrics(ui, example_app):
    app = example_app()
    doc = app.document
    old_detected = doc.milestone_event(Milestone.DETECTED)
    assert old_detected is not None
    assert compute_metrics(doc).time_to_detect == timedelta(minutes=11)
    target = next(i for i, e in enumerate(doc.timeline) if e.at.isoformat() == "2026-02-12T19:21:00+01:00")
    async with app.run_test(size=WIDE) as pilot:
        await ui.go_to(pilot, "timeline")
        metrics = app.screen.query_one("#timeline-metrics", Static)
        assert "Time to detect 11m" in str(metrics.render())
        await pilot.press(*["down"] * target, "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, EventForm)
        assert shown_value(dialog, "at") == "19:21"
        await ui.choose(pilot, "dialog-milestone", "detected")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen is not dialog

        moved = doc.timeline[target]
        assert moved.milestone is Milestone.DETECTED
        assert moved.at.isoformat() == "2026-02-12T19:21:00+01:00"
        assert old_detected.milestone is None
        assert compute_metrics(doc).time_to_detect == timedelta(minutes=13)
        assert "Time to detect 13m" in str(metrics.render())
        milestones = [row["Milestone"] for row in ui.table_rows(app, "timeline-table")]
        assert milestones[target] == "detected"
        assert milestones.count("detected") == 1

        # An event recorded in UTC keeps its offset when another field is edited.
        utc = next(i for i, e in enumerate(doc.timeline) if e.at.utcoffset() == timedelta(0))
        original = doc.timeline[utc]
        await pilot.press(*["down" if utc > target else "up"] * abs(utc - target), "enter")
        await pilot.pause()
        assert isinstance(app.screen, EventForm)
        await ui.focus_field(pilot, "dialog-actor")
        await pilot.press("end")
        await ui.type_text(pilot, " desk")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert doc.timeline[utc].actor == original.actor + " desk"
        assert doc.timeline[utc].at == original.at
        assert doc.timeline[utc].at.utcoffset() == timedelta(0)

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load(app.path) == doc


async def test_deleting_an_event_asks_first(ui, small_app):
    app = small_app(timeline=[(9, "Deploy"), (10, "Alert"), (11, "Fixed")])
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.press("down", "delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "event at 10:00 (Alert)" in str(dialog.query_one("#confirm-question", Static).render())

        await pilot.click("#answer-cancel")
        await pilot.pause()
        assert app.screen is not dialog
        assert [e.event for e in app.document.timeline] == ["Deploy", "Alert", "Fixed"]
        assert not app.unsaved

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert [e.event for e in app.document.timeline] == ["Deploy", "Alert", "Fixed"]

        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#answer-delete")
        await pilot.pause()
        assert [e.event for e in app.document.timeline] == ["Deploy", "Fixed"]
        assert [row["Event"] for row in ui.table_rows(app, "timeline-table")] == ["Deploy", "Fixed"]
        assert app.unsaved


# Action items


async def test_typing_in_a_long_field_adds_to_the_end_of_its_text(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        app.screen.query_one("#actions-table").focus()
        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ActionForm)
        area = await ui.focus_field(pilot, "dialog-action")
        assert isinstance(area, TextArea)
        await ui.type_text(pilot, ", checked weekly")
        assert area.text == dialog.initial.action + ", checked weekly"


async def test_adding_an_action_item_and_saving_it(ui, example_app):
    app = example_app()
    count = len(app.document.actions)
    async with app.run_test(size=WIDE) as pilot:
        await ui.go_to(pilot, "actions")
        dialog = await open_form(pilot, ActionForm)
        assert shown_value(dialog, "id") == f"A{count + 1}"
        await ui.type_text(pilot, "Alert on pool wait")  # the form opens on the action, after its id
        await ui.focus_field(pilot, "dialog-owner")
        await ui.type_text(pilot, "SRE team")
        await pilot.press("tab")
        await ui.type_text(pilot, "2026-02-30")
        await pilot.press("enter")  # refused: no such day
        await pilot.pause()
        assert app.screen is dialog
        assert "use a date like" in ui.row_error(app, "dialog-due")
        await pilot.press("end", "backspace", "backspace")
        await ui.type_text(pilot, "28")
        assert ui.row_error(app, "dialog-due") == ""

        await ui.choose(pilot, "dialog-horizon", "short-term")
        # Tick F2 and F5 in the factor list.
        factors = await ui.focus_field(pilot, "dialog-factors")
        assert isinstance(factors, SelectionList)
        await pilot.press("home", "down", "space", "down", "down", "down", "space")
        assert factors.selected == ["F2", "F5"]
        await pilot.click("#dialog-ok")
        await pilot.pause()
        assert app.screen is not dialog

        item = app.document.actions[-1]
        assert len(app.document.actions) == count + 1
        assert item.id == f"A{count + 1}"
        assert item.action == "Alert on pool wait"
        assert item.owner == "SRE team"
        assert item.due == date(2026, 2, 28)
        assert item.horizon is Horizon.SHORT_TERM
        assert item.status is ActionStatus.OPEN
        assert item.factors == ["F2", "F5"]
        row = ui.table_rows(app, "actions-table")[-1]
        shown = (row["ID"], row["Owner"], row["Due"], row["Horizon"])
        assert shown == (item.id, "SRE team", "2026-02-28", "short-term")
        assert app.focused is app.screen.query_one("#actions-table")

        await pilot.press("ctrl+s")
        await pilot.pause()
        reloaded = load(app.path)
        assert reloaded == app.document
        assert reloaded.actions[-1] == item


async def test_an_action_needs_its_text(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        dialog = await open_form(pilot, ActionForm)
        assert shown_value(dialog, "id") == "A1"
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen is dialog
        assert ui.row_error(app, "dialog-action") == "required"
        assert app.document.actions == []


# Contributing factors


async def test_factor_areas_are_limited_to_the_chosen_category(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "factors")
        dialog = await open_form(pilot, FactorForm)
        assert shown_value(dialog, "id") == "F1"
        assert ui.field_row(app, "dialog-category").raw_value() is Category.TECHNICAL  # the table under the cursor
        assert await ui.menu_prompts(pilot, "dialog-area") == [a.value for a in AREAS_BY_CATEGORY[Category.TECHNICAL]]
        help_line = dialog.query_one("#dialog-area .field-help", Static)
        assert CATEGORY_QUESTIONS[Category.TECHNICAL] in str(help_line.render())

        await ui.choose(pilot, "dialog-area", "config")
        assert AREA_QUESTIONS[Area.CONFIG] in str(help_line.render())

        # Another category: its own areas, and the technical area is dropped.
        await ui.choose(pilot, "dialog-category", "process")
        assert await ui.menu_prompts(pilot, "dialog-area") == [a.value for a in AREAS_BY_CATEGORY[Category.PROCESS]]
        assert ui.field_row(app, "dialog-area").raw_value() is None
        assert CATEGORY_QUESTIONS[Category.PROCESS] in str(help_line.render())

        await ui.choose(pilot, "dialog-area", "monitoring")
        await ui.focus_field(pilot, "dialog-title")
        await ui.type_text(pilot, "No pool alert")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog

        [factor] = app.document.factors
        assert (factor.id, factor.title, factor.category, factor.area) == (
            "F1",
            "No pool alert",
            Category.PROCESS,
            Area.MONITORING,
        )
        assert [row["Title"] for row in ui.table_rows(app, "factors-process")] == ["No pool alert"]
        assert ui.table_rows(app, "factors-technical") == []
        assert app.focused is app.screen.query_one("#factors-process")

        # The next factor starts in the category of the table under the cursor.
        dialog = await open_form(pilot, FactorForm)
        assert shown_value(dialog, "id") == "F2"
        assert ui.field_row(app, "dialog-category").raw_value() is Category.PROCESS
        assert await ui.menu_prompts(pilot, "dialog-area") == [a.value for a in AREAS_BY_CATEGORY[Category.PROCESS]]


# Five whys


def why_text(app, chain: int, step: int, part: str) -> str:
    return app.screen.query_one(f"#field-whys-{chain}-steps-{step}-{part} TextArea", TextArea).text


async def test_each_new_why_leaves_its_question_to_the_author(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "whys")
        whys = app.document.whys
        assert app.focused is app.screen.query_one("#field-whys-0-problem TextArea")

        await pilot.press("ctrl+t")
        await pilot.pause()
        assert whys[0].steps[0].why == "" == why_text(app, 0, 0, "why")
        assert app.focused is app.screen.query_one("#field-whys-0-steps-0-because TextArea")

        await ui.type_text(pilot, "Disk full")
        assert whys[0].steps[0].because == "Disk full"
        # The findings the checks show once typing pauses move the button down: click it where it settles.
        await ui.wait_until(pilot, lambda: not app.pause_due)
        await pilot.pause()
        await pilot.click("#add-step-0")
        # The button's handler adds the step to the chain: wait for it on a busy machine.
        await ui.wait_until(pilot, lambda: len(whys[0].steps) == 2 and app.screen.query("#field-whys-0-steps-1-why"))
        assert [s.why for s in whys[0].steps] == ["", ""]
        assert why_text(app, 0, 1, "why") == ""
        await ui.type_text(pilot, "Logs were never rotated")
        assert whys[0].steps[1].because == "Logs were never rotated"

        # A new chain starts from its own problem.
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert len(whys) == 2
        assert app.focused is app.screen.query_one("#field-whys-1-problem TextArea")
        await ui.type_text(pilot, "Slow page")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert whys[1].problem == "Slow page"
        assert [s.why for s in whys[1].steps] == [""]
        assert len(whys[0].steps) == 2
        # A why with neither question nor answer is left out of the file: this one gets its answer.
        await ui.type_text(pilot, "The cache was cold")
        assert whys[1].steps[0].because == "The cache was cold"

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert load(app.path) == app.document


# A small terminal


async def test_every_form_fits_in_80_by_24(ui, example_app):
    app = example_app()  # nine factors to tick make the action form tall
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen.region
        for step_id, dialog_type in (("timeline", EventForm), ("factors", FactorForm), ("actions", ActionForm)):
            await ui.go_to(pilot, step_id)
            dialog = await open_form(pilot, dialog_type)
            # The focused first field and both buttons are on screen, the fields scroll between.
            assert screen.contains_region(app.focused.region)
            assert screen.contains_region(dialog.query_one("#dialog-ok").region)
            assert screen.contains_region(dialog.query_one("#dialog-cancel").region)
            await pilot.press("escape")
            await pilot.pause()


async def test_add_forms_open_on_the_field_the_author_fills_not_the_prefilled_id(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        for step_id, field in (("actions", "action"), ("factors", "title"), ("timeline", "at")):
            await ui.go_to(pilot, step_id)
            await pilot.press("a")
            await ui.wait_until(pilot, lambda: isinstance(app.screen, RecordForm))
            await ui.wait_until(pilot, lambda field=field: app.focused is ui.field_row(app, f"dialog-{field}").control)
            await pilot.press("escape")
            await ui.wait_until(pilot, lambda: not isinstance(app.screen, RecordForm))


async def test_escape_on_a_filled_form_can_still_save_it(ui, example_app):
    app = example_app()
    count = len(app.document.actions)
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        dialog = await open_form(pilot, ActionForm)
        await ui.type_text(pilot, "Alert when checkout pool wait exceeds 200 ms for 5 minutes")
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#answer-save")
        await ui.wait_until(pilot, lambda: app.screen is not dialog and not isinstance(app.screen, ConfirmDialog))
        assert len(app.document.actions) == count + 1
        assert app.document.actions[-1].action == "Alert when checkout pool wait exceeds 200 ms for 5 minutes"


async def test_a_form_opened_again_shows_only_what_it_opens_with(ui, example_app):
    """The form is built once per app and refilled: nothing of the last record, typed text or error stays."""
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        first = await open_form(pilot, ActionForm)
        await ui.type_text(pilot, "Alert on pool wait")
        await ui.focus_field(pilot, "dialog-due")
        await ui.type_text(pilot, "soon")
        assert "use a date like" in ui.row_error(app, "dialog-due")
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#answer-discard")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, (ActionForm, ConfirmDialog)))

        # Edit A2: its values, its review findings, nothing typed before, no undo into the last text.
        table = app.screen.query_one("#actions-table")
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ActionForm) and app.focused is not None)
        assert app.screen is first
        item = app.document.actions[1]
        assert first.dialog_title == "Edit action item"
        assert shown_value(first, "id") == item.id
        assert ui.field_row(app, "dialog-action").raw_value() == item.action
        assert ui.field_row(app, "dialog-due").raw_value() == (item.due.isoformat() if item.due else "")
        assert ui.row_error(app, "dialog-due") == ""
        assert app.focused is ui.field_row(app, "dialog-action").control
        await pilot.press("ctrl+z")
        assert ui.field_row(app, "dialog-action").raw_value() == item.action
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        assert app.document.actions[1] == item

        # A factor added since is offered; a new action gets the next id and the defaults.
        count = len(app.document.actions)
        await ui.go_to(pilot, "factors")
        await pilot.press("a")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, FactorForm) and app.focused is not None)
        await ui.type_text(pilot, "No load test before the pool change")
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, FactorForm))
        new_factor = app.document.factors[-1].id
        await ui.go_to(pilot, "actions")
        again = await open_form(pilot, ActionForm)
        assert again is first
        assert shown_value(again, "id") == f"A{count + 1}"
        assert ui.field_row(app, "dialog-action").raw_value() == ""
        factors = ui.field_row(app, "dialog-factors").control
        assert isinstance(factors, SelectionList)
        assert factors.selected == []
        assert factors.get_option_at_index(factors.option_count - 1).value == new_factor
        await ui.type_text(pilot, "Load test pool changes")
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        added = app.document.actions[-1]
        assert (added.id, added.action, added.due, added.factors) == (
            f"A{count + 1}",
            "Load test pool changes",
            None,
            [],
        )


async def test_a_form_opened_again_after_a_theme_change_wears_the_new_theme(ui, example_app):
    """The form is not restyled on every open, but it is after the theme changed while it was closed."""
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        form = await open_form(pilot, ActionForm)
        before = form.query_one("#dialog").styles.background
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        again = await open_form(pilot, ActionForm)
        assert again is form
        after = form.query_one("#dialog").styles.background
        assert after != before
        assert after == app.current_theme.to_color_system().surface


async def test_typing_over_a_prefilled_time_replaces_it(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await open_form(pilot, EventForm)
        row = ui.field_row(app, "dialog-at")
        assert row.raw_value() != ""  # the time of the event the cursor is on
        await ui.type_text(pilot, "18:00")
        assert row.raw_value() == "18:00"
