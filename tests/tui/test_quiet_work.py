"""Work waits for a quiet moment: steps built ahead, collections that refreeze what lives on; the app leaves
nothing frozen."""

from __future__ import annotations

import gc
import weakref

from postmortem.tui import quiet_work


class Cycle:
    def __init__(self) -> None:
        self.me = self


async def test_a_refreeze_waits_for_a_quiet_moment_and_frees_what_was_frozen_and_dropped(ui, small_app, monkeypatch):
    app = small_app()
    async with app.run_test(size=ui.size) as pilot:
        quiet = app.quiet_work
        await ui.wait_until(pilot, lambda: gc.get_freeze_count() > 0)  # start-up's objects are frozen
        await ui.wait_until(pilot, lambda: not quiet.pending)  # the steps built ahead
        now = [1000.0]
        monkeypatch.setattr(quiet_work.time, "monotonic", lambda: now[0])
        quiet.input()
        dropped = Cycle()
        gc.freeze()  # frozen with the rest, then dropped: only a refreeze frees it
        frees = []
        weakref.finalize(dropped, frees.append, True)
        del dropped
        kept = [Cycle() for _ in range(quiet_work.REFREEZE)]
        gc.collect(1)
        gc.collect(1)  # the new objects reach the oldest generation
        assert len(gc.get_objects(generation=2)) >= quiet_work.REFREEZE
        now[0] += quiet_work.QUIET / 2
        await quiet._tick()
        assert not frees  # due, but a key came a moment ago
        now[0] += quiet_work.QUIET
        await quiet._tick()
        assert frees == [True]
        assert len(gc.get_objects(generation=2)) < quiet_work.REFREEZE  # what lives on is frozen again
        assert kept
    assert gc.get_freeze_count() == 0
