"""Sources with structure: JSON lines, CSV alert exports, chat channel exports and ``git log`` output."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import re2

from postmortem.models.enums import EventKind
from postmortem.models.evidence.classify import (
    LEVEL_WORD,
    MARKED_LEVEL_WORDS,
    NOTABLE_WORDS,
    is_notable,
    level_of_word,
)
from postmortem.models.evidence.records import Progress, Record, Selection, Window, one_line, preview
from postmortem.models.evidence.timestamps import BY_NAME, TimeContext

BLOCK = 4 << 20
TIME_KEYS = ("ts", "time", "timestamp", "@timestamp", "datetime", "date", "t", "eventTime")
MESSAGE_KEYS = ("msg", "message", "text", "log", "event", "body")
# Who sent the record: its program or service first, else its host.
ACTOR_KEYS = (
    "service",
    "service.name",
    "app",
    "application",
    "program",
    "logger",
    "logger_name",
    "component",
    "container_name",
    "host",
    "hostname",
)
LEVEL_KEYS = ("level", "lvl", "severity", "log.level", "levelname", "loglevel", "status")
# Bunyan / pino numeric levels.
_NUMERIC_LEVELS = ((60, "critical"), (50, "error"), (40, "warning"), (30, "info"), (0, "debug"))
# A time, level or message may sit in an object: {"log": {"level": "error"}}, {"level": {"name": "ERROR"}},
# {"record": {"time": {"repr": …}, "message": …}}. Objects are looked into breadth first, this deep and this
# many at most; below the top only these keys count (a nested "status" is an HTTP status, a nested number a
# battery level as often as a log level, so levels there are words only).
_NESTED_DEPTH = 2
_NESTED_OBJECTS = 32
_NESTED_TIME_KEYS = ("ts", "time", "timestamp", "@timestamp", "datetime", "eventTime")
_NESTED_LEVEL_KEYS = ("level", "lvl", "severity", "levelname", "loglevel")
_NESTED_MESSAGE_KEYS = ("msg", "message")
# In an object under a time or level key: where its value is.
_TIME_PARTS = ("repr", "iso", "timestamp", "value", "text")
_LEVEL_PARTS = ("name", "text", "label", "value")
# Docker's json-file lines ({"log": "…\n", "stream": "stderr", "time": …}) carry no level: it is read from
# the text as a text log's is, a level word at its start, after a time or after a marker ([error, level=warn).
_TEXT_LEVEL = re.compile(
    r"(?:^\s*|[\[<(|:=\"]\s*|[\dZ]\]?\s+)" + LEVEL_WORD.pattern.decode().removeprefix("(?i)"), re.IGNORECASE
)
_TEXT_LEVEL_SPAN = 80
_ISO = BY_NAME["iso8601"]


class SourceError(ValueError):
    """A source that cannot be read as the kind it was taken for; the message names what to do."""


def parse_time_value(value: object, ctx: TimeContext) -> tuple[float, int] | None:
    """Epoch seconds and offset of a JSON or CSV time value: ISO 8601 text or a Unix epoch number."""
    if isinstance(value, str):
        text = value.strip()
        try:
            number = float(text)
        except ValueError:
            return _parse_iso(text, ctx)
        return _from_epoch(number, ctx)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _from_epoch(float(value), ctx)
    return None


def _parse_iso(text: str, ctx: TimeContext) -> tuple[float, int] | None:
    # The common shapes as text logs read them: no datetime, and every digit of a fraction (nanoseconds).
    match = _ISO.pattern.fullmatch(text.encode("ascii", "replace"))
    if match is not None:
        try:
            return _ISO.convert(match, ctx)
        except ValueError:  # an impossible date such as 31 February
            return None
    candidate = text[:-1] + "+00:00" if text[-1:] in "Zz" and text else text
    try:
        parsed = datetime.fromisoformat(candidate.replace(",", "."))
    except ValueError:
        return None
    second = parsed.second + parsed.microsecond / 1e6
    offset = None if parsed.tzinfo is None else int(parsed.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
    return ctx.epoch(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, second, offset)


def _from_epoch(number: float, ctx: TimeContext) -> tuple[float, int]:
    """Seconds, milliseconds, microseconds or nanoseconds since 1970, told apart by size."""
    for limit, scale in ((1e17, 1e9), (1e14, 1e6), (1e11, 1e3)):
        if abs(number) >= limit:
            number /= scale
            break
    hour_start = number - number % 3600
    moment = datetime.fromtimestamp(hour_start, tz=ctx.zone)
    return number, int(moment.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]


def _level(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return next(name for floor, name in _NUMERIC_LEVELS if value >= floor)
    return level_of_word(str(value)) if value is not None else "info"


def _plain(value: object) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _value(obj: dict[str, object], keys: tuple[str, ...], parts: tuple[str, ...]) -> object:
    """The first of ``keys`` with a plain value, or with an object holding one under one of ``parts``."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, dict):
            value = next((value[part] for part in parts if _plain(value.get(part))), None)
        if _plain(value):
            return value
    return None


