"""The findings strip: findings given before it is composed are not lost (a step still being built)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from postmortem.screens.widgets.findings import FindingsStrip


class StripApp(App[None]):
    def __init__(self, strip: FindingsStrip) -> None:
        super().__init__()
        self.strip = strip

    def compose(self) -> ComposeResult:
        yield self.strip


async def test_findings_shown_before_the_strip_is_composed_appear_once_it_is():
    strip = FindingsStrip()
    strip.show(["Impact: no figure for the users affected", "Timeline: no detection milestone"])
    async with StripApp(strip).run_test() as pilot:
        await pilot.pause()
        assert strip.display
        text = str(strip.query_one(Static).render())
        assert text == "Impact: no figure for the users affected\nTimeline: no detection milestone"
        strip.show([])
        assert not strip.display
        assert str(strip.query_one(Static).render()) == ""
