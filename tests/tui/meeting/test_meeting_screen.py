"""The meeting screen (review mode): the agenda's countdown with a clock of our own, moving through the sections, and
capturing what the meeting decides (action items, factors, agreement, notes) with a safe save."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import ContentSwitcher, Input, OptionList, Static, TextArea

from postmortem.models.document import Verification
from postmortem.models.enums import ActionStatus, Milestone, VerificationResult
from postmortem.models.meeting_sections import MEETING_SECTION_IDS as SECTION_IDS
from postmortem.models.steps import STEP_BY_ID
from postmortem.models.store import load
from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.dialogs.factor_form import FactorForm
from postmortem.screens.dialogs.help import HelpScreen
from postmortem.screens.widgets.label_rows import LabelRows
from postmortem.tui.meeting_app import MeetingApp


@pytest.fixture
def review_app(write_example, clock, review_day) -> MeetingApp:
    """Review mode on a copy of the example (checkout.toml), on the test's ``clock``."""
    path = write_example("checkout.toml")
    return MeetingApp(load(path), path, clock=clock, today=review_day)


def shown(app: MeetingApp) -> str:
    return app.screen.query_one("#sections", ContentSwitcher).current or ""


def agenda_clock(app: MeetingApp) -> Static:
    return app.screen.query_one("#agenda-clock", Static)


async def test_keys_move_through_sections_and_the_agenda(review_app, clock):
    app = review_app
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


async def test_the_summary_shows_the_durations_in_large_digits(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        digits = [str(d.value) for d in app.screen.query(".duration-digits")]
        assert digits == ["2:07", "0:11", "1:03"]


def plain(prompt: object) -> str:
    return Content.from_markup(str(prompt)).plain


def section_text(app: MeetingApp) -> str:
    """Everything the current section shows, as plain text."""
    section = app.screen.section
    if section.section_id in ("actions", "factors"):
        records = section.query_one(OptionList)
        return "\n".join(plain(records.get_option_at_index(i).prompt) for i in range(records.option_count))
    parts = section.query(".section-scroll > *")
    return "\n".join(part.plain if isinstance(part, LabelRows) else str(part.render()) for part in parts)


async def test_capturing_an_action_item_and_saving(review_app, ui):
    app = review_app
    before = len(app.document.actions)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, ActionForm)
        await ui.focus_field(pilot, "dialog-action")
        await ui.type_text(pilot, "Page the database on-call when checkout pool wait exceeds 200 ms for 5 minutes")
        await ui.focus_field(pilot, "dialog-owner")
        await ui.type_text(pilot, "Database team")
        await ui.focus_field(pilot, "dialog-due")
        await ui.type_text(pilot, "2026-03-06")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert shown(app) == "section-actions"
        records = app.screen.section.query_one(OptionList)
        assert records.highlighted_option.id == f"action-{before}"  # the cursor on the new item
        assert "A11 · Database team · 2026-03-06 · open  new" in plain(records.highlighted_option.prompt)
        assert app.title.endswith("●")

        await pilot.press("g")  # the room agrees to it
        assert app.document.actions[-1].agreed
        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = load(app.path)
    assert len(saved.actions) == before + 1
    added = saved.actions[-1]
    assert (added.id, added.owner, added.due, added.agreed) == ("A11", "Database team", date(2026, 3, 6), True)
    assert 'id = "A11"' in app.path.read_text(encoding="utf-8") and "agreed = true" in app.path.read_text()
    assert app.path.with_name("checkout.toml.bak").exists()  # the wizard's safe save


