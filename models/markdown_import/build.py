"""A postmortem document from a Markdown one, and the report of what went where.

Sections are matched by meaning (vocabulary.py); what a section holds goes to the document's fields in the
author's words, as written. A section, paragraph or table that no field takes is kept verbatim in the
document's ``[extra]`` table (``[[extra.imported]]``: its heading and its Markdown), so nothing is lost;
the report names each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from postmortem.models.document import ActionItem, Factor, Meta, Postmortem, TimelineEvent
from postmortem.models.enums import ActionStatus, Category, Milestone, Priority, Severity
from postmortem.models.imported_parts import KEY
from postmortem.models.markdown_import.exported import is_export, read_export
from postmortem.models.markdown_import.records import actions_from, factors_from
from postmortem.models.markdown_import.source import Block, Section, Source, read_source
from postmortem.models.markdown_import.timeline import guess_milestones, read_rows, timeline_zone
from postmortem.models.markdown_import.vocabulary import date_in, section_kind
from postmortem.models.timeparse import zone_named

IMPORTED = KEY  # the key in [extra] of what could not be placed
_SEVERITY_WORDS = {
    "critical": "SEV-1",
    "sev1": "SEV-1",
    "sev-1": "SEV-1",
    "sev 1": "SEV-1",
    "high": "SEV-2",
    "major": "SEV-2",
    "sev2": "SEV-2",
    "sev-2": "SEV-2",
    "sev 2": "SEV-2",
    "medium": "SEV-3",
    "moderate": "SEV-3",
    "sev3": "SEV-3",
    "sev-3": "SEV-3",
    "sev 3": "SEV-3",
    "low": "SEV-4",
    "minor": "SEV-4",
    "sev4": "SEV-4",
    "sev-4": "SEV-4",
    "sev 4": "SEV-4",
}
# Keys of front matter and of "Key: value" lines, as the document names their fields.
_META_KEYS = {
    "title": "title",
    **dict.fromkeys(("date", "incident_date", "started", "day"), "incident_date"),
    **dict.fromkeys(("severity", "sev"), "severity"),
    "status": "status",
    **dict.fromkeys(("authors", "author", "written_by"), "authors"),
    **dict.fromkeys(("services", "service", "affected_services", "systems"), "services"),
    **dict.fromkeys(("tags", "labels"), "tags"),
    **dict.fromkeys(("id", "incident_id", "incident", "ticket"), "id"),
    **dict.fromkeys(("timezone", "time_zone", "tz"), "timezone"),
    **dict.fromkeys(("facilitator", "incident_commander", "ic"), "facilitator"),
}
_IMPACT_KEYS = {
    **dict.fromkeys(("users affected", "affected users", "customers affected"), "users_affected"),
    **dict.fromkeys(("regions", "region"), "regions"),
    **dict.fromkeys(("revenue", "revenue impact"), "revenue"),
    "error rate": "error_rate",
}
_SEVERITY_IN_TEXT = re.compile(r"\bSEV[- ]?([1-4])\b", re.IGNORECASE)
_FIGURE = re.compile(r"^\s*(?:\*\*|__)?([A-Za-z][\w ()/-]{1,40}?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$")


@dataclass
class MarkdownImport:
    document: Postmortem
    placed: list[str] = field(default_factory=list)  # "Timeline -> 12 timeline events (4 milestones guessed)"
    unplaced: list[str] = field(default_factory=list)  # headings kept in [extra] as written


def import_markdown(text: str, name: str = "", zone: str | None = None) -> MarkdownImport:
    """The document a Markdown postmortem gives. ``zone`` (an IANA name) is the zone of times whose text
    names none; by default the zone the timeline's note names, else UTC."""
    source = read_source(text)
    if is_export(source):  # this app's own export: read back field by field, its zone stated in it
        read = read_export(source)
        document = Postmortem.model_validate({**read.fields, "extra": {IMPORTED: read.kept} if read.kept else {}})
        return MarkdownImport(document, read.placed, read.unplaced)
    return _Builder(source, name, zone).build()


