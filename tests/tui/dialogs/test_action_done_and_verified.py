"""Pilot tests for what the action form records after the plan: the day an action was done and its verification.

The verification is one table in the file (``[actions.verification]``) and three fields in the form: the day
it was checked, the result (shown in words, kept as the file's values) and how it was checked.
"""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Select, Static

from postmortem.models.document import ActionItem, Verification
from postmortem.models.enums import ActionStatus, VerificationResult
from postmortem.models.store import load
from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.widgets.fields import FieldRow


async def open_add_form(ui, pilot: Pilot) -> ActionForm:
    await ui.go_to(pilot, "actions")
    await pilot.press("a")
    await ui.wait_until(pilot, lambda: isinstance(pilot.app.screen, ActionForm) and pilot.app.focused is not None)
    form = pilot.app.screen
    assert isinstance(form, ActionForm)
    return form


async def choose_result(ui, pilot: Pilot, typed: str) -> Select:
    """Open the verification's menu, type the start of a result's words, press enter."""
    select = await ui.focus_field(pilot, "dialog-verification")
    assert isinstance(select, Select)
    await pilot.press("enter")
    await ui.type_text(pilot, typed)
    await pilot.press("enter")
    await pilot.pause()
    return select


def problems_line(form: ActionForm) -> str:
    return str(form.query_one("#dialog-problems", Static).render())


async def test_the_result_is_offered_in_plain_words(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await open_add_form(ui, pilot)
        assert await ui.menu_prompts(pilot, "dialog-verification") == ["worked", "partly worked", "did not work"]
        labels = [str(row.query_one(".field-label").render()) for row in app.screen.query(FieldRow)][-4:]
        assert labels == ["Done on", "Verified on", "Verification", "How it was checked"]


async def test_done_day_and_verification_are_saved_to_the_file_and_shown_again(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        form = await open_add_form(ui, pilot)
        await ui.type_text(pilot, "Rehearse the database failover each quarter")
        await ui.focus_field(pilot, "dialog-completed")
        await ui.type_text(pilot, "2026-03-20")
        await ui.focus_field(pilot, "dialog-verification_checked")
        await ui.type_text(pilot, "2026-04-15")
        select = await choose_result(ui, pilot, "part")
        assert select.value is VerificationResult.PARTLY
        assert "partly worked" in str(select.query_one("SelectCurrent Static#label").render())
        await ui.focus_field(pilot, "dialog-verification_note")
        await ui.type_text(pilot, "Failover drill on staging; the replica took 4 min to catch up")
        assert problems_line(form) == ""
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))

        (item,) = app.document.actions
        assert item.completed == date(2026, 3, 20)
        assert item.verification == Verification(
            checked=date(2026, 4, 15),
            result=VerificationResult.PARTLY,
            note="Failover drill on staging; the replica took 4 min to catch up",
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = app.path.read_text(encoding="utf-8")
        assert "completed = 2026-03-20\n" in text
        assert '[actions.verification]\nchecked = 2026-04-15\nresult = "partly"\n' in text
        assert load(app.path).actions == [item]

        # Opened again, the form shows each part where it was typed; saved unchanged, the item stays equal.
        table = app.screen.query_one("#actions-table")
        table.focus()
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ActionForm) and app.focused is not None)
        shown = {name: ui.field_row(app, f"dialog-{name}").raw_value() for name in form.initial_values()}
        assert shown["completed"] == "2026-03-20"
        assert shown["verification_checked"] == "2026-04-15"
        assert shown["verification"] is VerificationResult.PARTLY
        assert shown["verification_note"] == item.verification.note
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        assert app.document.actions == [item]


async def test_clearing_the_verification_removes_it(ui, small_app):
    app = small_app()
    app.document.actions.append(
        ActionItem(
            id="A1",
            action="Alert on replica lag",
            status=ActionStatus.DONE,
            completed=date(2026, 3, 9),
            verification=Verification(checked=date(2026, 3, 30), result=VerificationResult.WORKED),
        )
    )
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        app.screen.query_one("#actions-table").focus()
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ActionForm) and app.focused is not None)
        await ui.retype(pilot, "dialog-verification_checked", "")
        select = await ui.focus_field(pilot, "dialog-verification")
        assert isinstance(select, Select)
        select.clear()
        await pilot.pause()
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        (item,) = app.document.actions
        assert item.verification is None
        assert item.completed == date(2026, 3, 9)


