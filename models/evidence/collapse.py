"""Bursts of similar records become one event: "37 × <template> from 19:08:12 to 19:21:40".

Records that differ only in a numbered host at their head (``web01``, ``web-02``: a syslog line's
host) join one burst, which names its hosts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from postmortem.models.evidence.records import SHAPE, Record

# Records with the same template this close (seconds) to the previous one join its burst.
GAP = 300.0

_MASKS = (
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "<id>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "<ip>"),
    (re.compile(r"\b(?:0x)?(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\b"), "<hex>"),
    (re.compile(r"\"[^\"]*\"|'[^']*'"), '"…"'),
    (re.compile(r"(?<![\w.])[-+]?\d+(?:[.,:]\d+)*"), "<n>"),
)


# A numbered host at the head of a record's text: "web-01 checkout[811]: …".
_HOST = re.compile(r"[A-Za-z][A-Za-z-]*?-?\d+(?=[\s:])")
_HOST_NUMBER = re.compile(r"\d+$")


def numbered_host(text: str) -> str | None:
    """The numbered host a record's text starts with (``web-01``), if it starts with one."""
    found = _HOST.match(text)
    return found[0] if found else None


def template(text: str) -> str:
    """The record's text with the parts that vary between similar records masked."""
    for pattern, mask in _MASKS:
        text = pattern.sub(mask, text)
    return text


def _shown_template(text: str) -> str:
    """The template a burst shows: also the number of a host at the head masked."""
    host = numbered_host(text)
    if host is not None:
        text = _masked_host(host) + text[len(host) :]
    return template(text)


def _masked_host(host: str) -> str:
    return _HOST_NUMBER.sub("<n>", host)


@dataclass
class Burst:
    first: Record
    last: Record
    count: int
    template: str
    hosts: list[str] = field(default_factory=list)  # the numbered hosts at the head of its records, in order

    def shown_template(self) -> str:
        """The template, naming the host at its head when all its records came from that one."""
        if len(self.hosts) != 1:
            return self.template
        masked = _masked_host(self.hosts[0])
        return self.hosts[0] + self.template[len(masked) :] if self.template.startswith(masked) else self.template


# Records of one shape (see SHAPE) have one template when the template keeps no digit (every digit in them is
# masked), and any numbered host at their head has the same length.
_DIGITS = re.compile(r"[0-9]")
# Shapes remembered at most (a storm has a handful; records full of hexadecimal ids have one each).
MEMO_SIZE = 50_000


class Templates:
    """Each record's template, worked out once per shape instead of once per record."""

    def __init__(self) -> None:
        self._by_shape: dict[bytes, tuple[str, str, int]] = {}

    def of(self, text: str, shape: bytes = b"") -> tuple[str, str, str | None]:
        """The template, the key a burst is found by (the template in any case: ``ERROR`` is ``error``), and the
        numbered host at the head. ``shape`` is the text's, when the caller has it."""
        shape = shape or text.encode("utf-8", "surrogatepass").translate(SHAPE)
        known = self._by_shape.get(shape)
        if known is not None:
            shown, key, host_length = known
            return shown, key, text[:host_length] if host_length else None
        shown, host = _shown_template(text), numbered_host(text)
        key = shown.casefold()
        if _DIGITS.search(shown) is None:
            if len(self._by_shape) >= MEMO_SIZE:
                self._by_shape.clear()
            self._by_shape[shape] = (shown, key, len(host) if host else 0)
        return shown, key, host


def collapse(records: Iterable[Record], gap: float = GAP) -> list[Burst]:
    """Group one source's records into bursts of the same template and level, in time order.

    Records are taken as they come (a log is in time order, or nearly), so only
    the bursts are kept in memory, never every record.
    """
    bursts: list[Burst] = []
    open_bursts: dict[tuple[str, str], Burst] = {}
    template_of = Templates().of
    for record in records:
        shown, text_key, host = template_of(record.text, record.shape)
        key = (text_key, record.level)
        burst = open_bursts.get(key)
        if burst is not None and abs(record.at - burst.last.at) <= gap:
            burst.count += 1
            if host is not None and host not in burst.hosts:
                burst.hosts.append(host)
            if record.at >= burst.last.at:
                burst.last = record
            elif record.at < burst.first.at:
                burst.first = record
        else:
            burst = Burst(record, record, 1, shown, [host] if host is not None else [])
            open_bursts[key] = burst
            bursts.append(burst)
    bursts.sort(key=lambda burst: burst.first.at)
    return bursts
