"""``postmortem check``: the review checks from the command line, for people and for CI."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from postmortem.models.errors import DocumentError
from postmortem.models.steps import STEP_BY_ID, STEP_IDS
from postmortem.tui.cli.apps import add_as_of

if TYPE_CHECKING:  # the checks are imported when the command runs, not for every command line
    from postmortem.models.checks import Finding

# From this many files on, they are checked in parallel.
PARALLEL_FROM = 24


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check",
        help="check postmortems for blame, SMART action items, completeness and consistency",
        description="Exit 0 when no file has errors (with --strict: nor warnings), 1 when one has or is not a "
        "valid postmortem, 2 when a file cannot be read.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--json", action="store_true", help='one line per file: {"file": ..., "findings": [...]}')
    parser.add_argument("--strict", action="store_true", help="warnings fail too")
    parser.add_argument(
        "--rule",
        action="append",
        default=[],
        metavar="PREFIX",
        help="only rules starting with PREFIX, e.g. blame or smart.time-bound (repeatable)",
    )
    add_as_of(parser)


# One file's result: its findings, or the lines saying why it could not be read and the exit code that calls for.
Result = tuple[list["Finding"], list[str], int]


def check_file(path: Path, as_of: date | None = None) -> Result:
    from postmortem.models.checks import run_checks
    from postmortem.models.store import load

    try:
        return run_checks(load(path), as_of), [], 0
    except DocumentError as error:
        return [], error.lines(), error.exit_code


def _results(paths: list[Path], as_of: date | None) -> Iterator[Result]:
    """Each file's results in order; many files are checked on every core."""
    check = partial(check_file, as_of=as_of)
    if len(paths) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        yield from map(check, paths)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only for a folder of files

    with ProcessPoolExecutor() as pool:
        yield from pool.map(check, paths, chunksize=8)


def run(args: argparse.Namespace) -> int:
    from postmortem.models.checks import Level

    code = 0  # the most serious of the files' outcomes
    for path, (found, problems, failed) in zip(args.files, _results(args.files, args.as_of)):
        if problems:
            for line in problems:
                print(line, file=sys.stderr)
            code = max(code, failed)
            continue
        findings = [f for f in found if not args.rule or f.rule.startswith(tuple(args.rule))]
        if args.json:
            print(json.dumps({"file": str(path), "findings": [f.as_json() for f in findings]}, ensure_ascii=False))
        else:
            _print_human(path, findings)
        failing = {Level.ERROR, Level.WARNING} if args.strict else {Level.ERROR}
        if any(f.severity in failing for f in findings):
            code = max(code, 1)
    return code


def _print_human(path: Path, findings: list[Finding]) -> None:
    from postmortem.models.checks import Level

    counts = {level: sum(1 for f in findings if f.severity == level) for level in Level}
    summary = ", ".join(
        f"{n} {level.value}{'s' if n != 1 and level != Level.INFO else ''}" for level, n in counts.items() if n
    )
    print(f"{path}: {summary or 'no findings'}")
    for step_id in STEP_IDS:
        in_step = [f for f in findings if f.step == step_id]
        if not in_step:
            continue
        print(f"  {STEP_BY_ID[step_id].title}")
        for finding in in_step:
            where = finding.location or "(document)"
            print(f"    {finding.severity.value:8} {where}: {finding.message} [{finding.rule}]")
            if finding.suggestion:
                print(f"             {finding.suggestion}")
