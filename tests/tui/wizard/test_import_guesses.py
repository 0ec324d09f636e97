"""What an import leaves for the author to confirm is shown where it is fixed: factors without a category
in a table of their own on the Factors step, a guessed milestone on the Timeline step, confirmed with w, and
a part no field took read from its review finding, then moved into a field or removed."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import OptionList, Select, TextArea

from postmortem.models.document import Factor, TimelineEvent
from postmortem.models.enums import Category, Milestone
from postmortem.screens.dialogs.imported_part import ImportedPartDialog
from postmortem.screens.widgets.record_table import RecordTable
from postmortem.tui.wizard_app import WizardApp


async def test_factors_without_a_category_get_their_own_table_until_each_has_one(ui, small_app):
    app = small_app()
    app.document.factors = [
        Factor(id="F1", title="The retry budget was unbounded"),
        Factor(id="F2", title="No load test before the sale", category=Category.PROCESS),
    ]
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "factors")
        await ui.wait_until(pilot, lambda: app.screen.query("#factors-none"))
        assert app.screen.query_one("#factors-none", RecordTable).region  # shown, above the technical factors
        assert [row["Title"] for row in ui.table_rows(app, "factors-none")] == ["The retry budget was unbounded"]
        app.document.factors[0].category = Category.TECHNICAL
        app.screen.step("factors").refresh_from_document()
        await ui.wait_until(pilot, lambda: not app.screen.query("#factors-uncategorised"))
        assert [row["Title"] for row in ui.table_rows(app, "factors-technical")] == ["The retry budget was unbounded"]


async def test_w_confirms_a_guessed_milestone_and_m_choosing_another_does_too(ui, small_app):
    app = small_app()
    start = datetime(2026, 3, 2, 9, tzinfo=app.document.meta.zone)
    app.document.timeline = [
        TimelineEvent(at=start, event="Alert fired", milestone=Milestone.DETECTED, milestone_guessed=True),
        TimelineEvent(
            at=start.replace(hour=10), event="Back to normal", milestone=Milestone.MITIGATED, milestone_guessed=True
        ),
    ]
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.press("w")
        await ui.wait_until(pilot, lambda: not app.document.timeline[0].milestone_guessed)
        assert app.document.timeline[0].milestone is Milestone.DETECTED
        await pilot.press("down", "m")
        await ui.wait_until(pilot, lambda: not app.document.timeline[1].milestone_guessed)
        assert app.document.timeline[1].milestone is Milestone.RESOLVED


def imported_finding(app) -> int:
    """The index of the imported part's finding in the Review step's list."""
    findings = app.screen.step("review").findings
    return next(index for index, finding in enumerate(findings) if finding.rule == "extra.imported")


async def test_an_imported_part_is_read_from_its_finding_then_moved_into_a_field_and_shown_there(ui, small_app):
    doc = small_app().document
    doc.summary.background = "Orders go through one queue."
    doc.extra = {
        "imported": [{"heading": "Appendix: queue sizes", "markdown": "Peak depth was **41,000** messages."}],
        "team": "payments",
    }
    app = WizardApp(doc, small_app().path, today=date(2026, 3, 2))  # its history starts from this document
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "review")
        findings = app.screen.query_one("#review-findings", OptionList)
        findings.highlighted = imported_finding(app)
        await pilot.press("enter")
        await ui.wait_until(
            pilot, lambda: isinstance(app.screen, ImportedPartDialog) and app.screen.query("#part-remove")
        )
        shown = app.screen.query_one("#part-markdown", TextArea)
        assert shown.text == "Peak depth was **41,000** messages." and shown.read_only
        app.screen.query_one("#part-target", Select).value = "summary.background"
        await pilot.press("ctrl+j")
        await ui.wait_until(pilot, lambda: ui.shown_step(app) == "step-summary")
        assert app.document.summary.background == "Orders go through one queue.\n\nPeak depth was **41,000** messages."
        assert app.document.extra == {"team": "payments"}
        await ui.wait_until(pilot, lambda: app.focused is ui.field_row(app, "field-summary-background").control)
        await pilot.press("ctrl+z")
        await ui.wait_until(pilot, lambda: app.document.summary.background == "Orders go through one queue.")
        assert app.document.extra["imported"][0]["heading"] == "Appendix: queue sizes"


async def test_an_imported_part_removed_from_its_finding_leaves_the_findings(ui, small_app):
    app = small_app()
    app.document.extra = {"imported": [{"heading": "Glossary", "markdown": "SRV: a DNS record naming a service."}]}
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "review")
        app.screen.query_one("#review-findings", OptionList).highlighted = imported_finding(app)
        await pilot.press("enter")
        await ui.wait_until(
            pilot, lambda: isinstance(app.screen, ImportedPartDialog) and app.screen.query("#part-remove")
        )
        await pilot.click("#part-remove")
        await ui.wait_until(pilot, lambda: app.document.extra == {})
        review = app.screen.step("review")
        await ui.wait_until(pilot, lambda: all(f.rule != "extra.imported" for f in review.findings))


async def test_a_listed_name_holding_a_comma_is_not_split_by_opening_its_field(ui, small_app):
    app = small_app()
    app.document.meta.participants = ["@dana — Search, on-call during the incident", "Payments lead"]
    async with app.run_test(size=ui.size) as pilot:
        await ui.started(pilot)
        row = ui.field_row(app, "field-meta-participants")
        assert row.control.value == "@dana — Search, on-call during the incident, Payments lead"
        await pilot.pause()
        assert app.document.meta.participants == ["@dana — Search, on-call during the incident", "Payments lead"]
        assert not app.history.can_undo
        await ui.focus_field(pilot, "field-meta-participants")
        await pilot.press("end")
        await ui.type_text(pilot, ", Scribe")
        await ui.wait_until(pilot, lambda: app.document.meta.participants[-1] == "Scribe")
        assert app.document.meta.participants[:2] == [
            "@dana — Search",
            "on-call during the incident",
        ]  # edited: read as typed
