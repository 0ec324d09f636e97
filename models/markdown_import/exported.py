"""The Markdown this app exports (``exports/markdown.py``), read back field by field.

An export is known by its title (``# Postmortem: …``) and the ``| Field | Value |`` table under it. Its
sections are read by the export's own headings, labels and columns, and its escaping is undone, so that every
field the Markdown shows comes back as it was. What the export works out from the fields (the metrics, the
T+ column, the tallies, the root-cause summary, which actions address a factor) is worked out again rather
than read. A part this reader does not know (a section added by hand after the export) is kept as written,
as in any other import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from postmortem.models.labels import (
    ACTION_TABLE_FIELDS,
    FACTOR_GROUP_HEADINGS,
    HORIZON_HEADINGS,
    IMPACT_FIELDS,
    KEY_MARK,
    LABELS,
    RESULT_WORDS,
    STATUS_WORDS,
)
from postmortem.models.markdown_import.source import Block, Item, Section, Source
from postmortem.models.markdown_text import outside_code
from postmortem.models.metrics import IMPACTED_LABEL, METRIC_LABELS
from postmortem.models.timeparse import zone_named

_TITLE_PREFIX = "Postmortem: "
_HEADER = {
    "ID": "id",
    "Status": "status",
    "Severity": "severity",
    "Incident date": "incident_date",
    "Time zone": "timezone",
    LABELS["meta.detection"]: "detection",
    LABELS["meta.variant"]: "variant",
    "Confidentiality": "confidentiality",
    "Authors": "authors",
    "Facilitator": "facilitator",
    "Reviewers": "reviewers",
    "Participants": "participants",
    "Services": "services",
    "Tags": "tags",
    LABELS["meta.related"]: "related",
}
_META_LISTS = frozenset(("authors", "reviewers", "participants", "services", "tags", "related"))
_SUMMARY_FIELDS = ("what_happened", "root_cause", "resolution", "customer_impact")
# Labels of the lines the export works out from the fields (moments of milestones, metrics, factor links).
_WORKED_OUT = frozenset(("Started", "Resolved", *METRIC_LABELS, IMPACTED_LABEL, "Addressed by"))
# Blocks the export words itself, from the fields or for every document: read as nothing.
_OWN_BLOCK = re.compile(
    r"^(_[^_]+\._"  # a section's note that it is empty: "_No timeline events recorded yet._"
    r"|\d+ in total: .*"  # the actions' tally
    r"|\d+ minutes in total\."  # the agenda's
    r"|Each answer explains the one before it\."
    r"|> \*\*Warning:\*\* the milestones are out of order: .*)$",
    re.DOTALL,
)
_LABELLED = re.compile(r"^\*\*(.+?):\*\* (.*)$", re.DOTALL)
_MOMENT = re.compile(r"^(~)?(?:(\d{4}-\d{2}-\d{2}) )?(\d{2}:\d{2}(?::\d{2})?)(?: (\S+))?$")
_TIMELINE_NOTE = re.compile(r"^All times in (\S+)\.(?: Times shown without a date are on (\d{4}-\d{2}-\d{2})\.)?")
_STATUS = {word: status for status, word in STATUS_WORDS.items()}
_RESULT = {word: result for result, word in RESULT_WORDS.items()}
_VERIFICATION = re.compile(
    "^(" + "|".join(map(re.escape, _RESULT)) + r"), checked (\d{4}-\d{2}-\d{2})(?:: (.*))?$", re.DOTALL
)
_LINK = re.compile(r"^\[((?:[^\\\]]|\\.)*)\]\((\S*)\)$", re.DOTALL)

# The export's escaping, undone (``exports/markdown.py``: ``_text``, ``_cell``, ``_heading``).
_HTML_ESCAPED = re.compile(r"(?<!\\)((?:\\\\)*)\\(<(?=[A-Za-z/!?])|&(?=#?\w+;))")
_CELL_BREAK = re.compile(r"(?<!\\)<br>")
_BACKSLASH_ENTITY = re.compile(r"(?<!\\)&#92;")


@dataclass
class ExportRead:
    """What an export gives: the document's fields (as the model takes them) and the parts kept as written."""

    fields: dict[str, Any]
    kept: list[dict[str, str]] = field(default_factory=list)
    placed: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def is_export(source: Source) -> bool:
    """Whether the Markdown is this app's export: its title and the field table under it."""
    blocks = source.preamble.blocks
    return (
        source.title.startswith(_TITLE_PREFIX)
        and bool(blocks)
        and blocks[0].kind == "table"
        and blocks[0].rows[:1] == [["Field", "Value"]]
    )