async def test_editing_an_action_and_a_factor_and_the_wrap_up(review_app, ui):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6", "down", "enter")  # the second action item, A2
        dialog = app.screen
        assert isinstance(dialog, ActionForm) and dialog.initial.id == "A2"
        owner = await ui.focus_field(pilot, "dialog-owner")
        assert isinstance(owner, Input)
        owner.value = ""
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.document.actions[1].owner == ""

        await pilot.press("4")
        assert app.screen.section.selected() == 0  # the first factor, under its category heading
        await pilot.press("e")
        assert isinstance(app.screen, FactorForm)
        await ui.focus_field(pilot, "dialog-title")
        await ui.type_text(pilot, " for weeks")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.document.factors[0].title.endswith("for weeks")
        assert "for weeks" in section_text(app)

        await pilot.press("a")  # on the factors, a adds a factor
        assert isinstance(app.screen, FactorForm)
        await ui.focus_field(pilot, "dialog-title")
        await ui.type_text(pilot, "No load test covers the sale traffic")
        await pilot.press("ctrl+j")
        await pilot.pause()
        assert app.document.factors[-1].title == "No load test covers the sale traffic"
        assert "no action yet" in section_text(app)

        await pilot.press("8")
        text = section_text(app)
        new, changed, missing = (
            text.split("New in this meeting")[1].split("Changed in this meeting")[0],
            text.split("Changed in this meeting")[1].split("Still missing")[0],
            text.split("Still missing an owner or a due date")[1],
        )
        assert "(none)" in new
        assert "A2" in changed and "(owner)" in changed
        assert "A2" in missing and "no owner" in missing
        assert text.startswith("10 action items · 0 agreed · 0 new · 1 changed in this meeting")


async def test_meeting_notes_go_into_the_review_table(review_app, ui):
    app = review_app
    notes_before = app.document.review.notes
    async with app.run_test(size=(100, 30)) as pilot:
        notes = app.screen.query_one("#notes", TextArea)
        assert not notes.display
        await pilot.press("m")
        assert notes.display and notes.has_focus
        await ui.type_text(pilot, " Owners confirmed.")
        await pilot.press("1")  # typed into the notes, not a key for the sections
        assert app.document.review.notes == notes_before + " Owners confirmed.1"
        await pilot.press("escape")
        assert not notes.has_focus and notes.display
        await pilot.press("escape")
        assert not notes.display
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(app.path).review.notes == notes_before + " Owners confirmed.1"


