"""Exports for each audience: what the summary and the public version keep, and the public leak check."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from postmortem.exports.formats import FORMATS, export, export_checked
from postmortem.models.audience import Audience, for_audience
from postmortem.models.document import Postmortem, Verification
from postmortem.models.enums import Confidentiality, Priority, VerificationResult, Weight
from postmortem.models.leaks import find_leaks


def test_internal_is_the_whole_document(example_doc_readonly):
    assert for_audience(example_doc_readonly, Audience.INTERNAL) == example_doc_readonly


def test_the_summary_keeps_the_key_parts_and_no_people(example_doc_readonly):
    doc = example_doc_readonly
    summary = for_audience(doc, Audience.SUMMARY)
    assert summary.summary.what_happened == doc.summary.what_happened
    assert not (summary.meta.authors or summary.meta.reviewers or summary.meta.facilitator)
    assert {action.priority for action in summary.actions} <= {Priority.P0, Priority.P1}
    assert [a.id for a in summary.actions] == [a.id for a in doc.actions if a.priority in (Priority.P0, Priority.P1)]
    assert summary.factors and all(factor.weight is Weight.PRIMARY for factor in summary.factors)
    assert all(e.milestone or e.key for e in summary.timeline) and not any(e.actor for e in summary.timeline)
    markdown = export(doc, "markdown", Audience.SUMMARY)
    assert "## Five whys" not in markdown and "## Lessons learned" not in markdown
    assert "- **Time to mitigate:** 1h 03m" in markdown  # the key durations stay


def test_the_public_version_keeps_what_customers_read(example_doc_readonly):
    doc = example_doc_readonly.model_copy(update={"summary": example_doc_readonly.summary.model_copy()})
    doc.summary.statement = "We are sorry: checkout failed for many of you during the sale."
    public = for_audience(doc, Audience.PUBLIC)
    assert public.meta.confidentiality is Confidentiality.PUBLIC and not public.meta.id
    assert not (public.factors or public.whys or public.links or public.history or public.summary.root_cause)
    assert all(not (a.owner or a.ticket or a.id or a.factors) for a in public.actions)
    assert [e.milestone for e in public.timeline] == [
        e.milestone for e in doc.timeline if e.milestone and e.milestone.value != "acknowledged"
    ]
    markdown = export(doc, "markdown", Audience.PUBLIC)
    assert markdown.startswith(f"# {doc.meta.title}\n\nIncident of 2026-02-12\n\nWe are sorry: checkout failed")
    assert "## What we are doing" in markdown and "(done)" in markdown


def test_the_done_day_and_the_verification_go_where_the_ticket_goes(example_doc):
    checked = Verification(checked=date(2026, 3, 20), result=VerificationResult.PARTLY, note="Load test replay")
    for action in example_doc.actions:
        action.completed, action.verification = date(2026, 3, 2), checked
    summary = for_audience(example_doc, Audience.SUMMARY)
    assert summary.actions and all(a.verification == checked and a.completed for a in summary.actions)
    public = for_audience(example_doc, Audience.PUBLIC)
    assert public.actions and not any(a.verification or a.completed for a in public.actions)
    rows = list(csv.DictReader(io.StringIO(export(example_doc, "csv", Audience.PUBLIC))))
    assert {row["verification.result"] for row in rows} == {""}
    assert "partly worked" in export(example_doc, "markdown", Audience.SUMMARY)


@pytest.mark.parametrize("format", FORMATS)
def test_the_public_export_of_the_example_has_nothing_to_hide(example_doc_readonly, format):
    text, leaks = export_checked(example_doc_readonly, format, Audience.PUBLIC)
    assert leaks == [] and text == export(example_doc_readonly, format, Audience.PUBLIC)
    for person in [*example_doc_readonly.meta.authors, *example_doc_readonly.meta.reviewers]:
        assert person.split()[0] not in text


def test_json_and_csv_hold_what_the_audience_is_given(example_doc_readonly):
    data = json.loads(export(example_doc_readonly, "json", Audience.PUBLIC))
    assert set(data) == {"schema_version", "meta", "summary", "impact", "timeline", "actions"}
    rows = list(csv.DictReader(io.StringIO(export(example_doc_readonly, "csv", Audience.SUMMARY))))
    assert [row["priority"] for row in rows] and {row["priority"] for row in rows} <= {"P0", "P1"}


PLANTED = {
    "Paged Jonas Petrov at 19:20": ("a person's name", "Jonas Petrov"),
    "Alice restarted it": ("a person's name", "Alice"),
    "see @mira.a in chat": ("an @handle", "@mira.a"),
    "mail ops-team@example.com": ("an e-mail address", "ops-team@example.com"),
    "db-primary-01.eu-west-1.compute.internal ran out of disk": (
        "an internal host name",
        "db-primary-01.eu-west-1.compute.internal",
    ),
    "checkout-api.payments.svc.cluster.local": ("an internal host name", "checkout-api.payments.svc.cluster.local"),
    "web03 and db-2 were restarted": ("a host name", "web03"),
    "traffic from 10.20.3.4 grew": ("an IP address", "10.20.3.4"),
    "it came from 192.168.0.9.": ("an IP address", "192.168.0.9"),
    "and from 2001:db8::17 too": ("an IP address", "2001:db8::17"),
    "tracked in PLAT-2291": ("a ticket id", "PLAT-2291"),
    "see OPS-77": ("a ticket", "OPS-77"),
    "discussed in #inc-2026-014": ("a chat channel", "#inc-2026-014"),
}
HARMLESS = [
    "At 19:08:00 p99 latency passed 5 s; v2.4 of db-defaults came back.",
    "Data is UTF-8 and SHA-256 hashed, base64 encoded, over HTTP/2 and TLS 1.3.",
    "The SEV-2 incident was declared; 31% of requests failed, 2 of 3 retries.",
    "Customers in Germany and Austria saw errors; see status.example.com for updates.",
    "The checkout service and the order service were slow; # of orders fell.",
]


def planted_doc() -> Postmortem:
    return Postmortem.model_validate(
        {
            "meta": {"title": "t", "authors": ["Jonas Petrov"]},
            "actions": [{"action": "Fix it", "ticket": "OPS-77"}],
        }
    )


@pytest.mark.parametrize(("line", "leak"), list(PLANTED.items()), ids=[v[1] for v in PLANTED.values()])
def test_the_leak_check_catches_planted_pieces(line, leak):
    found = [(found.what, found.found) for found in find_leaks(f"first line\n{line}", planted_doc())]
    assert leak in found
    assert all(number == 2 for number in (f.line for f in find_leaks(f"first line\n{line}", planted_doc())))


def test_the_leak_check_leaves_ordinary_text_alone():
    assert find_leaks("\n".join(HARMLESS), planted_doc()) == []


def test_a_confidential_document_is_said_to_be_one():
    doc = planted_doc()
    doc.meta.confidentiality = Confidentiality.CONFIDENTIAL
    assert [leak.sentence() for leak in find_leaks("", doc)] == ["the document is marked confidential"]
