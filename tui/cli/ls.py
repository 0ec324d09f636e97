"""``postmortem ls``: every postmortem of a library, newest first."""

from __future__ import annotations

import argparse
import json
from datetime import date

from postmortem.models.library.views import action_rows, late_counts
from postmortem.tui.cli.library_folder import add_folder, add_today, day_text, open_library, print_table, seconds_text


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "ls",
        help="list the postmortems of a folder (a library), newest first",
        description="List every postmortem under DIR, searched recursively: date, id, severity, status, kind, "
        "duration, open and late action items, title. Files that do not load are named on stderr.",
    )
    add_folder(parser)
    parser.add_argument("--json", action="store_true", help="a JSON array, one object per postmortem")
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return 2
    today = args.as_of or date.today()
    late = late_counts(action_rows(library.entries, library.rules, today))
    if args.json:
        items = [
            {
                "path": entry.path,
                "id": entry.id,
                "title": entry.title,
                "date": day_text(entry.date) if entry.date else None,
                "severity": entry.severity,
                "kind": entry.kind,
                "status": entry.status,
                "services": list(entry.services),
                "tags": list(entry.tags),
                "duration_seconds": entry.seconds.get("duration"),
                "open_actions": sum(action.open for action in entry.actions),
                "late_actions": late.get(entry.path, 0),
            }
            for entry in library.entries
        ]
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    rows = [
        [
            day_text(entry.date),
            entry.id or "—",
            entry.severity or "—",
            entry.status,
            entry.kind,
            seconds_text(entry.seconds.get("duration")),
            str(sum(action.open for action in entry.actions)),
            str(late.get(entry.path, 0)),
            entry.title,
        ]
        for entry in library.entries
    ]
    print_table(["Date", "Id", "Severity", "Status", "Kind", "Duration", "Open", "Late", "Title"], rows)
    return 0
