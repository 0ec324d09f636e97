"""Review checks: blameless wording, five whys, SMART action items, completeness by status, consistency.

``run_checks`` returns every finding for a document; nothing here imports Textual.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from postmortem.models.checks.blame import check_text
from postmortem.models.checks.consistency import check_consistency
from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.imported import check_imported
from postmortem.models.checks.readiness import check_readiness, final_blockers
from postmortem.models.checks.smart import check_actions
from postmortem.models.checks.texts import free_texts
from postmortem.models.checks.whys import check_whys
from postmortem.models.document import Postmortem
from postmortem.models.enums import Status


def as_of(doc: Postmortem, given: date | None = None) -> tuple[date, str]:
    """The day overdue actions are judged on, and what it is: the day given (``--as-of``), else the review
    meeting's day when the document has one (a postmortem written after the fact is not judged on
    today), else today."""
    if given is not None:
        return given, "the date given"
    if doc.review.meeting is not None:
        return doc.review.meeting.date(), "the review meeting's date"
    return date.today(), "today"


def run_checks(doc: Postmortem, today: date | None = None) -> list[Finding]:
    """Every finding, in the order of the document's sections; ``today`` is an as-of date given."""
    findings: list[Finding] = []
    for location, text in free_texts(doc):
        if text.strip():
            findings.extend(check_text(location, text))
    findings.extend(check_whys(doc))
    findings.extend(check_actions(doc, *as_of(doc, today)))
    findings.extend(check_consistency(doc))
    findings.extend(check_imported(doc))
    findings.extend(check_readiness(doc))
    if doc.meta.status == Status.FINAL:
        errors = final_blockers(findings)
        if errors:
            findings.append(
                Finding(
                    "complete.errors",
                    Level.ERROR,
                    "meta.status",
                    f"a final postmortem has no errors; {len(errors)} remain",
                    "Fix the errors, or set the status back to in-review.",
                )
            )
    return findings


def final_errors(doc: Postmortem, today: date | None = None) -> list[Finding]:
    """The errors the document would have as a final postmortem (none: it may be made final)."""
    status = doc.meta.status
    doc.meta.status = Status.FINAL
    try:
        findings = run_checks(doc, today)
    finally:
        doc.meta.status = status
    return [f for f in findings if f.severity == Level.ERROR and f.rule != "complete.errors"]


def record_findings(doc: Postmortem, section: str, record: BaseModel, today: date | None = None) -> list[Finding]:
    """The findings about one record (an event, a factor, an action) as it would be in ``doc``.

    Its locations read ``<section>[0].<field>``. Only what the record needs to be
    judged is copied: the document's dates and factors.
    """
    # Any: model_construct is typed field by field, and which field ``section`` names is known only at run time.
    sections: dict[str, Any] = {"factors": doc.factors, section: [record]}
    probe = Postmortem.model_construct(meta=doc.meta, review=doc.review, **sections)
    prefix = f"{section}[0]"
    return [f for f in run_checks(probe, today) if f.location.startswith(prefix)]


__all__ = ["Finding", "Level", "final_blockers", "final_errors", "record_findings", "run_checks"]
