"""``postmortem review FILE``: run the review meeting from the postmortem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postmortem.tui.cli import apps


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("review", help="run the review meeting from the postmortem (projector friendly)")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--theme", default="projector", help="projector (default), or any Textual theme such as textual-dark or nord"
    )
    apps.add_as_of(parser)


def run(args: argparse.Namespace) -> int:
    from postmortem.tui.meeting_app import MeetingApp

    problem = apps.theme_problem(args.theme)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    document = apps.load_for_screen(args.file)
    return apps.run(MeetingApp(document, args.file, theme=args.theme, today=args.as_of))
