"""Benchmark: how fast the wizard and the review meeting answer a key, against a bare Textual app.

Run by hand from the repository root:

    python3 tests/benchmarks/bench_interaction.py [--runs N] [--only example|large] [--size WxH]
                                                  [--profile INTERACTION]

The real apps run headless (120x40 unless ``--size``) on the bundled example and on the large
document of ``large_document.py`` (1,000 events, 200 actions, 40 factors, 10 why chains). An
interaction is timed from posting its key (or its mouse press and release) to the last frame it
causes: every frame is recorded, the benchmark waits for the condition that proves the interaction
happened (the step shown and focused, the dialog on top, the Review step's document on show...),
then for the app to be idle (a quiet spell without frames or CPU use, then a pilot pause that draws
nothing). Frames drawn once the work an edit defers until typing pauses has begun (the review
checks, 0.4 s later; the app's ``after_typing`` is wrapped to tell when) are not counted, and each
run starts only once that work is done.

Frames are recorded by wrapping the app's ``_display``: each screen update calls it with the
compositor's rendered update, headless or not. Headless Textual then skips encoding the update for
the terminal, so the wrapper encodes it (``render_segments``) before taking the time, as a real
frame would. Cursor blinking and the meeting's once-a-second agenda clock are stopped: their frames
are not caused by the keys timed here.

Each interaction runs ``--runs`` times (default 7; on the large document at most 3 for first
visits, the Review step and the whys). "First visit" tours Impact to Lessons with ctrl+pagedown in a
fresh app per run and reports the slowest step (the Review step, which shows the whole exported
document, has rows of its own). The wizard builds the steps not yet shown at quiet moments; the
benchmark waits for the app to be idle before each key, so they are built by then, as for an author
who reads the first step before moving on. "Built on the key" tours a fresh app in which nothing is
built ahead, as for an author who moves on at once: no target, for comparison. Each why or chain added is undone before the next run. Typing counts
every frame the key causes (field, step marks, unsaved mark). Review mode reports the Timeline section
and the slowest other section, each shown with its number key after every section was drawn once.

Baseline, same run and same method: a bare Textual app (Header, Footer, a ContentSwitcher of 8 panes
of 6 labelled Inputs and a TextArea, one pane with a 30-row DataTable) switched by ctrl+pagedown, a
new bare ModalScreen of 8 fields opened by ``a`` and closed by escape, and typing into an Input. Step
and section switches are compared with its warm pane switch, first visits with its first show of a
pane, dialogs with its dialog. Memory, in a fresh child process per document: the wizard, then the
review meeting (one after the other in that process), each opened, shown every step or section once,
then switched 100 more times (200 switches in all; the wizard's walk includes Review); RSS read from
/proc/self/status after gc.collect(). Commands: ``postmortem check`` and ``postmortem export`` on the
large document in fresh processes, beside ``python3 -c pass``.

Exits 1 when a target is not met, as the other benchmarks do, 0 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import json
import math
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from large_document import build_large_document
from textual import events
from textual._compositor import CompositorUpdate
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Input, Label, TextArea

from postmortem.models.codec import dumps
from postmortem.models.examples import example_text
from postmortem.models.meeting_sections import MEETING_SECTION_IDS
from postmortem.models.steps import REVIEW_STEP, STEP_IDS
from postmortem.models.store import load
from postmortem.screens.widgets.fields import FieldRow
from postmortem.tui.document_app import DocumentApp
from postmortem.tui.meeting_app import MeetingApp
from postmortem.tui.wizard_app import WizardApp

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 2, 19)  # the example's review meeting: the findings do not depend on the date
SLOW_RUNS = 3  # at most this many runs of the slow interactions on the large document
SWITCHES = 200  # memory: switches after the first round, half in each app
TIMEOUT = 120.0  # seconds an interaction may take
POLL = 0.005  # seconds between checks of an interaction's condition
QUIET = 0.05  # seconds without a frame, and with at most IDLE_CPU of the CPU, before the app counts as idle
IDLE_CPU = 0.2
PAGE_KEYS = ("ctrl+pageup", "ctrl+pagedown")
ORDINARY = STEP_IDS[: STEP_IDS.index(REVIEW_STEP)]
PANES = tuple(range(len(ORDINARY)))
Samples = dict[str, list[float]]


@dataclass(frozen=True)
class Target:
    example: float | None = None  # seconds, median
    example_p95: float | None = None
    large: float | None = None  # seconds, median
    ratio: float | None = None  # at most this times the anchor (example medians)


SWITCH = Target(0.100, 0.150, 0.150, 1.5)
# key, label, the anchor's key, target
ROWS = [
    ("switch", "switch wizard step (warm)", "switch", SWITCH),
    ("first", "first visit of a step (slowest)", "first", SWITCH),
    ("first-on-key", "first visit, built on the key", "first", Target()),
    ("review-open", "open Review (ctrl+pagedown)", None, Target(0.300, None, 0.500)),
    ("review-jump", "jump Summary -> Review (click)", None, Target(0.300, None, 0.500)),
    ("review-leave", "leave Review (ctrl+pageup)", "switch", SWITCH),
    ("event-open", "add-event dialog: open", "dialog-open", SWITCH),
    ("event-close", "add-event dialog: close", "dialog-close", SWITCH),
    ("action-open", "add-action dialog: open", "dialog-open", SWITCH),
    ("action-close", "add-action dialog: close", "dialog-close", SWITCH),
    ("section-timeline", "review mode: Timeline section", "switch", Target(0.100, 0.150, 0.200, 1.5)),
    ("section-other", "review mode: other section (slowest)", "switch", Target(0.100, 0.150, 0.200, 1.5)),
    ("why", "whys: add a why (ctrl+t)", None, Target()),
    ("chain", "whys: new chain (ctrl+r)", None, Target()),
    ("type", "type one character", "type", Target(0.016, None, 0.016)),
]


class FrameLog:
    """When each frame of ``app`` was ready for the terminal, and when the work deferred until typing pauses began."""

    def __init__(self, app: App[Any]) -> None:
        self.frames: list[float] = []
        self.deferred: list[float] = []
        display = app._display

        def record(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None or app._batch_count:
                return
            if isinstance(renderable, CompositorUpdate):
                renderable.render_segments(app.console)
            self.frames.append(time.perf_counter())

        app._display = record  # type: ignore[method-assign]
        if isinstance(app, DocumentApp):
            after_typing = app.after_typing

            def deferred() -> None:
                self.deferred.append(time.perf_counter())
                after_typing()

            app.after_typing = deferred  # type: ignore[method-assign]

    def last_since(self, start: float) -> float | None:
        """The last frame since ``start``, before the deferred work of an edit made since then began."""
        end = min((at for at in self.deferred if at >= start), default=math.inf)
        return max((at for at in self.frames if start <= at < end), default=None)


def steady_cursor(widget: Any) -> None:
    """In place of the cursor's blink."""


