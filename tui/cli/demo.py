"""``postmortem demo``: open a copy of the bundled example in a temporary folder."""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from postmortem.models.examples import EXAMPLE_NAME, example_text
from postmortem.tui.cli.apps import run_wizard


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    commands.add_parser("demo", help="open a copy of the bundled example in a temporary folder")


def run(args: argparse.Namespace) -> int:
    return open_example()


def open_example(as_of: date | None = None) -> int:
    """The wizard on a fresh copy of the example; where the copy is is said afterwards."""
    from postmortem.models.store import load

    folder = Path(tempfile.mkdtemp(prefix="postmortem-demo-"))
    path = folder / EXAMPLE_NAME
    path.write_text(example_text(), encoding="utf-8")
    code = run_wizard(load(path), path, as_of)
    print(f"The demo copy is in {folder}", file=sys.stderr)
    return code
