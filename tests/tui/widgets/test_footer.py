"""The footer: the keys that work where the focus is, whole or not at all, and clickable."""

from __future__ import annotations

from postmortem.screens.dialogs.event_form import EventForm
from postmortem.screens.widgets.footer import KeysFooter


def footer_line(app) -> str:
    return str(app.screen.query_one(KeysFooter).render())


async def test_the_footer_follows_the_step_and_runs_a_clicked_key(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        assert "a Add" not in footer_line(app)
        await ui.go_to(pilot, "timeline")
        line = footer_line(app)
        assert "a Add" in line and "i Import" in line
        assert line.rstrip().endswith("▏^p palette")
        await pilot.click(KeysFooter, offset=(line.index("a Add") + 2, 0))
        await ui.wait_until(pilot, lambda: isinstance(app.screen, EventForm))


async def test_at_80_columns_every_key_shows_and_the_palette_makes_room(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "timeline")
        footer = app.screen.query_one(KeysFooter)
        line = footer_line(app)
        assert len(line) <= 80
        assert all(f"{entry.display} {entry.description}" in line for entry in footer._entries)
        assert "^s Save" in line and "palette" not in line


async def test_keys_that_do_not_fit_are_left_out_whole(ui, example_app):
    app = example_app()
    async with app.run_test(size=(60, 24)) as pilot:  # the smallest terminal the app works in
        await ui.go_to(pilot, "timeline")
        footer = app.screen.query_one(KeysFooter)
        line = footer_line(app)
        assert len(line) <= 60
        shown = [entry for entry in footer._entries if f"{entry.display} {entry.description}" in line]
        assert shown and len(shown) < len(footer._entries)
        drawn = "".join(f"{entry.display} {entry.description} " for entry in shown)
        assert line.rstrip() == drawn.rstrip()  # nothing cut in the middle of a word


async def test_pointing_at_a_key_lights_it_and_shows_what_it_does(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        footer = app.screen.query_one(KeysFooter)
        line = footer_line(app)
        await pilot.hover(KeysFooter, offset=(line.index("i Import"), 0))
        await ui.wait_until(pilot, lambda: footer._hovered is not None)
        assert footer._hovered.description == "Import"
        assert footer.tooltip == "Import evidence files"
        await pilot.hover("#step-list")
        await ui.wait_until(pilot, lambda: footer._hovered is None)
        assert footer.tooltip is None
