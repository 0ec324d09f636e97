"""Renderers from a Postmortem to other formats. Imports models, never Textual."""

from postmortem.exports.csv_export import render_csv
from postmortem.exports.html import render_html
from postmortem.exports.json_export import render_json
from postmortem.exports.markdown import render_markdown
from postmortem.exports.schema import render_schema

__all__ = ["render_csv", "render_html", "render_json", "render_markdown", "render_schema"]
