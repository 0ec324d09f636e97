"""The meeting's Timeline section draws its phase bars for any milestones: the bars are sized in whole
fractions of the row, never in a float that CSS cannot read (``5.551115123125783e-17fr``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult

from postmortem.models.document import Postmortem, TimelineEvent
from postmortem.models.enums import Milestone
from postmortem.screens.meeting.sections import MeetingSection, PhaseBar

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
IN_ORDER = (Milestone.STARTED, Milestone.DETECTED, Milestone.ACKNOWLEDGED, Milestone.MITIGATED, Milestone.RESOLVED)


def document(minutes: dict[Milestone, int]) -> Postmortem:
    """A document with one event a milestone, ``minutes`` after the start (in any order, or missing)."""
    timeline = [
        TimelineEvent(at=START + timedelta(minutes=offset), event=f"{milestone.value} here", milestone=milestone)
        for milestone, offset in minutes.items()
    ]
    return Postmortem(meta={"id": "INC-1", "title": "Phases", "incident_date": START.date()}, timeline=timeline)


class TimelineSectionApp(App[None]):
    """The Timeline section alone, drawn from one document."""

    def __init__(self, doc: Postmortem) -> None:
        super().__init__()
        self.doc = doc

    def compose(self) -> ComposeResult:
        yield MeetingSection("timeline", "Timeline")

    def on_mount(self) -> None:
        self.query_one(MeetingSection).show(self.doc, [])


async def draw(doc: Postmortem, width: int = 100) -> list[PhaseBar]:
    app = TimelineSectionApp(doc)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        bars = list(app.query(PhaseBar))
        assert all(bar.region.width > 0 for bar in bars)
        return bars


async def test_thirds_that_do_not_add_up_to_one_in_floats_still_draw():
    # 20/30 + 10/30 leaves 5.55e-17 of the row after the last phase.
    bars = await draw(document(dict(zip(IN_ORDER, (0, 10, 20, 20, 30), strict=True))))
    assert len(bars) == 4


@settings(max_examples=25, deadline=None)
@given(
    minutes=st.dictionaries(st.sampled_from(IN_ORDER), st.integers(min_value=-3000, max_value=3000)),
    width=st.integers(min_value=40, max_value=220),
)
async def test_any_milestone_positions_draw(minutes, width):
    await draw(document(minutes), width)
