"""``postmortem import FILE.md…``: Markdown postmortems as postmortem files, with a report per file of what
went where and what was kept as written because no field takes it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "import",
        help="turn Markdown postmortems into postmortem files",
        description="Read Markdown postmortems (a wiki page, a template filled by hand) and write one "
        "postmortem file each: sections matched by meaning, timeline rows as events, action items with "
        "their owners, due dates and tickets. What no field takes is kept as written in the file's [extra] "
        "table, and the report names it. Milestones guessed from the words and factors without a category "
        "are left for you to confirm in the wizard's Review step.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.md")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="OUT", help="the file to write (one Markdown file only)")
    where.add_argument(
        "--into", type=Path, metavar="DIR", help="the folder to write into (default: beside each Markdown file)"
    )
    parser.add_argument(
        "--tz",
        metavar="ZONE",
        help="the IANA zone of times whose text names none (default: the timeline's note, else UTC)",
    )
    parser.add_argument("--dry-run", action="store_true", help="print what would be written, write nothing")


def run(args: argparse.Namespace) -> int:
    from postmortem.models.errors import DocumentError
    from postmortem.models.markdown_import.files import read_markdown, report_lines, write
    from postmortem.models.timeparse import zone_named

    if args.output is not None and len(args.files) > 1:
        print("-o: give one Markdown file, or use --into DIR for several", file=sys.stderr)
        return 2
    if args.tz is not None and zone_named(args.tz) is None:
        print(f"--tz: {args.tz!r} is not a time zone (an IANA name such as Europe/Berlin)", file=sys.stderr)
        return 2
    if args.into is not None and not args.into.is_dir():
        print(f"--into: {args.into}: not a folder", file=sys.stderr)
        return 2
    failed = 0
    for source in args.files:
        try:
            imported = read_markdown(source, args.into, args.tz)
            if args.output is not None:
                imported.target = args.output
            print(f"{source} -> {imported.target}{' (dry run: not written)' if args.dry_run else ''}")
            for line in report_lines(imported):
                print(f"  {line}")
            if not args.dry_run:
                write(imported)
        except DocumentError as error:
            print("\n".join(error.lines()), file=sys.stderr)
            failed += 1
    return 2 if failed else 0
