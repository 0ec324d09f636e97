"""ctrl+a selects all the text of the field with the focus, so that typing replaces it, also when the keys come
all at once (ui.burst); home still goes to the start of the line."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.dialogs.help import HelpScreen


async def test_ctrl_a_then_typing_replaces_a_long_text_area(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        summary = app.document.summary
        assert len(summary.what_happened) > 300  # several lines of text to replace
        area = await ui.focus_field(pilot, "field-summary-what-happened")
        assert isinstance(area, TextArea)
        await ui.burst(
            pilot, " More later.", "<ctrl+a>", "Checkout slowed", "<enter>", "then failed", "<home>", "At 19:08 "
        )
        await ui.wait_until(pilot, lambda: summary.what_happened == "Checkout slowed\nAt 19:08 then failed")
        assert area.text == summary.what_happened


async def test_ctrl_a_then_typing_replaces_a_one_line_field(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        meta = app.document.meta
        field = await ui.focus_field(pilot, "field-meta-title")
        assert isinstance(field, Input) and len(meta.title) > 40
        await ui.burst(pilot, " (draft)", "<ctrl+a>", "Checkout failed in the sale", "<home>", "Winter: ")
        await ui.wait_until(pilot, lambda: meta.title == "Winter: Checkout failed in the sale")
        assert field.value == meta.title


async def test_ctrl_a_replaces_a_forms_field_typed_straight_after_the_form_opens(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        actions = app.document.actions
        first, others = actions[0].id, [item.action for item in actions[1:]]
        await ui.burst(pilot, "e", "<ctrl+a>", "Alert when a pool runs out of connections", "<ctrl+j>")
        await ui.wait_until(pilot, lambda: actions[0].action == "Alert when a pool runs out of connections")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ActionForm))
        assert actions[0].id == first
        assert [item.action for item in app.document.actions[1:]] == others


async def test_ctrl_a_replaces_what_the_quick_add_line_holds(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await ui.burst(pilot, "q", "09:15 Failover stared", "<ctrl+a>", "09:20 Failover started", "<enter>")
        await ui.wait_until(pilot, lambda: len(app.document.timeline) == 1)
        assert app.document.timeline[0].event == "Failover started"
        assert app.document.timeline[0].at.strftime("%H:%M") == "09:20"


async def test_help_lists_ctrl_a_among_the_keys_of_the_fields(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.focus_field(pilot, "field-summary-what-happened")
        await pilot.press("f1")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        fields = text.split("In the fields")[1]
        assert any(line.startswith("ctrl+a") and "Select all the text" in line for line in fields.splitlines())
