"""``postmortem actions push`` and ``sync`` against stand-in ``gh`` and ``glab`` commands.

The stand-ins are small Python scripts in a folder that is the whole PATH: they log their arguments
and answer as the real tools do (an address on create, JSON on view, an exit status on ``auth status``),
so no test reaches a network or needs the real tools.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postmortem.models.codec import dumps, loads
from postmortem.models.enums import ActionStatus
from postmortem.models.store import load

TIMEOUT = 60

DOCUMENT = """\
schema_version = 1

[meta]
id = "INC-2026-021"
title = "Card payments timing out"
incident_date = 2026-03-02
timezone = "Asia/Tokyo"

[[factors]]
id = "F1"
title = "Retries against the card gateway had no cap"
category = "technical"

[[actions]]
id = "A1"
action = "Cap retries to the card gateway at three per request"
owner = "Payments team"
due = 2026-03-20
priority = "P1"
success = "No more than 3 gateway calls per payment in a replayed outage"
factors = [
    "F1",
]

[[actions]]
id = "A2"
action = "Page the payments on-call when gateway latency doubles"
priority = "P2"

[[actions]]
id = "A3"
action = "Write a runbook for gateway outages"
ticket = "PAY-2417"

[[actions]]
id = "A4"
action = "Move the gateway timeout into the shared config"
status = "done"

[[actions]]
id = "A5"
action = "Alert on the share of card payments that fail"
"""

# The file as the app writes it (defaults spelled out), so that a save changes only what push or sync set.
TEXT = dumps(loads(DOCUMENT))

# The stand-in for both tools: its name says which one it is; STUB_CONFIG holds how it should answer.
STUB = """\
import json, os, sys

