"""``postmortem export FILE``: write the postmortem as Markdown, HTML or JSON, or its action items as CSV, for one
audience; a public export is checked for what must not be published first."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from postmortem.models.files import write_atomic

# The formats, the first the default (the same as exports.formats.FORMATS, which is not imported at start-up).
FORMATS = ("markdown", "html", "json", "csv")
AUDIENCES = ("internal", "summary", "public")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("export", help="write the postmortem as Markdown, HTML or JSON, or its actions as CSV")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=FORMATS[0],
        help="markdown (the default), html (one self-contained page, printable), json (the whole document, in"
        " the shape of the file) or csv (the action items)",
    )
    parser.add_argument(
        "--audience",
        choices=AUDIENCES,
        default=AUDIENCES[0],
        help="internal (everything, the default), summary (one page for leadership) or public (for customers)",
    )
    parser.add_argument(
        "--force", action="store_true", help="write a public export even when the leak check finds something"
    )
    parser.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from postmortem.exports.formats import export_checked
    from postmortem.models.audience import Audience
    from postmortem.models.store import load

    audience = Audience(args.audience)
    doc = load(args.file)
    text, leaks = export_checked(doc, args.format, audience)
    for leak in leaks:  # a public export's only
        print(f"{args.file}: public export: {leak.sentence()}", file=sys.stderr)
    if leaks and not args.force:
        print(
            f"{args.file}: not written: reword what is listed above, or give --force to publish it anyway",
            file=sys.stderr,
        )
        return 1
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.output, text)
    return 0
