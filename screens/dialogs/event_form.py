"""The form for adding or editing one timeline event."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from postmortem.models.document import TimelineEvent
from postmortem.models.enums import EventKind, Milestone
from postmortem.models.timeparse import format_event_time, parse_event_time
from postmortem.screens.dialogs.record_form import RecordForm
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.fields import FieldSpec as F


class EventForm(RecordForm[TimelineEvent]):
    model = TimelineEvent
    list_name = "timeline"
    first_field = "at"

    incident_date: date | None = None
    zone: ZoneInfo = ZoneInfo("UTC")
    default_time: datetime | None = None

    def open_as(
        self,
        title: str,
        initial: TimelineEvent | None,
        *,
        incident_date: date | None,
        zone: ZoneInfo,
        default_time: datetime | None = None,
    ) -> EventForm:
        self.incident_date = incident_date
        self.zone = zone
        self.default_time = default_time
        self._open(title, initial)
        return self

    def _refill(self) -> None:
        self.query_one("#dialog-at", FieldRow).set_help(self._zone_help())
        super()._refill()

    def _zone_help(self) -> str:
        return f"Times without an offset are in {getattr(self.zone, 'key', str(self.zone))}."

    def _show_time(self, at: datetime | None) -> str:
        return "" if at is None else format_event_time(at, self.zone, self.incident_date)

    def _parse_time(self, text: str) -> datetime:
        # An unchanged time keeps the offset it was entered or imported with.
        if self.initial is not None and text.strip() == self._show_time(self.initial.at):
            return self.initial.at
        return parse_event_time(text, self.incident_date, self.zone)

    def initial_values(self) -> dict[str, Any]:
        values = super().initial_values()
        if self.initial is None:
            values["at"] = self.default_time
        return values

    def completed(self, values: dict[str, Any]) -> dict[str, Any]:
        # Text the author rewrote is no longer the line as imported; a milestone the author chose (another
        # one, or none) is no longer a guess.
        if self.initial is not None and values.get("event") != self.initial.event:
            values["as_imported"] = False
        if self.initial is not None and values.get("milestone") != self.initial.milestone:
            values["milestone_guessed"] = False
        return values

    def field_specs(self) -> list[F]:
        return [
            F(
                "at",
                "Time",
                placeholder="14:05, 2026-01-31 14:05 or ISO with offset",
                help=self._zone_help(),
                required=True,
                parse=self._parse_time,
                show=self._show_time,
            ),
            F(
                "event",
                "Event",
                "long",
                required=True,
                placeholder="Neutral words: what the system or the team saw or did.",
            ),
            F("kind", "Kind", "choice", EventKind, required=True),
            F(
                "milestone",
                "Milestone",
                "choice",
                Milestone,
                help="Each milestone marks one event; choosing it here moves it.",
            ),
            F("actor", "Actor", placeholder="a role or a system, e.g. on-call SRE, deploy pipeline"),
            F("source", "Source", placeholder="where this is known from: alert, chat, deploy log"),
            F("evidence", "Evidence", placeholder="link or reference"),
            F("key", "Key moment", "flag"),
            F(
                "approximate",
                "Time is an estimate",
                "flag",
                help="Shown as ~23:00; durations measured from it are marked as approximate.",
            ),
        ]
