"""The recent postmortems: newest first, one entry a file, a bounded list, files gone left out, and a
damaged or unwritable list never in the way."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from postmortem.models.recent import KEPT, forget, recent_files, remember

NOON = datetime(2026, 12, 2, 12, 0).astimezone()


def files(folder: Path, count: int) -> list[Path]:
    made = [folder / f"{number:02}.toml" for number in range(count)]
    for path in made:
        path.write_text("", encoding="utf-8")
    return made


def test_the_file_opened_last_comes_first_once_with_its_title_then(tmp_path):
    first, second = files(tmp_path, 2)
    remember(first, "Queue stalled", NOON)
    remember(second, "DNS records lost", NOON + timedelta(hours=1))
    remember(first, "Queue stalled after the broker upgrade", NOON + timedelta(hours=2))
    listed = recent_files()
    assert [(entry.path, entry.title) for entry in listed] == [
        (first.resolve(), "Queue stalled after the broker upgrade"),
        (second.resolve(), "DNS records lost"),
    ]
    assert listed[0].opened == NOON + timedelta(hours=2)


def test_the_list_keeps_the_newest_and_leaves_out_files_that_are_gone(tmp_path):
    made = files(tmp_path, KEPT + 3)
    for number, path in enumerate(made):
        remember(path, path.stem, NOON + timedelta(minutes=number))
    made[-1].unlink()
    assert [entry.path.name for entry in recent_files()] == [path.name for path in reversed(made[3:-1])]


def test_a_damaged_list_reads_as_what_can_be_read_and_is_mended_by_the_next_file(tmp_path, data_dir):
    (path,) = files(tmp_path, 1)
    store = data_dir / "recent.json"
    store.write_text("{not json", encoding="utf-8")
    assert recent_files() == []
    store.write_text(f'[{{"path": "{path}", "title": "Kept", "opened": "2026-12-02T12:00:00+00:00"}}, 7, {{}}]')
    assert [entry.title for entry in recent_files()] == ["Kept"]
    remember(path, "Kept again")
    assert [entry.title for entry in recent_files()] == ["Kept again"]


def test_a_list_that_cannot_be_written_is_no_error(tmp_path, monkeypatch):
    (path,) = files(tmp_path, 1)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("POSTMORTEM_DATA_DIR", str(blocked))
    remember(path, "Not kept")
    assert recent_files() == []


def test_a_file_forgotten_leaves_the_list_and_stays_on_disk(tmp_path):
    first, second = files(tmp_path, 2)
    remember(first, "First", NOON)
    remember(second, "Second", NOON)
    forget(second)
    assert [entry.title for entry in recent_files()] == ["First"] and second.is_file()
