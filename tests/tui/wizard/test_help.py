"""Help: F1 anywhere and ? outside a text field open the keys and questions for where the author is;
escape closes it; the palette finds it; ? in a text field is still a ?."""

from __future__ import annotations

from textual.widgets import Input, Static

from postmortem.models.steps import STEP_BY_ID
from postmortem.screens.dialogs.help import HelpScreen
from postmortem.screens.dialogs.record_form import RecordForm


def help_text(app) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


async def test_f1_shows_the_keys_and_questions_of_the_step_and_escape_closes_it(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.press("f1")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = help_text(app)
        assert "Help · Timeline" in text
        for question in STEP_BY_ID["timeline"].questions:
            assert question in text
        # The step's own keys, the wizard's and the app's, with what they do.
        lines = [" ".join(line.split()) for line in text.splitlines()]
        for line in ("a Add one with the form (every field)", "q Type an event as one line", "del / d Delete"):
            assert any(shown.startswith(line) for shown in lines), line
        assert "alt+n / ^pgdn Next" in lines and "^s Save the postmortem file" in lines
        assert "type the first letters of a choice" in text  # how dropdowns search
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen))
        assert ui.shown_step(app) == "step-timeline"


async def test_question_mark_types_in_a_text_field_and_opens_help_elsewhere(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        field = await ui.focus_field(pilot, "field-meta-title")
        assert isinstance(field, Input)
        before = field.value
        await pilot.press("end", "question_mark")
        assert field.value == before + "?"
        assert not isinstance(app.screen, HelpScreen)
        app.screen.query_one("#step-list").focus()
        await pilot.press("question_mark")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "Help · Summary & details" in help_text(app)
        await pilot.press("question_mark")  # again: closes
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen))


async def test_help_on_a_form_lists_its_keys(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        await pilot.press("a")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, RecordForm) and app.focused is not None)
        await pilot.press("f1")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = help_text(app)
        assert "^j" in text and "esc" in text
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, RecordForm))
