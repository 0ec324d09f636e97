"""The library's filter as you type: every word must match; a word matches an incident's title, id, services,
tags, factor areas and categories, status, severity or kind, and a date or a range of dates its day."""

from __future__ import annotations

import re
from datetime import date

from postmortem.models.library.entry import Entry

# 2026, 2026-02, 2026-02-12, and ranges of them with "..": 2026-01..2026-03, 2025.., ..2026-06-30.
_DAY = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_RANGE = re.compile(rf"^({_DAY})?\.\.({_DAY})?$")
_ONE = re.compile(rf"^{_DAY}$")


def matches(entry: Entry, query: str) -> bool:
    return all(_word_matches(entry, word) for word in query.casefold().split())


def _word_matches(entry: Entry, word: str) -> bool:
    if _ONE.match(word):
        return entry.date is not None and entry.date.isoformat().startswith(word)
    if (found := _RANGE.match(word)) and word != "..":
        if entry.date is None:
            return False
        low, high = found[1], found[2]
        day = entry.date.isoformat()
        return (low is None or day >= _first(low)) and (high is None or day <= _last(high))
    fields = (
        entry.title,
        entry.id,
        entry.status,
        entry.severity or "",
        entry.kind,
        *entry.services,
        *entry.tags,
        *entry.areas,
        *entry.categories,
    )
    return any(word in text.casefold() for text in fields)


def _first(prefix: str) -> str:
    return (prefix + "-01-01")[:10] if len(prefix) < 10 else prefix


def _last(prefix: str) -> str:
    if len(prefix) == 4:
        return prefix + "-12-31"
    if len(prefix) == 7:
        year, month = int(prefix[:4]), int(prefix[5:])
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    return prefix
