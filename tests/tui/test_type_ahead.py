"""Type-ahead: keys sent all at once, before the app has handled the first, land where the author meant them.

A dialog, a step or a new why chain takes a moment to build; the keys typed
meanwhile wait for the field that will have the focus, and a key bound to a
command runs before the keys typed after it are read.
"""

from __future__ import annotations

from datetime import date

from postmortem.models.document import Verification
from postmortem.models.enums import VerificationResult
from postmortem.screens.dialogs.action_form import ActionForm


async def test_an_action_typed_straight_after_a_fills_its_own_fields(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        await ui.burst(
            pilot,
            "a",
            "Alert when replica lag exceeds 30 s",
            "<tab>",
            "Database team",
            "<ctrl+j>",
            "a",
            "Rehearse the failover each quarter",
            "<ctrl+j>",
        )
        await ui.wait_until(pilot, lambda: len(app.document.actions) == 2)
        first, second = app.document.actions
        assert (first.id, first.action, first.owner) == ("A1", "Alert when replica lag exceeds 30 s", "Database team")
        assert (second.id, second.action, second.owner) == ("A2", "Rehearse the failover each quarter", "")
        assert not isinstance(app.screen, ActionForm)


async def test_a_done_day_and_a_verification_typed_in_one_burst_land_in_their_fields(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        await ui.burst(
            pilot,
            "a",
            "Rehearse the failover each quarter",
            *["<tab>"] * 11,  # past the plan's fields to the done day
            "2026-03-20",
            "<tab>",
            "2026-04-15",
            "<tab>",
            "<enter>",  # the result's menu: the keys after it find "did not work"
            "did",
            "<enter>",
            "<tab>",
            "Failover drill on staging",
            "<ctrl+j>",
        )
        await ui.wait_until(pilot, lambda: len(app.document.actions) == 1)
        (item,) = app.document.actions
        assert (item.action, item.owner, item.completed) == (
            "Rehearse the failover each quarter",
            "",
            date(2026, 3, 20),
        )
        assert item.verification == Verification(
            checked=date(2026, 4, 15), result=VerificationResult.DID_NOT, note="Failover drill on staging"
        )
        assert not isinstance(app.screen, ActionForm)
        # The steps built ahead at quiet moments are done before the app closes: a step still being
        # mounted while it closes can find its children gone (seen on a loaded machine).
        await ui.wait_until(pilot, lambda: not app.quiet_work.pending, seconds=30)


async def test_a_typed_on_arriving_at_the_step_opens_its_form_while_it_is_still_being_built(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await ui.burst(pilot, *["<ctrl+pagedown>"] * 5, "a", "Page the database owner on lag", "<ctrl+j>")
        await ui.wait_until(pilot, lambda: len(app.document.actions) == 1)
        assert app.document.actions[0].action == "Page the database owner on lag"
        assert ui.shown_step(app) == "step-actions"


async def test_text_typed_straight_after_ctrl_r_starts_the_new_chain(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "whys")
        first_problem = app.document.whys[0].problem
        await ui.burst(pilot, "<ctrl+r>", "Checkout requests timed out", "<ctrl+t>", "The pool was full")
        await ui.wait_until(pilot, lambda: len(app.document.whys) == 2 and app.document.whys[1].steps)
        await ui.wait_until(pilot, lambda: app.document.whys[1].steps[0].because == "The pool was full")
        assert app.document.whys[1].problem == "Checkout requests timed out"
        assert app.document.whys[0].problem == first_problem


async def test_a_held_alt_n_moves_steps_and_types_nothing(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        title = app.document.meta.title
        await ui.burst(pilot, "<alt+n>", "<alt+n>", "<alt+n>", "<alt+p>", "<alt+p>", "about 12%")
        await ui.wait_until(pilot, lambda: app.document.impact.users_affected == "about 12%")
        assert ui.shown_step(app) == "step-impact"
        assert app.document.meta.title == title


async def test_alt_keys_without_a_binding_type_nothing_into_a_form(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        await ui.burst(pilot, "a", "Fix", "<alt+x>", "<alt+n>", "es")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, ActionForm))
        form = app.screen
        await ui.wait_until(pilot, lambda: form.query_one("#dialog-action TextArea").text == "Fixes")


async def test_ctrl_s_straight_after_typing_saves_every_key(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await ui.burst(pilot, "<end>", " in the eu-west region", "<ctrl+s>")
        await ui.wait_until(pilot, lambda: "eu-west" in app.path.read_text(encoding="utf-8"))
        assert 'title = "Database failover in the eu-west region"' in app.path.read_text(encoding="utf-8")
