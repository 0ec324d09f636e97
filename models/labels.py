"""One label per field, the same in the wizard's forms, the exports and the meeting screen.

Keys are locations without list indexes (``factors.area`` for every factor's area).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from postmortem.models.enums import ActionStatus, Category, Horizon, VerificationResult

if TYPE_CHECKING:
    from postmortem.models.document import Verification

LABELS: dict[str, str] = {
    "meta.id": "Incident id",
    "meta.detection": "Detected by",
    "meta.variant": "Kind of incident",
    "meta.related": "Related incidents",
    "summary.what_happened": "What happened",
    "summary.background": "Background",
    "summary.root_cause": "Root cause",
    "summary.resolution": "Resolution",
    "summary.customer_impact": "Customer impact",
    "summary.statement": "Public statement",
    "impact.started_at": "Impact began",
    "impact.users_affected": "Users affected",
    "impact.regions": "Regions",
    "impact.customer_experience": "Customer experience",
    "impact.data_impact": "Data impact",
    "impact.data_details": "Data details",
    "impact.sla": "SLA",
    "impact.revenue": "Revenue",
    "impact.support_tickets": "Support tickets",
    "impact.escalations": "Escalations",
    "impact.error_rate": "Error rate",
    "impact.latency": "Latency",
    "impact.availability": "Availability",
    "impact.compliance": "Compliance",
    "impact.dependent_systems": "Dependent systems",
    "impact.services": "Services affected",
    "timeline.at": "Time",
    "timeline.event": "Event",
    "timeline.kind": "Kind",
    "timeline.milestone": "Milestone",
    "timeline.actor": "Actor",
    "timeline.source": "Source",
    "timeline.evidence": "Evidence",
    "factors.id": "ID",
    "factors.area": "Area",
    "factors.weight": "Weight",
    "factors.description": "Description",
    "factors.why_it_mattered": "Why it mattered",
    "factors.evidence": "Evidence",
    "actions.id": "ID",
    "actions.action": "Action",
    "actions.owner": "Owner",
    "actions.due": "Due date",
    "actions.priority": "Priority",
    "actions.type": "Type",
    "actions.status": "Status",
    "actions.success": "Success measure",
    "actions.ticket": "Ticket",
    "actions.factors": "Factors",
    "actions.completed": "Done on",
    "actions.verification": "Verification",
    "lessons.went_well": "What went well",
    "lessons.went_poorly": "What went poorly",
    "lessons.lucky": "Where we got lucky",
    "lessons.key_learnings": "Key learnings",
    "response.recovery": "Recovery story",
    "response.mitigation": "Mitigation",
    "response.verification": "Verification",
    "response.residual_risk": "Residual risk",
    "response.communication": "Communication",
}

# The impact's figures and texts (all but when it began and the services), in the order they are shown.
IMPACT_FIELDS = (
    "users_affected",
    "regions",
    "customer_experience",
    "data_impact",
    "data_details",
    "sla",
    "revenue",
    "support_tickets",
    "escalations",
    "error_rate",
    "latency",
    "availability",
    "compliance",
    "dependent_systems",
)

# An action item's fields as the columns of a table of actions, in order (the horizon heads the table).
ACTION_TABLE_FIELDS = (
    "id",
    "action",
    "owner",
    "due",
    "priority",
    "type",
    "status",
    "completed",
    "success",
    "verification",
    "ticket",
    "factors",
)

# The words the Markdown export heads and marks its parts with, which the Markdown import reads back.
KEY_MARK = "★"  # before a key moment's event

FACTOR_GROUP_HEADINGS: dict[Category | None, str] = {
    Category.TECHNICAL: "Technical factors",
    Category.PROCESS: "Process factors",
    Category.ORGANIZATIONAL: "Organizational factors",
    None: "Factors not categorised yet",
}

HORIZON_HEADINGS: dict[Horizon | None, str] = {
    Horizon.IMMEDIATE: "Immediate (within a week)",
    Horizon.SHORT_TERM: "Short term (within a month)",
    Horizon.LONG_TERM: "Long term (within a quarter)",
    None: "No horizon set",
}

STATUS_WORDS = {
    ActionStatus.OPEN: "open",
    ActionStatus.IN_PROGRESS: "in progress",
    ActionStatus.DONE: "done",
    ActionStatus.WONT_DO: "won't do",
}

# How a verification's result reads, in the action form's choice and in the exports (the file keeps the values).
RESULT_WORDS: dict[VerificationResult, str] = {
    VerificationResult.WORKED: "worked",
    VerificationResult.PARTLY: "partly worked",
    VerificationResult.DID_NOT: "did not work",
}


def verification_text(check: Verification, note: Callable[[str], str] = str) -> str:
    """What checking a done action showed, when, and how: ``partly worked, checked 2026-04-15: a drill``;
    ``note`` escapes the author's note for where it is shown."""
    said = f"{RESULT_WORDS[check.result]}, checked {check.checked.isoformat()}"
    return f"{said}: {note(check.note.strip())}" if check.note.strip() else said
