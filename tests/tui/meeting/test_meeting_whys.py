"""The review meeting's Five whys section: a why without a question of its own shows its answer on the
label's line, with no blank line where the question would be."""

from __future__ import annotations

from textual.widgets import ContentSwitcher

from postmortem.models.document import WhyStep
from postmortem.models.store import load
from postmortem.screens.widgets.label_rows import LabelRows
from postmortem.tui.meeting_app import MeetingApp


def drawn_lines(rows: LabelRows) -> list[str]:
    """The lines the rows draw, as plain text with the right margin trimmed."""
    return ["".join(segment.text for segment in rows.render_line(y)).rstrip() for y in range(rows.size.height)]


async def test_a_why_without_a_question_shows_just_its_answer(ui, write_example, clock, review_day):
    path = write_example("checkout.toml")
    doc = load(path)
    chain = doc.whys[0]
    chain.steps[1].why = ""
    chain.steps.append(WhyStep(why="  ", because="Nobody owns the chart's compatibility"))
    app = MeetingApp(doc, path, clock=clock, today=review_day)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await ui.wait_until(pilot, lambda: app.screen.query_one("#sections", ContentSwitcher).current == "section-whys")
        section = app.screen.section
        await ui.wait_until(pilot, lambda: section.query(LabelRows) and section.query(LabelRows).first().size.height)
        lines = drawn_lines(section.query(LabelRows).first())

        def line_of(label: str) -> int:
            return next(y for y, line in enumerate(lines) if line.startswith(label))

        # A why with its question: the question on the label's line, the answer under it.
        first = line_of("why 1?")
        assert chain.steps[0].why in lines[first] and lines[first + 1].lstrip().startswith("→ Requests waited")
        # Without one: the answer on the label's line, and the next why straight after the answer's lines.
        second, third = line_of("why 2?"), line_of("why 3?")
        assert lines[second].removeprefix("why 2?").lstrip().startswith("→ Each pod had 10 connections")
        assert all(line.strip() for line in lines[second:third])
        last = line_of(f"why {len(chain.steps)}?")
        assert lines[last].endswith("→ Nobody owns the chart's compatibility")
