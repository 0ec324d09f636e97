"""A Markdown timeline as events: rows of a table or items of a list, each led by a time (with or without
its date), in the zone the timeline's note names; a date given once in a sub-heading holds for the rows under
it, and a time earlier than the one before it is on the next day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from postmortem.models.markdown_import.source import Block, Section
from postmortem.models.markdown_import.vocabulary import MILESTONE_WORDS, ZONE_WORDS, date_in
from postmortem.models.timeparse import zone_named

# A leading time: "08:21", "**08:21**", "2026-03-14 08:21", "08:21:05 UTC", then a separator before the text.
_LEAD = re.compile(
    r"^\s*(?:\*\*|__)?\s*(?:(?P<date>\d{4}-\d{2}-\d{2})[ T,]+)?(?P<time>(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)\s*"
    r"(?P<zone>UTC|Z|GMT)?\s*(?:\*\*|__)?\s*(?:[—–:|-]+\s*)?(?P<text>.*)$",
    re.DOTALL,
)
_TIME_COLUMNS = ("time", "when", "date", "timestamp", "time (utc)", "date/time", "datetime")
_ZONE_WORD = re.compile(
    r"(?<![\w/])(" + "|".join(re.escape(word) for word in sorted(ZONE_WORDS, key=len, reverse=True)) + r")(?![\w/])",
    re.IGNORECASE,
)
_IANA = re.compile(r"\b([A-Z][A-Za-z]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?)\b")


@dataclass
class Row:
    """One event as read: when, and its text."""

    at: datetime
    text: str


def timeline_zone(text: str) -> str | None:
    """The zone a timeline's note names first ("All times in UTC", "times are US/Pacific (PDT, UTC-7)",
    "IST"), if any."""
    found: list[tuple[int, str]] = []
    for match in _IANA.finditer(text):
        if zone_named(match.group(1)) is not None:
            found.append((match.start(), match.group(1)))
    if (said := _ZONE_WORD.search(text)) is not None:
        found.append((said.start(), ZONE_WORDS[said.group(1).lower()]))
    return min(found)[1] if found else None


def read_rows(section: Section, day: date, zone: ZoneInfo) -> tuple[list[Row], list[Block]]:
    """The events of a timeline section and its subsections, and the blocks that are not events (notes,
    paragraphs), in order."""
    rows: list[Row] = []
    others: list[Block] = []
    state = _Clock(day, zone)
    for part in [section, *section.children]:
        if part is not section and (heading_day := date_in(part.heading)) is not None:
            state.start_day(heading_day)
        for block in part.blocks:
            found = _block_rows(block, state)
            if found is None:
                others.append(block)
            else:
                rows.extend(found)
    return rows, others


class _Clock:
    """The day the next row without a date is on: moved on by a date given, and past midnight when a time is
    earlier than the one before."""

    def __init__(self, day: date, zone: ZoneInfo) -> None:
        self.day, self.zone = day, zone
        self.last: time | None = None

    def start_day(self, day: date) -> None:
        self.day = day
        self.last = None

    def at(self, day_text: str | None, clock: str) -> datetime:
        parts = [int(part) for part in clock.split(":")]
        moment = time(parts[0], parts[1], parts[2] if len(parts) > 2 else 0)
        if day_text:
            self.start_day(date.fromisoformat(day_text))
        elif self.last is not None and moment < self.last:
            self.day += timedelta(days=1)
        self.last = moment
        return datetime.combine(self.day, moment, tzinfo=self.zone)


def _lead(text: str) -> re.Match[str] | None:
    """The time (and date) leading a row, when there is one and its date is a real day."""
    lead = _LEAD.match(text)
    if lead is None or (lead.group("date") and date_in(lead.group("date")) is None):
        return None
    return lead


def _block_rows(block: Block, clock: _Clock) -> list[Row] | None:
    if block.kind == "table" and block.rows:
        header = [cell.lower() for cell in block.rows[0]]
        when = next((i for i, name in enumerate(header) if name in _TIME_COLUMNS or "time" in name), None)
        if when is None:
            return None
        rows = []
        for cells in block.rows[1:]:
            lead = _lead(cells[when]) if when < len(cells) else None
            if lead is None:
                return None
            text = " · ".join(cell for i, cell in enumerate(cells) if i != when and cell)
            rows.append(Row(clock.at(lead.group("date"), lead.group("time")), text))
        return rows
    if block.kind == "list" and block.items:
        leads = [_lead(item.text) for item in block.items]
        if not all(leads):
            return None
        return _led_rows(leads, clock)
    if block.kind == "paragraph":
        lines = block.text.split("\n")
        leads = [_lead(line) for line in lines]
        if len(lines) > 1 and all(leads):
            return _led_rows(leads, clock)
    return None


def _led_rows(leads: list[re.Match[str] | None], clock: _Clock) -> list[Row]:
    """The events of lines each led by a time: the text after it."""
    return [Row(clock.at(lead.group("date"), lead.group("time")), lead.group("text").strip()) for lead in leads if lead]


def guess_milestones(texts: list[str]) -> dict[int, str]:
    """Which event marks which milestone, from their words: each milestone at most once, the first event
    that says it; started is the first event."""
    guessed: dict[int, str] = {0: "started"} if texts else {}
    for milestone, words in MILESTONE_WORDS.items():
        for index, text in enumerate(texts):
            if index not in guessed and words.search(text):
                guessed[index] = milestone
                break
    return guessed
