"""The review meeting's agenda: items with minutes, the current one, and a countdown that can be paused.

Time comes from a clock function (``time.monotonic`` by default), so that the
countdown can be tested without waiting.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from postmortem.models.document import AgendaItem, Postmortem

DEFAULT_AGENDA = (
    ("Introduction and summary", 5),
    ("Timeline review", 15),
    ("Contributing factors", 15),
    ("Action items", 15),
    ("What went well", 5),
    ("Wrap-up", 5),
)

# The section a topic is about, by the first word that says so.
_SECTION_WORDS = (
    (r"timeline|events?", "timeline"),
    (r"impact|customers?", "impact"),
    (r"factors?|causes?", "factors"),
    (r"whys?", "whys"),
    (r"actions?|follow[- ]?ups?", "actions"),
    (r"wrap[- ]?up|summary of actions|close", "wrap-up"),
    (r"well|lessons?|learn\w*|lucky", "lessons"),
    (r"intro\w*|summary|overview", "summary"),
)


def section_for(topic: str) -> str:
    for pattern, section in _SECTION_WORDS:
        if re.search(rf"\b(?:{pattern})\b", topic, re.IGNORECASE):
            return section
    return "summary"


def agenda_items(doc: Postmortem) -> list[AgendaItem]:
    """The document's agenda, or the default one."""
    return list(doc.review.agenda) or [AgendaItem(topic=topic, minutes=minutes) for topic, minutes in DEFAULT_AGENDA]


@dataclass
class Agenda:
    items: list[AgendaItem]
    clock: Callable[[], float] = time.monotonic
    index: int = 0
    _spent: float = 0.0  # seconds on the current item before the last start
    _started_at: float | None = field(default=None, repr=False)

    @property
    def current(self) -> AgendaItem:
        return self.items[self.index]

    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed(self) -> float:
        """Seconds spent on the current item."""
        return self._spent + (self.clock() - self._started_at if self._started_at is not None else 0.0)

    def remaining(self) -> float:
        """Seconds left for the current item; negative once it overruns."""
        return self.current.minutes * 60 - self.elapsed()

    def start(self) -> None:
        if self._started_at is None:
            self._started_at = self.clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._spent += self.clock() - self._started_at
            self._started_at = None

    def toggle(self) -> None:
        self.pause() if self.running else self.start()

    def go_to(self, index: int) -> None:
        """Another item, its countdown from the top (running on if it was running)."""
        was_running = self.running
        self.index = max(0, min(index, len(self.items) - 1))
        self._spent, self._started_at = 0.0, None
        if was_running:
            self.start()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)


def clock_text(seconds: float) -> str:
    """``12:05`` left, or ``+1:30`` over."""
    over = seconds < 0
    whole = int(abs(seconds) + (0 if over else 0.999))
    minutes, secs = divmod(whole, 60)
    return f"{'+' if over else ''}{minutes}:{secs:02d}"
