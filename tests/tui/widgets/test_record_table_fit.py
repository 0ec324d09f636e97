"""Fitting a record table to its width: the main column stays and gets the room left; the others leave in
their order as the width shrinks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from postmortem.screens.widgets.record_table import MAIN_MIN_WIDTH, Column, fit_columns

COLUMNS = (
    Column("Time"),
    Column("T+", gives_way=4),
    Column("Kind", gives_way=3),
    Column("Event", main=True),
    Column("Actor", gives_way=1, max_width=20),
)
ROWS = [("19:08", "T+0", "symptom", "Confirmation latency passes 5 s and keeps climbing " * 2, "checkout-api")]


def titles(columns) -> list[str]:
    return [column.title for column in columns]


def test_columns_leave_in_their_order_and_the_main_one_stays():
    assert titles(fit_columns(COLUMNS, ROWS, 200, 1)[0]) == ["Time", "T+", "Kind", "Event", "Actor"]
    assert titles(fit_columns(COLUMNS, ROWS, 75, 1)[0]) == ["Time", "Kind", "Event", "Actor"]  # T+ first
    assert titles(fit_columns(COLUMNS, ROWS, 68, 1)[0]) == ["Time", "Event", "Actor"]
    assert titles(fit_columns(COLUMNS, ROWS, 60, 1)[0]) == ["Time", "Event"]
    assert titles(fit_columns(COLUMNS, ROWS, 10, 1)[0]) == ["Time", "Event"]


def test_a_short_main_text_keeps_the_other_columns():
    short = [("19:08", "T+0", "symptom", "Pager fired", "alerting")]
    assert titles(fit_columns(COLUMNS, short, 55, 1)[0]) == ["Time", "T+", "Kind", "Event", "Actor"]


@given(width=st.integers(20, 300))
def test_the_table_fits_whenever_the_main_column_has_its_minimum(width):
    shown, main = fit_columns(COLUMNS, ROWS, width, 1)
    others = sum(
        max(len(c.title), len(ROWS[0][COLUMNS.index(c)][: c.max_width or 999])) + 2 for c in shown if not c.main
    )
    assert "Event" in titles(shown)
    if others + 2 + MAIN_MIN_WIDTH <= width:
        assert others + 2 + main + 2 <= width + 2
