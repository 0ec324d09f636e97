"""Event times as authors type them, and as they are shown for editing."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from postmortem.models.timeparse import format_event_time, parse_event_time

UTC = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 1, 31)


def offset(value: datetime) -> timedelta:
    return value.utcoffset()


# parse_event_time ----------------------------------------------------------


def test_hours_and_minutes_on_the_incident_date():
    parsed = parse_event_time("14:05", DAY, BERLIN)
    assert parsed == datetime(2026, 1, 31, 14, 5, tzinfo=BERLIN)
    assert (parsed.second, offset(parsed)) == (0, timedelta(hours=1))


def test_hours_minutes_and_seconds():
    parsed = parse_event_time("14:05:30", DAY, UTC)
    assert parsed == datetime(2026, 1, 31, 14, 5, 30, tzinfo=UTC)


def test_single_digit_hour_and_surrounding_spaces():
    assert parse_event_time("  9:07 ", DAY, UTC) == datetime(2026, 1, 31, 9, 7, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-01-31 14:05", "2026-01-31T14:05"])
def test_date_and_time_in_the_display_zone(text: str):
    parsed = parse_event_time(text, None, BERLIN)
    assert parsed == datetime(2026, 1, 31, 13, 5, tzinfo=UTC)
    assert offset(parsed) == timedelta(hours=1)


def test_full_date_ignores_the_incident_date():
    parsed = parse_event_time("2026-02-01 00:10", DAY, UTC)
    assert parsed == datetime(2026, 2, 1, 0, 10, tzinfo=UTC)


@pytest.mark.parametrize("text", ["2026-01-31T14:05:00Z", "2026-01-31T14:05Z", "2026-01-31 14:05z"])
def test_iso_with_z_is_utc(text: str):
    parsed = parse_event_time(text, DAY, BERLIN)
    assert parsed == datetime(2026, 1, 31, 14, 5, tzinfo=UTC)
    assert offset(parsed) == timedelta(0)


def test_iso_with_an_offset_keeps_the_offset():
    parsed = parse_event_time("2026-01-31T14:05+05:30", DAY, BERLIN)
    assert offset(parsed) == timedelta(hours=5, minutes=30)
    assert (parsed.hour, parsed.minute) == (14, 5)
    assert parsed == datetime(2026, 1, 31, 8, 35, tzinfo=UTC)


def test_negative_offset_and_seconds():
    parsed = parse_event_time("2026-01-31T09:00:15-08:00", None, UTC)
    assert offset(parsed) == timedelta(hours=-8)
    assert parsed == datetime(2026, 1, 31, 17, 0, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected_offset"),
    [
        ("2026-03-28 14:05", timedelta(hours=1)),  # day before the change to summer time
        ("2026-03-29 14:05", timedelta(hours=2)),  # the change happens at 02:00 that night
        ("2026-10-24 14:05", timedelta(hours=2)),
        ("2026-10-25 14:05", timedelta(hours=1)),  # back to winter time
    ],
)
def test_naive_times_follow_daylight_saving_in_the_zone(text: str, expected_offset: timedelta):
    assert offset(parse_event_time(text, None, BERLIN)) == expected_offset


def test_time_only_follows_daylight_saving_of_the_incident_date():
    winter = parse_event_time("14:05", date(2026, 3, 28), BERLIN)
    summer = parse_event_time("14:05", date(2026, 3, 29), BERLIN)
    assert (offset(winter), offset(summer)) == (timedelta(hours=1), timedelta(hours=2))
    assert summer.timestamp() - winter.timestamp() == 23 * 3600


def test_time_only_without_an_incident_date_asks_for_one():
    with pytest.raises(ValueError, match="set the incident date first"):
        parse_event_time("14:05", None, UTC)


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_input_asks_for_a_time(text: str):
    with pytest.raises(ValueError, match=r"enter a time, e\.g\. 14:05"):
        parse_event_time(text, DAY, UTC)


@pytest.mark.parametrize("text", ["25:00", "14:60", "14:05:61", "24:00"])
def test_impossible_time_of_day(text: str):
    with pytest.raises(ValueError) as caught:
        parse_event_time(text, DAY, UTC)
    assert str(caught.value) == f"{text!r} is not a valid time of day"


@pytest.mark.parametrize(
    "text",
    ["tomorrow", "14h05", "1405", "2026-13-01 10:00", "2026-02-30 10:00", "31/01/2026 14:05", "14:5", "14:05 PM"],
)
def test_unreadable_input_explains_the_accepted_forms(text: str):
    with pytest.raises(ValueError) as caught:
        parse_event_time(text, DAY, UTC)
    message = str(caught.value)
    assert message.startswith(f"{text.strip()!r} is not a time; use ")
    assert "14:05" in message and "2026-01-31 14:05" in message


# format_event_time ---------------------------------------------------------


def test_short_form_on_the_incident_date():
    assert format_event_time(datetime(2026, 1, 31, 14, 5, tzinfo=UTC), UTC, DAY) == "14:05"


def test_seconds_shown_only_when_present():
    value = datetime(2026, 1, 31, 14, 5, 30, tzinfo=UTC)
    assert format_event_time(value, UTC, DAY) == "14:05:30"
    assert format_event_time(value, UTC, None) == "2026-01-31 14:05:30"


def test_long_form_on_another_date_or_without_incident_date():
    value = datetime(2026, 2, 1, 0, 10, tzinfo=UTC)
    assert format_event_time(value, UTC, DAY) == "2026-02-01 00:10"
    assert format_event_time(datetime(2026, 1, 31, 14, 5, tzinfo=UTC), UTC, None) == "2026-01-31 14:05"


def test_shown_in_the_display_zone():
    value = datetime(2026, 1, 31, 23, 30, tzinfo=UTC)  # 00:30 next day in Berlin
    assert format_event_time(value, BERLIN, DAY) == "2026-02-01 00:30"
    assert format_event_time(value, BERLIN, date(2026, 2, 1)) == "00:30"
    assert format_event_time(value, UTC, DAY) == "23:30"


def test_offset_of_the_value_does_not_matter_only_the_instant():
    india = timezone(timedelta(hours=5, minutes=30))
    value = datetime(2026, 1, 31, 19, 35, tzinfo=india)  # 14:05Z
    assert format_event_time(value, UTC, DAY) == "14:05"


@pytest.mark.parametrize("typed", ["14:05", "14:05:30", "2026-02-01 09:00", "2026-01-30 23:59:59"])
def test_formatted_text_parses_back_to_the_same_instant(typed: str):
    parsed = parse_event_time(typed, DAY, BERLIN)
    shown = format_event_time(parsed, BERLIN, DAY)
    assert parse_event_time(shown, DAY, BERLIN) == parsed
