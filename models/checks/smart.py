"""Action items that are specific, measurable, assigned, time-bound and relevant; overdue ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.checks.names import is_personal
from postmortem.models.document import ActionItem, Postmortem
from postmortem.models.enums import ActionStatus, Horizon

# How long after the incident (or the review meeting) each horizon may run.
HORIZON_DAYS = {Horizon.IMMEDIATE: 7, Horizon.SHORT_TERM: 31, Horizon.LONG_TERM: 92}

_ALWAYS_VAGUE = re.compile(
    r"\b(?:be (?:more )?careful|pay (?:more )?attention|try harder|do better|be more vigilant|double-check everything)\b",
    re.IGNORECASE,
)
_VAGUE_LEAD = re.compile(
    r"^\s*(?:we (?:will|should|must) |to )?(?:improve|better|look into|review|ensure|consider|investigate|monitor"
    r"|check|think about|make sure|try to|work on|revisit|discuss|raise awareness(?: of| about)?|remind \w+ to"
    r"|address|fix)\b",
    re.IGNORECASE,
)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "our",
        "we",
        "us",
        "to",
        "of",
        "for",
        "in",
        "on",
        "at",
        "by",
        "with",
        "and",
        "or",
        "so",
        "not",
        "no",
        "does",
        "doesn't",
        "do",
        "don't",
        "again",
        "happen",
        "happens",
        "happening",
        "issue",
        "issues",
        "problem",
        "problems",
        "thing",
        "things",
        "stuff",
        "all",
        "any",
        "more",
        "better",
        "properly",
        "correctly",
        "going",
        "forward",
        "future",
        "root",
        "cause",
        "further",
        "people",
        "know",
        "about",
        "everyone",
        "everything",
        "somehow",
        "incident",
        "outage",
        "situation",
    ]
)
_MEASURE = re.compile(
    r"\b\d+(?:[.,]\d+)?(?:%|x|ms|s|m|h|d)?(?!\w)|\b[1-5]xx\b|%|\bp\d\d\b|(?<!-)\b(?:alert|alerts|test|tests|check|checks|lint"
    r"|gate|slo|sli|dashboard|canary|validation|validate|limit|threshold|budget|guard|ci|pre-commit|hook|drill)\b"
    r"|\b(?:every|each) (?:day|week|month|quarter|year|sprint|release)\b|\b(?:daily|weekly|monthly|quarterly)\b",
    re.IGNORECASE,
)
_OPEN = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
_LEAD_IN = r"^\s*(?:we (?:will|should|must) |to )?"
# An exploration: done when something comes out of it, not when someone has looked.
_EXPLORE = re.compile(
    _LEAD_IN + r"(?:look (?:into|at)|explore|investigate (?:whether|if)|research|dig into|figure out)\b", re.IGNORECASE
)
# A goal promised as a comparative ("make releases safer", "improve reliability of X", "better alerting").
_GOALS = (
    r"reliability|resilien(?:ce|cy)|robustness|stability|availability|observability|quality|visibility|safety"
    r"|security|performance|coverage|monitoring|alerting|testing|documentation|communication|process(?:es)?|tooling"
    r"|response|handling|hygiene|practices|awareness|culture|uptime|speed|scalability|durability|readiness"
    r"|confidence|collaboration|ownership|oversight|deploys?|deployments?|releases?|rollouts?|on-?call"
)
_COMPARATIVE = (
    r"safer|better|faster|quicker|easier|simpler|smoother|stronger|sturdier|tighter|clearer|cleaner|healthier"
    r"|calmer|more\s+[\w-]+|less\s+[\w-]+"
)
_GOAL = re.compile(
    _LEAD_IN + rf"(?:(?:make|keep|get)\s+(?:[\w'/-]+\s+){{1,4}}?(?:{_COMPARATIVE})\b"
    r"|(?:improve|increase|enhance|strengthen|harden|boost|bolster|raise|optimi[sz]e|better|tighten|streamline)\s+"
    rf"(?:(?:the|our|overall)\s+)*(?:[\w-]+\s+){{0,2}}?(?:{_GOALS})\b(?:\s+of\s+(?:the\s+)?[\w-]+)?"
    r"|(?:more|better|improved|stronger|safer|faster|greater|increased|enhanced|tighter|smoother|simpler)\s+"
    r"(?:[\w-]+\s+){0,2}?[\w-]+)",
    re.IGNORECASE,
)
# How a goal is reached: "…by adding a canary stage", "…with a second reviewer".
_MEANS = re.compile(r"\b(?:by\s+\w+ing|through|via|using|with\s+(?:an?|the|\w+ing))\b", re.IGNORECASE)
# Something an exploration hands over.
_DELIVERABLE = re.compile(
    r"\b(?:and|then|to)\s+(?:write|document|publish|propose|present|report|share|file|produce|deliver|decide"
    r"|recommend)\b|\b(?:proposal|rfc|design doc(?:ument)?|write-?up|report|decision|recommendation|adr|tickets?)\b",
    re.IGNORECASE,
)


_WHY_VAGUE = {
    "explore": ": it explores without saying what comes out of it",
    "goal": ": it promises an improvement without saying how or how much",
}
_HOW_SPECIFIC = {
    "explore": 'Say what the work hands over, e.g. "compare two pool sizes under load and write up a recommendation".',
    "goal": 'Say how, e.g. "make releases safer by holding each one on 5% of pods for 30 minutes".',
}
_HOW_MEASURED = {
    "explore": "Name the deliverable that closes it: a written proposal, a decision, a ticket for the fix.",
    "goal": "Give the number or the check that shows the improvement, e.g. a rollback under 5 minutes.",
}


def _open_ended(text: str) -> tuple[str, str] | None:
    """("explore", the rest) or ("goal", what follows the goal) for an action that names no change of its own."""
    explore = _EXPLORE.match(text)
    if explore is not None:
        return "explore", text
    goal = _GOAL.match(text)
    if goal is not None:
        return "goal", text[goal.end() :]
    return None


def is_specific(text: str, success: str = "") -> bool:
    """Names a concrete change: not a vague verb alone, not "be more careful". An exploration ("look into…")
    needs a deliverable, a comparative goal ("make releases safer") a means, a number, a named check or a
    deliverable, in the action or its success measure."""
    if _ALWAYS_VAGUE.search(text) or len(text.split()) < 3:
        return False
    open_ended = _open_ended(text)
    if open_ended is not None:
        kind, after = open_ended
        if _DELIVERABLE.search(text) or _DELIVERABLE.search(success):
            return True
        if kind == "explore":
            return False
        return bool(_MEANS.search(after) or _MEASURE.search(after) or _MEASURE.search(success))
    lead = _VAGUE_LEAD.match(text)
    if lead is None:
        return True
    rest = [w for w in re.findall(r"[\w'./:-]+", text[lead.end() :].lower()) if w not in _STOPWORDS]
    return len(rest) >= 3


def is_measurable(item: ActionItem) -> bool:
    """Has a success measure, or a number, threshold or named check in its wording. An exploration or a
    comparative goal needs a number, a named check or a deliverable: "releases are safer" proves nothing."""
    open_ended = _open_ended(item.action)
    if open_ended is not None:
        _, rest = open_ended
        return any(
            pattern.search(text) is not None
            for pattern, text in (
                (_MEASURE, rest),
                (_MEASURE, item.success),
                (_DELIVERABLE, item.action),
                (_DELIVERABLE, item.success),
            )
        )
    return bool(item.success.strip()) or _MEASURE.search(item.action) is not None


def check_actions(doc: Postmortem, as_of: date, as_of_basis: str = "the date given") -> Iterator[Finding]:
    """``as_of`` is the day overdue items are judged on; ``as_of_basis`` says what day that is."""
    # Horizons count from the incident or from the review meeting, whichever suits the item.
    references = [d for d in (doc.meta.incident_date, doc.review.meeting and doc.review.meeting.date()) if d]
    for index, item in enumerate(doc.actions):
        at = f"actions[{index}]"
        open_ended = _open_ended(item.action)
        kind = open_ended[0] if open_ended else ""
        if not is_specific(item.action, item.success):
            yield Finding(
                "smart.specific",
                Level.WARNING,
                f"{at}.action",
                "the action is not specific" + _WHY_VAGUE.get(kind, ""),
                _HOW_SPECIFIC.get(
                    kind, 'Name what changes and where, e.g. "add a pool-saturation alert to checkout-api".'
                ),
            )
        if not is_measurable(item):
            yield Finding(
                "smart.measurable",
                Level.WARNING,
                f"{at}.success",
                "nothing says when it is done",
                _HOW_MEASURED.get(
                    kind, "Add a success measure: a threshold, a number or a named check that proves it works."
                ),
            )
        if not item.owner.strip():
            yield Finding(
                "smart.assigned",
                Level.WARNING,
                f"{at}.owner",
                "the action has no owner",
                'Give it to a team or role that will carry it, e.g. "payments team".',
            )
        elif is_personal(item.owner):
            yield Finding(
                "smart.assigned",
                Level.INFO,
                f"{at}.owner",
                "the owner is a person's name",
                "A team or role keeps the action owned when people change jobs.",
            )
        yield from _time_bound(item, at, references)
        if not item.factors:
            yield Finding(
                "smart.relevant",
                Level.WARNING,
                f"{at}.factors",
                "the action addresses no contributing factor",
                "Link the factor ids it addresses, so reviewers see why it matters.",
            )
        if item.status in _OPEN and item.due is not None and item.due < as_of:
            yield Finding(
                "smart.overdue",
                Level.WARNING,
                f"{at}.due",
                f"the action was due on {item.due.isoformat()} and is still {item.status.value} "
                f"(as of {as_of.isoformat()}, {as_of_basis})",
                "Finish it, move the date with a reason, or mark it won't-do with a reason.",
            )


def _time_bound(item: ActionItem, at: str, references: list[date]) -> Iterator[Finding]:
    if item.due is None:
        yield Finding(
            "smart.time-bound",
            Level.WARNING,
            f"{at}.due",
            "the action has no due date",
            "Set a due date that fits its horizon.",
        )
        return
    if not references:
        return
    if item.due < references[0]:
        yield Finding(
            "smart.time-bound",
            Level.WARNING,
            f"{at}.due",
            f"due {item.due.isoformat()}, before the incident on {references[0].isoformat()}",
            "Check the due date.",
        )
        return
    if item.horizon is None:
        return
    limit = HORIZON_DAYS[item.horizon]
    if all((item.due - reference).days > limit for reference in references):
        days = (item.due - references[-1]).days
        yield Finding(
            "smart.time-bound",
            Level.WARNING,
            f"{at}.due",
            f"due {days} days after {references[-1].isoformat()}, but {item.horizon.value} items are "
            f"due within {limit}",
            "Bring the date forward, or change the horizon to match it.",
        )
