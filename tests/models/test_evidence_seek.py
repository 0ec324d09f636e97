"""Large time-ordered logs are bisected to the window instead of read in full: the same candidates, the
same line numbers; an out-of-order log is read in full, and the result says so."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from postmortem.models.document import Meta, Postmortem
from postmortem.models.evidence import ImportOptions, import_evidence, textlog

START = datetime(2026, 2, 12, 10, tzinfo=UTC)


def write_log(path: Path, seconds: list[int]) -> None:
    lines = []
    for number, second in enumerate(seconds):
        at = (START + timedelta(seconds=second)).isoformat().replace("+00:00", "Z")
        level = "ERROR" if number % 97 == 0 else "INFO"
        lines.append(f"{at} {level} worker-{number % 5}: request {number} handled\n")
        if number % 211 == 0:
            lines.append("    at com.shop.Worker.run(Worker.java:42)\n")  # a continuation line
    path.write_text("".join(lines))


def candidates(path: Path, since: datetime, until: datetime) -> tuple[list[tuple[str, str, str]], list[str]]:
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 2, 12)))
    result = import_evidence(doc, [str(path)], ImportOptions(since=since, until=until, collapse=False))
    assert result.problems == []
    return [(c.at.isoformat(), c.source.rsplit(":", 1)[1], c.text) for c in result.candidates], result.notes


@pytest.fixture
def small_seek(monkeypatch):
    """Bisect files of a few hundred kilobytes, with small probes, so that the tests stay quick."""
    monkeypatch.setattr(textlog, "SEEK_FROM", 64 << 10)
    monkeypatch.setattr(textlog, "PROBE", 4 << 10)


def full_scan(monkeypatch, path: Path, since: datetime, until: datetime):
    monkeypatch.setattr(textlog, "SEEK_FROM", 1 << 60)
    return candidates(path, since, until)


def test_an_ordered_log_bisected_to_the_window_gives_what_a_full_read_gives(tmp_path, small_seek, monkeypatch):
    log = tmp_path / "app.log"
    write_log(log, list(range(0, 20_000, 2)))  # 10,000 records over five and a half hours
    since, until = START + timedelta(hours=2), START + timedelta(hours=3)
    read_part = []
    original = textlog.TextLogReader._lines_before
    monkeypatch.setattr(
        textlog.TextLogReader, "_lines_before", lambda self, s, o: read_part.append(o) or original(self, s, o)
    )
    seeking, notes = candidates(log, since, until)
    assert notes == [] and read_part and read_part[0] > log.stat().st_size // 4  # it did skip ahead
    assert seeking == full_scan(monkeypatch, log, since, until)[0]
    assert len(seeking) > 10


def test_a_log_out_of_time_order_is_read_in_full_and_said_to_be(tmp_path, small_seek, monkeypatch):
    log = tmp_path / "merged.log"
    seconds = list(range(0, 20_000, 2))
    random.Random(7).shuffle(seconds)
    write_log(log, seconds)
    since, until = START + timedelta(hours=2), START + timedelta(hours=3)
    found, notes = candidates(log, since, until)
    assert notes == [f"{log}: its records are not in time order, so it was read in full"]
    assert found == full_scan(monkeypatch, log, since, until)[0]


def test_a_window_outside_the_log_finds_nothing_and_reads_little(tmp_path, small_seek):
    log = tmp_path / "app.log"
    write_log(log, list(range(0, 20_000, 2)))
    found, notes = candidates(log, START + timedelta(days=1), START + timedelta(days=2))
    assert found == [] and notes == []


def test_a_sparse_log_is_read_to_the_window_end_even_when_one_probe_spans_hours(tmp_path, small_seek, monkeypatch):
    # Lines ten minutes apart: one 4 KB probe holds about six hours, far more than the margin after the window.
    monkeypatch.setattr(textlog, "BLOCK", 1 << 10)
    log = tmp_path / "sparse.log"
    lines = []
    for step in range(0, 3000):
        at = (START + timedelta(minutes=10 * step)).isoformat().replace("+00:00", "Z")
        lines.append(f"{at} ERROR batch {step} failed\n")
    log.write_text("".join(lines))
    for hours in (100, 101, 102, 103, 104, 105):
        since, until = START + timedelta(hours=hours - 20), START + timedelta(hours=hours)
        seeking, notes = candidates(log, since, until)
        assert notes == []
        assert seeking == full_scan(monkeypatch, log, since, until)[0]
        assert [c[0] for c in (seeking[0], seeking[-1])] == [since.isoformat(), until.isoformat()]
        monkeypatch.setattr(textlog, "SEEK_FROM", 64 << 10)
