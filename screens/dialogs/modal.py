"""The look the small dialogs share: a framed box in the middle of a dimmed screen, a bold heading, labelled
rows, a row of buttons, and a line for what is wrong with the input."""

from __future__ import annotations

_CSS = """
{name} {{
    align: center middle;
    background: $background 60%;
}}
{name} > Vertical {{
    width: 90%;
    max-width: 100;
    height: auto;
    max-height: 95%;
    border: thick $primary;
    background: $surface;
    padding: 0 1;
}}
{name} .dialog-heading {{
    text-style: bold;
    margin-bottom: 1;
}}
{name} .dialog-buttons {{
    height: auto;
    margin-top: 1;
}}
{name} .dialog-buttons Button {{
    margin-right: 1;
}}
{name} .dialog-row {{
    height: auto;
    margin-bottom: 1;
}}
{name} .dialog-row Label {{
    width: 10;
    padding: 0 1 0 0;
    color: $text-muted;
}}
{name} .dialog-row Select, {name} .dialog-row Input {{
    width: 1fr;
}}
{name} .dialog-problem {{
    color: $text-error;
    height: auto;
}}
"""


def modal_css(name: str) -> str:
    """The shared rules for the dialog class ``name`` (its outer ``Vertical`` is the box)."""
    return _CSS.format(name=name)