class _Builder:
    def __init__(self, source: Source, name: str, zone: str | None) -> None:
        self.source = source
        self.name = name
        self.zone_given = zone
        self.data: dict[str, Any] = {"summary": {}, "impact": {}, "lessons": {}, "response": {}}
        self.meta: dict[str, Any] = {}
        self.events: list[TimelineEvent] = []
        self.actions: list[ActionItem] = []
        self.factors: list[Factor] = []
        self.kept: list[dict[str, str]] = []
        self.placed: list[str] = []  # the report: what went where
        self.unplaced: list[str] = []  # and the headings kept as written

    def build(self) -> MarkdownImport:
        self._front_matter()
        self.meta["title"] = self.source.title or self.meta.get("title") or _title_from(self.name)
        if self.source.preamble.blocks:
            self._preamble(self.source.preamble)
        day = self._incident_date()
        self.meta["timezone"] = self.zone_given or self.meta.get("timezone") or self._document_zone() or "UTC"
        if "severity" not in self.meta and (severity := _SEVERITY_IN_TEXT.search(self._all_text())) is not None:
            self.meta["severity"] = f"SEV-{severity.group(1)}"
            self.placed.append(f"SEV-{severity.group(1)} in the text -> meta.severity")
        for section in self.source.sections:
            self._section(section, day)
        document = Postmortem(
            meta=Meta(**self.meta),
            summary=self.data["summary"],
            impact=self.data["impact"],
            timeline=sorted(self.events, key=lambda event: event.at),
            factors=self.factors,
            actions=self.actions,
            lessons=self.data["lessons"],
            response=self.data["response"],
            extra={IMPORTED: self.kept} if self.kept else {},
        )
        return MarkdownImport(document, self.placed, self.unplaced)

    # Where the document's date, zone and title come from

    def _front_matter(self) -> None:
        front = self.source.front_matter
        kept = dict(front)
        fields = []
        for key, value in front.items():
            if (name := self._meta_value(key, value)) is not None:
                kept.pop(key)
                fields.append(name)
        if fields:
            self.placed.append("Front matter -> " + ", ".join(fields))
        if kept:
            self.kept.append({"heading": "Front matter", "markdown": self.source.front_matter_markdown})
            self.unplaced.append("Front matter (" + ", ".join(kept) + ")")

    def _meta_value(self, key: str, value: Any) -> str | None:
        """Put a front matter or stats value in the document's meta: the field's name, or None when it has no
        place there."""
        text = ", ".join(value) if isinstance(value, list) else str(value).strip()
        listed = value if isinstance(value, list) else [part.strip() for part in text.split(",") if part.strip()]
        key = key.lower().replace(" ", "_")
        name = _META_KEYS.get(key)
        if name is None or not text:
            return None
        if name in ("authors", "services", "tags"):
            self.meta[name] = listed
        elif name == "incident_date":
            if (day := date_in(text)) is None:
                return None
            self.meta[name] = day
        elif name == "severity":
            if (severity := _severity(text)) is None:
                return None
            self.meta[name] = severity
        elif name == "status":
            status = text.lower().replace(" ", "-")
            if status not in ("draft", "in-review", "final"):
                return None
            self.meta[name] = status
        elif name == "timezone":
            if (zone := timeline_zone(text)) is None:
                return None
            self.meta[name] = zone
        else:
            self.meta[name] = text
        return f"meta.{name}"

    def _incident_date(self) -> date | None:
        if "incident_date" not in self.meta:
            found = date_in(self.source.title) or date_in(self._all_text())
            if found is not None:
                self.meta["incident_date"] = found
        return self.meta.get("incident_date")

    def _document_zone(self) -> str | None:
        for section in self._sections():
            if section_kind(section.heading) == "timeline":
                return timeline_zone(section.heading + "\n" + "\n".join(b.markdown for b in section.all_blocks()))
        return None

    def _sections(self) -> list[Section]:
        found: list[Section] = []

        def walk(sections: list[Section]) -> None:
            for section in sections:
                found.append(section)
                walk(section.children)

        walk(self.source.sections)
        return found

    def _all_text(self) -> str:
        return "\n".join([self.source.preamble.markdown, *(section.markdown for section in self._sections())])

    # Sections

    def _preamble(self, preamble: Section) -> None:
        """The text under the title, before any section: figures (Severity: high) and the summary."""
        rest = self._figures(preamble.blocks)
        if rest and not self.data["summary"].get("what_happened"):
            self.data["summary"]["what_happened"] = "\n\n".join(block.markdown for block in rest)
            self.placed.append("Text under the title -> summary.what_happened")
        elif rest:
            self._keep("Text under the title", "\n\n".join(block.markdown for block in rest))

    def _section(self, section: Section, day: date | None) -> None:
        kind = section_kind(section.heading)
        handler = {
            "summary": lambda: self._text(section, "summary", "what_happened"),
            "background": lambda: self._text(section, "summary", "background"),
            "impact": lambda: self._impact(section),
            "timeline": lambda: self._timeline(section, day),
            "root cause": lambda: self._root_cause(section),
            "factors": lambda: self._factors(section),
            "resolution": lambda: self._text(section, "summary", "resolution"),
            "mitigation": lambda: self._text(section, "response", "mitigation"),
            "recovery": lambda: self._text(section, "response", "recovery"),
            "communication": lambda: self._text(section, "response", "communication"),
            "actions": lambda: self._actions(section),
            "lessons": lambda: self._lessons(section),
            "went well": lambda: self._list(section, "went_well"),
            "went poorly": lambda: self._list(section, "went_poorly"),
            "lucky": lambda: self._list(section, "lucky"),
            "attendees": lambda: self._attendees(section),
            "stats": lambda: self._stats(section),
        }.get(kind or "")
        if handler is None:
            self._keep(section.heading, section.text)
            for child in section.children:
                self._section(child, day)
            return
        handler()

    def _keep(self, heading: str, markdown: str) -> None:
        if markdown.strip():
            self.kept.append({"heading": heading, "markdown": markdown})
            self.unplaced.append(heading or "(no heading)")

    def _text(self, section: Section, table: str, name: str) -> None:
        body = _body_with_children(section)
        if not body:
            return
        previous = self.data[table].get(name)
        self.data[table][name] = f"{previous}\n\n{body}" if previous else body
        self.placed.append(f"{section.heading} -> {table}.{name}")

    def _impact(self, section: Section) -> None:
        rest = self._figures(section.blocks)
        body = "\n\n".join(block.markdown for block in rest)
        for child in section.children:
            body = "\n\n".join(part for part in (body, child.markdown) if part)  # its heading kept in the text
        if body:
            self.data["impact"]["customer_experience"] = body
            self.placed.append(f"{section.heading} -> impact.customer_experience")

    def _figures(self, blocks: list[Block]) -> list[Block]:
        """Lines such as "Severity: high" or "Users affected: ~12%" put in their fields; the blocks that are
        not such lines (or hold others too) are given back."""
        rest = []
        for block in blocks:
            lines = [item.text for item in block.items] if block.kind == "list" else block.text.split("\n")
            lines = [part for line in lines for part in re.split(r"\s+[·|]\s+", line)]  # "Severity: high · Date: …"
            if block.kind not in ("list", "paragraph") or not lines:
                rest.append(block)
                continue
            placed = [self._figure(line) for line in lines]
            if not all(placed):
                rest.append(block)
        return rest

    def _figure(self, line: str) -> bool:
        match = _FIGURE.match(line)
        if match is None:
            return False
        key, value = match.group(1).strip().lower(), match.group(2).strip().strip("*_ ")
        name = _IMPACT_KEYS.get(key)
        if name == "regions":
            self.data["impact"][name] = [part.strip() for part in value.split(",")]
        elif name is not None:
            self.data["impact"][name] = value
        name = f"impact.{name}" if name is not None else self._meta_value(key, value)
        if name is None:
            return False
        self.placed.append(f"{match.group(1).strip()} -> {name}")
        return True

    def _timeline(self, section: Section, day: date | None) -> None:
        zone = zone_named(self.meta.get("timezone", "UTC")) or ZoneInfo("UTC")
        rows, others = read_rows(section, day or date.today(), zone)
        guessed = guess_milestones([row.text for row in rows])
        for index, row in enumerate(rows):
            milestone = guessed.get(index)
            self.events.append(
                TimelineEvent(
                    at=row.at,
                    event=row.text or "(no text)",
                    milestone=Milestone(milestone) if milestone else None,
                    milestone_guessed=milestone is not None,
                )
            )
        if others:  # notes such as "All times in UTC; rows after midnight are on 8 November", as written
            self._keep(f"{section.heading} (notes)", "\n\n".join(block.markdown for block in others))
        if rows:
            self.placed.append(f"{section.heading} -> {len(rows)} timeline events ({len(guessed)} milestones guessed)")

    def _root_cause(self, section: Section) -> None:
        lists = [block for block in section.blocks if block.kind == "list"]
        text = "\n\n".join(block.markdown for block in section.blocks if block.kind != "list")
        if text:
            self.data["summary"]["root_cause"] = text
            self.placed.append(f"{section.heading} -> summary.root_cause")
        for block in lists:
            self._factor_block(section.heading, block)
        for child in section.children:
            self._section(child, None)

    def _factors(self, section: Section) -> None:
        for block in section.all_blocks():
            if block.kind == "list":
                self._factor_block(section.heading, block)
            else:
                self._keep(f"{section.heading} (text)", block.markdown)

    def _factor_block(self, heading: str, block: Block) -> None:
        for read in factors_from(block) or []:
            self.factors.append(
                Factor(
                    id=f"F{len(self.factors) + 1}",
                    title=read.title or "(no title)",
                    description=read.description,
                    category=Category(read.category) if read.category else None,
                )
            )
        self.placed.append(f"{heading} -> {len(block.items)} contributing factors")

    def _actions(self, section: Section) -> None:
        for block in section.all_blocks():
            reads = actions_from(block)
            if reads is None:
                self._keep(f"{section.heading} (text)", block.markdown)
                continue
            for read in reads:
                self.actions.append(
                    ActionItem(
                        id=read.id or f"A{len(self.actions) + 1}",
                        action=read.action or "(no text)",
                        owner=read.owner,
                        due=read.due,
                        priority=Priority(read.priority) if read.priority else None,
                        ticket=read.ticket,
                        status=ActionStatus(read.status),
                    )
                )
            self.placed.append(f"{section.heading} -> {len(reads)} action items")

    def _lessons(self, section: Section) -> None:
        for block in section.blocks:
            if block.kind == "list":
                self._add_list("key_learnings", [item.text for item in block.items])
                self.placed.append(f"{section.heading} -> lessons.key_learnings")
            else:
                self._keep(f"{section.heading} (text)", block.markdown)
        for child in section.children:
            self._section(child, None)

    def _list(self, section: Section, name: str) -> None:
        for block in section.all_blocks():
            if block.kind == "list":
                self._add_list(name, [item.text for item in block.items])
            else:
                self._add_list(name, [block.markdown])
        self.placed.append(f"{section.heading} -> lessons.{name}")

    def _add_list(self, name: str, items: list[str]) -> None:
        self.data["lessons"][name] = [*self.data["lessons"].get(name, []), *(item for item in items if item.strip())]

    def _attendees(self, section: Section) -> None:
        for block in section.all_blocks():
            if block.kind == "list":
                self.meta["participants"] = [*self.meta.get("participants", []), *(i.text for i in block.items)]
            else:
                self._keep(f"{section.heading} (text)", block.markdown)
        self.placed.append(f"{section.heading} -> meta.participants")

    def _stats(self, section: Section) -> None:
        rest = self._figures(section.all_blocks())
        if rest:
            self._keep(section.heading, "\n\n".join(block.markdown for block in rest))


def _body_with_children(section: Section) -> str:
    parts = [section.body(), *(child.markdown for child in section.children)]
    return "\n\n".join(part for part in parts if part)


def _title_from(name: str) -> str:
    words = re.sub(r"[-_]+", " ", re.sub(r"\.(md|markdown)$", "", name)).strip()
    return words[:1].upper() + words[1:] if words else "Imported postmortem"


def _severity(text: str) -> str | None:
    lowered = text.strip().lower()
    for value in Severity:
        if lowered == value.value.lower():
            return value.value
    return _SEVERITY_WORDS.get(lowered) or _SEVERITY_WORDS.get(lowered.split()[0] if lowered else "")
