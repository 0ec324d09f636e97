"""A postmortem as GitHub-flavoured Markdown.

One rule for what is empty: the sections every postmortem needs (summary,
impact, timeline, contributing factors, five whys, action items) say in one
italic line when nothing is written yet, so that reviewers see the gap;
anything else (a field, a column, a part, an optional section) is left out
while empty.

Free text is passed through as Markdown (authors may use emphasis, code or
links) and keeps its line breaks in paragraphs and lists; continuation lines
are indented so that they stay inside their list item. Text that HTML would
swallow (``<n>``, ``<hex>``, ``&amp;``) is escaped outside code, so that what
was written is what is shown. In table cells a line break becomes ``<br>``
and ``|`` is escaped, so a row never splits in two or gains a column. Times
are shown in the document's zone (``meta.timezone``); a time the clocks show twice (in the hour repeated
when they go back) has the zone's abbreviation after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar
from urllib.parse import quote
from zoneinfo import ZoneInfo

from postmortem.models.audience import Audience, for_audience
from postmortem.models.document import ActionItem, Factor, Postmortem, TimelineEvent, WhyStep
from postmortem.models.enums import ActionStatus, Milestone
from postmortem.models.imported_parts import imported_parts
from postmortem.models.labels import (
    ACTION_TABLE_FIELDS,
    FACTOR_GROUP_HEADINGS,
    HORIZON_HEADINGS,
    IMPACT_FIELDS,
    KEY_MARK,
    LABELS,
    STATUS_WORDS,
    verification_text,
)
from postmortem.models.markdown_text import outside_code
from postmortem.models.metrics import (
    compute_metrics,
    format_offset,
    milestone_order_problems,
)
from postmortem.models.timeparse import format_event_time

T = TypeVar("T")
K = TypeVar("K")
Blocks = list[str]

_ACTION_COLUMNS = tuple(LABELS[f"actions.{name}"] for name in ACTION_TABLE_FIELDS)

_TIMELINE_COLUMNS = tuple(
    "T+" if name == "offset" else LABELS[f"timeline.{name}"]
    for name in ("at", "offset", "event", "kind", "milestone", "actor", "source", "evidence")
)

# A run of backslashes right before a pipe or a line break would escape it.
_BACKSLASHES_BEFORE_BREAK = re.compile(r"\\+(?=\||$)")
_LINK_LABEL_SPECIALS = re.compile(r"([\\\[\]])")
# Characters that would end or break a link target; they are percent-encoded.
_LINK_TARGET_SPECIALS = re.compile(r"[\s()<>\\]")
# A tag, comment or entity HTML would take (``<n>``, ``</b>``, ``<!--``, ``&amp;``), unless already escaped.
_HTML_LIKE = re.compile(r"(?<!\\)((?:\\\\)*)(<(?=[A-Za-z/!?])|&(?=#?\w+;))")


def render_markdown(doc: Postmortem, audience: Audience = Audience.INTERNAL) -> str:
    """The document as ``audience`` reads it (``models.audience``), as Markdown text ending with one newline."""
    view = _View.of(for_audience(doc, audience))
    blocks: Blocks = []
    for section in _SECTIONS_FOR[audience]:
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


def _raw(value: object) -> str:
    """Text with CRLF / CR line ends made LF and outer blank space removed, as written."""
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _text(value: object) -> str:
    """Free text as Markdown that shows what was written: HTML-like text escaped outside code."""
    return outside_code(_raw(value), _escape_html)


def _escape_html(text: str) -> str:
    return _HTML_LIKE.sub(r"\1\\\2", text)


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


def _fields(pairs: Iterable[tuple[str, object]]) -> Blocks:
    """A bullet list of ``**Label:** value`` lines, leaving out the empty ones (no block when all are)."""
    lines = [f"**{label}:** {text}" for label, value in pairs if (text := _value(value))]
    return [_bullets(lines)] if lines else []


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


def _section(title: str, body: Blocks, empty: str = "") -> Blocks:
    """A level-2 section. Empty: ``empty`` in italics for a section every postmortem needs, else nothing."""
    if not body:
        return [_heading(2, title), _note(empty)] if empty else []
    return [_heading(2, title), *body]


def _parts(parts: Iterable[tuple[str, Blocks]], level: int = 3) -> Blocks:
    """Headed parts of a section, leaving out the empty ones."""
    return [block for heading, body in parts if body for block in (_heading(level, heading), *body)]


def _grouped(items: Iterable[T], key: Callable[[T], K], order: Iterable[K]) -> dict[K, list[T]]:
    """Items bucketed by ``key`` in ``order``; document order inside each bucket."""
    groups: dict[K, list[T]] = {name: [] for name in order}
    for item in items:
        groups[key(item)].append(item)
    return groups


def _paragraph(text: object) -> Blocks:
    return [body] if (body := _text(text)) else []


# Sections, in reading order


def _header(view: _View) -> Blocks:
    meta = view.doc.meta
    rows = (
        ("ID", meta.id),
        ("Status", meta.status),
        ("Severity", meta.severity),
        ("Incident date", meta.incident_date),
        ("Time zone", meta.timezone),
        (LABELS["meta.detection"], meta.detection),
        (LABELS["meta.variant"], meta.variant),
        ("Confidentiality", meta.confidentiality),
        ("Authors", meta.authors),
        ("Facilitator", meta.facilitator),
        ("Reviewers", meta.reviewers),
        ("Participants", meta.participants),
        ("Services", meta.services),
        ("Tags", meta.tags),
        (LABELS["meta.related"], meta.related),
    )
    table = _table(("Field", "Value"), ((label, text) for label, value in rows if (text := _value(value))))
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
    texts = _fields(
        (LABELS[f"summary.{name}"], getattr(summary, name))
        for name in ("what_happened", "root_cause", "resolution", "customer_impact")
    )
    timing = _fields([*moments, *compute_metrics(view.doc).shown("")])
    return _section("Executive summary", [*texts, *timing], "Not written yet.")


def _background(view: _View) -> Blocks:
    return _section("Background", _paragraph(view.doc.summary.background))


def _impact(view: _View) -> Blocks:
    impact = view.doc.impact
    fields = _fields((LABELS[f"impact.{name}"], getattr(impact, name)) for name in IMPACT_FIELDS)
    services = [_table(("Service", "Effect"), ((s.name, s.effect) for s in impact.services))] if impact.services else []
    return _section("Impact", [*fields, *_parts([(LABELS["impact.services"], services)])], "No impact recorded yet.")


def _timeline(view: _View) -> Blocks:
    events = view.doc.timeline
    if not events:
        return _section("Timeline", [], "No timeline events recorded yet.")
    intro = f"All times in {view.doc.meta.timezone}."
    if view.day is not None:
        intro += f" Times shown without a date are on {view.day.isoformat()}."
    if any(event.key for event in events):
        intro += f" {KEY_MARK} marks a key moment."
    blocks = [intro]
    problems = milestone_order_problems(view.doc)
    if problems:
        blocks.append(f"> **Warning:** the milestones are out of order: {'; '.join(problems)}.")
    # Columns nothing fills are left out.
    columns = [
        (title, cells)
        for title, cells in zip(
            _TIMELINE_COLUMNS, zip(*(_event_row(view, e) for e in events), strict=True), strict=True
        )
        if title in ("Time", "Event") or any(_raw(cell) for cell in cells)
    ]
    rows = zip(*(cells for _, cells in columns), strict=True)
    return _section("Timeline", [*blocks, _table([title for title, _ in columns], rows)])


def _event_row(view: _View, event: TimelineEvent) -> tuple[str, ...]:
    when = ("~" if event.approximate else "") + format_event_time(event.at, view.zone, view.day)
    local = event.at.astimezone(view.zone)
    if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():  # the clocks show it twice
        when += f" {local.tzname()}"
    offset = format_offset(event.at - view.start) if view.start is not None else ""
    milestone = f"**{event.milestone.value}**" if event.milestone else ""
    text = f"{KEY_MARK} {event.event}" if event.key else event.event
    return (when, offset, text, event.kind.value, milestone, event.actor, event.source, event.evidence)


def _recovery(view: _View) -> Blocks:
    return _section("Recovery", _paragraph(view.doc.response.recovery))


def _factors(view: _View) -> Blocks:
    addressed = _actions_by_factor(view.doc.actions)
    groups = _grouped(view.doc.factors, lambda factor: factor.category, FACTOR_GROUP_HEADINGS)
    parts = (
        (FACTOR_GROUP_HEADINGS[category], [block for f in group for block in _factor(f, addressed)])
        for category, group in groups.items()
    )
    return _section("Contributing factors", _parts(parts), "No contributing factors recorded yet.")


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
            (LABELS["factors.area"], factor.area),
            (LABELS["factors.weight"], factor.weight),
            (LABELS["factors.description"], factor.description),
            (LABELS["factors.why_it_mattered"], factor.why_it_mattered),
            (LABELS["factors.evidence"], factor.evidence),
            ("Addressed by", actions or _note("no action item yet")),
        ]
    )
    return [_heading(4, title), *fields]


def _five_whys(view: _View) -> Blocks:
    blocks: Blocks = []
    if view.doc.whys:
        blocks.append("Each answer explains the one before it.")
    for number, chain in enumerate(view.doc.whys, 1):
        problem = _one_line(chain.problem)
        answers = []
        previous = chain.problem
        for step in chain.steps:
            answers.append(_why_step(step, previous))
            previous = step.because or previous
        blocks += [
            _heading(3, f"Chain {number}: {problem}" if problem else f"Chain {number}"),
            _numbered(answers) if answers else _note("No answers yet."),
            *_fields([("Root cause", chain.root_cause)]),
        ]
    return _section("Five whys", blocks, "No five-whys chains recorded yet.")


def _why_step(step: WhyStep, previous: str) -> str:
    """The answer; before it the author's own question, unless it only repeats the answer above."""
    because = _text(step.because) or _note("not answered yet")
    question = _raw(step.why)
    if not question or _words(question).removeprefix("why ") in ("", "why", _words(previous)):
        return because
    return f"*{_text(question)}* {because}"


