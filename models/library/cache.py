"""What the library read of each file, kept between runs: a file is read again only when its size or its
modification time changed."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import platformdirs

from postmortem.models.files import write_atomic

VERSION = 2


def cache_folder() -> Path:
    """``POSTMORTEM_CACHE_DIR`` (tests use it), else the platform's cache folder for the app."""
    override = os.environ.get("POSTMORTEM_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("postmortem", appauthor=False))


def cache_path(root: Path) -> Path:
    digest = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:20]
    return cache_folder() / "library" / f"{digest}.json"


def read_cache(root: Path) -> dict[str, dict[str, Any]]:
    """The records kept for the library at ``root``, by path: ``size``, ``mtime`` and one of ``entry``,
    ``problem`` or ``ignored``. Nothing when there is no cache or it cannot be used."""
    try:
        data = json.loads(cache_path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) and data.get("version") == VERSION else None
    return files if isinstance(files, dict) else {}


def write_cache(root: Path, files: dict[str, dict[str, Any]]) -> None:
    """Keep the records; a cache that cannot be written only makes the next run slower."""
    path = cache_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"version": VERSION, "root": str(root.resolve()), "files": files}))
    except OSError:
        pass
