"""Shown instead of everything else while the terminal is smaller than the app can use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 60, 20


def too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
    }
    TooSmallScreen Static {
        width: auto;
        max-width: 100%;
        padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show(self.app.size)

    def show(self, size: Size) -> None:
        self.query_one("#too-small", Static).update(
            f"The terminal is {size.width}×{size.height}. postmortem needs at least {MIN_WIDTH}×{MIN_HEIGHT}: "
            "make the window larger or the font smaller. Your work is kept meanwhile; ctrl+q quits."
        )
