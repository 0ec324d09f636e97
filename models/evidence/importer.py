"""Evidence files in, candidate timeline events out: window, selection, collapse, merge, duplicates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from postmortem.models.document import Postmortem, TimelineEvent
from postmortem.models.enums import EventKind, Milestone
from postmortem.models.evidence.classify import guess_kind
from postmortem.models.evidence.collapse import Burst, collapse
from postmortem.models.evidence.detect import detect, split_source
from postmortem.models.evidence.records import Progress, Record, Selection, Window, one_line, preview
from postmortem.models.evidence.senders import sender
from postmortem.models.evidence.structured import SourceError, chat_export, csv_alerts, git_log, json_lines
from postmortem.models.evidence.textlog import TextLogReader
from postmortem.models.evidence.timestamps import TextFormat, TimeContext, custom_format, to_datetime

# How far before the start and after the resolution the default window reaches.
MARGIN = timedelta(hours=1)
# How much earlier than the window deploys, releases, migrations and destructive commands are looked for.
CHANGES_BEFORE = timedelta(hours=24)
# A candidate within this many seconds of an existing event with the same text is that event.
SAME_EVENT_SECONDS = 60


@dataclass
class ImportOptions:
    since: datetime | None = None
    until: datetime | None = None
    zone: ZoneInfo | None = None  # for times without an offset; the document's zone when None
    year: int | None = None  # for formats without a year; the incident date's year when None
    time_format: str | None = None
    grep: str | None = None
    keep_all: bool = False
    collapse: bool = True
    columns: dict[str, str | None] = field(default_factory=dict)  # CSV: time / text / level column names


@dataclass
class Candidate:
    at: datetime
    source: str  # file:line
    text: str
    count: int
    level: str
    kind: EventKind
    raw: str  # the first record's lines, for the preview
    example: str = ""  # the first record's text, when several were collapsed
    until: datetime | None = None  # the last record's time, when several were collapsed
    actor: str = ""
    evidence: str = ""
    existing: bool = False  # already in the timeline

    def to_event(self) -> TimelineEvent:
        evidence = self.evidence or (f"first of {self.count}: {self.example}" if self.count > 1 else "")
        return TimelineEvent(
            at=self.at,
            event=self.text,
            kind=self.kind,
            actor=self.actor,
            source=self.source,
            evidence=evidence,
            as_imported=True,
        )

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "at": self.at.isoformat(timespec="milliseconds"),
            "source": self.source,
            "text": self.text,
            "count": self.count,
            "level": self.level,
            "kind": self.kind.value,
        }
        if self.count > 1:
            data["until"] = self.until.isoformat(timespec="milliseconds") if self.until else None
            data["example"] = self.example
        if self.actor:
            data["actor"] = self.actor
        if self.existing:
            data["existing"] = True
        return data


@dataclass
class ImportResult:
    candidates: list[Candidate]
    window: Window
    problems: list[str]  # sources that could not be read, one sentence each
    bytes_read: int = 0
    notes: list[str] = field(default_factory=list)  # what is worth knowing about how the sources were read


def default_window(doc: Postmortem, options: ImportOptions) -> Window:
    """From the start milestone (or first event) to the resolution (or last event), with a margin."""
    zone = options.zone or doc.meta.zone
    start: datetime | None = None
    end: datetime | None = None
    if doc.timeline:
        first = doc.milestone_event(Milestone.STARTED) or doc.timeline[0]
        last = doc.milestone_event(Milestone.RESOLVED) or doc.timeline[-1]
        start, end = first.at - MARGIN, last.at + MARGIN
    elif doc.meta.incident_date is not None:
        start = datetime.combine(doc.meta.incident_date, time(), tzinfo=zone) - MARGIN
        end = start + timedelta(days=1) + 2 * MARGIN
    # Changes are looked for a day earlier, unless the window's start is given.
    changes_from = start - CHANGES_BEFORE if start is not None and options.since is None else None
    start = options.since or start
    end = options.until or end
    return Window(
        start.timestamp() if start else None,
        end.timestamp() if end else None,
        changes_from.timestamp() if changes_from else None,
    )


def import_evidence(
    doc: Postmortem, sources: list[str], options: ImportOptions, progress: Progress | None = None
) -> ImportResult:
    """Read every source and propose candidate events, merged in time order."""
    progress = progress or Progress()
    zone = options.zone or doc.meta.zone
    incident_day = doc.meta.incident_date or date.today()
    window = default_window(doc, options)
    # A year given is the year of every date without one; only without it is the year inferred, as the one
    # that puts the date nearest the incident.
    reference = None if options.year else window.start
    ctx = TimeContext(zone, options.year or incident_day.year, reference)
    selection = Selection(re.compile(options.grep) if options.grep else None, options.keep_all)
    custom = custom_format(options.time_format) if options.time_format else None
    paths = [split_source(spec) for spec in sources]
    progress.total = sum(path.stat().st_size for _, path in paths if path.is_file())
    candidates: list[Candidate] = []
    problems: list[str] = []
    for forced, path in paths:
        try:
            records, senders = _read(path, forced, custom, ctx, window, selection, options, progress)
            # A burst's times in its text are clock times of the document's zone, as the timeline shows them.
            candidates.extend(_candidates(str(path), records, senders, options.collapse, doc.meta.zone, incident_day))
        except SourceError as error:
            problems.append(str(error))
        except OSError as error:
            problems.append(f"{path}: {error.strerror or error}")
    candidates.sort(key=_in_order)
    _mark_existing(candidates, doc.timeline)
    return ImportResult(candidates, window, problems, progress.done, list(progress.notes))


def _read(
    path: Path,
    forced: str | None,
    custom: TextFormat | None,
    ctx: TimeContext,
    window: Window,
    selection: Selection,
    options: ImportOptions,
    progress: Progress,
) -> tuple[Iterator[Record], re.Pattern[str] | None]:
    """The source's records, and what names their sender at the head of their text (text logs)."""
    if path.is_dir():
        raise SourceError(f"{path}: is a folder; name the files in it")
    found = detect(path, forced, custom)
    if found.kind == "jsonl":
        return json_lines(path, ctx, window, selection, progress), None
    if found.kind == "csv":
        return csv_alerts(path, ctx, window, selection, progress, options.columns), None
    if found.kind == "chat":
        return chat_export(path, ctx, window, selection, progress), None
    if found.kind == "git":
        return git_log(path, ctx, window, selection, progress), None
    fmt = found.text_format
    assert fmt is not None
    return TextLogReader(path, fmt, found.prefix_limit, ctx, window, selection, progress).records(), fmt.sender


