"""Never losing work, in the store: recovery copies in the data folder, backups on save, open marks."""

from __future__ import annotations

import os
import stat

from postmortem.models.recovery import (
    discard_recovery,
    mark_open,
    other_editor,
    read_recovery,
    recovery_path,
    unmark_open,
    write_recovery,
)
from postmortem.models.store import backup_path, load, save


def test_recovery_copies_live_in_the_data_folder_keyed_by_absolute_path(tmp_path, data_dir, monkeypatch):
    document = tmp_path / "incident.toml"
    write_recovery(document, "kept text")
    assert recovery_path(document).is_relative_to(data_dir)
    monkeypatch.chdir(tmp_path)
    assert read_recovery(document.relative_to(tmp_path)) == "kept text"  # same file, other spelling
    assert read_recovery(tmp_path / "other.toml") is None
    discard_recovery(document)
    assert read_recovery(document) is None
    assert not list(tmp_path.iterdir())  # nothing written next to the document


def test_save_keeps_the_previous_version_as_bak_with_its_permissions(tmp_path, make_small_doc):
    path = tmp_path / "db-failover.toml"
    document = make_small_doc(path)
    save(document, path)
    os.chmod(path, 0o640)
    first = path.read_bytes()
    document.meta.title = "Second title"
    save(document, path, backup=True)
    assert backup_path(path).read_bytes() == first
    assert stat.S_IMODE(path.stat().st_mode) == stat.S_IMODE(backup_path(path).stat().st_mode) == 0o640
    assert load(path).meta.title == "Second title"


def test_an_open_mark_names_another_live_process_only(tmp_path, data_dir):
    document = tmp_path / "incident.toml"
    mark_open(document)
    assert other_editor(document) is None  # our own mark
    mark_file = next((data_dir / "open").iterdir())
    mark_file.write_text(f'{{"pid": {os.getppid()}, "host": "{os.uname().nodename}"}}')
    other = other_editor(document)
    assert other is not None and other.pid == os.getppid()
    mark_file.write_text(f'{{"pid": 999999999, "host": "{os.uname().nodename}"}}')
    assert other_editor(document) is None  # that process is gone
    mark_file.write_text("not json")
    assert other_editor(document) is None
    unmark_open(document)
