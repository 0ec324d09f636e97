"""``postmortem edit FILE`` (or ``postmortem FILE``): open a postmortem in the wizard."""

from __future__ import annotations

import argparse
from pathlib import Path

from postmortem.models.errors import FileAccessError
from postmortem.tui.cli.apps import add_as_of, load_for_screen, run_wizard
from postmortem.tui.cli.new import new_document


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("edit", help="open a postmortem file (created on first save if missing)")
    parser.add_argument("file", type=Path, metavar="FILE")
    add_as_of(parser)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.exists():
        doc = load_for_screen(path)
    elif path.parent.is_dir() or str(path.parent) == "":
        doc = new_document(path)
    else:
        raise FileAccessError(path, [f"folder {path.parent} does not exist"])
    return run_wizard(doc, path, args.as_of)
