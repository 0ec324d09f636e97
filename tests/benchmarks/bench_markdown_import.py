"""Benchmark: importing 1,000 Markdown postmortems, as a team moving its wiki over does.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_markdown_import.py [--files N] [--runs N]

It writes N Markdown files (default 1,000) made from the test corpus
(tests/fixtures/markdown), each with its timeline grown to a few dozen to a
few hundred rows and its action items repeated, so that sizes vary as real
ones do; then times ``postmortem import FILE… --into DIR`` in a fresh process
(the command as a person runs it, imports included, every file written).
Baseline, same run: markdown-it-py reading every file's blocks in one
process, the least an importer that uses a real parser must do. Target:
under 10 s.

Then the same for N of this app's own Markdown exports (the bundled example,
a long postmortem, its timeline grown up to four times), which are read back
field by field.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "markdown"
TARGET = 10.0


def generate(folder: Path, count: int) -> list[Path]:
    rng = random.Random(3)
    sources = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.md"))]
    paths = []
    for number in range(count):
        text = sources[number % len(sources)]
        text = _grow_timeline(text, rng.choice((1, 2, 4, 8, 16)))
        text = re.sub(r"^# (.*)$", rf"# \1 ({number})", text, count=1, flags=re.MULTILINE)  # a file name each
        path = folder / f"{number:04d}-incident.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def generate_exports(folder: Path, count: int) -> list[Path]:
    """The bundled example exported to Markdown (25 events, 9 factors, 9 actions: a long postmortem), its
    timeline repeated up to 4 times (each repeat a day later), a title each."""
    from datetime import timedelta

    from postmortem.exports.markdown import render_markdown
    from postmortem.models.examples import EXAMPLE_NAME, example_text
    from postmortem.models.store import parse

    example = parse(example_text(), Path(EXAMPLE_NAME))
    rng = random.Random(5)
    paths = []
    for number in range(count):
        doc = example.model_copy(deep=True)
        doc.meta.title = f"{example.meta.title} ({number})"
        times = rng.choice((1, 1, 2, 4))
        doc.timeline += [
            event.model_copy(update={"at": event.at + timedelta(days=day), "milestone": None})
            for day in range(1, times)
            for event in example.timeline
        ]
        path = folder / f"{number:04d}-export.md"
        path.write_text(render_markdown(doc), encoding="utf-8")
        paths.append(path)
    return paths


def _grow_timeline(text: str, times: int) -> str:
    """The timeline's rows repeated ``times`` times (each repeat on the next day), so that big files occur."""
    rows = re.findall(r"^(?:\| ?\d{1,2}:\d{2}.*|- (?:\*\*)?\d{1,2}:\d{2}.*)$", text, re.MULTILINE)
    if not rows or times == 1:
        return text
    extra = "\n".join(row for _ in range(times - 1) for row in rows)
    return text.replace(rows[-1], rows[-1] + "\n" + extra, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for kind, make in (("Markdown postmortems", generate), ("exports of this app", generate_exports)):
            folder = Path(tmp) / kind.split()[0]
            folder.mkdir()
            measure(kind, make(folder, args.files), Path(tmp), args.runs)


def measure(kind: str, paths: list[Path], tmp: Path, runs: int) -> None:
    size = sum(path.stat().st_size for path in paths)
    print(
        f"{len(paths):,} {kind}, {size / 1e6:.1f} MB (python {sys.version.split()[0]}, "
        f"{os.cpu_count()} cores, load average {Path('/proc/loadavg').read_text().split()[0]})"
    )
    from markdown_it import MarkdownIt

    parser_only = MarkdownIt("commonmark").enable("table").disable("inline")  # blocks, as the importer
    began = time.perf_counter()
    for path in paths:
        parser_only.parse(path.read_text(encoding="utf-8"))
    baseline = time.perf_counter() - began
    print(f"  baseline, markdown-it-py reading every file's blocks in one process: {baseline:.2f} s")
    seconds = []
    for run in range(runs):
        out = tmp / f"out-{paths[0].parent.name}-{run}"
        out.mkdir()
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "postmortem", "import", *map(str, paths), "--into", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
            cwd=ROOT,
        )
        seconds.append(time.perf_counter() - began)
        written = len(list(out.glob("*.toml")))
        if written != len(paths):
            raise SystemExit(f"only {written} of {len(paths)} files were written")
    median = statistics.median(seconds)
    print(
        f"  postmortem import of {len(paths):,} files: {median:.2f} s ({median / baseline:.1f}x the baseline; "
        f"target {TARGET:.0f} s -> {'met' if median <= TARGET else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