async def test_a_date_without_a_result_is_said_in_one_line_on_save_and_nothing_typed_is_lost(ui, small_app):
    app = small_app()
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_add_form(ui, pilot)
        await ui.type_text(pilot, "Rehearse the failover")
        await ui.focus_field(pilot, "dialog-verification_checked")
        await ui.type_text(pilot, "2026-04-15")
        await ui.focus_field(pilot, "dialog-verification_note")
        await ui.type_text(pilot, "Failover drill")
        assert problems_line(form) == ""  # not while the author is still filling the verification in
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen is form
        assert app.document.actions == []
        line = form.query_one("#dialog-problems", Static)
        assert problems_line(form) == "A verification needs a result as well as its date."
        assert line.region.height == 1 and app.screen.region.contains_region(line.region)  # on screen at 80x24
        assert ui.field_row(app, "dialog-verification_checked").raw_value() == "2026-04-15"
        assert ui.field_row(app, "dialog-verification_note").raw_value() == "Failover drill"
        assert ui.field_row(app, "dialog-action").raw_value() == "Rehearse the failover"

        # The line stays until the verification is whole, then the form saves.
        await ui.focus_field(pilot, "dialog-completed")
        await ui.type_text(pilot, "2026-04-01")
        assert problems_line(form) == "A verification needs a result as well as its date."
        await choose_result(ui, pilot, "work")
        assert problems_line(form) == ""
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        (item,) = app.document.actions
        assert item.completed == date(2026, 4, 1)
        assert item.verification == Verification(
            checked=date(2026, 4, 15), result=VerificationResult.WORKED, note="Failover drill"
        )


async def test_a_result_without_a_date_is_said_in_one_line_on_save(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        form = await open_add_form(ui, pilot)
        await ui.type_text(pilot, "Rehearse the failover")
        select = await choose_result(ui, pilot, "did")
        assert select.value is VerificationResult.DID_NOT
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen is form
        assert problems_line(form) == "A verification needs a date (Verified on) as well as its result."
        assert select.value is VerificationResult.DID_NOT
        assert app.document.actions == []


async def test_how_it_was_checked_alone_is_not_dropped(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        form = await open_add_form(ui, pilot)
        await ui.type_text(pilot, "Rehearse the failover")
        await ui.focus_field(pilot, "dialog-verification_note")
        await ui.type_text(pilot, "Failover drill")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen is form
        assert problems_line(form) == "A verification needs a date (Verified on) and a result."
        assert app.document.actions == []


async def test_a_done_status_leaves_the_done_day_to_the_author(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        form = await open_add_form(ui, pilot)
        await ui.type_text(pilot, "Rehearse the failover")
        await ui.choose(pilot, "dialog-status", "done")
        assert ui.field_row(app, "dialog-completed").raw_value() == ""
        assert problems_line(form) == ""
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        (item,) = app.document.actions
        assert (item.status, item.completed) == (ActionStatus.DONE, None)


async def test_a_done_day_that_is_no_date_is_refused_like_a_due_date(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        form = await open_add_form(ui, pilot)
        await ui.type_text(pilot, "Rehearse the failover")
        await ui.focus_field(pilot, "dialog-completed")
        await ui.type_text(pilot, "last week")
        assert "use a date like" in ui.row_error(app, "dialog-completed")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.screen is form and app.document.actions == []


async def test_the_last_field_is_reachable_at_80_by_24(ui, example_app):
    app = example_app()  # nine factors to tick make the action form tall
    async with app.run_test(size=(80, 24)) as pilot:
        form = await open_add_form(ui, pilot)
        for _ in range(14):  # from the action to how it was checked, the last field
            await pilot.press("tab")
        note = ui.field_row(app, "dialog-verification_note").control
        assert app.focused is note
        await pilot.pause()
        screen = app.screen.region
        assert screen.contains_region(note.region)
        assert screen.contains_region(form.query_one("#dialog-ok").region)
