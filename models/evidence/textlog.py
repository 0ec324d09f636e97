"""Plain-text logs: stream a file in large blocks and look closely only at the records that matter.

One RE2 scan per block finds the lines that hold a level word, a change word or
the ``--grep`` pattern; only those lines get their record's start found, their
timestamp converted and the window checked. The other lines (nearly all of them
in a long log) cost the scan and nothing else. A record is a line with a
timestamp plus the lines after it that have none (a stack trace, say).

In an error storm a third of the lines are looked at, so the work per line is
kept small: a timestamp's conversion is remembered for its second (only the
fraction is read per line), and what depends on a line's shape alone (its
digits all read as 0: where its level word is, whether its text needs tidying,
its burst template later on) is worked out once per shape.

A large file whose records are in time order is not read in full: the reader
bisects on byte offsets (re-synchronising on line starts) to the first record
of the window, counts only the lines before it (for the line numbers), and
stops at the first record after the window's end. A file whose samples are out of order is read in
full, and the progress notes say so.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

import re2

from postmortem.models.evidence.classify import (
    ALARMING,
    HIGH_LEVEL_WORDS,
    LEVEL_OF_WORD,
    LEVEL_WORD,
    MARKED_LEVEL_WORDS,
    NOTABLE_WORDS,
    is_change,
    is_notable,
    level_of_word,
)
from postmortem.models.evidence.records import SHAPE, Progress, Record, Selection, Window, one_line
from postmortem.models.evidence.timestamps import TextFormat, TimeContext

BLOCK = 4 << 20
# Files this large are bisected to the window when their records are in time order.
SEEK_FROM = 8 << 20
# Bytes read at an offset to find the first record after it.
PROBE = 64 << 10
# Offsets sampled to tell whether a file is in time order.
SAMPLES = 32
# Seconds a record may come before the one above it in a file still read as ordered (threads, buffers).
DISORDER = 300.0
# How far out of order a record may be and still be found when reading from a bisected offset: reading starts at
# the first record this many seconds before the window and stops at the first this many seconds after it.
SEEK_MARGIN = 60.0
# At most this many lines belong to one record; a longer run of lines without a timestamp starts over.
MAX_CONTINUATION = 400
# The level word is looked for this far after the timestamp.
LEVEL_SPAN = 60
# Timestamp conversions remembered at most (one a second of the log: a day is 86,400).
MEMO_SIZE = 100_000

# Syslog priorities whose severity (priority % 8) is warning or worse.
_ALARMING_PRIORITIES = "|".join(str(p) for p in range(192) if p % 8 <= 4)
_SELECTORS = {
    "word": (HIGH_LEVEL_WORDS, MARKED_LEVEL_WORDS),
    "priority": (rf"<(?:{_ALARMING_PRIORITIES})>1 ",),
    "status": (r'" 5\d\d ',),
}
# What a level letter means (Android's logcat V D I W E F A, Kubernetes' klog I W E F).
_LETTERS = {
    b"V": "debug",
    b"D": "debug",
    b"I": "info",
    b"W": "warning",
    b"E": "error",
    b"F": "critical",
    b"A": "critical",
}
_PRIORITY = re.compile(rb"<(\d{1,3})>1 ")
_SEVERITIES = ("critical", "critical", "critical", "error", "warning", "notice", "info", "debug")
_STATUS = re.compile(rb'" (\d{3}) ')
# What a timestamp in brackets leaves at the head of a line ("[] ", "- "), taken off the text.
_LEFTOVER = re.compile(r"^[\s\-:|,]*(?:\[\s*\]|\(\s*\))?[\s\-:|,]*")
_LEFTOVER_STARTS = (b"-", b":", b"|", b",", b"[", b"(")
_POWERS = tuple(10**digits for digits in range(10))


def selector(fmt: TextFormat, selection: Selection) -> re2._Regexp | re.Pattern[bytes]:
    """The pattern one scan of a block uses to find the lines worth a closer look."""
    if selection.keep_all:
        return re2.compile(rb"(?m)^[^\n]")
    levels = (fmt.alarm,) if fmt.level_from == "group" else _SELECTORS[fmt.level_from]
    parts = [*levels, NOTABLE_WORDS]
    if selection.grep is not None:
        parts.append(selection.grep.pattern)
    pattern = "|".join(f"(?:{part})" for part in parts).encode()
    try:
        return re2.compile(pattern)
    except re2.error:  # a --grep pattern RE2 does not support (look-arounds, back-references)
        return re.compile(pattern)


def first_hit(found: re2._Regexp | re.Pattern[bytes]) -> Callable[[bytes, int, int], Sequence[tuple[int, int]]]:
    """A function giving the span of the first match of ``found`` in ``data[start:end]`` ((-1, -1): none),
    first in a list.

    The scan asks from the end of the record it last looked at, so the lines of a record are searched once.
    RE2's own call is used where the binding has it: its Python match objects cost more than the search.
    """
    raw = getattr(getattr(found, "_regexp", None), "Match", None)
    if raw is not None:
        return functools.partial(raw, re2._re2.RE2.Anchor.UNANCHORED)

    def search(data: bytes, start: int, end: int) -> Sequence[tuple[int, int]]:
        hit = found.search(data, start, end)
        return [(-1, -1) if hit is None else hit.span()]

    return search


def record_start_pattern(fmt: TextFormat, prefix_limit: int) -> re.Pattern[bytes]:
    """Matches at a line start when the line has a timestamp within ``prefix_limit`` bytes."""
    return re.compile(rb"[^\n]{0,%d}?(?:%s)" % (prefix_limit, fmt.pattern.pattern))


class TextLogReader:
    def __init__(
        self,
        path: Path,
        fmt: TextFormat,
        prefix_limit: int,
        ctx: TimeContext,
        window: Window,
        selection: Selection,
        progress: Progress,
    ) -> None:
        self.path = path
        self.fmt = fmt
        self.ctx = ctx
        self.window = window
        self.selection = selection
        self.progress = progress
        self.first_hit = first_hit(selector(fmt, selection))
        self.record_start = record_start_pattern(fmt, prefix_limit)
        self._seconds: dict[bytes, tuple[int, int]] = {}
        self._by_shape: dict[bytes, tuple[str, bool]] = {}

    def records(self) -> Iterator[Record]:
        carry = b""
        with self.path.open("rb") as stream:
            begin, stop = self._span(stream)
            first_line = 1 + self._lines_before(stream, begin)
            stream.seek(begin)
            at = begin
            while True:
                block = stream.read(BLOCK if stop is None else min(BLOCK, stop - at))
                at += len(block)
                data = carry + block
                if not block:
                    if data:
                        yield from self._scan(data if data.endswith(b"\n") else data + b"\n", first_line)
                    self.progress.advance(self.progress_left(stream, at))
                    return
                cut = self._last_record_start(data)
                chunk, carry = data[:cut], data[cut:]
                if chunk:
                    yield from self._scan(chunk, first_line)
                    first_line += chunk.count(b"\n")
                self.progress.advance(len(block))

    @staticmethod
    def progress_left(stream: BinaryIO, at: int) -> int:
        """The bytes after ``at`` that were not read (the part after the window), counted as done."""
        return max(0, os.fstat(stream.fileno()).st_size - at)

    def _span(self, stream: BinaryIO) -> tuple[int, int | None]:
        """The byte offsets to read from and (about) to: the window's records, when the file is large and
        in time order; else all of it."""
        size = os.fstat(stream.fileno()).st_size
        window = self.window
        if size < SEEK_FROM or (window.first is None and window.end is None) or self.selection.keep_all:
            return 0, None
        samples = [self._first_time(stream, size * i // SAMPLES) for i in range(SAMPLES)]
        times = [found[0] for found in samples if found is not None]
        if len(times) < SAMPLES // 2 or any(later < earlier - DISORDER for earlier, later in zip(times, times[1:])):
            self.progress.notes.append(f"{self.path}: its records are not in time order, so it was read in full")
            return 0, None
        begin = 0 if window.first is None else self._first_at_or_after(stream, size, window.first - SEEK_MARGIN)
        stop = None if window.end is None else self._first_at_or_after(stream, size, window.end + SEEK_MARGIN)
        return begin, stop

    def _first_at_or_after(self, stream: BinaryIO, size: int, seconds: float) -> int:
        """The offset of the first record at or after ``seconds`` (bisection on byte offsets, then a walk
        from the last record known to be earlier); the file's size when there is none."""
        low, high = 0, size
        while high - low > PROBE:
            middle = (low + high) // 2
            found = self._first_time(stream, middle)
            if found is None or found[0] >= seconds:
                high = middle
            else:
                low = found[1] + 1
        found = self._first_time(stream, low, at_least=seconds)
        return found[1] if found is not None else size

    def _first_time(self, stream: BinaryIO, offset: int, at_least: float | None = None) -> tuple[float, int] | None:
        """The time and the offset of the first record that starts after ``offset`` (at it, for 0): within
        one probe; or, with ``at_least``, the first at that time or later, read on to the end if need be."""
        stream.seek(offset)
        data = stream.read(PROBE)
        position = 0 if offset == 0 else data.find(b"\n") + 1
        known = offset == 0 or position > 0  # whether ``position`` is the start of a line
        while True:
            while known and position < len(data):
                stamp = self.record_start.match(data, position)
                if stamp is not None:
                    with suppress(ValueError):  # an impossible date such as 31 February
                        seconds = self.fmt.convert(stamp, self.ctx)[0]
                        if at_least is None or seconds >= at_least:
                            return seconds, offset + position
                following = data.find(b"\n", position)
                if following < 0:
                    break
                position = following + 1
            if at_least is None or len(data) < PROBE:
                return None
            # On with the next probe, from the start of the last line (it may be cut off).
            last = data.rfind(b"\n") + 1
            offset += last or len(data)
            stream.seek(offset)
            data = stream.read(PROBE)
            position = 0 if last else data.find(b"\n") + 1
            known = bool(last) or position > 0

    def _lines_before(self, stream: BinaryIO, offset: int) -> int:
        """The number of lines before ``offset``, counted block by block (the records' line numbers)."""
        stream.seek(0)
        lines, left = 0, offset
        while left > 0:
            block = stream.read(min(BLOCK, left))
            if not block:
                break
            lines += block.count(b"\n")
            left -= len(block)
            self.progress.advance(len(block))
        return lines

    def _last_record_start(self, data: bytes) -> int:
        """Where the last whole line that starts a record begins (0 when none does)."""
        end = data.rfind(b"\n") + 1
        if end == 0:
            return 0
        start = data.rfind(b"\n", 0, end - 1) + 1
        for _ in range(MAX_CONTINUATION):
            if self.record_start.match(data, start):
                return start
            if start == 0:
                break
            start = data.rfind(b"\n", 0, start - 1) + 1
        return end

    def _scan(self, data: bytes, first_line: int) -> Iterator[Record]:
        match_stamp, starts_record = self.fmt.pattern.match, self.record_start.match
        convert, fraction_group, memo = self.fmt.convert, self.fmt.fraction, self._seconds
        ctx, selection = self.ctx, self.selection
        # The window's bounds as locals: these checks run for every line the scan stops at.
        earliest, since, until = self.window.first, self.window.start, self.window.end
        size = len(data)
        counted_pos, counted_line = 0, first_line
        first_hit = self.first_hit
        handled = 0  # bytes before this belong to records already looked at
        while (position := first_hit(data, handled, size)[0][0]) >= 0:
            # Back from the hit's line to the line that starts its record.
            start = data.rfind(b"\n", 0, position) + 1
            stamp = match_stamp(data, start)
            stamp_start = start
            if stamp is None:  # the timestamp after a prefix (a host, a level), or a continuation line
                stamp = starts_record(data, start)
                steps = 0
                while stamp is None and start > handled and steps < MAX_CONTINUATION:
                    start = data.rfind(b"\n", 0, start - 1) + 1
                    stamp = starts_record(data, start)
                    steps += 1
                if stamp is None:  # lines before the first record, or an over-long run without timestamps
                    handled = data.find(b"\n", position) + 1 or size
                    continue
                stamp_start = -1
            first_end = data.find(b"\n", start)
            end = first_end + 1
            steps = 0
            while end < size and starts_record(data, end) is None and steps < MAX_CONTINUATION:
                end = data.find(b"\n", end) + 1
                steps += 1
            handled = end
            # The time, memoised on the timestamp without its fraction of a second (a busy log repeats the rest).
            stamp_end = stamp.end()
            key, fraction = None, 0.0
            if fraction_group is not None:
                cut, cut_end = stamp.span(fraction_group)
                if cut < 0:
                    key = data[start:stamp_end]
                else:
                    key = data[start:cut] if cut_end == stamp_end else data[start:cut] + data[cut_end:stamp_end]
                    fraction = int(data[cut:cut_end]) / _POWERS[cut_end - cut]
            known = None if key is None else memo.get(key)
            if known is not None:
                seconds, offset = known[0] + fraction, known[1]
            else:
                try:
                    seconds, offset = convert(stamp, ctx)
                except ValueError:  # an impossible date such as 31 February
                    continue
                if key is not None:
                    if len(memo) >= MEMO_SIZE:
                        memo.clear()
                    memo[key] = (round(seconds - fraction), offset)
            if (earliest is not None and seconds < earliest) or (until is not None and seconds > until):
                continue
            if stamp_start < 0:
                # Searched to the line's end, not the stamp's: a pattern may look ahead (PostgreSQL's level).
                stamp_start = self.fmt.pattern.search(data, start, first_end).start()  # type: ignore[union-attr]
            level, text, shape = self._level_and_text(data, start, stamp_start, stamp, first_end)
            body = data[start:end].decode("utf-8", "replace")
            if since is not None and seconds < since and not is_change(body):  # before the window: changes only
                continue
            if (
                level not in ALARMING
                and not selection.keep_all
                and not is_notable(level, body)
                and not (selection.grep is not None and selection.grep.search(body))
            ):
                continue
            counted_line += data.count(b"\n", counted_pos, start)
            counted_pos = start
            yield Record(seconds, offset, counted_line, text, level, body.rstrip("\r\n"), shape)

    def _level_and_text(
        self, data: bytes, start: int, stamp_start: int, stamp: re.Match[bytes], line_end: int
    ) -> tuple[str, str, bytes]:
        """The record's level; its first line without the timestamp (the level word stays: it is part of what
        the line says); and the shape of that text when it is the line's bytes as they are (else b"")."""
        stamp_end = stamp.end()
        line = data[stamp_end:line_end].strip()
        shape = line.translate(SHAPE)
        # Where a level word is, and whether the text needs tidying, depend on the line's shape only.
        known = self._by_shape.get(shape)
        if known is None:
            known = self._by_shape[shape] = self._shape_facts(line)
            if len(self._by_shape) > MEMO_SIZE:
                self._by_shape.clear()
        level, untidy = known
        how = self.fmt.level_from
        lead = b""
        if how == "group":
            word: bytes | None = stamp.group("level")
            if word is not None:
                level = _group_level(word)
                if stamp.start("level") < stamp_end:  # the level inside the timestamp's match (klog, logcat)
                    lead = word + b" "
        elif how == "priority":
            priority = _PRIORITY.search(data, start, stamp_end)
            level = "info" if priority is None else _SEVERITIES[int(priority.group(1)) % 8]
        elif how == "status":
            status = _STATUS.search(data, stamp_end, line_end)
            level = "error" if status is not None and status.group(1).startswith(b"5") else "info"
        if stamp_start > start:
            head = data[start:stamp_start].strip()
            line, untidy, shape = (head + b" " + lead + line if head else lead + line), True, b""
        elif lead:
            line, shape = lead + line, b""
        text = line.decode("utf-8", "replace")
        if untidy:
            text, shape = _LEFTOVER.sub("", one_line(text)), b""
        return level, text, shape

    def _shape_facts(self, line: bytes) -> tuple[str, bool]:
        """The level its level word gives (for formats whose level is a word), and whether the text needs its
        spaces tidied or a leftover of bracketed timestamp taken off."""
        level = "info"
        if self.fmt.level_from == "word":
            found = LEVEL_WORD.search(line, 0, LEVEL_SPAN)
            if found is not None:
                level = LEVEL_OF_WORD.get(found.group(1).lower(), "info")
        untidy = b"  " in line or b"\t" in line or b"\r" in line or line[:1] in _LEFTOVER_STARTS
        return level, untidy


def _group_level(word: bytes) -> str:
    """The level a format's level group holds: a letter (logcat, klog) or a word (``ERROR``, ``DEBUG2``)."""
    if len(word) == 1:
        return _LETTERS.get(word.upper(), "info")
    return level_of_word(word.rstrip(b"0123456789").decode("ascii", "replace"))
