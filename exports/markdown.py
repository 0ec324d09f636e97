"""A postmortem as GitHub-flavoured Markdown.

Every section is always written, in reading order; a section with nothing in
it says so in italics, so that reviewers see the gap instead of missing it.

Free text is passed through as Markdown (authors may use emphasis, code or
links) and keeps its line breaks in paragraphs and lists; continuation lines
are indented so that they stay inside their list item. In table cells a line
break becomes ``<br>`` and ``|`` is escaped, so a row never splits in two or
gains a column. Times are shown in the document's zone (``meta.timezone``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar
from urllib.parse import quote
from zoneinfo import ZoneInfo

from postmortem.models.document import ActionItem, Factor, Postmortem, TimelineEvent, WhyStep
from postmortem.models.enums import ActionStatus, ActionType, Category, Horizon, Milestone
from postmortem.models.metrics import (
    compute_metrics,
    format_offset,
    milestone_order_problems,
)
from postmortem.models.timeparse import format_event_time

T = TypeVar("T")
K = TypeVar("K")
Blocks = list[str]

NOT_RECORDED = "not recorded"
KEY_MARK = "★"

_CATEGORY_HEADINGS = {
    Category.TECHNICAL: "Technical factors",
    Category.PROCESS: "Process factors",
    Category.ORGANIZATIONAL: "Organizational factors",
}

_HORIZON_HEADINGS: dict[Horizon | None, str] = {
    Horizon.IMMEDIATE: "Immediate (within a week)",
    Horizon.SHORT_TERM: "Short term (within a month)",
    Horizon.LONG_TERM: "Long term (within a quarter)",
    None: "No horizon set",
}

_TYPE_HEADINGS: dict[ActionType | None, str] = {
    ActionType.DETECT: "Detect: notice it sooner",
    ActionType.PREVENT: "Prevent: stop it from happening again",
    ActionType.MITIGATE: "Mitigate: limit the harm next time",
    ActionType.RESPOND: "Respond: recover faster",
    ActionType.PROCESS: "Process: change how we work",
    None: "Type not set",
}

_STATUS_WORDS = {
    ActionStatus.OPEN: "open",
    ActionStatus.IN_PROGRESS: "in progress",
    ActionStatus.DONE: "done",
    ActionStatus.WONT_DO: "won't do",
}

# Shown next to a prevention task: its box already says open or done.
_SHOWN_STATUSES = (ActionStatus.IN_PROGRESS, ActionStatus.WONT_DO)

_ACTION_COLUMNS = (
    "ID",
    "Action",
    "Owner",
    "Due",
    "Priority",
    "Type",
    "Status",
    "Success measure",
    "Ticket",
    "Factors",
)

_TIMELINE_COLUMNS = ("Time", "T+", "Kind", "Milestone", "Event", "Actor")

# A run of backslashes right before a pipe or a line break would escape it.
_BACKSLASHES_BEFORE_BREAK = re.compile(r"\\+(?=\||$)")
_LINK_LABEL_SPECIALS = re.compile(r"([\\\[\]])")
# Characters that would end or break a link target; they are percent-encoded.
_LINK_TARGET_SPECIALS = re.compile(r"[\s()<>\\]")
_WHY = re.compile(r"why\b", re.IGNORECASE)
_BECAUSE = re.compile(r"because\b", re.IGNORECASE)


def render_markdown(doc: Postmortem) -> str:
    """The whole document as Markdown text ending with one newline."""
    view = _View.of(doc)
    blocks: Blocks = []
    for section in _SECTIONS:
        blocks.extend(section(view))
    return "\n\n".join(blocks) + "\n"


@dataclass(frozen=True)
class _View:
    """The document plus what several sections derive from it."""

    doc: Postmortem
    zone: ZoneInfo
    start: datetime | None
    # Timeline times on this local date are shown without it: the incident
    # date, or else the day of the start (or of the first event).
    day: date | None

    @classmethod
    def of(cls, doc: Postmortem) -> _View:
        zone = doc.meta.zone
        started = doc.milestone_event(Milestone.STARTED)
        start = started.at if started else None
        day = doc.meta.incident_date
        if day is None and doc.timeline:
            day = (start or doc.timeline[0].at).astimezone(zone).date()
        return cls(doc=doc, zone=zone, start=start, day=day)

    def moment(self, at: datetime, approximate: bool = False) -> str:
        """Date, time and zone abbreviation, e.g. ``2026-01-31 14:52 CET`` (``~`` first for an estimate)."""
        mark = "~" if approximate else ""
        return f"{mark}{format_event_time(at, self.zone, None)} {at.astimezone(self.zone).tzname()}"


# Text


def _text(value: object) -> str:
    """Free text with CRLF / CR line ends made LF and outer blank space removed."""
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _value(value: object) -> str:
    """A field's text; lists are joined with commas, leaving out blank items."""
    if isinstance(value, (list, tuple)):
        return ", ".join(item for item in map(_text, value) if item)
    return _text(value)