def _find(
    record: dict[str, object],
    keys: tuple[str, ...],
    nested_keys: tuple[str, ...],
    parts: tuple[str, ...],
    nested_text_only: bool = False,
) -> object:
    """A value at the top of ``record``, else in the objects within it (breadth first, bounded)."""
    value = _value(record, keys, parts)
    if value is not None:
        return value
    layer = [inner for inner in record.values() if isinstance(inner, dict)]
    looked = 0
    for _ in range(_NESTED_DEPTH):
        deeper: list[dict[str, object]] = []
        for obj in layer:
            looked += 1
            if looked > _NESTED_OBJECTS:
                return None
            value = _value(obj, nested_keys, parts)
            if value is not None and (isinstance(value, str) or not nested_text_only):
                return value
            deeper.extend(inner for inner in obj.values() if isinstance(inner, dict))
        layer = deeper
    return None


def _text_level(text: str) -> str:
    word = _TEXT_LEVEL.search(text, 0, _TEXT_LEVEL_SPAN)
    return level_of_word(word.group(1)) if word is not None else "info"


def _selected(level: str, text: str, selection: Selection) -> bool:
    return (
        selection.keep_all
        or is_notable(level, text)
        or (selection.grep is not None and selection.grep.search(text) is not None)
    )


def json_lines(
    path: Path, ctx: TimeContext, window: Window, selection: Selection, progress: Progress
) -> Iterator[Record]:
    """One JSON object a line; only lines with a level, change or --grep word are decoded."""
    parts = [MARKED_LEVEL_WORDS, r'"(?:level|lvl|severity)"\s*:\s*[4-6]\d\b', NOTABLE_WORDS]
    if selection.grep is not None:
        parts.append(selection.grep.pattern)
    pattern = "|".join(f"(?:{p})" for p in parts).encode()
    try:
        scan = re2.compile(rb"(?m)^[^\n]" if selection.keep_all else pattern)
    except re2.error:
        scan = re.compile(pattern)
    line_number, carry = 1, b""
    with path.open("rb") as stream:
        while True:
            block = stream.read(BLOCK)
            data = carry + block
            if block:
                cut = data.rfind(b"\n") + 1
                data, carry = data[:cut], data[cut:]
            counted, handled = 0, 0
            for hit in scan.finditer(data):
                if hit.start() < handled:
                    continue
                start = data.rfind(b"\n", 0, hit.start()) + 1
                end = data.find(b"\n", hit.start())
                end = len(data) if end < 0 else end
                handled = end + 1
                raw = data[start:end].decode("utf-8", "replace").strip()
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue
                if not isinstance(record, dict):
                    continue
                when = parse_time_value(_find(record, TIME_KEYS, _NESTED_TIME_KEYS, _TIME_PARTS), ctx)
                if when is None or when[0] not in window:
                    continue
                message = _find(record, MESSAGE_KEYS, _NESTED_MESSAGE_KEYS, (), nested_text_only=True)
                text = one_line(str(message or raw))
                if not window.admits(when[0], raw):
                    continue
                found = _find(record, LEVEL_KEYS, _NESTED_LEVEL_KEYS, _LEVEL_PARTS, nested_text_only=True)
                if found is None and isinstance(record.get("log"), str) and isinstance(record.get("stream"), str):
                    level = _text_level(text)  # Docker's json-file log: the level word of the text
                else:
                    level = _level(found)
                if not _selected(level, raw, selection):
                    continue
                line_number += data.count(b"\n", counted, start)
                counted = start
                actor = _value(record, ACTOR_KEYS, ("name",))
                yield Record(
                    when[0], when[1], line_number, text, level, preview([raw]), actor=str(actor) if actor else ""
                )
            line_number += data.count(b"\n", counted)
            progress.advance(len(block))
            if not block:
                return


