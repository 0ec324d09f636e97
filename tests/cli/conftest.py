"""Fixtures for the command-line tests: ``postmortem`` run in a subprocess, as a person would run it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

TIMEOUT = 60


@dataclass
class Result:
    """What a run of ``postmortem`` gave: its exit code and output."""

    code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return self.stderr.splitlines()


def _run_cli(cwd: Path, *args: str) -> Result:
    done = subprocess.run(
        [sys.executable, "-m", "postmortem", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def _assert_clean_failure(result: Result, code: int) -> None:
    assert result.code == code, result
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., Result]:
    """``run_cli(cwd, *args)``: run ``python -m postmortem *args`` in ``cwd``, no input, and give its ``Result``."""
    return _run_cli


@pytest.fixture(scope="session")
def assert_clean_failure() -> Callable[[Result, int], None]:
    """``assert_clean_failure(result, code)``: the run ended with ``code``, no traceback and nothing on stdout."""
    return _assert_clean_failure