def _one_line(value: object) -> str:
    """Text on a single line: every run of whitespace becomes one space."""
    return " ".join(_text(value).split())


def _note(text: str) -> str:
    return f"_{text}_"


def _heading(level: int, text: str) -> str:
    line = _one_line(text)
    if line.endswith("#"):  # would be read as a closing sequence and dropped
        kept = line.rstrip("#")
        line = f"{kept}\\{line[len(kept) :]}"
    return f"{'#' * level} {line}"


def _labelled(label: str, value: object, missing: str = NOT_RECORDED) -> str:
    return f"**{label}:** {_value(value) or _note(missing)}"


# Lists


def _list_item(marker: str, text: str) -> str:
    """One list item; its continuation lines are indented to stay inside it."""
    pad = " " * len(marker)
    first, *rest = text.split("\n")
    return "\n".join([marker + first, *(pad + line if line.strip() else "" for line in rest)])


def _bullets(items: Iterable[str]) -> str:
    return "\n".join(_list_item("- ", item) for item in items)


def _numbered(items: Iterable[str]) -> str:
    return "\n".join(_list_item(f"{number}. ", item) for number, item in enumerate(items, 1))


def _fields(pairs: Iterable[tuple[str, object]]) -> str:
    """A bullet list of ``**Label:** value`` lines; missing values say so."""
    return _bullets(_labelled(label, value) for label, value in pairs)


# Tables


def _cell(value: object) -> str:
    lines = _value(value).split("\n")
    return "<br>".join(map(_cell_line, lines))


def _cell_line(line: str) -> str:
    if "\\" in line:
        line = _BACKSLASHES_BEFORE_BREAK.sub(lambda m: "&#92;" * len(m[0]), line)
    return line.replace("|", "\\|")


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(map(_cell, cells)) + " |"


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = [_row(headers), "| " + " | ".join("---" for _ in headers) + " |"]
    lines.extend(map(_row, rows))
    return "\n".join(lines)


# Section scaffolding


def _section(title: str, body: Blocks, empty: str) -> Blocks:
    """A level-2 section; ``empty`` is said in italics when ``body`` is empty."""
    return [_heading(2, title), *(body or [_note(empty)])]


def _subsections(title: str, parts: Iterable[tuple[str, Blocks]], empty: str, part_empty: str = "") -> Blocks:
    """A section made of level-3 parts; one note when every part is empty."""
    parts = list(parts)
    if not any(body for _, body in parts):
        return _section(title, [], empty)
    blocks = [_heading(2, title)]
    for heading, body in parts:
        blocks += [_heading(3, heading), *(body or [_note(part_empty)])]
    return blocks


def _grouped(items: Iterable[T], key: Callable[[T], K], order: Iterable[K]) -> dict[K, list[T]]:
    """Items bucketed by ``key`` in ``order``; document order inside each bucket."""
    groups: dict[K, list[T]] = {name: [] for name in order}
    for item in items:
        groups[key(item)].append(item)
    return groups


# Sections, in reading order