async def test_everything_but_actions_factors_and_notes_is_read_only(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        for number in range(1, len(SECTION_IDS) + 1):
            await pilot.press(str(number))
            section = app.screen.section
            assert not section.query("Input, TextArea, Select")
        for key in "xyzq":  # no key edits a text section
            await pilot.press(key)
        await pilot.press("1", "e", "g")  # edit and agree do nothing outside their sections
        assert app.screen is app.screen_stack[0]
    assert not app.unsaved


async def test_the_palette_offers_the_sections_and_the_themes(review_app, ui):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await ui.palette(pilot, "Show Five whys", "Show Five whys")
        await ui.wait_until(pilot, lambda: shown(app) == "section-whys")
        await pilot.press("ctrl+p")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await ui.type_text(pilot, "theme")
        await ui.wait_until(pilot, lambda: ui.palette_commands(pilot)[:1] == ["Theme"])
        commands = app.screen
        await pilot.press("enter")  # the themes are offered in a palette of their own
        await ui.wait_until(pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen is not commands)
        await ui.type_text(pilot, "nord")
        await ui.wait_until(pilot, lambda: ui.palette_commands(pilot)[:1] == ["nord"])
        await pilot.press("enter")
        await ui.wait_until(pilot, lambda: app.theme == "nord")


async def test_the_timeline_shows_phases_then_key_events_then_the_others(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        text = section_text(app)
        assert text.index("Phases") < text.index("Key events") < text.index("Other events")
        key_part, other_part = text.split("Other events")
        # Times and offsets right-aligned, each in a column.
        assert "\n19:19    T+11m Checkout availability" in key_part and "detected" in key_part
        assert "\n      19:00      T-8m Winter sale newsletter sent" in other_part
        bars = app.screen.section.query("PhaseBar")
        assert [round(bar.length, 2) for bar in bars] == [0.09, 0.03, 0.38, 0.5]  # 11, 4, 48, 64 of 127 min


async def test_help_in_the_meeting_shows_its_keys_and_the_section_questions(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("3")  # the timeline
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "review meeting · Timeline" in text
        assert "1 … 8" in text and "Start or pause the agenda countdown" in text
        assert STEP_BY_ID["timeline"].questions[0] in text
        await pilot.press("escape")
        await pilot.pause()
        assert shown(app) == "section-timeline"


async def test_the_timeline_dates_each_event_on_another_day_than_the_one_before(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        other = section_text(app).split("Other events")[1].split("Recovery story")[0].splitlines()[1:]
        labels = [line[:11].strip() for line in other if line[10] != " "]  # "MM-DD HH:MM" or "HH:MM"
        assert labels[:3] == ["02-11 15:20", "16:05", "02-12 10:30"]  # the day before, then the incident's
        assert labels[-1] == "02-13 11:00"  # the day after
        # The phases are named by the milestones they run between, as long as the phase itself.
        phases = [str(label.render()) for label in app.screen.section.query(".part-row .row-label")]
        assert phases == ["start → detect", "detect → acknowledge", "acknowledge → mitigate", "mitigate → resolve"]


async def test_service_names_never_run_into_their_effects(review_app):
    app = review_app
    app.document.impact.services[0].name = "GitLab.com web UI"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        services = app.screen.section.query(LabelRows).last()
        first = "".join(segment.text for segment in services.render_line(0))
        assert first.startswith("GitLab.com web UI  ")


async def test_a_sections_heading_says_where_it_is_and_which_incident(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        where = str(app.screen.section.query_one(".section-where", Static).render())
        assert where == f"section 3/8 · {app.document.meta.title}"


async def test_the_highlighted_factor_shows_its_description_and_why_it_mattered(review_app):
    app = review_app
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        factor = app.document.factors[app.screen.section.selected()]
        detail = str(app.screen.section.query_one(".section-detail", Static).render())
        assert factor.description in detail and factor.why_it_mattered in detail


async def test_durations_from_an_estimated_time_say_so(review_app):
    app = review_app
    detected = next(event for event in app.document.timeline if event.milestone == Milestone.DETECTED)
    detected.approximate = True
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1")
        labels = [str(label.render()) for label in app.screen.section.query(".duration-label")]
        assert labels == ["Duration", "Time to detect (about)", "Time to mitigate"]
        await pilot.press("3")
        lengths = [str(length.render()) for length in app.screen.section.query(".phase-length")]
        assert lengths[:2] == ["~11m", "~4m"] and not lengths[2].startswith("~")
        assert "~19:19" in section_text(app)


async def test_an_impact_start_of_its_own_is_among_the_key_events_and_in_the_impact_figures(review_app):
    app = review_app
    # People felt it 38 minutes before the started milestone (19:08 in the example's zone).
    app.document.impact.started_at = datetime(2026, 2, 12, 18, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    app.document.impact.started_approximate = True
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        key = section_text(app).split("Key events")[1].split("Other events")[0].splitlines()[1:]
        assert key[0] == "~18:30    T-38m People first felt the incident  impact began"
        assert key[1].startswith(" 18:52    T-16m Rollout")  # then the key events after it, in time order
        await pilot.press("2")
        figures = section_text(app)
        assert "Impact began ~18:30 (T-38m)\nTime impacted ~1h 41m\n" in figures  # to the mitigated milestone, 20:11


async def test_a_done_action_says_when_and_whether_checking_it_showed_it_worked(review_app):
    app = review_app
    app.document.actions[1].status = ActionStatus.DONE
    app.document.actions[1].completed = date(2026, 2, 17)
    app.document.actions[1].verification = Verification(checked=date(2026, 3, 2), result=VerificationResult.WORKED)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        records = app.screen.section.query_one(OptionList)
        prompts = [plain(records.get_option_at_index(index).prompt) for index in range(2)]
        assert prompts[0].endswith("A1 · Payments team · 2026-02-13 · done · not verified")
        assert prompts[1].endswith("A2 · SRE team · 2026-02-18 · done 2026-02-17 · worked")


async def test_factors_not_categorised_yet_are_listed_last_under_their_own_heading(review_app):
    app = review_app
    app.document.factors[0].category = None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4")
        records = app.screen.section.query_one(OptionList)
        prompts = [plain(records.get_option_at_index(index).prompt) for index in range(records.option_count)]
        heading = prompts.index("Not categorised yet")
        assert prompts[heading + 1].startswith(f"{app.document.factors[0].id}  {app.document.factors[0].title}")
        assert heading == len(prompts) - 2
