"""Tick boxes read ticked or not by their shape: a tick, or an empty box (not only another colour)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from postmortem.screens.widgets.ticks import TickBox, TickList


class TicksApp(App[None]):
    def compose(self) -> ComposeResult:
        yield TickBox("Agreed in review", value=True, id="agreed")
        yield TickList(("F1  Pool too small", "F1", True), ("F2  No load test", "F2"), id="factors")


def line_text(widget, y: int = 0) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def test_a_box_shows_a_tick_when_ticked_and_an_empty_box_when_not():
    app = TicksApp()
    async with app.run_test() as pilot:
        box = app.query_one(TickBox)
        assert "▐✓▌" in str(box.render())
        box.focus()
        await pilot.press("space")
        assert not box.value
        assert "▐ ▌" in str(box.render()) and "X" not in str(box.render())
        await pilot.press("space")
        assert box.value and "▐✓▌" in str(box.render())


async def test_a_list_shows_which_options_are_ticked_by_shape():
    app = TicksApp()
    async with app.run_test() as pilot:
        factors = app.query_one(TickList)
        await pilot.pause()
        assert line_text(factors, 0).startswith("▐✓▌ F1")
        assert line_text(factors, 1).startswith("▐ ▌ F2")
        factors.focus()
        await pilot.press("down", "space")  # F2 highlighted, then ticked
        await pilot.pause()
        assert factors.selected == ["F1", "F2"]
        assert line_text(factors, 1).startswith("▐✓▌ F2")