tool = os.path.basename(sys.argv[0])
args = sys.argv[1:]
with open(os.environ["STUB_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps([tool, *args]) + "\\n")
config = json.load(open(os.environ["STUB_CONFIG"], encoding="utf-8")).get(tool, {})

if args[:2] == ["auth", "status"]:
    if config.get("logged_in", True):
        print("Logged in as octo")
        sys.exit(0)
    print("You are not logged into any hosts. Run `" + tool + " auth login` to authenticate.", file=sys.stderr)
    sys.exit(1)

if args[:2] == ["issue", "create"]:
    counter = os.environ["STUB_LOG"] + "." + tool
    number = int(open(counter).read()) + 1 if os.path.exists(counter) else 1
    labels = [args[i + 1] for i, arg in enumerate(args) if arg == "--label"]
    known = config.get("labels")
    if known is not None and any(label not in known for label in labels):
        missing = next(label for label in labels if label not in known)
        print("could not add label: '" + missing + "' not found", file=sys.stderr)
        sys.exit(1)
    if number == config.get("fail_at"):
        print("HTTP 502: Bad Gateway (https://api.github.com/graphql)", file=sys.stderr)
        sys.exit(1)
    open(counter, "w").write(str(number))
    edit = config.get("edit_while_creating")
    if edit and number == 1:  # the author saves the postmortem while the issues are being created
        path, before, after = edit
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(text.replace(before, after))
    title = args[args.index("--title") + 1]
    if tool == "gh":
        print("https://github.com/acme/shop/issues/" + str(number))
    else:
        print("- Creating issue in acme/shop", file=sys.stderr)
        print("#" + str(number) + " " + title + " (less than a minute ago)")
        print(" https://gitlab.com/acme/shop/-/issues/" + str(number))
        print()
    sys.exit(0)

if args[:2] == ["issue", "view"]:
    url = args[2]
    if tool == "gh" and config.get("old") and "stateReason" in args[-1]:
        print('Unknown JSON field: "stateReason"', file=sys.stderr)
        sys.exit(1)
    state = config.get("issues", {}).get(url)
    if state is None:
        print("GraphQL: Could not resolve to an issue with the number of 99. (repository.issue)", file=sys.stderr)
        sys.exit(1)
    print(json.dumps(state))
    sys.exit(0)

print("unexpected arguments", args, file=sys.stderr)
sys.exit(2)
"""


class Tools:
    """The stand-in tools' folder, their answers and their log."""

    def __init__(self, root: Path):
        self.bin = root / "bin"
        self.bin.mkdir()
        self.config_path = root / "stub-config.json"
        self.log_path = root / "stub-log.jsonl"
        self.config: dict[str, dict[str, object]] = {"gh": {}, "glab": {}}
        for name in ("gh", "glab"):
            self.install(name)

    def install(self, name: str) -> None:
        script = self.bin / name
        script.write_text(f"#!{sys.executable}\n{STUB}", encoding="utf-8")
        script.chmod(0o755)

    def remove(self, name: str) -> None:
        (self.bin / name).unlink()

    def calls(self, tool: str | None = None) -> list[list[str]]:
        if not self.log_path.exists():
            return []
        calls = [json.loads(line) for line in self.log_path.read_text(encoding="utf-8").splitlines()]
        return [call for call in calls if tool is None or call[0] == tool]

    def creates(self) -> list[list[str]]:
        return [call for call in self.calls() if call[1:3] == ["issue", "create"]]

    def env(self) -> dict[str, str]:
        self.config_path.write_text(json.dumps(self.config), encoding="utf-8")
        keep = {k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR")}
        return {**keep, "PATH": str(self.bin), "STUB_CONFIG": str(self.config_path), "STUB_LOG": str(self.log_path)}


class Run:
    def __init__(self, done: subprocess.CompletedProcess[str]):
        self.code, self.stdout, self.stderr = done.returncode, done.stdout, done.stderr

    def __repr__(self) -> str:
        return f"exit {self.code}\n--- stdout\n{self.stdout}--- stderr\n{self.stderr}"


@pytest.fixture
def tools(tmp_path: Path) -> Tools:
    return Tools(tmp_path)


@pytest.fixture
def incident(tmp_path: Path) -> Path:
    folder = tmp_path / "postmortems"
    folder.mkdir()
    path = folder / "incident.toml"
    path.write_text(TEXT, encoding="utf-8")
    return path


def postmortem(tools: Tools, cwd: Path, *args: str) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "postmortem", "actions", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        env=tools.env(),
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT,
        check=False,
    )
    result = Run(done)
    assert "Traceback" not in result.stderr, result
    return result


def tickets(path: Path) -> dict[str, str]:
    return {action.id: action.ticket for action in load(path).actions}


# push


def test_push_creates_one_issue_per_open_item_and_writes_the_addresses(tools, incident):
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 0, result
    assert tickets(incident) == {
        "A1": "https://github.com/acme/shop/issues/1",
        "A2": "https://github.com/acme/shop/issues/2",
        "A3": "PAY-2417",
        "A4": "",
        "A5": "https://github.com/acme/shop/issues/3",
    }
    assert "A1  created https://github.com/acme/shop/issues/1" in result.stdout
    assert "A3  skipped: has a ticket already (PAY-2417)" in result.stdout
    assert "A4  skipped: is done" in result.stdout
    assert tools.calls()[0] == ["gh", "auth", "status"]
    first = tools.creates()[0]
    assert first[:5] == ["gh", "issue", "create", "--title", "Cap retries to the card gateway at three per request"]
    assert first[-2:] == ["--label", "P1"]
    body = first[first.index("--body") + 1]
    assert "**Card payments timing out** (INC-2026-021, 2026-03-02)" in body
    assert "- Success measure: No more than 3 gateway calls per payment in a replayed outage" in body
    assert "F1: Retries against the card gateway had no cap" in body
    assert "from `incident.toml` (action A1)" in body  # not in a git repository: the file's name
    assert "--label" not in tools.creates()[2]  # A5 has no priority
    # Everything else in the file is as it was.
    saved = incident.read_text(encoding="utf-8")
    for number in (1, 2, 3):
        saved = saved.replace(f'ticket = "https://github.com/acme/shop/issues/{number}"\n', "")
    assert saved == TEXT


def test_an_edit_saved_during_push_is_kept_and_the_addresses_added_to_it(tools, incident):
    tools.config["gh"] = {"edit_while_creating": [str(incident), 'owner = "Payments team"', 'owner = "Card team"']}
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 0, result
    doc = load(incident)
    assert doc.actions[0].owner == "Card team"
    assert [a.ticket for a in doc.actions] == [
        "https://github.com/acme/shop/issues/1",
        "https://github.com/acme/shop/issues/2",
        "PAY-2417",
        "",
        "https://github.com/acme/shop/issues/3",
    ]


def test_a_ticket_the_author_typed_during_push_is_not_overwritten(tools, incident):
    tools.config["gh"] = {
        "edit_while_creating": [str(incident), 'priority = "P2"\n', 'priority = "P2"\nticket = "OPS-1"\n']
    }
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 2, result
    assert "  A2: ticket = https://github.com/acme/shop/issues/2" in result.stderr  # said, so not lost
    assert tickets(incident) == {
        "A1": "https://github.com/acme/shop/issues/1",
        "A2": "OPS-1",
        "A3": "PAY-2417",
        "A4": "",
        "A5": "https://github.com/acme/shop/issues/3",
    }


def test_push_with_ids_takes_a_done_item_and_only_those(tools, incident):
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github", "--ids", "A4,A2")
    assert result.code == 0, result
    assert tickets(incident)["A2"] == "https://github.com/acme/shop/issues/1"
    assert tickets(incident)["A4"] == "https://github.com/acme/shop/issues/2"
    assert tickets(incident)["A1"] == tickets(incident)["A5"] == ""
    assert len(tools.creates()) == 2


def test_push_with_an_unknown_id_changes_nothing(tools, incident):
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--ids", "A1,A9")
    assert result.code == 2 and "--ids: no action item A9" in result.stderr, result
    assert incident.read_bytes() == TEXT.encode() and tools.calls() == []


def test_push_skips_an_item_with_a_ticket_even_when_named(tools, incident):
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github", "--ids", "A3")
    assert result.code == 0 and "A3  skipped: has a ticket already" in result.stdout, result
    assert tools.creates() == [] and incident.read_bytes() == TEXT.encode()


def test_a_create_that_fails_midway_keeps_the_addresses_already_made(tools, incident):
    tools.config["gh"] = {"fail_at": 2}
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 2, result
    assert "A2: `gh issue create` failed: HTTP 502: Bad Gateway" in result.stderr
    assert "stopped; saved the 1 issue created before it" in result.stderr
    assert tickets(incident)["A1"] == "https://github.com/acme/shop/issues/1"
    assert tickets(incident)["A2"] == tickets(incident)["A5"] == ""
    assert len(tools.creates()) == 2  # nothing tried after the failure


def test_a_first_create_that_fails_leaves_the_file_untouched(tools, incident):
    tools.config["gh"] = {"fail_at": 1}
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 2 and "no issue was created, the file is unchanged" in result.stderr, result
    assert incident.read_bytes() == TEXT.encode()


def test_labels_the_repository_lacks_are_left_off_and_said(tools, incident):
    tools.config["gh"] = {"labels": ["P2"]}
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 0, result
    assert "the repository has no label P1; creating without it" in result.stderr
    creates = tools.creates()
    assert creates[0][-2:] == ["--label", "P1"] and "--label" not in creates[1]  # refused, then retried
    assert creates[2][-2:] == ["--label", "P2"]
    assert len(creates) == 4
    assert tickets(incident)["A1"] == "https://github.com/acme/shop/issues/1"


def test_missing_gh_says_so_and_changes_nothing(tools, incident):
    tools.remove("gh")
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 2, result
    assert result.stderr.strip().splitlines() == [
        "incident.toml: gh is not installed (or not on PATH): install the GitHub CLI from https://cli.github.com"
    ]
    assert incident.read_bytes() == TEXT.encode()


def test_gh_not_logged_in_says_what_to_run_and_changes_nothing(tools, incident):
    tools.config["gh"] = {"logged_in": False}
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 2, result
    assert result.stderr.strip() == "incident.toml: gh is not logged in: run `gh auth login`"
    assert tools.creates() == [] and incident.read_bytes() == TEXT.encode()


def test_an_invalid_document_is_refused_before_any_tool_runs(tools, incident):
    incident.write_text(DOCUMENT.replace('title = "Card payments timing out"\n', ""), encoding="utf-8")
    before = incident.read_bytes()
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "github")
    assert result.code == 1 and "incident.toml: meta.title" in result.stderr, result
    assert tools.calls() == [] and incident.read_bytes() == before


def test_dry_run_shows_the_issues_and_runs_nothing(tools, incident):
    tools.remove("gh")
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--dry-run")
    assert result.code == 0, result
    assert "A1  would create: Cap retries to the card gateway at three per request  [P1]" in result.stdout
    assert "3 issues would be created with gh (dry run, nothing changed)" in result.stderr
    assert tools.calls() == [] and incident.read_bytes() == TEXT.encode()


def test_push_to_gitlab_reads_the_address_from_glab_output(tools, incident):
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "gitlab")
    assert result.code == 0, result
    assert tickets(incident)["A1"] == "https://gitlab.com/acme/shop/-/issues/1"
    first = tools.creates()[0]
    assert first[:3] == ["glab", "issue", "create"] and "--description" in first and "--yes" in first
    assert tools.calls("gh") == []