def _words(text: str) -> str:
    """Lower-case words only, for comparing two wordings of one thing."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _root_cause_summary(view: _View) -> Blocks:
    summary = _paragraph(view.doc.summary.root_cause)
    chains = [(number, _text(chain.root_cause)) for number, chain in enumerate(view.doc.whys, 1)]
    reached = [f"**Chain {number}:** {cause}" for number, cause in chains if cause]
    if reached:
        summary += ["Root causes reached by the five-whys chains:", _bullets(reached)]
    return _section("Root cause summary", summary)


def _actions(view: _View) -> Blocks:
    actions = view.doc.actions
    if not actions:
        return _section("Action items", [], "No action items recorded yet.")
    counts = _grouped(actions, lambda action: action.status, ActionStatus)
    tally = ", ".join(f"{len(group)} {STATUS_WORDS[status]}" for status, group in counts.items() if group)
    groups = _grouped(actions, lambda action: action.horizon, HORIZON_HEADINGS)
    agreed = sum(action.agreed for action in actions)
    agreement = f" {agreed} agreed in the review meeting." if agreed else ""
    parts = ((HORIZON_HEADINGS[horizon], [_action_table(group)] if group else []) for horizon, group in groups.items())
    return _section("Action items", [f"{len(actions)} in total: {tally}.{agreement}", *_parts(parts)])


def _action_table(actions: list[ActionItem]) -> str:
    """The actions' table, leaving out the columns none of them fills."""
    rows = [_action_row(action) for action in actions]
    shown = [i for i, title in enumerate(_ACTION_COLUMNS) if title == "Action" or any(_value(r[i]) for r in rows)]
    return _table([_ACTION_COLUMNS[i] for i in shown], ([row[i] for i in shown] for row in rows))


