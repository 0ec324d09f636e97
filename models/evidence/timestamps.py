"""Timestamps in plain-text logs: the formats we recognise and fast conversion to epoch seconds.

A format finds its timestamp anywhere in the first part of a line (after a host,
file name or level prefix) and turns the match into ``(epoch seconds, UTC offset
in minutes)``. Conversions memoise per day and hour, so a record costs a few
integer operations, never a ``datetime``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

MONTHS = {
    name: number
    for number, name in enumerate(
        (b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"), start=1
    )
}
_MONTH = rb"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_EPOCH_DAY = date(1970, 1, 1).toordinal()
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UTC_NAMES = frozenset((b"UTC", b"GMT", b"UCT", b"UT", b"Z", b"ZULU"))


@dataclass
class TimeContext:
    """What a conversion needs: the zone for naive times, and the year for formats without one."""

    zone: ZoneInfo
    year: int
    # Around this instant a yearless date is placed (the incident), in epoch seconds.
    reference: float | None = None
    _days: dict[tuple[int, int, int], int] = field(default_factory=dict)
    _offsets: dict[tuple[int, int, int, int], int] = field(default_factory=dict)
    _named: dict[tuple[bytes, int, int, int, int], int] = field(default_factory=dict)

    def day_seconds(self, year: int, month: int, day: int) -> int:
        key = (year, month, day)
        seconds = self._days.get(key)
        if seconds is None:
            seconds = (date(year, month, day).toordinal() - _EPOCH_DAY) * 86400
            self._days[key] = seconds
        return seconds

    def local_offset(self, year: int, month: int, day: int, hour: int) -> int:
        """Minutes east of UTC in force in ``zone`` at that local hour (the earlier one when ambiguous)."""
        key = (year, month, day, hour)
        offset = self._offsets.get(key)
        if offset is None:
            local = datetime(year, month, day, hour, tzinfo=self.zone)
            offset = int(local.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
            self._offsets[key] = offset
        return offset

    def epoch(
        self, year: int, month: int, day: int, hour: int, minute: int, second: float, offset: int | None
    ) -> tuple[float, int]:
        """Epoch seconds of a wall-clock time; ``offset`` None means the time is in ``zone``."""
        if offset is None:
            offset = self.local_offset(year, month, day, hour)
        seconds = self.day_seconds(year, month, day) + hour * 3600 + minute * 60 + second - offset * 60
        return seconds, offset

    def named_offset(self, name: bytes, year: int, month: int, day: int, hour: int) -> int:
        """Minutes east of UTC for a time followed by a zone abbreviation such as ``UTC`` or ``CEST``.

        UTC and GMT are UTC. Any other name is taken as the abbreviation of ``zone`` (names such as
        ``CST`` or ``IST`` mean different zones in different places): the time is in ``zone``, and
        during a daylight-saving fold the name picks the side (``CEST`` the earlier, ``CET`` the later).
        """
        if name.upper() in _UTC_NAMES:
            return 0
        key = (name, year, month, day, hour)
        offset = self._named.get(key)
        if offset is None:
            offset = self.local_offset(year, month, day, hour)
            later = datetime(year, month, day, hour, tzinfo=self.zone, fold=1)
            if later.tzname() == name.decode("ascii", "replace"):
                offset = int(later.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
            self._named[key] = offset
        return offset

    def yearless(self, month: int, day: int, hour: int, minute: int, second: float) -> tuple[float, int]:
        """A date without a year: the year hint, or the year next to it that lands nearest the reference."""
        best = self.epoch(self.year, month, day, hour, minute, second, None)
        if self.reference is not None:
            for year in (self.year - 1, self.year + 1):
                try:
                    other = self.epoch(year, month, day, hour, minute, second, None)
                except ValueError:  # 29 February
                    continue
                if abs(other[0] - self.reference) < abs(best[0] - self.reference):
                    best = other
        return best


def _fraction(digits: bytes | None) -> float:
    return int(digits) / 10 ** len(digits) if digits else 0.0


def _offset_minutes(text: bytes) -> int:
    """``Z``, ``+0100``, ``+01:00`` or ``+01`` as minutes east of UTC."""
    if text in (b"Z", b"z"):
        return 0
    sign = -1 if text[:1] == b"-" else 1
    digits = text[1:].replace(b":", b"")
    return sign * (int(digits[:2]) * 60 + int(digits[2:4] or 0))


def _iso(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    y, mo, d, h, mi, s, frac, off = m.group(1, 2, 3, 4, 5, 6, 7, 8)
    return ctx.epoch(
        int(y), int(mo), int(d), int(h), int(mi), int(s) + _fraction(frac), _offset_minutes(off) if off else None
    )


def _rfc3164(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    mon, d, h, mi, s, frac = m.group(1, 2, 3, 4, 5, 6)
    return ctx.yearless(MONTHS[mon], int(d), int(h), int(mi), int(s) + _fraction(frac))


def _clf(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    d, mon, y, h, mi, s, frac, off = m.group(1, 2, 3, 4, 5, 6, 7, 8)
    return ctx.epoch(int(y), MONTHS[mon], int(d), int(h), int(mi), int(s) + _fraction(frac), _offset_minutes(off))


def _apache_error(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    mon, d, h, mi, s, frac, y = m.group(1, 2, 3, 4, 5, 6, 7)
    return ctx.epoch(int(y), MONTHS[mon], int(d), int(h), int(mi), int(s) + _fraction(frac), None)


def _year(digits: bytes) -> int:
    """A four-digit year, or a two-digit one as strftime's ``%y`` reads it (69-99: 1900s, else 2000s)."""
    year = int(digits)
    if len(digits) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def _ymd(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    """Groups 1-7: year (two or four digits), month, day, hour, minute, second, fraction; no offset."""
    y, mo, d, h, mi, s, frac = m.group(1, 2, 3, 4, 5, 6, 7)
    return ctx.epoch(_year(y), int(mo), int(d), int(h), int(mi), int(s) + _fraction(frac), None)


def _md(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    """Groups 1-6: month, day, hour, minute, second, fraction; no year."""
    mo, d, h, mi, s, frac = m.group(1, 2, 3, 4, 5, 6)
    return ctx.yearless(int(mo), int(d), int(h), int(mi), int(s) + _fraction(frac))


def _klog(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    mo, d, h, mi, s, frac = m.group(2, 3, 4, 5, 6, 7)  # group 1 is the level letter
    return ctx.yearless(int(mo), int(d), int(h), int(mi), int(s) + _fraction(frac))


def _logcat(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    y, mo, d, h, mi, s, frac = m.group(1, 2, 3, 4, 5, 6, 7)  # the year only with ``-v year``
    second = int(s) + _fraction(frac)
    if y is None:
        return ctx.yearless(int(mo), int(d), int(h), int(mi), second)
    return ctx.epoch(int(y), int(mo), int(d), int(h), int(mi), second, None)


def _postgres(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    y, mo, d, h, mi, s, frac, zone = m.group(1, 2, 3, 4, 5, 6, 7, 8)
    year, month, day, hour = int(y), int(mo), int(d), int(h)
    numeric = zone[:1] in (b"+", b"-")
    offset = _offset_minutes(zone) if numeric else ctx.named_offset(zone, year, month, day, hour)
    return ctx.epoch(year, month, day, hour, int(mi), int(s) + _fraction(frac), offset)


def _epoch_seconds(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    seconds = int(m.group(1)) + _fraction(m.group(2))
    return seconds, _zone_offset_at(seconds, ctx)


def _epoch_millis(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
    seconds = int(m.group(1)) / 1000
    return seconds, _zone_offset_at(seconds, ctx)


def _zone_offset_at(seconds: float, ctx: TimeContext) -> int:
    """The offset of ``zone`` at an instant, memoised per hour."""
    hour = int(seconds // 3600)
    offset = ctx._offsets.get((hour, 0, 0, -1))
    if offset is None:
        instant = datetime.fromtimestamp(hour * 3600, tz=UTC).astimezone(ctx.zone)
        offset = int(instant.utcoffset().total_seconds() // 60)  # type: ignore[union-attr]
        ctx._offsets[(hour, 0, 0, -1)] = offset
    return offset


Converter = Callable[[re.Match[bytes], TimeContext], tuple[float, int]]


@dataclass(frozen=True)
class TextFormat:
    """A timestamp format of plain-text logs."""

    name: str
    example: str
    pattern: re.Pattern[bytes]
    convert: Converter
    # Where the line's level comes from: a level word after the timestamp ("word"), the syslog priority
    # ``<PRI>`` (RFC 5424, "priority"), the HTTP status (access logs, "status") or the pattern's group
    # named ``level`` ("group": a letter such as logcat's ``E`` or a word such as PostgreSQL's ``ERROR``).
    level_from: str = "word"
    # For "group": what finds the lines at warning or worse in one scan of a block (RE2 syntax).
    alarm: str = ""
    # What detection counts, when more lines than those that start a record belong to the format
    # (PostgreSQL's DETAIL and STATEMENT lines, which continue the record above).
    detect_pattern: re.Pattern[bytes] | None = None
    # The pattern's group holding the fraction of a second, if any: conversions are memoised on the rest of
    # the timestamp, which a busy log repeats for every record within one second.
    fraction: int | None = None
    # The head of a line's text after the timestamp that names who sent it (groups ``host`` and ``program``).
    sender: re.Pattern[str] | None = None


_ISO = (
    rb"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?"
    rb"(Z|z|[+-]\d\d:\d\d|[+-]\d\d\d\d|[+-]\d\d(?![\d:]))?(?![\d])"
)

# Checked parts of a date, for the formats made of bare digits.
_MO = rb"(0[1-9]|1[0-2])"
_DD = rb"(0[1-9]|[12]\d|3[01])"
_HMS = rb"([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)"
_SLASHED = rb"(?<![\d/])(\d{4})/" + _MO + rb"/" + _DD + rb" " + _HMS + rb"(?:\.(\d{1,9}))?"
# PostgreSQL: the time, its zone (an abbreviation or an offset), and within the line prefix the level
# word followed by a colon and two spaces. DETAIL, HINT, STATEMENT… lines continue the record above.
_PG_STAMP = (
    rb"(?<!\d)(\d{4})-"
    + _MO
    + rb"-"
    + _DD
    + rb" "
    + _HMS
    + rb"(?:\.(\d{1,9}))? ([A-Za-z]{2,6}|[+-]\d\d(?::?\d\d)?)(?= )"
)
# Syslog's "host program[pid]: " (also journalctl's short-iso lines), and RFC 5424's "host app procid msgid ".
_SYSLOG_SENDER = re.compile(r"(?P<host>[A-Za-z0-9][\w.\-]*) (?P<program>[A-Za-z_][\w.\-/]*)(?:\[\d+\])?: ")
_RFC5424_SENDER = re.compile(r"(?P<host>[!-~]+) (?P<program>[!-~]+) [!-~]+ [!-~]+(?: |$)")
_PG_LEVELS = rb"LOG|ERROR|FATAL|PANIC|WARNING|NOTICE|INFO|DEBUG[1-5]?"
_PG_MORE = rb"|DETAIL|HINT|STATEMENT|CONTEXT|QUERY|LOCATION"

FORMATS: tuple[TextFormat, ...] = (
    TextFormat(
        "rfc5424",
        "<165>1 2026-01-31T14:05:09.003Z host app - - msg",
        re.compile(rb"<\d{1,3}>1 " + _ISO),
        _iso,
        level_from="priority",
        fraction=7,
        sender=_RFC5424_SENDER,
    ),
    TextFormat(
        "clf",
        '127.0.0.1 - - [31/Jan/2026:14:05:09 +0100] "GET / HTTP/1.1" 200 512',
        re.compile(rb"\[(\d\d)/" + _MONTH + rb"/(\d{4}):(\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? ([+-]\d{4})\]"),
        _clf,
        level_from="status",
        fraction=7,
    ),
    TextFormat(
        "apache-error",
        "[Sat Jan 31 14:05:09.123456 2026] [core:error] msg",
        re.compile(
            rb"\[(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
            + _MONTH
            + rb" ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? (\d{4})\]"
        ),
        _apache_error,
        fraction=6,
    ),
    TextFormat(
        "postgres",
        "2026-01-31 14:05:09.123 UTC [42] ERROR:  msg (PostgreSQL; UTC, GMT or an offset, else --tz)",
        re.compile(_PG_STAMP + rb"(?=[^\n]{0,120}?\b(?P<level>" + _PG_LEVELS + rb"):  )"),
        _postgres,
        level_from="group",
        alarm=r"\b(?:WARNING|ERROR|FATAL|PANIC):  ",
        detect_pattern=re.compile(_PG_STAMP + rb"(?=[^\n]{0,120}?\b(?:" + _PG_LEVELS + _PG_MORE + rb"):  )"),
        fraction=7,
    ),
    TextFormat(
        "logcat",
        "01-31 14:05:09.123  1234  1260 E ActivityManager: msg (Android; no year)",
        re.compile(
            rb"(?<![\d-])(?:(\d{4})-)?"
            + _MO
            + rb"-"
            + _DD
            + rb" "
            + _HMS
            + rb"\.(\d{1,9})(?: +\d+ +\d+ +| (?=[VDIWEFA]/[^\s(]*\( *\d+\): ))(?P<level>[VDIWEFA])[ /]"
        ),
        _logcat,
        level_from="group",
        alarm=r"\d:\d\d\.\d+(?: +\d+ +\d+ +[WEFA] | [WEFA]/)",
        fraction=7,
    ),
    TextFormat(
        "iso8601",
        "2026-01-31T14:05:09.123+01:00 ERROR msg (also a space, a comma, Z or no offset)",
        re.compile(_ISO),
        _iso,
        fraction=7,
        sender=_SYSLOG_SENDER,
    ),
    TextFormat(
        "klog",
        "E0131 14:05:09.123456   12345 file.go:42] msg (Kubernetes; no year)",
        re.compile(rb"(?<![A-Za-z\d])(?P<level>[IWEF])" + _MO + _DD + rb" " + _HMS + rb"\.(\d{1,9}) +\d+ "),
        _klog,
        level_from="group",
        alarm=r"\b[WEF](?:0[1-9]|1[0-2])\d\d \d\d:\d\d:\d\d\.\d+ ",
        fraction=7,
    ),
    TextFormat(
        "nginx-error",
        "2026/01/31 14:05:09 [error] 42#0: *7 msg",
        re.compile(_SLASHED + rb" \[(?P<level>debug|info|notice|warn|error|crit|alert|emerg)\] \d+#\d+: (?:\*\d+ )?"),
        _ymd,
        level_from="group",
        alarm=r"\d \[(?:warn|error|crit|alert|emerg)\] \d+#",
        fraction=7,
    ),
    TextFormat(
        "go-log",
        "2026/01/31 14:05:09.123456 msg (Go's log package)",
        re.compile(_SLASHED + rb"(?![\d])"),
        _ymd,
        fraction=7,
    ),
    TextFormat(
        "hadoop",
        "26/01/31 14:05:09 INFO msg (yy/MM/dd)",
        re.compile(rb"(?<![\d/])(\d\d)/" + _MO + rb"/" + _DD + rb" " + _HMS + rb"(?:[.,](\d{1,9}))?(?![\d])"),
        _ymd,
        fraction=7,
    ),
    TextFormat(
        "mmdd-bracketed",
        "[01.31 14:05:09] msg (no year)",
        re.compile(rb"\[" + _MO + rb"\." + _DD + rb" " + _HMS + rb"(?:[.,](\d{1,9}))?\]"),
        _md,
        fraction=6,
    ),
    TextFormat(
        "yyyymmdd-dash",
        "20260131-14:05:09:123 msg",
        re.compile(rb"(?<!\d)(\d{4})" + _MO + _DD + rb"-" + _HMS + rb"(?:[:.,](\d{1,9}))?(?![\d])"),
        _ymd,
        fraction=7,
    ),
    TextFormat(
        "rfc3164",
        "Jan 31 14:05:09 host app[42]: msg (no year)",
        re.compile(_MONTH + rb" ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))?(?![\d])"),
        _rfc3164,
        fraction=6,
        sender=_SYSLOG_SENDER,
    ),
    TextFormat(
        "log4j-compact",
        "260131 140509,123 INFO msg (yyMMdd HHmmss)",
        re.compile(
            rb"(?<![\d.:/-])(\d\d)" + _MO + _DD + rb" ([01]\d|2[0-3])([0-5]\d)([0-5]\d|60)(?:[.,](\d{1,9}))?(?![\d:])"
        ),
        _ymd,
        fraction=7,
    ),
    TextFormat(
        "epoch-ms",
        "1769868309123 msg (milliseconds since 1970)",
        re.compile(rb"(?<![\d.])(1\d{12})(?![\d.])"),
        _epoch_millis,
    ),
    TextFormat(
        "epoch",
        "1769868309.123 msg (seconds since 1970)",
        re.compile(rb"(?<![\d.])(1\d{9})(?:\.(\d{1,9}))?(?![\d])"),
        _epoch_seconds,
        fraction=2,
    ),
)
BY_NAME = {fmt.name: fmt for fmt in FORMATS}


_STRFTIME = {
    "Y": rb"\d{4}",
    "y": rb"\d\d",
    "m": rb"\d{1,2}",
    "d": rb"\d{1,2}",
    "e": rb"[ \d]?\d",
    "H": rb"\d{1,2}",
    "I": rb"\d{1,2}",
    "M": rb"\d\d",
    "S": rb"\d\d",
    "f": rb"\d{1,9}",
    "b": rb"[A-Za-z]{3}",
    "B": rb"[A-Za-z]+",
    "a": rb"[A-Za-z]{3}",
    "A": rb"[A-Za-z]+",
    "p": rb"(?:AM|PM|am|pm)",
    "z": rb"(?:Z|[+-]\d\d:?\d\d)",
    "Z": rb"[A-Z]{2,5}",
    "j": rb"\d{1,3}",
    "%": rb"%",
    "T": rb"\d\d:\d\d:\d\d",
}


def custom_format(spec: str) -> TextFormat:
    """A format from a strftime pattern (``--time-format``). Raises ValueError for an unknown directive."""
    parts: list[bytes] = []
    index = 0
    while index < len(spec):
        char = spec[index]
        if char == "%" and index + 1 < len(spec):
            directive = spec[index + 1]
            if directive not in _STRFTIME:
                raise ValueError(f"%{directive} is not supported")
            parts.append(_STRFTIME[directive])
            index += 2
        else:
            parts.append(re.escape(char).encode())
            index += 1
    pattern = re.compile(b"(" + b"".join(parts) + b")")
    has_year = "%Y" in spec or "%y" in spec
    parse_spec = spec.replace("%e", "%d")

    def convert(m: re.Match[bytes], ctx: TimeContext) -> tuple[float, int]:
        text = m.group(1).decode("ascii", "replace")
        if not has_year:
            text, fmt = f"{ctx.year} {text}", f"%Y {parse_spec}"
        else:
            fmt = parse_spec
        parsed = datetime.strptime(text, fmt)
        seconds = parsed.second + parsed.microsecond / 1e6
        if parsed.tzinfo is None and not has_year:
            return ctx.yearless(parsed.month, parsed.day, parsed.hour, parsed.minute, seconds)
        offset = parsed.utcoffset()
        minutes = None if offset is None else int(offset.total_seconds() // 60)
        return ctx.epoch(parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute, seconds, minutes)

    return TextFormat("custom", spec, pattern, convert)


def to_datetime(seconds: float, offset: int) -> datetime:
    """An aware datetime at that instant with that offset, rounded to the millisecond."""
    instant = _EPOCH + timedelta(milliseconds=round(seconds * 1000))
    return instant.astimezone(timezone(timedelta(minutes=offset)))
