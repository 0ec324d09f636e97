"""Recovery copies and open-file marks, kept in the user's data folder, never next to the document.

A recovery copy holds the document as it was being edited, written a few
seconds after each change; it is removed when the document is saved or its
changes are discarded on purpose. A mark says which process has a document
open, so that a second one can warn. Both are keyed by the document's absolute
path. ``POSTMORTEM_DATA_DIR`` overrides the folder (tests use it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from postmortem.models.files import write_atomic


def data_dir() -> Path:
    override = os.environ.get("POSTMORTEM_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir("postmortem", appauthor=False))


def _key(document: Path) -> str:
    absolute = str(Path(document).resolve())
    readable = re.sub(r"[^\w.-]", "_", Path(absolute).name)[:40]
    return f"{readable}-{hashlib.sha256(absolute.encode()).hexdigest()[:16]}"


def recovery_path(document: Path) -> Path:
    return data_dir() / "recovery" / f"{_key(document)}.toml"


def _base_path(document: Path) -> Path:
    return data_dir() / "recovery" / f"{_key(document)}.base.toml"


def write_recovery(document: Path, text: str, base: str | None = None) -> None:
    """Keep ``text`` as the recovery copy of ``document`` (atomically; errors are the caller's to report).

    ``base`` is the file's text the edits started from: if the file has changed by the time the copy is
    restored, the two are merged from there.
    """
    target = recovery_path(document)
    target.parent.mkdir(parents=True, exist_ok=True)
    if base is None:
        _base_path(document).unlink(missing_ok=True)
    else:
        write_atomic(_base_path(document), base)
    write_atomic(target, text)


def read_recovery_base(document: Path) -> str | None:
    """The file's text the recovery copy's edits started from, if it was kept."""
    try:
        return _base_path(document).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def read_recovery(document: Path) -> str | None:
    try:
        return recovery_path(document).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def discard_recovery(document: Path) -> None:
    recovery_path(document).unlink(missing_ok=True)
    _base_path(document).unlink(missing_ok=True)


@dataclass(frozen=True)
class OpenMark:
    pid: int
    host: str

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}"


def _mark_path(document: Path) -> Path:
    return data_dir() / "open" / f"{_key(document)}.json"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def other_editor(document: Path) -> OpenMark | None:
    """Another running process that has ``document`` open, if any (marks of dead processes are ignored)."""
    try:
        data = json.loads(_mark_path(document).read_text(encoding="utf-8"))
        mark = OpenMark(int(data["pid"]), str(data["host"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if mark.pid == os.getpid() and mark.host == socket.gethostname():
        return None
    if mark.host == socket.gethostname() and not _alive(mark.pid):
        return None
    return mark


def mark_open(document: Path) -> None:
    target = _mark_path(document)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname()}), encoding="utf-8")
    except OSError:
        pass  # a missing mark only costs the warning in a second instance


def unmark_open(document: Path) -> None:
    target = _mark_path(document)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        if data.get("pid") == os.getpid():
            target.unlink()
    except (OSError, ValueError):
        pass
