"""Step 7: what the team learned, how the response went, and where to read more."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from postmortem.models.text_formats import format_links, parse_links
from postmortem.screens.widgets.fields import FieldSpec as F
from postmortem.screens.wizard.step import FormStep

LESSON_FIELDS = [
    F("lessons.went_well", "What went well", "lines", placeholder="one per line: what helped?"),
    F("lessons.went_poorly", "What went poorly", "lines", placeholder="one per line: what got in the way?"),
    F("lessons.lucky", "Where we got lucky", "lines", placeholder="one per line: what could have made it worse?"),
    F("lessons.key_learnings", "Key learnings", "lines", placeholder="one per line: what do we know now?"),
]
RESPONSE_FIELDS = [
    F(
        "response.recovery",
        "Recovery story",
        "long",
        placeholder="The way back, in order: what was tried, what worked, what it cost, what slowed it.",
    ),
    F("response.mitigation", "Mitigation", "long", placeholder="What was done to limit the impact."),
    F(
        "response.verification",
        "Verification",
        "long",
        placeholder="How recovery was confirmed: dashboards, checks, tests.",
    ),
    F(
        "response.residual_risk",
        "Residual risk",
        "long",
        placeholder="What could still go wrong until the actions land.",
    ),
    F("response.communication", "Communication", "long", placeholder="Status page, stakeholders, customers."),
]
LINK_FIELDS = [
    F("links", "Links", "lines", placeholder="one per line — label | url", parse=parse_links, show=format_links),
]


class LessonsStep(FormStep):
    step_id = "lessons"
    intro = "Write one item per line. Near misses count: they show where the system is fragile."
    FIELDS = LESSON_FIELDS + RESPONSE_FIELDS + LINK_FIELDS

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield from self.compose_fields(LESSON_FIELDS)
        yield Static("Response", classes="step-subtitle")
        yield from self.compose_fields(RESPONSE_FIELDS)
        yield Static("Links", classes="step-subtitle")
        yield from self.compose_fields(LINK_FIELDS)
