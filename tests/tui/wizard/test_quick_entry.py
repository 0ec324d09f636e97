"""Quick add: an event or an action item typed on one line above its table, in a few keys besides the
text, typed as fast as the author types (all keys sent at once)."""

from __future__ import annotations

from datetime import datetime, timedelta

from postmortem.models.enums import ActionStatus, EventKind


def other_keys(parts: tuple[str, ...]) -> int:
    """The keys of a burst that are not text (``"<enter>"``, ``"<tab>"``, ``"<q>"``)."""
    return sum(part.startswith("<") for part in parts)


async def test_an_event_takes_two_keys_besides_its_text(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "timeline")
        before = len(app.document.timeline)
        keys = ("<q>", "19:30 Incident declared on the team call", "<enter>")
        await ui.burst(pilot, *keys)
        await ui.wait_until(pilot, lambda: len(app.document.timeline) == before + 1)
        assert other_keys(keys) <= 3
        event = next(e for e in app.document.timeline if e.event == "Incident declared on the team call")
        zone = app.document.meta.zone
        assert event.at == datetime.combine(app.document.meta.incident_date, datetime.min.time(), zone).replace(
            hour=19, minute=30
        )
        assert event.kind == EventKind.ESCALATION  # guessed from the words; k changes it


async def test_events_typed_one_after_the_other_all_land(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "timeline")
        before = len(app.document.timeline)
        await ui.burst(
            pilot, "<q>", "19:30 Incident declared", "<enter>", "+2m Pager fired for on-call", "<enter>", "no time"
        )
        await ui.wait_until(pilot, lambda: len(app.document.timeline) == before + 2)
        declared = next(e for e in app.document.timeline if e.event == "Incident declared")
        paged = next(e for e in app.document.timeline if e.event == "Pager fired for on-call")
        assert paged.at - declared.at == timedelta(minutes=2)  # after the event just added
        await ui.burst(pilot, "<enter>")
        await ui.wait_until(
            pilot, lambda: "start with a time" in str(app.screen.query_one("#timeline-quick .quick-add-error").render())
        )
        assert app.screen.query_one("#timeline-quick QuickInput").value == "no time"  # kept to fix
        assert len(app.document.timeline) == before + 2


async def test_an_action_with_owner_and_due_date_takes_four_keys_besides_its_text(ui, example_app, review_day):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "actions")
        before = len(app.document.actions)
        keys = ("<q>", "Alert when pool wait exceeds 200 ms", "<tab>", "SRE team", "<tab>", "+2w", "<enter>")
        await ui.burst(pilot, *keys)
        await ui.wait_until(pilot, lambda: len(app.document.actions) == before + 1)
        assert other_keys(keys) <= 6
        item = app.document.actions[-1]
        assert (item.id, item.action, item.owner, item.due, item.status) == (
            f"A{before + 1}",
            "Alert when pool wait exceeds 200 ms",
            "SRE team",
            review_day + timedelta(weeks=2),
            ActionStatus.OPEN,
        )
        assert app.screen.query_one("#actions-table").current_key() == str(before)


async def test_k_and_m_set_the_selected_events_kind_and_milestone(ui, small_app):
    app = small_app(timeline=[(9, "Deploy of 4.2 begins")])
    async with app.run_test(size=ui.size) as pilot:
        await ui.go_to(pilot, "timeline")

        def event():
            return app.document.timeline[0]

        kind = event().kind
        await pilot.press("k")
        assert event().kind != kind
        await pilot.press("m")
        assert event().milestone is not None and event().milestone.value == "started"
        await pilot.press("ctrl+z")
        assert event().milestone is None


async def test_an_estimated_time_shows_with_a_tilde(ui, example_app):
    app = example_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ui.go_to(pilot, "timeline")
        await ui.burst(pilot, "<q>", "~19:45 Replica lag starts to grow", "<enter>")
        await ui.wait_until(pilot, lambda: any(e.event == "Replica lag starts to grow" for e in app.document.timeline))
        event = next(e for e in app.document.timeline if e.event == "Replica lag starts to grow")
        assert event.approximate
        row = next(row for row in ui.table_rows(app, "timeline-table") if "Replica lag" in row["Event"])
        assert row["Time"] == "~19:45"


async def test_small_terminals_keep_ten_timeline_rows_and_the_action_text(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "timeline")
        await pilot.pause()
        table = app.screen.query_one("#timeline-table")
        assert table.scrollable_content_region.height - 1 >= 10  # rows on screen, under the header
        assert [column.title for column in table.shown_columns] == ["Time", "Event"]
    app = example_app()
    async with app.run_test(size=(70, 20)) as pilot:
        await ui.go_to(pilot, "actions")
        await pilot.pause()
        table = app.screen.query_one("#actions-table")
        assert "Action" in [column.title for column in table.shown_columns]
        rows = ui.table_rows(app, "actions-table")
        assert rows[0]["Action"].startswith("Set checkout-api's pool size")
        assert sum(column.get_render_width(table) for column in table.columns.values()) <= table.size.width


async def test_escape_or_down_leaves_the_line_for_the_table_from_any_field_and_keeps_the_text(ui, example_app):
    app = example_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ui.go_to(pilot, "actions")
        table = app.screen.query_one("#actions-table")
        fields = list(app.screen.query("#actions-quick QuickInput"))
        assert app.focused is table  # where the step starts: each burst below leaves it and comes back
        await ui.burst(pilot, "<q>", "Half an action", "<tab>", "SRE team", "<escape>", "<q>")
        await ui.wait_until(pilot, lambda: app.focused is fields[0])
        assert [field.value for field in fields] == ["Half an action", "SRE team", ""]
        await ui.burst(pilot, "<tab>", "<down>")  # from the owner's field this time
        await ui.wait_until(pilot, lambda: app.focused is table)
        assert [field.value for field in fields] == ["Half an action", "SRE team", ""]
