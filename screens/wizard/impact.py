"""Step 2: who and what was affected, and how much."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult

from postmortem.models.enums import DataImpact, Sla
from postmortem.models.text_formats import format_services, parse_services
from postmortem.models.timeparse import format_event_time, parse_event_time
from postmortem.screens.widgets.fields import FieldSpec as F
from postmortem.screens.wizard.step import FormStep


class ImpactStep(FormStep):
    step_id = "impact"
    intro = "Measure the effect on people and on the business. Estimates are fine; say so."
    FIELDS = [
        F("impact.users_affected", "Users affected", placeholder="a number or a share, e.g. about 18% of sessions"),
        F("impact.regions", "Regions", "list", placeholder="comma separated"),
        F(
            "impact.customer_experience",
            "Customer experience",
            "long",
            placeholder="What did people see or fail to do?",
        ),
        F(
            "impact.services",
            "Services affected",
            "lines",
            placeholder="one per line — name: effect",
            parse=parse_services,
            show=format_services,
        ),
        F("impact.data_impact", "Data impact", "choice", DataImpact),
        F(
            "impact.data_details",
            "Data details",
            "long",
            placeholder="What was delayed or lost, and whether it was recovered.",
        ),
        F("impact.sla", "SLA", "choice", Sla),
        F("impact.revenue", "Revenue", placeholder="estimate and how it was made"),
        F("impact.support_tickets", "Support tickets", "int"),
        F("impact.escalations", "Escalations", "int"),
        F("impact.error_rate", "Error rate", placeholder="e.g. peak 12% of checkout requests"),
        F("impact.latency", "Latency", placeholder="e.g. p99 from 300 ms to 9 s"),
        F("impact.availability", "Availability", placeholder="e.g. 99.2% over the month"),
        F("impact.compliance", "Compliance", placeholder="reporting duties, audits"),
        F(
            "impact.dependent_systems",
            "Dependent systems",
            "long",
            placeholder="Downstream effects on other systems or teams.",
        ),
    ]

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        # After what people saw: when they began to see it.
        place = next(i for i, spec in enumerate(self.FIELDS) if spec.name == "impact.customer_experience") + 1
        yield from self.compose_fields([*self.FIELDS[:place], *self._start_fields(), *self.FIELDS[place:]])

    def _start_fields(self) -> list[F]:
        """When the impact began: its own time, read in the document's time zone as event times are."""
        return [
            F(
                "impact.started_at",
                "Impact began",
                placeholder="optional: 17:20 or 2026-01-30 17:20",
                help="Set it when people felt the incident before or after the started milestone's event.",
                parse=self._parse_start,
                show=self._show_start,
            ),
            F("impact.started_approximate", "Start is estimated", "flag"),
        ]

    def _parse_start(self, text: str) -> datetime | None:
        if not text.strip():
            return None
        if text.strip().startswith("~"):
            raise ValueError("type the time without ~ and tick the estimate box below")
        meta = self.document.meta
        return parse_event_time(text, meta.incident_date, meta.zone)

    def _show_start(self, at: datetime | None) -> str:
        meta = self.document.meta
        return "" if at is None else format_event_time(at, meta.zone, meta.incident_date)
