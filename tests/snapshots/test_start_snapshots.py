"""The start screen at 80x24, with three recent postmortems (the home folder is the test's, so that the
paths read alike on every machine)."""

from __future__ import annotations

from datetime import date, datetime

from textual.pilot import Pilot

from postmortem.models.recent import remember
from postmortem.screens.start.start_screen import StartScreen
from postmortem.tui.start_app import StartApp

RECENT = (
    ("2026/2026-11-30-queue-stalls-after-broker-upgrade.toml", "Queue stalls after the broker upgrade"),
    ("2026/2026-10-02-checkout-errors-after-connection-pool-change.toml", "Checkout errors after a pool change"),
    ("2025/2025-06-18-srv-records-lost.toml", "SRV records lost in the internal DNS migration"),
)


def test_start_screen(snap_compare, settled, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    team = tmp_path / "team"
    (team / ".git").mkdir(parents=True)
    for day, (name, title) in enumerate(reversed(RECENT), 1):
        (team / name).parent.mkdir(exist_ok=True)
        (team / name).write_text("", encoding="utf-8")
        remember(team / name, title, datetime(2026, 12, day, 9, 30).astimezone())
    monkeypatch.chdir(team)

    async def run_before(pilot: Pilot) -> None:
        while not isinstance(pilot.app.screen, StartScreen) or not pilot.app.screen.recent:
            await pilot.pause()
        await settled(pilot)

    assert snap_compare(StartApp(team, date(2026, 12, 2)), terminal_size=(80, 24), run_before=run_before)
