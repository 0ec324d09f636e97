"""Review mode: the agenda's countdown with a clock of our own, and moving through the sections."""

from __future__ import annotations

from textual.widgets import ContentSwitcher, Static

from models.agenda import DEFAULT_AGENDA, Agenda, agenda_items, clock_text, section_for
from models.document import AgendaItem
from models.examples import example_text
from models.store import load
from screens.present_sections import SECTION_IDS
from tui.review_app import ReviewApp
from tui_support import small_doc


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_countdown_runs_only_while_started_and_restarts_per_item():
    clock = Clock()
    agenda = Agenda([AgendaItem(topic="Timeline", minutes=10), AgendaItem(topic="Actions", minutes=5)], clock=clock)
    clock.now += 100
    assert agenda.remaining() == 600  # not started yet
    agenda.start()
    clock.now += 90
    assert agenda.remaining() == 510 and clock_text(agenda.remaining()) == "8:30"
    agenda.pause()
    clock.now += 1000
    assert agenda.remaining() == 510
    agenda.toggle()
    clock.now += 540
    assert agenda.remaining() == -30 and clock_text(agenda.remaining()) == "+0:30"
    agenda.next()
    assert agenda.current.topic == "Actions" and agenda.remaining() == 300 and agenda.running
    agenda.next()
    assert agenda.index == 1  # stays on the last item


def test_topics_map_to_sections_and_a_document_without_an_agenda_gets_the_default(tmp_path):
    assert [section_for(topic) for topic, _ in DEFAULT_AGENDA] == [
        "summary", "timeline", "factors", "actions", "lessons", "wrap-up"]
    assert section_for("Five whys: shared configuration") == "whys"
    assert section_for("Impact figures and customer follow-up") == "impact"
    assert [(i.topic, i.minutes) for i in agenda_items(small_doc(tmp_path / "x.toml"))] == list(DEFAULT_AGENDA)


def review_app(tmp_path, clock: Clock) -> ReviewApp:
    path = tmp_path / "checkout.toml"
    path.write_text(example_text(), encoding="utf-8")
    return ReviewApp(load(path), path, clock=clock)


def shown(app: ReviewApp) -> str:
    return app.screen.query_one("#sections", ContentSwitcher).current or ""


def agenda_clock(app: ReviewApp) -> Static:
    return app.screen.query_one("#agenda-clock", Static)


async def test_keys_move_through_sections_and_the_agenda(tmp_path):
    clock = Clock()
    app = review_app(tmp_path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == "projector"
        assert shown(app) == "section-timeline"  # the example's first agenda item walks the timeline
        await pilot.press("right")
        assert shown(app) == "section-factors"
        await pilot.press("left", "left")
        assert shown(app) == "section-impact"
        for number, section_id in enumerate(SECTION_IDS, start=1):
            await pilot.press(str(number))
            assert shown(app) == f"section-{section_id}"
        # The countdown: paused at first, then running with the clock, then a warning, then over.
        assert str(agenda_clock(app).render()) == "15:00 left (paused)"
        await pilot.press("space")
        clock.now += 14 * 60 + 30
        app.screen.refresh_agenda()
        assert str(agenda_clock(app).render()) == "0:30 left" and agenda_clock(app).has_class("-soon")
        clock.now += 95
        app.screen.refresh_agenda()
        assert str(agenda_clock(app).render()) == "over by 1:05" and agenda_clock(app).has_class("-over")
        await pilot.press("n")
        assert shown(app) == "section-impact"  # "Impact figures and customer follow-up"
        assert str(agenda_clock(app).render()) == "10:00 left"


async def test_the_summary_shows_the_durations_in_large_digits(tmp_path):
    app = review_app(tmp_path, Clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        digits = [str(d.value) for d in app.screen.query(".duration-digits")]
        assert digits == ["2:07", "0:11", "1:03"]
