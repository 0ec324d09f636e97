"""What an import leaves for the author to confirm is shown where it is fixed: factors without a category
in a table of their own on the Factors step, a guessed milestone on the Timeline step, confirmed with w."""

from __future__ import annotations

from datetime import datetime

from postmortem.models.document import Factor, TimelineEvent
from postmortem.models.enums import Category, Milestone
from postmortem.screens.widgets.record_table import RecordTable


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
