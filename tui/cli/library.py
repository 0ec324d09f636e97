"""``postmortem library [DIR]``: the postmortems of a folder in the terminal; a chosen one opens in the wizard
or for review, and closing it comes back to the library."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postmortem.models.errors import DocumentError
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
    from postmortem.tui.library_app import LibraryApp

    while True:
        choice = LibraryApp(folder, args.as_of).run()
        if not isinstance(choice, tuple):
            return 0
        how, path = choice
        try:
            document = apps.load_for_screen(path)
        except DocumentError:
            continue  # its problems were shown; back to the library
        if how == "review":
            from postmortem.tui.meeting_app import MeetingApp

            apps.run(MeetingApp(document, path, today=args.as_of))
        else:
            apps.run_wizard(document, path, args.as_of)
