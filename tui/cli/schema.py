"""``postmortem schema``: print the JSON Schema of the postmortem file (shipped as ``exports/postmortem.schema.json``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postmortem.models.files import write_atomic


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of the postmortem file",
        description="Print the JSON Schema of the postmortem file (draft 2020-12), for editors such as "
        "Taplo / Even Better TOML and for checking exported JSON.",
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from postmortem.exports.schema import render_schema

    text = render_schema()
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text)
    return 0