def _clock(at: datetime, zone: ZoneInfo, day: date) -> str:
    local = at.astimezone(zone)
    return local.strftime("%H:%M:%S") if local.date() == day else local.strftime("%Y-%m-%d %H:%M:%S")


def _candidates(
    name: str,
    records: Iterable[Record],
    senders: re.Pattern[str] | None,
    collapse_bursts: bool,
    zone: ZoneInfo,
    day: date,
) -> list[Candidate]:
    if not collapse_bursts:
        return [_single(name, record, senders) for record in records]
    return [_from_burst(name, burst, senders, zone, day) for burst in collapse(records)]


def _from_burst(name: str, burst: Burst, senders: re.Pattern[str] | None, zone: ZoneInfo, day: date) -> Candidate:
    if burst.count == 1:
        return _single(name, burst.first, senders)
    first = to_datetime(burst.first.at, burst.first.offset)
    last = to_datetime(burst.last.at, burst.last.offset)
    start, end = _clock(first, zone, day), _clock(last, zone, day)
    text = f"{burst.count} × {burst.shown_template()} " + (f"at {start}" if start == end else f"from {start} to {end}")
    record = burst.first
    many_hosts = len(burst.hosts) > 1
    if many_hosts:
        text += " on " + ", ".join(burst.hosts)
    actor = record.actor or sender(senders, record.text, name_host=not many_hosts)
    return Candidate(
        first,
        f"{name}:{record.line}",
        text,
        burst.count,
        record.level,
        record.kind or guess_kind(record.text, record.level),
        preview(record.raw.splitlines()),
        example=record.text,
        until=last,
        actor=actor,
        evidence=record.evidence,
    )


def _single(name: str, record: Record, senders: re.Pattern[str] | None) -> Candidate:
    return Candidate(
        to_datetime(record.at, record.offset),
        f"{name}:{record.line}",
        record.text,
        1,
        record.level,
        record.kind or guess_kind(record.text, record.level),
        preview(record.raw.splitlines()),
        actor=record.actor or sender(senders, record.text),
        evidence=record.evidence,
    )


def _in_order(candidate: Candidate) -> tuple[datetime, str, int]:
    """Time order; at one time, by file, then by line number as a number (``:9`` before ``:10``)."""
    path, _, line = candidate.source.rpartition(":")
    return candidate.at, path, int(line) if line.isdigit() else 0


def _same_text(text: str) -> str:
    return one_line(text).casefold()


def _mark_existing(candidates: list[Candidate], timeline: list[TimelineEvent]) -> None:
    sources = {event.source for event in timeline if event.source}
    times_by_text: dict[str, list[datetime]] = {}
    for event in timeline:
        times_by_text.setdefault(_same_text(event.event), []).append(event.at)
    for candidate in candidates:
        near = times_by_text.get(_same_text(candidate.text), [])
        candidate.existing = candidate.source in sources or any(
            abs((candidate.at - at).total_seconds()) <= SAME_EVENT_SECONDS for at in near
        )
