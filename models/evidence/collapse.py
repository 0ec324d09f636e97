"""Bursts of similar records become one event: "37 × <template> from 19:08:12 to 19:21:40"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from postmortem.models.evidence.records import Record

# Records with the same template this close (seconds) to the previous one join its burst.
GAP = 300.0

_MASKS = (
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "<id>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\b(?:0x)?(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\b"), "<hex>"),
    (re.compile(r"\"[^\"]*\"|'[^']*'"), '"…"'),
    (re.compile(r"(?<![\w.])[-+]?\d+(?:[.,:]\d+)*"), "<n>"),
)


def template(text: str) -> str:
    """The record's text with the parts that vary between similar records masked."""
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    return text


@dataclass
class Burst:
    first: Record
    last: Record
    count: int
    template: str


def collapse(records: Iterable[Record], gap: float = GAP) -> list[Burst]:
    """Group one source's records into bursts of the same template and level, in time order.

    Records are taken as they come (a log is in time order, or nearly), so only
    the bursts are kept in memory, never every record.
    """
    bursts: list[Burst] = []
    open_bursts: dict[tuple[str, str], Burst] = {}
    for record in records:
        key = (template(record.text), record.level)
        burst = open_bursts.get(key)
        if burst is not None and abs(record.at - burst.last.at) <= gap:
            burst.count += 1
            if record.at >= burst.last.at:
                burst.last = record
            elif record.at < burst.first.at:
                burst.first = record
        else:
            burst = Burst(record, record, 1, key[0])
            open_bursts[key] = burst
            bursts.append(burst)
    bursts.sort(key=lambda burst: burst.first.at)
    return bursts
