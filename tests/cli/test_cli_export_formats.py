"""``postmortem export --format json|csv`` and ``postmortem schema``: what they write, where, and how they fail."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postmortem.exports import render_csv, render_json, render_schema
from postmortem.exports.schema import SCHEMA_PATH
from postmortem.models.store import load

ROOT = Path(__file__).resolve().parents[2]
INVALID = '[meta]\ntitle = "Queue backlog"\nseverity = "SEV-9"\n'


@pytest.fixture
def example_file(write_example) -> Path:
    return write_example("incident.toml")


def run_bytes(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """``postmortem *args`` with its output as bytes (text mode would turn the CSV's CRLF into LF)."""
    return subprocess.run(
        [sys.executable, "-m", "postmortem", *args],
        cwd=cwd,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )


# JSON


def test_export_json_to_stdout(tmp_path: Path, example_file: Path, run_cli) -> None:
    result = run_cli(tmp_path, "export", example_file.name, "--format", "json")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == render_json(load(example_file))
    assert json.loads(result.stdout)["meta"]["id"] == "INC-2026-014"


def test_export_json_to_a_file(tmp_path: Path, example_file: Path, run_cli) -> None:
    result = run_cli(tmp_path, "export", example_file.name, "--format", "json", "-o", "out.json")
    assert result.code == 0, result.stderr
    assert result.stdout == result.stderr == ""
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == render_json(load(example_file))


# CSV


def test_export_csv_to_stdout_keeps_crlf(tmp_path: Path, example_file: Path) -> None:
    result = run_bytes(tmp_path, "export", example_file.name, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout == render_csv(load(example_file)).encode("utf-8")
    assert result.stdout.startswith(
        b"id,action,owner,due,priority,status,ticket,factors,type,horizon,success,agreed,"
        b"completed,verification.checked,verification.result,verification.note\r\n"
    )


def test_export_csv_to_a_file(tmp_path: Path, example_file: Path) -> None:
    result = run_bytes(tmp_path, "export", example_file.name, "--format", "csv", "--output", "actions.csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == b""
    assert (tmp_path / "actions.csv").read_bytes() == render_csv(load(example_file)).encode("utf-8")


# Markdown stays the default


def test_markdown_is_still_the_default(tmp_path: Path, example_file: Path, run_cli) -> None:
    default = run_cli(tmp_path, "export", example_file.name)
    named = run_cli(tmp_path, "export", example_file.name, "--format", "markdown")
    assert default.code == named.code == 0
    assert default.stdout == named.stdout
    assert default.stdout.startswith("# ")


# Errors


def test_an_unknown_format_is_a_usage_error(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    # The file need not exist: the format is refused first.
    result = run_cli(tmp_path, "export", "missing.toml", "--format", "xml")
    assert_clean_failure(result, 2)
    last = result.error_lines[-1]
    assert last == (
        "postmortem export: error: argument --format: invalid choice: 'xml' (choose from 'markdown', 'html', 'json', 'csv')"
    )


@pytest.mark.parametrize("form", ["json", "csv"])
def test_an_invalid_or_missing_file_fails_as_for_markdown(
    tmp_path: Path, form: str, run_cli, assert_clean_failure
) -> None:
    (tmp_path / "invalid.toml").write_text(INVALID, encoding="utf-8")
    invalid = run_cli(tmp_path, "export", "invalid.toml", "--format", form, "-o", "out")
    assert_clean_failure(invalid, 1)
    assert len(invalid.error_lines) == 1
    assert invalid.error_lines[0].startswith("invalid.toml: meta.severity: 'SEV-9' is not allowed")
    missing = run_cli(tmp_path, "export", "missing.toml", "--format", form)
    assert_clean_failure(missing, 2)
    assert missing.error_lines == ["missing.toml: no such file"]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("form", ["json", "csv"])
def test_writing_to_a_missing_folder_names_the_file(
    tmp_path: Path, example_file: Path, form: str, run_cli, assert_clean_failure
) -> None:
    result = run_cli(tmp_path, "export", example_file.name, "--format", form, "-o", f"nowhere/out.{form}")
    assert_clean_failure(result, 2)
    assert len(result.error_lines) == 1
    assert f"out.{form}" in result.error_lines[0]


# postmortem schema


def test_schema_prints_the_shipped_schema(tmp_path: Path, run_cli) -> None:
    result = run_cli(tmp_path, "schema")
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == render_schema() == (ROOT / SCHEMA_PATH).read_text(encoding="utf-8")


def test_schema_to_a_file(tmp_path: Path, run_cli) -> None:
    result = run_cli(tmp_path, "schema", "-o", "postmortem.schema.json")
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    assert (tmp_path / "postmortem.schema.json").read_text(encoding="utf-8") == render_schema()


def test_schema_takes_no_file(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    result = run_cli(tmp_path, "schema", "incident.toml")
    assert_clean_failure(result, 2)
    assert "unrecognized arguments: incident.toml" in result.error_lines[-1]


# Like every command that prints


@pytest.mark.parametrize(
    "args", [["export", "example.toml", "--format", "json"], ["export", "example.toml", "--format", "csv"], ["schema"]]
)
def test_a_closed_output_ends_the_command_quietly(args: list[str], tmp_path: Path, write_example) -> None:
    write_example("example.toml")
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "postmortem", *args],
            cwd=tmp_path,
            stdout=writer,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.returncode == 141
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["export", "--format", "json"], ["export", "--format", "csv"], ["schema"]])
def test_the_new_exports_import_no_views(args: list[str], tmp_path: Path, write_example) -> None:
    path = write_example("example.toml")
    argv = [*args, str(path)] if args[0] == "export" else args
    code = (
        "import sys, contextlib, io\n"
        "from postmortem.tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    assert main(sys.argv[1:]) == 0\n"
        "views = sorted(m for m in sys.modules if m.startswith(('postmortem.screens', 'textual', 'rich')))\n"
        "assert not views, views\n"
    )
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


# Audiences


def test_a_public_export_with_something_to_hide_is_refused_unless_forced(tmp_path, run_cli, assert_clean_failure):
    source = tmp_path / "leaky.toml"
    source.write_text('[meta]\ntitle = "Outage"\n[summary]\nwhat_happened = "db-01.prod.internal filled up"\n')
    out = tmp_path / "public.md"
    out.write_text("the page as published before\n")
    refused = run_cli(tmp_path, "export", source.name, "--audience", "public", "-o", out.name)
    assert_clean_failure(refused, 1)
    assert refused.error_lines == [
        "leaky.toml: public export: line 5: an internal host name: 'db-01.prod.internal'",
        "leaky.toml: not written: reword what is listed above, or give --force to publish it anyway",
    ]
    assert out.read_text() == "the page as published before\n"  # untouched
    forced = run_cli(tmp_path, "export", source.name, "--audience", "public", "--force", "-o", out.name)
    assert forced.code == 0 and "db-01.prod.internal filled up" in out.read_text()
    assert forced.error_lines[0].endswith("'db-01.prod.internal'")  # still said


def test_the_summary_and_public_exports_of_the_example(tmp_path, run_cli, example_file):
    summary = run_cli(tmp_path, "export", example_file.name, "--audience", "summary")
    assert summary.code == 0 and "## Five whys" not in summary.stdout and "## Action items" in summary.stdout
    public = run_cli(tmp_path, "export", example_file.name, "--audience", "public", "--format", "json")
    assert public.code == 0 and public.stderr == ""
    assert json.loads(public.stdout)["meta"]["confidentiality"] == "public"