def read_export(source: Source) -> ExportRead:
    reader = _Reader(source)
    reader.read()
    return reader.result


class _Reader:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.meta: dict[str, Any] = {"title": unescape_heading(source.title.removeprefix(_TITLE_PREFIX))}
        self.fields: dict[str, Any] = {
            "meta": self.meta,
            "summary": {},
            "impact": {},
            "timeline": [],
            "factors": [],
            "whys": [],
            "actions": [],
            "lessons": {},
            "response": {},
            "links": [],
            "history": [],
            "review": {},
        }
        self.result = ExportRead(self.fields)
        self.zone = ZoneInfo("UTC")

    def read(self) -> None:
        if self.source.front_matter_markdown:
            self._keep("Front matter", self.source.front_matter_markdown)
        header, *rest = self.source.preamble.blocks
        self._header(header)
        for block in rest:
            self._keep("Text under the title", block.markdown)
        sections: dict[str, Callable[[Section], None]] = {
            "Executive summary": self._executive_summary,
            "Background": lambda s: self._text(s, "summary", "background"),
            "Impact": self._impact,
            "Timeline": self._timeline,
            "Recovery": lambda s: self._text(s, "response", "recovery"),
            "Contributing factors": self._factors,
            "Five whys": self._whys,
            "Root cause summary": self._root_cause_summary,
            "Action items": self._actions,
            "Lessons learned": self._lessons,
            "Response": self._response,
            "Links": self._links,
            "History": self._history,
            "Review meeting": self._review,
            "Imported, not placed yet": self._imported,
        }
        known = 0
        for section in self.source.sections:
            read = sections.get(section.heading)
            if read is None:
                self._keep(section.heading, section.text)
            else:
                read(section)
                known += 1
        self.result.placed.insert(0, f"This app's Markdown export ({known} sections) -> the fields it shows")

    def _keep(self, heading: str, markdown: str) -> None:
        if markdown.strip():
            self.result.kept.append({"heading": heading, "markdown": markdown})
            self.result.unplaced.append(heading or "(no heading)")

    def _keep_block(self, section: Section, block: Block) -> None:
        if not _OWN_BLOCK.match(block.markdown):
            self._keep(section.heading, block.markdown)

    def _keep_section(self, section: Section) -> None:
        self._keep(section.heading, section.text)

    def _keep_rest(self, section: Section, blocks: list[Block] | None = None) -> None:
        """The blocks (none by default) and the subsections of a part, kept as written: what it holds besides
        what was read from it."""
        for block in blocks or []:
            self._keep_block(section, block)
        for child in section.children:
            self._keep_section(child)

    # The title's table

    def _header(self, table: Block) -> None:
        for row in table.rows[1:]:
            label, value = (row + ["", ""])[:2]
            name = _HEADER.get(label)
            if name is None or name in self.meta:
                self._keep("Title table", f"| {label} | {value} |")
                continue
            self.meta[name] = _split_list(value, unescape_cell) if name in _META_LISTS else unescape_cell(value)
        self.zone = zone_named(self.meta.get("timezone", "UTC")) or self.zone  # else the model names the bad zone

    # Labelled fields: "- **What happened:** …"

    def _labelled(self, section: Section, block: Block, labels: dict[str, Callable[[str], None]]) -> None:
        """Each ``**Label:** value`` item to its field; a block with other items is kept as written."""
        if block.kind != "list" or block.ordered:
            self._keep_block(section, block)
            return
        for item in block.items:
            match = _LABELLED.match(item_text(item))
            if match is None or (match.group(1) not in labels and match.group(1) not in _WORKED_OUT):
                self._keep(section.heading, item.markdown)
            elif match.group(1) in labels:
                labels[match.group(1)](match.group(2))

    def _setter(self, table: str, name: str, listed: bool = False) -> Callable[[str], None]:
        def put(value: str) -> None:
            self.fields[table][name] = _split_list(value, unescape_text) if listed else unescape_text(value)

        return put

    def _executive_summary(self, section: Section) -> None:
        labels = {LABELS[f"summary.{name}"]: self._setter("summary", name) for name in _SUMMARY_FIELDS}
        labels[LABELS["impact.started_at"]] = self._impact_began
        for block in section.blocks:
            self._labelled(section, block, labels)
        self._keep_rest(section)

    def _impact_began(self, value: str) -> None:
        moment = self._moment(value, None)
        if moment is None:
            self._keep("Executive summary", f"- **{LABELS['impact.started_at']}:** {value}")
            return
        self.fields["impact"]["started_at"], self.fields["impact"]["started_approximate"] = moment

    def _text(self, section: Section, table: str, name: str) -> None:
        if section.text:
            self.fields[table][name] = unescape_text(section.text)

    def _impact(self, section: Section) -> None:
        labels = {
            LABELS[f"impact.{name}"]: self._setter("impact", name, listed=name == "regions") for name in IMPACT_FIELDS
        }
        for block in section.blocks:
            self._labelled(section, block, labels)
        for child in section.children:
            if child.heading == LABELS["impact.services"] and _is_table(child, ["Service", "Effect"]):
                self._keep_rest(child, child.blocks[1:])
                rows = child.blocks[0].rows[1:]
                self.fields["impact"]["services"] = [
                    {"name": unescape_cell(row[0]), "effect": unescape_cell(row[1])} for row in rows
                ]
            else:
                self._keep_section(child)

    # Timeline

    def _timeline(self, section: Section) -> None:
        day = None
        for block in section.blocks:
            note = _TIMELINE_NOTE.match(block.markdown) if block.kind == "paragraph" else None
            if note is not None:
                day = date.fromisoformat(note.group(2)) if note.group(2) else None
            elif block.kind == "table" and block.rows[0][:1] == [LABELS["timeline.at"]]:
                self._events(section, block, day)
            else:
                self._keep_block(section, block)
        self._keep_rest(section)

    def _events(self, section: Section, table: Block, day: date | None) -> None:
        names = {
            LABELS[f"timeline.{name}"]: name
            for name in ("at", "event", "kind", "milestone", "actor", "source", "evidence")
        }
        header = table.rows[0]
        for cells in table.rows[1:]:
            values = {names[title]: cell for title, cell in zip(header, cells, strict=False) if title in names}
            moment = self._moment(values.get("at", ""), day)
            if moment is None:
                self._keep(section.heading, "| " + " | ".join(cells) + " |")
                continue
            event: dict[str, Any] = {"at": moment[0], "approximate": moment[1]}
            text = unescape_cell(values.get("event", ""))
            if text.startswith(f"{KEY_MARK} "):
                event["key"], text = True, text[len(KEY_MARK) + 1 :]
            event["event"] = text
            for name in ("kind", "actor", "source", "evidence"):
                if values.get(name):
                    event[name] = unescape_cell(values[name])
            if milestone := values.get("milestone", "").strip("*"):
                event["milestone"] = milestone
            self.fields["timeline"].append(event)

    def _moment(self, text: str, day: date | None) -> tuple[datetime, bool] | None:
        """A time as the export shows it (``~2026-03-14 08:21 CET``, ``08:21``), in the document's zone; the
        zone's abbreviation, when given, says which of a time the clocks show twice it is."""
        match = _MOMENT.match(text.strip())
        if match is None:
            return None
        try:
            on = date.fromisoformat(match.group(2)) if match.group(2) else day
            clock = datetime.strptime(match.group(3), "%H:%M:%S" if match.group(3).count(":") == 2 else "%H:%M")
        except ValueError:
            return None
        if on is None:
            return None
        local = datetime.combine(on, clock.time(), tzinfo=self.zone)
        if match.group(4) and local.tzname() != match.group(4):
            local = local.replace(fold=1)
        return local, match.group(1) is not None

    # Factors

    def _factors(self, section: Section) -> None:
        categories = {heading: category for category, heading in FACTOR_GROUP_HEADINGS.items()}
        for block in section.blocks:
            self._keep_block(section, block)
        for group in section.children:
            if group.heading not in categories:
                self._keep_section(group)
                continue
            for block in group.blocks:
                self._keep_block(group, block)
            for part in group.children:
                self._factor(part, categories[group.heading])

    def _factor(self, part: Section, category: Any) -> None:
        heading = unescape_heading(part.heading)
        factor_id, title = heading.split(": ", 1) if re.match(r"^\S+: ", heading) else ("", heading)
        factor: dict[str, Any] = {"id": factor_id, "title": title, "category": category}
        labels = {
            LABELS[f"factors.{name}"]: _put(factor, name)
            for name in ("area", "weight", "description", "why_it_mattered", "evidence")
        }
        for block in part.blocks:
            self._labelled(part, block, labels)
        self._keep_rest(part)
        self.fields["factors"].append(factor)

    # Five whys

    def _whys(self, section: Section) -> None:
        for block in section.blocks:
            self._keep_block(section, block)
        for part in section.children:
            match = re.match(r"^Chain \d+(?:: (.*))?$", part.heading, re.DOTALL)
            if match is None:
                self._keep_section(part)
                continue
            chain: dict[str, Any] = {"problem": unescape_heading(match.group(1) or ""), "steps": []}
            for block in part.blocks:
                if block.kind == "list" and block.ordered:
                    chain["steps"] = [_why_step(item_text(item)) for item in block.items]
                else:
                    self._labelled(part, block, {"Root cause": _put(chain, "root_cause")})
            self._keep_rest(part)
            self.fields["whys"].append(chain)

    def _root_cause_summary(self, section: Section) -> None:
        """Worked out from the summary's root cause and the chains' own: kept as written when it says more."""
        said, _, _ = section.text.partition("Root causes reached by the five-whys chains:")
        causes = [
            f"**Chain {n}:** {cause}"
            for n, chain in enumerate(self.fields["whys"], 1)
            if (cause := chain.get("root_cause"))
        ]
        listed = [
            unescape_text(item_text(item)) for block in section.blocks if block.kind == "list" for item in block.items
        ]
        if (
            section.children
            or listed != causes
            or (unescape_text(said.strip("\n")) != self.fields["summary"].get("root_cause", ""))
        ):
            self._keep_section(section)

    # Action items

    def _actions(self, section: Section) -> None:
        horizons = {heading: horizon for horizon, heading in HORIZON_HEADINGS.items()}
        for block in section.blocks:
            self._keep_block(section, block)
        for group in section.children:
            if group.heading not in horizons:
                self._keep_section(group)
                continue
            for block in group.blocks:
                if block.kind == "table" and LABELS["actions.action"] in block.rows[0]:
                    self._action_rows(block, horizons[group.heading])
                else:
                    self._keep_block(group, block)
            self._keep_rest(group)

    def _action_rows(self, table: Block, horizon: Any) -> None:
        names = {LABELS[f"actions.{name}"]: name for name in ACTION_TABLE_FIELDS}
        header = table.rows[0]
        for cells in table.rows[1:]:
            action: dict[str, Any] = {"horizon": horizon}
            for title, cell in zip(header, cells, strict=False):
                name = names.get(title)
                value = unescape_cell(cell)
                if name is None or not value:
                    continue
                if name == "status":
                    word = value.removesuffix(" (agreed)")
                    action["agreed"] = word != value
                    action["status"] = _STATUS.get(word, word)
                elif name == "verification":
                    action["verification"] = _verification(value)
                elif name == "factors":
                    action["factors"] = _split_list(cell, unescape_cell)
                else:
                    action[name] = value
            self.fields["actions"].append(action)

    # Lessons, response, links, history, review

    def _lessons(self, section: Section) -> None:
        names = {LABELS[f"lessons.{name}"]: name for name in ("went_well", "went_poorly", "lucky", "key_learnings")}
        for block in section.blocks:
            self._keep_block(section, block)
        for part in section.children:
            if part.heading not in names:
                self._keep_section(part)
                continue
            for block in part.blocks:
                if block.kind == "list" and not block.ordered:
                    items = [unescape_text(item_text(item)) for item in block.items]
                    self.fields["lessons"].setdefault(names[part.heading], []).extend(items)
                else:
                    self._keep_block(part, block)

    def _response(self, section: Section) -> None:
        names = {
            LABELS[f"response.{name}"]: name
            for name in ("mitigation", "verification", "residual_risk", "communication")
        }
        for block in section.blocks:
            self._keep_block(section, block)
        for part in section.children:
            if part.heading in names and not part.children:
                self._text(part, "response", names[part.heading])
            else:
                self._keep_section(part)

    def _links(self, section: Section) -> None:
        for block in section.blocks:
            if block.kind != "list":
                self._keep_block(section, block)
                continue
            for item in block.items:
                match = _LINK.match(item_text(item))
                if match is None:
                    self._keep(section.heading, item.markdown)
                    continue
                label = re.sub(r"\\([\\\[\]])", r"\1", unescape_text(match.group(1)))
                self.fields["links"].append({"label": label, "url": match.group(2)})

    def _history(self, section: Section) -> None:
        if not _is_table(section, ["Date", "Author", "Change"]) or len(section.blocks) > 1 or section.children:
            self._keep_section(section)
            return
        for row in section.blocks[0].rows[1:]:
            self.fields["history"].append(
                {"date": row[0], "author": unescape_cell(row[1]), "change": unescape_cell(row[2])}
            )

    def _review(self, section: Section) -> None:
        for block in section.blocks:
            self._labelled(section, block, {"Meeting": self._meeting})
        for part in section.children:
            if part.heading == "Agenda" and _is_table(part, ["Topic", "Minutes"]):
                self.fields["review"]["agenda"] = [
                    {"topic": unescape_cell(topic), "minutes": minutes} for topic, minutes in part.blocks[0].rows[1:]
                ]
                self._keep_rest(part, part.blocks[1:])
            elif part.heading == "Notes" and not part.children:
                self._text(part, "review", "notes")
            else:
                self._keep_section(part)

    def _meeting(self, value: str) -> None:
        moment = self._moment(value, None)
        if moment is None:
            self._keep("Review meeting", f"- **Meeting:** {value}")
        else:
            self.fields["review"]["meeting"] = moment[0]

    def _imported(self, section: Section) -> None:
        for block in section.blocks:
            self._keep_block(section, block)
        for part in section.children:
            self._keep(unescape_heading(part.heading), part.text)


