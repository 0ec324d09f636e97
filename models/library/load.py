"""Every postmortem under a folder, read in parallel when cold and from the cache when warm; a file that does
not load is listed with its problem and never stops the rest."""

from __future__ import annotations

import gc
import multiprocessing
import os
import tomllib
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rtoml

from postmortem.models.errors import DocumentError
from postmortem.models.files import read_text
from postmortem.models.library.cache import read_cache, write_cache
from postmortem.models.library.entry import Entry, summarize
from postmortem.models.library.rules import CONFIG_NAME, Rules, read_rules

# Folders never looked into: version control, environments, build output.
SKIPPED_FOLDERS = frozenset(("node_modules", "__pycache__", "venv", "build", "dist", "site-packages"))
# TOML files that are never postmortems.
SKIPPED_NAMES = frozenset((CONFIG_NAME, "pyproject.toml", "Cargo.toml", "netlify.toml", "config.toml"))
# From this many files to read, they are read by a process per core.
PARALLEL_FROM = 48
CHUNK = 32

# Called with (files read so far, files to read).
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass
class Library:
    root: Path
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rules: Rules = field(default_factory=Rules)
    read: int = 0  # files read this time (the rest came from the cache)


def library_root(file: Path) -> Path:
    """The library a postmortem file belongs to: the nearest folder above it with a ``postmortem.toml``,
    else the top of its git repository, else its own folder."""
    return folder_library(file.resolve().parent)


def folder_library(folder: Path) -> Path:
    """The library a folder is in: itself or the nearest folder above it with a ``postmortem.toml``, else the
    top of its git repository, else the folder itself."""
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file() or (candidate / ".git").exists():
            return candidate
    return folder


def find_files(root: Path) -> list[tuple[str, str]]:
    """The TOML files under ``root`` that may be postmortems, as (path, path relative to ``root`` with forward
    slashes), in path order; hidden folders are skipped."""
    found: list[tuple[str, str]] = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith(".") and name not in SKIPPED_FOLDERS)
        inside = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        found.extend(
            (os.path.join(folder, name), prefix + name)
            for name in sorted(files)
            if name.endswith(".toml") and name not in SKIPPED_NAMES
        )
    return found


def read_file(path: str, relative: str) -> dict[str, Any]:
    """One file's record for the cache: its ``entry``, its ``problem``, or ``ignored`` when it is TOML but
    not a postmortem (no ``[meta]`` table). The document model is imported on the first file read: a warm
    library never needs it."""
    from postmortem.models.codec import SchemaError, from_data

    try:
        text = read_text(Path(path))
    except DocumentError as error:
        return {"problem": "; ".join(error.problems)}
    try:
        data = rtoml.loads(text)  # seven times tomllib's speed: what makes a cold library quick
    except rtoml.TomlParsingError:
        try:  # the app reads files with tomllib: its verdict, and its message with the line and column
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            return {"problem": f"TOML syntax error: {error}"}
    if not isinstance(data.get("meta"), dict):
        return {"ignored": True}
    try:
        doc = from_data(data)
    except SchemaError as error:
        return {"problem": "; ".join(error.problems)}
    return {"entry": summarize(doc, relative).as_data()}


def _read_chunk(chunk: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [read_file(path, relative) for path, relative in chunk]


def load_library(root: Path, progress: ProgressCallback | None = None, use_cache: bool = True) -> Library:
    """Summarise every postmortem under ``root``."""
    with _collector_paused():
        return _load(root.resolve(), progress, use_cache)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused: a library is tens of thousands of new objects that all live on, and
    collecting while they are made scans them over and over for nothing (half the time of a warm load)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _load(root: Path, progress: ProgressCallback | None, use_cache: bool) -> Library:
    rules, rule_problems = read_rules(root)
    library = Library(root, rules=rules, problems=[Problem(CONFIG_NAME, text) for text in rule_problems])
    cached = read_cache(root) if use_cache else {}
    records: dict[str, dict[str, Any]] = {}
    stale: list[tuple[str, str, int, int]] = []
    for path, relative in find_files(root):
        try:
            status = os.stat(path)
        except OSError as error:
            library.problems.append(Problem(relative, f"cannot read: {error.strerror or error}"))
            continue
        kept = cached.get(relative)
        if kept is not None and kept.get("size") == status.st_size and kept.get("mtime") == status.st_mtime_ns:
            records[relative] = kept
        else:
            stale.append((path, relative, status.st_size, status.st_mtime_ns))
    for (_, relative, size, mtime), record in zip(stale, _read_all(stale, progress), strict=True):
        records[relative] = {"size": size, "mtime": mtime, **record}
    library.read = len(stale)
    if use_cache and (stale or len(records) != len(cached)):
        write_cache(root, records)
    for relative, record in records.items():
        if "entry" in record:
            entry: Entry | None
            try:
                entry = Entry.from_data(record["entry"])
            except (KeyError, TypeError, ValueError):  # a cache record of another shape: the file is read again
                record = read_file(str(root / relative), relative)
                entry = Entry.from_data(record["entry"]) if "entry" in record else None
            if entry is not None:
                library.entries.append(entry)
        if "problem" in record:
            library.problems.append(Problem(relative, record["problem"]))
    library.entries.sort(
        key=lambda entry: (entry.date is None, -(entry.date.toordinal() if entry.date else 0), entry.path)
    )
    return library


def _read_all(stale: list[tuple[str, str, int, int]], progress: ProgressCallback | None) -> Iterator[dict[str, Any]]:
    jobs = [(path, relative) for path, relative, _, _ in stale]
    total = len(jobs)
    if total < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        for done, (path, relative) in enumerate(jobs, start=1):
            yield read_file(path, relative)
            if progress is not None:
                progress(done, total)
        return
    chunks = [jobs[start : start + CHUNK] for start in range(0, total, CHUNK)]
    done = 0
    try:
        # A fork server, not fork: the app reads libraries from a thread, and forking a threaded process is unsafe.
        with ProcessPoolExecutor(mp_context=multiprocessing.get_context("forkserver")) as pool:
            for results in pool.map(_read_chunk, chunks):
                yield from results
                done += len(results)
                if progress is not None:
                    progress(done, total)
    except (BrokenProcessPool, OSError):  # no processes to be had here: the rest in this one
        for path, relative in jobs[done:]:
            yield read_file(path, relative)
            done += 1
            if progress is not None:
                progress(done, total)
