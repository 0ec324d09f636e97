"""``postmortem actions``: the open action items across a library (``list``, the default), and following one
postmortem's items through an issue tracker (``push``, ``sync``)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from itertools import groupby

from postmortem.models.enums import Priority
from postmortem.models.library.views import ActionRow, action_rows, rank
from postmortem.tui.cli import action_tracker
from postmortem.tui.cli.library_folder import add_folder, add_today, day_text, open_library, print_table

SUBCOMMANDS = ("list", "push", "sync")
COLUMNS = ("incident", "path", "id", "action", "owner", "priority", "status", "due", "deadline", "late", "ticket")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "actions",
        help="open action items across postmortems; push them to GitHub or GitLab issues and sync them back",
        description="`postmortem actions [DIR]` lists the open action items of every postmortem under DIR; "
        "`push` and `sync` follow one postmortem's items through GitHub or GitLab issues.",
    )
    which = parser.add_subparsers(dest="actions_command", metavar="{list,push,sync}")
    listing = which.add_parser(
        "list",
        help="the open action items of a library, late ones first (the default)",
        description="The open action items of every postmortem under DIR, late ones first: past their due "
        "date, or breaking the library's due-date rule for their priority (postmortem.toml at DIR; by default "
        "P0 within 4 weeks and P1 within 8 of the incident).",
    )
    add_folder(listing)
    listing.add_argument("--overdue", action="store_true", help="only the late ones")
    listing.add_argument("--owner", metavar="TEXT", help="only owners containing TEXT (any case)")
    listing.add_argument("--by", choices=("owner", "incident"), default="owner", help="how to group (default: owner)")
    shape = listing.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="a JSON array, one object per action item")
    shape.add_argument("--csv", action="store_true", help="CSV with a header row")
    listing.add_argument(
        "--fail-on-overdue",
        type=Priority,
        choices=list(Priority),
        metavar="P",
        help="exit 1 when an item of priority P or higher breaks its due-date rule (for CI)",
    )
    add_today(listing)
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
    return _list(args)


def _list(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return 2
    rows = action_rows(library.entries, library.rules, args.as_of or date.today())
    if args.owner:
        rows = [row for row in rows if args.owner.casefold() in row.action.owner.casefold()]
    failing = []
    if args.fail_on_overdue is not None:
        limit = rank(args.fail_on_overdue)
        failing = [row for row in rows if row.breaks_rule and rank(row.action.priority) <= limit]
    if args.overdue:
        rows = [row for row in rows if row.late]
    if args.json:
        print(json.dumps([_record(row) for row in rows], ensure_ascii=False, indent=2))
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({key: "" if value is None else value for key, value in _record(row).items()} for row in rows)
    else:
        _print_grouped(rows, args.by)
    for row in failing:
        print(
            f"{args.folder / row.entry.path}: {row.action.id or 'an action'} ({row.action.priority}) breaks its "
            f"due-date rule: due by {day_text(row.deadline)}",
            file=sys.stderr,
        )
    return 1 if failing else 0


def _record(row: ActionRow) -> dict[str, object]:
    action = row.action
    return {
        "incident": row.entry.name,
        "path": row.entry.path,
        "id": action.id,
        "action": action.action,
        "owner": action.owner,
        "priority": action.priority,
        "status": action.status,
        "due": action.due.isoformat() if action.due else None,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "late": "rule" if row.breaks_rule else "due" if row.overdue else "",
        "ticket": action.ticket,
    }


def _print_grouped(rows: list[ActionRow], by: str) -> None:
    if not rows:
        print("No open action items.")
        return

    def group_of(row: ActionRow) -> str:
        return (row.action.owner or "no owner") if by == "owner" else f"{row.entry.name}  {row.entry.title}"

    first = True
    for group, members in groupby(sorted(rows, key=lambda row: group_of(row).casefold()), key=group_of):
        if not first:
            print()
        first = False
        print(group)
        table = [
            [
                "!" if row.late else " ",
                row.action.priority or "—",
                row.action.id or "—",
                day_text(row.action.due),
                day_text(row.deadline),
                row.entry.name if by == "owner" else (row.action.owner or "—"),
                row.action.action,
            ]
            for row in sorted(members, key=lambda row: (not row.late, rank(row.action.priority)))
        ]
        print_table([" ", "Prio", "Id", "Due", "Rule", "Incident" if by == "owner" else "Owner", "Action"], table)