def _put(target: dict[str, Any], name: str) -> Callable[[str], None]:
    def put(value: str) -> None:
        target[name] = unescape_text(value)

    return put


def _is_table(section: Section, header: list[str]) -> bool:
    """Whether the section opens with a table of these columns, every row complete."""
    first = section.blocks[0] if section.blocks else None
    return (
        first is not None
        and first.kind == "table"
        and first.rows[0] == header
        and all(len(row) == len(header) for row in first.rows)
    )


def _why_step(answer: str) -> dict[str, str]:
    """An answer as the export shows it: ``*the question* the answer``, the answer alone, or
    ``_not answered yet_``."""
    question = re.match(r"^\*((?:[^*]|\\\*)+?)\* (.*)$", answer, re.DOTALL)
    why, because = (question.group(1), question.group(2)) if question else ("", answer)
    return {
        "why": unescape_text(why),
        "because": "" if because == "_not answered yet_" else unescape_text(because),
    }


def _verification(text: str) -> dict[str, Any] | str:
    match = _VERIFICATION.match(text)
    if match is None:
        return text  # the model names what it cannot take
    return {"result": _RESULT[match.group(1)], "checked": match.group(2), "note": match.group(3) or ""}


def _split_list(markdown: str, unescape: Callable[[str], str]) -> list[str]:
    """The items of a list the export joins with commas, each unescaped on its own (as each was escaped)."""
    return [unescape(part) for part in markdown.split(", ") if part]


# Undoing the export's escaping


def item_text(item: Item) -> str:
    """A list item's whole text as written: after its marker, continuation lines without their indent."""
    first, *rest = item.markdown.split("\n")
    marker = re.match(r"^(?:[-*+]|\d+[.)])(?: |$)", first)
    pad = len(marker.group(0)) if marker else 0
    lines = [first[pad:], *(line[pad:] if line[:pad].strip() == "" else line for line in rest)]
    return "\n".join(lines)


def unescape_text(text: str) -> str:
    """Free text as written, from the export's Markdown of it: HTML-like text unescaped outside code."""
    return outside_code(text, lambda part: _HTML_ESCAPED.sub(r"\1\2", part))


def unescape_cell(cell: str) -> str:
    """A table cell's text as written: ``<br>`` back to line breaks and ``&#92;`` to backslashes (the parser
    has already turned ``\\|`` back into ``|``)."""
    lines = [_BACKSLASH_ENTITY.sub(r"\\", line) for line in _CELL_BREAK.split(cell)]
    return unescape_text("\n".join(lines)).strip()


def unescape_heading(heading: str) -> str:
    """A heading's text: a closing ``#`` run kept by a backslash freed."""
    return unescape_text(re.sub(r"\\(#+)$", r"\1", heading))
