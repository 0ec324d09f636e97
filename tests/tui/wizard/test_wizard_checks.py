"""Pilot tests for the review checks in the wizard: findings by the fields, counts, the Review list, the final gate."""

from __future__ import annotations

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import OptionList, Select, Static, TextArea

import postmortem.screens.wizard.screen
from postmortem.models.checks import run_checks
from postmortem.models.document import ActionItem
from postmortem.models.enums import Status
from postmortem.screens.widgets.record_table import RecordTable


def finding_text(ui, pilot: Pilot, row_id: str) -> str:
    lines = ui.field_row(pilot.app, row_id).query(".field-finding")
    return str(lines.first(Static).render()) if lines and lines.first().display else ""


def step_label(pilot: Pilot, step_id: str) -> str:
    step_list = pilot.app.screen.query_one("#step-list", OptionList)
    return str(step_list.get_option(step_id).prompt)


def plain(prompt: object) -> str:
    return Content.from_markup(str(prompt)).plain


async def test_a_finding_appears_under_the_field_once_typing_pauses(monkeypatch, ui, small_app):
    calls = []

    def counted(document, today=None):
        calls.append(1)
        return run_checks(document, today)

    monkeypatch.setattr(postmortem.screens.wizard.screen, "run_checks", counted)
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await ui.focus_field(pilot, "field-summary-root-cause")
        before = len(calls)
        await ui.type_text(pilot, "Human error by the operator on shift.")
        # The checks run once typing has paused for their delay; wait until their finding is drawn.
        await ui.wait_until(
            pilot,
            lambda: finding_text(ui, pilot, "field-summary-root-cause") and step_label(pilot, "summary").endswith(" 1"),
        )
        assert len(calls) - before <= 3  # debounced: not once a key
        assert finding_text(ui, pilot, "field-summary-root-cause").startswith(
            '✖ "Human error" names human error as a cause'
        )
        assert step_label(pilot, "summary").endswith(" 1")
        # Rewording clears it.
        area = app.focused
        assert isinstance(area, TextArea)
        area.clear()
        await ui.type_text(pilot, "A console action had no confirmation step.")
        await ui.wait_until(
            pilot,
            lambda: (
                not finding_text(ui, pilot, "field-summary-root-cause")
                and not step_label(pilot, "summary").endswith(" 1")
            ),
        )
        assert finding_text(ui, pilot, "field-summary-root-cause") == ""
        assert not step_label(pilot, "summary").endswith(" 1")


async def test_the_step_list_counts_errors_and_warnings_per_step(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        assert step_label(pilot, "actions").endswith("✓ 1")  # one action a day overdue on the review day
        assert step_label(pilot, "summary").endswith("✓")


async def test_review_lists_findings_and_enter_goes_to_the_field(ui, small_app):
    app = small_app()
    app.document.summary.root_cause = "Dave deleted the table."
    app.document.actions.append(ActionItem(id="A1", action="Add a CI check for pool sizes below 20"))
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "review")
        findings = app.screen.query_one("#review-findings", OptionList)
        assert app.focused is findings
        prompts = [plain(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        assert prompts[0] == ('✖ Summary & details · summary.root_cause: "Dave deleted" names a person as the cause')
        assert "⚠ Action items · actions[0].owner: the action has no owner" in prompts
        await pilot.press("enter")
        await pilot.pause()
        assert ui.shown_step(app) == "step-summary"
        assert app.focused is ui.field_row(app, "field-summary-root-cause").control
        # A finding about a record goes to its row in the table.
        await ui.go_to(pilot, "review")
        findings = app.screen.query_one("#review-findings", OptionList)
        findings.highlighted = prompts.index("⚠ Action items · actions[0].owner: the action has no owner")
        await pilot.press("enter")
        await pilot.pause()
        assert ui.shown_step(app) == "step-actions"
        table = app.screen.query_one("#actions-table", RecordTable)
        assert app.focused is table and table.current_key() == "0"
        strip = app.screen.query_one("#step-actions .findings-strip Static", Static)
        assert str(strip.render()).startswith("▸ ")  # several findings: folded into a count
        await pilot.press("f")  # the table has the focus: f unfolds them
        assert "⚠ A1 owner: the action has no owner" in str(strip.render()).splitlines()
        detail = str(app.screen.query_one("#actions-detail Static", Static).render())
        assert "the action has no owner" in detail


async def test_final_is_refused_while_errors_remain(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await ui.focus_field(pilot, "field-meta-status")
        await pilot.press("enter")
        await ui.type_text(pilot, "final")
        await pilot.press("enter")
        await pilot.pause()
        assert app.document.meta.status == Status.DRAFT
        select = ui.field_row(app, "field-meta-status").control
        assert isinstance(select, Select) and select.value == Status.DRAFT
        (note,) = [n for n in app._notifications if n.title == "Not final yet"]
        assert "errors remain" in note.message and "Review step" in note.message


async def test_final_is_accepted_when_nothing_blocks_it(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        await ui.choose(pilot, "field-meta-status", "final")
        await pilot.pause()
        assert app.document.meta.status == Status.FINAL
        assert not [n for n in app._notifications if n.title == "Not final yet"]


async def test_forms_show_the_findings_about_their_record_as_the_author_types(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        await pilot.press("a")
        await pilot.pause()
        await ui.focus_field(pilot, "dialog-action")
        await ui.type_text(pilot, "Improve monitoring")
        await pilot.pause()
        assert finding_text(ui, pilot, "dialog-action").startswith("⚠ the action is not specific")
        assert finding_text(ui, pilot, "dialog-owner").startswith("⚠ the action has no owner")
        await ui.type_text(pilot, " with an alert on pool saturation above 80% for the checkout-api pods")
        await pilot.pause()
        assert finding_text(ui, pilot, "dialog-action") == ""
