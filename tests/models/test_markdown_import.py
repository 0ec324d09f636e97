"""Markdown postmortems as documents: sections by meaning, timelines in their stated zone across midnight,
action items with owners, due dates and tickets, factors with the category their text gives, guesses marked
for the author, and every part no field takes kept as written, through a save and the Markdown export."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from postmortem.exports.markdown import render_markdown
from postmortem.models.codec import dumps
from postmortem.models.enums import ActionStatus, Category, Milestone, Priority, Severity
from postmortem.models.errors import describe_validation
from postmortem.models.markdown_import.build import IMPORTED, import_markdown
from postmortem.models.markdown_import.records import status_of
from postmortem.models.markdown_import.vocabulary import section_kind
from postmortem.models.store import load, save

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"


def imported(number: str, zone: str | None = None):
    path = next(CORPUS.glob(f"{number}-*.md"))
    return import_markdown(path.read_text(encoding="utf-8"), path.name, zone)


@pytest.fixture(scope="module")
def certificate():
    """A bold header line of figures, a bullet timeline past midnight, a task list of follow-ups."""
    return imported("02")


def test_figures_under_the_title_go_to_their_fields(certificate):
    meta = certificate.document.meta
    assert (meta.severity, meta.incident_date, meta.status.value) == (Severity.SEV2, date(2025, 11, 7), "final")
    assert meta.services == ["`auth-gateway`", "`mobile-bff`"]
    assert meta.title == "Postmortem: expired certificate on auth-gateway"  # as written
    assert certificate.document.impact.users_affected == "~21,000"


def test_a_timeline_past_midnight_moves_to_the_next_day_and_its_milestones_are_guesses(certificate):
    timeline = certificate.document.timeline
    assert [event.at.isoformat() for event in timeline[:5]] == [
        "2025-11-07T23:41:00+00:00",
        "2025-11-07T23:44:00+00:00",
        "2025-11-07T23:58:00+00:00",
        "2025-11-08T00:06:00+00:00",
        "2025-11-08T00:09:00+00:00",
    ]
    assert timeline[0].event.startswith("The `notAfter` date of the certificate")
    marked = {event.milestone: event.event for event in timeline if event.milestone is not None}
    assert list(marked) == [
        Milestone.STARTED,
        Milestone.DETECTED,
        Milestone.ACKNOWLEDGED,
        Milestone.MITIGATED,
        Milestone.RESOLVED,
    ]
    assert marked[Milestone.DETECTED].startswith("Synthetic login probe fails; alert fired")
    assert all(event.milestone_guessed for event in timeline if event.milestone is not None)


def test_task_list_follow_ups_keep_their_tick_owner_due_date_and_ticket(certificate):
    first, _, third, *_ = certificate.document.actions
    assert (first.status, first.owner, first.ticket) == (ActionStatus.DONE, "Identity team", "IDN-1190")
    assert first.action == "Recreate the `cert-renewer` service account and RBAC in `k8s-core`"
    assert (third.status, third.owner, third.due, third.ticket) == (
        ActionStatus.OPEN,
        "Observability team",
        date(2025, 12, 5),
        "OBS-402",
    )


def test_root_causes_in_bold_give_factors_whose_category_is_left_to_the_author(certificate):
    factors = certificate.document.factors
    assert [(factor.id, factor.title, factor.category) for factor in factors] == [
        ("F1", "Renewal silently broken", None),
        ("F2", "Expiry monitoring pointed at the wrong place", None),
    ]
    assert factors[0].description.startswith("When `auth-gateway` moved from `k8s-legacy` to `k8s-core`")


def test_sections_no_field_takes_are_kept_as_written_through_a_save_and_the_export(certificate, tmp_path):
    kept = certificate.document.extra[IMPORTED]
    assert [entry["heading"] for entry in kept] == ["Detection", "Timeline (notes)", "Stats"]
    assert kept[0]["markdown"].startswith("The synthetic login probe in eu-west began failing at 23:44")
    assert "**old** cluster's load balancer" in kept[0]["markdown"]
    assert kept[1]["markdown"] == "All times in UTC. Entries after midnight are on 8 November."
    assert certificate.unplaced == ["Detection", "Timeline (notes)", "Stats"]
    path = tmp_path / "imported.toml"
    save(certificate.document, path)
    again = load(path)
    assert again == certificate.document
    exported = render_markdown(again)
    assert "## Imported, not placed yet" in exported
    assert all(entry["markdown"] in exported for entry in kept)


def test_the_zone_the_timeline_names_and_dates_given_in_sub_headings():
    dns = imported("03").document  # "All times are US/Pacific (PDT, UTC−7)", a sub-heading per day
    assert dns.meta.timezone == "America/Los_Angeles"
    assert dns.timeline[0].at == datetime(2025, 6, 18, 10, 5, tzinfo=ZoneInfo("America/Los_Angeles"))
    assert dns.timeline[-1].at.date() == date(2025, 6, 19)
    ledger = imported("04").document  # "Times in Europe/Berlin (CET)", a table of times past midnight
    assert ledger.meta.timezone == "Europe/Berlin"
    assert ledger.timeline[0].at.isoformat() == "2026-01-22T23:00:00+01:00"
    assert ledger.timeline[-1].at.isoformat() == "2026-01-23T09:30:00+01:00"


def test_a_zone_given_holds_over_the_one_the_text_names():
    assert imported("04", "UTC").document.timeline[0].at.isoformat() == "2026-01-22T23:00:00+00:00"


def test_front_matter_a_table_timeline_with_dates_and_an_action_table():
    checkout = imported("01")
    doc = checkout.document
    assert (doc.meta.incident_date, doc.meta.severity, doc.meta.tags) == (
        date(2026, 3, 14),
        Severity.SEV2,
        ["config", "checkout", "rollout"],
    )
    assert doc.timeline[-1].at.isoformat() == "2026-03-16T14:00:00+00:00"  # a full date in the row
    first = doc.actions[0]
    assert (first.owner, first.due, first.priority, first.ticket) == (
        "Config Platform team",
        date(2026, 4, 1),
        Priority.P1,
        "OPS-88",
    )
    assert [factor.category for factor in doc.factors[:2]] == [Category.TECHNICAL, Category.TECHNICAL]
    assert doc.lessons.went_well and doc.lessons.went_poorly and doc.lessons.lucky
    assert checkout.placed[0].startswith("Front matter -> meta.title, meta.incident_date, meta.severity")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.md")), ids=lambda path: path.stem)
def test_every_file_of_the_corpus_gives_its_expected_document(path, tmp_path):
    """Each Markdown file's expected document is the .toml beside it, read and checked by hand. After a change
    to the mapping, write them again (rm tests/fixtures/markdown/*.toml, then for each FILE.md:
    postmortem import FILE.md -o FILE.toml) and read the diff before committing it."""
    result = import_markdown(path.read_text(encoding="utf-8"), path.name)
    assert result.document == load(path.with_suffix(".toml"))
    save(result.document, tmp_path / "out.toml")
    assert (tmp_path / "out.toml").read_bytes() == path.with_suffix(".toml").read_bytes()


# Every word of the input is in the document. Left out of the comparison, as Markdown syntax or as what the
# document's structure stands for: the headings of the sections the mapping recognised, task-list ticks,
# a zone's abbreviation right after a time (08:21 UTC), and a status cell the status field holds (To do).
_WORD = re.compile(r"\w+")
_TICK = re.compile(r"^(\s*[-*+]\s+)\[[ xX]\]", re.MULTILINE)
_ZONE_AFTER_TIME = re.compile(r"(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:UTC|GMT|Z)\b")


def _input_words(text: str) -> Counter[str]:
    kept = []
    for line in text.split("\n"):
        heading = re.match(r"^#{2,6}\s+(.*)$", line)
        if heading is not None and section_kind(heading.group(1)) is not None:
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.lstrip().startswith("|") else []
        if cells:
            line = " | ".join(cell for cell in cells if status_of(cell) is None or len(cells) < 3)
        kept.append(line)
    text = _ZONE_AFTER_TIME.sub(r"\1", _TICK.sub(r"\1", "\n".join(kept)))
    return Counter(word.lower() for word in _WORD.findall(text))


def _document_words(document) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(dumps(document) + "\n" + render_markdown(document)))


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.md")), ids=lambda path: path.stem)
def test_every_word_of_the_markdown_is_in_the_document(path):
    text = path.read_text(encoding="utf-8")
    missing = _input_words(text) - _document_words(import_markdown(text, path.name).document)
    assert not missing, f"words of {path.name} not in the document: {dict(missing)}"


_MARKDOWN_BITS = st.sampled_from(
    [
        "# Title\n",
        "## Timeline\n",
        "## Action items\n",
        "## Contributing factors\n",
        "## Stats\n",
        "## Whatever\n",
        "- 23:59 alert fired\n",
        "- **00:01** — resolved\n",
        "| Time | Event |\n|---|---|\n| 25:99 | x |\n",
        "| Time | Event |\n|---|---|\n| 2026-13-40 08:00 | y |\n| 2026-02-28 23:59:59 | z |\n",
        "| Action | Owner | Due |\n|---|---|---|\n| fix | (A) | 2026-13-40 |\n",
        "- [x] done — Team, due 2026-02-30 (P9) ABC-1\n",
        "---\ntitle: x\ndate: nope\n---\n",
        "Severity: SEV-7 · Date: 2026-02-29\n",
        "Technical: \n",
        "```\ncode\n```\n",
        "> quote\n",
        "\n",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_MARKDOWN_BITS, st.text(max_size=30)), max_size=12))
def test_any_markdown_gives_a_document_or_a_clear_problem_never_a_traceback(parts):
    text = "".join(parts)
    try:
        document = import_markdown(text, "random.md").document
    except ValidationError as error:  # files.read_markdown turns it into a one-line problem naming the file
        assert describe_validation(error)
        return
    assert load_text(dumps(document)) == document


def load_text(text: str):
    from postmortem.models.codec import loads

    return loads(text)
