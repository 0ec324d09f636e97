"""``postmortem timeline import``: propose timeline events from evidence files, and add them."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the evidence readers are imported when the command runs, not for every command line
    from postmortem.models.document import Postmortem
    from postmortem.models.evidence import Candidate, ImportOptions


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    timeline = commands.add_parser("timeline", help="work on the timeline from the command line")
    actions = timeline.add_subparsers(dest="timeline_command", metavar="ACTION", required=True)
    parser = actions.add_parser(
        "import",
        help="propose timeline events from logs, alert and chat exports and git history",
        description="Read evidence files, keep the records in the incident window that matter (warnings and "
        "worse, changes, deploys, rollbacks, restarts, failovers, alerts, pages, destructive commands, "
        "maintenance switches, --grep matches), collapse "
        "bursts of similar records, and add them to the timeline (or only show them with --dry-run).",
        epilog="A SOURCE may be forced to a kind with KIND:PATH, KIND one of jsonl, csv, chat, git, log, or a "
        "timestamp format: rfc5424, clf, apache-error, postgres, logcat, iso8601, klog, nginx-error, go-log, "
        "hadoop, mmdd-bracketed, yyyymmdd-dash, rfc3164, log4j-compact, epoch-ms, epoch.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the postmortem file")
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="log, JSON lines, CSV, chat export, git log")
    parser.add_argument("--since", metavar="T", help="window start (default: start milestone minus 1 h)")
    parser.add_argument("--until", metavar="T", help="window end (default: resolved milestone plus 1 h)")
    parser.add_argument("--tz", metavar="ZONE", help="zone of times without an offset (default: the document's)")
    parser.add_argument("--year", metavar="Y", help="year for formats without one (default: incident's)")
    parser.add_argument(
        "--time-format", metavar="F", help="strftime pattern of the timestamps, e.g. '%%d.%%m.%%Y %%H:%%M:%%S'"
    )
    parser.add_argument("--grep", metavar="RE", help="also keep records matching this regular expression")
    parser.add_argument("--all", dest="keep_all", action="store_true", help="keep every record in the window")
    parser.add_argument("--no-collapse", action="store_true", help="one event per record, no bursts")
    parser.add_argument("--dry-run", action="store_true", help="show the candidates, change nothing")
    parser.add_argument("--json", action="store_true", help="one JSON object per candidate")
    for column in ("time", "text", "level"):
        parser.add_argument(f"--{column}-column", metavar="NAME", help=f"CSV: the {column} column's header")


def run(args: argparse.Namespace) -> int:
    from postmortem.models.evidence import import_evidence
    from postmortem.models.store import load, save

    path: Path = args.file
    doc = load(path)
    options = _options(args, doc)
    if options is None:
        return 2
    result = import_evidence(doc, args.sources, options)
    for line in [*result.notes, *result.problems]:
        print(line, file=sys.stderr)
    new = [c for c in result.candidates if not c.existing]
    if args.json:
        for candidate in result.candidates if args.dry_run else new:
            print(json.dumps(candidate.as_json(), ensure_ascii=False))
    elif args.dry_run:
        for candidate in result.candidates:
            print(_line(candidate, doc))
    known = len(result.candidates) - len(new)
    summary = f"{len(result.candidates)} candidate events" + (f", {known} already in the timeline" if known else "")
    if result.problems:
        print(f"{summary}; nothing added: fix or leave out the sources above", file=sys.stderr)
        return 2
    if args.dry_run:
        print(f"{summary} (dry run, nothing added)", file=sys.stderr)
        return 0
    for candidate in new:
        doc.add_event(candidate.to_event())
    if new:
        save(doc, path)
    print(f"{summary}; added {len(new)} to {path}", file=sys.stderr)
    return 0


def _options(args: argparse.Namespace, doc: Postmortem) -> ImportOptions | None:
    """The options, or None after printing why one of them is not usable."""
    from postmortem.models.evidence.options import OptionError, build_options

    columns = {name: getattr(args, f"{name}_column") for name in ("time", "text", "level")}
    try:
        return build_options(
            doc,
            since=args.since or "",
            until=args.until or "",
            tz=args.tz or "",
            year=str(args.year or ""),
            time_format=args.time_format or "",
            grep=args.grep or "",
            keep_all=args.keep_all,
            collapse=not args.no_collapse,
            columns=columns,
        )
    except OptionError as error:
        print(f"--{error.name.replace('_', '-')}: {error}", file=sys.stderr)
        return None


def _line(candidate: Candidate, doc: Postmortem) -> str:
    local = candidate.at.astimezone(doc.meta.zone)
    when = local.strftime("%H:%M:%S") if local.date() == doc.meta.incident_date else local.strftime("%m-%d %H:%M:%S")
    mark = "=" if candidate.existing else " "
    return f"{mark} {when}  {candidate.level:8} {candidate.kind.value:13} {candidate.text}  [{candidate.source}]"
