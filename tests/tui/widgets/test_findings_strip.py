"""The findings strip: one finding shown as it is, more folded into a count until unfolded; findings
given before it is composed are not lost (a step still being built)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from postmortem.models.checks import Finding, Level
from postmortem.screens.widgets.findings import FindingsStrip


class StripApp(App[None]):
    def __init__(self, strip: FindingsStrip) -> None:
        super().__init__()
        self.strip = strip

    def compose(self) -> ComposeResult:
        yield self.strip


def finding(level: Level, message: str) -> tuple[Finding, str]:
    return Finding("test.rule", level, "", message), message


def shown(strip: FindingsStrip) -> str:
    return str(strip.query_one(Static).render())


async def test_findings_shown_before_the_strip_is_composed_appear_once_it_is():
    strip = FindingsStrip()
    strip.show([finding(Level.WARNING, "Impact: no figure for the users affected")])
    async with StripApp(strip).run_test() as pilot:
        await pilot.pause()
        assert strip.display
        assert shown(strip) == "Impact: no figure for the users affected"
        strip.show([])
        assert not strip.display
        assert shown(strip) == ""


async def test_several_findings_fold_into_a_count_that_a_click_unfolds():
    strip = FindingsStrip()
    findings = [
        finding(Level.WARNING, "A1 has no owner"),
        finding(Level.INFO, "An event before the start"),
        finding(Level.INFO, "Another event before the start"),
    ]
    async with StripApp(strip).run_test() as pilot:
        strip.show(findings)
        await pilot.pause()
        folded = shown(strip)
        assert folded.startswith("▸ 3 findings: ⚠ 1 warning, ℹ 2 notes")
        assert "A1 has no owner" not in folded
        assert strip.size.height == 1
        await pilot.click(FindingsStrip)
        unfolded = shown(strip).splitlines()
        assert unfolded[0].startswith("▾ 3 findings")
        assert unfolded[1:] == ["A1 has no owner", "An event before the start", "Another event before the start"]
        strip.show(findings[:2])  # new findings keep the strip unfolded
        assert shown(strip).splitlines()[1:] == ["A1 has no owner", "An event before the start"]
        await pilot.click(FindingsStrip)
        assert shown(strip).startswith("▸ 2 findings")
