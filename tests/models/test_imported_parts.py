"""The parts of an imported Markdown postmortem no field took: moved into a text field by the author, or
removed once placed."""

from __future__ import annotations

from postmortem.models.document import Meta, Postmortem, Summary
from postmortem.models.imported_parts import KEY as IMPORTED
from postmortem.models.imported_parts import imported_parts, move_part, remove_part


def test_an_imported_part_moved_into_a_field_goes_after_its_text_and_leaves_the_rest():
    doc = Postmortem(
        meta=Meta(title="Queue stalled"),
        summary=Summary(background="One queue.\n"),
        extra={IMPORTED: [{"heading": "A", "markdown": "\nFirst part.\n"}, {"heading": "B", "markdown": "Second."}]},
    )
    move_part(doc, 0, "summary.background")
    assert doc.summary.background == "One queue.\n\nFirst part."
    assert imported_parts(doc) == [("B", "Second.")]
    move_part(doc, 0, "response.recovery")  # an empty field takes the Markdown alone
    assert doc.response.recovery == "Second." and doc.extra == {}
    doc.extra = {IMPORTED: [{"heading": "C", "markdown": "Third."}], "team": "payments"}
    remove_part(doc, 0)
    assert doc.extra == {"team": "payments"}