def test_glab_not_logged_in(tools, incident):
    tools.config["glab"] = {"logged_in": False}
    result = postmortem(tools, incident.parent, "push", "incident.toml", "--to", "gitlab")
    assert result.code == 2 and "glab is not logged in: run `glab auth login`" in result.stderr, result
    assert incident.read_bytes() == TEXT.encode()


@pytest.fixture
def git_repository(tools: Tools, incident: Path) -> Path:
    """The postmortem's folder inside a git repository whose origin is on GitLab; git on the PATH."""
    import shutil

    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    (tools.bin / "git").symlink_to(git)
    root = incident.parent.parent
    for args in (["init", "-q"], ["remote", "add", "origin", "git@gitlab.example.com:acme/shop.git"]):
        subprocess.run([git, "-C", str(root), *args], check=True, capture_output=True)
    return root


def test_the_tracker_is_guessed_from_the_git_remote(tools, incident, git_repository):
    result = postmortem(tools, git_repository, "push", "postmortems/incident.toml")
    assert result.code == 0, result
    assert tools.calls()[0] == ["glab", "auth", "status", "--hostname", "gitlab.example.com"]
    body = tools.creates()[0][tools.creates()[0].index("--description") + 1]
    assert "from `postmortems/incident.toml` (action A1)" in body  # the path in the repository


