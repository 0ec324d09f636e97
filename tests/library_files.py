"""Postmortem files for library tests, written through the app's own save path."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from postmortem.models.document import ActionItem, Factor, Meta, Postmortem, TimelineEvent
from postmortem.models.enums import Milestone
from postmortem.models.store import save


def write_postmortem(
    folder: Path,
    name: str,
    day: date,
    *,
    id: str = "",
    severity: str | None = None,
    services: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
    factors: tuple[tuple[str, str | None], ...] = (),  # (category, area)
    minutes: dict[str, int] | None = None,  # milestone -> minutes after the start
    actions: tuple[dict[str, object], ...] = (),
) -> Path:
    """One postmortem at ``folder/name``: started at 10:00 UTC on ``day``, with the milestones given."""
    start = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=10)
    timeline = [TimelineEvent(at=start, event="Errors begin", milestone=Milestone.STARTED)]
    for milestone, after in (minutes or {}).items():
        timeline.append(TimelineEvent(at=start + timedelta(minutes=after), event=milestone, milestone=milestone))
    doc = Postmortem(
        meta=Meta(
            title=f"Incident {name}",
            id=id,
            incident_date=day,
            severity=severity,
            services=list(services),
            tags=list(tags),
        ),
        timeline=timeline,
        factors=[
            Factor(id=f"F{i}", title=f"Factor {i}", category=category, area=area)
            for i, (category, area) in enumerate(factors, start=1)
        ],
        actions=[ActionItem(id=f"A{i}", **spec) for i, spec in enumerate(actions, start=1)],  # type: ignore[arg-type]
    )
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    save(doc, path)
    return path
