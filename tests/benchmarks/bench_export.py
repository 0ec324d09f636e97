"""Benchmark: load a large postmortem file and export it in every format, for every audience.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_export.py [--runs N]

It builds a document with 1,000 timeline events and 200 action items (plus
factors and five-whys chains), saves it with ``models.store.save`` to a
temporary file, then times ``models.store.load`` + the export, as
``postmortem export`` runs them, for each format (Markdown, HTML, JSON, CSV)
and each audience (internal, summary, public; the public one with its leak
check). The document comes from ``large_document.build_large_document``
with this benchmark's own sizes (30 factors and 5 chains rather than the
shared defaults), so its figures stay comparable with earlier runs. As a
baseline it times plain ``tomllib.loads`` of the same file in the same run,
so the figures can be compared across machines.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

from large_document import build_large_document

from postmortem.exports.formats import FORMATS, export_checked
from postmortem.models.audience import Audience
from postmortem.models.store import load, save

TARGET_SECONDS = 0.5
EVENTS = 1_000
ACTIONS = 200
FACTORS = 30
CHAINS = 5


def measure(work: Callable[[], object], runs: int) -> list[float]:
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        timings.append(time.perf_counter() - began)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each measurement")
    runs = parser.parse_args().runs

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.toml"
        text = save(build_large_document(EVENTS, ACTIONS, FACTORS, CHAINS), path)

        def run(format: str, audience: Audience) -> str:
            return export_checked(load(path), format, audience)[0]

        results = {}
        for format in FORMATS:
            for audience in Audience:
                size = len(run(format, audience).encode())  # warm-up, and a size to report
                results[format, audience] = (size, measure(lambda f=format, a=audience: run(f, a), runs))
        baseline = measure(lambda: tomllib.loads(path.read_text(encoding="utf-8")), runs)

    base_median = statistics.median(baseline)
    print(f"document: {EVENTS} events, {ACTIONS} actions, {FACTORS} factors, {CHAINS} whys chains")
    print(f"TOML file: {len(text.encode()):,} bytes")
    print(
        f"baseline tomllib.loads of the same file: median {base_median * 1000:.1f} ms, "
        f"best {min(baseline) * 1000:.1f} ms"
    )
    print(f"load + export over {runs} runs (median, best, ratio of the median to the baseline's, size):")
    for (format, audience), (size, timings) in results.items():
        median = statistics.median(timings)
        print(
            f"  {format:8} {audience.value:8} {median * 1000:7.1f} ms {min(timings) * 1000:7.1f} ms "
            f"{median / base_median:5.1f}x {size:>9,} bytes"
        )
    met = all(statistics.median(timings) < TARGET_SECONDS for _, timings in results.values())
    print(f"target: each under {TARGET_SECONDS * 1000:.0f} ms -> {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
