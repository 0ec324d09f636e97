"""Benchmark: a library of 5,000 postmortems, as a team has after some years.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_library.py [--files N] [--runs N]

It writes N postmortems (default 5,000) of varied sizes into a temporary
folder tree (a few dozen to a few hundred timeline events, factors and action
items; five years of dates; a few broken files among them), then times the
commands as a person runs them, each in a fresh process: ``postmortem ls`` and
``postmortem actions`` cold (no cache: every file read, by a process per core)
and warm (from the cache), with the peak memory of the command's process;
then the library screen's time to its first rows of incidents, warm.
Baseline, same run: ``tomllib`` parsing every file in one process, the least a
reader of these files must do.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

SERVICES = ("checkout", "search", "payments", "catalog", "identity", "notifications", "storefront", "ledger")
AREAS = {
    "technical": ("code", "config", "infrastructure", "dependencies"),
    "process": ("testing", "review", "deployment", "monitoring", "response"),
}
BROKEN = 7  # files in the library that do not load


def generate(folder: Path, count: int) -> None:
    from postmortem.models.codec import dumps
    from postmortem.models.document import ActionItem, Factor, Meta, Postmortem, TimelineEvent
    from postmortem.models.enums import Milestone

    rng = random.Random(5)
    first = date(2021, 1, 1)
    for number in range(count):
        day = first + timedelta(days=rng.randrange(5 * 365))
        start = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=rng.randrange(24))
        events = rng.choice((8, 20, 40, 120, 300))
        timeline = [
            TimelineEvent(at=start + timedelta(minutes=3 * i), event=f"Step {i}: what the responders saw and did next")
            for i in range(events)
        ]
        for milestone, index in (
            (Milestone.STARTED, 0),
            (Milestone.DETECTED, 2),
            (Milestone.MITIGATED, events // 2),
            (Milestone.RESOLVED, events - 1),
        ):
            timeline[index].milestone = milestone
        factors = []
        for i in range(rng.randrange(1, 6)):
            category = rng.choice(tuple(AREAS))
            factors.append(
                Factor(
                    id=f"F{i + 1}",
                    title=f"Factor {i + 1} of the incident",
                    category=category,
                    area=rng.choice(AREAS[category]),
                )
            )
        actions = [
            ActionItem(
                id=f"A{i + 1}",
                action=f"Change {i + 1}: add a check that stops the same fault before it reaches production",
                owner=rng.choice(("SRE team", "Payments team", "Platform team", "Search team")),
                priority=rng.choice(("P0", "P1", "P2", "P3")),
                status=rng.choice(("open", "open", "in-progress", "done", "done", "wont-do")),
                due=day + timedelta(days=rng.randrange(7, 120)),
            )
            for i in range(rng.randrange(1, 12))
        ]
        doc = Postmortem(
            meta=Meta(
                title=f"Incident {number}: degraded {rng.choice(SERVICES)}",
                id=f"INC-{number:05d}",
                incident_date=day,
                severity=rng.choice(("SEV-1", "SEV-2", "SEV-2", "SEV-3", "SEV-4")),
                services=rng.sample(SERVICES, rng.randrange(1, 4)),
                tags=rng.sample(("database", "cache", "dns", "certificates", "capacity", "release"), 2),
            ),
            timeline=timeline,
            factors=factors,
            actions=actions,
        )
        path = folder / str(day.year) / f"{day.isoformat()}-{number:05d}.toml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dumps(doc), encoding="utf-8")
    for number in range(BROKEN):
        (folder / f"broken-{number}.toml").write_text('[meta]\ntitle = "half written"\nseverity = "SEV-9"\n')


def run_command(args: list[str], cache: Path) -> tuple[float, int]:
    """Seconds and the peak resident bytes of ``postmortem *args`` in a fresh process."""
    env = {**os.environ, "POSTMORTEM_CACHE_DIR": str(cache)}
    code = (
        "import resource, sys, time\n"
        "from postmortem.tui.cli import main\n"
        "began = time.perf_counter()\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    main({args!r})\n"
        "elapsed = time.perf_counter() - began\n"
        "peak = next(int(l.split()[1]) * 1024 for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
        "print(elapsed, peak)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    seconds, peak = out.split()
    return float(seconds), int(peak)


def first_rows(folder: Path, cache: Path) -> float:
    """Seconds from a fresh process's start to the library screen's first rows of incidents."""
    env = {**os.environ, "POSTMORTEM_CACHE_DIR": str(cache)}
    code = (
        "import asyncio, time\n"
        "began = time.perf_counter()\n"
        "from pathlib import Path\n"
        "from textual.widgets import DataTable\n"
        "from postmortem.screens.library.library_screen import LibraryScreen\n"
        "from postmortem.tui.library_app import LibraryApp\n"
        "async def main():\n"
        f"    app = LibraryApp(Path({str(folder)!r}))\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        while True:\n"
        "            screen = app.screen\n"
        "            if isinstance(screen, LibraryScreen) and screen.library is not None:\n"
        "                if screen.query_one('#library-incidents', DataTable).row_count:\n"
        "                    break\n"
        "            await pilot.pause()\n"
        "        await screen.wait_for_refresh()\n"
        "        print(time.perf_counter() - began)\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "postmortems", Path(tmp) / "cache"
        began = time.perf_counter()
        generate(folder, args.files)
        files = sorted(folder.rglob("*.toml"))
        size = sum(path.stat().st_size for path in files)
        print(
            f"library: {len(files):,} files ({BROKEN} broken), {size / 1e6:.0f} MB, written in "
            f"{time.perf_counter() - began:.0f} s (python {sys.version.split()[0]}, {os.cpu_count()} cores, "
            f"load average {Path('/proc/loadavg').read_text().split()[0]})"
        )
        began = time.perf_counter()
        for path in files:
            with path.open("rb") as stream:
                tomllib.load(stream)
        baseline = time.perf_counter() - began
        print(f"baseline, tomllib parsing every file in one process: {baseline:.2f} s")
        for command, target_cold in ((["ls", str(folder)], 10.0), (["actions", str(folder)], 10.0)):
            colds, warms, peaks = [], [], []
            for _ in range(args.runs):
                shutil.rmtree(cache, ignore_errors=True)
                seconds, peak = run_command(command, cache)
                colds.append(seconds)
                peaks.append(peak)
                seconds, peak = run_command(command, cache)
                warms.append(seconds)
                peaks.append(peak)
            cold, warm = statistics.median(colds), statistics.median(warms)
            print(
                f"postmortem {command[0]}: cold {cold:.2f} s ({cold / baseline:.1f}x the baseline; target "
                f"{target_cold:.0f} s -> {'met' if cold <= target_cold else 'NOT met'}), warm {warm:.2f} s (target 1 s -> "
                f"{'met' if warm <= 1.0 else 'NOT met'}), peak memory {max(peaks) / 2**20:.0f} MiB (target 300 MiB -> "
                f"{'met' if max(peaks) <= 300 * 2**20 else 'NOT met'})"
            )
        firsts = [first_rows(folder, cache) for _ in range(args.runs)]  # the cache is warm from the runs above
        first = statistics.median(firsts)
        print(
            f"library screen (headless, 120x40), warm: first rows after {first:.2f} s from the process start, "
            f"imports included (target 1 s -> {'met' if first <= 1.0 else 'NOT met'})"
        )


if __name__ == "__main__":
    main()
