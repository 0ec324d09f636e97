"""``postmortem demo``: open a copy of the bundled example in a temporary folder."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from postmortem.models.examples import EXAMPLE_NAME, example_text
from postmortem.tui.cli.apps import run_wizard


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    commands.add_parser("demo", help="open a copy of the bundled example in a temporary folder")


def run(args: argparse.Namespace) -> int:
    from postmortem.models.store import load

    folder = Path(tempfile.mkdtemp(prefix="postmortem-demo-"))
    path = folder / EXAMPLE_NAME
    path.write_text(example_text(), encoding="utf-8")
    code = run_wizard(load(path), path)
    print(f"The demo copy is in {folder}", file=sys.stderr)
    return code
