"""Renderers from a Postmortem to other formats. Imports models, never Textual.

The renderers are imported when first asked for, so that the app does not load every format (and
markdown-it for HTML) at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_MODULES = {
    "render_csv": "csv_export",
    "render_html": "html",
    "render_json": "json_export",
    "render_markdown": "markdown",
    "render_schema": "schema",
}
__all__ = list(_MODULES)


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