Input._toggle_cursor = steady_cursor  # type: ignore[method-assign, assignment]
TextArea._toggle_cursor_blink_visible = steady_cursor  # type: ignore[method-assign, assignment]


async def until(condition: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"not ready within {TIMEOUT:.0f} s")
        await asyncio.sleep(POLL)


def focus_within(app: App[Any], widget: Widget | None) -> bool:
    focused = app.focused
    return widget is not None and focused is not None and widget in focused.ancestors_with_self


class Driver:
    """Times interactions with one running app into ``samples``; ``profile`` names one to profile once."""

    def __init__(self, pilot: Pilot[Any], samples: Samples, profile: str | None = None) -> None:
        self.pilot, self.app, self.samples, self.profile = pilot, pilot.app, samples, profile
        self.frames = FrameLog(self.app)

    async def settle(self) -> None:
        """Until the app is idle: a quiet spell, then a pilot pause that draws nothing. The spell is watched
        from outside: a pause queues a callback on every widget, which would delay the frames being timed."""
        while True:
            drawn, cpu, wall = len(self.frames.frames), time.process_time(), time.perf_counter()
            await asyncio.sleep(QUIET)
            if len(self.frames.frames) > drawn or time.process_time() - cpu > IDLE_CPU * (time.perf_counter() - wall):
                continue
            await self.pilot.pause()
            if len(self.frames.frames) == drawn:
                return

    async def quiesce(self) -> None:
        """An edit's deferred work done, its recovery copy kept, the work left for quiet moments done (the
        steps and forms built ahead), the app idle."""
        app = self.app
        if isinstance(app, DocumentApp):
            await until(lambda: not app.pause_due and not app.quiet_work.pending)
            app.safekeeper.write()
        await self.settle()

    async def timed(self, name: str | None, send: Callable[[], object], ready: Callable[[], bool]) -> None:
        """Time ``send`` to the last frame it causes, into the samples of ``name`` (None: not kept)."""
        await self.quiesce()
        profiler = cProfile.Profile() if name is not None and name == self.profile else None
        if profiler is not None:
            self.profile = None
            profiler.enable()
        start = time.perf_counter()
        send()
        await until(ready)
        await self.settle()
        if profiler is not None:
            profiler.disable()
            print(f"\ncProfile of one '{name}' in {type(self.app).__name__}, by cumulative time:")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        last = self.frames.last_since(start)
        if last is None:
            raise RuntimeError(f"{name}: no frame was drawn")
        if name is not None and profiler is None:  # a profiled run is slower: it is not counted
            self.samples.setdefault(name, []).append(last - start)

    async def press(self, name: str | None, key: str, ready: Callable[[], bool]) -> None:
        character = key if len(key) == 1 else {"escape": "\x1b"}.get(key)
        await self.timed(name, lambda: self.app.post_message(events.Key(key, character)), ready)

    async def click(self, name: str, widget: Widget, offset: tuple[int, int], ready: Callable[[], bool]) -> None:
        """A mouse press and release at ``offset`` in ``widget``: the app makes them a click."""
        x, y = widget.region.offset + Offset(*offset)
        mouse = [
            kind(
                widget,
                x,
                y,
                delta_x=0,
                delta_y=0,
                button=1,
                shift=False,
                meta=False,
                ctrl=False,
                screen_x=x,
                screen_y=y,
            )
            for kind in (events.MouseDown, events.MouseUp)
        ]
        await self.timed(name, lambda: [self.app.post_message(event) for event in mouse], ready)

    async def first_visits(
        self, places: Sequence[Any], shown: Callable[[Any], Callable[[], bool]], prefix: str = "first:"
    ) -> None:
        """Each place after the first, by ctrl+pagedown, into the samples of ``PREFIX:PLACE``."""
        for place in places[1:]:
            await self.press(f"{prefix}{place}", "ctrl+pagedown", shown(place))

    async def walk(
        self,
        name: str | None,
        places: Sequence[Any],
        shown: Callable[[Any], Callable[[], bool]],
        moves: int,
        start: int = 0,
        keys: tuple[str, str] = PAGE_KEYS,
    ) -> None:
        """``moves`` moves back and forth over ``places`` from ``start``, with the keys (back, forward)."""
        place, step = start, 1
        for _ in range(moves):
            if not 0 <= place + step < len(places):
                step = -step
            place += step
            await self.press(name, keys[step > 0], shown(places[place]))


