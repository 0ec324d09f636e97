"""Import options from what a person typed (command-line flags or the import dialog's fields)."""

from __future__ import annotations

import re

from postmortem.models.document import Postmortem
from postmortem.models.evidence.importer import ImportOptions
from postmortem.models.evidence.timestamps import custom_format
from postmortem.models.timeparse import parse_event_time, zone_named


class OptionError(ValueError):
    """One option that cannot be used; ``name`` is the option (since, until, tz, year, time_format, grep)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def build_options(
    doc: Postmortem,
    *,
    since: str = "",
    until: str = "",
    tz: str = "",
    year: str = "",
    time_format: str = "",
    grep: str = "",
    keep_all: bool = False,
    collapse: bool = True,
    columns: dict[str, str | None] | None = None,
) -> ImportOptions:
    """Check and convert each typed option; empty text means the default."""
    zone = None
    if tz.strip():
        zone = zone_named(tz.strip())
        if zone is None:
            raise OptionError("tz", f"unknown time zone {tz.strip()!r}; use an IANA name such as Europe/Berlin")
    times = {}
    for name, text in (("since", since), ("until", until)):
        try:
            times[name] = (
                parse_event_time(text, doc.meta.incident_date, zone or doc.meta.zone) if text.strip() else None
            )
        except ValueError as error:
            raise OptionError(name, str(error)) from None
    if times["since"] and times["until"] and times["since"] > times["until"]:
        raise OptionError("until", "the window ends before it starts")
    number = None
    if year.strip():
        if not year.strip().isdigit() or not 1970 <= int(year) <= 2200:
            raise OptionError("year", f"{year.strip()!r} is not a year like 2026")
        number = int(year)
    if grep:
        try:
            re.compile(grep)
        except re.error as error:
            raise OptionError("grep", str(error)) from None
    if time_format:
        try:
            custom_format(time_format)
        except ValueError as error:
            raise OptionError("time_format", str(error)) from None
    return ImportOptions(
        times["since"],
        times["until"],
        zone,
        number,
        time_format or None,
        grep or None,
        keep_all,
        collapse,
        columns or {},
    )