def _header(view: _View) -> Blocks:
    meta = view.doc.meta
    rows = (
        ("ID", meta.id),
        ("Status", meta.status),
        ("Severity", meta.severity),
        ("Incident date", meta.incident_date),
        ("Time zone", meta.timezone),
        ("Detection", meta.detection),
        ("Variant", meta.variant),
        ("Confidentiality", meta.confidentiality),
        ("Authors", meta.authors),
        ("Facilitator", meta.facilitator),
        ("Reviewers", meta.reviewers),
        ("Participants", meta.participants),
        ("Services", meta.services),
        ("Tags", meta.tags),
        ("Related incidents", meta.related),
    )
    table = _table(("Field", "Value"), ((label, _value(value) or "—") for label, value in rows))
    return [_heading(1, f"Postmortem: {meta.title}"), table]


def _executive_summary(view: _View) -> Blocks:
    summary, impact = view.doc.summary, view.doc.impact
    started, resolved = (view.doc.milestone_event(m) for m in (Milestone.STARTED, Milestone.RESOLVED))
    moments = [
        (label, event and view.moment(event.at, event.approximate))
        for label, event in (("Started", started), ("Resolved", resolved))
    ]
    # The impact start is optional: said only where the document records one, before the start or after it.
    if impact.started_at is not None:
        earlier = started is None or impact.started_at < started.at
        moments.insert(
            0 if earlier else 1, ("Impact began", view.moment(impact.started_at, impact.started_approximate))
        )
    timing = [
        *moments,
        *compute_metrics(view.doc).shown(""),
    ]
    return [
        _heading(2, "Executive summary"),
        _labelled("What happened", summary.what_happened, "not written yet"),
        _labelled("Root cause", summary.root_cause, "not written yet"),
        _labelled("Resolution", summary.resolution, "not written yet"),
        _labelled("Customer impact", summary.customer_impact, "not written yet"),
        _fields(timing),
    ]


def _impact(view: _View) -> Blocks:
    impact = view.doc.impact
    fields = [
        ("Users affected", impact.users_affected),
        ("Regions", impact.regions),
        ("Customer experience", impact.customer_experience),
        ("Data impact", impact.data_impact),
        ("Data details", impact.data_details),
        ("SLA", impact.sla),
        ("Revenue", impact.revenue),
        ("Support tickets", impact.support_tickets),
        ("Escalations", impact.escalations),
        ("Error rate", impact.error_rate),
        ("Latency", impact.latency),
        ("Availability", impact.availability),
        ("Compliance", impact.compliance),
        ("Dependent systems", impact.dependent_systems),
    ]
    if not impact.services and not any(_value(value) for _, value in fields):
        return _section("Impact", [], "No impact recorded yet.")
    services = (
        _table(("Service", "Effect"), ((s.name, s.effect) for s in impact.services))
        if impact.services
        else _note("No affected services listed yet.")
    )
    return [_heading(2, "Impact"), _fields(fields), _heading(3, "Services affected"), services]


def _timeline(view: _View) -> Blocks:
    events = view.doc.timeline
    if not events:
        return _section("Timeline", [], "No timeline events recorded yet.")
    intro = f"All times in {view.doc.meta.timezone}."
    if view.day is not None:
        intro += f" Times shown without a date are on {view.day.isoformat()}."
    blocks = [_heading(2, "Timeline"), intro]
    problems = milestone_order_problems(view.doc)
    if problems:
        blocks.append(f"> **Warning:** the milestones are out of order: {'; '.join(problems)}.")
    if any(event.key for event in events):
        blocks.append(f"{KEY_MARK} marks a key moment.")
    rows = (_event_row(view, event) for event in events)
    return [*blocks, _table(_TIMELINE_COLUMNS, rows)]


def _event_row(view: _View, event: TimelineEvent) -> tuple[str, ...]:
    when = ("~" if event.approximate else "") + format_event_time(event.at, view.zone, view.day)
    offset = format_offset(event.at - view.start) if view.start is not None else ""
    milestone = f"**{event.milestone.value}**" if event.milestone else ""
    text = f"{KEY_MARK} {_text(event.event)}" if event.key else _text(event.event)
    where = [
        f"{label}: {_text(value)}"
        for label, value in (("Source", event.source), ("Evidence", event.evidence))
        if value.strip()
    ]
    if where:
        text += "\n" + " · ".join(where)
    return (when, offset, event.kind.value, milestone, text, event.actor)


