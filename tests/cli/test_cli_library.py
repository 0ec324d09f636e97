"""``postmortem ls``, ``actions``, ``themes`` and ``stats`` on a folder of postmortems: shapes of their JSON and
CSV, exit codes for CI, and files that do not load named on stderr without stopping the rest."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from library_files import write_postmortem

from postmortem.tui.cli import main

AS_OF = ("--as-of", "2026-06-01")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    write_postmortem(
        tmp_path,
        "2026/checkout.toml",
        date(2026, 4, 1),
        id="INC-2",
        severity="SEV-2",
        services=("checkout",),
        factors=(("technical", "config"),),
        minutes={"detected": 10, "mitigated": 40, "resolved": 90},
        actions=(
            {"action": "Cap the pool at 40 connections", "owner": "Payments team", "priority": "P1"},
            {"action": "Alert on pool wait", "owner": "SRE team", "priority": "P2", "due": date(2026, 9, 1)},
            {"action": "Log the pool size", "owner": "Payments team", "priority": "P0", "status": "done"},
        ),
    )
    write_postmortem(
        tmp_path,
        "2026/search.toml",
        date(2026, 2, 20),
        id="INC-1",
        severity="SEV-3",
        services=("checkout", "search"),
        factors=(("technical", "config"), ("process", "review")),
        minutes={"detected": 30, "resolved": 60},
        actions=({"action": "Review config keys", "owner": "SRE team", "priority": "P2", "due": date(2026, 3, 1)},),
    )
    (tmp_path / "broken.toml").write_text('[meta]\ntitle = "x"\nseverity = "SEV-9"\n')
    return tmp_path


def test_ls_lists_newest_first_and_names_broken_files_on_stderr(run_cli, library):
    result = run_cli(library, "ls", "--json", *AS_OF)
    assert result.code == 0
    items = json.loads(result.stdout)
    assert [item["id"] for item in items] == ["INC-2", "INC-1"]
    assert items[0] == {
        "path": "2026/checkout.toml",
        "id": "INC-2",
        "title": "Incident 2026/checkout.toml",
        "date": "2026-04-01",
        "severity": "SEV-2",
        "kind": "standard",
        "status": "draft",
        "services": ["checkout"],
        "tags": [],
        "duration_seconds": 5400.0,
        "open_actions": 2,
        "late_actions": 1,  # the P1 item: not done within 8 weeks of 1 April
    }
    assert result.error_lines == [
        "broken.toml: meta.severity: 'SEV-9' is not allowed; use one of: SEV-1, SEV-2, SEV-3, SEV-4"
    ]
    human = run_cli(library, "ls", *AS_OF)
    assert human.stdout.splitlines()[0].split() == [
        "Date",
        "Id",
        "Severity",
        "Status",
        "Kind",
        "Duration",
        "Open",
        "Late",
        "Title",
    ]
    assert human.stdout.splitlines()[1].split()[:9] == [
        "2026-04-01",
        "INC-2",
        "SEV-2",
        "draft",
        "standard",
        "1h",
        "30m",
        "2",
        "1",
    ]


def test_actions_json_and_csv_shapes_late_first(run_cli, library):
    result = run_cli(library, "actions", "--json", *AS_OF)
    assert result.code == 0
    rows = json.loads(result.stdout)
    assert [(row["incident"], row["id"], row["late"]) for row in rows] == [
        ("INC-2", "A1", "rule"),  # P1, rule deadline 2026-05-27 passed
        ("INC-1", "A1", "due"),  # its own due date passed; P2 has no rule
        ("INC-2", "A2", ""),
    ]
    assert rows[0] == {
        "incident": "INC-2",
        "path": "2026/checkout.toml",
        "id": "A1",
        "action": "Cap the pool at 40 connections",
        "owner": "Payments team",
        "priority": "P1",
        "status": "open",
        "due": None,
        "deadline": "2026-05-27",
        "late": "rule",
        "ticket": "",
    }
    table = list(csv.DictReader(io.StringIO(run_cli(library, "actions", "--csv", "--overdue", *AS_OF).stdout)))
    assert [(row["incident"], row["id"], row["due"], row["deadline"]) for row in table] == [
        ("INC-2", "A1", "", "2026-05-27"),
        ("INC-1", "A1", "2026-03-01", ""),
    ]
    mine = json.loads(run_cli(library, "actions", "--json", "--owner", "sre", *AS_OF).stdout)
    assert [(row["incident"], row["id"]) for row in mine] == [("INC-1", "A1"), ("INC-2", "A2")]


def test_fail_on_overdue_exits_1_only_for_that_priority_or_higher(run_cli, library):
    failing = run_cli(library, "actions", "--fail-on-overdue", "P1", *AS_OF)
    assert failing.code == 1
    assert any("A1 (P1) breaks its due-date rule: due by 2026-05-27" in line for line in failing.error_lines)
    assert run_cli(library, "actions", "--fail-on-overdue", "P0", *AS_OF).code == 0
    assert run_cli(library, "actions", "--fail-on-overdue", "P1", "--as-of", "2026-05-01").code == 0
    (library / "postmortem.toml").write_text('[actions.due_within]\nP1 = "12 weeks"\n')
    assert run_cli(library, "actions", "--fail-on-overdue", "P1", *AS_OF).code == 0


def test_actions_grouped_by_owner_or_by_incident(run_cli, library):
    by_owner = run_cli(library, "actions", *AS_OF).stdout.splitlines()
    assert [line for line in by_owner if line and not line.startswith((" ", "!"))] == ["Payments team", "SRE team"]
    by_incident = run_cli(library, "actions", "--by", "incident", *AS_OF).stdout.splitlines()
    assert [line.split()[0] for line in by_incident if line.startswith("INC-")] == ["INC-1", "INC-2"]


def test_themes_and_stats_json(run_cli, library):
    themes = json.loads(run_cli(library, "themes", "--json", *AS_OF).stdout)
    assert [(t["dimension"], t["name"], t["count"], t["incidents"]) for t in themes["themes"]] == [
        ("area", "config", 2, ["INC-2", "INC-1"]),
        ("category", "technical", 2, ["INC-2", "INC-1"]),
        ("service", "checkout", 2, ["INC-2", "INC-1"]),
    ]
    assert themes["themes"][0]["trend"] == [0, 0, 1, 1]
    assert themes["recurring"] == [
        {"earlier": "INC-1", "later": "INC-2", "days": 40, "services": ["checkout"], "areas": ["config"]}
    ]
    stats = json.loads(run_cli(library, "stats", "--json").stdout)
    assert [row["group"] for row in stats["by_quarter"]] == ["2026-Q1", "2026-Q2"]
    assert stats["by_quarter"][0]["time_to_detect"] == {"count": 1, "median_seconds": 1800.0, "p90_seconds": 1800.0}
    assert stats["by_severity"][0]["group"] == "SEV-2"
    assert stats["by_severity"][0]["time_to_mitigate"]["median_seconds"] == 2400.0
    human = run_cli(library, "stats").stdout
    assert "By quarter (median / 90th percentile, incidents):" in human and "10m / 10m (1)" in human


def test_a_folder_that_is_not_one(run_cli, tmp_path, assert_clean_failure):
    result = run_cli(tmp_path, "ls", "nowhere")
    assert_clean_failure(result, 2)
    assert result.error_lines == ["nowhere: not a folder"]


def test_a_warm_library_command_starts_without_the_document_model(library: Path):
    """The document model (pydantic) is a fifth of a second to import; from a warm cache the library's
    commands never need it, and a command that did would be that much slower for a team's CI."""
    subprocess.run([sys.executable, "-m", "postmortem", "ls", str(library)], check=True, capture_output=True)
    check = (
        "import sys\n"
        "from postmortem.tui.cli import main\n"
        f"for command in ('ls', 'actions', 'themes', 'stats'):\n"
        f"    main([command, {str(library)!r}])\n"
        "import postmortem.tui.library_app\n"  # the library screen too
        "print(sorted(name for name in ('pydantic', 'postmortem.models.document') if name in sys.modules))\n"
    )
    ran = subprocess.run([sys.executable, "-c", check], check=True, capture_output=True, text=True)
    assert ran.stdout.splitlines()[-1] == "[]"


