"""Benchmark: propose timeline events from a million log lines.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_import.py [--lines N] [--runs N]

It writes four evidence files covering one day (an application log with ISO
timestamps and stack traces, RFC 3164 syslog, a combined-format access log and
JSON lines; about 150 bytes a line), then times ``import_evidence`` end to end
(detection, reading, selection, collapse, merge) for a document whose incident
lasted two hours that day. Baseline, same run: reading the same files in blocks
and counting their lines, the least any importer must do. Peak memory is the
child process's maximum resident size, measured for the full input and for a
quarter of it, so growth with input size shows.

Then the hard case of an incident: an error storm. One application log of the
same number of lines, in time order over two hours, a third of them warnings
or worse, imported with the window on one hour of it (half the lines inside);
and the same file with a quiet ten-minute window, where bisecting to the
window makes reading cheaper than reading the file. Both are reported in
lines of the file per second; lnav's time to index the file is printed beside
them when lnav is installed.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DAY = datetime(2026, 2, 12, tzinfo=UTC)
SHARES = {"app.log": 0.4, "syslog": 0.2, "access.log": 0.25, "events.jsonl": 0.15}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

DOCUMENT = """\
schema_version = 1

[meta]
title = "Checkout errors"
incident_date = 2026-02-12
timezone = "UTC"

[[timeline]]
at = 2026-02-12T14:00:00Z
event = "Errors begin"
milestone = "started"

