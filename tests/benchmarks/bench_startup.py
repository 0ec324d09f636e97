"""Benchmark: time from process start until the app is ready on the bundled example.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_startup.py [--runs N] [--profile]

Each measurement starts a fresh Python process that runs the app headless at
100x32: postmortem as ``postmortem edit EXAMPLE`` through the command's own
entry point, so that everything the command does before its first frame
counts. Every frame passes through ``App._display`` (headless too, where it is
not written out); the child notes the first frame with the footer on screen
and, once a frame shows the first field focused (postmortem) or at once
(bare), writes the times on its stdout and exits. Times count from just before
the process starts, so interpreter start-up and every import count. The child
also tells when the app was made, which splits the time to the first frame
into "before the app" (interpreter start-up, imports and, for postmortem,
reading the file) and "app" (build, compose, style, first frame).

The baseline is a bare Textual app with a Header and a Footer, measured the
same way in the same run (the two are interleaved), so the ratio can be
compared across machines. Target: postmortem's first frame at most 2 times
the baseline's (medians); the time until its first field takes keys is
printed beside it. ``--profile`` adds the slowest imports (``python -X importtime``)
and the functions that take the most time (cProfile) of one postmortem run.
"""

from __future__ import annotations

import argparse
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_RATIO = 2.0
TIMEOUT = 60
SIZE = (100, 32)

# The child: one driver for both variants. Textual's App is patched (headless, at SIZE; its frames
# noted) before either app is made; postmortem then starts through its command's own entry point.
CHILD = r"""
import gc, os, sys, time
from pathlib import Path

variant, example, width, height = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
if variant == "postmortem":
    gc.disable()  # as the command's entry point does first: Textual's imports count the same

from textual.app import App

made = None  # when the app was made: the imports (and for postmortem, loading the file) are done
first_frame = None
original_init, original_run, original_display = App.__init__, App.run, App._display


def init(self, *args, **kwargs):
    global made
    made = made or time.time()
    original_init(self, *args, **kwargs)


def run(self, *args, **kwargs):
    return original_run(self, headless=True, size=(width, height))


def display(self, screen, renderable):
    # Every frame passes here, also headless (where it is then not written out).
    global first_frame
    original_display(self, screen, renderable)
    if renderable is None or self._batch_count or not screen.query("Footer, KeysFooter"):
        return
    first_frame = first_frame or time.time()
    if variant == "bare" or (self.focused and self.focused.id != "step-list"):  # a field of the first step
        os.write(1, f"ready {made!r} {first_frame!r} {time.time()!r}\n".encode())
        self.exit()


App.__init__, App.run, App._display = init, run, display

if variant == "postmortem":
    from postmortem.tui.entry import main

    sys.argv = ["postmortem", "edit", str(example)]
    main()
else:
    from textual.widgets import Footer, Header

    class Bare(App):
        def compose(self):
            yield Header()
            yield Footer()

    Bare().run()
"""

VARIANTS = {"postmortem": "postmortem on the example", "bare": "bare App, Header + Footer"}


@dataclass
class Timing:
    total: float  # process start to the first frame
    imports: float  # process start to the app being made
    usable: float  # process start to the first frame with the first field focused


def child_env(folder: Path) -> dict[str, str]:
    """This environment, with byte-code caching on and the app's recovery copies in ``folder``.

    Byte-code caching is on as for an installed copy: with PYTHONDONTWRITEBYTECODE
    set, every run would compile the project's modules again while Textual's
    come from the caches in site-packages.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env | {"POSTMORTEM_DATA_DIR": str(folder / "data")}


def child_command(child: Path, variant: str, example: Path) -> list[str]:
    return [str(child), variant, str(example), *map(str, SIZE)]


def run_once(child: Path, variant: str, example: Path) -> Timing:
    began_wall = time.time()
    process = subprocess.Popen(
        [sys.executable, *child_command(child, variant, example)],
        cwd=ROOT,
        env=child_env(child.parent),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        _, errors = process.communicate(timeout=TIMEOUT)
    except BaseException:
        process.kill()
        process.wait()
        raise
    word, *times = line.decode().split()
    if word != "ready" or process.returncode != 0:
        raise SystemExit(f"{variant}: the child failed (exit {process.returncode}):\n{errors.decode(errors='replace')}")
    imported, first_frame, usable = (float(t) - began_wall for t in times)
    return Timing(first_frame, imported, usable)


def profile_imports(child: Path, example: Path, top: int) -> None:
    """The slowest imports of a postmortem child."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *child_command(child, "postmortem", example)],
        cwd=ROOT,
        env=child_env(child.parent),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    rows = []  # (cumulative µs, self µs, name with its nesting indent)
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "cumulative" not in line:
            self_us, cumulative_us, name = line.removeprefix("import time:").split("|", 2)
            rows.append((int(cumulative_us), int(self_us), name.rstrip()))
    print(f"\n-X importtime, one postmortem run: {sum(r[1] for r in rows) / 1000:.0f} ms of imports in all")
    print("  imports made by the driver itself, by cumulative time:")
    for cumulative, _, name in sorted((r for r in rows if not r[2].startswith("  ")), reverse=True)[:top]:
        print(f"    {cumulative / 1000:7.1f} ms  {name.strip()}")
    packages: dict[str, int] = {}
    for _, self_us, name in rows:
        root = name.strip().split(".")[0]
        packages[root] = packages.get(root, 0) + self_us
    print("  self time by top-level package:")
    for root, self_us in sorted(packages.items(), key=lambda item: -item[1])[:top]:
        print(f"    {self_us / 1000:7.1f} ms  {root}")


