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


def run(args: argparse.Namespace) -> int:
    from postmortem.tui.meeting_app import MeetingApp

    problem = apps.theme_problem(args.theme)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    return apps.run(MeetingApp(apps.load_for_screen(args.file), args.file, theme=args.theme))
