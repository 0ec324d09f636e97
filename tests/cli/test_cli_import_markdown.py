"""``postmortem import``: one postmortem file per Markdown file, named by its date and title, a report of
what went where; a dry run writes nothing, an existing file is never overwritten, bad options say so."""

from __future__ import annotations

import shutil
from pathlib import Path

from postmortem.models.store import load
from postmortem.tui.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "markdown"
CERTIFICATE = "02-auth-gateway-cert-expiry.md"
WRITTEN = "2025-11-07-expired-certificate-on-auth-gateway.toml"


def test_writes_beside_the_markdown_and_reports_what_went_where(tmp_path, capsys):
    source = Path(shutil.copy(CORPUS / CERTIFICATE, tmp_path))
    assert main(["import", str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{source} -> {tmp_path / WRITTEN}"
    assert "  Timeline -> 13 timeline events (5 milestones guessed)" in out
    assert "  Follow-ups -> 6 action items" in out
    assert "  kept as written in [extra], not placed: Detection" in out
    assert len(load(tmp_path / WRITTEN).actions) == 6


def test_a_dry_run_writes_nothing_and_an_existing_file_is_left_as_it_was(tmp_path, capsys):
    assert main(["import", str(CORPUS / CERTIFICATE), "--into", str(tmp_path), "--dry-run"]) == 0
    assert "(dry run: not written)" in capsys.readouterr().out
    assert not list(tmp_path.iterdir())
    (tmp_path / WRITTEN).write_text("mine\n", encoding="utf-8")
    assert main(["import", str(CORPUS / CERTIFICATE), "--into", str(tmp_path)]) == 0  # a name of its own
    second = tmp_path / WRITTEN.replace(".toml", "-2.toml")
    assert f" -> {second}" in capsys.readouterr().out and len(load(second).actions) == 6
    assert main(["import", str(CORPUS / CERTIFICATE), "-o", str(tmp_path / WRITTEN)]) == 2  # named: refused
    assert f"{tmp_path / WRITTEN}: already exists" in capsys.readouterr().err
    assert (tmp_path / WRITTEN).read_text(encoding="utf-8") == "mine\n"


def test_several_files_into_a_folder_and_one_to_a_named_file(tmp_path, capsys):
    sources = [str(path) for path in sorted(CORPUS.glob("*.md"))]
    assert main(["import", *sources, "--into", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.toml"))) == len(sources)
    named = tmp_path / "named" / "incident.toml"
    named.parent.mkdir()
    assert main(["import", sources[0], "-o", str(named), "--tz", "Europe/Berlin"]) == 0
    assert load(named).meta.timezone == "Europe/Berlin"


def test_bad_options_and_files_say_so_in_one_line(tmp_path, capsys):
    markdown = str(CORPUS / CERTIFICATE)
    assert main(["import", markdown, markdown, "-o", str(tmp_path / "x.toml")]) == 2
    assert capsys.readouterr().err.startswith("-o: give one Markdown file")
    assert main(["import", markdown, "--tz", "Mars/Olympus"]) == 2
    assert "--tz: 'Mars/Olympus' is not a time zone" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "missing.md"), "--into", str(tmp_path)]) == 2
    assert "missing.md: no such file" in capsys.readouterr().err
    (tmp_path / "empty.md").write_text("\n", encoding="utf-8")
    (tmp_path / "latin1.md").write_bytes("# Panne\n\nCaf\xe9".encode("latin-1"))
    assert main(["import", str(tmp_path / "empty.md"), str(tmp_path / "latin1.md"), "--dry-run"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{tmp_path / 'empty.md'}: the file is empty; nothing to import",
        f"{tmp_path / 'latin1.md'}: line 3: not UTF-8 text (byte 0xe9); is this a Markdown file?",
    ]
