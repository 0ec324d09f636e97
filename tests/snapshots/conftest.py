"""The snapshot tests' one way to wait for a screen to be drawn as it will stay."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea


async def settle(pilot: Pilot) -> None:
    """Wait until the screen is drawn as it will stay, with every cursor blink off (a screenshot must not
    depend on timing). Fields that size themselves to their wrapped text settle over a few refreshes,
    later on a loaded machine: settled means every text area on screen is wrapped at its present width, every
    table has measured its rows, and two refreshes in a row draw the same picture."""
    previous = None
    while True:
        areas = list(pilot.app.screen.query(TextArea))
        for widget in [*areas, *pilot.app.screen.query(Input)]:
            assert isinstance(widget, (Input, TextArea))
            widget.cursor_blink = False
        await pilot.wait_for_scheduled_animations()
        await pilot.app.screen.wait_for_refresh()
        shown = pilot.app.export_screenshot()
        shown_areas = [area for area in areas if area.region]  # those of hidden steps keep their old width
        # A table measures its new rows when it is next idle: until then its height and scrollbar are old.
        tables = [table for table in pilot.app.screen.query(DataTable) if table.region]
        measuring = any(table._require_update_dimensions or table._updated_cells for table in tables)
        if (
            shown == previous
            and not measuring
            and all(area.wrapped_document._width == area.wrap_width for area in shown_areas)
        ):
            return
        previous = shown


@pytest.fixture(scope="session")
def settled() -> Callable[[Pilot], Awaitable[None]]:
    """``await settled(pilot)`` before a screenshot."""
    return settle
