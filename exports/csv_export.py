"""A postmortem's action items as CSV, for a spreadsheet or a tracker's import.

RFC 4180: a header row, then one row per action item in the document's
order, CRLF line ends, and a field quoted when it holds a comma, a quote or a
line break (its quotes doubled). The columns are the file's own keys, those of
the verification's table named with their path (``verification.result``);
columns added later come last, so that the earlier ones keep their places.
Empty values are empty cells; dates are ``YYYY-MM-DD``; ``factors`` joins the
factor ids with ``"; "``; ``agreed`` is ``true`` or ``false``; a result is the
file's value (``did-not``).
"""

from __future__ import annotations

import csv
import io

from postmortem.models.document import ActionItem, Postmortem

ACTION_COLUMNS = (
    "id",
    "action",
    "owner",
    "due",
    "priority",
    "status",
    "ticket",
    "factors",
    "type",
    "horizon",
    "success",
    "agreed",
    "completed",
    "verification.checked",
    "verification.result",
    "verification.note",
)
FACTOR_SEPARATOR = "; "


def render_csv(doc: Postmortem) -> str:
    """The action items as CSV text: a header, then one row per item."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ACTION_COLUMNS)
    writer.writerows(action_row(action) for action in doc.actions)
    return out.getvalue()


def action_row(action: ActionItem) -> list[str]:
    """One action item's cells, in the order of ``ACTION_COLUMNS``."""
    check = action.verification
    return [
        action.id,
        action.action,
        action.owner,
        action.due.isoformat() if action.due else "",
        action.priority.value if action.priority else "",
        action.status.value,
        action.ticket,
        FACTOR_SEPARATOR.join(action.factors),
        action.type.value if action.type else "",
        action.horizon.value if action.horizon else "",
        action.success,
        "true" if action.agreed else "false",
        action.completed.isoformat() if action.completed else "",
        check.checked.isoformat() if check else "",
        check.result.value if check else "",
        check.note if check else "",
    ]
