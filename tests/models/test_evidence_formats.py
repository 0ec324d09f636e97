"""Evidence import: the log formats recognised without a hint, their exact timestamps and their levels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postmortem.models.document import Meta, Postmortem
from postmortem.models.evidence import ImportOptions, import_evidence
from postmortem.models.evidence.classify import RANK, WARNING
from postmortem.models.evidence.detect import detect
from postmortem.models.evidence.records import Progress, Record, Selection, Window
from postmortem.models.evidence.structured import json_lines
from postmortem.models.evidence.textlog import TextLogReader
from postmortem.models.evidence.timestamps import TimeContext

EVIDENCE = Path(__file__).resolve().parents[1] / "fixtures" / "evidence"
FORMATS = EVIDENCE / "formats"
BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 2, 12)


def instant(hour: int, minute: int, second: int, fraction: str = "", zone: tzinfo = BERLIN, day: date = DAY) -> float:
    """Epoch seconds of a wall-clock time, every digit of ``fraction`` counted (datetime keeps six)."""
    whole = datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone).timestamp()
    return whole + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


def document(day: date = DAY) -> Postmortem:
    return Postmortem(meta=Meta(title="Checkout errors", incident_date=day, timezone="Europe/Berlin"))


def format_of(path: Path) -> str:
    """The text format detected with no hint, or the structured kind."""
    found = detect(path)
    return found.text_format.name if found.text_format is not None else found.kind


def read_all(path: Path, zone: ZoneInfo = BERLIN) -> list[Record]:
    """Every record of a file, detected with no hint, with its unrounded epoch seconds."""
    found = detect(path)
    ctx = TimeContext(zone, DAY.year, instant(0, 0, 0))
    everything = (Window(), Selection(keep_all=True), Progress())
    if found.kind == "jsonl":
        return list(json_lines(path, ctx, *everything))
    assert found.kind == "log" and found.text_format is not None
    return list(TextLogReader(path, found.text_format, found.prefix_limit, ctx, *everything).records())


def berlin(h: int, m: int, s: int, fraction: str = "") -> float:
    return instant(h, m, s, fraction)


def utc(h: int, m: int, s: int, fraction: str = "") -> float:
    return instant(h, m, s, fraction, UTC)


# file, kind ("log" with its format, or "jsonl"), then each record: epoch seconds, UTC offset in minutes, level.
CASES = [
    (
        "logcat.log",
        "logcat",
        [
            (berlin(19, 8, 1, "123"), 60, "info"),
            (berlin(19, 8, 1, "456"), 60, "warning"),
            (berlin(19, 8, 2, "007"), 60, "error"),
            (berlin(19, 8, 2, "008"), 60, "error"),
            (berlin(19, 8, 3, "250"), 60, "debug"),
        ],
    ),
    (
        "log4j_compact.log",
        "log4j-compact",
        [
            (berlin(19, 8, 1), 60, "info"),
            (berlin(19, 8, 2, "250"), 60, "warning"),
            (berlin(19, 8, 3, "500"), 60, "error"),
            (berlin(19, 8, 4), 60, "info"),
        ],
    ),
    (
        "hadoop.log",
        "hadoop",
        [
            (berlin(19, 8, 1), 60, "info"),
            (berlin(19, 8, 5, "120"), 60, "warning"),
            (berlin(19, 8, 9), 60, "error"),
            (berlin(19, 8, 10), 60, "info"),
        ],
    ),
    (
        "mmdd_bracketed.log",
        "mmdd-bracketed",
        [(berlin(19, 8, 1), 60, "info"), (berlin(19, 8, 2, "250"), 60, "warning"), (berlin(19, 8, 4), 60, "error")],
    ),
    (
        "yyyymmdd_dash.log",
        "yyyymmdd-dash",
        [
            (berlin(19, 8, 1, "123"), 60, "info"),
            (berlin(19, 8, 1, "987"), 60, "warning"),
            (berlin(19, 8, 2, "005"), 60, "error"),
            (berlin(19, 8, 3, "400"), 60, "info"),
        ],
    ),
    (
        "klog.log",
        "klog",
        [
            (berlin(19, 8, 1, "123456"), 60, "info"),
            (berlin(19, 8, 2, "500000"), 60, "warning"),
            (berlin(19, 8, 3, "000001"), 60, "error"),
            (berlin(19, 8, 4, "750000"), 60, "critical"),
        ],
    ),
    (
        "nginx_error.log",
        "nginx-error",
        [
            (berlin(19, 8, 1), 60, "notice"),
            (berlin(19, 8, 2), 60, "warning"),
            (berlin(19, 8, 3), 60, "error"),
            (berlin(19, 8, 4), 60, "critical"),
        ],
    ),
    (
        "go.log",
        "go-log",
        [(berlin(19, 8, 1), 60, "info"), (berlin(19, 8, 2), 60, "warning"), (berlin(19, 8, 3), 60, "error")],
    ),
    (
        "go_micro.log",
        "go-log",
        [
            (berlin(19, 8, 1, "000250"), 60, "info"),
            (berlin(19, 8, 2, "123456"), 60, "error"),
            (berlin(19, 8, 2, "654321"), 60, "error"),
        ],
    ),
    (
        "postgres.log",  # UTC as written, not the document's zone; DETAIL and STATEMENT continue the ERROR
        "postgres",
        [
            (utc(18, 8, 1, "123"), 0, "info"),
            (utc(18, 8, 2, "456"), 0, "error"),
            (utc(18, 8, 3, "789"), 0, "critical"),
            (utc(18, 8, 4), 0, "warning"),
        ],
    ),
    (
        "kubectl.log",  # kubectl logs --timestamps: RFC 3339 with nanoseconds is ISO 8601
        "iso8601",
        [
            (utc(18, 8, 1, "123456789"), 0, "info"),
            (utc(18, 8, 2, "000000001"), 0, "warning"),
            (utc(18, 8, 3, "999999999"), 0, "error"),
        ],
    ),
    (
        "journal.log",  # journalctl -o short-iso: the host's offset is kept
        "iso8601",
        [
            (utc(18, 8, 1), 120, "info"),
            (utc(18, 8, 2), 120, "warning"),
            (utc(18, 8, 3), 120, "error"),
            (utc(18, 8, 4), 120, "info"),
        ],
    ),
    (
        "docker.jsonl",
        "jsonl",
        [
            (utc(18, 8, 1, "100234567"), 0, "info"),
            (utc(18, 8, 2, "200345678"), 0, "warning"),
            (utc(18, 8, 3, "300456789"), 0, "error"),
            (utc(18, 8, 4, "000000001"), 0, "info"),  # on stderr, which says nothing about the level
        ],
    ),
    (
        "nested.jsonl",
        "jsonl",
        [
            (berlin(19, 8, 1, "250"), 60, "info"),
            (berlin(19, 8, 2, "500"), 60, "error"),
            (utc(18, 8, 3, "750"), 0, "warning"),
            (berlin(19, 8, 4, "125"), 60, "critical"),
            (utc(18, 8, 5, "5"), 60, "error"),  # epoch seconds: the document's zone gives the offset
            (utc(18, 8, 6), 0, "warning"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "kind", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_format_is_detected_and_read_exactly(name, kind, expected):
    path = FORMATS / name
    assert format_of(path) == kind

    records = read_all(path)
    assert [r.offset for r in records] == [offset for _, offset, _ in expected]
    assert [r.level for r in records] == [level for _, _, level in expected]
    for record, (seconds, _, _) in zip(records, expected, strict=True):
        # Exact to every digit written, as far as a float goes: near 2026 one step is 2**-22 s (0.24 µs), so
        # nanoseconds cut to microseconds (as datetime would) are caught.
        assert record.at == pytest.approx(seconds, abs=3e-7)

    # The same through the public import, with the document's default window: the times to the millisecond
    # with the offset as read, and every warning or worse proposed without --all.
    every = import_evidence(document(), [str(path)], ImportOptions(keep_all=True, collapse=False))
    assert every.problems == []
    assert [c.at.timestamp() for c in every.candidates] == pytest.approx([round(s, 3) for s, _, _ in expected])
    assert [c.at.utcoffset() for c in every.candidates] == [timedelta(minutes=o) for _, o, _ in expected]
    assert [c.level for c in every.candidates] == [level for _, _, level in expected]
    picked = import_evidence(document(), [str(path)], ImportOptions(collapse=False)).candidates
    alarming = {c.source for c in every.candidates if RANK[c.level] >= WARNING}
    assert alarming and alarming <= {c.source for c in picked}


def test_texts_leave_out_the_stamp_and_keep_the_level():
    texts = {name: [r.text for r in read_all(FORMATS / name)] for name, _, _ in CASES}
    assert texts["logcat.log"][2] == "E PaymentClient: charge request failed: timeout after 3000 ms"
    assert (
        texts["klog.log"][2] == 'E controller.go:118] error syncing "shop/checkout-api": etcdserver: request timed out'
    )
    assert texts["nginx_error.log"][2].startswith("error connect() failed (111: Connection refused)")
    assert (
        texts["postgres.log"][1]
        == '[3310] app@shop ERROR: duplicate key value violates unique constraint "orders_pkey"'
    )
    assert texts["docker.jsonl"][:2] == ["checkout-api 4.2.1 listening on :8080", "WARN pool at 90% of 20 connections"]
    assert texts["nested.jsonl"][3:5] == ["giving up on order 48213", "ledger write failed"]


def test_postgres_detail_and_statement_lines_belong_to_the_error_above():
    error = read_all(FORMATS / "postgres.log")[1]
    assert error.line == 2
    assert [line.split("app@shop ")[1].split(":")[0] for line in error.raw.splitlines()] == [
        "ERROR",
        "DETAIL",
        "STATEMENT",
    ]


@pytest.mark.parametrize("name", ["logcat_newyear.log", "klog_newyear.log"])
def test_a_yearless_format_across_new_year_lands_in_the_right_years(name):
    assert format_of(FORMATS / name) in ("logcat", "klog")
    new_year = date(2026, 1, 1)
    found = import_evidence(document(new_year), [str(FORMATS / name)], ImportOptions(keep_all=True, collapse=False))
    assert found.problems == []
    old_year = date(2025, 12, 31)
    expected = {
        "logcat_newyear.log": [
            (23, 59, 58, "500", old_year),
            (23, 59, 59, "900", old_year),
            (0, 0, 1, "250", new_year),
        ],
        "klog_newyear.log": [(23, 59, 58, "500", old_year), (23, 59, 59, "", old_year), (0, 0, 2, "250", new_year)],
    }[name]
    assert [c.at.timestamp() for c in found.candidates] == pytest.approx(
        [instant(h, m, s, f, day=d) for h, m, s, f, d in expected]
    )
    assert found.candidates[0].level == "error"


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "sample.log"
    path.write_text("".join(line + "\n" for line in lines))
    return path


def test_postgres_zone_names_and_offsets(tmp_path):
    path = write(
        tmp_path,
        [
            "2026-10-25 02:30:00.000 CEST [7] LOG:  the first 02:30 of the autumn change",
            "2026-10-25 02:30:00.000 CET [7] LOG:  the second 02:30",
            "2026-02-12 21:08:01.250 +03 [7] ERROR:  an offset as written",
            "2026-02-12 18:08:01 GMT [7] WARNING:  GMT is UTC; no milliseconds with %t",
            "2026-02-12 13:08:01.000 EST [7] LOG:  not the zone's own name: a time in --tz, the document's zone",
        ],
    )
    assert format_of(path) == "postgres"
    records = read_all(path)
    october = date(2026, 10, 25)
    assert [r.at for r in records] == pytest.approx(
        [
            instant(0, 30, 0, zone=UTC, day=october),
            instant(1, 30, 0, zone=UTC, day=october),
            utc(18, 8, 1, "25"),
            utc(18, 8, 1),
            berlin(13, 8, 1),
        ]
    )
    assert [r.offset for r in records] == [120, 60, 180, 0, 60]
    assert [r.level for r in records] == ["info", "info", "error", "warning", "info"]


def test_logcat_time_and_year_layouts(tmp_path):
    brief = write(
        tmp_path,
        [
            "02-12 19:08:01.123 I/CheckoutActivity( 1873): cart restored",
            "02-12 19:08:02.456 E/PaymentClient( 1873): charge request failed",
        ],
    )
    assert format_of(brief) == "logcat"
    assert [(r.at, r.level) for r in read_all(brief)] == [
        (berlin(19, 8, 1, "123"), "info"),
        (berlin(19, 8, 2, "456"), "error"),
    ]
    dated = write(
        tmp_path, ["2026-02-12 19:08:01.123  1873  1902 W PaymentSheet: slow", "2026-02-12 19:08:02.000  1 2 I A: b"]
    )
    assert format_of(dated) == "logcat"
    assert [(r.at, r.level) for r in read_all(dated)] == [
        (berlin(19, 8, 1, "123"), "warning"),
        (berlin(19, 8, 2), "info"),
    ]


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["2026-02-12 19:08:01.123 ERROR pool exhausted", "2026-02-12 19:08:02.000 INFO ok"], "iso8601"),
        (["2026-02-12 19:00:00,123 INFO  [main] started", "2026-02-12 19:00:01,000 WARN  [db] slow"], "iso8601"),
        (["2026-02-12 19:08:01.123 UTC app ERROR: one space after the colon is not PostgreSQL"], "iso8601"),
        # kubectl logs --timestamps of a klog container: the exact UTC time wins over the yearless one.
        (["2026-02-12T18:08:01.123456789Z E0212 18:08:01.123456       1 main.go:42] boom"], "iso8601"),
        (["2026/02/12 19:08:01 served", "2026/02/12 19:08:02 served"], "go-log"),  # no yy/MM/dd inside it
        (["26/02/12 19:08:01 INFO a", "26/02/12 19:08:02 WARN b"], "hadoop"),
        (["<165>1 2026-02-12T19:08:01.003Z web-01 app - - x"], "rfc5424"),
        (["Feb 12 19:08:01 web-01 app[1]: 260212 190801 is a number here"], "rfc3164"),
        (["1770919681.250 web-01 ERROR upstream reset"], "epoch"),
    ],
)
def test_existing_formats_still_win_where_they_should(tmp_path, lines, name):
    assert format_of(write(tmp_path, lines)) == name


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("iso.log", "iso8601"),
        ("dst.log", "iso8601"),
        ("crlf.log", "iso8601"),
        ("rfc5424.log", "rfc5424"),
        ("access.log", "clf"),
        ("apache_error.log", "apache-error"),
        ("epoch.log", "epoch"),
        ("epoch_ms.log", "epoch-ms"),
        ("newyear.syslog", "rfc3164"),
    ],
)
def test_the_older_fixtures_keep_their_formats(name, fmt):
    assert format_of(EVIDENCE / name) == fmt
