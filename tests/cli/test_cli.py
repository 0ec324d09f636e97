"""The command line: exit codes, messages on stderr, and what each command writes.

Non-interactive commands run in a subprocess (``python -m postmortem``), as a person
would run them. The commands that open the TUI (new, edit, demo) run in this
process with ``WizardApp.run`` replaced, so no terminal is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

import postmortem.tui.cli
import postmortem.tui.load_error
import postmortem.tui.meeting_app
import postmortem.tui.wizard_app
from postmortem.models.document import SCHEMA_VERSION, Postmortem
from postmortem.models.examples import EXAMPLE_NAME
from postmortem.models.store import load, save

EXAMPLE_TITLE = "Slow and failing checkout during the winter sale"

VALID = """\
schema_version = 1

[meta]
title = "Queue backlog"
severity = "SEV-3"
incident_date = 2026-01-31
timezone = "UTC"

[[timeline]]
at = 2026-01-31T10:00:00Z
event = "Queue depth alert fired"
kind = "detection"
"""


@pytest.fixture
def example_file(write_example) -> Path:
    return write_example("incident.toml")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --version, --help


def test_version(tmp_path: Path, run_cli) -> None:
    result = run_cli(tmp_path, "--version")
    assert result.code == 0
    assert re.fullmatch(r"postmortem \S+\n", result.stdout)


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["export", "--help"], ["new", "--help"]])
def test_help(tmp_path: Path, args: list[str], run_cli) -> None:
    result = run_cli(tmp_path, *args)
    assert result.code == 0
    assert result.stdout.startswith("usage: postmortem")
    assert result.stderr == ""


def test_help_lists_every_command(tmp_path: Path, run_cli) -> None:
    result = run_cli(tmp_path, "--help")
    for command in postmortem.tui.cli.COMMANDS:
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), command


# export


def test_export_prints_markdown_starting_with_the_title(tmp_path: Path, example_file: Path, run_cli) -> None:
    result = run_cli(tmp_path, "export", example_file.name)
    assert result.code == 0, result.stderr
    assert result.stderr == ""
    first = result.stdout.splitlines()[0]
    assert first.startswith("# ") and EXAMPLE_TITLE in first
    assert "\n## " in result.stdout


def test_export_to_a_file(tmp_path: Path, example_file: Path, run_cli) -> None:
    printed = run_cli(tmp_path, "export", example_file.name).stdout
    result = run_cli(tmp_path, "export", example_file.name, "-o", "out.md")
    assert result.code == 0, result.stderr
    assert result.stdout == ""
    assert (tmp_path / "out.md").read_text(encoding="utf-8") == printed


def test_export_long_output_option(tmp_path: Path, example_file: Path, run_cli) -> None:
    result = run_cli(tmp_path, "export", example_file.name, "--output", "long.md", "--format", "markdown")
    assert result.code == 0, result.stderr
    assert (tmp_path / "long.md").read_text(encoding="utf-8").startswith("# ")


def test_export_a_valid_minimal_document(tmp_path: Path, run_cli) -> None:
    write(tmp_path, "small.toml", VALID)
    result = run_cli(tmp_path, "export", "small.toml")
    assert result.code == 0, result.stderr
    assert "Queue backlog" in result.stdout.splitlines()[0]


def test_export_missing_file(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    result = run_cli(tmp_path, "export", "missing.toml")
    assert_clean_failure(result, 2)
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith("missing.toml: ")


def test_export_to_a_missing_folder(tmp_path: Path, example_file: Path, run_cli, assert_clean_failure) -> None:
    result = run_cli(tmp_path, "export", example_file.name, "-o", "nowhere/out.md")
    assert_clean_failure(result, 2)
    assert len(result.error_lines) == 1
    assert "out.md" in result.error_lines[0]
    assert not (tmp_path / "nowhere").exists()


def test_export_toml_syntax_error(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    # Line 4 opens a string that never closes.
    text = VALID.replace('title = "Queue backlog"', 'title = "Queue backlog')
    assert text.splitlines()[3] == 'title = "Queue backlog'
    write(tmp_path, "broken.toml", text)
    result = run_cli(tmp_path, "export", "broken.toml")
    assert_clean_failure(result, 1)
    assert len(result.error_lines) == 1
    line = result.error_lines[0]
    assert line.startswith("broken.toml: ")
    assert re.search(r"\bline 4, column \d+", line), line


def test_export_toml_syntax_error_position(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    write(tmp_path, "table.toml", "schema_version = 1\n[meta\ntitle = 'x'\n")
    result = run_cli(tmp_path, "export", "table.toml")
    assert_clean_failure(result, 1)
    assert result.error_lines == [result.error_lines[0]]
    assert re.match(r"table\.toml: line 2, column \d+: ", result.error_lines[0]), result.stderr


def test_export_schema_errors_name_each_field(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    text = VALID.replace('severity = "SEV-3"', 'severity = "SEV-9"\ncolour = "red"').replace(
        "at = 2026-01-31T10:00:00Z", "at = 2026-01-31T10:00:00"
    )
    write(tmp_path, "schema.toml", text)
    result = run_cli(tmp_path, "export", "schema.toml")
    assert_clean_failure(result, 1)
    lines = result.error_lines
    assert len(lines) == 3, lines
    assert all(line.startswith("schema.toml: ") for line in lines)
    severity = [line for line in lines if "meta.severity" in line]
    assert len(severity) == 1 and "SEV-9" in severity[0] and "SEV-1" in severity[0]
    unknown = [line for line in lines if "colour" in line]
    assert len(unknown) == 1 and "meta" in unknown[0]
    naive = [line for line in lines if "timeline[0].at" in line]
    assert len(naive) == 1 and "offset" in naive[0]


@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ('kind = "detection"', 'kind = "guess"', "timeline[0].kind"),
        ("incident_date = 2026-01-31", 'incident_date = "yesterday"', "meta.incident_date"),
        ('title = "Queue backlog"\n', "", "meta.title"),
    ],
)
def test_export_one_schema_error(tmp_path: Path, old: str, new: str, path: str, run_cli, assert_clean_failure) -> None:
    assert old in VALID
    write(tmp_path, "one.toml", VALID.replace(old, new))
    result = run_cli(tmp_path, "export", "one.toml")
    assert_clean_failure(result, 1)
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith(f"one.toml: {path}: "), result.stderr


def test_export_newer_schema_version(tmp_path: Path, example_toml: str, run_cli, assert_clean_failure) -> None:
    newer = SCHEMA_VERSION + 98
    assert example_toml.startswith(f"schema_version = {SCHEMA_VERSION}\n")
    text = example_toml.replace(f"schema_version = {SCHEMA_VERSION}", f"schema_version = {newer}", 1)
    write(tmp_path, "newer.toml", text)
    result = run_cli(tmp_path, "export", "newer.toml")
    assert_clean_failure(result, 1)
    assert len(result.error_lines) == 1
    line = result.error_lines[0]
    assert line.startswith("newer.toml: ")
    numbers = re.findall(r"\d+", line)
    assert str(newer) in numbers and str(SCHEMA_VERSION) in numbers, line


def test_export_a_file_that_is_not_text(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    (tmp_path / "binary.toml").write_bytes(b"schema_version = 1\n\xff\xfe\x00")
    result = run_cli(tmp_path, "export", "binary.toml")
    assert_clean_failure(result, 1)
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith("binary.toml: ")


def test_export_a_folder(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    (tmp_path / "folder.toml").mkdir()
    result = run_cli(tmp_path, "export", "folder.toml")
    assert_clean_failure(result, 2)
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith("folder.toml: ")


# new on an existing file, usage errors


def test_new_refuses_an_existing_file(tmp_path: Path, example_file: Path, run_cli, assert_clean_failure) -> None:
    before = example_file.read_bytes()
    result = run_cli(tmp_path, "new", example_file.name, "--title", "Other")
    assert_clean_failure(result, 2)
    assert len(result.error_lines) == 1
    assert result.error_lines[0].startswith(f"{example_file.name}: ")
    assert example_file.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["export", "incident.toml", "--bogus"],
        ["new", "x.toml", "--severity", "SEV-9"],
        ["new", "x.toml", "--severity", "sev-2"],
        ["new", "x.toml", "--date", "2026-13-01"],
        ["new", "x.toml", "--date", "31/01/2026"],
        ["export", "incident.toml", "--format", "pdf"],
        ["export"],
        ["new"],
        ["--bogus"],
    ],
)
def test_usage_errors(tmp_path: Path, example_file: Path, args: list[str], run_cli, assert_clean_failure) -> None:
    result = run_cli(tmp_path, *args)
    assert_clean_failure(result, 2)
    assert "usage: postmortem" in result.stderr
    assert "error:" in result.stderr
    assert not (tmp_path / "x.toml").exists()


def test_no_command_prints_help_and_fails(tmp_path: Path, run_cli, assert_clean_failure) -> None:
    result = run_cli(tmp_path)
    assert_clean_failure(result, 2)
    assert "usage: postmortem" in result.stderr


# The commands that open the TUI, in this process


@dataclass
class Opened:
    document: Postmortem
    path: Path
    existed: bool
    text_at_open: str | None


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Opened]:
    """Replace ``WizardApp.run``; record each app that would have run."""
    apps: list[Opened] = []

    def fake_run(self: postmortem.tui.wizard_app.WizardApp, *args: object, **kwargs: object) -> int:
        exists = self.path.exists()
        apps.append(Opened(self.document, self.path, exists, self.path.read_text("utf-8") if exists else None))
        return 0

    monkeypatch.setattr(postmortem.tui.wizard_app.WizardApp, "run", fake_run)
    return apps


def test_new_creates_the_file_before_opening(tmp_path: Path, monkeypatch, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    code = postmortem.tui.cli.main(["new", "x.toml", "--title", "T", "--severity", "SEV-2", "--date", "2026-01-31"])
    assert code == 0
    assert len(opened) == 1
    app = opened[0]
    assert app.path == Path("x.toml")
    assert app.existed, "the file must be written before the TUI opens"
    on_disk = load(tmp_path / "x.toml")
    assert on_disk.meta.title == "T"
    assert on_disk.meta.severity is not None and on_disk.meta.severity.value == "SEV-2"
    assert on_disk.meta.incident_date == date(2026, 1, 31)
    assert on_disk == app.document


def test_new_with_a_time_zone(tmp_path: Path, monkeypatch, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    assert postmortem.tui.cli.main(["new", "tz.toml", "--timezone", "America/New_York"]) == 0
    assert load(tmp_path / "tz.toml").meta.timezone == "America/New_York"


def test_new_takes_the_title_from_the_file_name(tmp_path: Path, monkeypatch, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    assert postmortem.tui.cli.main(["new", "db-failover_2026.toml"]) == 0
    doc = load(tmp_path / "db-failover_2026.toml")
    assert doc.meta.title == "Db failover 2026"
    assert doc.meta.incident_date == date.today()


def test_new_with_a_bad_time_zone_writes_nothing(tmp_path: Path, monkeypatch, capsys, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    assert postmortem.tui.cli.main(["new", "tz.toml", "--timezone", "Mars/Olympus"]) == 2
    assert not (tmp_path / "tz.toml").exists()
    assert opened == []
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tz.toml: ")


def test_new_on_an_existing_file_does_not_open(tmp_path: Path, example_file: Path, monkeypatch, capsys, opened) -> None:
    monkeypatch.chdir(tmp_path)
    before = example_file.read_bytes()
    assert postmortem.tui.cli.main(["new", example_file.name]) == 2
    assert opened == []
    assert example_file.read_bytes() == before
    assert capsys.readouterr().err.startswith(f"{example_file.name}: ")


def test_file_alone_is_edit(tmp_path: Path, example_file: Path, monkeypatch, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    before = example_file.read_bytes()
    assert postmortem.tui.cli.main([example_file.name]) == 0
    assert postmortem.tui.cli.main(["edit", example_file.name]) == 0
    short, edit = opened
    assert short.path == edit.path == Path(example_file.name)
    assert short.document == edit.document == load(example_file)
    assert example_file.read_bytes() == before


def test_edit_a_missing_file_does_not_create_it(tmp_path: Path, monkeypatch, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    assert postmortem.tui.cli.main(["edit", "missing.toml"]) == 0
    assert len(opened) == 1
    assert not opened[0].existed
    assert opened[0].path == Path("missing.toml")
    assert opened[0].document.meta.title == "Missing"
    assert not (tmp_path / "missing.toml").exists()
    assert list(tmp_path.iterdir()) == []


def test_edit_in_a_missing_folder(tmp_path: Path, monkeypatch, capsys, opened: list[Opened]) -> None:
    monkeypatch.chdir(tmp_path)
    assert postmortem.tui.cli.main(["edit", "nowhere/x.toml"]) == 2
    assert opened == []
    assert capsys.readouterr().err.startswith("nowhere/x.toml: ")


def test_edit_an_invalid_file_shows_its_problems_instead(tmp_path: Path, monkeypatch, capsys, opened) -> None:
    import postmortem.tui.load_error

    shown = []
    monkeypatch.setattr(postmortem.tui.load_error.LoadErrorApp, "run", lambda self: shown.append(self.error.problems))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bad.toml", VALID.replace('kind = "detection"', 'kind = "guess"'))
    before = (tmp_path / "bad.toml").read_bytes()
    assert postmortem.tui.cli.main(["bad.toml"]) == 1
    assert opened == []
    assert len(shown) == 1 and "timeline[0].kind" in shown[0][0]
    assert "timeline[0].kind" in capsys.readouterr().err  # printed too, for the terminal's scrollback
    assert (tmp_path / "bad.toml").read_bytes() == before


def test_demo_opens_a_copy_and_never_writes_the_example(
    tmp_path: Path, monkeypatch, capsys, opened: list[Opened]
) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    packaged = files("postmortem.models.examples").joinpath(EXAMPLE_NAME)
    before = packaged.read_bytes()

    def run_and_save(self: postmortem.tui.wizard_app.WizardApp, *args: object, **kwargs: object) -> int:
        opened.append(Opened(self.document, self.path, self.path.exists(), self.path.read_text("utf-8")))
        self.document.meta.title = "Changed in the demo"
        save(self.document, self.path)
        return 0

    monkeypatch.setattr(postmortem.tui.wizard_app.WizardApp, "run", run_and_save)
    assert postmortem.tui.cli.main(["demo"]) == 0
    assert len(opened) == 1
    demo = opened[0]
    assert demo.path.name == EXAMPLE_NAME
    assert demo.path.parent.parent == tmp_path, "the copy is in a new temporary folder"
    assert demo.text_at_open == before.decode("utf-8")
    assert demo.document.meta.title == "Changed in the demo"
    assert load(demo.path).meta.title == "Changed in the demo"
    assert packaged.read_bytes() == before
    assert str(demo.path.parent) in capsys.readouterr().err


def test_demo_twice_uses_two_folders(tmp_path: Path, monkeypatch, opened: list[Opened]) -> None:
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    assert postmortem.tui.cli.main(["demo"]) == 0
    assert postmortem.tui.cli.main(["demo"]) == 0
    first, second = opened
    assert first.path.parent != second.path.parent
    assert first.document == second.document


def test_review_of_an_invalid_file_shows_its_problems_too(tmp_path: Path, monkeypatch, capsys) -> None:
    import postmortem.tui.load_error
    import postmortem.tui.meeting_app

    shown, reviewed = [], []
    monkeypatch.setattr(postmortem.tui.load_error.LoadErrorApp, "run", lambda self: shown.append(self.path))
    monkeypatch.setattr(postmortem.tui.meeting_app.MeetingApp, "run", lambda self: reviewed.append(self.path))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "bad.toml", VALID.replace('kind = "detection"', 'kind = "guess"'))
    write(tmp_path, "good.toml", VALID)
    assert postmortem.tui.cli.main(["review", "bad.toml"]) == 1
    assert shown == [Path("bad.toml")] and reviewed == []
    assert "timeline[0].kind" in capsys.readouterr().err
    assert postmortem.tui.cli.main(["review", "good.toml"]) == 0
    assert reviewed == [Path("good.toml")]
