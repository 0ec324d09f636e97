"""``postmortem stats``: how long a library's incidents take to detect, mitigate and resolve."""

from __future__ import annotations

import argparse
import json

from postmortem.models.library.entry import SPANS
from postmortem.models.library.views import Spread, durations
from postmortem.tui.cli.library_folder import add_folder, open_library, print_table, seconds_text

SPAN_LABELS = {
    "time_to_detect": "Detect",
    "time_to_mitigate": "Mitigate",
    "time_to_resolve": "Resolve",
    "duration": "Duration",
}


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "stats",
        help="time to detect, mitigate and resolve per quarter and per severity (medians and 90th percentiles)",
        description="Per quarter and per severity: the median and the 90th percentile of the time to detect, "
        "to mitigate and to resolve (medians, not means: a few long incidents dominate an average), with the "
        "number of incidents behind each figure.",
    )
    add_folder(parser)
    parser.add_argument(
        "--json", action="store_true", help='one JSON object: {"by_quarter": [...], "by_severity": [...]}'
    )


def run(args: argparse.Namespace) -> int:
    library = open_library(args)
    if library is None:
        return 2
    grouped = {by: durations(library.entries, by) for by in ("quarter", "severity")}
    if args.json:
        print(
            json.dumps(
                {
                    f"by_{by}": [
                        {"group": row.group, **{span: _spread_data(row.spans[span]) for span in SPANS}} for row in rows
                    ]
                    for by, rows in grouped.items()
                },
                indent=2,
            )
        )
        return 0
    for index, (by, rows) in enumerate(grouped.items()):
        if index:
            print()
        print(f"By {by} (median / 90th percentile, incidents):")
        table = [[row.group, *(_spread_text(row.spans[span]) for span in SPANS)] for row in rows]
        print_table(["", *SPAN_LABELS.values()], table or [["—", "—", "—", "—", "—"]], last_width=30)
    return 0


def _spread_text(spread: Spread) -> str:
    if not spread.count:
        return "—"
    return f"{seconds_text(spread.median)} / {seconds_text(spread.p90)} ({spread.count})"


def _spread_data(spread: Spread) -> dict[str, object]:
    return {"count": spread.count, "median_seconds": spread.median, "p90_seconds": spread.p90}
