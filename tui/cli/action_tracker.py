"""``postmortem actions push`` and ``sync``: one issue per action item through ``gh`` or ``glab``, and their
state read back.

What an issue says and how the tools' answers are read is in ``models/tracker.py``; this module runs the
tools (in the postmortem's folder, so that they find its repository) and reports. The file is saved once,
at the end, and only when something changed; an error before any issue was created leaves it untouched.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from postmortem.models.errors import DocumentError
from postmortem.models.files import read_text
from postmortem.models.tracker import (
    GITHUB_FIELDS,
    GITHUB_FIELDS_OLD,
    INSTALL,
    PRODUCT,
    TOOL,
    TRACKERS,
    Tracker,
    auth_argv,
    create_argv,
    created_url,
    issue_body,
    issue_labels,
    issue_title,
    issue_tracker,
    item_name,
    labels_rejected,
    login_hint,
    parse_ids,
    parse_state,
    plan_push,
    remote_host,
    sync_outcome,
    tracker_for_remote,
    unknown_field,
    view_argv,
)

if TYPE_CHECKING:
    from postmortem.models.document import ActionItem, Postmortem

# One call to gh or glab talks to the tracker once; far longer than this means it is stuck.
TIMEOUT = 120

# Never a prompt or colours: the tools run without a terminal and their output is read.
_QUIET = {"GH_PROMPT_DISABLED": "1", "NO_PROMPT": "1", "NO_COLOR": "1", "GH_NO_UPDATE_NOTIFIER": "1"}

NOT_AN_ISSUE = "is not a GitHub or GitLab issue address"

# A change to one field of one item: (field, value before, value after).
Change = tuple[str, object, object]


def add_push_parser(which: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = which.add_parser(
        "push",
        help="create one issue per action item (gh or glab)",
        description="Create a GitHub or GitLab issue for each action item that has no ticket yet (open and "
        "in-progress items; done and wont-do ones only when named with --ids), through the gh or glab "
        "command you are logged in with, and write each issue's address into the item's ticket.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the postmortem file")
    parser.add_argument(
        "--to",
        choices=TRACKERS,
        help="where to create the issues (default: GitLab when the host of the folder's git remote "
        "'origin' says gitlab, else GitHub)",
    )
    parser.add_argument("--ids", metavar="A1,A3", help="only these action items, by id")
    parser.add_argument("--dry-run", action="store_true", help="show the issues that would be created, change nothing")


def add_sync_parser(which: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = which.add_parser(
        "sync",
        help="read each action item's issue state back",
        description="Read the state of every action item whose ticket is a GitHub or GitLab issue address: "
        "a closed issue marks its item done on the day it was closed. Nothing is reopened: a done item "
        "whose issue is open is reported, not changed.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the postmortem file")


# push


def run_push(args: argparse.Namespace) -> int:
    from postmortem.models.store import parse

    path: Path = args.file
    text = read_text(path)
    doc = parse(text, path)
    ids = None
    if args.ids is not None:
        ids = parse_ids(args.ids)
        if not ids:
            return _fail(path, "--ids: give action item ids, e.g. --ids A1,A3")
    plan = plan_push(doc, ids)
    if plan.unknown_ids:
        known = ", ".join(a.id for a in doc.actions if a.id) or "none has an id"
        return _fail(path, f"--ids: no action item {', '.join(plan.unknown_ids)} (the items: {known})")
    for index, why in plan.skipped:
        print(f"{item_name(doc.actions[index], index)}  skipped: {why}")
    if not plan.push:
        print(f"{path}: no action item to push", file=sys.stderr)
        return 0

    folder = _folder(path)
    tracker, host = _choose_tracker(args.to, folder)
    source = _repository_path(path, folder)
    if args.dry_run:
        for index in plan.push:
            action = doc.actions[index]
            shown = "".join(f"  [{label}]" for label in issue_labels(action))
            print(f"{item_name(action, index)}  would create: {issue_title(action)}{shown}")
        print(
            f"{_count(len(plan.push), 'issue')} would be created with {TOOL[tracker]} (dry run, nothing changed)",
            file=sys.stderr,
        )
        return 0

    tool = _ready(path, tracker, host, folder)
    if tool is None:
        return 2
    changes: dict[int, list[Change]] = {}
    rejected: set[str] = set()
    failure = ""
    for index in plan.push:
        action = doc.actions[index]
        name = item_name(action, index)
        title, body = issue_title(action), issue_body(doc, action, source)
        labels = [label for label in issue_labels(action) if label not in rejected]
        ran = _run(tool, create_argv(tracker, title, body, labels), folder)
        if ran.code and tracker == "github" and labels_rejected(ran.output, labels):
            rejected.update(labels)
            print(
                f"{path}: the repository has no label {', '.join(labels)}; creating without it "
                f"(add it with `gh label create {labels[0]}` to have it next time)",
                file=sys.stderr,
            )
            ran = _run(tool, create_argv(tracker, title, body, []), folder)
        if ran.code:
            failure = f"{name}: `{TOOL[tracker]} issue create` failed: {ran.message}"
            break
        url = created_url(ran.stdout)
        if url is None:
            failure = (
                f"{name}: `{TOOL[tracker]} issue create` printed no issue address ({ran.message if ran.output.strip() else 'nothing'}); "
                "check the tracker for an issue it may have created"
            )
            break
        changes[index] = [("ticket", action.ticket, url)]
        action.ticket = url
        print(f"{name}  created {url}")

    if failure:
        print(f"{path}: {failure}", file=sys.stderr)
    saved = _save(path, text, doc, changes) if changes else True
    if failure:
        if changes and saved:
            print(
                f"{path}: stopped; saved the {_count(len(changes), 'issue')} created before it",
                file=sys.stderr,
            )
        elif not changes:
            print(f"{path}: stopped; no issue was created, the file is unchanged", file=sys.stderr)
        return 2
    if not saved:
        return 2
    print(
        f"{path}: created {_count(len(changes), 'issue')}; their addresses are in each item's ticket", file=sys.stderr
    )
    return 0


def _choose_tracker(chosen: Tracker | None, folder: Path) -> tuple[Tracker, str | None]:
    """The tracker to use and its host when the folder's remote tells it."""
    remote = _git(folder, "remote", "get-url", "origin")
    guessed = tracker_for_remote(remote) if remote else "github"
    tracker = chosen or guessed
    host = remote_host(remote) if remote and tracker == guessed else None
    return tracker, host


