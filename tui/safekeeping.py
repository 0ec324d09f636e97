"""Keeping the author's work while the app runs: recovery copies, the open mark, and signals.

A recovery copy is written at most ``AUTOSAVE_DELAY`` seconds after a change,
on every step change, and before the process ends on SIGTERM, SIGHUP or SIGINT.
It is removed when the document is saved, or when its changes are discarded on
purpose.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

from textual.app import App
from textual.timer import Timer

from postmortem.models.codec import dumps
from postmortem.models.document import Postmortem
from postmortem.models.errors import DocumentError
from postmortem.models.recovery import discard_recovery, mark_open, other_editor, unmark_open, write_recovery

AUTOSAVE_DELAY = 2.0
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class Safekeeper:
    """Keeps a document safe while ``app`` edits it as ``path``: ``document`` gives its current version,
    ``base`` the file's text its edits started from, ``catch_up`` waits for the keys already typed to reach it."""

    def __init__(
        self,
        app: App[Any],
        path: Path,
        document: Callable[[], Postmortem],
        base: Callable[[], str | None],
        catch_up: Callable[[], Awaitable[None]],
    ) -> None:
        self.app = app
        self.path = path
        self.document = document
        self.base = base
        self.catch_up = catch_up
        self._timer: Timer | None = None
        self._pending = False  # changes not yet in the recovery copy
        self._warned = False

    def start(self) -> None:
        """Mark the document open, warning when another process has it open too."""
        other = other_editor(self.path)
        if other is not None:
            self.app.notify(
                f"{self.path.name} is also open in {other.describe()}. Both can save; this one will ask before "
                "overwriting a change made there.",
                title="Open twice",
                severity="warning",
                timeout=12,
            )
        mark_open(self.path)

    @contextmanager
    def guard(self) -> Iterator[None]:
        """Around ``app.run()``: write the recovery copy on the ending signals; unmark the document after."""
        previous: dict[int, Callable[..., object] | int | None] = {}
        for number in SIGNALS:
            previous[number] = signal.signal(number, self._on_signal)
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
            unmark_open(self.path)

    def changed(self) -> None:
        """An edit: the recovery copy follows within AUTOSAVE_DELAY (not pushed back by further edits)."""
        self._pending = True
        if self._timer is None:
            self._timer = self.app.set_timer(AUTOSAVE_DELAY, self.write)

    def write(self, *, always: bool = False) -> None:
        """Write the recovery copy now if there is anything new for it (``always``: if the document has changes
        at all, as when the app may be in a state where a change went unreported)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not (self._pending or always):
            return
        try:
            text = dumps(self.document())
            if not self._pending and text == self.base():
                return
            write_recovery(self.path, text, self.base())
        except (DocumentError, OSError) as error:
            if not self._warned:  # once: the author keeps working, and ctrl+s still saves
                self._warned = True
                self.app.notify(f"Cannot keep a recovery copy: {error}", severity="warning", timeout=10)
            return
        self._pending = False

    def settled(self) -> None:
        """The document was saved or its changes discarded: no recovery copy is needed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._pending = False
        discard_recovery(self.path)

    def moved(self, path: Path) -> None:
        """The document is saved under a new name from now on."""
        unmark_open(self.path)
        self.settled()
        self.path = path
        mark_open(path)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        self.write()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # before or after the app's event loop
            raise SystemExit(128 + number) from None
        # Thread-safe scheduling wakes the loop, which may be waiting for terminal input.
        loop.call_soon_threadsafe(self.app.call_later, self._end, 128 + number)

    async def _end(self, status: int) -> None:
        """The last recovery copy holds the keys typed just before the signal, then the app ends."""
        await self.catch_up()
        self._pending = True
        self.write()
        self.app.exit(status)
