"""What the evidence readers produce, and the options that steer them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from postmortem.models.enums import EventKind
from postmortem.models.evidence.classify import is_change

# How many lines of a record the preview keeps, and how long a line of it may be.
PREVIEW_LINES = 12
PREVIEW_WIDTH = 400
# Every ASCII digit as 0: the shape of a text's bytes. Texts of one shape differ only in their digits, so what
# depends on the letters and the kinds of characters only (a level word's place, a template) is worked out
# once per shape.
SHAPE = bytes.maketrans(b"123456789", b"000000000")


@dataclass(slots=True)
class Record:
    """One record of a source that passed the window and the selection."""

    at: float  # epoch seconds
    offset: int  # minutes east of UTC, as written in the source or from the zone
    line: int  # 1-based line where the record starts
    text: str  # the message, on one line
    level: str
    raw: str  # the record as read, for the preview
    shape: bytes = b""  # the text's shape (see SHAPE) when the reader had its bytes at hand
    kind: EventKind | None = None  # set by sources that know it (chat, commits)
    actor: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class Window:
    """The span of time worth reading, in epoch seconds; None is open-ended. Changes (deploys, releases,
    migrations, destructive commands) are looked for from ``changes_from``, earlier than ``start``: the change
    that set the incident up was often made the day before."""

    start: float | None = None
    end: float | None = None
    changes_from: float | None = None

    @property
    def first(self) -> float | None:
        """The earliest time any record is kept from."""
        if self.start is None or self.changes_from is None:
            return self.start
        return min(self.start, self.changes_from)

    def __contains__(self, seconds: float) -> bool:
        """Whether a record at ``seconds`` may be kept (before ``start``, only a change: see ``admits``)."""
        first = self.first
        return (first is None or seconds >= first) and (self.end is None or seconds <= self.end)

    def admits(self, seconds: float, text: str) -> bool:
        """Whether a record at ``seconds`` with this text is kept: in the window, or a change before it."""
        if seconds not in self:
            return False
        return self.start is None or seconds >= self.start or is_change(text)


@dataclass(frozen=True)
class Selection:
    """Which records in the window become candidates."""

    grep: re.Pattern[str] | None = None
    keep_all: bool = False


class Cancelled(Exception):
    """The import was cancelled through its progress object."""


@dataclass
class Progress:
    """Bytes read so far across all sources; set ``cancelled`` to stop the import."""

    total: int = 0
    done: int = 0
    cancelled: bool = False
    # What the reading found worth saying that is not a problem (a file read in full as it is out of order).
    notes: list[str] = field(default_factory=list)
    on_change: Callable[[Progress], None] | None = field(default=None, repr=False)

    def advance(self, count: int) -> None:
        if self.cancelled:
            raise Cancelled
        self.done += count
        if self.on_change is not None:
            self.on_change(self)


def one_line(text: str) -> str:
    return " ".join(text.split())


def preview(lines: list[str]) -> str:
    shown = [line[:PREVIEW_WIDTH] for line in lines[:PREVIEW_LINES]]
    if len(lines) > PREVIEW_LINES:
        shown.append(f"… {len(lines) - PREVIEW_LINES} more lines")
    return "\n".join(shown)