# sync

GH_CLOSED = {"state": "CLOSED", "closedAt": "2026-03-10T16:30:00Z", "stateReason": "COMPLETED"}
GH_OPEN = {"state": "OPEN", "closedAt": None, "stateReason": ""}


def with_tickets(path: Path, **tickets: str) -> bytes:
    text = DOCUMENT
    for action_id, ticket in tickets.items():
        text = text.replace(f'id = "{action_id}"\n', f'id = "{action_id}"\nticket = "{ticket}"\n', 1)
    data = dumps(loads(text))  # the store puts the ticket key in its place
    path.write_text(data, encoding="utf-8")
    return data.encode()


def test_sync_marks_a_closed_issue_done_on_the_local_day(tools, incident):
    one, two = "https://github.com/acme/shop/issues/1", "https://github.com/acme/shop/issues/2"
    with_tickets(incident, A1=one, A2=two)
    tools.config["gh"] = {"issues": {one: GH_CLOSED, two: GH_OPEN}}
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 0, result
    doc = load(incident)
    assert doc.actions[0].status == ActionStatus.DONE
    assert str(doc.actions[0].completed) == "2026-03-11"  # 16:30 UTC is the next day in Tokyo
    assert doc.actions[1].status == ActionStatus.OPEN and doc.actions[1].completed is None
    assert "A1  open -> done on 2026-03-11 (issue closed)" in result.stdout
    assert "A2  issue open; still open" in result.stdout
    assert "A3  skipped: PAY-2417 is not a GitHub or GitLab issue address" in result.stdout
    assert ["gh", "issue", "view", one, "--json", "state,closedAt,stateReason"] in tools.calls()


