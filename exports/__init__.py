"""Renderers from a Postmortem to other formats. Imports models, never Textual."""

from postmortem.exports.markdown import render_markdown

__all__ = ["render_markdown"]
