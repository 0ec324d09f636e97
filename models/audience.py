"""What each audience of an export is given: a copy of the document cut down to what that audience reads.

Every export format renders the copy, so that what is not in it cannot reach the reader by any format.

- ``internal``: everything, for the engineers.
- ``summary``: one page for leadership: what happened and its impact, the key durations, the primary
  factors (all factors where none is marked primary) and the P0 and P1 actions; no people.
- ``public``: for customers and status pages: the statement, what happened, the customer impact, the
  resolution, when it started and ended, and what is being done (the P0 and P1 actions, their words
  only); no people, no ids, no owners, no tickets, no timeline beyond its milestones.
"""

from __future__ import annotations

from enum import StrEnum

from postmortem.models.document import (
    ActionItem,
    Impact,
    Meta,
    Postmortem,
    Summary,
    TimelineEvent,
)
from postmortem.models.enums import Confidentiality, Milestone, Priority, Weight


class Audience(StrEnum):
    INTERNAL = "internal"
    SUMMARY = "summary"
    PUBLIC = "public"


_TOP_PRIORITIES = (Priority.P0, Priority.P1)
# How a milestone reads to the public, in place of the team's own words for its event.
_PUBLIC_MILESTONES = {
    Milestone.STARTED: "The incident began.",
    Milestone.DETECTED: "The problem was detected.",
    Milestone.MITIGATED: "The impact was mitigated.",
    Milestone.RESOLVED: "The incident was resolved.",
}


def for_audience(doc: Postmortem, audience: Audience) -> Postmortem:
    """The document as ``audience`` is given it (a new document; ``doc`` is not changed)."""
    if audience is Audience.INTERNAL:
        return doc.model_copy(deep=True)
    if audience is Audience.SUMMARY:
        return _summary(doc)
    return _public(doc)


def _meta(doc: Postmortem, confidentiality: Confidentiality) -> Meta:
    meta = doc.meta
    return Meta(
        title=meta.title,
        status=meta.status,
        severity=meta.severity,
        incident_date=meta.incident_date,
        timezone=meta.timezone,
        variant=meta.variant,
        confidentiality=confidentiality,
        services=list(meta.services),
    )


def _top_actions(doc: Postmortem) -> list[ActionItem]:
    return [action for action in doc.actions if action.priority in _TOP_PRIORITIES]


def _summary(doc: Postmortem) -> Postmortem:
    primary = [factor for factor in doc.factors if factor.weight is Weight.PRIMARY]
    events = [event for event in doc.timeline if event.milestone is not None or event.key]
    return Postmortem(
        meta=_meta(doc, doc.meta.confidentiality).model_copy(update={"id": doc.meta.id}),
        summary=doc.summary.model_copy(update={"background": "", "statement": ""}),
        impact=doc.impact.model_copy(deep=True),
        timeline=[event.model_copy(update={"actor": "", "source": "", "evidence": ""}) for event in events],
        factors=[factor.model_copy(update={"evidence": ""}) for factor in (primary or doc.factors)],
        actions=[action.model_copy(deep=True) for action in _top_actions(doc)],
    )


def _public(doc: Postmortem) -> Postmortem:
    summary, impact = doc.summary, doc.impact
    milestones = [event for event in doc.timeline if event.milestone in _PUBLIC_MILESTONES]
    return Postmortem(
        meta=_meta(doc, Confidentiality.PUBLIC).model_copy(update={"services": []}),
        summary=Summary(
            what_happened=summary.what_happened,
            resolution=summary.resolution,
            customer_impact=summary.customer_impact,
            statement=summary.statement,
        ),
        impact=Impact(
            started_at=impact.started_at,
            started_approximate=impact.started_approximate,
            users_affected=impact.users_affected,
            regions=list(impact.regions),
            customer_experience=impact.customer_experience,
            data_impact=impact.data_impact,
        ),
        timeline=[
            TimelineEvent(
                at=event.at,
                approximate=event.approximate,
                event=_PUBLIC_MILESTONES[event.milestone],
                kind=event.kind,
                milestone=event.milestone,
            )
            for event in milestones
            if event.milestone is not None
        ],
        actions=[
            ActionItem(action=action.action, status=action.status, type=action.type, horizon=action.horizon)
            for action in _top_actions(doc)
        ],
    )
