"""Timeline events whose text is still the line as it was imported from a log, a chat or a commit."""

from __future__ import annotations

from collections.abc import Iterator

from postmortem.models.checks.findings import Finding, Level
from postmortem.models.document import Postmortem


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
