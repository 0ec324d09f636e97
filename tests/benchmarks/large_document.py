"""A large postmortem for the benchmarks: a long incident with many events, action items, factors and why chains.

The benchmarks run as scripts from the repository root, so this folder is on ``sys.path`` and they import it as
``from large_document import build_large_document``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from postmortem.models.document import Postmortem
from postmortem.models.enums import (
    AREAS_BY_CATEGORY,
    ActionStatus,
    ActionType,
    Category,
    EventKind,
    Horizon,
    Milestone,
    Priority,
)


def build_large_document(events: int = 1_000, actions: int = 200, factors: int = 40, chains: int = 10) -> Postmortem:
    """A long incident: ``events`` timeline events, ``actions`` action items, ``factors`` contributing
    factors and ``chains`` five-whys chains of five steps, with varied kinds, milestones and statuses."""
    start = datetime(2026, 1, 31, 22, 0, tzinfo=UTC)
    kinds = list(EventKind)
    milestones = {
        0: Milestone.STARTED,
        events * 40 // 1000: Milestone.DETECTED,
        events * 55 // 1000: Milestone.ACKNOWLEDGED,
        events * 600 // 1000: Milestone.MITIGATED,
        events - 1: Milestone.RESOLVED,
    }
    timeline = [
        {
            "at": start + timedelta(minutes=3 * i, seconds=i % 7),
            "event": f"Step {i}: queue depth at {i * 13 % 997} | retries {i % 5}"
            + ("\nfollow-up noted in the channel" if i % 10 == 0 else ""),
            "kind": kinds[i % len(kinds)],
            "milestone": milestones.get(i),
            "actor": ("on-call engineer", "deploy bot", "payments team", "status page")[i % 4],
            "source": "chat" if i % 3 == 0 else "",
            "key": i % 50 == 0,
        }
        for i in range(events)
    ]
    categories = list(Category)
    factor_records = [
        {
            "id": f"F{i + 1}",
            "title": f"Factor {i + 1}: a safeguard that was missing",
            "category": categories[i % 3],
            "area": AREAS_BY_CATEGORY[categories[i % 3]][i % 4],
            "description": "What the system allowed.\nAnd what it did not check.",
            "why_it_mattered": "It widened the impact.",
        }
        for i in range(factors)
    ]
    why_chains = [
        {
            "problem": f"Symptom {c + 1}",
            "steps": [{"why": f"did step {s} happen", "because": f"step {s + 1} allowed it"} for s in range(5)],
            "root_cause": "A default that nobody reviews.",
        }
        for c in range(chains)
    ]
    action_items = [
        {
            "id": f"A{i + 1}",
            "action": f"Add a check for case {i} | threshold {i % 9}%\nand document it",
            "owner": ("SRE team", "payments team", "platform team")[i % 3],
            "due": date(2026, 2, 1) + timedelta(days=i % 90),
            "priority": list(Priority)[i % 4],
            "horizon": (list(Horizon) + [None])[i % 4],
            "type": list(ActionType)[i % 5],
            "status": list(ActionStatus)[i % 4],
            "success": "No repeat in 90 days",
            "ticket": f"OPS-{1000 + i}",
            "factors": [f"F{i % factors + 1}"],
        }
        for i in range(actions)
    ]
    return Postmortem(
        meta={
            "id": "INC-BENCH",
            "title": "Benchmark: a long incident",
            "incident_date": start.date(),
            "timezone": "Europe/Paris",
            "authors": ["SRE team"],
        },
        summary={"what_happened": "A long incident.", "root_cause": "Many small gaps."},
        timeline=timeline,
        factors=factor_records,
        whys=why_chains,
        actions=action_items,
    )