def _action_row(action: ActionItem) -> tuple[object, ...]:
    status = STATUS_WORDS[action.status] + (" (agreed)" if action.agreed else "")
    return (
        action.id,
        action.action,
        action.owner,
        action.due,
        action.priority,
        action.type,
        status,
        action.completed,
        action.success,
        _verification(action),
        action.ticket,
        action.factors,
    )


def _verification(action: ActionItem) -> str:
    """What checking the done action showed, when, and how: ``partly worked, checked 2026-04-15: a drill``."""
    return verification_text(action.verification, _raw) if action.verification else ""


def _lessons(view: _View) -> Blocks:
    lessons = view.doc.lessons
    parts = (
        (LABELS[f"lessons.{name}"], _bullet_blocks(getattr(lessons, name)))
        for name in ("went_well", "went_poorly", "lucky", "key_learnings")
    )
    return _section("Lessons learned", _parts(parts))


def _bullet_blocks(items: Iterable[str]) -> Blocks:
    texts = [text for text in map(_text, items) if text]
    return [_bullets(texts)] if texts else []


def _response(view: _View) -> Blocks:
    response = view.doc.response
    parts = (
        (LABELS[f"response.{name}"], _paragraph(getattr(response, name)))
        for name in ("mitigation", "verification", "residual_risk", "communication")
    )
    return _section("Response", _parts(parts))


