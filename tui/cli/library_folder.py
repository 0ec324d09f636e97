"""What the library commands (ls, actions, themes, stats) share: the folder argument, loading it with the
problems on stderr, and plain tables on stdout."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from postmortem.models.library.load import Library, load_library
from postmortem.models.metrics import format_duration
from postmortem.tui.cli.apps import as_of_date


def add_folder(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), metavar="DIR", help="the library (default: here)"
    )
    parser.add_argument("--no-cache", action="store_true", help="read every file again instead of the cache")


def add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as-of",
        type=as_of_date,
        default=None,
        metavar="DATE",
        help="judge due dates and rules on this day, YYYY-MM-DD (default: today)",
    )


def open_library(args: argparse.Namespace) -> Library | None:
    """The library at ``args.folder``; its files that do not load are named on stderr, one line each. None
    (after saying why) when the folder cannot be read."""
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return None
    library = load_library(folder, use_cache=not args.no_cache)
    for problem in library.problems:
        print(f"{folder / problem.path}: {problem.message}", file=sys.stderr)
    return library


def seconds_text(seconds: float | None) -> str:
    return format_duration(timedelta(seconds=seconds) if seconds is not None else None)


def day_text(day: date | None) -> str:
    return day.isoformat() if day is not None else "—"


def print_table(header: list[str], rows: list[list[str]], last_width: int = 60) -> None:
    """Columns padded to their widest cell; the last one (free text) cut to ``last_width``."""
    rows = [[*row[:-1], _cut(row[-1], last_width)] for row in rows]
    widths = [max(len(cells[i]) for cells in [header, *rows]) for i in range(len(header) - 1)]
    for cells in [header, *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)) + "  " + cells[-1])


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
