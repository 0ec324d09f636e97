"""What the reader and the bursts remember to go fast gives what working it out afresh gives."""

from __future__ import annotations

import functools
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import re2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.models.evidence.collapse import Templates, _shown_template, numbered_host
from postmortem.models.evidence.records import Progress, Selection, Window
from postmortem.models.evidence.textlog import TextLogReader, first_hit
from postmortem.models.evidence.timestamps import BY_NAME, FORMATS, TimeContext

# A line of each format whose timestamp has 123 thousandths of a second.
WITH_FRACTION = {
    "rfc5424": "<165>1 2026-01-31T14:05:09.123Z host app - - msg",
    "clf": '10.0.0.1 - - [31/Jan/2026:14:05:09.123 +0100] "GET / HTTP/1.1" 200 5',
    "apache-error": "[Sat Jan 31 14:05:09.123 2026] [core:error] msg",
    "postgres": "2026-01-31 14:05:09.123 UTC [42] ERROR:  msg",
    "logcat": "01-31 14:05:09.123  1234  1260 E Tag: msg",
    "iso8601": "2026-01-31T14:05:09.123+01:00 msg",
    "klog": "E0131 14:05:09.123   12345 file.go:42] msg",
    "nginx-error": "2026/01/31 14:05:09.123 [error] 42#0: msg",
    "go-log": "2026/01/31 14:05:09.123 msg",
    "hadoop": "26/01/31 14:05:09,123 INFO msg",
    "mmdd-bracketed": "[01.31 14:05:09.123] msg",
    "yyyymmdd-dash": "20260131-14:05:09:123 msg",
    "rfc3164": "Jan 31 14:05:09.123 host app: msg",
    "log4j-compact": "260131 140509,123 INFO msg",
    "epoch": "1769868309.123 msg",
}


@pytest.mark.parametrize("name", [fmt.name for fmt in FORMATS if fmt.fraction is not None])
def test_each_format_names_the_group_of_its_fraction_of_a_second(name):
    fmt = BY_NAME[name]
    found = fmt.pattern.search(WITH_FRACTION[name].encode())
    assert found is not None and fmt.fraction is not None
    assert found.group(fmt.fraction) == b"123"


stamps = st.tuples(
    st.integers(0, 7200),  # seconds after 13:00
    st.sampled_from(["", ".5", ",25", ".123", ".000001", ".999999999"]),
    st.sampled_from(["", "Z", "+01:00", "-0530", "+0000"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(stamps, min_size=1, max_size=60))
def test_remembered_times_are_the_times_the_lines_give(tmp_path: Path, lines: list[tuple[int, str, str]]):
    base = datetime(2026, 2, 12, 13, tzinfo=UTC)
    log = tmp_path / "memo.log"
    text, expected = [], []
    for after, fraction, zone in lines:
        wall = base + timedelta(seconds=after)
        text.append(f"{wall:%Y-%m-%d %H:%M:%S}{fraction}{zone} ERROR n={after}\n")
        offset = timezone(timedelta(minutes=_minutes(zone)))
        digits = fraction[1:]
        exact = wall.replace(tzinfo=offset).timestamp() + (int(digits) / 10 ** len(digits) if digits else 0)
        expected.append(exact)
    log.write_text("".join(text))
    ctx = TimeContext(ZoneInfo("UTC"), 2026)
    reader = TextLogReader(log, BY_NAME["iso8601"], 16, ctx, Window(), Selection(keep_all=True), Progress())
    assert [record.at for record in reader.records()] == pytest.approx(expected, abs=1e-6)


def _minutes(zone: str) -> int:
    if zone in ("", "Z"):
        return 0
    digits = zone[1:].replace(":", "")
    return (-1 if zone[0] == "-" else 1) * (int(digits[:2]) * 60 + int(digits[2:]))


texts = st.text(alphabet="abefxAF019 -.:[]\"'/web", max_size=40)


@settings(max_examples=300)
@given(texts, st.data())
def test_a_template_remembered_by_shape_is_the_template_of_the_text(text, data):
    # Another text of the same shape: every digit may be another digit.
    other = "".join(data.draw(st.sampled_from("0123456789")) if ch.isdigit() else ch for ch in text)
    templates = Templates()
    templates.of(text)
    shown = _shown_template(other)
    assert templates.of(other) == (shown, shown.casefold(), numbered_host(other))


def test_the_block_search_calls_re2_directly_and_finds_what_python_re_finds():
    pattern = rb"\b(?:ERROR|WARN)\b|deploy\w*"
    data = b"2026 INFO ok\n2026 ERROR pool\nxx deployed v2\nWARNING no\n" * 3
    direct, fallback = first_hit(re2.compile(pattern)), first_hit(re.compile(pattern))
    assert isinstance(direct, functools.partial)  # the binding's own call, no Python match objects
    for start in range(len(data) + 1):
        assert tuple(direct(data, start, len(data))[0]) == tuple(fallback(data, start, len(data))[0])
