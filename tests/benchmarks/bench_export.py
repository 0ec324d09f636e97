"""Benchmark: load a large postmortem file and export it to Markdown, JSON and CSV.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_export.py [--runs N]

It builds a document with 1,000 timeline events and 200 action items (plus
factors and five-whys chains), saves it with ``models.store.save`` to a
temporary file, then times ``models.store.load`` + ``render_markdown``
together, and the same with ``render_json`` and ``render_csv`` (the action
items). The document comes from ``large_document.build_large_document``
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

from postmortem.exports import render_csv, render_json, render_markdown
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
        markdown = render_markdown(load(path))  # warm-up, and a size to report
        exported = measure(lambda: render_markdown(load(path)), runs)
        others = {}
        for name, render in (("render_json", render_json), ("render_csv", render_csv)):
            size = len(render(load(path)).encode())
            others[name] = (size, measure(lambda render=render: render(load(path)), runs))
        baseline = measure(lambda: tomllib.loads(path.read_text(encoding="utf-8")), runs)

    median, best = statistics.median(exported), min(exported)
    base_median = statistics.median(baseline)
    print(f"document: {EVENTS} events, {ACTIONS} actions, {FACTORS} factors, {CHAINS} whys chains")
    print(f"TOML file: {len(text.encode()):,} bytes; Markdown: {len(markdown.encode()):,} bytes")
    print(f"load + render_markdown over {runs} runs: median {median * 1000:.1f} ms, best {best * 1000:.1f} ms")
    for name, (size, timings) in others.items():
        print(
            f"load + {name} over {runs} runs: median {statistics.median(timings) * 1000:.1f} ms, "
            f"best {min(timings) * 1000:.1f} ms ({size:,} bytes)"
        )
    print(
        f"baseline tomllib.loads of the same file: median {base_median * 1000:.1f} ms, "
        f"best {min(baseline) * 1000:.1f} ms"
    )
    print(f"ratio (median / baseline median): {median / base_median:.1f}x")
    met = all(statistics.median(timings) < TARGET_SECONDS for timings in [exported, *(t for _, t in others.values())])
    print(f"target: each under {TARGET_SECONDS * 1000:.0f} ms -> {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
