"""Bad files on the command line: every kind of broken file gives one clear message per problem, and is never
modified."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# file name -> (exit code, the start of each message after "FILE: ")
EXPECTED = {
    "syntax.toml": (1, ["line 3, column 16: TOML syntax error"]),
    "wrong_type.toml": (1, ["meta.title: should be text"]),
    "unknown_key.toml": (1, ["meta.title: is required", "unknown key 'titel' in [meta]"]),
    "no_meta.toml": (1, ["meta: is required"]),
    "bad_enum.toml": (1, ["meta.severity: 'SEV-9' is not allowed; use one of: SEV-1"]),
    "impossible_date.toml": (1, ["line 4, column 17: TOML syntax error: Invalid date"]),
    "newer.toml": (1, ["schema_version 9 is newer than this version of postmortem reads (up to 1)"]),
    "empty.toml": (1, ["the file is empty"]),
    "nul.toml": (1, ["line 3, column 11: TOML syntax error: Illegal character '\\x00'"]),
    "control.toml": (1, ["line 3, column 11: TOML syntax error: Illegal character '\\x1b'"]),
    "naive_time.toml": (1, ["timeline[0].at: needs a UTC offset"]),
    "picture.toml": (1, ["line 1: not UTF-8 text (byte 0x89)"]),
}


@pytest.fixture(scope="session")
def bad_dir(fixtures_dir: Path) -> Path:
    """The broken files, one for each kind of problem (read, never written)."""
    return fixtures_dir / "bad"


def export(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "postmortem", "export", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_every_bad_file_has_an_expectation(bad_dir):
    assert sorted(p.name for p in bad_dir.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gets_its_messages_and_stays_as_it_was(bad_dir, name):
    path = bad_dir / name
    before = path.read_bytes()
    code, starts = EXPECTED[name]
    result = export(path)
    assert result.returncode == code
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(starts)
    for line, start in zip(lines, starts):
        assert line.startswith(f"{path}: {start}")
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder, not a postmortem file"),
        (lambda p: None, "no such file"),
    ],
)
def test_folders_and_missing_files(tmp_path, make, message):
    path = tmp_path / "x.toml"
    make(path)
    result = export(path)
    assert result.returncode == 2 and result.stderr == f"{path}: {message}\n"


def test_an_unreadable_file(write_example):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = write_example("secret.toml")
    path.chmod(0)
    result = export(path)
    assert result.returncode == 2 and result.stderr == f"{path}: permission denied (cannot read)\n"
