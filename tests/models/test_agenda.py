"""The review meeting's agenda: a countdown on a clock of our own, and the sections its topics map to."""

from __future__ import annotations

from postmortem.models.agenda import DEFAULT_AGENDA, Agenda, agenda_items, clock_text, section_for
from postmortem.models.document import AgendaItem


def test_the_countdown_runs_only_while_started_and_restarts_per_item(clock):
    agenda = Agenda([AgendaItem(topic="Timeline", minutes=10), AgendaItem(topic="Actions", minutes=5)], clock=clock)
    clock.now += 100
    assert agenda.remaining() == 600  # not started yet
    agenda.start()
    clock.now += 90
    assert agenda.remaining() == 510 and clock_text(agenda.remaining()) == "8:30"
    agenda.pause()
    clock.now += 1000
    assert agenda.remaining() == 510
    agenda.toggle()
    clock.now += 540
    assert agenda.remaining() == -30 and clock_text(agenda.remaining()) == "+0:30"
    agenda.next()
    assert agenda.current.topic == "Actions" and agenda.remaining() == 300 and agenda.running
    agenda.next()
    assert agenda.index == 1  # stays on the last item


def test_topics_map_to_sections_and_a_document_without_an_agenda_gets_the_default(tmp_path, make_small_doc):
    assert [section_for(topic) for topic, _ in DEFAULT_AGENDA] == [
        "summary",
        "timeline",
        "factors",
        "actions",
        "lessons",
        "wrap-up",
    ]
    assert section_for("Five whys: shared configuration") == "whys"
    assert section_for("Impact figures and customer follow-up") == "impact"
    assert [(i.topic, i.minutes) for i in agenda_items(make_small_doc(tmp_path / "x.toml"))] == list(DEFAULT_AGENDA)
