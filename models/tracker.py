"""Following action items through GitHub or GitLab issues: what an issue says, the ``gh`` and ``glab``
command lines that create and read one, and how their answers are read back.

Everything here is pure: no process is started and nothing is printed (``tui/cli/action_tracker.py``
runs the commands).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from postmortem.models.enums import ActionStatus

if TYPE_CHECKING:
    from postmortem.models.document import ActionItem, Postmortem

Tracker = Literal["github", "gitlab"]
TRACKERS: tuple[Tracker, ...] = ("github", "gitlab")
TOOL: dict[Tracker, str] = {"github": "gh", "gitlab": "glab"}
PRODUCT: dict[Tracker, str] = {"github": "GitHub CLI", "gitlab": "GitLab CLI"}
INSTALL: dict[Tracker, str] = {
    "github": "https://cli.github.com",
    "gitlab": "https://gitlab.com/gitlab-org/cli",
}

# GitHub takes titles of up to 256 characters; a title that long is unreadable in a list anyway.
TITLE_LIMIT = 120

# Items in these states are finished; push leaves them out unless they are named with --ids.
FINISHED = (ActionStatus.DONE, ActionStatus.WONT_DO)


def item_name(action: ActionItem, index: int) -> str:
    """How messages name an item: its id, or its place in the list when it has none."""
    return action.id or f"actions[{index}]"


# What an issue says.


def issue_title(action: ActionItem, limit: int = TITLE_LIMIT) -> str:
    """The action's text on one line, cut at a word and ended with "…" when longer than ``limit``."""
    text = " ".join(action.action.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def issue_labels(action: ActionItem) -> list[str]:
    """The labels an issue gets: its priority (``P1``), when it has one."""
    return [action.priority.value] if action.priority is not None else []


def issue_body(doc: Postmortem, action: ActionItem, source: str) -> str:
    """The issue's description, in Markdown: where the item comes from and what "done" means.

    ``source`` is the postmortem file as the reader should find it (its path in the repository).
    """
    meta = doc.meta
    incident = f"**{_inline(meta.title)}**"
    details = [part for part in (meta.id, meta.incident_date.isoformat() if meta.incident_date else "") if part]
    if details:
        incident += f" ({', '.join(details)})"
    lines = [f"Action item from the postmortem of {incident}.", ""]
    if issue_title(action) != " ".join(action.action.split()):
        lines += [action.action.strip(), ""]
    fields = [
        ("Success measure", action.success.strip()),
        ("Due", action.due.isoformat() if action.due else ""),
        ("Owner", action.owner.strip()),
        ("Priority", action.priority.value if action.priority else ""),
    ]
    lines += [f"- {name}: {_inline(value)}" for name, value in fields if value]
    factors = _factor_lines(doc, action)
    if factors:
        lines += ["- Addresses the contributing factors:", *[f"  - {factor}" for factor in factors]]
    if lines[-1]:
        lines.append("")
    which = f" (action {action.id})" if action.id else ""
    lines.append(f"Created by `postmortem actions push` from `{source}`{which}.")
    return "\n".join(lines)


def _factor_lines(doc: Postmortem, action: ActionItem) -> list[str]:
    titles = {factor.id: factor.title for factor in doc.factors if factor.id}
    return [f"{ref}: {_inline(titles[ref])}" if ref in titles else ref for ref in action.factors]


def _inline(text: str) -> str:
    return " ".join(text.split())


# The command lines (documented flags only: gh issue create --title/--body/--label, glab issue create
# --title/--description/--label/--yes, gh issue view --json, glab issue view --output json).


def create_argv(tracker: Tracker, title: str, body: str, labels: list[str]) -> list[str]:
    if tracker == "github":
        argv = ["gh", "issue", "create", "--title", title, "--body", body]
    else:
        # --yes: glab asks for a confirmation before it submits, unless told not to.
        argv = ["glab", "issue", "create", "--title", title, "--description", body, "--yes"]
    for label in labels:
        argv += ["--label", label]
    return argv


def auth_argv(tracker: Tracker, host: str | None = None) -> list[str]:
    """``gh auth status`` / ``glab auth status``, for one host when the repository's is known."""
    argv = [TOOL[tracker], "auth", "status"]
    return [*argv, "--hostname", host] if host else argv


def login_hint(tracker: Tracker, host: str | None = None) -> str:
    command = f"{TOOL[tracker]} auth login"
    default = "github.com" if tracker == "github" else "gitlab.com"
    return f"{command} --hostname {host}" if host and host != default else command


GITHUB_FIELDS = "state,closedAt,stateReason"
GITHUB_FIELDS_OLD = "state,closedAt"  # gh releases before stateReason existed


def view_argv(tracker: Tracker, url: str, fields: str = GITHUB_FIELDS) -> list[str]:
    if tracker == "github":
        return ["gh", "issue", "view", url, "--json", fields]
    return ["glab", "issue", "view", url, "--output", "json"]


def unknown_field(output: str) -> bool:
    """gh refused a --json field it does not know (an older release)."""
    return "unknown json field" in output.lower()


# Reading the answers.

_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_URL = re.compile(r"https?://[^\s<>\"')\]]+")


def created_url(output: str) -> str | None:
    """The new issue's address in what ``issue create`` printed (gh prints the URL alone; glab a
    summary line, then the URL), or None."""
    found: list[str] = [url.rstrip(".,") for url in _URL.findall(_ANSI.sub("", output))]
    issues = [url for url in found if issue_tracker(url) is not None]
    return (issues or found)[-1] if found else None


def labels_rejected(output: str, labels: list[str]) -> bool:
    """gh refused a label the repository does not have ("could not add label: 'P1' not found"): it
    checks the labels before it creates the issue, so none was created. (GitLab creates a missing label.)"""
    text = output.lower()
    return bool(labels) and (
        "could not add label" in text or any(f"'{label.lower()}' not found" in text for label in labels)
    )


def issue_tracker(ticket: str) -> Tracker | None:
    """Which tracker a ticket's address is an issue of, or None for anything else (a plain key such as
    PAY-2417, another tracker's page)."""
    text = ticket.strip()
    if not re.match(r"https?://", text):
        return None
    parts = urlsplit(text)
    path = [part for part in parts.path.split("/") if part]
    if len(path) >= 4 and path[-3] == "-" and path[-2] == "issues" and path[-1].isdigit():
        return "gitlab"
    if len(path) == 4 and path[2] == "issues" and path[3].isdigit():
        return "gitlab" if "gitlab" in parts.netloc.lower() else "github"
    return None


def remote_host(remote: str) -> str | None:
    """The host of a git remote: ``https://host/…``, ``ssh://git@host:22/…`` or ``git@host:group/repo``."""
    text = remote.strip()
    if "://" in text:
        return urlsplit(text).hostname or None
    match = re.match(r"(?:[^@/]+@)?([^:/]+):", text)
    return match.group(1).lower() if match else None


def tracker_for_remote(remote: str) -> Tracker:
    """GitLab when the remote's host names it, else GitHub."""
    host = remote_host(remote) or ""
    return "gitlab" if "gitlab" in host else "github"


@dataclass(frozen=True)
class IssueState:
    closed: bool
    closed_at: datetime | None = None
    not_planned: bool = False  # GitHub: closed as "not planned" rather than completed


def parse_state(tracker: Tracker, output: str) -> IssueState:
    """Read ``gh issue view --json state,closedAt[,stateReason]`` (``"OPEN"``/``"CLOSED"``) or
    ``glab issue view --output json`` (GitLab's ``"opened"``/``"closed"`` and ``closed_at``).

    Raises ValueError with a sentence when the output is not that.
    """
    start = output.find("{")  # glab may print a line of its own before the JSON
    try:
        data = json.loads(output[start:]) if start >= 0 else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("state"), str):
        raise ValueError("the answer is not the issue's JSON (is the tool too old?)")
    state = str(data["state"]).lower()
    if state in ("open", "opened"):
        return IssueState(closed=False)
    if state != "closed":
        raise ValueError(f"unknown issue state {data['state']!r}")
    stamp = data.get("closedAt" if tracker == "github" else "closed_at")
    closed_at = None
    if isinstance(stamp, str) and stamp:
        try:
            closed_at = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"unreadable closing time {stamp!r}") from None
        if closed_at.tzinfo is None:
            raise ValueError(f"closing time without an offset {stamp!r}")
    reason = str(data.get("stateReason") or "").upper()
    return IssueState(closed=True, closed_at=closed_at, not_planned=reason == "NOT_PLANNED")


