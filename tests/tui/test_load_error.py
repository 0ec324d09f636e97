"""The error screen a file that does not load opens on: its problems, and the file shown read-only."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from postmortem.models.errors import DocumentError
from postmortem.models.store import load
from postmortem.tui.load_error import LoadErrorApp


async def test_the_error_screen_lists_the_problems_and_shows_the_file_read_only(fixtures_dir):
    path = fixtures_dir / "bad" / "impossible_date.toml"
    with pytest.raises(DocumentError) as caught:
        load(path)
    app = LoadErrorApp(path, caught.value)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        problems = str(app.query_one("#load-error-problems Static").render())
        assert "line 4, column 17: TOML syntax error" in problems
        area = app.query_one("#load-error-text", TextArea)
        assert not area.display
        await pilot.press("v")
        await pilot.pause()
        assert area.display and area.read_only and app.focused is area
        assert area.cursor_location == (3, 0)  # the line the problem names
        await pilot.press("x")
        assert area.text == path.read_text()
        await pilot.press("q")
    assert app.return_value == 1
