"""One label per field: the wizard's forms say what the exports and the meeting screen say."""

from __future__ import annotations

import re

from postmortem.models.labels import LABELS
from postmortem.screens.dialogs.action_form import ActionForm
from postmortem.screens.dialogs.event_form import EventForm
from postmortem.screens.dialogs.factor_form import FactorForm
from postmortem.screens.widgets.fields import FieldSpec
from postmortem.screens.wizard.impact import ImpactStep
from postmortem.screens.wizard.lessons import LessonsStep
from postmortem.screens.wizard.summary import SummaryStep


def form_labels() -> dict[str, str]:
    """Each form field's label by its location without list indexes (``actions.due``)."""
    specs: list[tuple[str, FieldSpec]] = [
        ("", spec) for step in (SummaryStep, ImpactStep, LessonsStep) for spec in step.FIELDS
    ]
    for list_name, form in (("timeline", EventForm), ("actions", ActionForm), ("factors", FactorForm)):
        specs += [(f"{list_name}.", spec) for spec in form().field_specs()]
    return {prefix + re.sub(r"\[\d+\]", "", spec.name): spec.label for prefix, spec in specs}


def test_every_labelled_field_has_the_same_label_in_its_form():
    labels = form_labels()
    shared = [location for location in LABELS if location in labels]
    assert len(shared) >= 40  # nearly every label is a form's too
    assert {location: labels[location] for location in shared} == {location: LABELS[location] for location in shared}