# The wizard


def step_shown(app: WizardApp, step_id: str) -> Callable[[], bool]:
    """The step is shown and focused; the Review step's document is on show and not being replaced."""
    steps = app.wizard.get_child_by_id("wizard-body").get_child_by_id("steps", ContentSwitcher)

    def shown() -> bool:
        if app.screen is not app.wizard or steps.current != f"step-{step_id}":
            return False
        if not focus_within(app, steps.get_child_by_id(f"step-{step_id}")):
            return False
        review = next(iter(steps.query_children(f"#step-{REVIEW_STEP}")), None)
        if review is None:
            return True
        document = review.get_child_by_id("review-document")
        if document.lock.is_locked:  # a widget rendering in the background (Markdown) holds its lock
            return False
        return step_id != REVIEW_STEP or bool(getattr(document, "text", None) or document.children)

    return shown


async def wizard_rows(app: WizardApp, driver: Driver, runs: int, slow_runs: int) -> None:
    shown = partial(step_shown, app)

    async def go_to(step: str) -> None:
        await app.wizard.go_to(step)
        await until(shown(step))

    await driver.walk(None, STEP_IDS, shown, len(STEP_IDS) - 1)  # every step built once
    await go_to(ORDINARY[0])
    await driver.walk("switch", ORDINARY, shown, 2 * (len(ORDINARY) - 1) * runs)
    await go_to(ORDINARY[-1])
    for _ in range(slow_runs):
        await driver.press("review-open", "ctrl+pagedown", shown(REVIEW_STEP))
        await driver.press("review-leave", "ctrl+pageup", shown(ORDINARY[-1]))
    for _ in range(slow_runs):
        await go_to(ORDINARY[0])
        step_list = app.wizard.query_one("#step-list")
        await driver.click("review-jump", step_list, (3, STEP_IDS.index(REVIEW_STEP) + 1), shown(REVIEW_STEP))
    for step, kind in (("timeline", "event"), ("actions", "action")):
        await go_to(step)
        for _ in range(runs):
            await driver.press(f"{kind}-open", "a", lambda: isinstance(app.screen, ModalScreen) and bool(app.focused))
            await driver.press(f"{kind}-close", "escape", shown(step))
    await go_to("whys")
    for _ in range(slow_runs):
        await whys_run(app, driver)
    await go_to(ORDINARY[0])
    await typing(driver, runs)


