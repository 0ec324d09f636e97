"""Benchmark: ``postmortem check`` over a folder of 500 postmortems, as a pre-commit hook runs it.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_check.py [--files N] [--runs N]

It writes N variants of the bundled example (different titles, an extra
blaming sentence in every third one), then times the whole command in a fresh
process (from 24 files on it checks them on every core). Baseline, same run: a
fresh single process that only loads the same files.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from postmortem.models.examples import example_text
from postmortem.models.store import loads, save

ROOT = Path(__file__).resolve().parents[2]

LOAD_ONLY = "import sys\nfrom postmortem.models.store import load\nfor p in sys.argv[1:]: load(p)\n"


def generate(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        doc = loads(example_text())
        doc.meta.title = f"#{index} {doc.meta.title}"
        if index % 3 == 0:
            doc.summary.what_happened = "The engineer should have known. " + doc.summary.what_happened
        path = folder / f"incident-{index:03d}.toml"
        save(doc, path)
        paths.append(path)
    return paths


def timed(command: list[str], expected_code: int) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != expected_code:
        raise SystemExit(f"{command[:4]} exited {done.returncode}: {done.stderr[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in generate(Path(tmp), args.files)]
        check = [timed([sys.executable, "-m", "postmortem", "check", *paths], 0) for _ in range(args.runs)]
        load = [timed([sys.executable, "-c", LOAD_ONLY, *paths], 0) for _ in range(args.runs)]
    seconds, base = statistics.median(check), statistics.median(load)
    print(f"{args.files} postmortems, median of {args.runs} runs (python {sys.version.split()[0]})")
    print(f"  postmortem check:  {seconds:.2f} s ({1000 * seconds / args.files:.1f} ms a file)")
    print(f"  load only:         {base:.2f} s ({1000 * base / args.files:.1f} ms a file)")
    print(f"  ratio check / load: {seconds / base:.2f}")


if __name__ == "__main__":
    main()
