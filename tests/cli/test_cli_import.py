"""``postmortem timeline import`` through a subprocess: dry runs, JSON lines, adding, duplicates, errors."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from postmortem.models.store import load

DOCUMENT = """\
schema_version = 1

[meta]
title = "Checkout errors"
incident_date = 2026-02-12
timezone = "Europe/Berlin"

[[timeline]]
at = 2026-02-12T19:30:00Z
event = "Errors begin"
milestone = "started"

[[timeline]]
at = 2026-02-12T19:50:00Z
event = "Errors end"
milestone = "resolved"
"""


@pytest.fixture
def workspace(tmp_path: Path, fixtures_dir: Path) -> Path:
    (tmp_path / "incident.toml").write_text(DOCUMENT, encoding="utf-8")
    for name in ("iso.log", "app.jsonl", "channel.json", "notimes.txt"):
        shutil.copy(fixtures_dir / "evidence" / name, tmp_path / name)
    return tmp_path


def test_dry_run_json_prints_one_object_per_candidate_and_changes_nothing(workspace, run_cli):
    result = run_cli(
        workspace, "timeline", "import", "incident.toml", "iso.log", "app.jsonl", "channel.json", "--dry-run", "--json"
    )
    assert result.code == 0, result
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 8
    for item in objects:
        assert {"at", "source", "text", "count", "level", "kind"} <= item.keys()
        assert item["at"][-6] in "+-"  # every time carries its offset
    times = [datetime.fromisoformat(item["at"]) for item in objects]
    assert times == sorted(times)
    burst = next(item for item in objects if item["count"] == 3)
    assert burst["source"] == "iso.log:4" and burst["level"] == "error" and burst["kind"] == "symptom"
    assert burst["text"] == "3 × ERROR [pool] connection pool exhausted: <n> waiting from 20:08:01 to 20:08:03"
    assert (workspace / "incident.toml").read_text(encoding="utf-8") == DOCUMENT
    assert "8 candidate events (dry run, nothing added)" in result.stderr


def test_import_adds_the_candidates_and_a_second_import_adds_none(workspace, run_cli):
    result = run_cli(workspace, "timeline", "import", "incident.toml", "iso.log", "channel.json")
    assert result.code == 0, result
    assert "added 5 to incident.toml" in result.stderr
    doc = load(workspace / "incident.toml")
    assert len(doc.timeline) == 7
    assert [e.at for e in doc.timeline] == sorted(e.at for e in doc.timeline)
    chat = [e for e in doc.timeline if e.source.startswith("channel.json")]
    assert [e.actor for e in chat] == ["oncall-sre", "U02"]
    again = run_cli(workspace, "timeline", "import", "incident.toml", "iso.log", "channel.json", "--dry-run")
    assert again.code == 0
    assert all(line.startswith("=") for line in again.stdout.splitlines())
    assert "5 candidate events, 5 already in the timeline" in again.stderr
    third = run_cli(workspace, "timeline", "import", "incident.toml", "iso.log", "channel.json")
    assert "added 0" in third.stderr and len(load(workspace / "incident.toml").timeline) == 7


def test_a_source_without_timestamps_fails_and_leaves_the_file_alone(workspace, run_cli):
    result = run_cli(workspace, "timeline", "import", "incident.toml", "iso.log", "notimes.txt")
    assert result.code == 2
    assert "Traceback" not in result.stderr
    assert result.error_lines[0].startswith("notimes.txt: no timestamps recognised")
    assert "--time-format" in result.error_lines[0]
    assert (workspace / "incident.toml").read_text(encoding="utf-8") == DOCUMENT


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--tz", "Mars/Olympus"], "--tz: unknown time zone 'Mars/Olympus'"),
        (["--since", "25:99"], "--since: '25:99' is not a valid time of day"),
        (["--grep", "(unclosed"], "--grep: missing ), unterminated subpattern"),
        (["--time-format", "%Q"], "--time-format: %Q is not supported"),
    ],
)
def test_bad_options_are_one_line_errors(workspace, flags, message, run_cli, assert_clean_failure):
    result = run_cli(workspace, "timeline", "import", "incident.toml", "iso.log", *flags)
    assert_clean_failure(result, 2)
    assert result.error_lines[0].startswith(message)


def test_window_flags_and_grep(workspace, run_cli):
    result = run_cli(
        workspace,
        "timeline",
        "import",
        "incident.toml",
        "iso.log",
        "--dry-run",
        "--json",
        "--since",
        "20:08:02",
        "--until",
        "20:08:30",
        "--grep",
        "health",
        "--no-collapse",
    )
    assert result.code == 0, result
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert texts == [
        "ERROR [pool] connection pool exhausted: 14 waiting",
        "error [pool] connection pool exhausted: 9 waiting",
    ]


def test_the_help_names_every_timestamp_format(tmp_path, run_cli):
    from postmortem.models.evidence.timestamps import FORMATS

    shown = " ".join(run_cli(tmp_path, "timeline", "import", "--help").stdout.split())
    assert [fmt.name for fmt in FORMATS if fmt.name not in shown] == []