def test_the_wizard_hands_over_to_the_library_of_the_file_and_the_library_back_to_the_wizard(
    library: Path, monkeypatch: pytest.MonkeyPatch
):
    """edit FILE, "Open the library…" in the wizard: the library of the file's repository; a postmortem
    chosen there opens in the wizard, and closing that comes back to the library, until it is quit."""
    import postmortem.tui.library_app
    import postmortem.tui.wizard_app

    (library / ".git").mkdir()
    monkeypatch.chdir(library / "2026")
    shown: list[object] = []
    wizard_answers = iter(["library", None])
    library_answers = iter([("edit", library / "2026" / "search.toml"), None])

    def wizard(app: postmortem.tui.wizard_app.WizardApp) -> int:
        shown.append(("wizard", app.path.name))
        app.then = next(wizard_answers)
        return 0

    def browse(app: postmortem.tui.library_app.LibraryApp) -> object:
        shown.append(("library", app.root))
        return next(library_answers)

    monkeypatch.setattr(postmortem.tui.wizard_app.WizardApp, "run", wizard)
    monkeypatch.setattr(postmortem.tui.library_app.LibraryApp, "run", browse)
    assert main(["edit", "checkout.toml"]) == 0
    assert shown == [
        ("wizard", "checkout.toml"),
        ("library", library.resolve()),  # outside the current folder: named in full
        ("wizard", "search.toml"),
        ("library", library.resolve()),
    ]


def test_themes_lists_each_possibly_recurring_incident_once_with_the_nearest_it_follows(tmp_path: Path, capsys):
    for number, day in enumerate((date(2026, 1, 1), date(2026, 1, 20), date(2026, 2, 10), date(2026, 2, 15)), 1):
        write_postmortem(
            tmp_path,
            f"{number}.toml",
            day,
            id=f"INC-{number}",
            services=("checkout",),
            factors=(("technical", "config"),),
        )
    write_postmortem(
        tmp_path,
        "5.toml",
        date(2026, 3, 1),
        id="INC-5",
        services=("checkout", "search"),
        factors=(("technical", "config"), ("process", "testing")),
    )
    assert main(["themes", str(tmp_path), *AS_OF]) == 0
    recurring = capsys.readouterr().out.split("Possibly recurring")[1].splitlines()[2:]
    assert [line.split()[:2] for line in recurring] == [
        ["2026-03-01", "INC-5"],
        ["2026-02-15", "INC-4"],
        ["2026-02-10", "INC-3"],
        ["2026-01-20", "INC-2"],
    ]
    assert "INC-4 (14 days), INC-3 (19 days), INC-2 (40 days) and 1 more  checkout · config" in recurring[0]