def _links(view: _View) -> Blocks:
    links = [_markdown_link(link.label, link.url) for link in view.doc.links]
    return _section("Links", [_bullets(links)] if links else [])


def _markdown_link(label: str, url: str) -> str:
    text = _LINK_LABEL_SPECIALS.sub(r"\\\1", " ".join(_raw(label).split()) or " ".join(_raw(url).split()))
    target = _LINK_TARGET_SPECIALS.sub(lambda m: quote(m[0]), _raw(url))
    return f"[{_escape_html(text)}]({target})"


def _history(view: _View) -> Blocks:
    history = view.doc.history
    rows = ((entry.date, entry.author, entry.change) for entry in history)
    return _section("History", [_table(("Date", "Author", "Change"), rows)] if history else [])


def _review(view: _View) -> Blocks:
    review = view.doc.review
    blocks: Blocks = []
    if review.meeting is not None:
        blocks += _fields([("Meeting", view.moment(review.meeting))])
    if review.agenda:
        total = sum(item.minutes for item in review.agenda)
        blocks += [
            _heading(3, "Agenda"),
            _table(("Topic", "Minutes"), ((item.topic, item.minutes) for item in review.agenda)),
            f"{total} minutes in total.",
        ]
    blocks += _parts([("Notes", _paragraph(review.notes))])
    return _section("Review meeting", blocks)


def _imported(view: _View) -> Blocks:
    """The parts of an imported Markdown postmortem no field took (``[[extra.imported]]``), as written."""
    parts = [(part.heading, [part.markdown]) for part in imported_parts(view.doc) if part.markdown]
    return _section("Imported, not placed yet", _parts(parts))


_SECTIONS: tuple[Callable[[_View], Blocks], ...] = (
    _header,
    _executive_summary,
    _background,
    _impact,
    _timeline,
    _recovery,
    _factors,
    _five_whys,
    _root_cause_summary,
    _actions,
    _lessons,
    _response,
    _links,
    _history,
    _review,
    _imported,
)


# For the public: plain sections, no gaps said, nothing internal (the document is cut down beforehand).


def _public_header(view: _View) -> Blocks:
    meta = view.doc.meta
    when = f"Incident of {meta.incident_date.isoformat()}" if meta.incident_date else ""
    return [_heading(1, meta.title), *([when] if when else [])]


def _public_statement(view: _View) -> Blocks:
    return _paragraph(view.doc.summary.statement)


def _public_story(view: _View) -> Blocks:
    doc = view.doc
    started, resolved = (doc.milestone_event(m) for m in (Milestone.STARTED, Milestone.RESOLVED))
    began = doc.impact.started_at
    timing = _fields(
        [
            ("Began", view.moment(began, doc.impact.started_approximate) if began else None),
            ("Started", started and view.moment(started.at, started.approximate)),
            ("Resolved", resolved and view.moment(resolved.at, resolved.approximate)),
            ("Duration", compute_metrics(doc).show("duration", "")),
        ]
    )
    impact = _fields(
        (LABELS[f"impact.{name}"], getattr(doc.impact, name))
        for name in ("users_affected", "regions", "customer_experience", "data_impact")
    )
    return [
        *_section("What happened", _paragraph(doc.summary.what_happened)),
        *_section("Who was affected", [*_paragraph(doc.summary.customer_impact), *impact, *timing]),
        *_section("How it was resolved", _paragraph(doc.summary.resolution)),
    ]


def _public_actions(view: _View) -> Blocks:
    done = {ActionStatus.DONE: " (done)", ActionStatus.IN_PROGRESS: " (under way)"}
    items = [_text(action.action) + done.get(action.status, "") for action in view.doc.actions]
    return _section("What we are doing", [_bullets(items)] if items else [])


_SECTIONS_FOR: dict[Audience, tuple[Callable[[_View], Blocks], ...]] = {
    Audience.INTERNAL: _SECTIONS,
    Audience.SUMMARY: (_header, _executive_summary, _impact, _timeline, _factors, _actions),
    Audience.PUBLIC: (_public_header, _public_statement, _public_story, _public_actions),
}
