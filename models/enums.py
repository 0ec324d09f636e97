"""The closed sets of values allowed by the postmortem file format."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in-review"
    FINAL = "final"


class Severity(StrEnum):
    SEV1 = "SEV-1"
    SEV2 = "SEV-2"
    SEV3 = "SEV-3"
    SEV4 = "SEV-4"


class Detection(StrEnum):
    ALERT = "alert"
    CUSTOMER_REPORT = "customer-report"
    INTERNAL_REPORT = "internal-report"
    MONITORING = "monitoring"
    OTHER = "other"


class Variant(StrEnum):
    STANDARD = "standard"
    SECURITY = "security"
    DATA_LOSS = "data-loss"
    PERFORMANCE = "performance"
    THIRD_PARTY = "third-party"
    RECURRING = "recurring"


class Confidentiality(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    CONFIDENTIAL = "confidential"


class DataImpact(StrEnum):
    NONE = "none"
    DELAYED = "delayed"
    LOST = "lost"


class Sla(StrEnum):
    MET = "met"
    AT_RISK = "at-risk"
    BREACHED = "breached"
    NOT_APPLICABLE = "not-applicable"


class EventKind(StrEnum):
    PRECURSOR = "precursor"
    TRIGGER = "trigger"
    SYMPTOM = "symptom"
    DETECTION = "detection"
    ESCALATION = "escalation"
    DIAGNOSIS = "diagnosis"
    MITIGATION = "mitigation"
    RECOVERY = "recovery"
    RESOLUTION = "resolution"
    COMMUNICATION = "communication"
    NOTE = "note"


class Milestone(StrEnum):
    """Milestones in the order they are expected to happen."""

    STARTED = "started"
    DETECTED = "detected"
    ACKNOWLEDGED = "acknowledged"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"


class Category(StrEnum):
    TECHNICAL = "technical"
    PROCESS = "process"
    ORGANIZATIONAL = "organizational"


class Area(StrEnum):
    CODE = "code"
    CONFIG = "config"
    INFRASTRUCTURE = "infrastructure"
    DEPENDENCIES = "dependencies"
    TESTING = "testing"
    REVIEW = "review"
    DEPLOYMENT = "deployment"
    MONITORING = "monitoring"
    RESPONSE = "response"
    KNOWLEDGE = "knowledge"
    COMMUNICATION = "communication"
    RESOURCES = "resources"
    INCENTIVES = "incentives"


AREAS_BY_CATEGORY: dict[Category, tuple[Area, ...]] = {
    Category.TECHNICAL: (Area.CODE, Area.CONFIG, Area.INFRASTRUCTURE, Area.DEPENDENCIES),
    Category.PROCESS: (
        Area.TESTING,
        Area.REVIEW,
        Area.DEPLOYMENT,
        Area.MONITORING,
        Area.RESPONSE,
    ),
    Category.ORGANIZATIONAL: (
        Area.KNOWLEDGE,
        Area.COMMUNICATION,
        Area.RESOURCES,
        Area.INCENTIVES,
    ),
}


class Weight(StrEnum):
    PRIMARY = "primary"
    SECONDARY = "secondary"
    ENVIRONMENTAL = "environmental"


class Priority(StrEnum):
    P0 = "P0"
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"


class Horizon(StrEnum):
    IMMEDIATE = "immediate"
    SHORT_TERM = "short-term"
    LONG_TERM = "long-term"


class ActionType(StrEnum):
    DETECT = "detect"
    PREVENT = "prevent"
    MITIGATE = "mitigate"
    RESPOND = "respond"
    PROCESS = "process"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    WONT_DO = "wont-do"


class VerificationResult(StrEnum):
    """What checking a done action showed: the fix worked, partly worked, or did not."""

    WORKED = "worked"
    PARTLY = "partly"
    DID_NOT = "did-not"
