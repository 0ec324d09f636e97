"""Durations derived from the timeline milestones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from postmortem.models.codec import dumps, loads
from postmortem.models.document import Meta, Postmortem, TimelineEvent
from postmortem.models.enums import Milestone
from postmortem.models.metrics import (
    compute_metrics,
    format_duration,
    format_offset,
    impact_began,
    milestone_order_problems,
)
from postmortem.models.timeparse import parse_event_time

UTC = UTC
PLUS_ONE = timezone(timedelta(hours=1))


def at(hour: int, minute: int = 0, second: int = 0, tz: timezone = UTC, day: int = 31) -> datetime:
    return datetime(2026, 1, day, hour, minute, second, tzinfo=tz)


def doc_with(milestones: dict[Milestone, datetime], extra_events: int = 0) -> Postmortem:
    events = [TimelineEvent(at=when, event=m.value, milestone=m) for m, when in milestones.items()]
    events += [TimelineEvent(at=at(9, i), event=f"note {i}") for i in range(extra_events)]
    return Postmortem(meta=Meta(title="t"), timeline=events)


FULL = {
    Milestone.STARTED: at(10, 0),
    Milestone.DETECTED: at(10, 7, 30),
    Milestone.ACKNOWLEDGED: at(10, 12),
    Milestone.MITIGATED: at(11, 5),
    Milestone.RESOLVED: at(12, 30),
}


def test_every_metric_from_the_milestones():
    metrics = compute_metrics(doc_with(FULL, extra_events=3))

    assert metrics.duration == timedelta(hours=2, minutes=30)
    assert metrics.time_to_detect == timedelta(minutes=7, seconds=30)
    assert metrics.time_to_acknowledge == timedelta(minutes=4, seconds=30)
    assert metrics.time_to_mitigate == timedelta(hours=1, minutes=5)
    assert metrics.time_to_resolve == timedelta(hours=2, minutes=30)


def test_labelled_metrics_in_reading_order():
    metrics = compute_metrics(doc_with(FULL))
    assert metrics.labelled() == [
        ("Duration", timedelta(hours=2, minutes=30)),
        ("Time to detect", timedelta(minutes=7, seconds=30)),
        ("Time to acknowledge", timedelta(minutes=4, seconds=30)),
        ("Time to mitigate", timedelta(hours=1, minutes=5)),
        ("Time to resolve", timedelta(hours=2, minutes=30)),
    ]


def test_no_timeline_gives_no_metrics():
    metrics = compute_metrics(Postmortem(meta=Meta(title="t")))
    assert [value for _, value in metrics.labelled()] == [None] * 5


def test_events_without_milestones_give_no_metrics():
    metrics = compute_metrics(doc_with({}, extra_events=4))
    assert [value for _, value in metrics.labelled()] == [None] * 5


@pytest.mark.parametrize(
    ("missing", "none_metrics"),
    [
        (Milestone.STARTED, {"duration", "time_to_detect", "time_to_mitigate", "time_to_resolve"}),
        (Milestone.DETECTED, {"time_to_detect", "time_to_acknowledge"}),
        (Milestone.ACKNOWLEDGED, {"time_to_acknowledge"}),
        (Milestone.MITIGATED, {"time_to_mitigate"}),
        (Milestone.RESOLVED, {"duration", "time_to_resolve"}),
    ],
)
def test_metric_is_none_when_a_milestone_is_missing(missing: Milestone, none_metrics: set[str]):
    metrics = compute_metrics(doc_with({m: t for m, t in FULL.items() if m is not missing}))
    complete = compute_metrics(doc_with(FULL))

    for name in ("duration", "time_to_detect", "time_to_acknowledge", "time_to_mitigate", "time_to_resolve"):
        if name in none_metrics:
            assert getattr(metrics, name) is None, name
        else:
            assert getattr(metrics, name) == getattr(complete, name), name


def test_mixed_offsets_are_compared_as_instants():
    doc = doc_with(
        {
            Milestone.STARTED: at(14, 52, tz=PLUS_ONE),  # 13:52Z
            Milestone.DETECTED: at(13, 58),  # Z
            Milestone.ACKNOWLEDGED: at(19, 45, tz=timezone(timedelta(hours=5, minutes=30))),  # 14:15Z
            Milestone.MITIGATED: at(15, 20, tz=PLUS_ONE),  # 14:20Z
            Milestone.RESOLVED: at(14, 30),  # Z
        }
    )
    metrics = compute_metrics(doc)

    assert metrics.time_to_detect == timedelta(minutes=6)
    assert metrics.time_to_acknowledge == timedelta(minutes=17)
    assert metrics.time_to_mitigate == timedelta(minutes=28)
    assert metrics.duration == metrics.time_to_resolve == timedelta(minutes=38)


def test_metrics_across_midnight_and_days():
    doc = doc_with({Milestone.STARTED: at(23, 50, day=30), Milestone.RESOLVED: at(0, 20, day=31)})
    assert compute_metrics(doc).duration == timedelta(minutes=30)


def test_metrics_across_a_daylight_saving_change_entered_in_a_zone():
    berlin = ZoneInfo("Europe/Berlin")
    day = date(2026, 3, 29)  # clocks go from 02:00 to 03:00
    doc = Postmortem(meta=Meta(title="t", timezone="Europe/Berlin", incident_date=day))
    for text, milestone in (("01:30", Milestone.STARTED), ("03:10", Milestone.DETECTED), ("03:30", Milestone.RESOLVED)):
        doc.add_event(TimelineEvent(at=parse_event_time(text, day, berlin), event=text, milestone=milestone))

    metrics = compute_metrics(doc)

    assert metrics.duration == timedelta(hours=1)
    assert metrics.time_to_detect == timedelta(minutes=40)
    assert compute_metrics(loads(dumps(doc))) == metrics


def test_out_of_order_milestones_give_negative_metrics():
    doc = doc_with({Milestone.STARTED: at(10, 0), Milestone.DETECTED: at(9, 50)})
    assert compute_metrics(doc).time_to_detect == timedelta(minutes=-10)


def test_metrics_follow_a_moved_milestone():
    doc = doc_with({Milestone.STARTED: at(10, 0), Milestone.RESOLVED: at(11, 0)})
    doc.add_event(TimelineEvent(at=at(9, 0), event="earlier start", milestone=Milestone.STARTED))
    assert compute_metrics(doc).duration == timedelta(hours=2)


# milestone_order_problems -------------------------------------------------


def test_no_problems_when_milestones_are_in_order():
    assert milestone_order_problems(doc_with(FULL)) == []
    assert milestone_order_problems(doc_with({})) == []
    assert milestone_order_problems(doc_with({Milestone.RESOLVED: at(1)})) == []


def test_equal_times_are_not_a_problem():
    doc = doc_with({Milestone.STARTED: at(10), Milestone.DETECTED: at(10), Milestone.ACKNOWLEDGED: at(10)})
    assert milestone_order_problems(doc) == []


def test_a_milestone_before_the_previous_one_is_named():
    doc = doc_with({Milestone.STARTED: at(10, 0), Milestone.DETECTED: at(9, 55), Milestone.RESOLVED: at(11)})
    assert milestone_order_problems(doc) == ["'detected' is before 'started'"]


def test_gaps_compare_with_the_nearest_present_milestone():
    doc = doc_with({Milestone.STARTED: at(10, 0), Milestone.RESOLVED: at(9, 0)})
    assert milestone_order_problems(doc) == ["'resolved' is before 'started'"]


def test_several_problems_are_all_listed():
    doc = doc_with(
        {
            Milestone.STARTED: at(10, 0),
            Milestone.DETECTED: at(9, 0),
            Milestone.ACKNOWLEDGED: at(11, 0),
            Milestone.MITIGATED: at(10, 30),
        }
    )
    assert milestone_order_problems(doc) == [
        "'detected' is before 'started'",
        "'mitigated' is before 'acknowledged'",
    ]


def test_order_problems_use_instants_not_wall_clock():
    # 10:30+01:00 is 09:30Z, so "detected" at 09:45Z is after "started".
    doc = doc_with({Milestone.STARTED: at(10, 30, tz=PLUS_ONE), Milestone.DETECTED: at(9, 45)})
    assert milestone_order_problems(doc) == []
    # ... and 09:15Z is before it, although its wall clock reads earlier too.
    doc = doc_with({Milestone.STARTED: at(10, 30, tz=PLUS_ONE), Milestone.DETECTED: at(9, 15)})
    assert milestone_order_problems(doc) == ["'detected' is before 'started'"]


# format_duration / format_offset ------------------------------------------


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "0s"),
        (timedelta(seconds=45), "45s"),
        (timedelta(seconds=45, microseconds=900000), "45s"),
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=7, seconds=5), "7m 05s"),
        (timedelta(minutes=45), "45m"),
        (timedelta(hours=1), "1h 00m"),
        (timedelta(hours=2, minutes=5), "2h 05m"),
        (timedelta(hours=2, minutes=5, seconds=59), "2h 05m"),
        (timedelta(hours=23, minutes=59), "23h 59m"),
        (timedelta(days=1), "1d"),
        (timedelta(days=1, minutes=30), "1d"),
        (timedelta(days=1, hours=3), "1d 3h"),
        (timedelta(days=12, hours=23, minutes=59), "12d 23h"),
        (timedelta(seconds=-30), "-30s"),
        (timedelta(minutes=-10), "-10m"),
        (timedelta(minutes=-1, seconds=-30), "-1m 30s"),
        (timedelta(hours=-1, minutes=-5), "-1h 05m"),
        (timedelta(days=-2, hours=-4), "-2d 4h"),
    ],
)
def test_format_duration(delta: timedelta, text: str):
    assert format_duration(delta) == text


def test_format_duration_of_nothing():
    assert format_duration(None) == "—"
    assert format_duration(None, missing="n/a") == "n/a"


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(0), "T+0"),
        (timedelta(seconds=20), "T+20s"),
        (timedelta(minutes=10), "T+10m"),
        (timedelta(hours=1, minutes=5), "T+1h 05m"),
        (timedelta(days=1, hours=2), "T+1d 2h"),
        (timedelta(minutes=-10), "T-10m"),
        (timedelta(seconds=-5), "T-5s"),
        (timedelta(hours=-3), "T-3h 00m"),
        (timedelta(days=-1), "T-1d"),
    ],
)
def test_format_offset(delta: timedelta, text: str):
    assert format_offset(delta) == text


def test_time_impacted_runs_from_an_impact_start_of_its_own_to_mitigation_else_resolution():
    doc = doc_with(FULL)
    assert [label for label, _ in compute_metrics(doc).labelled()][-1] == "Time to resolve"  # no impact start
    doc.impact.started_at = at(9, 20)  # a slow build-up, 40 minutes before the started milestone
    metrics = compute_metrics(doc)
    assert metrics.labelled()[-1] == ("Time impacted", timedelta(hours=1, minutes=45))  # to 11:05
    assert metrics.time_to_detect == timedelta(minutes=7, seconds=30)  # every "time to" stays from the start
    assert impact_began(doc) == "2026-01-31 09:20 (T-40m)"
    doc.timeline = [e for e in doc.timeline if e.milestone != Milestone.MITIGATED]
    assert compute_metrics(doc).time_impacted == timedelta(hours=3, minutes=10)  # to the resolution, 12:30
    doc.impact.started_approximate = True
    assert compute_metrics(doc).shown()[-1] == ("Time impacted", "~3h 10m")
    doc.timeline = [e for e in doc.timeline if e.milestone != Milestone.RESOLVED]
    assert compute_metrics(doc).shown()[-1] == ("Time impacted", "—")  # recorded, not yet measurable


def test_an_impact_start_is_read_in_the_documents_zone_and_date():
    doc = doc_with({Milestone.STARTED: at(10, 0)})
    doc.meta.incident_date, doc.meta.timezone = date(2026, 1, 31), "Europe/Paris"
    doc.impact.started_at = at(10, 30)  # 11:30 in Paris
    assert impact_began(doc) == "11:30 (T+30m)"
