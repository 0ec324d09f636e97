"""The ``postmortem`` command line: one module per command, each with ``add_parser`` and ``run``.

Exit codes, the same for every command: 0 ok, 1 the document is invalid or
has errors, 2 a usage or file error; 130 after ctrl+c, 141 when the reader of
the output went away (``postmortem check … | head``). Problems are printed on
stderr, one line each, naming the file. Only the interactive commands import
Textual.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys

from postmortem.models.errors import DocumentError
from postmortem.tui.cli import (
    actions,
    check,
    demo,
    edit,
    export,
    import_markdown,
    library,
    ls,
    new,
    review,
    schema,
    serve,
    start,
    stats,
    themes,
    timeline,
)

# The commands that open the app: garbage collection, off during start-up (``entry``), stays off until
# its first frame is up.
OPEN_THE_APP = {"new", "edit", "review", "demo", "library"}

# The status of a process that SIGPIPE ended (128 + 13), as shells report it.
READER_GONE = 141

# In the order `postmortem --help` lists them.
COMMANDS = {
    "new": new,
    "edit": edit,
    "review": review,
    "serve": serve,
    "export": export,
    "check": check,
    "schema": schema,
    "timeline": timeline,
    "import": import_markdown,
    "library": library,
    "ls": ls,
    "actions": actions,
    "themes": themes,
    "stats": stats,
    "demo": demo,
}


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for (reading package metadata is slow)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("postmortem")
        except PackageNotFoundError:
            number = "unknown"
        print(f"postmortem {number}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="postmortem",
        description="Write a blameless incident postmortem in the terminal.",
        epilog="`postmortem FILE` is short for `postmortem edit FILE`; `postmortem` alone, in a terminal, opens "
        "the start screen.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS.values():
        command.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "edit")
    argv = actions.with_default_subcommand(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        if sys.stdin.isatty() and sys.stdout.isatty():  # a person at a terminal: the start screen
            return start.run()
        build_parser().print_help(sys.stderr)
        return 2
    if args.command not in OPEN_THE_APP:
        gc.enable()
    try:
        code: int = COMMANDS[args.command].run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        return _reader_gone()
    except DocumentError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    return code


def _reader_gone() -> int:
    """The output's reader closed it (``| head``): stop quietly, with the status of a process ended by SIGPIPE."""
    # What is still buffered goes nowhere, so that the flush at exit does not fail again.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return READER_GONE
