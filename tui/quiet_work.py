"""Work that waits for a quiet moment: views built ahead, and full garbage collections.

Both take a tenth of a second or more. Done on a key, they would make its frame that much later; done
while the author reads or thinks (no input for half a second), nobody waits for them. Work added runs
one piece a tick, in the order it was added; an author who gets to a view first simply has it built on
the key, as if it had never been asked for ahead.

Garbage: a full collection looks at every object Python tracks, and with the views of a large
postmortem built that takes 130 to 170 ms; CPython runs one every few step changes or dialogs, in the
middle of a key. Objects that have lived through a collection are frozen here instead, out of the
collections, so that a full collection in the middle of a key only looks at what is newer (25 to 30
ms). Start-up's objects are frozen once the first frame is up; at a quiet moment with many objects
new since, everything is unfrozen, collected once (so that what was frozen and has since been dropped
is freed too) and frozen again; so it is after views were built ahead.
"""

from __future__ import annotations

import gc
import inspect
import time
from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any

from textual.app import App
from textual.css.query import NoMatches

QUIET = 0.5  # seconds without input that make a quiet moment
TICK = QUIET / 2
REFREEZE = 20_000  # objects in the oldest generation, outside the frozen ones, that make a refreeze due

Work = Callable[[], Awaitable[None] | None]


class QuietWork:
    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._last_input = time.monotonic()
        self._queue: deque[Work] = deque()
        self._running = 0
        self.started = False  # the app's first view is filled in: quiet moments count from here

    def start(self) -> None:
        """Once the first frame is up. Start-up's garbage is collected before the rest is frozen, or it
        would stay for good."""
        gc.collect()
        gc.freeze()
        gc.enable()
        self.started = True
        self.app.set_interval(TICK, self._tick)

    def stop(self) -> None:
        """When the app ends: nothing left frozen."""
        gc.unfreeze()

    def input(self) -> None:
        """The author pressed a key or used the mouse."""
        self._last_input = time.monotonic()

    def add(self, work: Work) -> None:
        self._queue.append(work)

    @property
    def pending(self) -> int:
        """Pieces of work not done yet (the one running included)."""
        return len(self._queue) + self._running

    async def _tick(self) -> None:
        closing = not self.app.is_running or self.app.return_code is not None
        if time.monotonic() - self._last_input < QUIET or closing:
            return
        if self._queue:
            work = self._queue.popleft()
            self._running = 1
            try:
                done = work()
                if inspect.isawaitable(done):
                    await done
            except NoMatches:
                # A view built ahead while the app closed finds its widgets gone: nothing is lost, nobody waits.
                if self.app.is_running and self.app.return_code is None:  # the app is not closing
                    raise
            finally:
                self._running = 0
            if not self._queue and work != self._refreeze:  # what was built ahead lives on
                self._queue.append(self._refreeze)
        elif len(gc.get_objects(generation=2)) >= REFREEZE:
            self._refreeze()

    @staticmethod
    def _refreeze() -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