@dataclass(frozen=True)
class SyncOutcome:
    """What an issue's state means for its action item: the change to make (if any) and a line saying so."""

    message: str
    status: ActionStatus | None = None
    completed: date | None = None
    mismatch: bool = False  # the document and the tracker disagree in a way only a person should settle

    @property
    def changes(self) -> bool:
        return self.status is not None or self.completed is not None


def sync_outcome(action: ActionItem, state: IssueState, zone: ZoneInfo) -> SyncOutcome:
    """Closed issues mark their items done (on the closing day, in the document's zone); nothing is ever
    reopened or overruled: a done item with an open issue, a wont-do item, an issue closed as not planned
    are reported, not changed."""
    status = action.status
    if not state.closed:
        if status == ActionStatus.DONE:
            return SyncOutcome("done here but its issue is still open; left as it is", mismatch=True)
        return SyncOutcome(f"issue open; still {status.value}")
    day = state.closed_at.astimezone(zone).date() if state.closed_at else None
    on = f" on {day.isoformat()}" if day else ""
    if status == ActionStatus.DONE:
        return SyncOutcome(f"issue closed{on}; already done")
    if status == ActionStatus.WONT_DO:
        return SyncOutcome(f"issue closed{on}; the item is wont-do, left as it is")
    if state.not_planned:
        return SyncOutcome(
            f"issue closed as not planned{on}; still {status.value} (mark it wont-do or done yourself)",
            mismatch=True,
        )
    completed = day if action.completed is None else None
    return SyncOutcome(f"{status.value} -> done{on} (issue closed)", status=ActionStatus.DONE, completed=completed)


# Which items to push.


@dataclass
class PushPlan:
    push: list[int]  # indexes into doc.actions, in document order
    skipped: list[tuple[int, str]]  # index and why
    unknown_ids: list[str]


def plan_push(doc: Postmortem, ids: list[str] | None = None) -> PushPlan:
    """Items without a ticket, open or in progress; with ``ids``, exactly the items named (done and
    wont-do ones included), still never one that has a ticket."""
    known = {action.id for action in doc.actions if action.id}
    wanted = set(ids) if ids else None
    plan = PushPlan(push=[], skipped=[], unknown_ids=[i for i in ids or [] if i not in known])
    for index, action in enumerate(doc.actions):
        if wanted is not None and action.id not in wanted:
            continue
        if action.ticket.strip():
            plan.skipped.append((index, f"has a ticket already ({action.ticket.strip()})"))
        elif wanted is None and action.status in FINISHED:
            plan.skipped.append((index, f"is {action.status.value} (name it with --ids to push it anyway)"))
        else:
            plan.push.append(index)
    return plan


def parse_ids(text: str) -> list[str]:
    """``"A1, A3"`` -> ``["A1", "A3"]`` (order kept, repeats dropped)."""
    seen: dict[str, None] = {}
    for part in text.split(","):
        if part.strip():
            seen[part.strip()] = None
    return list(seen)