def test_sync_with_only_open_issues_leaves_the_file_as_it_was(tools, incident):
    one = "https://github.com/acme/shop/issues/1"
    before = with_tickets(incident, A1=one)
    tools.config["gh"] = {"issues": {one: GH_OPEN}}
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 0 and "the file is unchanged" in result.stderr, result
    assert incident.read_bytes() == before


def test_sync_reports_a_done_item_whose_issue_is_open(tools, incident):
    url = "https://github.com/acme/shop/issues/4"
    before = with_tickets(incident, A4=url)
    tools.config["gh"] = {"issues": {url: GH_OPEN}}
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 0, result
    assert "A4  done here but its issue is still open; left as it is" in result.stdout
    assert "1 to settle by hand" in result.stderr
    assert incident.read_bytes() == before


def test_sync_with_an_older_gh_asks_again_without_state_reason(tools, incident):
    url = "https://github.com/acme/shop/issues/1"
    with_tickets(incident, A1=url)
    tools.config["gh"] = {"old": True, "issues": {url: {"state": "CLOSED", "closedAt": "2026-03-10T01:00:00Z"}}}
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 0, result
    assert str(load(incident).actions[0].completed) == "2026-03-10"
    assert tools.calls()[-1][-2:] == ["--json", "state,closedAt"]


def test_sync_reports_an_issue_it_cannot_read_and_saves_the_rest(tools, incident):
    one, missing = "https://github.com/acme/shop/issues/1", "https://github.com/acme/shop/issues/99"
    with_tickets(incident, A1=one, A2=missing)
    tools.config["gh"] = {"issues": {one: GH_CLOSED}}
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 2, result
    assert f"incident.toml: A2: cannot read {missing}: GraphQL: Could not resolve" in result.stderr
    assert load(incident).actions[0].status == ActionStatus.DONE


def test_sync_through_glab(tools, incident):
    open_url, closed_url = "https://gitlab.com/acme/shop/-/issues/1", "https://gitlab.com/acme/shop/-/issues/2"
    with_tickets(incident, A1=open_url, A2=closed_url)
    tools.config["glab"] = {
        "issues": {
            open_url: {"iid": 1, "state": "opened", "closed_at": None},
            closed_url: {"iid": 2, "state": "closed", "closed_at": "2026-03-12T02:00:00.000Z"},
        }
    }
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 0, result
    doc = load(incident)
    assert doc.actions[0].status == ActionStatus.OPEN
    assert doc.actions[1].status == ActionStatus.DONE and str(doc.actions[1].completed) == "2026-03-12"
    assert ["glab", "issue", "view", closed_url, "--output", "json"] in tools.calls()
    assert ["glab", "auth", "status", "--hostname", "gitlab.com"] in tools.calls()


def test_sync_without_glab_or_logged_out_changes_nothing(tools, incident):
    url = "https://gitlab.com/acme/shop/-/issues/2"
    before = with_tickets(incident, A2=url)
    tools.config["glab"] = {"logged_in": False, "issues": {url: {"state": "closed", "closed_at": None}}}
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 2 and "glab is not logged in on gitlab.com: run `glab auth login`" in result.stderr, result
    tools.remove("glab")
    result = postmortem(tools, incident.parent, "sync", "incident.toml")
    assert result.code == 2 and "glab is not installed" in result.stderr, result
    assert incident.read_bytes() == before
