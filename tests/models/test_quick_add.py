"""Quick entry of an event as one line, and of a due date the short way."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from postmortem.models.enums import EventKind
from postmortem.models.quick_add import parse_due, parse_quick_event

BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 3, 2)
SELECTED = datetime(2026, 3, 2, 23, 10, tzinfo=BERLIN)


@pytest.mark.parametrize(
    ("line", "at", "text"),
    [
        (
            "23:30 Incident declared on the team call",
            datetime(2026, 3, 2, 23, 30, tzinfo=BERLIN),
            "Incident declared on the team call",
        ),
        (
            "23:30:15 - Pager fired for the primary",
            datetime(2026, 3, 2, 23, 30, 15, tzinfo=BERLIN),
            "Pager fired for the primary",
        ),
        ("2026-03-03 00:40: Replica back in sync", datetime(2026, 3, 3, 0, 40, tzinfo=BERLIN), "Replica back in sync"),
        ("+5m Rolled back the config change", SELECTED + timedelta(minutes=5), "Rolled back the config change"),
        ("+1h30m Status page updated", SELECTED + timedelta(hours=1, minutes=30), "Status page updated"),
        ("9:05 Deploy 4.2 started", datetime(2026, 3, 2, 9, 5, tzinfo=BERLIN), "Deploy 4.2 started"),
    ],
)
def test_a_line_gives_the_time_and_the_words_after_it(line, at, text):
    event = parse_quick_event(line, DAY, BERLIN, SELECTED)
    assert event.at == at
    assert event.text == text


def test_the_kind_is_guessed_from_the_words():
    assert parse_quick_event("23:30 Pager alert fired", DAY, BERLIN, None).kind == EventKind.DETECTION
    assert parse_quick_event("23:35 Rolled back the deploy", DAY, BERLIN, None).kind == EventKind.MITIGATION
    assert parse_quick_event("23:40 The team met", DAY, BERLIN, None).kind == EventKind.NOTE


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Incident declared", "start with a time"),
        ("23:30", "write what happened"),
        ("25:30 Late", "not a valid time of day"),
        ("+5m Rolled back", "there is none yet"),
    ],
)
def test_a_line_that_cannot_be_an_event_says_why(line, problem):
    with pytest.raises(ValueError, match=problem):
        parse_quick_event(line, DAY, BERLIN, None)


@given(
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    text=st.text(min_size=1).filter(lambda t: t.strip() and not t[0].isspace() and t[0] not in "-–—:·|"),
)
def test_the_words_are_kept_exactly_as_typed(hour, minute, text):
    event = parse_quick_event(f"{hour:02d}:{minute:02d} {text}", DAY, BERLIN, None)
    assert (event.at.hour, event.at.minute) == (hour, minute)
    assert event.text == text.strip()


def test_due_dates_the_short_way():
    today = date(2026, 3, 10)
    assert parse_due("", today) is None
    assert parse_due("2026-04-30", today) == date(2026, 4, 30)
    assert parse_due("04-30", today) == date(2026, 4, 30)
    assert parse_due("01-15", today) == date(2027, 1, 15)  # the next such day
    assert parse_due("+10d", today) == date(2026, 3, 20)
    assert parse_due("+2w", today) == date(2026, 3, 24)
    with pytest.raises(ValueError, match="not a date"):
        parse_due("soon", today)
    with pytest.raises(ValueError, match="not a day of the year"):
        parse_due("02-30", today)


def test_a_tilde_before_the_time_marks_it_as_an_estimate():
    event = parse_quick_event("~23:00 Replication lag starts to grow", DAY, BERLIN, None)
    assert event.approximate and event.at == datetime(2026, 3, 2, 23, 0, tzinfo=BERLIN)
    assert event.text == "Replication lag starts to grow"
    assert not parse_quick_event("23:00 Exact", DAY, BERLIN, None).approximate