_CSV_TIME = (
    "triggered_at",
    "created_at",
    "created",
    "opened_at",
    "opened",
    "started_at",
    "start_time",
    "fired_at",
    "alert_time",
    "incident_time",
    "timestamp",
    "time",
    "date",
)
_CSV_TEXT = ("title", "summary", "alert", "alert_name", "name", "description", "message", "subject", "incident")
_CSV_LEVEL = ("severity", "priority", "urgency", "level", "sev")
_SEVERITY_WORDS = {
    "critical": "critical",
    "crit": "critical",
    "p1": "critical",
    "sev1": "critical",
    "sev-1": "critical",
    "high": "error",
    "major": "error",
    "error": "error",
    "p2": "error",
    "sev2": "error",
    "sev-2": "error",
    "warning": "warning",
    "warn": "warning",
    "medium": "warning",
    "p3": "warning",
    "sev3": "warning",
    "sev-3": "warning",
    "low": "info",
    "info": "info",
    "minor": "info",
    "p4": "info",
    "p5": "info",
}


def _column(header: list[str], wanted: str | None, names: tuple[str, ...], what: str, path: Path) -> int | None:
    folded = [name.strip().lower() for name in header]
    if wanted is not None:
        if wanted.lower() not in folded:
            raise SourceError(f"{path}: no column {wanted!r} for the {what}; the columns are: {', '.join(header)}")
        return folded.index(wanted.lower())
    for name in names:
        if name in folded:
            return folded.index(name)
    for index, name in enumerate(folded):
        if any(part in name for part in names[-3:]):
            return index
    return None


def csv_alerts(
    path: Path,
    ctx: TimeContext,
    window: Window,
    selection: Selection,
    progress: Progress,
    columns: dict[str, str | None],
) -> Iterator[Record]:
    """An alert or paging export with a header row: every alert in the window is a detection event."""
    text = path.read_bytes().decode("utf-8-sig", "replace")
    progress.advance(path.stat().st_size)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        return
    time_at = _column(header, columns.get("time"), _CSV_TIME, "time", path)
    if time_at is None:
        raise SourceError(f"{path}: no time column found among {', '.join(header)}; name it with --time-column")
    text_at = _column(header, columns.get("text"), _CSV_TEXT, "title", path)
    level_at = _column(header, columns.get("level"), _CSV_LEVEL, "severity", path)
    for row in reader:
        if len(row) <= time_at:
            continue
        when = parse_time_value(row[time_at], ctx)
        if when is None or when[0] not in window:
            continue
        title = one_line(row[text_at]) if text_at is not None and text_at < len(row) else ""
        if not window.admits(when[0], title):
            continue
        severity = row[level_at].strip().lower() if level_at is not None and level_at < len(row) else ""
        level = _SEVERITY_WORDS.get(severity.replace(" ", ""), level_of_word(severity) if severity else "warning")
        line = ",".join(row)
        if selection.grep is not None and not selection.keep_all and not selection.grep.search(line):
            continue
        yield Record(when[0], when[1], reader.line_num, title or line, level, preview([line]), kind=EventKind.DETECTION)


