"""``postmortem`` alone: the start screen at a terminal (what is chosen there opens, and closing it comes
back), the help anywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

import postmortem.tui.cli
import postmortem.tui.start_app
import postmortem.tui.wizard_app
from postmortem.models.recent import recent_files
from postmortem.models.store import load
from postmortem.screens.start.start_screen import Chosen
from postmortem.tui.cli import start


def test_without_a_terminal_postmortem_alone_prints_the_help(run_cli, tmp_path: Path) -> None:
    result = run_cli(tmp_path)
    assert result.code == 2
    assert "usage: postmortem" in result.stderr and "opens the start screen" in " ".join(result.stderr.split())


@pytest.fixture
def choices(monkeypatch: pytest.MonkeyPatch) -> list[Chosen | None]:
    """The start screen's answers, one a run (None: it was closed); each wizard it opens records its file."""
    answers: list[Chosen | None] = []

    def answer(self: postmortem.tui.start_app.StartApp) -> Chosen | None:
        return answers.pop(0)

    monkeypatch.setattr(postmortem.tui.start_app.StartApp, "run", answer)
    return answers


def test_a_new_postmortem_chosen_there_is_written_opened_then_the_start_screen_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choices: list[Chosen | None]
) -> None:
    monkeypatch.chdir(tmp_path)
    opened: list[tuple[Path, bool]] = []
    monkeypatch.setattr(
        postmortem.tui.wizard_app.WizardApp, "run", lambda self: opened.append((self.path, self.path.is_file())) or 0
    )
    choices += [Chosen("new", Path("queue.toml"), "Queue stalls"), Chosen("edit", Path("queue.toml")), None]
    assert start.run() == 0
    assert opened == [(Path("queue.toml"), True), (Path("queue.toml"), True)]
    assert load(tmp_path / "queue.toml").meta.title == "Queue stalls"
    assert [(entry.path, entry.title) for entry in recent_files()] == [
        ((tmp_path / "queue.toml").resolve(), "Queue stalls")
    ]


def test_the_start_screen_opens_at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[bool] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    monkeypatch.setattr(start, "run", lambda: started.append(True) or 0)
    assert postmortem.tui.cli.main([]) == 0
    assert started == [True]
