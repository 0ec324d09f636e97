"""Full garbage collections at quiet moments, not in the middle of a key.

CPython collects its oldest generation each time ten collections of the middle
one have passed (and enough objects have survived since the last). With the
views of a postmortem built, that is every few step changes or dialogs, and it
takes 100 to 150 ms: the frame that answers a key comes that much later. Here
start-up's objects are frozen, out of every collection (once the first frame is
up: they live as long as the app), and the oldest generation is collected when
a collection is due by that same count and the app has had no input for a
second. CPython still collects it by itself after a hundred times the count, in
case the app is never quiet for that long.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from textual.app import App

QUIET = 1.0  # seconds without input before a due collection runs
DUE = 10  # collections of the middle generation since the last full one (CPython's default threshold)
SAFETY_NET = 100 * DUE


class QuietCollector:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._last_input = time.monotonic()
        self._thresholds = gc.get_threshold()

    def start(self) -> None:
        """Once the first frame is up. Start-up's garbage is collected before the rest is frozen, or it
        would stay for good."""
        gc.collect()
        gc.freeze()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, SAFETY_NET)
        gc.enable()
        self.app.set_interval(QUIET / 2, self._collect_if_quiet)

    def stop(self) -> None:
        """When the app ends: collections as they were, nothing frozen."""
        gc.set_threshold(*self._thresholds)
        gc.unfreeze()

    def input(self) -> None:
        """The author pressed a key or used the mouse."""
        self._last_input = time.monotonic()

    def _collect_if_quiet(self) -> None:
        if gc.get_count()[2] >= DUE and time.monotonic() - self._last_input >= QUIET:
            gc.collect()
