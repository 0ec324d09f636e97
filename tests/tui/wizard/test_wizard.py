"""Pilot tests for the wizard: steps, form fields, saving, quitting, the palette, review.

The tests press keys and click as an author would, then check the app's
document, the file on disk and what the screen shows. The record forms are
covered in tui/dialogs/test_record_forms.py.
"""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from postmortem.exports.markdown import render_markdown
from postmortem.models.document import ActionItem, Verification
from postmortem.models.enums import ActionStatus, Milestone, Severity, VerificationResult
from postmortem.models.steps import STEP_IDS
from postmortem.models.store import load
from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.dialogs.confirm import ConfirmDialog
from postmortem.screens.dialogs.factor_form import FactorForm
from postmortem.screens.dialogs.help import HelpScreen
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.markdown_preview import MarkdownPreview
from postmortem.tui.wizard_app import WizardApp

# The widget each step focuses when it is entered (the small document has one why chain).
FIRST_FIELD = {
    "summary": "#field-meta-title Input",
    "impact": "#field-impact-users-affected Input",
    "timeline": "#timeline-table",
    "factors": "#factors-technical",
    "whys": "#field-whys-0-problem TextArea",
    "actions": "#actions-table",
    "lessons": "#field-lessons-went-well TextArea",
    "review": "#review-findings",  # the findings list (the small document's chain has no whys yet)
}


def header_text(app: WizardApp) -> str:
    """What the title bar shows."""
    return str(app.screen.query_one("HeaderTitle").render())


# Moving between steps


