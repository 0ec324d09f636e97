"""Step 1: what the incident was, in a few lines, and who writes about it."""

from __future__ import annotations

from textual import on

from postmortem.models.checks import final_errors
from postmortem.models.enums import Confidentiality, Detection, Severity, Status, Variant
from postmortem.screens.host import document_host
from postmortem.screens.widgets.fields import FieldRow
from postmortem.screens.widgets.fields import FieldSpec as F
from postmortem.screens.wizard.step import FormStep


class SummaryStep(FormStep):
    step_id = "summary"
    intro = 'Describe what the system did, not who did what. Prefer roles ("on-call engineer") to names.'
    FIELDS = [
        F("meta.title", "Title", required=True, placeholder="Short and neutral, e.g. Checkout slow after pool change"),
        F("meta.id", "Incident id", placeholder="INC-1234"),
        F("meta.incident_date", "Incident date", "date", placeholder="YYYY-MM-DD, the day it began"),
        F("meta.timezone", "Time zone", placeholder="IANA name, e.g. Europe/Berlin"),
        F("meta.severity", "Severity", "choice", Severity),
        F("meta.status", "Status", "choice", Status, required=True),
        F("meta.detection", "Detected by", "choice", Detection),
        F("meta.variant", "Kind of incident", "choice", Variant, required=True),
        F("meta.confidentiality", "Confidentiality", "choice", Confidentiality, required=True),
        F("meta.authors", "Authors", "list", placeholder="comma separated"),
        F("meta.facilitator", "Facilitator"),
        F("meta.reviewers", "Reviewers", "list", placeholder="comma separated"),
        F("meta.participants", "Participants", "list", placeholder="roles, comma separated"),
        F("meta.services", "Services", "list", placeholder="comma separated"),
        F("meta.tags", "Tags", "list", placeholder="comma separated"),
        F("meta.related", "Related incidents", "list", placeholder="INC-1200, INC-1177"),
        F(
            "summary.what_happened",
            "What happened",
            "long",
            placeholder="Two or three sentences: what broke, who noticed the effect, how it ended.",
        ),
        F(
            "summary.background",
            "Background",
            "long",
            placeholder="What a reader must know first: how the system is set up, what was going on around it.",
        ),
        F(
            "summary.root_cause",
            "Root cause",
            "long",
            placeholder="One sentence about the system condition, not a person.",
        ),
        F("summary.resolution", "Resolution", "long", placeholder="What restored service."),
        F(
            "summary.customer_impact",
            "Customer impact",
            "long",
            placeholder="What customers saw, for how long.",
        ),
        F(
            "summary.statement",
            "Public statement",
            "long",
            placeholder="For customers and the status page: an apology, and what is being done, in plain words.",
        ),
    ]

    @on(FieldRow.Edited)
    def _status_edited(self, event: FieldRow.Edited) -> None:
        """Refuse "final" while the review checks find errors, and say why."""
        if event.row.spec.name != "meta.status" or event.value != Status.FINAL:
            return
        if self.document.meta.status == Status.FINAL:
            return
        errors = final_errors(self.document, document_host(self).today)
        if not errors:
            return
        event.prevent_default()  # the form's handler (in FormStep) must not write it
        event.row.show_value(self.document.meta.status)
        first = errors[0]
        self.notify(
            f"{len(errors)} error{'s' if len(errors) != 1 else ''} remain, e.g. {first.location or 'the document'}: "
            f"{first.message}. The Review step lists them all.",
            title="Not final yet",
            severity="warning",
            timeout=8,
        )
