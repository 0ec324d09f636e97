"""Every export format, for every audience: the one entry point the command line and the wizard use."""

from __future__ import annotations

from collections.abc import Callable

from postmortem.exports.csv_export import render_csv
from postmortem.exports.html import html_page, render_html
from postmortem.exports.json_export import render_json
from postmortem.exports.markdown import render_markdown
from postmortem.models.audience import Audience, for_audience
from postmortem.models.document import Postmortem
from postmortem.models.leaks import Leak, find_leaks

# Each format, the first the default, with the file name extension it is written under.
EXTENSIONS = {"markdown": ".md", "html": ".html", "json": ".json", "csv": ".csv"}
FORMATS = tuple(EXTENSIONS)


def _data(render: Callable[[Postmortem], str]) -> Callable[[Postmortem, Audience], str]:
    """A format that writes the document's data: it writes what the audience is given."""
    return lambda doc, audience: render(for_audience(doc, audience))


_RENDERERS: dict[str, Callable[[Postmortem, Audience], str]] = {
    "markdown": render_markdown,
    "html": render_html,
    "json": _data(render_json),
    "csv": _data(render_csv),
}


def export(doc: Postmortem, format: str, audience: Audience = Audience.INTERNAL) -> str:
    """The document as ``audience`` reads it, in ``format`` (one of ``FORMATS``)."""
    return _RENDERERS[format](doc, audience)


def export_checked(doc: Postmortem, format: str, audience: Audience) -> tuple[str, list[Leak]]:
    """The export, and for a public one what the leak check finds in what its readers see: its text, or for
    the HTML page the Markdown it shows (its styles are not text a reader sees)."""
    if format == "html":
        shown = render_markdown(doc, audience)
        text = html_page(shown, doc.meta.title)
    else:
        text = shown = export(doc, format, audience)
    return text, find_leaks(shown, doc) if audience is Audience.PUBLIC else []
