"""``postmortem themes``: what recurs across a library's incidents."""

from __future__ import annotations

import argparse
import json
from datetime import date

from postmortem.models.library.views import (
    RECURRENCE_DAYS,
    Recurrence,
    by_incident,
    follows_text,
    recurrences,
    themes,
    trend_bars,
)
from postmortem.tui.cli.library_folder import add_folder, add_today, day_text, open_library, print_table


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "themes",
        help="what recurs across a library: factor areas, categories, services, tags",
        description="Factor areas, factor categories, services and tags met in two incidents or more, with "
        f"their counts, a trend over the last four quarters and the incidents behind them; then pairs of "
        f"incidents that share a service and a factor area within {RECURRENCE_DAYS} days (possibly recurring).",
    )
    add_folder(parser)
    parser.add_argument("--json", action="store_true", help='one JSON object: {"themes": [...], "recurring": [...]}')
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return 2
    found = themes(library.entries, args.as_of or date.today())
    pairs = recurrences(library.entries)
    if args.json:
        data = {
            "themes": [
                {
                    "dimension": theme.dimension,
                    "name": theme.name,
                    "count": theme.count,
                    "trend": list(theme.trend),
                    "incidents": [entry.name for entry in theme.incidents],
                }
                for theme in found
            ],
            "recurring": [
                {
                    "earlier": pair.earlier.name,
                    "later": pair.later.name,
                    "days": pair.days,
                    "services": list(pair.services),
                    "areas": list(pair.areas),
                }
                for pair in pairs
            ],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("Nothing recurs yet: no area, category, service or tag is in two incidents.")
    else:
        rows = [
            [theme.dimension, theme.name, str(theme.count), trend_bars(theme.trend), _names(theme.incidents)]
            for theme in found
        ]
        print_table(["What", "Name", "Incidents", "Trend", "Behind it"], rows)
    if pairs:
        print()
        print(f"Possibly recurring (a shared service and factor area within {RECURRENCE_DAYS} days):")
        print_table(["Date", "Incident", "Follows", "Shared"], _recurring_rows(pairs))
    return 0


def _recurring_rows(pairs: list[Recurrence]) -> list[list[str]]:
    """One row per incident that possibly recurs, newest first: the incidents it follows, nearest first (the
    first few named), and what it shares with them."""
    return [
        [
            day_text(found.incident.date),
            found.incident.name,
            follows_text(found),
            ", ".join(found.services) + " · " + ", ".join(found.areas),
        ]
        for found in by_incident(pairs)
    ]


def _names(incidents: tuple[object, ...]) -> str:
    return ", ".join(getattr(entry, "name", "") for entry in incidents)
