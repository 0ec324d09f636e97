"""Every command ends the same way: 0 ok, 1 the document is invalid or has errors, 2 a usage or file
error; a closed output (``| head``) ends it quietly with the status of SIGPIPE, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

EVIDENCE = "2026-02-12T19:08:01Z ERROR pool exhausted: 40 waiting\n"
INVALID = '[meta]\ntitle = "Queue backlog"\nseverity = "SEV-9"\n'

# Each non-interactive command, with what it needs besides the postmortem file.
COMMANDS = {
    "export": lambda path: ["export", path],
    "check": lambda path: ["check", path],
    "check --json": lambda path: ["check", "--json", path],
    "timeline import": lambda path: ["timeline", "import", "--dry-run", "--json", path, "app.log"],
    "serve": lambda path: ["serve", path, "--port", "1"],  # the file is read before the port is tried
}


@pytest.fixture
def folder(tmp_path: Path, write_example: Callable[[str], Path]) -> Path:
    write_example("example.toml")
    (tmp_path / "invalid.toml").write_text(INVALID, encoding="utf-8")
    (tmp_path / "app.log").write_text(EVIDENCE * 2000, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_invalid_document_exits_1_and_a_missing_one_2(command: str, folder: Path, run_cli, assert_clean_failure):
    invalid = run_cli(folder, *COMMANDS[command]("invalid.toml"))
    assert_clean_failure(invalid, 1)
    assert invalid.error_lines[0].startswith("invalid.toml: meta.severity: 'SEV-9' is not allowed")
    missing = run_cli(folder, *COMMANDS[command]("missing.toml"))
    assert_clean_failure(missing, 2)
    assert missing.error_lines == ["missing.toml: no such file"]


@pytest.mark.parametrize("args", [[], ["check"], ["export"], ["export", "x.toml", "--format", "pdf"], ["--nonsense"]])
def test_usage_errors_exit_2(args: list[str], folder: Path, run_cli, assert_clean_failure):
    assert_clean_failure(run_cli(folder, *args), 2)


def test_check_exits_with_the_most_serious_outcome_of_its_files(folder: Path, run_cli):
    assert run_cli(folder, "check", "example.toml").code == 0  # warnings only
    assert run_cli(folder, "check", "example.toml", "invalid.toml").code == 1
    assert run_cli(folder, "check", "invalid.toml", "missing.toml", "example.toml").code == 2


@pytest.mark.parametrize("command", ["export", "check --json", "timeline import"])
def test_a_closed_output_ends_the_command_quietly(command: str, folder: Path):
    """The reader is gone before the first line: the command stops with 141 and says nothing."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "postmortem", *COMMANDS[command]("example.toml")],
            cwd=folder,
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
    assert "BrokenPipe" not in done.stderr
