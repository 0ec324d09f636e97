"""``postmortem actions``: action items across a library (``list``, the default), and following them through an
issue tracker (``push``, ``sync``)."""

from __future__ import annotations

import argparse

from postmortem.tui.cli import action_tracker

SUBCOMMANDS = ("list", "push", "sync")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "actions",
        help="list open action items across postmortems; push them to GitHub or GitLab issues and sync back",
        description="`postmortem actions [DIR]` lists the open action items of every postmortem under DIR; "
        "`push` and `sync` follow one postmortem's items through GitHub or GitLab issues.",
    )
    which = parser.add_subparsers(dest="actions_command", metavar="{list,push,sync}")
    listing = which.add_parser("list", help="open action items across a library (the default)")
    listing.add_argument("folder", nargs="?", default=".", metavar="DIR")
    action_tracker.add_push_parser(which)
    action_tracker.add_sync_parser(which)


def with_default_subcommand(argv: list[str]) -> list[str]:
    """``actions [DIR] …`` is ``actions list [DIR] …``."""
    if argv[:1] == ["actions"] and (len(argv) == 1 or argv[1] not in (*SUBCOMMANDS, "-h", "--help")):
        return ["actions", "list", *argv[1:]]
    return argv


def run(args: argparse.Namespace) -> int:
    if args.actions_command == "push":
        return action_tracker.run_push(args)
    if args.actions_command == "sync":
        return action_tracker.run_sync(args)
    return 2  # the listing comes with the library
