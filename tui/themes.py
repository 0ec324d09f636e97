"""The projector theme: a light background, dark text and one accent, legible from the back of a room."""

from __future__ import annotations

from textual.theme import Theme

PROJECTOR = Theme(
    name="projector",
    primary="#0a3a8c",
    secondary="#0a3a8c",
    accent="#b3360b",
    foreground="#0d0d0d",
    background="#ffffff",
    surface="#f2f2f2",
    panel="#e4e4e4",
    boost="#e9e9e9",
    warning="#8a4b00",
    error="#b3141b",
    success="#13693a",
    dark=False,
)
