"""Five whys: chains that stop too early, or stop at a person instead of the system."""

from __future__ import annotations

import re
from collections.abc import Iterator

from postmortem.models.checks.blame import PERSON, SYSTEM, blame_in
from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.names import given_names
from postmortem.models.document import Postmortem

MIN_STEPS = 3
_PERSONAL_FAMILIES = {"blame.human-error", "blame.person-cause", "blame.judgement", "blame.failed-to"}


def ends_at_person(answer: str) -> bool:
    """Whether the last answer of a chain is about a person rather than the system."""
    if any(family.rule in _PERSONAL_FAMILIES for family, _ in blame_in(answer)):
        return True
    opening = " ".join(answer.split()[:4])
    names = given_names(opening)
    person = PERSON.search(opening) or (re.search(rf"\b{names[0]}\b", opening) if names else None)
    # The answer opens with a person ("The on-call engineer…", "Bob…") and no system before them.
    return person is not None and SYSTEM.search(opening[: person.start()]) is None


def check_whys(doc: Postmortem) -> Iterator[Finding]:
    for index, chain in enumerate(doc.whys):
        answered = sum(1 for step in chain.steps if step.because.strip())
        if answered < MIN_STEPS:
            yield Finding(
                "whys.short",
                Level.WARNING,
                f"whys[{index}]",
                f"the chain has {answered} answered why{'s' if answered != 1 else ''}",
                f"Keep asking until the answer is about the system; most chains need {MIN_STEPS} to 5 steps.",
            )
        answered_at = [i for i, step in enumerate(chain.steps) if step.because.strip()]
        if chain.root_cause.strip():
            location, last = f"whys[{index}].root_cause", chain.root_cause
        elif answered_at:
            location, last = f"whys[{index}].steps[{answered_at[-1]}].because", chain.steps[answered_at[-1]].because
        else:
            continue
        if ends_at_person(last):
            yield Finding(
                "whys.ends-at-person",
                Level.ERROR,
                location,
                "the chain ends at a person or at human error",
                "Ask once more: what in the tools, process or organisation let this happen?",
            )