def _factors(view: _View) -> Blocks:
    addressed = _actions_by_factor(view.doc.actions)
    groups = _grouped(view.doc.factors, lambda factor: factor.category, Category)
    parts = (
        (_CATEGORY_HEADINGS[category], [block for f in group for block in _factor(f, addressed)])
        for category, group in groups.items()
    )
    return _subsections(
        "Contributing factors",
        parts,
        "No contributing factors recorded yet.",
        "None recorded in this category.",
    )


def _actions_by_factor(actions: Iterable[ActionItem]) -> dict[str, list[str]]:
    addressed: dict[str, list[str]] = {}
    for number, action in enumerate(actions, 1):
        for factor_id in action.factors:
            addressed.setdefault(factor_id, []).append(action.id or f"action {number}")
    return addressed


def _factor(factor: Factor, addressed: dict[str, list[str]]) -> Blocks:
    title = f"{factor.id}: {factor.title}" if factor.id.strip() else factor.title
    actions = addressed.get(factor.id) if factor.id.strip() else None
    fields = _fields(
        [
            ("Area", factor.area),
            ("Weight", factor.weight),
            ("Description", factor.description),
            ("Why it mattered", factor.why_it_mattered),
            ("Evidence", factor.evidence),
            ("Addressed by", actions or _note("no action item yet")),
        ]
    )
    return [_heading(4, title), fields]


def _five_whys(view: _View) -> Blocks:
    blocks: Blocks = []
    for number, chain in enumerate(view.doc.whys, 1):
        steps = _numbered(map(_why_step, chain.steps)) if chain.steps else _note("No steps yet.")
        blocks += [
            _heading(3, f"Chain {number}"),
            _labelled("Problem", chain.problem),
            steps,
            _labelled("Root cause", chain.root_cause, "not found yet"),
        ]
    return _section("Five whys", blocks, "No five-whys chains recorded yet.")


def _why_step(step: WhyStep) -> str:
    """``Why …? → Because …``, without doubling words the author already wrote."""
    why = _text(step.why) or "…"
    because = _text(step.because) or "…"
    why = _capitalised(why) if _WHY.match(why) else f"Why {_mid_sentence(why)}"
    if not why.endswith("?"):
        why += "?"
    because = _capitalised(because) if _BECAUSE.match(because) else f"Because {_mid_sentence(because)}"
    return f"{why} → {because}"


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _mid_sentence(text: str) -> str:
    """``Requests waited`` -> ``requests waited``; ``DNS`` or ``PostgreSQL`` stay as written."""
    word = text.split(maxsplit=1)[0]
    if word == "A" or (len(word) > 1 and word[0].isupper() and word[1:].islower()):
        return text[0].lower() + text[1:]
    return text


def _root_cause_summary(view: _View) -> Blocks:
    summary = _text(view.doc.summary.root_cause)
    chains = [_text(chain.root_cause) for chain in view.doc.whys]
    if not summary and not any(chains):
        return _section("Root cause summary", [], "No root cause recorded yet.")
    blocks = [_heading(2, "Root cause summary")]
    blocks.append(summary or _note("The summary root cause is not written yet."))
    if chains:
        blocks += [
            "Root causes reached by the five-whys chains:",
            _bullets(
                f"**Chain {number}:** {cause or _note('not found yet')}" for number, cause in enumerate(chains, 1)
            ),
        ]
    return blocks


def _actions(view: _View) -> Blocks:
    actions = view.doc.actions
    if not actions:
        return _section("Action items", [], "No action items recorded yet.")
    counts = _grouped(actions, lambda action: action.status, ActionStatus)
    tally = ", ".join(f"{len(group)} {_STATUS_WORDS[status]}" for status, group in counts.items() if group)
    groups = _grouped(actions, lambda action: action.horizon, _HORIZON_HEADINGS)
    agreed = sum(action.agreed for action in actions)
    agreement = f" {agreed} agreed in the review meeting." if agreed else ""
    blocks = [_heading(2, "Action items"), f"{len(actions)} in total: {tally}.{agreement}"]
    for horizon, group in groups.items():
        if horizon is None and not group:
            continue
        body = _table(_ACTION_COLUMNS, map(_action_row, group)) if group else _note("None planned.")
        blocks += [_heading(3, _HORIZON_HEADINGS[horizon]), body]
    return blocks


