"""Benchmark: a library of 5,000 postmortems, as a team has after some years.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_library.py [--files N] [--runs N]

It writes N postmortems (default 5,000) of varied sizes into a temporary
folder tree (a few dozen to a few hundred timeline events, factors and action
items; five years of dates; a few broken files among them), then times the
commands as a person runs them, each in a fresh process: ``postmortem ls`` and
``postmortem actions`` cold (no cache: every file read, by a process per core)
and warm (from the cache), with the peak memory of the command's process;
then ``postmortem library``'s time to its first rows of incidents in a
terminal, warm.
Baseline, same run: ``tomllib`` parsing every file in one process, the least a
reader of these files must do.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import os
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
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


def first_rows(folder: Path, cache: Path, newest_id: str) -> float:
    """Seconds from the start of ``postmortem library DIR``, in a terminal of 120x40, to the newest incident's
    row reaching the terminal: what the person who typed the command waits for."""
    env = {**os.environ, "POSTMORTEM_CACHE_DIR": str(cache), "TERM": "xterm-256color"}
    began = time.perf_counter()
    pid, terminal = pty.fork()
    if pid == 0:
        os.execve(sys.executable, [sys.executable, "-m", "postmortem", "library", str(folder)], env)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    shown = b""
    try:
        while newest_id.encode() not in shown:
            ready, _, _ = select.select([terminal], [], [], 30)
            if not ready:
                raise SystemExit(f"the library showed no row of {newest_id} within 30 s")
            shown += os.read(terminal, 65536)
        return time.perf_counter() - began
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(terminal)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # The app's modules as a user's machine has them after its first run: compiled (this one may be set to
    # write no bytecode, which would make every run below compile them again).
    compileall.compile_dir(ROOT, quiet=1, rx=re.compile(r"[/\\](tests|build|\.[^/\\]+)[/\\]"))
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
        newest = max(
            (tomllib.loads(path.read_text())["meta"] for path in files if not path.name.startswith("broken")),
            key=lambda meta: (meta["incident_date"], meta["id"]),
        )["id"]
        # The cache is warm from the runs above.
        firsts = [first_rows(folder, cache, newest) for _ in range(args.runs)]
        first = statistics.median(firsts)
        print(
            f"postmortem library, warm, in a 120x40 terminal: first rows after {first:.2f} s from the command's "
            f"start (target 1 s -> {'met' if first <= 1.0 else 'NOT met'})"
        )


if __name__ == "__main__":
    main()