def chat_export(
    path: Path, ctx: TimeContext, window: Window, selection: Selection, progress: Progress
) -> Iterator[Record]:
    """A Slack-style channel export (a JSON array of messages with ts, user and text)."""
    raw = path.read_bytes().decode("utf-8-sig", "replace")
    progress.advance(path.stat().st_size)
    try:
        messages = json.loads(raw)
    except ValueError as error:
        raise SourceError(f"{path}: not a chat export: {error}") from None
    if not isinstance(messages, list):
        raise SourceError(f"{path}: not a chat export: expected a JSON array of messages")
    search_from = 0
    for message in messages:
        if not isinstance(message, dict) or message.get("subtype") in ("channel_join", "channel_leave"):
            continue
        ts = message.get("ts")
        when = parse_time_value(ts, ctx)
        text = one_line(str(message.get("text") or ""))
        if when is None or not text or not window.admits(when[0], text):
            continue
        if selection.grep is not None and not selection.keep_all and not selection.grep.search(text):
            continue
        profile = message.get("user_profile")
        if not isinstance(profile, dict):
            profile = {}
        actor = str(
            profile.get("display_name")
            or profile.get("real_name")
            or message.get("user_name")
            or message.get("user")
            or ""
        )
        # The line the message's ts sits on, for the file:line reference.
        found = raw.find(json.dumps(ts) if isinstance(ts, str) else str(ts), search_from)
        if found >= 0:
            search_from = found
        line = raw.count("\n", 0, max(found, 0)) + 1
        yield Record(
            when[0],
            when[1],
            line,
            text,
            "info",
            preview([f"{actor}: {text}"]),
            kind=EventKind.COMMUNICATION,
            actor=actor,
        )


_COMMIT = re.compile(r"^commit ([0-9a-f]{7,40})\b")
_DATE_LINE = re.compile(r"^(Date|CommitDate|AuthorDate):\s*(.+)$")
_GIT_DATES = ("%a %b %d %H:%M:%S %Y %z", "%Y-%m-%d %H:%M:%S %z", "%a, %d %b %Y %H:%M:%S %z")
_REVERT = re.compile(r"\b(?:revert|roll(?:ed|ing)?[ -]?back)", re.IGNORECASE)


def _git_date(text: str, ctx: TimeContext) -> tuple[float, int] | None:
    for pattern in _GIT_DATES:
        try:
            parsed = datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
        offset = int(parsed.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        return ctx.epoch(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, parsed.second, offset)
    return _parse_iso(text.strip(), ctx)


def git_log(path: Path, ctx: TimeContext, window: Window, selection: Selection, progress: Progress) -> Iterator[Record]:
    """``git log`` output (medium or fuller format, any --date that carries an offset): one change per commit."""
    text = path.read_bytes().decode("utf-8", "replace")
    progress.advance(path.stat().st_size)
    commits: list[tuple[int, list[str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _COMMIT.match(line):
            commits.append((number, [line]))
        elif commits:
            commits[-1][1].append(line)
    for number, lines in commits:
        dates = {m[1]: m[2] for line in lines[1:] if (m := _DATE_LINE.match(line))}
        stamp = dates.get("CommitDate") or dates.get("Date")
        when = _git_date(stamp, ctx) if stamp else None
        if when is None:
            raise SourceError(f"{path}:{number}: commit without a readable date; export with git log --date=iso")
        if when[0] not in window:
            continue
        message = [line.strip() for line in lines[1:] if line.startswith("    ") and line.strip()]
        subject = message[0] if message else lines[0]
        body = "\n".join(lines)
        if selection.grep is not None and not selection.keep_all and not selection.grep.search(body):
            continue
        sha = _COMMIT.match(lines[0]).group(1)  # type: ignore[union-attr]
        kind = EventKind.MITIGATION if _REVERT.search(subject) else EventKind.PRECURSOR
        yield Record(
            when[0], when[1], number, subject, "info", preview(lines), kind=kind, evidence=f"commit {sha[:12]}"
        )
