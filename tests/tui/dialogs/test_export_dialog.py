"""The Export dialog: format, audience and path, the leak check shown for a public export, and the write."""

from __future__ import annotations

import json

from textual.widgets import Button, Input, Select, Static

from postmortem.screens.dialogs.export import ExportDialog


async def open_export(app, pilot) -> ExportDialog:
    app.action_export()
    await pilot.pause()
    assert isinstance(app.screen, ExportDialog)
    return app.screen


async def test_choosing_a_format_and_an_audience_names_the_file_and_writes_it(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        dialog = await open_export(app, pilot)
        path = dialog.query_one("#export-path", Input)
        assert path.value == str(app.path.with_suffix(".md"))
        dialog.query_one("#export-format", Select).value = "json"
        dialog.query_one("#export-audience", Select).value = "summary"
        await ui.wait_until(pilot, lambda: path.value.endswith("checkout.summary.json"))
        assert not dialog.query_one("#export-leaks-scroll").display  # only a public export is checked
        await pilot.press("ctrl+j")
        target = app.path.with_name("checkout.summary.json")
        await ui.wait_until(pilot, target.exists)
        assert json.loads(target.read_text())["meta"]["title"] == app.document.meta.title
        assert not json.loads(target.read_text())["meta"].get("authors")


async def test_a_public_export_shows_what_the_leak_check_finds_before_writing(ui, example_app):
    app = example_app()
    app.document.summary.what_happened += " The on-call engineer logged in to db-07 at 10.1.2.3."
    async with app.run_test(size=ui.size) as pilot:
        dialog = await open_export(app, pilot)
        dialog.query_one("#export-audience", Select).value = "public"
        leaks = dialog.query_one("#export-leaks", Static)
        shown = dialog.query_one("#export-leaks-scroll")
        await ui.wait_until(pilot, lambda: shown.display and "found 2 things" in str(leaks.render()))
        shown = str(leaks.render())
        assert "a host name: 'db-07'" in shown and "an IP address: '10.1.2.3'" in shown
        assert str(dialog.query_one("#export-ok", Button).label) == "Export anyway"
        path = dialog.query_one("#export-path", Input)
        path.value = "published.md"  # typed by the author: kept, relative to the postmortem's folder
        dialog.query_one("#export-format", Select).value = "markdown"
        await pilot.pause()
        assert path.value == "published.md"
        await pilot.click("#export-ok")
        target = app.path.with_name("published.md")
        await ui.wait_until(pilot, target.exists)
        assert "db-07" in target.read_text() and "Jonas" not in target.read_text()


async def test_escape_closes_the_dialog_and_writes_nothing(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await open_export(app, pilot)
        await pilot.press("escape")
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert not app.path.with_suffix(".md").exists()


async def test_a_choice_typed_in_one_burst_lands_in_the_menu_it_opens(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        dialog = await open_export(app, pilot)
        path = dialog.query_one("#export-path", Input)
        # Open the audience menu, find "public" by typing, take it, open the format menu, find HTML: all at once.
        await ui.burst(pilot, "<tab>", "<enter>", "pub", "<enter>", "<shift+tab>", "<enter>", "htm", "<enter>")
        await ui.wait_until(pilot, lambda: path.value.endswith("checkout.public.html"))
        assert dialog.audience == "public" and dialog.format == "html"


async def test_the_buttons_stay_on_screen_at_80x24_however_much_the_leak_check_finds(ui, example_app):
    app = example_app()
    app.document.summary.what_happened += "\n\n" + "\n".join(f"web{n:02d} at 10.0.0.{n} paged" for n in range(20))
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(app, pilot)
        dialog.query_one("#export-audience", Select).value = "public"
        leaks = dialog.query_one("#export-leaks", Static)
        await ui.wait_until(pilot, lambda: "found 40 things" in str(leaks.render()))
        await pilot.pause()
        for button in ("#export-ok", "#export-cancel"):
            assert dialog.query_one(button).region.bottom <= 24 and dialog.query_one(button).region.height == 3
