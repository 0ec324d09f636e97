"""What each status asks of the document: a draft may have gaps, a review needs the basics, final needs all."""

from __future__ import annotations

from collections.abc import Iterator

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.document import Postmortem
from postmortem.models.enums import Milestone, Status

REVIEW_MILESTONES = (Milestone.STARTED, Milestone.DETECTED, Milestone.RESOLVED)


def check_readiness(doc: Postmortem) -> Iterator[Finding]:
    """Errors for what the document's status requires and it lacks (nothing for a draft)."""
    status = doc.meta.status
    if status == Status.DRAFT:
        return
    needs = f"{'an' if status == Status.IN_REVIEW else 'a'} {status.value} postmortem needs"

    def missing(rule: str, location: str, what: str, suggestion: str) -> Finding:
        return Finding(f"complete.{rule}", Level.ERROR, location, f"{needs} {what}", suggestion)

    if not doc.summary.what_happened.strip():
        yield missing(
            "summary",
            "summary.what_happened",
            "a summary of what happened",
            "Two or three sentences a reader outside the team understands.",
        )
    if not (doc.impact.users_affected.strip() or doc.impact.customer_experience.strip()):
        yield missing(
            "impact", "impact.users_affected", "the impact on users", "Say who was affected and what they experienced."
        )
    milestones = Milestone if status == Status.FINAL else REVIEW_MILESTONES
    for milestone in milestones:
        if doc.milestone_event(milestone) is None:
            yield missing(
                "milestones",
                "timeline",
                f"a timeline event marked {milestone.value}",
                "Mark the event with the milestone in the timeline.",
            )
    if not doc.factors:
        yield missing(
            "factors",
            "factors",
            "at least one contributing factor",
            "Start with the technical factor, then ask what in process and organisation let it matter.",
        )
    if not any(step.because.strip() for chain in doc.whys for step in chain.steps):
        yield missing("whys", "whys", "at least one five-whys chain", "Ask why from the customer-visible problem.")
    if not doc.actions:
        yield missing("actions", "actions", "at least one action item", "What will make this less likely or less bad?")
    if status == Status.FINAL and not doc.meta.reviewers:
        yield missing("reviewers", "meta.reviewers", "its reviewers", "List who reviewed it (roles are fine).")


def final_blockers(findings: list[Finding]) -> list[Finding]:
    """The errors that keep a document from being final (any error at all)."""
    return [finding for finding in findings if finding.severity == Level.ERROR]
