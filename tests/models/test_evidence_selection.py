"""What evidence import proposes by default: destructive commands, maintenance switches, bursts, order."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from postmortem.models.document import Meta, Postmortem, TimelineEvent
from postmortem.models.enums import EventKind, Milestone
from postmortem.models.evidence import Candidate, ImportOptions, import_evidence
from postmortem.models.evidence.classify import guess_kind, is_notable

WINDOW = {"since": datetime(2026, 1, 1, tzinfo=UTC), "until": datetime(2027, 1, 1, tzinfo=UTC)}


def proposed(tmp_path: Path, lines: list[str], **options: object) -> list[Candidate]:
    log = tmp_path / "host.log"
    log.write_text("".join(line + "\n" for line in lines))
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 2, 12)))
    result = import_evidence(doc, [str(log)], ImportOptions(**{**WINDOW, **options}))
    assert result.problems == []
    return result.candidates


DESTRUCTIVE = [
    "sudo[9120]:   ops : TTY=pts/1 ; PWD=/home/ops ; USER=root ; COMMAND=/bin/rm -rf /var/opt/app/data",
    "psql: DROP TABLE sessions;",
    "deployer: kubectl -n shop delete deployment checkout-api",
    "ci: terraform destroy -auto-approve",
    "ops-shell: rm -fr /srv/cache",
    "ops-shell: iptables -F",
    "ops-shell: shutdown -r now",
]


@pytest.mark.parametrize("text", DESTRUCTIVE)
def test_destructive_and_privileged_commands_are_proposed_whatever_their_level(tmp_path, text):
    (candidate,) = proposed(tmp_path, [f"2026-02-12T23:27:01Z INFO {text}"])
    assert candidate.kind is EventKind.PRECURSOR  # a change worth reviewing
    assert is_notable("info", text)


@pytest.mark.parametrize(
    "text",
    ["the rm command is documented", "drop the idea", "truncated output", "the terraform docs", "halted? no"],
)
def test_ordinary_words_are_not_taken_for_commands(text):
    assert not is_notable("info", text)


def test_maintenance_on_is_a_mitigation_and_off_a_recovery(tmp_path):
    found = proposed(
        tmp_path,
        [
            "2026-02-12T23:40:00Z INFO web: maintenance mode on",
            "2026-02-13T17:20:00Z INFO web: maintenance mode off, online again",
        ],
    )
    assert [c.kind for c in found] == [EventKind.MITIGATION, EventKind.RECOVERY]
    assert guess_kind("maintenance mode disabled", "info") is EventKind.RECOVERY


def test_a_burst_within_one_second_reads_as_one_time_with_its_count(tmp_path):
    (burst,) = proposed(
        tmp_path,
        [f"2026-02-12T23:31:15.{ms:03d}Z ERROR db: replication slot {n} lost" for n, ms in enumerate((1, 400, 900))],
    )
    assert burst.text == "3 × ERROR db: replication slot <n> lost at 23:31:15"


def test_candidates_at_one_time_sort_by_line_number_as_a_number(tmp_path):
    lines = ["2026-02-12T10:00:00Z INFO filler"] * 12
    lines[8] = "2026-02-12T10:00:00Z ERROR first problem"
    lines[10] = "2026-02-12T10:00:00Z ERROR second problem"
    found = proposed(tmp_path, lines, collapse=False)
    assert [c.source.rsplit(":", 1)[1] for c in found] == ["9", "11"]  # not "11" before "9" as text


def test_changes_are_looked_for_a_day_before_the_window_and_other_records_only_inside(tmp_path):
    log = tmp_path / "ops.log"
    log.write_text(
        "2026-02-11T20:20:00Z INFO pipeline: deployed db-defaults v3.0 to production\n"
        "2026-02-11T20:21:00Z ERROR api: unrelated error the day before\n"
        "2026-02-11T20:22:00Z INFO ops-shell: rm -rf /srv/old-releases\n"
        "2026-02-12T19:10:00Z ERROR api: pool exhausted\n"
    )
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 2, 12)))
    doc.add_event(TimelineEvent(at=datetime(2026, 2, 12, 19, 8, tzinfo=UTC), event="Slow", milestone=Milestone.STARTED))
    found = import_evidence(doc, [str(log)], ImportOptions(collapse=False)).candidates
    assert [c.text for c in found] == [
        "INFO pipeline: deployed db-defaults v3.0 to production",
        "INFO ops-shell: rm -rf /srv/old-releases",
        "ERROR api: pool exhausted",
    ]
    given = ImportOptions(collapse=False, since=datetime(2026, 2, 12, 18, tzinfo=UTC))
    assert [c.text for c in import_evidence(doc, [str(log)], given).candidates] == ["ERROR api: pool exhausted"]


def test_one_error_from_numbered_hosts_is_one_burst_that_names_them(tmp_path):
    found = proposed(
        tmp_path,
        [
            "Feb 12 23:31:15 web01 unicorn[811]: error: upstream timed out",
            "Feb 12 23:31:40 web02 unicorn[902]: error: upstream timed out",
            "Feb 12 23:32:05 web03 unicorn[377]: error: upstream timed out",
            "Feb 12 23:32:30 db01 postgres[55]: error: upstream timed out",
        ],
    )
    assert [c.text for c in found] == [
        "3 × web<n> unicorn[<n>]: error: upstream timed out from 23:31:15 to 23:32:05 on web01, web02, web03",
        "db01 postgres[55]: error: upstream timed out",
    ]
    # The actor is what sent the record: the program, on its host when there is one host.
    assert [c.actor for c in found] == ["unicorn", "postgres on db01"]


def test_the_actor_defaults_to_the_program_and_host_a_record_names(tmp_path):
    journal = proposed(
        tmp_path,
        [
            "2026-02-12T20:08:03+0200 web-01 checkout-api[4242]: error: pool exhausted",
            "2026-02-12T20:08:04+0200 web-02 ERROR: disk full",  # a level where a program would be
            "2026-02-12T20:08:05+0200 ERROR [pool] nobody named",
        ],
    )
    assert [c.actor for c in journal] == ["checkout-api on web-01", "web-02", ""]
    syslog = tmp_path / "rfc5424.log"
    syslog.write_text("<163>1 2026-02-12T19:08:02.5Z web-03 checkout 4321 ID48 - pool exhausted\n")
    lines = tmp_path / "app.jsonl"
    lines.write_text(
        '{"ts": "2026-02-12T19:08:01Z", "level": "error", "msg": "pool exhausted", "service": "checkout-api"}\n'
        '{"ts": "2026-02-12T19:08:02Z", "level": "error", "msg": "disk full", "host": {"name": "db-01"}}\n'
    )
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 2, 12)))
    found = import_evidence(doc, [str(syslog), str(lines)], ImportOptions(**WINDOW)).candidates
    assert [c.actor for c in found] == ["checkout-api", "db-01", "checkout on web-03"]


def test_the_level_word_stays_in_the_text_and_its_case_does_not_split_a_burst(tmp_path):
    found = proposed(
        tmp_path,
        [
            "2026-02-12T19:08:01Z ERROR [pool] exhausted: 12 waiting",
            "2026-02-12T19:08:02Z error [pool] exhausted: 9 waiting",
            "2026-02-12T19:08:03Z Error [pool] exhausted: 14 waiting",
        ],
    )
    assert [(c.text, c.example) for c in found] == [
        ("3 × ERROR [pool] exhausted: <n> waiting from 19:08:01 to 19:08:03", "ERROR [pool] exhausted: 12 waiting")
    ]


def test_a_burst_from_one_numbered_host_names_it_and_reads_in_the_documents_clock(tmp_path):
    log = tmp_path / "syslog"
    log.write_text(
        "Feb 12 18:31:15 db01 postgres[55]: error: replication slot 3 lost\n"
        "Feb 12 18:31:16 db01 postgres[56]: error: replication slot 4 lost\n"
    )
    doc = Postmortem(meta=Meta(title="t", incident_date=date(2026, 2, 12), timezone="Europe/Berlin"))
    # The log's naive times are in UTC; the timeline, and so the burst's text, in the document's zone.
    options = ImportOptions(**WINDOW, zone=ZoneInfo("UTC"))
    (burst,) = import_evidence(doc, [str(log)], options).candidates
    assert burst.text == "2 × db01 postgres[<n>]: error: replication slot <n> lost from 19:31:15 to 19:31:16"
    assert burst.actor == "postgres on db01"
    assert burst.as_json()["actor"] == "postgres on db01"
