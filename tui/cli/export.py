"""``postmortem export FILE``: write the postmortem as Markdown."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postmortem.models.store import load, write_atomic


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("export", help="write the postmortem as Markdown")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--format", choices=["markdown"], default="markdown")
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from postmortem.exports.markdown import render_markdown

    markdown = render_markdown(load(args.file))
    if args.output is None:
        sys.stdout.write(markdown)
    else:
        write_atomic(args.output, markdown)
    return 0
