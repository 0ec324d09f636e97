"""Completes the last path typed in an input from the file system (accept with the right arrow)."""

from __future__ import annotations

from pathlib import Path

from textual.suggester import Suggester


class PathSuggester(Suggester):
    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(" ")[2]
        if not last:
            return None
        typed = Path(last).expanduser()
        folder, stem = (typed, "") if last.endswith("/") else (typed.parent, typed.name)
        try:
            names = sorted(
                entry.name + ("/" if entry.is_dir() else "")
                for entry in folder.iterdir()
                if entry.name.startswith(stem) and (stem.startswith(".") or not entry.name.startswith("."))
            )
        except OSError:
            return None
        if not names or names[0] == stem:
            return None
        return value + names[0][len(stem) :]
