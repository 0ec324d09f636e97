"""The library: every postmortem under a folder, read once and then from the cache; files that do not load are
listed with their problem and never stop the rest; the rules for action items from postmortem.toml."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from library_files import write_postmortem

from postmortem.models.library.entry import Entry
from postmortem.models.library.load import library_root, load_library
from postmortem.models.library.rules import DEFAULT_DUE_DAYS, read_rules


def test_every_postmortem_under_the_folder_newest_first_and_the_broken_ones_named(tmp_path):
    write_postmortem(tmp_path, "2025/a.toml", date(2025, 3, 1), id="INC-1")
    write_postmortem(tmp_path, "2026/b.toml", date(2026, 1, 5), id="INC-2")
    write_postmortem(tmp_path, "c.toml", date(2024, 7, 9), id="INC-0")
    (tmp_path / "broken.toml").write_text("[meta\ntitle = 1\n")
    (tmp_path / "invalid.toml").write_text('[meta]\ntitle = ""\n')
    (tmp_path / "settings.toml").write_text("[tool]\nx = 1\n")  # TOML, but not a postmortem: left out quietly
    write_postmortem(tmp_path, ".git/d.toml", date(2026, 1, 1))  # hidden folders are not looked into
    library = load_library(tmp_path)
    assert [entry.id for entry in library.entries] == ["INC-2", "INC-1", "INC-0"]
    assert [entry.path for entry in library.entries] == ["2026/b.toml", "2025/a.toml", "c.toml"]
    problems = {problem.path: problem.message for problem in library.problems}
    assert set(problems) == {"broken.toml", "invalid.toml"}
    assert "line 1" in problems["broken.toml"] and "TOML syntax error" in problems["broken.toml"]
    assert problems["invalid.toml"] == "meta.title: must not be empty"


def test_a_warm_run_reads_only_what_changed(tmp_path):
    for number in range(5):
        write_postmortem(tmp_path, f"p{number}.toml", date(2026, 1, 1 + number), id=f"INC-{number}")
    assert load_library(tmp_path).read == 5
    assert load_library(tmp_path).read == 0
    changed = write_postmortem(tmp_path, "p2.toml", date(2026, 1, 3), id="INC-2b", severity="SEV-1")
    os.utime(changed, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    (tmp_path / "p4.toml").unlink()
    again = load_library(tmp_path)
    assert again.read == 1
    assert [entry.id for entry in again.entries] == ["INC-3", "INC-2b", "INC-1", "INC-0"]
    assert load_library(tmp_path, use_cache=False).read == 4


def test_a_cache_that_cannot_be_read_is_read_past(tmp_path, monkeypatch):
    write_postmortem(tmp_path, "p.toml", date(2026, 1, 1), id="INC-1")
    load_library(tmp_path)
    for cached in Path(os.environ["POSTMORTEM_CACHE_DIR"]).rglob("*.json"):
        cached.write_text("{not json")
    library = load_library(tmp_path)
    assert library.read == 1 and [entry.id for entry in library.entries] == ["INC-1"]
    for cached in Path(os.environ["POSTMORTEM_CACHE_DIR"]).rglob("*.json"):  # JSON, but records of another shape
        data = json.loads(cached.read_text())
        data["files"]["p.toml"]["entry"] = {"title": "old"}
        cached.write_text(json.dumps(data))
    assert [entry.id for entry in load_library(tmp_path).entries] == ["INC-1"]


def test_the_summary_keeps_what_the_views_need(tmp_path):
    write_postmortem(
        tmp_path,
        "p.toml",
        date(2026, 2, 12),
        id="INC-7",
        severity="SEV-2",
        services=("checkout-api",),
        tags=("pool",),
        factors=(("technical", "config"), ("process", "review"), ("technical", "config")),
        minutes={"detected": 11, "mitigated": 63, "resolved": 127},
        actions=({"action": "Alert on pool wait over 500 ms", "owner": "SRE team", "priority": "P1"},),
    )
    (entry,) = load_library(tmp_path).entries
    assert Entry.from_data(entry.as_data()) == entry  # what the cache keeps is the entry
    assert (entry.severity, entry.services, entry.tags) == ("SEV-2", ("checkout-api",), ("pool",))
    assert entry.areas == ("config", "review") and entry.categories == ("technical", "process")
    assert entry.seconds == {
        "time_to_detect": 660.0,
        "time_to_mitigate": 3780.0,
        "time_to_resolve": 7620.0,
        "duration": 7620.0,
    }
    (action,) = entry.actions
    assert (action.id, action.owner, action.priority, action.open) == ("A1", "SRE team", "P1", True)


def test_the_due_date_rules_come_from_postmortem_toml(tmp_path):
    assert read_rules(tmp_path) == (read_rules(tmp_path)[0], [])
    assert read_rules(tmp_path)[0].due_days == DEFAULT_DUE_DAYS == {"P0": 28, "P1": 56}
    (tmp_path / "postmortem.toml").write_text('[actions.due_within]\nP0 = "2 weeks"\nP2 = 90\nP3 = "soon"\nP9 = 3\n')
    rules, problems = read_rules(tmp_path)
    assert rules.due_days == {"P0": 14, "P1": 56, "P2": 90}
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "actions.due_within.P3: 'soon' is not a span such as \"4 weeks\"",
        "actions.due_within.P9: not a priority (P0 to P3)",
    ]
    (tmp_path / "postmortem.toml").write_text("[actions\n")
    rules, problems = read_rules(tmp_path)
    assert rules.due_days == DEFAULT_DUE_DAYS and len(problems) == 1 and "postmortem.toml" in problems[0]


def test_a_file_belongs_to_the_library_of_its_config_else_its_repository_else_its_folder(tmp_path):
    repository = tmp_path / "shop"
    (repository / ".git").mkdir(parents=True)
    incident = repository / "docs" / "postmortems" / "2026" / "db.toml"
    incident.parent.mkdir(parents=True)
    incident.touch()
    assert library_root(incident) == repository.resolve()
    (repository / "docs" / "postmortems" / "postmortem.toml").touch()
    assert library_root(incident) == (repository / "docs" / "postmortems").resolve()
    loose = tmp_path / "elsewhere" / "cache.toml"
    loose.parent.mkdir()
    loose.touch()
    assert library_root(loose) == loose.parent.resolve()