def _repository_path(path: Path, folder: Path) -> str:
    """The file's path in its git repository, else its name."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top:
        try:
            return path.resolve().relative_to(Path(top).resolve()).as_posix()
        except ValueError:
            pass
    return path.name


# sync


def run_sync(args: argparse.Namespace) -> int:
    from postmortem.models.store import parse

    path: Path = args.file
    text = read_text(path)
    doc = parse(text, path)
    folder = _folder(path)
    tickets = [(index, action.ticket.strip()) for index, action in enumerate(doc.actions) if action.ticket.strip()]
    issues = [(index, tracker, ticket) for index, ticket in tickets if (tracker := issue_tracker(ticket))]
    if not issues:
        for index, ticket in tickets:
            print(f"{item_name(doc.actions[index], index)}  skipped: {ticket} {NOT_AN_ISSUE}")
        print(f"{path}: no action item has a GitHub or GitLab issue to read", file=sys.stderr)
        return 0

    tools: dict[Tracker, str] = {}
    for tracker, host in dict.fromkeys((t, urlsplit(url).hostname) for _, t, url in issues):
        tool = _ready(path, tracker, host, folder)
        if tool is None:
            return 2
        tools[tracker] = tool

    changes: dict[int, list[Change]] = {}
    failures = mismatches = 0
    github_fields = GITHUB_FIELDS
    found = {index: (tracker, url) for index, tracker, url in issues}
    for index, ticket in tickets:  # in the document's order
        action = doc.actions[index]
        name = item_name(action, index)
        if index not in found:
            print(f"{name}  skipped: {ticket} {NOT_AN_ISSUE}")
            continue
        tracker, url = found[index]
        ran = _run(tools[tracker], view_argv(tracker, url, github_fields), folder)
        if ran.code and tracker == "github" and github_fields != GITHUB_FIELDS_OLD and unknown_field(ran.output):
            github_fields = GITHUB_FIELDS_OLD
            ran = _run(tools[tracker], view_argv(tracker, url, github_fields), folder)
        try:
            if ran.code:
                raise ValueError(ran.message)
            state = parse_state(tracker, ran.stdout)
        except ValueError as error:
            print(f"{path}: {name}: cannot read {url}: {error}", file=sys.stderr)
            failures += 1
            continue
        outcome = sync_outcome(action, state, doc.meta.zone)
        mismatches += outcome.mismatch
        item_changes = _apply(action, status=outcome.status, completed=outcome.completed)
        if item_changes:
            changes[index] = item_changes
        print(f"{name}  {outcome.message}")

    if changes and not _save(path, text, doc, changes):
        return 2
    summary = f"{_count(len(changes), 'item')} updated" + (f", {mismatches} to settle by hand" if mismatches else "")
    summary += f", {failures} not read" if failures else ""
    print(f"{path}: {summary}" + ("" if changes else "; the file is unchanged"), file=sys.stderr)
    return 2 if failures else 0


def _apply(action: ActionItem, **values: object) -> list[Change]:
    made: list[Change] = []
    for field, value in values.items():
        if value is not None:
            made.append((field, getattr(action, field), value))
            setattr(action, field, value)
    return made


# Saving


def _save(path: Path, text: str, doc: Postmortem, changes: dict[int, list[Change]]) -> bool:
    """Save once. If the file was saved by someone else meanwhile, the changes go onto that version (by
    item id, where the field still holds what it held here) instead of overwriting it; a change that cannot
    be placed, or a save that fails, is printed so that it is not lost. True when all was saved."""
    from postmortem.models.store import parse, save

    unplaced: list[str] = []
    try:
        current = read_text(path)
        if current == text:
            save(doc, path)
            return True
        fresh = parse(current, path)
        for index, item_changes in changes.items():
            target = _same_item(fresh, doc.actions[index])
            if target is None or any(getattr(target, field) != before for field, before, _ in item_changes):
                unplaced.append(_describe(doc.actions[index], index, item_changes))
                continue
            for field, _, after in item_changes:
                setattr(target, field, after)
        save(fresh, path)
    except DocumentError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        unplaced = [_describe(doc.actions[index], index, c) for index, c in changes.items()]
    if unplaced:
        print(f"{path}: not saved (the file changed or could not be written); set these by hand:", file=sys.stderr)
        for line in unplaced:
            print(f"  {line}", file=sys.stderr)
    return not unplaced


def _same_item(doc: Postmortem, action: ActionItem) -> ActionItem | None:
    matches = [a for a in doc.actions if (a.id == action.id if action.id else a.action == action.action)]
    return matches[0] if len(matches) == 1 else None


def _describe(action: ActionItem, index: int, changes: list[Change]) -> str:
    values = ", ".join(f"{field} = {after}" for field, _, after in changes)
    return f"{item_name(action, index)}: {values}"


# Running gh, glab and git


@dataclass
class _Ran:
    code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return f"{self.stdout}\n{self.stderr}"

    @property
    def message(self) -> str:
        """The tool's last line of complaint, for a one-line report."""
        for stream in (self.stderr, self.stdout):
            lines = [line.strip() for line in re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", stream).splitlines()]
            lines = [line for line in lines if line]
            if lines:
                return lines[-1]
        return f"exit status {self.code}"


def _run(executable: str, argv: list[str], folder: Path) -> _Ran:
    try:
        done = subprocess.run(
            [executable, *argv[1:]],
            cwd=folder,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            stdin=subprocess.DEVNULL,
            timeout=TIMEOUT,
            env={**os.environ, **_QUIET},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return _Ran(124, "", f"no answer after {TIMEOUT} s")
    except OSError as error:
        return _Ran(126, "", f"cannot run {executable}: {error.strerror or error}")
    return _Ran(done.returncode, done.stdout, done.stderr)


def _ready(path: Path, tracker: Tracker, host: str | None, folder: Path) -> str | None:
    """The tool's executable once it is installed and logged in; else None after saying what to do."""
    name = TOOL[tracker]
    executable = shutil.which(name)
    if executable is None:
        _fail(path, f"{name} is not installed (or not on PATH): install the {PRODUCT[tracker]} from {INSTALL[tracker]}")
        return None
    ran = _run(executable, auth_argv(tracker, host), folder)
    if ran.code:
        on = f" on {host}" if host else ""
        _fail(path, f"{name} is not logged in{on}: run `{login_hint(tracker, host)}`")
        return None
    return executable


def _git(folder: Path, *args: str) -> str:
    """What a git command prints, stripped; empty when git is missing or fails."""
    git = shutil.which("git")
    if git is None:
        return ""
    ran = _run(git, ["git", "-C", str(folder), *args], folder)
    return ran.stdout.strip() if ran.code == 0 else ""


def _folder(path: Path) -> Path:
    return path.resolve().parent


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _fail(path: Path, problem: str) -> int:
    print(f"{path}: {problem}", file=sys.stderr)
    return 2
