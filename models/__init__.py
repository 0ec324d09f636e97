"""The postmortem domain: document model, TOML store and derived metrics.

Imports no Textual, so that command-line tools and other programs can use it.
"""

from postmortem.models.document import SCHEMA_VERSION, Postmortem
from postmortem.models.errors import DocumentError, FileAccessError, InvalidDocumentError
from postmortem.models.metrics import Metrics, compute_metrics
from postmortem.models.store import load, save

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
