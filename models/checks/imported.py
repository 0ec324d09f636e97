"""What an import left for the author to confirm: a timeline event whose text is still the line as it was
imported from a log, a chat or a commit; a milestone guessed from an event's words; a factor whose text did
not say its category; a part of an imported Markdown postmortem that no field took."""

from __future__ import annotations

from collections.abc import Iterator

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.document import Postmortem
from postmortem.models.imported_parts import imported_parts


def check_imported(doc: Postmortem) -> Iterator[Finding]:
    for index, event in enumerate(doc.timeline):
        if event.as_imported:
            yield Finding(
                "timeline.as-imported",
                Level.INFO,
                f"timeline[{index}].event",
                "the text is still the imported line",
                "Say what it shows in plain words (the source keeps the line), or keep it as it is: w on the"
                " Timeline step.",
            )
        if event.milestone_guessed and event.milestone is not None:
            yield Finding(
                "timeline.milestone-guessed",
                Level.WARNING,
                f"timeline[{index}].milestone",
                f"the {event.milestone.value} milestone was guessed from the event's words",
                "Confirm it (w on the Timeline step), move it to the event that marks it (m), or open the event"
                " (e) and choose.",
            )
    for index, factor in enumerate(doc.factors):
        if factor.category is None:
            yield Finding(
                "factors.uncategorised",
                Level.WARNING,
                f"factors[{index}].category",
                "the factor has no category yet",
                "Is it technical, process or organizational? Choose one: e on the Factors step.",
            )
    for index, part in enumerate(imported_parts(doc)):
        yield Finding(
            "extra.imported",
            Level.INFO,
            f"extra.imported[{index}]",
            f'"{part.heading}" from the imported Markdown is not in any field yet',
            "Read it (enter on the Review step), then move it into a field or remove it once what matters"
            " in it is placed.",
        )
