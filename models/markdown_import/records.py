"""Action items and contributing factors from Markdown lists and tables: an action's owner (in parentheses
or after a dash), due date, priority, ticket and done state; a factor's category when its text says it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from postmortem.models.markdown_import.source import Block
from postmortem.models.markdown_import.vocabulary import date_in

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
    "id": ("#", "id", "no", "no.", "nr"),
}


@dataclass
class ActionRead:
    action: str
    owner: str = ""
    due: date | None = None
    priority: str | None = None
    ticket: str = ""
    status: str = "open"  # open | in-progress | done | wont-do
    id: str = ""


def actions_from(block: Block) -> list[ActionRead] | None:
    """The action items of a list or table, or None when the block is neither."""
    if block.kind == "list":
        return [_from_text(item.text, item.checked) for item in block.items]
    if block.kind == "table" and len(block.rows) > 1:
        return [_from_row(block.rows[0], cells) for cells in block.rows[1:]]
    return None


def _from_row(header: list[str], cells: list[str]) -> ActionRead:
    """An action item from a table row: each column to its field. A value its field cannot take (a due date
    such as "next sale", a status such as "planned") and a column no field takes stay in the action's text,
    with their column's name."""
    names = [cell.strip().strip("*_").strip() for cell in header]
    columns: dict[str, int] = {}
    for index, name in enumerate(names):
        kind = next((kind for kind, words in _COLUMNS.items() if name.lower() in words), None)
        if kind is not None and kind not in columns:
            columns[kind] = index
    action_column = columns.get("action", 0)
    values = {kind: cells[index].strip() if index < len(cells) else "" for kind, index in columns.items()}
    state = status_of(values.get("status", ""))
    read = _from_text(cells[action_column].strip() if action_column < len(cells) else "", None, frozenset(columns))
    left: list[str] = []
    if values.get("owner"):
        read.owner = values["owner"]
    if due := values.get("due"):
        read.due = date_in(due)
        if read.due is None or date_in(due.replace(read.due.isoformat(), "")) is not None:
            left.append(f"{names[columns['due']]}: {due}")
    if priority := values.get("priority"):
        found = _PRIORITY.search(priority)
        read.priority = found.group(1) if found else None
        if found is None or priority.strip() != found.group(1):
            left.append(f"{names[columns['priority']]}: {priority}")
    if values.get("ticket"):
        read.ticket = values["ticket"]
    if values.get("status") and state is None:
        left.append(f"{names[columns['status']]}: {values['status']}")
    read.status = state or "open"
    if values.get("id"):
        read.id = values["id"]
    taken = {*columns.values(), action_column}
    left += [f"{names[index]}: {cell}" for index, cell in enumerate(cells) if index not in taken and cell.strip()]
    if left:
        read.action = f"{read.action} ({'; '.join(left)})" if read.action else "; ".join(left)
    return read


def status_of(text: str) -> str | None:
    """A status cell as the document's status, or None when it says something else."""
    word = text.strip().strip("*_").lower().replace("’", "'")
    if word in ("done", "closed", "complete", "completed", "fixed", "yes", "✓", "✔", "[x]", "resolved", "shipped"):
        return "done"
    if word in ("in progress", "in-progress", "doing", "started", "ongoing", "wip"):
        return "in-progress"
    if word in ("open", "to do", "todo", "not started", "new", "no", "[ ]", "pending"):
        return "open"
    if word in ("won't do", "wont do", "wont-do", "cancelled", "canceled", "dropped"):
        return "wont-do"
    return None


def _from_text(text: str, checked: bool | None, keep: frozenset[str] = frozenset()) -> ActionRead:
    """An action item from a list item's text (or a table's action cell): the owner, due date, priority and
    ticket read out of it, except those in ``keep`` (given by a column of their own)."""
    read = ActionRead(action=text.strip())
    rest = read.action
    if "owner" not in keep and (label := _OWNER_LABEL.search(rest)) is not None:
        read.owner, rest = label.group(1).strip(), (rest[: label.start()] + rest[label.end() :]).strip()
    if "ticket" not in keep and (ticket := _TICKET.search(rest)) is not None:
        read.ticket = ticket.group(1) or ticket.group(2)
        rest = _without(rest, ticket.start(), ticket.end())
    if "due" not in keep and (due := _DUE.search(rest)) is not None and (day := date_in(due.group(1))) is not None:
        read.due = day
        rest = _without(rest, due.start(), due.end())
    if "priority" not in keep and (priority := _PRIORITY.search(rest)) is not None:
        read.priority = priority.group(1)
        rest = _without(rest, priority.start(), priority.end())
    if "owner" not in keep and not read.owner:
        owner = _OWNER_PARENS.search(rest) or _OWNER_DASH.search(rest)
        if owner is not None and _looks_like_owner(owner.group(1)):
            read.owner, rest = owner.group(1).strip().strip(",;"), rest[: owner.start()].rstrip()
    read.action = rest.strip().rstrip(",;—–- ").strip()
    read.status = "done" if checked else "open"
    return read


def _looks_like_owner(text: str) -> bool:
    """A team, a role or a person as a trailing "(SRE team)" or "— Payments team" names one: a few words
    starting with a capital or an @, not a clause ("— probably the suggestions cache too")."""
    text = text.strip().strip(",;")
    return bool(text) and (text[0].isupper() or text[0] == "@") and len(text.split()) <= 5


def _without(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, the brackets, commas or dashes left empty around it tidied."""
    text = text[:start] + text[end:]
    text = re.sub(r"\(\s*[,;]?\s*\)|\[\s*\]", "", text)
    text = re.sub(r"\(\s*[,;]\s*", "(", text)
    text = re.sub(r"\s*[,;]\s*\)", ")", text)
    text = re.sub(r"\s{2,}", " ", text)
    return re.sub(r"\s*[,;]\s*([,;)]|$)", r"\1", text).strip()


@dataclass
class FactorRead:
    title: str
    description: str = ""
    category: str | None = None


def factors_from(block: Block) -> list[FactorRead] | None:
    if block.kind != "list":
        return None
    return [_factor(item.text) for item in block.items]


def _factor(text: str) -> FactorRead:
    read = FactorRead(title=text.strip())
    if (lead := _CATEGORY_LEAD.match(read.title)) is not None:
        word = lead.group(1).lower()
        read.category = "technical" if word.startswith("tech") else "process" if word == "process" else "organizational"
        read.title = read.title[lead.end() :].strip()
    if (bold := _BOLD_LEAD.match(read.title)) is not None and bold.group(2).strip():
        read.title, read.description = bold.group(1).strip().rstrip("."), bold.group(2).strip()
    return read