def _action_row(action: ActionItem) -> tuple[object, ...]:
    return (
        action.id,
        action.action,
        action.owner,
        action.due,
        action.priority,
        action.type,
        action.status,
        action.success,
        action.ticket,
        action.factors,
    )


def _prevention(view: _View) -> Blocks:
    groups = _grouped(view.doc.actions, lambda action: action.type, _TYPE_HEADINGS)
    parts = ((_TYPE_HEADINGS[kind], [_bullets(map(_task, group))]) for kind, group in groups.items() if group)
    return _subsections(
        "Prevention measures",
        parts,
        "No prevention measures yet: they are the action items, grouped by type.",
    )


def _task(action: ActionItem) -> str:
    box = "[x]" if action.status is ActionStatus.DONE else "[ ]"
    label = f"{_one_line(action.id)}: " if action.id.strip() else ""
    details = [
        f"owner: {_text(action.owner)}" if action.owner.strip() else "no owner yet",
        f"due {action.due.isoformat()}" if action.due else "",
        _STATUS_WORDS[action.status] if action.status in _SHOWN_STATUSES else "",
        "agreed in review" if action.agreed else "",
    ]
    return f"{box} {label}{_text(action.action)} ({'; '.join(d for d in details if d)})"


def _lessons(view: _View) -> Blocks:
    lessons = view.doc.lessons
    parts = (
        ("What went well", lessons.went_well),
        ("What went poorly", lessons.went_poorly),
        ("Where we got lucky", lessons.lucky),
        ("Key learnings", lessons.key_learnings),
    )
    return _subsections(
        "Lessons learned",
        ((heading, _bullet_blocks(items)) for heading, items in parts),
        "No lessons recorded yet.",
        "Nothing recorded yet.",
    )


def _bullet_blocks(items: Iterable[str]) -> Blocks:
    texts = [text for text in map(_text, items) if text]
    return [_bullets(texts)] if texts else []


def _response(view: _View) -> Blocks:
    response = view.doc.response
    parts = (
        ("Mitigation", response.mitigation),
        ("Verification", response.verification),
        ("Residual risk", response.residual_risk),
        ("Communication", response.communication),
    )
    return _subsections(
        "Response",
        ((heading, [_text(text)] if _text(text) else []) for heading, text in parts),
        "No response details recorded yet.",
        "Not recorded yet.",
    )


def _links(view: _View) -> Blocks:
    links = [_markdown_link(link.label, link.url) for link in view.doc.links]
    return _section("Links", [_bullets(links)] if links else [], "No links recorded yet.")


def _markdown_link(label: str, url: str) -> str:
    text = _LINK_LABEL_SPECIALS.sub(r"\\\1", _one_line(label) or _one_line(url))
    target = _LINK_TARGET_SPECIALS.sub(lambda m: quote(m[0]), _text(url))
    return f"[{text}]({target})"


def _history(view: _View) -> Blocks:
    history = view.doc.history
    rows = ((entry.date, entry.author, entry.change) for entry in history)
    body = [_table(("Date", "Author", "Change"), rows)] if history else []
    return _section("History", body, "No history recorded yet.")


def _review(view: _View) -> Blocks:
    review = view.doc.review
    blocks: Blocks = []
    if review.meeting is not None:
        blocks.append(_labelled("Meeting", view.moment(review.meeting)))
    if review.agenda:
        total = sum(item.minutes for item in review.agenda)
        blocks += [
            _heading(3, "Agenda"),
            _table(("Topic", "Minutes"), ((item.topic, item.minutes) for item in review.agenda)),
            f"{total} minutes in total.",
        ]
    if _text(review.notes):
        blocks += [_heading(3, "Notes"), _text(review.notes)]
    return _section("Review meeting", blocks, "No review meeting recorded yet.")


_SECTIONS: tuple[Callable[[_View], Blocks], ...] = (
    _header,
    _executive_summary,
    _impact,
    _timeline,
    _factors,
    _five_whys,
    _root_cause_summary,
    _actions,
    _prevention,
    _lessons,
    _response,
    _links,
    _history,
    _review,
)
