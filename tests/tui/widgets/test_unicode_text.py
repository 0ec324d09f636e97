"""Wide characters, emoji, right-to-left text and combining marks: kept exactly, drawn without breaking tables."""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len

from postmortem.models.document import ActionItem, TimelineEvent
from postmortem.models.store import load
from postmortem.screens.widgets.record_table import RecordTable, shorten

TEXTS = [
    "決済サービスの接続プールが枯渇した、全リージョンで",
    "🔥🔥 checkout 🔥 fire drill 👩\u200d💻 on call",
    "שגיאה בשרת התשלומים במשך עשרים דקות",
    "Cafe\u0301 re\u0301sume\u0301 nai\u0308ve coöperation, long enough to be cut in the table",
]


async def test_every_kind_of_text_round_trips_and_shows_in_the_tables(ui, small_app):
    app = small_app()
    for hour, text in enumerate(TEXTS, start=10):
        app.document.add_event(
            TimelineEvent(at=datetime(2026, 3, 2, hour, tzinfo=app.document.meta.zone), event=text, actor=text[:12])
        )
        app.document.actions.append(ActionItem(id=f"A{hour}", action=text, owner=text[:8]))
    app.document.summary.root_cause = " / ".join(TEXTS)
    async with app.run_test(size=ui.size) as pilot:
        for step_id, table_id in (("timeline", "#timeline-table"), ("actions", "#actions-table")):
            await ui.go_to(pilot, step_id)
            table = app.screen.query_one(table_id, RecordTable)
            assert table.row_count == len(TEXTS)
            main = [column.title for column in table.shown_columns].index("Action" if step_id == "actions" else "Event")
            shown = {str(table.get_row_at(row)[main]) for row in range(table.row_count)}
            assert any(cell.startswith("決済") for cell in shown)
            if step_id == "timeline":  # event texts are cut to the room the table has
                assert any(cell.endswith("…") for cell in shown)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load(app.path) == app.document
    assert load(app.path).summary.root_cause == " / ".join(TEXTS)


def test_shortening_counts_wide_characters_twice_and_never_splits_one():
    for text in TEXTS:
        for width in (5, 12, 20):
            cut = shorten(text, width)
            assert cell_len(cut) <= width
            assert cut == " ".join(text.split()) or cut.endswith("…")
    assert shorten("決済サービス", 6) == "決済…"
