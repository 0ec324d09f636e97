"""Saving keeps what the file is on disk: a symbolic link stays a link to the file it names, and the file
keeps its permissions and owner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from postmortem.models.document import Postmortem
from postmortem.models.store import backup_path, load, save

needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing owners needs root")


def changed(doc: Postmortem) -> Postmortem:
    doc.summary.resolution += " Verified the next morning."
    return doc


def test_a_save_through_a_link_writes_the_file_it_points_to(tmp_path: Path, write_example):
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "checkout.toml"
    real.write_text(write_example("original.toml").read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "checkout.toml"
    link.symlink_to(Path("shared") / "checkout.toml")

    text = save(changed(load(link)), link, backup=True)

    assert link.is_symlink() and os.readlink(link) == str(Path("shared") / "checkout.toml")
    assert real.read_text(encoding="utf-8") == text
    assert "Verified the next morning." in text
    assert backup_path(real).exists() and not backup_path(link).exists()
    assert sorted(p.name for p in shared.iterdir()) == ["checkout.toml", "checkout.toml.bak"]


def test_a_chain_of_links_is_followed_to_the_end(tmp_path: Path, write_example):
    real = write_example("real.toml")
    (tmp_path / "middle.toml").symlink_to(real)
    first = tmp_path / "first.toml"
    first.symlink_to(tmp_path / "middle.toml")
    save(changed(load(first)), first)
    assert first.is_symlink() and (tmp_path / "middle.toml").is_symlink()
    assert "Verified the next morning." in real.read_text(encoding="utf-8")


def test_the_file_keeps_its_permissions(tmp_path: Path, write_example):
    path = write_example("private.toml")
    path.chmod(0o640)
    save(changed(load(path)), path, backup=True)
    assert path.stat().st_mode & 0o7777 == 0o640
    assert backup_path(path).stat().st_mode & 0o7777 == 0o640


@needs_root
def test_the_file_keeps_its_owner_and_group(tmp_path: Path, write_example):
    path = write_example("team.toml")
    os.chown(path, 4321, 4322)
    save(changed(load(path)), path)
    assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4322)