def profile_calls(child: Path, example: Path, folder: Path, top: int) -> None:
    """Where one postmortem run spends its time (cProfile; the profiler slows everything down)."""
    output = folder / "startup.prof"
    subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(output), *child_command(child, "postmortem", example)],
        cwd=ROOT,
        env=child_env(child.parent),
        capture_output=True,
        timeout=TIMEOUT * 4,
        check=True,
    )
    stats = pstats.Stats(str(output))
    total = max(entry[3] for entry in stats.stats.values())  # type: ignore[attr-defined]
    print(f"\ncProfile, one postmortem run: {total:.2f} s under the profiler")

    def show(title: str, keep) -> None:
        entries = [(entry[3], func) for func, entry in stats.stats.items() if keep(func)]  # type: ignore[attr-defined]
        print(f"  {title}:")
        for cumulative, (filename, line, name) in sorted(entries, reverse=True)[:top]:
            where = Path(filename)
            short = f"{where.parent.name}/{where.name}:{line}" if where.suffix == ".py" else filename
            print(f"    {cumulative:6.2f} s  {100 * cumulative / total:3.0f}%  {name}  ({short})")

    project = tuple(str(ROOT / package) for package in ("models", "exports", "screens", "tui"))
    show("this project's functions by cumulative time", lambda func: func[0].startswith(project))
    show(
        "Textual styling, compose and layout by cumulative time",
        lambda func: (
            "textual" in func[0]
            and func[2]
            in {
                "apply",
                "update_nodes",
                "update_styles",
                "_compose",
                "mount_all",
                "_refresh_layout",
                "_compositor_refresh",
                "set_class",
                "parse",
            }
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each variant (default 7)")
    parser.add_argument("--profile", action="store_true", help="also show where start-up time goes")
    options = parser.parse_args()

    from postmortem.models.examples import EXAMPLE_NAME, example_text

    timings: dict[str, list[Timing]] = {variant: [] for variant in VARIANTS}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        child = folder / "startup_child.py"
        child.write_text(CHILD, encoding="utf-8")
        example = folder / EXAMPLE_NAME
        example.write_text(example_text(), encoding="utf-8")
        for variant in VARIANTS:  # warm-up: byte-code and file-system caches
            run_once(child, variant, example)
        for _ in range(options.runs):
            for variant in VARIANTS:
                timings[variant].append(run_once(child, variant, example))
        if options.profile:
            profile_imports(child, example, top=10)
            profile_calls(child, example, folder, top=10)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nstart-up until ready, headless {SIZE[0]}x{SIZE[1]}, {options.runs} runs of each (after a warm-up run)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.2f}")
    print(f"  {'first frame':28} {'median':>8} {'min':>8}   median split: before the app + app   first field ready")
    for variant, label in VARIANTS.items():
        totals = [t.total for t in timings[variant]]
        imports = statistics.median(t.imports for t in timings[variant])
        app = statistics.median(t.total - t.imports for t in timings[variant])
        usable = statistics.median(t.usable for t in timings[variant])
        print(
            f"  {label:28} {statistics.median(totals) * 1000:6.0f} ms {min(totals) * 1000:5.0f} ms"
            f"   {imports * 1000:5.0f} ms + {app * 1000:5.0f} ms          "
            + (f"{usable * 1000:9.0f} ms" if variant == "postmortem" else "")
        )
    ratio = statistics.median(t.total for t in timings["postmortem"]) / statistics.median(
        t.total for t in timings["bare"]
    )
    best_ratio = min(t.total for t in timings["postmortem"]) / min(t.total for t in timings["bare"])
    met = ratio <= TARGET_RATIO
    print(
        f"  ratio postmortem / bare: {ratio:.2f} (medians), {best_ratio:.2f} (mins); "
        f"target at most {TARGET_RATIO}: {'met' if met else 'NOT met'}"
    )
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
