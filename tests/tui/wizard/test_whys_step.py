"""Pilot tests for the Five whys step: a new why starts with an empty question of the author's own, under
the answer it asks about, and keys typed straight after ctrl+t land in the new why."""

from __future__ import annotations

from textual.widgets import TextArea

from postmortem.models.document import WhyStep
from postmortem.screens.wizard.whys import QUESTION_PLACEHOLDER


def why_area(app, chain: int, step: int, part: str) -> TextArea:
    return app.screen.query_one(f"#field-whys-{chain}-steps-{step}-{part} TextArea", TextArea)


async def test_a_new_why_starts_with_an_empty_question_and_takes_what_is_typed_straight_after_ctrl_t(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "whys")
        steps = app.document.whys[0].steps
        # The first why, typed at once: the answer goes to its own field, the question stays empty.
        await ui.burst(pilot, "<ctrl+t>", "Disk full")
        await ui.wait_until(pilot, lambda: steps and steps[0].because == "Disk full")
        assert steps[0].why == "" and why_area(app, 0, 0, "why").text == ""
        assert why_area(app, 0, 0, "why").placeholder == QUESTION_PLACEHOLDER
        assert app.focused is why_area(app, 0, 0, "because")

        # The second why: a question of the author's own (shift+tab goes up to it), then the answer.
        await ui.burst(
            pilot, "<ctrl+t>", "<shift+tab>", "Why did the disk fill up?", "<tab>", "Logs were never rotated"
        )
        await ui.wait_until(pilot, lambda: len(steps) == 2 and steps[1].because == "Logs were never rotated")
        assert [(s.why, s.because) for s in steps] == [
            ("", "Disk full"),
            ("Why did the disk fill up?", "Logs were never rotated"),
        ]
        assert why_area(app, 0, 1, "why").text == "Why did the disk fill up?"

        # A third, with nothing typed: no question is made up from the answer above.
        await ui.burst(pilot, "<ctrl+t>")
        await ui.wait_until(pilot, lambda: len(steps) == 3 and app.screen.query("#field-whys-0-steps-2-why"))
        assert (steps[2].why, why_area(app, 0, 2, "why").text) == ("", "")
        assert not any("disk full" in s.why.lower() or "rotated" in s.why.lower() for s in steps)


async def test_questions_made_from_answers_before_still_show_as_they_were_written(ui, small_app):
    app = small_app()
    app.document.whys[0].steps.append(WhyStep(why="Why writes failed?", because="Disk full"))
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "whys")
        await ui.burst(pilot, "<ctrl+t>", "Logs were never rotated")
        steps = app.document.whys[0].steps
        await ui.wait_until(pilot, lambda: len(steps) == 2 and steps[1].because == "Logs were never rotated")
        assert why_area(app, 0, 0, "why").text == "Why writes failed?" == steps[0].why
        assert steps[1].why == ""


async def test_at_80_by_24_the_new_why_comes_into_view_under_the_answer_it_asks_about(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "whys")
        step = app.screen.query_one("#step-whys")

        async def add_why(chain: int) -> None:
            """Add a why to the chain from its problem, type its answer; the answer above stays on show."""
            count = len(app.document.whys[chain].steps)
            await ui.focus_field(pilot, f"field-whys-{chain}-problem")
            await ui.burst(pilot, "<ctrl+t>", f"answer {chain}")
            await ui.wait_until(pilot, lambda: app.document.whys[chain].steps[-1].because == f"answer {chain}")
            above = ui.field_row(app, f"field-whys-{chain}-steps-{count - 1}-because")
            question = ui.field_row(app, f"field-whys-{chain}-steps-{count}-why")
            answer = ui.field_row(app, f"field-whys-{chain}-steps-{count}-because")
            assert above.region.bottom < question.region.y  # straight above the new question
            assert question.control.content_size.width >= len(QUESTION_PLACEHOLDER)  # all of it on show
            window = step.scrollable_content_region
            await ui.wait_until(
                pilot, lambda: all(window.contains_region(row.region) for row in (above, question, answer))
            )

        await add_why(0)
        await add_why(1)