async def whys_run(app: WizardApp, driver: Driver) -> None:
    """Add a why to the first chain, then a chain; each is undone before the next."""
    step = app.wizard.query_one("#step-whys")

    def focused_row(row_id: str) -> Callable[[], bool]:
        return lambda: any(focus_within(app, row) for row in step.query(f"#{row_id}"))

    async def undo(row_id: str) -> None:
        await driver.quiesce()
        app.action_undo()
        await until(lambda: not step.query(f"#{row_id}"))
        await driver.settle()

    step.query_one("#field-whys-0-problem", FieldRow).focus_control()
    added = f"field-whys-0-steps-{len(app.document.whys[0].steps)}-because"
    await driver.press("why", "ctrl+t", focused_row(added))
    await undo(added)
    added = f"field-whys-{len(app.document.whys)}-problem"
    await driver.press("chain", "ctrl+r", focused_row(added))
    await undo(added)


async def typing(driver: Driver, runs: int) -> None:
    """One character into the focused Input."""
    field = driver.app.focused
    assert isinstance(field, Input), field
    for _ in range(runs):
        await driver.press("type", "x", changed(field))


def changed(field: Input) -> Callable[[], bool]:
    """Whether the field's value is no longer what it is now (it may select its text on focus: any change will do)."""
    before = field.value
    return lambda: field.value != before


# Review mode


def section_shown(app: MeetingApp, section_id: str) -> Callable[[], bool]:
    sections = app.meeting.get_child_by_id("sections", ContentSwitcher)
    section = sections.get_child_by_id(f"section-{section_id}")
    return lambda: sections.current == section.id and focus_within(app, section)


def stop_agenda_clock(app: MeetingApp) -> None:
    for timer in list(app.meeting._timers):
        if timer._callback == app.meeting.refresh_agenda:
            timer.stop()


async def meeting_rows(app: MeetingApp, driver: Driver, runs: int) -> None:
    stop_agenda_clock(app)
    order = [*MEETING_SECTION_IDS[1:], MEETING_SECTION_IDS[0]]  # from the first section, every key a switch
    await driver.press(None, "1", section_shown(app, order[-1]))
    for run in range(runs + 1):  # the first round draws every section once
        for section in order:
            key = str(MEETING_SECTION_IDS.index(section) + 1)
            await driver.press(f"section-{section}" if run else None, key, section_shown(app, section))


# The bare anchor


class BarePane(VerticalScroll):
    def __init__(self, number: int) -> None:
        super().__init__(id=f"pane-{number}")
        self.number = number

    def compose(self) -> ComposeResult:
        if self.number == STEP_IDS.index("timeline"):
            yield DataTable()
        for field in range(6):
            yield Label(f"Field {field + 1}")
            yield Input(f"Value {field + 1}")
        yield TextArea("A longer text\nover a few lines.")

    def on_mount(self) -> None:
        for table in self.query(DataTable):
            table.add_columns("At", "Event", "Kind")
            table.add_rows((f"10:{row:02}", f"Event {row}", "action") for row in range(30))


class BareDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical():
            for field in range(8):
                yield Label(f"Field {field + 1}")
                yield Input()


