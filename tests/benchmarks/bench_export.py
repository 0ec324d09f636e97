"""Benchmark: load a large postmortem file and export it to Markdown.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_export.py [--runs N]

It builds a document with 1,000 timeline events and 200 action items (plus
factors and five-whys chains), saves it with ``models.store.save`` to a
temporary file, then times ``models.store.load`` + ``render_markdown``
together. As a baseline it times plain ``tomllib.loads`` of the same file in
the same run, so the figures can be compared across machines.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from postmortem.exports import render_markdown
from postmortem.models.document import Postmortem
from postmortem.models.enums import (
    AREAS_BY_CATEGORY,
    ActionStatus,
    ActionType,
    Category,
    EventKind,
    Horizon,
    Milestone,
    Priority,
)
from postmortem.models.store import load, save

TARGET_SECONDS = 0.5
EVENTS = 1_000
ACTIONS = 200
FACTORS = 30
CHAINS = 5


def build_document() -> Postmortem:
    start = datetime(2026, 1, 31, 22, 0, tzinfo=UTC)
    kinds = list(EventKind)
    milestones = {
        0: Milestone.STARTED,
        40: Milestone.DETECTED,
        55: Milestone.ACKNOWLEDGED,
        600: Milestone.MITIGATED,
        EVENTS - 1: Milestone.RESOLVED,
    }
    timeline = [
        {
            "at": start + timedelta(minutes=3 * i, seconds=i % 7),
            "event": f"Step {i}: queue depth at {i * 13 % 997} | retries {i % 5}"
            + ("\nfollow-up noted in the channel" if i % 10 == 0 else ""),
            "kind": kinds[i % len(kinds)],
            "milestone": milestones.get(i),
            "actor": ("on-call engineer", "deploy bot", "payments team", "status page")[i % 4],
            "source": "chat" if i % 3 == 0 else "",
            "key": i % 50 == 0,
        }
        for i in range(EVENTS)
    ]
    categories = list(Category)
    factors = [
        {
            "id": f"F{i + 1}",
            "title": f"Factor {i + 1}: a safeguard that was missing",
            "category": categories[i % 3],
            "area": AREAS_BY_CATEGORY[categories[i % 3]][i % 4],
            "description": "What the system allowed.\nAnd what it did not check.",
            "why_it_mattered": "It widened the impact.",
        }
        for i in range(FACTORS)
    ]
    whys = [
        {
            "problem": f"Symptom {c + 1}",
            "steps": [{"why": f"did step {s} happen", "because": f"step {s + 1} allowed it"} for s in range(5)],
            "root_cause": "A default that nobody reviews.",
        }
        for c in range(CHAINS)
    ]
    actions = [
        {
            "id": f"A{i + 1}",
            "action": f"Add a check for case {i} | threshold {i % 9}%\nand document it",
            "owner": ("SRE team", "payments team", "platform team")[i % 3],
            "due": date(2026, 2, 1) + timedelta(days=i % 90),
            "priority": list(Priority)[i % 4],
            "horizon": (list(Horizon) + [None])[i % 4],
            "type": list(ActionType)[i % 5],
            "status": list(ActionStatus)[i % 4],
            "success": "No repeat in 90 days",
            "ticket": f"OPS-{1000 + i}",
            "factors": [f"F{i % FACTORS + 1}"],
        }
        for i in range(ACTIONS)
    ]
    return Postmortem(
        meta={
            "id": "INC-BENCH",
            "title": "Benchmark: a long incident",
            "incident_date": start.date(),
            "timezone": "Europe/Paris",
            "authors": ["SRE team"],
        },
        summary={"what_happened": "A long incident.", "root_cause": "Many small gaps."},
        timeline=timeline,
        factors=factors,
        whys=whys,
        actions=actions,
    )


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
        text = save(build_document(), path)
        markdown = render_markdown(load(path))  # warm-up, and a size to report
        exported = measure(lambda: render_markdown(load(path)), runs)
        baseline = measure(lambda: tomllib.loads(path.read_text(encoding="utf-8")), runs)

    median, best = statistics.median(exported), min(exported)
    base_median = statistics.median(baseline)
    print(f"document: {EVENTS} events, {ACTIONS} actions, {FACTORS} factors, {CHAINS} whys chains")
    print(f"TOML file: {len(text.encode()):,} bytes; Markdown: {len(markdown.encode()):,} bytes")
    print(f"load + render_markdown over {runs} runs: median {median * 1000:.1f} ms, best {best * 1000:.1f} ms")
    print(
        f"baseline tomllib.loads of the same file: median {base_median * 1000:.1f} ms, "
        f"best {min(baseline) * 1000:.1f} ms"
    )
    print(f"ratio (median / baseline median): {median / base_median:.1f}x")
    met = median < TARGET_SECONDS
    print(f"target: under {TARGET_SECONDS * 1000:.0f} ms -> {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
