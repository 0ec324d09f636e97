"""The postmortem domain: document model, TOML store and derived metrics.

Imports no Textual, so that command-line tools and other programs can use it. The names below are
imported when first used: the document model takes a fifth of a second to build, and the library's
commands never need it when their cache is warm.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from postmortem.models.document import SCHEMA_VERSION, Postmortem
    from postmortem.models.errors import DocumentError, FileAccessError, InvalidDocumentError
    from postmortem.models.metrics import Metrics, compute_metrics
    from postmortem.models.store import load, save

_HOMES = {
    "SCHEMA_VERSION": "document",
    "Postmortem": "document",
    "DocumentError": "errors",
    "FileAccessError": "errors",
    "InvalidDocumentError": "errors",
    "Metrics": "metrics",
    "compute_metrics": "metrics",
    "load": "store",
    "save": "store",
}

__all__ = [
    "SCHEMA_VERSION",
    "DocumentError",
    "FileAccessError",
    "InvalidDocumentError",
    "Metrics",
    "Postmortem",
    "compute_metrics",
    "load",
    "save",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
