"""The postmortems opened lately, newest first, for the start screen: each file's path, its title when it
was last opened, and when that was. Kept in the user's data folder (``recent.json``); the list is a
convenience, so a file that cannot be read or written is treated as an empty list, never as an error."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from postmortem.models.files import write_atomic
from postmortem.models.recovery import data_dir

KEPT = 20  # files remembered at most


@dataclass(frozen=True)
class RecentFile:
    path: Path
    title: str
    opened: datetime


def recent_files() -> list[RecentFile]:
    """The files opened lately that are still there, newest first."""
    return [entry for entry in _read() if entry.path.is_file()]


def remember(path: Path, title: str, when: datetime | None = None) -> None:
    """Put ``path`` first in the list (with its title now)."""
    path = path.resolve()
    entry = RecentFile(path, title, when or datetime.now().astimezone())
    _write([entry, *(other for other in _read() if other.path != path)][:KEPT])


def forget(path: Path) -> None:
    """Take ``path`` off the list (the file itself is left alone)."""
    _write([entry for entry in _read() if entry.path != path.resolve()])


def _write(entries: list[RecentFile]) -> None:
    rows = [{"path": str(e.path), "title": e.title, "opened": e.opened.isoformat(timespec="seconds")} for e in entries]
    try:
        _file().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_file(), json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    except OSError:
        pass  # the list stays as it was; opening the file is what matters


def _file() -> Path:
    return data_dir() / "recent.json"


def _read() -> list[RecentFile]:
    try:
        rows = json.loads(_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = []
    for row in rows if isinstance(rows, list) else []:
        try:
            entries.append(RecentFile(Path(row["path"]), str(row["title"]), datetime.fromisoformat(row["opened"])))
        except (KeyError, TypeError, ValueError):
            continue  # a damaged entry is skipped, the others kept
    return entries
