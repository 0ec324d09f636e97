"""Full garbage collections wait for a quiet moment, and the app leaves collections as it found them."""

from __future__ import annotations

import gc

from postmortem.tui import quiet_collector


def full_collections() -> int:
    return gc.get_stats()[2]["collections"]


async def test_a_due_full_collection_runs_only_after_a_quiet_second(ui, small_app, monkeypatch):
    before = gc.get_threshold()
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        await ui.wait_until(pilot, lambda: gc.get_threshold()[2] == quiet_collector.SAFETY_NET)
        collector = app.collector
        assert gc.get_freeze_count() > 0  # start-up's objects are out of the collections
        now = [1000.0]
        monkeypatch.setattr(quiet_collector.time, "monotonic", lambda: now[0])
        collector.input()
        while gc.get_count()[2] < quiet_collector.DUE:
            gc.collect(1)
        done = full_collections()
        now[0] += quiet_collector.QUIET / 2
        collector._collect_if_quiet()
        assert full_collections() == done  # due, but a key came half a second ago
        now[0] += quiet_collector.QUIET
        collector._collect_if_quiet()
        assert full_collections() == done + 1
        collector._collect_if_quiet()
        assert full_collections() == done + 1  # not due again straight away
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
