"""Step 8: the whole document as it will be exported, and what is still missing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Markdown, Static

from exports.markdown import render_markdown
from models.completeness import missing_by_step
from screens.step import StepView
from screens.steps import BY_ID


class ReviewStep(StepView):
    step_id = "review"
    intro = "The exported document as reviewers will read it. Gaps are listed first."

    def compose(self) -> ComposeResult:
        yield from self.compose_header()
        yield Static("", id="review-missing")
        yield Markdown("", id="review-document")

    def refresh_from_document(self) -> None:
        gaps = {step: items for step, items in missing_by_step(self.document).items() if items}
        missing = self.query_one("#review-missing", Static)
        if gaps:
            lines = ["[b]Still missing[/b]"]
            lines += [f"  • {BY_ID[step].title}: {', '.join(items)}" for step, items in gaps.items()]
            missing.update("\n".join(lines))
        else:
            missing.update("[b]Every step has its required content.[/b]")
        missing.set_class(bool(gaps), "-incomplete")
        self.query_one("#review-document", Markdown).update(render_markdown(self.document))

    def left(self) -> None:
        # The rendered document is hundreds of widgets: keeping them while hidden
        # slows every later step change, and the next visit renders it afresh anyway.
        self.query_one("#review-document", Markdown).update("")