[[timeline]]
at = 2026-02-12T16:00:00Z
event = "Errors end"
milestone = "resolved"
"""

MESSAGES = (
    "GET /api/v1/orders/{n} completed in {m} ms for tenant {t}",
    "cache lookup for key cart:{n}:{t} returned a hit after {m} microseconds",
    "processed batch {n} of the settlement queue with {m} entries and no retries",
    "connection from 10.{m}.{t}.{n} accepted by listener on port 8443 worker {m}",
    "payment authorised for order {n} amount {m}.00 EUR via provider stub {t}",
    "scheduled job sync-{m} finished, {n} rows examined and nothing to update",
    "request {h} finished with status 200 in {m} ms, user agent mobile-app/{t}",
)
ALARMS = (
    ("WARN", "upstream payments answered slowly after {m} ms for order {n}"),
    ("ERROR", "connection pool exhausted: {m} requests waiting for a database connection"),
    ("WARN", "retrying request {h} to inventory after timeout, attempt {t}"),
    ("INFO", "deploy of checkout-api {t}.{m}.{n} finished on all pods"),
)


def _message(rng: random.Random, template: str) -> str:
    return template.format(
        n=rng.randint(1, 99999), m=rng.randint(1, 999), t=rng.randint(1, 40), h=f"{rng.getrandbits(48):012x}"
    )


def generate(folder: Path, total: int) -> list[Path]:
    """Write the evidence files; about 2% of records are warnings, errors or deploys."""
    rng = random.Random(7)
    paths = []
    for name, share in SHARES.items():
        count = int(total * share)
        step = 86400 / count
        lines = []
        for index in range(count):
            at = DAY + timedelta(seconds=index * step)
            alarm = rng.random() < 0.02
            level, text = rng.choice(ALARMS) if alarm else (rng.choice(("INFO", "INFO", "DEBUG")), rng.choice(MESSAGES))
            text = _message(rng, text)
            if name == "app.log":
                lines.append(
                    f"{at:%Y-%m-%dT%H:%M:%S}.{at.microsecond // 1000:03d}Z {level:5} [checkout-api-7d9f] "
                    f"c.s.checkout.OrderService - {text}\n"
                )
                if level == "ERROR":
                    lines.append(
                        "java.sql.SQLTransientConnectionException: pool timed out\n"
                        "    at com.shop.db.Pool.borrow(Pool.java:118)\n"
                    )
            elif name == "syslog":
                lines.append(
                    f"{MONTHS[at.month - 1]} {at.day:2d} {at:%H:%M:%S} web-{index % 7:02d} "
                    f"checkout[{1000 + index % 50}]: {level.lower()}: {text}\n"
                )
            elif name == "access.log":
                status = 503 if alarm else 200
                lines.append(
                    f"10.1.{index % 250}.{index % 200} - - [{at:%d/%b/%Y:%H:%M:%S} +0000] "
                    f'"GET /api/v1/orders/{rng.randint(1, 99999)}?expand=items HTTP/1.1" {status} '
                    f'{rng.randint(200, 9000)} "-" "mobile-app/{rng.randint(1, 40)} (android)"\n'
                )
            else:
                lines.append(
                    json.dumps(
                        {
                            "ts": at.isoformat(timespec="milliseconds"),
                            "level": level.lower(),
                            "service": "checkout-api",
                            "msg": text,
                        }
                    )
                    + "\n"
                )
        path = folder / name
        path.write_text("".join(lines), encoding="utf-8")
        paths.append(path)
    return paths


STORM_LEVELS = ("INFO", "INFO", "WARN", "INFO", "ERROR", "INFO")  # a third warnings or worse
STORM_MESSAGES = (
    "request {n} for /checkout/confirm took {m} ms",
    "pool wait {m} ms for connection to db-primary, {n} waiting",
    "payment authorisation {n} answered in {m} ms",
    "timeout after {m} ms talking to inventory for order {n}",
)


def generate_storm(path: Path, total: int) -> None:
    """``total`` Java-style lines in time order over two hours from 13:30."""
    rng = random.Random(11)
    begin = DAY + timedelta(hours=13, minutes=30)
    step = 7200 / total
    with path.open("w", encoding="utf-8") as out:
        for number in range(total):
            at = begin + timedelta(seconds=number * step)
            level = STORM_LEVELS[number % len(STORM_LEVELS)]
            message = STORM_MESSAGES[number % len(STORM_MESSAGES)].format(
                n=rng.randrange(100_000), m=rng.randrange(5000)
            )
            out.write(f"{at:%Y-%m-%d %H:%M:%S},{at.microsecond // 1000:03d} {level} [worker-{number % 16}] {message}\n")


def _child(paths: list[str], document: str, window: list[str] | None = None) -> None:
    """Run one import and print the figures as JSON (called in a child process)."""
    from postmortem.models.evidence import ImportOptions, import_evidence
    from postmortem.models.store import load

    doc = load(Path(document))
    since, until = (datetime.fromisoformat(text) for text in window) if window else (None, None)
    start = time.perf_counter()
    result = import_evidence(doc, paths, ImportOptions(since=since, until=until))
    elapsed = time.perf_counter() - start
    peak = _peak_resident_bytes()
    print(
        json.dumps(
            {"seconds": elapsed, "candidates": len(result.candidates), "peak": peak, "problems": result.problems}
        )
    )


def _peak_resident_bytes() -> int:
    """This process's peak resident size (VmHWM: unlike ru_maxrss it does not count the parent's before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _run_child(paths: list[Path], document: Path, window: tuple[datetime, datetime] | None = None) -> dict[str, object]:
    spans = ["--window", *(at.isoformat() for at in window)] if window else []
    output = subprocess.run(
        [sys.executable, __file__, *spans, "--child", str(document), *map(str, paths)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(output)


def _baseline(paths: list[Path]) -> float:
    start = time.perf_counter()
    lines = 0
    for path in paths:
        with path.open("rb") as stream:
            while block := stream.read(4 << 20):
                lines += block.count(b"\n")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--window", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[1:], args.child[0], args.window)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        document = folder / "incident.toml"
        document.write_text(DOCUMENT, encoding="utf-8")
        paths = generate(folder, args.lines)
        quarter = folder / "quarter"
        quarter.mkdir()
        small = generate(quarter, args.lines // 4)
        size = sum(p.stat().st_size for p in paths)
        lines = sum(p.read_bytes().count(b"\n") for p in paths)
        print(
            f"input: {lines:,} lines in {len(paths)} files, {size / 1e6:.0f} MB "
            f"(python {sys.version.split()[0]}, load average {Path('/proc/loadavg').read_text().split()[0]})"
        )
        runs = [_run_child(paths, document) for _ in range(args.runs)]
        baselines = [_baseline(paths) for _ in range(args.runs)]
        seconds = statistics.median(float(r["seconds"]) for r in runs)  # type: ignore[arg-type]
        base = statistics.median(baselines)
        print(
            f"import end to end, median of {args.runs}: {seconds:.2f} s = {lines / seconds:,.0f} lines/s "
            f"({size / seconds / 1e6:.0f} MB/s), {runs[0]['candidates']} candidates"
        )
        print(
            f"baseline (read in blocks, count lines): {base:.2f} s = {lines / base:,.0f} lines/s; "
            f"ratio import / baseline: {seconds / base:.1f}x"
        )
        if runs[0]["problems"]:
            print(f"problems: {runs[0]['problems']}")
        quarter_run = _run_child(small, document)
        full_peak, small_peak = int(runs[0]["peak"]), int(quarter_run["peak"])  # type: ignore[call-overload]
        print(
            f"peak memory: {full_peak / 2**20:.0f} MiB for the full input, {small_peak / 2**20:.0f} MiB for a "
            f"quarter of it (ratio {full_peak / small_peak:.2f})"
        )
        verdict = "met" if lines / seconds >= 1_000_000 else "NOT met"
        print(f"target: at least 1,000,000 lines/s -> {verdict}")
        _storm(folder, document, args.lines, args.runs)


def _storm(folder: Path, document: Path, total: int, runs: int) -> None:
    storm = folder / "storm.log"
    generate_storm(storm, total)
    size = storm.stat().st_size
    print(f"error storm: {total:,} lines, {size / 1e6:.0f} MB, two hours, a third warnings or worse")
    cases = (
        ("storm, one-hour window (half the lines)", DAY + timedelta(hours=14), DAY + timedelta(hours=15), 1_000_000),
        (
            "quiet ten-minute window",
            DAY + timedelta(hours=13, minutes=40),
            DAY + timedelta(hours=13, minutes=50),
            5_000_000,
        ),
    )
    medians = []
    for name, since, until, target in cases:
        results = [_run_child([storm], document, (since, until)) for _ in range(runs)]
        seconds = statistics.median(float(r["seconds"]) for r in results)  # type: ignore[arg-type]
        medians.append((name, seconds))
        rate = total / seconds
        print(
            f"  {name}: median {seconds:.2f} s = {rate:,.0f} lines of the file/s, {results[0]['candidates']} "
            f"candidates, peak {int(results[0]['peak']) / 2**20:.0f} MiB; target {target:,} -> "  # type: ignore[call-overload]
            f"{'met' if rate >= target else 'NOT met'}"
        )
    lnav = shutil.which("lnav")
    if lnav is None:
        print("  lnav: not installed (apt-get install lnav), no comparison")
        return
    began = time.perf_counter()
    subprocess.run([lnav, "-n", "-c", ";SELECT count(*) FROM all_logs", str(storm)], capture_output=True, check=False)
    indexing = time.perf_counter() - began
    ratios = ", ".join(f"{name}: {seconds / indexing:.1f}x" for name, seconds in medians)
    print(f"  lnav indexing the same file: {indexing:.2f} s; ours against it: {ratios}")


if __name__ == "__main__":
    main()
