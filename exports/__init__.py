"""Renderers from a Postmortem to other formats. Imports models, never Textual."""

from exports.markdown import render_markdown

__all__ = ["render_markdown"]
