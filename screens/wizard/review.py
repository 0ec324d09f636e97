"""Step 8: the review findings, what is still missing, and the Markdown the export writes."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from postmortem.exports.markdown import render_markdown
from postmortem.models.checks import Finding, Level
from postmortem.models.completeness import missing_by_step
from postmortem.models.imported_parts import imported_parts, move_part, remove_part
from postmortem.models.steps import STEP_BY_ID
from postmortem.screens.dialogs.imported_part import TARGETS, Decision, ImportedPartDialog
from postmortem.screens.widgets.findings import finding_markup
from postmortem.screens.widgets.markdown_preview import MarkdownPreview
from postmortem.screens.wizard.step import StepView


class ReviewStep(StepView):
    DEFAULT_CSS = """
    #review-findings-title {
        padding: 0 0 0 0;
    }
    #review-findings {
        height: auto;
        max-height: 12;
        margin: 0 0 1 0;
    }
    #review-missing {
        padding: 1 2;
        margin-bottom: 1;
        background: $success 15%;
        border-left: thick $success;
    }
    #review-missing.-incomplete {
        background: $warning 15%;
        border-left: thick $warning;
    }
    """

    step_id = "review"
    intro = (
        "Review findings first (enter goes to the field, or opens an imported part), then what is missing, "
        "then the Markdown that export writes, exactly."
    )

    def __init__(self) -> None:
        super().__init__()
        self.findings: list[Finding] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield Static("", id="review-findings-title")
        yield OptionList(id="review-findings")
        yield Static("", id="review-missing")
        yield MarkdownPreview(id="review-document")

    def show_findings(self, findings: list[Finding]) -> None:
        """Every finding in the list, by step then severity; the strip is not used here."""
        order = {step: index for index, step in enumerate(STEP_BY_ID)}
        levels = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}
        self.findings = sorted(findings, key=lambda f: (order[f.step], levels[f.severity]))
        options = self.query_one("#review-findings", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            Option(finding_markup(f, f"{STEP_BY_ID[f.step].title} · {f.location or 'document'}", suggestion=False))
            for f in self.findings
        )
        if self.findings:
            options.highlighted = min(highlighted or 0, len(self.findings) - 1)
        options.display = bool(self.findings)
        errors = sum(f.severity == Level.ERROR for f in findings)
        warnings = sum(f.severity == Level.WARNING for f in findings)
        title = self.query_one("#review-findings-title", Static)
        title.update(
            f"[b]Review findings[/b]: {errors} error{'s' if errors != 1 else ''}, {warnings} "
            f"warning{'s' if warnings != 1 else ''}, {len(findings) - errors - warnings} info"
            if findings
            else "[b]No review findings.[/b] The wording is blameless and the actions SMART."
        )

    @on(OptionList.OptionSelected, "#review-findings")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        location = self.findings[event.option_index].location
        part = re.fullmatch(r"extra\.imported\[(\d+)\]", location)
        if part is None:
            self.post_message(self.JumpTo(location))
        else:
            self._show_imported_part(int(part.group(1)))

    def _show_imported_part(self, index: int) -> None:
        """A part of the imported Markdown no field took: the author reads it, then moves it into a field
        (shown there straight after) or removes it; ctrl+z takes either back."""
        parts = imported_parts(self.document)
        if index >= len(parts):
            return
        part = parts[index]

        def decided(decision: Decision) -> None:
            if decision is None:
                return
            how, location = decision
            if how == "remove":
                remove_part(self.document, index)
                self.document_changed()
                self.notify(f"“{part.heading}” removed; ctrl+z brings it back.")
                return
            move_part(self.document, index, location)
            self.document_changed()
            field = next(label for label, target in TARGETS if target == location)
            self.notify(f"“{part.heading}” moved to the end of {field}; ctrl+z takes it back.")
            self.post_message(self.JumpTo(location))

        self.app.push_screen(ImportedPartDialog(part.heading, part.markdown), decided)

    def refresh_from_document(self) -> None:
        gaps = {step: items for step, items in missing_by_step(self.document).items() if items}
        missing = self.query_one("#review-missing", Static)
        if gaps:
            lines = ["[b]Still missing[/b]"]
            lines += [f"  • {STEP_BY_ID[step].title}: {', '.join(items)}" for step, items in gaps.items()]
            missing.update("\n".join(lines))
        else:
            missing.update("[b]Every step has its required content.[/b]")
        missing.set_class(bool(gaps), "-incomplete")
        self.query_one("#review-document", MarkdownPreview).show(render_markdown(self.document))