async def test_alt_n_and_alt_p_walk_every_step_and_focus_its_first_field(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        step_list = app.screen.query_one("#step-list", OptionList)

        def assert_on(index: int) -> None:
            step_id = STEP_IDS[index]
            assert ui.shown_step(app) == f"step-{step_id}"
            assert step_list.highlighted == index
            assert step_list.get_option_at_index(index).id == step_id
            assert app.focused is app.screen.query_one(FIRST_FIELD[step_id])
            assert app.screen.sub_title.startswith(f"{index + 1}/{len(STEP_IDS)} ")

        assert_on(0)
        for index in range(1, len(STEP_IDS)):
            await pilot.press("alt+n")
            await pilot.pause()
            assert_on(index)
        await pilot.press("alt+n")  # on the last step it stays there
        await pilot.pause()
        assert_on(len(STEP_IDS) - 1)

        for index in reversed(range(len(STEP_IDS) - 1)):
            await pilot.press("alt+p")
            await pilot.pause()
            assert_on(index)
        await pilot.press("alt+p")
        await pilot.pause()
        assert_on(0)


async def test_a_step_clicked_in_the_list_shows_the_document_as_it_is_now(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "impact")
        assert app.focused is app.screen.query_one(FIRST_FIELD["impact"])
        app.document.impact.support_tickets = 12  # as another step or a palette command might
        await ui.go_to(pilot, "actions")
        assert app.focused is app.screen.query_one(FIRST_FIELD["actions"])
        await ui.go_to(pilot, "impact")
        assert app.screen.query_one("#field-impact-support-tickets Input", Input).value == "12"


# Form fields, errors and saving


async def test_typing_the_title_edits_the_document_and_marks_it_unsaved(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        assert app.focused is app.screen.query_one(FIRST_FIELD["summary"])
        assert not app.unsaved
        assert "●" not in header_text(app)

        await pilot.press("end")
        await ui.type_text(pilot, " 2")
        assert app.document.meta.title == "Database failover 2"
        assert app.unsaved
        assert "db-failover.toml ●" in header_text(app)

        # Typing it back to what was saved: nothing to save, and the mark says so once typing pauses.
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert app.document.meta.title == "Database failover"
        assert not app.unsaved
        await ui.wait_until(pilot, lambda: "●" not in header_text(app))

        # An empty title is refused on its row; the document keeps the last good one.
        await pilot.press("home", "ctrl+k")
        await pilot.pause()
        assert ui.row_error(app, "field-meta-title") == "required"
        assert app.document.meta.title == "Database failover"
        await ui.type_text(pilot, "DB")
        assert ui.row_error(app, "field-meta-title") == ""
        assert app.document.meta.title == "DB"


async def test_invalid_date_and_zone_show_errors_and_ctrl_s_asks_before_saving_the_rest(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        # 2026-03-02 becomes 2026-03-32, one key at a time.
        await ui.focus_field(pilot, "field-meta-incident-date")
        await pilot.press("end", "backspace", "backspace", "3", "2")
        await pilot.pause()
        assert app.screen.query_one("#field-meta-incident-date Input", Input).value == "2026-03-32"
        assert "use a date like" in ui.row_error(app, "field-meta-incident-date")
        assert app.document.meta.incident_date == date(2026, 3, 2)
        assert app.unsaved  # the typed text would be lost on quitting

        await ui.retype(pilot, "field-meta-timezone", "Mars/Base")
        assert "unknown time zone" in ui.row_error(app, "field-meta-timezone")
        assert app.document.meta.timezone == "Europe/Berlin"

        await ui.retype(pilot, "field-meta-services", "web, db")
        await ui.choose(pilot, "field-meta-severity", "SEV-1")
        await ui.go_to(pilot, "impact")
        await ui.retype(pilot, "field-impact-escalations", "7")
        assert not app.path.exists()

        await pilot.press("ctrl+s")  # asks first: two fields hold text that cannot be saved
        await ui.wait_until(pilot, lambda: app.screen.query("#confirm-question"))
        question = str(app.screen.query_one("#confirm-question", Static).render())
        assert question.startswith("2 fields hold text that cannot be saved:")
        assert (
            "Summary & details · Incident date: “2026-03-32” (use a date like 2026-01-31); saving keeps 2026-03-02"
            in question
        )
        assert "Time zone: “Mars/Base”" in question and "saving keeps Europe/Berlin" in question
        assert app.focused is app.screen.query_one("#answer-fix")
        await pilot.click("#answer-save")  # the first save creates the file
        await ui.wait_until(pilot, app.path.exists)
        on_disk = load(app.path)
        assert on_disk == app.document
        assert on_disk.meta.incident_date == date(2026, 3, 2)
        assert on_disk.meta.timezone == "Europe/Berlin"
        assert on_disk.meta.services == ["web", "db"]
        assert on_disk.meta.severity is Severity.SEV1
        assert on_disk.impact.escalations == 7
        # The text the author typed is still on screen, and still counts as not saved.
        assert app.unsaved and "●" in header_text(app)


async def test_clearing_a_date_and_typing_another_form_keeps_the_date_and_fix_it_goes_there(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.retype(pilot, "field-meta-incident-date", "31/01/2017")
        assert app.document.meta.incident_date == date(2026, 3, 2)  # not emptied on the way
        await ui.go_to(pilot, "impact")
        await ui.retype(pilot, "field-impact-support-tickets", "about forty")
        assert app.document.impact.support_tickets is None
        await ui.go_to(pilot, "summary")  # showing the step again keeps what was typed
        assert app.screen.query_one("#field-meta-incident-date Input", Input).value == "31/01/2017"

        await pilot.press("ctrl+s")
        await ui.wait_until(pilot, lambda: app.screen.query("#confirm-question"))
        assert str(app.screen.query_one("#confirm-question", Static).render()).startswith("2 fields hold")
        await pilot.press("enter")  # Fix it: the first such field
        await ui.wait_until(pilot, lambda: app.focused is app.screen.query_one("#field-meta-incident-date Input"))
        await pilot.press("home", "ctrl+k")
        await ui.type_text(pilot, "2017-01-31")
        await ui.go_to(pilot, "impact")
        await ui.retype(pilot, "field-impact-support-tickets", "40")
        await pilot.press("ctrl+s")
        await ui.wait_until(pilot, lambda: not app.unsaved)
        on_disk = load(app.path)
        assert on_disk.meta.incident_date == date(2017, 1, 31)
        assert on_disk.impact.support_tickets == 40


async def test_quitting_with_text_that_cannot_be_used_asks_first(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "impact")
        field = app.screen.query_one("#field-impact-support-tickets Input", Input)
        assert field.placeholder == "a whole number, e.g. 12"
        await ui.retype(pilot, "field-impact-support-tickets", "a dozen")
        assert app.document == load(app.path)
        await pilot.press("ctrl+q")
        await ui.wait_until(pilot, lambda: app.screen.query("#confirm-question"))
        assert str(app.screen.query_one("#confirm-question", Static).render()) == "The postmortem has unsaved changes."


# Quitting


async def make_a_change(ui, pilot: Pilot) -> None:
    await pilot.press("end")
    await ui.type_text(pilot, "!")
    assert pilot.app.unsaved


async def test_ctrl_q_without_changes_exits_at_once(ui, saved_small_app):
    app = saved_small_app()
    before = app.path.read_bytes()
    async with app.run_test(size=ui.size) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_value == 0
    assert app.path.read_bytes() == before


async def test_ctrl_q_with_changes_asks_and_cancel_keeps_the_app_running(ui, saved_small_app):
    app = saved_small_app()
    before = app.path.read_bytes()
    async with app.run_test(size=ui.size) as pilot:
        await make_a_change(ui, pilot)
        for cancel in (lambda: pilot.press("escape"), lambda: pilot.click("#answer-cancel")):
            await pilot.press("ctrl+q")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog)
            assert [b.id for b in dialog.query("Button")] == ["answer-save", "answer-discard", "answer-cancel"]
            await cancel()
            await pilot.pause()
            assert app.is_running
            assert app.screen is not dialog
            assert app.unsaved
        # The author goes on typing where they were.
        await ui.type_text(pilot, "?")
        assert app.document.meta.title == "Database failover!?"
    assert app.path.read_bytes() == before


async def test_quit_without_saving_leaves_the_file_as_it_was(ui, saved_small_app):
    app = saved_small_app()
    before = app.path.read_bytes()
    async with app.run_test(size=ui.size) as pilot:
        await make_a_change(ui, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#answer-discard")
        await pilot.pause()
        assert not app.is_running
    assert app.return_value == 0
    assert app.path.read_bytes() == before


async def test_save_and_quit_writes_the_file_then_exits(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await make_a_change(ui, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # "Save and quit" has the focus
        await pilot.pause()
        assert not app.is_running
    assert app.return_value == 0
    assert load(app.path) == app.document
    assert load(app.path).meta.title == "Database failover!"


# The command palette


async def test_the_palette_lists_the_wizard_commands(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await pilot.press("ctrl+p")
        wanted = {
            "Go to Timeline",
            "Save",
            "Export Markdown",
            "Add timeline event",
            "Add contributing factor",
            "Add action item",
        }
        await ui.wait_until(pilot, lambda: wanted <= set(ui.palette_commands(pilot)))
        names = ui.palette_commands(pilot)
        assert len(names) == len(set(names)), "no command is listed twice"
        await pilot.press("escape")


async def test_the_palette_opens_the_library_once_the_changes_are_saved(ui, saved_small_app):
    app = saved_small_app()
    async with app.run_test(size=ui.size) as pilot:
        await make_a_change(ui, pilot)
        await ui.palette(pilot, "library", "Open the library…")
        assert isinstance(app.screen, ConfirmDialog)
        answers = [str(button.label) for button in app.screen.query(Button)]
        assert answers == ["Save and open", "Open without saving", "Cancel"]
        assert "the library opens once it is closed" in str(app.screen.query_one("#confirm-question", Static).render())
        await pilot.press("escape")  # the author thinks again: nothing opens afterwards
        await ui.wait_until(pilot, lambda: not isinstance(app.screen, ConfirmDialog))
        assert app.is_running and app.then is None
        await ui.palette(pilot, "library", "Open the library…")
        await pilot.press("enter")  # "Save and open" has the focus
        await ui.wait_until(pilot, lambda: not app.is_running)
    assert app.then == "library"
    assert load(app.path).meta.title == "Database failover!"


async def test_palette_commands_go_to_save_export_and_open_forms(tmp_path, ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await make_a_change(ui, pilot)
        await ui.palette(pilot, "go to time", "Go to Timeline")
        assert ui.shown_step(app) == "step-timeline"
        assert app.focused is app.screen.query_one("#timeline-table")

        await ui.palette(pilot, "save", "Save")
        assert not app.unsaved
        assert load(app.path) == app.document

        target = tmp_path / "db-failover.md"
        assert not target.exists()
        await ui.palette(pilot, "export", "Export Markdown")
        assert target.read_text(encoding="utf-8") == render_markdown(app.document)

        await ui.palette(pilot, "add contrib", "Add contributing factor")
        await pilot.pause()
        assert ui.shown_step(app) == "step-factors"
        assert isinstance(app.screen, FactorForm)
        await pilot.press("escape")
        await pilot.pause()

        await ui.palette(pilot, "add action", "Add action item")
        await pilot.pause()
        assert ui.shown_step(app) == "step-actions"
        assert isinstance(app.screen, ActionForm)


# Review


def review_gaps(app: WizardApp) -> str:
    return str(app.screen.query_one("#review-missing", Static).render())


async def test_review_lists_what_a_new_document_lacks(ui, small_app):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "review")
        gaps = review_gaps(app)
        assert gaps.startswith("Still missing")
        assert "Timeline: at least one event" in gaps
        assert "Action items: at least one action item" in gaps
        assert "severity" in gaps
        markdown = app.screen.query_one("#review-document", MarkdownPreview)
        assert markdown.text == render_markdown(app.document)
        assert "Database failover" in markdown.text

        # Fill a gap elsewhere and come back: the review shows the document as it is now.
        await ui.go_to(pilot, "summary")
        await ui.choose(pilot, "field-meta-severity", "SEV-3")
        await ui.go_to(pilot, "review")
        assert "severity" not in review_gaps(app)
        assert markdown.text == render_markdown(app.document)
        assert "SEV-3" in markdown.text


async def test_review_of_the_example_misses_nothing_and_scrolls_with_keys(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "review")
        assert review_gaps(app) == "Every step has its required content."
        markdown = app.screen.query_one("#review-document", MarkdownPreview)
        assert markdown.text == render_markdown(app.document)
        # The findings come first and have the focus: on the review day, one action is a day overdue.
        findings = app.screen.query_one("#review-findings", OptionList)
        assert app.focused is findings
        prompts = [findings.get_option_at_index(i).prompt for i in range(findings.option_count)]
        assert [Content.from_markup(str(prompt)).plain for prompt in prompts] == [
            "⚠ Action items · actions[1].due: the action was due on 2026-02-18 and is still in-progress"
            " (as of 2026-02-19, the date given)"
        ]
        # Shift+tab gives the focus to the step, whose keys scroll the document.
        review = app.screen.query_one("#step-review")
        await pilot.press("shift+tab")
        assert app.focused is review
        await pilot.press("pagedown")
        await pilot.pause()
        assert review.scroll_y > 0


# A small terminal


async def test_every_step_fits_in_80_by_24(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.started(pilot)
        step_list = app.screen.query_one("#step-list", OptionList)
        screen_region = app.screen.region
        for index, step_id in enumerate(STEP_IDS):
            if index:
                await pilot.press("alt+n")
                await pilot.pause()
            assert ui.shown_step(app) == f"step-{step_id}"
            # The step list stays whole on screen, every step in it.
            assert step_list.display and step_list.region.width >= 16
            assert screen_region.contains_region(step_list.region)
            assert step_list.region.height >= len(STEP_IDS) + 2
            step = app.screen.query_one(f"#step-{step_id}")
            assert step.region.width >= 50 and step.region.height >= 15
            # The focused field is on screen (for a table: its header and cursor row).
            assert app.focused is not None
            shown = app.focused.region.intersection(step.region)
            assert shown.height >= min(2, app.focused.region.height)


async def test_a_short_terminal_gives_the_timeline_table_the_room_and_scrolls_the_detail(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "timeline")
        step = app.screen.query_one("#step-timeline")
        assert not step.query_one(".step-intro").display
        table = step.query_one("#timeline-table")
        assert table.region.height >= 10  # header and at least nine events
        # The first event's detail is longer than its pane: the pane scrolls to the end of it.
        detail = step.query_one("#timeline-detail")
        assert detail.region.height <= 4
        assert detail.max_scroll_y > 0
        detail.scroll_end(animate=False)
        await pilot.pause()
        assert detail.scroll_y == detail.max_scroll_y > 0
    app = example_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await ui.go_to(pilot, "timeline")
        assert app.screen.query_one("#step-timeline .step-intro").display


async def test_resizing_down_to_60_by_20_and_back_never_breaks_and_smaller_says_what_it_needs(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        # Every step but Review (its hundreds of Markdown widgets make each resize slow; the 80x24 test covers it).
        for step_id in STEP_IDS[:-1]:
            await ui.go_to(pilot, step_id)
            for size in ((60, 20), ui.size) if step_id != "timeline" else ((60, 20), (200, 60), ui.size):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                assert ui.shown_step(app) == f"step-{step_id}"
                assert app.screen is app.wizard
        await ui.go_to(pilot, "actions")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        await pilot.resize_terminal(59, 20)
        await pilot.pause()
        message = str(app.screen.query_one("#too-small", Static).render())
        assert message.startswith("The terminal is 59×20. postmortem needs at least 60×20")
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert "The terminal is 40×10." in str(app.screen.query_one("#too-small", Static).render())
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is dialog  # back where the author was, form and all


async def test_a_new_why_and_a_new_chain_join_the_chains_on_show_and_come_into_view(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "whys")
        step = app.screen.query_one("#step-whys")
        before = {row.id: row for row in step.query(FieldRow)}
        whys = len(app.document.whys[0].steps)
        await ui.burst(pilot, "<ctrl+t>", "said at once")
        await ui.wait_until(pilot, lambda: app.document.whys[0].steps[-1].because == "said at once")
        new = ui.field_row(app, f"field-whys-0-steps-{whys}-because")
        assert len(app.document.whys[0].steps) == whys + 1 and app.focused in new.walk_children()
        after = {row.id: row for row in step.query(FieldRow)}
        assert all(after[row_id] is row for row_id, row in before.items())  # added to, not rebuilt
        await ui.wait_until(pilot, lambda: step.scrollable_content_region.contains_region(new.region))

        await ui.burst(pilot, "<ctrl+r>", "a third symptom")
        await ui.wait_until(pilot, lambda: app.document.whys[-1].problem == "a third symptom")
        problem = ui.field_row(app, f"field-whys-{len(app.document.whys) - 1}-problem")
        await ui.wait_until(pilot, lambda: step.scrollable_content_region.contains_region(problem.region))


async def test_the_palette_finds_help_and_no_longer_offers_textuals_keys_panel(ui, example_app):
    app = example_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        assert "Keys" not in [command.title for command in app.get_system_commands(app.screen)]
        await ui.palette(pilot, "help", "Help")
        await ui.wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))


async def test_the_impact_start_is_typed_as_an_event_time_and_shown_beside_the_timeline(ui, small_app):
    app = small_app(timeline=[(9, "Failover script run"), (11, "Writes restored")])
    app.document.timeline[0].milestone = Milestone.STARTED
    app.document.timeline[1].milestone = Milestone.MITIGATED
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "impact")
        await ui.retype(pilot, "field-impact-started-at", "~08:20")
        assert "without ~" in ui.row_error(app, "field-impact-started-at")
        assert app.document.impact.started_at is None
        await ui.retype(pilot, "field-impact-started-at", "08:20")
        assert app.document.impact.started_at == datetime.fromisoformat("2026-03-02T08:20:00+01:00")
        await ui.focus_field(pilot, "field-impact-started-approximate")
        await pilot.press("space")
        assert app.document.impact.started_approximate
        await ui.go_to(pilot, "timeline")
        metrics = str(app.screen.query_one("#timeline-metrics", Static).render())
        assert "Time impacted ~2h 40m" in metrics and "Impact began ~08:20 (T-40m)" in metrics
        await ui.go_to(pilot, "impact")  # cleared: the figures go with it
        await ui.retype(pilot, "field-impact-started-at", "")
        assert app.document.impact.started_at is None
        await ui.go_to(pilot, "timeline")
        assert "Impact" not in str(app.screen.query_one("#timeline-metrics", Static).render())


async def test_the_timeline_metrics_wrap_between_metrics_also_when_shown_again_after_a_change(ui, example_app):
    app = example_app()

    def strip_lines() -> list[str]:
        return str(app.screen.query_one("#timeline-metrics", Static).render()).splitlines()

    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "timeline")
        width = app.screen.query_one("#timeline-metrics", Static).content_size.width
        first = strip_lines()
        assert all(len(line) <= width for line in first) and len(first) == 3
        await ui.go_to(pilot, "impact")
        await ui.retype(pilot, "field-impact-started-at", "18:40")
        await ui.go_to(pilot, "timeline")  # shown again, longer: fitted to the strip it had
        again = strip_lines()
        assert all(len(line) <= width for line in again)
        assert not any(line.endswith("Time to") for line in again)
        assert again[-1] == "Impact began 18:40 (T-28m)"


async def test_the_action_detail_says_when_it_was_done_and_what_checking_it_showed(ui, small_app):
    app = small_app()
    app.document.actions = [
        ActionItem(
            id="A1",
            action="Fail over [db] in a drill",
            status=ActionStatus.DONE,
            completed=date(2026, 3, 20),
            verification=Verification(checked=date(2026, 4, 15), result=VerificationResult.PARTLY, note="a [drill]"),
        ),
        ActionItem(id="A2", action="Alert on replica lag", status=ActionStatus.DONE),
        ActionItem(id="A3", action="Document the failover", status=ActionStatus.OPEN),
    ]
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "actions")
        detail = app.screen.query_one("#actions-detail Static", Static)
        lines = str(detail.render()).splitlines()
        assert "Done on: 2026-03-20" in lines
        assert "Verification: partly worked, checked 2026-04-15: a [drill]" in lines
        await pilot.press("down")
        await ui.wait_until(pilot, lambda: str(detail.render()).startswith("A2"))
        assert "Verification: not checked yet" in str(detail.render()).splitlines()
        await pilot.press("down")
        await ui.wait_until(pilot, lambda: str(detail.render()).startswith("A3"))
        assert "Verification" not in str(detail.render())
