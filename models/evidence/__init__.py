"""Timeline reconstruction: read logs, alert and chat exports and git history into candidate events."""

from postmortem.models.evidence.importer import Candidate, ImportOptions, ImportResult, default_window, import_evidence
from postmortem.models.evidence.records import Cancelled, Progress

__all__ = ["Cancelled", "Candidate", "ImportOptions", "ImportResult", "Progress", "default_window", "import_evidence"]
