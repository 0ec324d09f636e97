"""Seeing across incidents, figures worked out by hand: late action items, themes, recurrences, medians and
90th percentiles, on this day."""

from __future__ import annotations

from datetime import date

import pytest

from postmortem.models.library.entry import ActionEntry, Entry
from postmortem.models.library.rules import Rules
from postmortem.models.library.views import (
    action_rows,
    durations,
    on_this_day,
    quarter_of,
    recurrences,
    spread,
    themes,
    unverified,
)

TODAY = date(2026, 6, 1)


def entry(path: str, day: date | None, **fields: object) -> Entry:
    return Entry(path=path, title=path, id=path.upper(), date=day, **fields)  # type: ignore[arg-type]


def action(
    id: str, priority: str | None, due: date | None = None, status: str = "open", **fields: object
) -> ActionEntry:
    return ActionEntry(id=id, action=f"do {id}", owner="SRE team", status=status, priority=priority, due=due, **fields)  # type: ignore[arg-type]


def test_late_items_first_by_their_own_due_date_or_the_librarys_rule():
    incident = entry(
        "a",
        date(2026, 4, 1),
        actions=(
            action("A1", "P0"),  # the rule: by 2026-04-29, passed
            action("A2", "P1", due=date(2026, 5, 20)),  # its due date passed; the rule (2026-05-27) too
            action("A3", "P1", due=date(2026, 7, 1)),  # due after the rule's deadline: planned to break it
            action("A4", "P2", due=date(2026, 6, 30)),  # no rule for P2, not yet due
            action("A5", "P0", status="done"),  # done: not listed
            action("A6", None),  # no priority, no due date: never late
        ),
    )
    recent = entry("b", date(2026, 5, 20), actions=(action("B1", "P0", due=date(2026, 6, 10)),))  # rule: 06-17
    rows = action_rows([incident, recent], Rules(), TODAY)
    assert [(row.action.id, row.overdue, row.breaks_rule) for row in rows] == [
        ("A1", False, True),
        ("A2", True, True),
        ("A3", False, True),
        ("B1", False, False),
        ("A4", False, False),
        ("A6", False, False),
    ]
    assert [row.deadline for row in rows[:3]] == [date(2026, 4, 29), date(2026, 5, 27), date(2026, 5, 27)]
    stricter = action_rows([recent], Rules({"P0": 7}), TODAY)
    assert stricter[0].deadline == date(2026, 5, 27) and stricter[0].breaks_rule


def test_done_items_never_checked_afterwards():
    incident = entry(
        "a",
        date(2026, 1, 1),
        actions=(
            action("A1", "P1", status="done"),
            action("A2", "P1", status="done", verified="worked", checked=date(2026, 3, 1)),
            action("A3", "P1"),
        ),
    )
    assert [item.id for _, item in unverified([incident])] == ["A1"]


@pytest.mark.parametrize(
    ("values", "median", "p90"),
    [
        ([], None, None),
        ([60.0], 60.0, 60.0),
        ([10.0, 20.0], 15.0, 19.0),  # p90 at rank 0.9 of the way: 10 + 0.9 * 10
        ([float(n) for n in range(1, 11)], 5.5, 9.1),  # rank 8.1 (0-based): 9 + 0.1 * 1
        ([5.0, 1.0, 3.0], 3.0, 4.6),  # sorted 1 3 5, rank 1.8: 3 + 0.8 * 2
        ([1.0, 1.0, 1.0, 1.0, 100.0], 1.0, 60.4),  # one long incident moves the 90th percentile, not the median
    ],
)
def test_medians_and_90th_percentiles(values, median, p90):
    found = spread(values)
    assert found.count == len(values)
    assert found.median == (pytest.approx(median) if median is not None else None)
    assert found.p90 == (pytest.approx(p90) if p90 is not None else None)


def test_durations_per_quarter_and_per_severity_count_only_the_incidents_that_measure_them():
    entries = [
        entry("a", date(2026, 1, 10), severity="SEV-1", seconds={"time_to_detect": 60.0, "duration": 600.0}),
        entry("b", date(2026, 2, 10), severity="SEV-2", seconds={"time_to_detect": 180.0}),
        entry("c", date(2026, 4, 10), severity="SEV-1", seconds={"duration": 3600.0}),
        entry("d", None, seconds={"duration": 60.0}),  # no date: in no quarter, in "no severity"
    ]
    by_quarter = {row.group: row.spans for row in durations(entries, "quarter")}
    assert list(by_quarter) == ["2026-Q1", "2026-Q2"]
    assert by_quarter["2026-Q1"]["time_to_detect"].count == 2
    assert by_quarter["2026-Q1"]["time_to_detect"].median == 120.0
    assert by_quarter["2026-Q1"]["duration"].count == 1
    assert by_quarter["2026-Q2"]["time_to_detect"].count == 0
    by_severity = {row.group: row.spans for row in durations(entries, "severity")}
    assert list(by_severity) == ["SEV-1", "SEV-2", "no severity"]
    assert by_severity["SEV-1"]["duration"].median == 2100.0


def test_themes_count_the_incidents_behind_each_with_a_trend_over_four_quarters():
    entries = [
        entry("a", date(2026, 5, 1), areas=("config", "monitoring"), services=("checkout",), tags=("pool",)),
        entry("b", date(2026, 2, 1), areas=("config",), services=("checkout",)),
        entry("c", date(2025, 8, 1), areas=("config",), services=("search",)),
        entry("d", date(2024, 1, 1), areas=("monitoring",)),
    ]
    found = {(theme.dimension, theme.name): theme for theme in themes(entries, TODAY)}
    assert set(found) == {("area", "config"), ("area", "monitoring"), ("service", "checkout")}  # twice or more
    config = found[("area", "config")]
    assert config.count == 3 and [incident.path for incident in config.incidents] == ["a", "b", "c"]
    assert config.trend == (1, 0, 1, 1)  # 2025-Q3, 2025-Q4, 2026-Q1, 2026-Q2
    # The most frequent first; at one count, areas before services.
    assert [theme.name for theme in themes(entries, TODAY)] == ["config", "monitoring", "checkout"]


def test_a_shared_service_and_area_within_ninety_days_is_possibly_recurring():
    entries = [
        entry("a", date(2026, 1, 1), services=("checkout",), areas=("config",)),
        entry("b", date(2026, 3, 31), services=("checkout", "search"), areas=("config", "review")),  # 89 days
        entry("c", date(2026, 7, 1), services=("checkout",), areas=("config",)),  # 92 days after b
        entry("d", date(2026, 7, 2), services=("search",), areas=("config",)),  # search, config: b is 93 days back
        entry("e", date(2026, 7, 3), services=("checkout",), areas=("monitoring",)),  # no shared area
    ]
    found = [
        (pair.earlier.path, pair.later.path, pair.days, pair.services, pair.areas) for pair in recurrences(entries)
    ]
    assert found == [("a", "b", 89, ("checkout",), ("config",))]
    assert len(recurrences(entries, within=92)) == 2  # b and c, 92 days apart, within a wider span


def test_on_this_day_in_earlier_years():
    entries = [
        entry("a", date(2025, 6, 1)),
        entry("b", date(2023, 6, 1)),
        entry("c", date(2026, 6, 1)),  # this year: not "on this day"
        entry("d", date(2025, 6, 2)),
        entry("e", None),
    ]
    assert [found.path for found in on_this_day(entries, TODAY)] == ["a", "b"]
    assert quarter_of(date(2026, 12, 31)) == "2026-Q4"
