"""``postmortem library [DIR]``: the postmortems of a folder in the terminal; a chosen one opens in the wizard
or for review, and closing it comes back to the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postmortem.tui.cli import apps
from postmortem.tui.cli.library_folder import add_today


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "library",
        help="browse the postmortems of a folder: incidents, open actions, themes, durations, on this day",
    )
    parser.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR")
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    return apps.browse(folder, args.as_of)
