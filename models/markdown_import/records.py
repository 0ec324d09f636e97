"""Action items and contributing factors from Markdown lists and tables: an action's owner (in parentheses
or after a dash), due date, priority, ticket and done state; a factor's category when its text says it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from postmortem.models.markdown_import.source import Block

_TICKET = re.compile(r"(?<![\w/-])([A-Z][A-Z0-9]{1,9}-\d+)\b|(https?://\S+?)(?=[)\s,;]|$)")
_PRIORITY = re.compile(r"\b(P[0-3])\b")
_DUE = re.compile(r"\b(?:due(?: by| on)?:?\s*)?(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
_OWNER_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")
_OWNER_DASH = re.compile(r"\s+[—–-]\s+(?!.*\s[—–-]\s)([^—–]+)$")
_OWNER_LABEL = re.compile(r"\b(?:owner|owned by|assignee)\s*:\s*([^,;)]+)", re.IGNORECASE)
_CATEGORY_LEAD = re.compile(
    r"^\s*(?:\*\*|__)?(technical|tech|process|organi[sz]ational|organi[sz]ation|people)(?:\*\*|__)?\s*"
    r"(?:factor)?\s*(?:\*\*|__)?\s*[:—–-]+\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*[:.—–-]?\s*(.*)$", re.DOTALL)

_COLUMNS = {
    "action": ("action", "item", "task", "what", "description", "follow-up", "remediation", "action item"),
    "owner": ("owner", "who", "assignee", "team", "owners", "responsible"),
    "due": ("due", "due date", "deadline", "by", "date", "target date", "eta"),
    "priority": ("priority", "prio", "pri", "severity"),
    "ticket": ("ticket", "issue", "jira", "link", "tracking", "tracker", "bug"),
    "status": ("status", "state", "done"),
}


@dataclass
class ActionRead:
    action: str
    owner: str = ""
    due: date | None = None
    priority: str | None = None
    ticket: str = ""
    done: bool = False
    markdown: str = ""
    taken: list[str] = field(default_factory=list)  # what was read out of the text, for the report


def actions_from(block: Block) -> list[ActionRead] | None:
    """The action items of a list or table, or None when the block is neither."""
    if block.kind == "list":
        return [_from_text(item.text, item.markdown, item.checked) for item in block.items]
    if block.kind == "table" and len(block.rows) > 1:
        header = [cell.strip().lower().strip("*_") for cell in block.rows[0]]
        columns = {
            name: next((i for i, h in enumerate(header) if h in names), None) for name, names in _COLUMNS.items()
        }
        if columns["action"] is None:
            columns["action"] = 0
        reads = []
        for cells in block.rows[1:]:

            def cell(name: str, cells: list[str] = cells) -> str:
                index = columns[name]
                return cells[index].strip() if index is not None and index < len(cells) else ""

            status = cell("status").lower()
            done = status in ("done", "closed", "complete", "completed", "fixed", "yes", "✓", "✔", "[x]")
            read = _from_text(cell("action"), "| " + " | ".join(cells) + " |", done or None)
            read.owner = cell("owner") or read.owner
            read.due = _date(cell("due")) or read.due
            if (priority := _PRIORITY.search(cell("priority"))) is not None:
                read.priority = priority.group(1)
            read.ticket = cell("ticket") or read.ticket
            reads.append(read)
        return reads
    return None


def _from_text(text: str, markdown: str, checked: bool | None) -> ActionRead:
    read = ActionRead(action=text.strip(), done=bool(checked), markdown=markdown)
    rest = read.action
    if (label := _OWNER_LABEL.search(rest)) is not None:
        read.owner, rest = label.group(1).strip(), (rest[: label.start()] + rest[label.end() :]).strip()
    if (ticket := _TICKET.search(rest)) is not None:
        read.ticket = ticket.group(1) or ticket.group(2)
        rest = _without(rest, ticket.start(), ticket.end())
    if (due := _DUE.search(rest)) is not None and (day := _date(due.group(1))) is not None:
        read.due = day
        rest = _without(rest, due.start(), due.end())
    if (priority := _PRIORITY.search(rest)) is not None:
        read.priority = priority.group(1)
        rest = _without(rest, priority.start(), priority.end())
    if not read.owner:
        owner = _OWNER_PARENS.search(rest) or _OWNER_DASH.search(rest)
        if owner is not None and owner.group(1).strip() and len(owner.group(1)) <= 60:
            read.owner, rest = owner.group(1).strip().strip(",;"), rest[: owner.start()].rstrip()
    read.action = rest.strip().rstrip(",;—–- ").strip()
    return read


def _without(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, the brackets, commas or dashes left empty around it tidied."""
    text = text[:start] + text[end:]
    text = re.sub(r"\(\s*[,;]?\s*\)|\[\s*\]", "", text)
    text = re.sub(r"\(\s*[,;]\s*", "(", text)
    text = re.sub(r"\s*[,;]\s*\)", ")", text)
    text = re.sub(r"\s{2,}", " ", text)
    return re.sub(r"\s*[,;]\s*([,;)]|$)", r"\1", text).strip()


def _date(text: str) -> date | None:
    match = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


@dataclass
class FactorRead:
    title: str
    description: str = ""
    category: str | None = None
    markdown: str = ""


def factors_from(block: Block) -> list[FactorRead] | None:
    if block.kind != "list":
        return None
    return [_factor(item.text, item.markdown) for item in block.items]


def _factor(text: str, markdown: str) -> FactorRead:
    read = FactorRead(title=text.strip(), markdown=markdown)
    if (lead := _CATEGORY_LEAD.match(read.title)) is not None:
        word = lead.group(1).lower()
        read.category = "technical" if word.startswith("tech") else "process" if word == "process" else "organizational"
        read.title = read.title[lead.end() :].strip()
    if (bold := _BOLD_LEAD.match(read.title)) is not None and bold.group(2).strip():
        read.title, read.description = bold.group(1).strip().rstrip("."), bold.group(2).strip()
    return read
