"""Every export format, for every audience: the one entry point the command line and the wizard use."""

from __future__ import annotations

from collections.abc import Callable

from postmortem.exports.csv_export import render_csv
from postmortem.exports.json_export import render_json
from postmortem.exports.markdown import render_markdown
from postmortem.models.audience import Audience, for_audience
from postmortem.models.document import Postmortem

# Each format, the first the default, with the file name extension it is written under.
EXTENSIONS = {"markdown": ".md", "json": ".json", "csv": ".csv"}
FORMATS = tuple(EXTENSIONS)


def _data(render: Callable[[Postmortem], str]) -> Callable[[Postmortem, Audience], str]:
    """A format that writes the document's data: it writes what the audience is given."""
    return lambda doc, audience: render(for_audience(doc, audience))


_RENDERERS: dict[str, Callable[[Postmortem, Audience], str]] = {
    "markdown": render_markdown,
    "json": _data(render_json),
    "csv": _data(render_csv),
}


def export(doc: Postmortem, format: str, audience: Audience = Audience.INTERNAL) -> str:
    """The document as ``audience`` reads it, in ``format`` (one of ``FORMATS``)."""
    return _RENDERERS[format](doc, audience)
