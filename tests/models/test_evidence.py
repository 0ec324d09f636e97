"""Timeline reconstruction from evidence files: formats, timestamps, selection, window, collapse, duplicates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from postmortem.models.document import Meta, Postmortem, TimelineEvent
from postmortem.models.enums import EventKind, Milestone
from postmortem.models.evidence import Candidate, ImportOptions, Progress, default_window, import_evidence
from postmortem.models.evidence.collapse import template
from postmortem.models.evidence.records import Cancelled

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"
DAY = date(2026, 2, 12)
WIDE = {"since": datetime(2025, 1, 1, tzinfo=UTC), "until": datetime(2027, 1, 1, tzinfo=UTC)}


def document(zone: str = "UTC", day: date = DAY, timeline: list[TimelineEvent] | None = None) -> Postmortem:
    return Postmortem(meta=Meta(title="Checkout errors", incident_date=day, timezone=zone), timeline=timeline or [])


def run(names: list[str], doc: Postmortem | None = None, **options: object) -> list[Candidate]:
    result = import_evidence(doc or document(), [str(FIXTURES / n) for n in names], ImportOptions(**options))
    assert result.problems == []
    return result.candidates


def every_record(name: str, zone: str = "UTC", **options: object) -> list[Candidate]:
    """All records of a file, one candidate each, in a window wide enough for all of them."""
    return run([name], document(zone), keep_all=True, collapse=False, **{**WIDE, **options})


def stamps(candidates: list[Candidate]) -> list[str]:
    return [c.at.isoformat(timespec="milliseconds") for c in candidates]


# Timestamps of every text format, to the millisecond


def test_iso_8601_with_t_or_space_fractions_offsets_and_prefixes():
    found = every_record("iso.log")
    assert stamps(found) == [
        "2026-02-12T19:00:00.123+00:00",  # space, comma fraction, no offset: the document's zone
        "2026-02-12T19:05:00.500+00:00",  # after a host and file name prefix, Z
        "2026-02-12T20:08:01.000+01:00",  # in brackets, with an offset: kept as written
        "2026-02-12T19:08:02.000+00:00",  # microseconds, +0000
        "2026-02-12T21:08:03.999+02:00",
        "2026-02-12T19:09:00.000+00:00",
        "2026-02-12T19:10:00.000+00:00",
    ]
    # The line before the first timestamp belongs to no record; the stack trace belongs to its record.
    assert [c.source.rsplit(":", 1)[1] for c in found] == ["2", "3", "4", "8", "9", "10", "11"]
    assert found[2].raw.splitlines()[1:] == [
        "java.sql.SQLTransientConnectionException: pool timed out after 3000 ms",
        "    at com.shop.db.Pool.borrow(Pool.java:118)",
        "    at com.shop.checkout.OrderService.place(OrderService.java:77)",
    ]
    assert found[2].text == "ERROR [pool] connection pool exhausted: 12 waiting"
    assert [c.level for c in found] == ["info", "warning", "error", "error", "error", "info", "debug"]


def test_naive_times_follow_daylight_saving_changes_of_the_zone():
    found = every_record("dst.log", zone="Europe/Berlin")
    assert stamps(found) == [
        "2026-03-29T01:59:59.999+01:00",
        "2026-03-29T03:00:00.000+02:00",
        "2026-10-25T01:30:00.000+02:00",
        "2026-10-25T03:30:00.000+01:00",
    ]
    assert found[1].at - found[0].at == timedelta(milliseconds=1)


def test_syslog_without_a_year_across_new_year_lands_in_the_right_years():
    doc = document(day=date(2026, 1, 1))
    found = run(["newyear.syslog"], doc, collapse=False)  # default window: the incident day with a margin
    assert stamps(found) == [
        "2025-12-31T23:59:58.000+00:00",
        "2025-12-31T23:59:59.500+00:00",
        "2026-01-01T00:00:02.000+00:00",
    ]  # the info line is not a candidate
    assert found[0].text == "web-01 checkout[811]: error: payment provider timed out"
    assert [c.level for c in found] == ["error", "warning", "error"]


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2025, ["2025-01-01T00:00:02", "2025-01-01T00:00:03", "2025-12-31T23:59:58", "2025-12-31T23:59:59"]),
        (2026, ["2026-01-01T00:00:02", "2026-01-01T00:00:03", "2026-12-31T23:59:58", "2026-12-31T23:59:59"]),
    ],
)
def test_a_year_given_is_the_year_of_every_date_without_one(year, expected):
    """An explicit year is never moved to the next or the previous one to land near the incident."""
    doc = document(day=date(2026, 1, 1))
    found = run(["newyear.syslog"], doc, collapse=False, keep_all=True, year=year, **WIDE)
    assert [c.at.isoformat(timespec="seconds").removesuffix("+00:00") for c in found] == expected


def test_a_year_given_for_a_summer_line_on_a_new_year_incident(tmp_path):
    doc = document(day=date(2005, 1, 1))
    summer = tmp_path / "summer.syslog"
    summer.write_text("Jun 14 15:16:01 web-01 sshd[99]: error: session closed unexpectedly\n")
    window = {"since": datetime(2004, 1, 1, tzinfo=UTC), "until": datetime(2006, 1, 1, tzinfo=UTC)}

    def first(**options: object) -> Candidate:
        result = import_evidence(doc, [str(summer)], ImportOptions(collapse=False, **window, **options))
        return result.candidates[0]

    given, inferred = first(year=2005), first()
    assert given.at.isoformat() == "2005-06-14T15:16:01+00:00"  # as given
    assert inferred.at.isoformat() == "2004-06-14T15:16:01+00:00"  # nearest the incident, without a year


@pytest.mark.parametrize(
    ("name", "zone", "expected", "levels"),
    [
        (
            "rfc5424.log",
            "UTC",
            ["2026-02-12T19:08:01.003+00:00", "2026-02-12T20:08:02.500+01:00", "2026-02-12T19:08:03.000+00:00"],
            ["notice", "error", "info"],
        ),
        (
            "access.log",
            "UTC",
            ["2026-02-12T20:08:01.000+01:00", "2026-02-12T19:08:02.000+00:00", "2026-02-12T19:08:03.000+00:00"],
            ["info", "error", "error"],
        ),
        (
            "apache_error.log",
            "Europe/Berlin",
            ["2026-02-12T19:08:01.123+01:00", "2026-02-12T19:08:02.000+01:00", "2026-02-12T19:08:03.000+01:00"],
            ["error", "notice", "error"],
        ),
        (
            "epoch.log",
            "UTC",
            ["2026-02-12T19:08:01.250+00:00", "2026-02-12T19:08:02.000+00:00", "2026-02-12T19:08:03.500+00:00"],
            ["error", "info", "warning"],
        ),
        (
            "epoch_ms.log",
            "Europe/Berlin",
            ["2026-02-12T20:08:01.250+01:00", "2026-02-12T20:08:02.000+01:00"],
            ["error", "info"],
        ),
    ],
)
def test_each_text_format_to_the_millisecond(name, zone, expected, levels):
    found = every_record(name, zone)
    assert stamps(found) == expected
    assert [c.level for c in found] == levels


def test_a_strftime_format_for_anything_else():
    found = every_record("custom.log", "Europe/Berlin", time_format="%d.%m.%Y %H:%M:%S")
    assert stamps(found) == ["2026-02-12T20:08:01.000+01:00", "2026-02-12T20:08:02.000+01:00"]
    assert found[0].level == "error" and found[0].text == "ERROR | pool exhausted"


def test_crlf_line_ends_and_unreadable_bytes():
    crlf = every_record("crlf.log")
    assert stamps(crlf) == ["2026-02-12T19:08:01.001+00:00", "2026-02-12T19:08:02.002+00:00"]
    assert crlf[0].text == "ERROR first line ends in CRLF"
    assert crlf[0].raw.splitlines()[1] == "  continuation in CRLF"
    assert "\r" not in crlf[0].raw + crlf[1].text
    (latin1,) = every_record("latin1.log")
    assert latin1.text == "ERROR caf\ufffd \ufffd\ufffd unreadable bytes"


def test_an_empty_file_gives_nothing_and_no_problem():
    assert every_record("empty.log") == []


# Structured sources


def test_json_lines_with_common_keys_iso_and_epoch_times_and_numeric_levels():
    found = every_record("app.jsonl")
    assert stamps(found) == [
        "2026-02-12T19:08:01.250+00:00",
        "2026-02-12T19:08:02.000+00:00",
        "2026-02-12T20:08:03.500+01:00",
        "2026-02-12T19:08:04.000+00:00",
    ]
    assert [c.text for c in found] == [
        "pool exhausted",
        "payment timeout",
        "deploy of checkout-api 4.2.0 started",
        "request served",
    ]
    assert [c.level for c in found] == ["error", "error", "info", "info"]
    assert [c.source.rsplit(":", 1)[1] for c in found] == ["1", "2", "3", "4"]
    # Without --all: the two errors and the deploy.
    picked = run(["app.jsonl"], collapse=False, **WIDE)
    assert [c.text for c in picked] == [c.text for c in found[:3]]


def test_csv_alert_export_picks_time_title_and_severity_columns():
    found = every_record("alerts.csv")
    assert stamps(found) == [
        "2026-02-11T03:00:00.000+00:00",
        "2026-02-12T19:19:00.000+00:00",
        "2026-02-12T20:21:30.000+01:00",
    ]
    assert [c.text for c in found] == [
        "Disk almost full",
        "Checkout availability below 99.5% (fast burn)",
        "Confirmation p99 above 2 s, 5 minutes",
    ]
    assert [c.level for c in found] == ["info", "critical", "warning"]
    assert {c.kind for c in found} == {EventKind.DETECTION}
    assert [c.source.rsplit(":", 1)[1] for c in found] == ["4", "2", "3"]


def test_csv_columns_can_be_named():
    found = every_record("alerts.csv", columns={"time": "triggered_at", "text": "service", "level": None})
    assert [c.text for c in found][1] == "checkout-api"


def test_chat_export_messages_are_communication_events():
    found = every_record("channel.json")
    assert stamps(found) == ["2026-02-12T19:19:00.000+00:00", "2026-02-12T19:29:00.250+00:00"]
    assert [c.actor for c in found] == ["oncall-sre", "U02"]
    assert {c.kind for c in found} == {EventKind.COMMUNICATION}
    assert [c.source.rsplit(":", 1)[1] for c in found] == ["3", "5"]  # the lines holding their ts


def test_git_log_commits_are_changes_and_reverts_mitigations():
    found = every_record("git.log")
    assert stamps(found) == ["2026-02-12T20:52:10.000+01:00", "2026-02-12T19:56:00.000+00:00"]
    assert [(c.text, c.kind) for c in found] == [
        ("Lower default database pool to 10 connections", EventKind.PRECURSOR),
        ('Revert "Lower default database pool to 10 connections"', EventKind.MITIGATION),
    ]
    assert found[0].evidence.startswith("commit ")


# Problems


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("binary.bin", ["binary"]),
        ("notimes.txt", ["no timestamps", "iso8601", "rfc3164", "--time-format"]),
        ("missing.log", ["No such file"]),
        (".", ["folder"]),
    ],
)
def test_unreadable_sources_are_reported_with_what_to_do(name, words):
    result = import_evidence(document(), [str(FIXTURES / name)], ImportOptions(**WIDE))
    (problem,) = result.problems
    assert problem.startswith(str(FIXTURES / name))
    for word in words:
        assert word in problem


def test_a_good_source_still_reads_when_another_fails():
    result = import_evidence(
        document(), [str(FIXTURES / "notimes.txt"), str(FIXTURES / "epoch.log")], ImportOptions(**WIDE)
    )
    assert len(result.problems) == 1 and len(result.candidates) == 2


def test_a_kind_can_be_forced_with_a_prefix():
    forced = import_evidence(document(), [f"epoch:{FIXTURES / 'epoch.log'}"], ImportOptions(keep_all=True, **WIDE))
    assert len(forced.candidates) == 3 and forced.candidates[0].source == f"{FIXTURES / 'epoch.log'}:1"
    wrong = import_evidence(document(), [f"iso8601:{FIXTURES / 'epoch.log'}"], ImportOptions(**WIDE))
    (problem,) = wrong.problems
    assert "(tried iso8601)" in problem


# Selection, window, collapse, duplicates


def test_default_selection_keeps_warnings_errors_and_change_words_and_collapses_bursts():
    found = run(["iso.log"], **WIDE)
    assert [c.text for c in found] == [
        "web-01 app.log: WARN [disk] volume /data 91% full",
        "3 × ERROR [pool] connection pool exhausted: <n> waiting from 19:08:01 to 19:08:03",
        "INFO [deployer] rollback of checkout-api to 4.2.0 started",
    ]
    burst = found[1]
    assert burst.count == 3 and burst.example == "ERROR [pool] connection pool exhausted: 12 waiting"
    assert burst.until is not None and burst.until.isoformat(timespec="milliseconds") == "2026-02-12T21:08:03.999+02:00"
    assert found[2].kind == EventKind.MITIGATION and found[1].kind == EventKind.SYMPTOM


def test_grep_adds_records_that_match():
    found = run(["iso.log"], collapse=False, grep=r"GET /health", **WIDE)
    assert "DEBUG [http] GET /health 200" in [c.text for c in found]


def test_the_default_window_is_start_to_resolution_with_an_hour_either_side():
    start = datetime(2026, 2, 12, 19, 30, tzinfo=UTC)
    doc = document(
        timeline=[
            TimelineEvent(at=start, event="Errors begin", milestone=Milestone.STARTED),
            TimelineEvent(at=start + timedelta(minutes=20), event="Errors end", milestone=Milestone.RESOLVED),
        ]
    )
    window = default_window(doc, ImportOptions())
    assert window.start == (start - timedelta(hours=1)).timestamp()
    assert window.end == (start + timedelta(minutes=80)).timestamp()
    found = run(["epoch.log", "channel.json"], doc, keep_all=True, collapse=False)
    assert len(found) == 5  # every record is within 18:30 - 20:50
    late = document(
        timeline=[
            TimelineEvent(
                at=datetime(2026, 2, 12, 21, 0, tzinfo=UTC), event="Errors begin", milestone=Milestone.STARTED
            )
        ]
    )
    assert run(["epoch.log"], late, keep_all=True) == []
    narrowed = run(["epoch.log"], doc, keep_all=True, collapse=False, since=datetime(2026, 2, 12, 19, 8, 2, tzinfo=UTC))
    assert stamps(narrowed) == ["2026-02-12T19:08:02.000+00:00", "2026-02-12T19:08:03.500+00:00"]


def test_bursts_split_when_records_are_far_apart(tmp_path):
    lines = [
        f"2026-02-12T19:{m:02d}:{s:02d}Z ERROR pool exhausted: {m * 60 + s} waiting\n"
        for m in range(0, 5)
        for s in (0, 30)
    ]
    lines.append("2026-02-12T19:30:00Z ERROR pool exhausted: 3 waiting\n")
    log = tmp_path / "burst.log"
    log.write_text("".join(lines))
    result = import_evidence(document(), [str(log)], ImportOptions(**WIDE))
    assert [c.count for c in result.candidates] == [10, 1]
    assert result.candidates[0].text == "10 × ERROR pool exhausted: <n> waiting from 19:00:00 to 19:04:30"
    assert result.candidates[1].text == "ERROR pool exhausted: 3 waiting"
    unmerged = import_evidence(document(), [str(log)], ImportOptions(collapse=False, **WIDE))
    assert len(unmerged.candidates) == 11


def test_templates_mask_what_varies():
    assert (
        template('user "ana" from 10.1.2.3:443 req 3fa85f64-5717-4562-b3fc-2c963f66afa6 took 12ms, key deadbeef42')
        == 'user "…" from <ip> req <id> took <n>ms, key <hex>'
    )
    assert template("http2 on x86_64") == "http2 on x86_64"


def test_candidates_already_in_the_timeline_are_marked():
    first = every_record("epoch.log")[0]
    doc = document(
        timeline=[
            TimelineEvent(at=first.at + timedelta(seconds=20), event=first.text.upper().replace(" ", "  ")),
            TimelineEvent(
                at=datetime(2026, 2, 12, 19, 8, 3, tzinfo=UTC), event="slow", source=f"{FIXTURES}/epoch.log:3"
            ),
        ]
    )
    found = run(["epoch.log"], doc, keep_all=True, collapse=False, **WIDE)
    assert [c.existing for c in found] == [True, False, True]
    assert "existing" in found[0].as_json() and "existing" not in found[1].as_json()


def test_sources_are_merged_in_time_order():
    found = run(["epoch.log", "app.jsonl", "git.log"], keep_all=True, collapse=False, **WIDE)
    assert [c.at for c in found] == sorted(c.at for c in found)
    assert len({c.source.rsplit(":", 1)[0] for c in found}) == 3


def test_progress_counts_bytes_and_cancels():
    seen: list[int] = []
    progress = Progress(on_change=lambda p: seen.append(p.done))
    import_evidence(document(), [str(FIXTURES / "iso.log")], ImportOptions(**WIDE), progress)
    assert progress.total == progress.done == (FIXTURES / "iso.log").stat().st_size and seen
    with pytest.raises(Cancelled):
        import_evidence(document(), [str(FIXTURES / "iso.log")], ImportOptions(**WIDE), Progress(cancelled=True))


def test_a_candidate_becomes_a_timeline_event():
    burst = run(["iso.log"], **WIDE)[1]
    event = burst.to_event()
    assert event.at == burst.at and event.kind == EventKind.SYMPTOM
    assert event.source.endswith("iso.log:4")
    assert event.evidence == "first of 3: ERROR [pool] connection pool exhausted: 12 waiting"
    assert event.at.utcoffset() == timedelta(hours=1)  # the offset as written in the log
