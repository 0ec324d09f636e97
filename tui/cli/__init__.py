"""The ``postmortem`` command line: one module per command, each with ``add_parser`` and ``run``.

Exit codes: 0 ok, 1 invalid document, 2 usage or I/O error. Problems are
printed on stderr, one line each, naming the file. Only the interactive
commands import Textual.
"""

from __future__ import annotations

import argparse
import sys
from importlib.metadata import PackageNotFoundError, version

from postmortem.models.errors import DocumentError
from postmortem.tui.cli import check, demo, edit, export, new, review, serve, timeline

# In the order `postmortem --help` lists them.
COMMANDS = {
    "new": new,
    "edit": edit,
    "review": review,
    "serve": serve,
    "export": export,
    "check": check,
    "timeline": timeline,
    "demo": demo,
}


def _version() -> str:
    try:
        return version("postmortem")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="postmortem",
        description="Write a blameless incident postmortem in the terminal.",
        epilog="`postmortem FILE` is short for `postmortem edit FILE`.",
    )
    parser.add_argument("--version", action="version", version=f"postmortem {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS.values():
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "edit")
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help(sys.stderr)
        return 2
    try:
        code: int = COMMANDS[args.command].run(args)
    except DocumentError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    return code
