"""Every free-text field of a postmortem, with its path in the file format."""

from __future__ import annotations

from collections.abc import Iterator

from postmortem.models.document import Postmortem

_SUMMARY = ("what_happened", "background", "root_cause", "resolution", "customer_impact", "statement")
_IMPACT = (
    "users_affected",
    "customer_experience",
    "data_details",
    "revenue",
    "error_rate",
    "latency",
    "availability",
    "compliance",
    "dependent_systems",
)
_LESSONS = ("went_well", "went_poorly", "lucky", "key_learnings")
_RESPONSE = ("recovery", "mitigation", "verification", "residual_risk", "communication")


def free_texts(doc: Postmortem) -> Iterator[tuple[str, str]]:
    """(location, text) for each non-empty prose field, in reading order."""
    yield "meta.title", doc.meta.title
    for name in _SUMMARY:
        yield f"summary.{name}", getattr(doc.summary, name)
    for name in _IMPACT:
        yield f"impact.{name}", getattr(doc.impact, name)
    for index, service in enumerate(doc.impact.services):
        yield f"impact.services[{index}].effect", service.effect
    for index, event in enumerate(doc.timeline):
        yield f"timeline[{index}].event", event.event
    for index, factor in enumerate(doc.factors):
        for name in ("title", "description", "why_it_mattered"):
            yield f"factors[{index}].{name}", getattr(factor, name)
    for index, chain in enumerate(doc.whys):
        yield f"whys[{index}].problem", chain.problem
        for step_index, step in enumerate(chain.steps):
            yield f"whys[{index}].steps[{step_index}].why", step.why
            yield f"whys[{index}].steps[{step_index}].because", step.because
        yield f"whys[{index}].root_cause", chain.root_cause
    for index, action in enumerate(doc.actions):
        yield f"actions[{index}].action", action.action
        yield f"actions[{index}].success", action.success
    for name in _LESSONS:
        for index, text in enumerate(getattr(doc.lessons, name)):
            yield f"lessons.{name}[{index}]", text
    for name in _RESPONSE:
        yield f"response.{name}", getattr(doc.response, name)
    yield "review.notes", doc.review.notes