class BareApp(App[None]):
    BINDINGS = [
        Binding("ctrl+pagedown", "pane(1)", "Next", priority=True),
        Binding("ctrl+pageup", "pane(-1)", "Back", priority=True),
        Binding("a", "open_dialog", "Add"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(id="panes", initial="pane-0"):
            for number in range(len(STEP_IDS)):
                yield BarePane(number)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_open_dialog(self) -> None:
        """A new dialog each time, as the wizard's forms are."""
        self.push_screen(BareDialog())

    def action_pane(self, step: int) -> None:
        """Show the next or previous pane and focus its first control, as the wizard does."""
        switcher = self.query_one(ContentSwitcher)
        pane = switcher.get_child_by_id(f"pane-{int((switcher.current or 'pane-0')[5:]) + step}")
        switcher.current = pane.id
        self.call_after_refresh(lambda: pane.query("Input, DataTable").first().focus())


def pane_shown(app: BareApp, number: int) -> Callable[[], bool]:
    switcher = app.query_one(ContentSwitcher)
    pane = switcher.get_child_by_id(f"pane-{number}")
    return lambda: switcher.current == pane.id and focus_within(app, pane)


async def anchor_rows(app: BareApp, driver: Driver, runs: int) -> None:
    """As the wizard's rows: the panes stand for the steps, the one with the table for the timeline."""
    shown = partial(pane_shown, app)
    await driver.walk(None, PANES, shown, 2 * (len(PANES) - 1))
    await driver.walk("switch", PANES, shown, 2 * (len(PANES) - 1) * runs)
    await driver.walk(None, PANES, shown, 2)
    for _ in range(runs):
        await driver.press("dialog-open", "a", lambda: isinstance(app.screen, BareDialog) and bool(app.focused))
        await driver.press("dialog-close", "escape", shown(2))
    for number in (1, 0):
        await driver.press(None, "ctrl+pageup", shown(number))
    await typing(driver, runs)


# Running the apps


class Copies:
    """A file of its own for each app: no recovery copy or open mark passes from one app to the next."""

    def __init__(self, folder: Path, variant: str) -> None:
        self.folder, self.variant, self.count = folder, variant, 0
        self.text = example_text() if variant == "example" else dumps(build_large_document())

    def write(self) -> Path:
        self.count += 1
        path = self.folder / f"{self.variant}-{self.count}.toml"
        path.write_text(self.text, encoding="utf-8")
        return path

    def wizard(self) -> WizardApp:
        path = self.write()
        return WizardApp(load(path), path, today=TODAY)

    def meeting(self) -> MeetingApp:
        path = self.write()
        return MeetingApp(load(path), path, today=TODAY)


async def bench_anchor(size: tuple[int, int], runs: int) -> Samples:
    samples: Samples = {}
    for _ in range(runs):  # a fresh app each run
        app = BareApp()
        async with app.run_test(size=size) as pilot:
            await Driver(pilot, samples).first_visits(PANES, partial(pane_shown, app))
    app = BareApp()
    async with app.run_test(size=size) as pilot:
        await anchor_rows(app, Driver(pilot, samples), runs)
    return samples


async def bench_document(copies: Copies, size: tuple[int, int], runs: int, slow: int, profile: str | None) -> Samples:
    samples: Samples = {}
    for _ in range(slow):  # a fresh app each run
        app = copies.wizard()
        async with app.run_test(size=size) as pilot:
            await until(step_shown(app, STEP_IDS[0]))  # the first step is built after the first frame
            await Driver(pilot, samples, profile).first_visits(ORDINARY, partial(step_shown, app))
        app = copies.wizard()
        async with app.run_test(size=size) as pilot:
            await until(step_shown(app, STEP_IDS[0]))
            app.quiet_work._queue.clear()  # nothing built ahead: each step is built on its key
            await Driver(pilot, samples).first_visits(ORDINARY, partial(step_shown, app), "on-key:")
    app = copies.wizard()
    async with app.run_test(size=size) as pilot:
        await wizard_rows(app, Driver(pilot, samples, profile), runs, slow)
    meeting = copies.meeting()
    async with meeting.run_test(size=size) as pilot:
        await meeting_rows(meeting, Driver(pilot, samples, profile), runs)
    return samples


def rss_mb(field: str = "VmRSS") -> float:
    gc.collect()
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


async def memory_child(copies: Copies, size: tuple[int, int]) -> dict[str, list[float]]:
    """RSS of each app opened, after its first round, after its share of the switches; the peak last."""
    figures: dict[str, list[float]] = {}
    for app in (copies.wizard(), copies.meeting()):
        async with app.run_test(size=size) as pilot:
            driver = Driver(pilot, {})
            if isinstance(app, WizardApp):
                places, keys, shown = STEP_IDS, PAGE_KEYS, partial(step_shown, app)
            else:
                stop_agenda_clock(app)
                places, keys, shown = MEETING_SECTION_IDS, ("left", "right"), partial(section_shown, app)
                await driver.press(None, "1", shown(places[0]))
            await driver.settle()
            rss = figures[type(app).__name__] = [rss_mb()]
            await driver.walk(None, places, shown, len(places) - 1, keys=keys)
            rss.append(rss_mb())
            await driver.walk(None, places, shown, SWITCHES // 2, start=len(places) - 1, keys=keys)
            rss.append(rss_mb())
    figures["peak"] = [rss_mb("VmHWM")]
    return figures


def memory(variant: str, size: tuple[int, int]) -> dict[str, list[float]]:
    command = [sys.executable, __file__, "--memory-child", variant, "--size", f"{size[0]}x{size[1]}"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"the memory child for {variant} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, list[float]] = json.loads(done.stdout.splitlines()[-1])
    return figures


def command_times(copies: Copies, runs: int) -> dict[str, float]:
    """Median seconds of each command in a fresh process, after one run that warms the caches."""
    path = copies.write()
    commands = {
        "check": ["-m", "postmortem", "check", str(path)],
        "export": ["-m", "postmortem", "export", str(path), "-o", str(path.with_suffix(".md"))],
        "pass": ["-c", "pass"],
    }
    medians = {}
    for name, arguments in commands.items():
        timings = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, *arguments], cwd=ROOT, capture_output=True, text=True, check=False)
            timings.append(time.perf_counter() - start)
            if done.returncode not in (0, 1):  # check exits 1 when it finds errors
                raise SystemExit(f"{name} exited {done.returncode}: {done.stderr[-500:]}")
        medians[name] = statistics.median(timings[1:])
    return medians


# The report


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def rows_of(samples: Samples) -> dict[str, tuple[str, list[float]]]:
    """Each row's samples; the rows of the slowest step or section also name it."""
    rows = {key: ("", values) for key, values in samples.items()}
    for row, prefix, other_than in (
        ("first", "first:", ""),
        ("first-on-key", "on-key:", ""),
        ("section-other", "section-", "timeline"),
    ):
        found = [(k.removeprefix(prefix), v) for k, v in samples.items() if k.startswith(prefix)]
        found = [(name, values) for name, values in found if name != other_than]
        if found:
            rows[row] = max(found, key=lambda item: statistics.median(item[1]))
    return rows


def checks(target: Target, example: list[float], large: list[float], anchor: list[float]) -> list[bool]:
    median = statistics.median
    return [
        *([median(example) <= target.example] if example and target.example else []),
        *([p95(example) <= target.example_p95] if example and target.example_p95 else []),
        *([median(large) <= target.large] if large and target.large else []),
        *([median(example) <= target.ratio * median(anchor)] if example and anchor and target.ratio else []),
    ]


def describe(target: Target) -> str:
    parts = [
        f"ex {target.example * 1000:.0f}" + (f"/{target.example_p95 * 1000:.0f}" if target.example_p95 else "")
        if target.example
        else "",
        f"lg {target.large * 1000:.0f}" if target.large else "",
        f"{target.ratio}x" if target.ratio else "",
    ]
    return " ".join(part for part in parts if part) or "-"


def cell(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f}/{p95(values) * 1000:.0f} ms" if values else "-"


def report(results: dict[str, Samples], memories: dict[str, dict[str, list[float]]], commands: dict[str, float]) -> int:
    rows = {variant: rows_of(samples) for variant, samples in results.items()}
    line = "{:38} {:>16} {:>16} {:>16} {:>9}  {:23} {}"
    print(
        "\n"
        + line.format(
            "interaction", "example med/p95", "large med/p95", "anchor med/p95", "ex/anchor", "target ms", "met"
        )
    )
    failed = []
    for key, label, anchor_key, target in ROWS:
        example, large = (rows.get(variant, {}).get(key, ("", []))[1] for variant in ("example", "large"))
        anchor = rows["anchor"].get(anchor_key or "", ("", []))[1]
        ratio = f"{statistics.median(example) / statistics.median(anchor):.1f}x" if example and anchor else "-"
        passed = checks(target, example, large, anchor)
        verdict = "-" if not passed else "met" if all(passed) else "NOT met"
        failed += [label] if verdict == "NOT met" else []
        print(line.format(label, cell(example), cell(large), cell(anchor), ratio, describe(target), verdict))
    for key, label in (
        ("first", "slowest first visit"),
        ("first-on-key", "slowest built on the key"),
        ("section-other", "slowest other section"),
    ):
        names = [
            f"{variant} {found[key][0]}" for variant, found in rows.items() if variant != "anchor" and key in found
        ]
        print(f"  {label}: {', '.join(names)}")
    print()
    for variant, figures in memories.items():
        for app_name in ("WizardApp", "MeetingApp"):
            opened, first_round, switched = figures[app_name]
            growth = 100 * (switched - first_round) / first_round
            met = growth <= 10 and (variant != "large" or max(figures["peak"][0], switched) < 250)
            failed += [] if met else [f"memory {variant} {app_name}"]
            print(
                f"memory {variant} {app_name + ':':11} opened {opened:4.0f} MB, first round {first_round:4.0f} MB, "
                f"after {SWITCHES // 2} switches {switched:4.0f} MB ({growth:+5.1f}%)  {'met' if met else 'NOT met'}"
            )
        print(f"memory {variant} process: peak RSS {figures['peak'][0]:.0f} MB (targets: +10%; large under 250 MB)")
    if commands:
        print(f"\npython3 -c pass: {commands['pass'] * 1000:.0f} ms")
        for name in ("check", "export"):
            met = commands[name] <= 0.300
            failed += [] if met else [f"postmortem {name}"]
            print(
                f"postmortem {name} (large): {commands[name] * 1000:.0f} ms (target 300 ms)  {'met' if met else 'NOT met'}"
            )
    print(f"\n{f'{len(failed)} targets NOT met: ' + '; '.join(failed) if failed else 'all targets met'}")
    return 1 if failed else 0


def size_option(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    return int(width), int(height)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="repetitions of each interaction (default 7)")
    parser.add_argument("--only", choices=["example", "large"], help="one document only (the anchor always runs)")
    parser.add_argument("--size", type=size_option, default=(120, 40), help="terminal size WxH (default 120x40)")
    parser.add_argument(
        "--profile",
        metavar="INTERACTION",
        help="cProfile the first run of one interaction (not counted): switch, first:STEP, review-open, review-jump, review-leave, "
        "event-open, event-close, action-open, action-close, section-SECTION, why, chain or type",
    )
    parser.add_argument("--memory-child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        os.environ["POSTMORTEM_DATA_DIR"] = str(folder / "data")
        if options.memory_child:
            print(json.dumps(asyncio.run(memory_child(Copies(folder, options.memory_child), options.size))))
            return 0
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, headless {options.size[0]}x{options.size[1]}")
        print("bare anchor...", flush=True)
        results = {"anchor": asyncio.run(bench_anchor(options.size, options.runs))}
        memories, commands = {}, {}
        for variant in ("example", "large"):
            if options.only in (None, variant):
                print(f"{variant} document...", flush=True)
                copies = Copies(folder, variant)
                slow = options.runs if variant == "example" else min(options.runs, SLOW_RUNS)
                results[variant] = asyncio.run(
                    bench_document(copies, options.size, options.runs, slow, options.profile)
                )
                print(f"{variant} memory...", flush=True)
                memories[variant] = memory(variant, options.size)
                if variant == "large":
                    commands = command_times(copies, max(3, options.runs))
    return report(results, memories, commands)


if __name__ == "__main__":
    raise SystemExit(main())
