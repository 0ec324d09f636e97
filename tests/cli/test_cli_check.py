"""``postmortem check`` through a subprocess: output, JSON lines, exit codes, rule filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CLEAN = """\
schema_version = 1

[meta]
title = "Queue backlog"
incident_date = 2026-01-31
"""

BLAMING = (
    CLEAN
    + """
[summary]
root_cause = "Human error: Dave deleted the queue."

[[actions]]
id = "A1"
action = "Be more careful"
owner = "queue team"
due = 2026-02-05
factors = ["F9"]
"""
)


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "clean.toml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "blaming.toml").write_text(BLAMING, encoding="utf-8")
    (tmp_path / "broken.toml").write_text("[meta\n", encoding="utf-8")
    return tmp_path


def test_a_clean_file_passes(files, run_cli):
    result = run_cli(files, "check", "clean.toml")
    assert result.code == 0, result
    assert result.stdout == "clean.toml: no findings\n"


def test_findings_are_grouped_by_step_with_locations_and_errors_fail(files, run_cli):
    result = run_cli(files, "check", "blaming.toml")
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("blaming.toml: 3 errors, ")
    assert lines[1] == "  Summary & details"
    assert lines[2] == (
        '    error    summary.root_cause: "Human error" names human error as a cause [blame.human-error]'
    )
    assert "  Action items" in lines
    assert any(line.startswith("    warning  actions[0].action: the action is not specific") for line in lines)


def test_json_prints_one_line_per_file(files, run_cli):
    result = run_cli(files, "check", "clean.toml", "blaming.toml", "--json")
    assert result.code == 1
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {"file": "clean.toml", "findings": []}
    assert second["file"] == "blaming.toml"
    keys = {"rule", "severity", "location", "message", "suggestion"}
    assert all(finding.keys() == keys for finding in second["findings"])
    assert {"blame.human-error", "blame.person-cause", "consistency.unknown-factor"} <= {
        f["rule"] for f in second["findings"]
    }


def test_rule_prefixes_filter_and_strict_fails_on_warnings(files, run_cli):
    smart = run_cli(files, "check", "blaming.toml", "--rule", "smart", "--json")
    rules = {f["rule"] for f in json.loads(smart.stdout)["findings"]}
    assert rules == {"smart.specific", "smart.measurable", "smart.overdue"}  # due in 2026-02, still open
    assert smart.code == 0  # only warnings left
    strict = run_cli(files, "check", "blaming.toml", "--rule", "smart.specific", "--strict")
    assert strict.code == 1


def test_an_unreadable_file_exits_2_and_the_others_are_still_checked(files, run_cli):
    result = run_cli(files, "check", "broken.toml", "clean.toml", "missing.toml")
    assert result.code == 2
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert errors[0].startswith("broken.toml: ") and "line 1" in errors[0]
    assert errors[1] == "missing.toml: no such file"
    assert result.stdout == "clean.toml: no findings\n"


def test_many_files_are_checked_in_parallel_and_reported_in_order(files, run_cli):
    names = []
    for index in range(30):
        name = f"incident-{index:02d}.toml"
        (files / name).write_text(BLAMING if index % 7 == 3 else CLEAN, encoding="utf-8")
        names.append(name)
    result = run_cli(files, "check", "--json", *names)
    assert result.code == 1
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [report["file"] for report in reports] == names
    assert [bool(report["findings"]) for report in reports] == [index % 7 == 3 for index in range(30)]


def test_as_of_sets_the_day_overdue_items_are_judged_on(files, run_cli):
    before = run_cli(files, "check", "blaming.toml", "--rule", "smart.overdue", "--as-of", "2026-02-01")
    assert "no findings" in before.stdout
    after = run_cli(files, "check", "blaming.toml", "--rule", "smart.overdue", "--as-of", "2026-02-06")
    assert "due on 2026-02-05 and is still open (as of 2026-02-06, the date given)" in after.stdout
    wrong = run_cli(files, "check", "blaming.toml", "--as-of", "next week")
    assert wrong.code == 2 and "'next week' is not a date like 2026-01-31" in wrong.stderr
