"""Bad input: every kind of broken file gives one clear message per problem, and is never modified."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.exports.markdown import render_markdown
from postmortem.models.codec import dumps
from postmortem.models.document import SCHEMA_VERSION
from postmortem.models.errors import DocumentError
from postmortem.models.examples import example_text
from postmortem.models.store import MAX_BYTES, load

BAD = Path(__file__).parent / "fixtures" / "bad"
ROOT = Path(__file__).resolve().parents[1]

# file name -> (exit code, the start of each message after "FILE: ")
EXPECTED = {
    "syntax.toml": (1, ["line 3, column 16: TOML syntax error"]),
    "wrong_type.toml": (1, ["meta.title: should be text"]),
    "unknown_key.toml": (1, ["meta.title: is required", "unknown key 'titel' in [meta]"]),
    "no_meta.toml": (1, ["meta: is required"]),
    "bad_enum.toml": (1, ["meta.severity: 'SEV-9' is not allowed; use one of: SEV-1"]),
    "impossible_date.toml": (1, ["line 4, column 17: TOML syntax error: Invalid date"]),
    "newer.toml": (1, ["schema_version 9 is newer than this version of postmortem reads (up to 1)"]),
    "empty.toml": (1, ["the file is empty"]),
    "nul.toml": (1, ["line 3, column 11: TOML syntax error: Illegal character '\\x00'"]),
    "control.toml": (1, ["line 3, column 11: TOML syntax error: Illegal character '\\x1b'"]),
    "naive_time.toml": (1, ["timeline[0].at: needs a UTC offset"]),
    "picture.toml": (1, ["line 1: not UTF-8 text (byte 0x89)"]),
}


def export(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "postmortem", "export", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_every_bad_file_has_an_expectation():
    assert sorted(p.name for p in BAD.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gets_its_messages_and_stays_as_it_was(name):
    path = BAD / name
    before = path.read_bytes()
    code, starts = EXPECTED[name]
    result = export(path)
    assert result.returncode == code
    assert result.stdout == "" and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == len(starts)
    for line, start in zip(lines, starts):
        assert line.startswith(f"{path}: {start}")
    assert path.read_bytes() == before


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as stream:
        stream.truncate(MAX_BYTES * 5)  # 50 MB of nothing, sparse on disk
    with pytest.raises(DocumentError) as caught:
        load(path)
    assert caught.value.lines() == [f"{path}: is 50 MB; a postmortem file is at most 10 MB (is this the right file?)"]


def test_a_very_long_line_loads(tmp_path):
    path = tmp_path / "long.toml"
    path.write_text(f'schema_version = 1\n[meta]\ntitle = "{"x" * 300_000}"\n')
    assert len(load(path).meta.title) == 300_000


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder, not a postmortem file"),
        (lambda p: None, "no such file"),
    ],
)
def test_folders_and_missing_files(tmp_path, make, message):
    path = tmp_path / "x.toml"
    make(path)
    result = export(path)
    assert result.returncode == 2 and result.stderr == f"{path}: {message}\n"


def test_an_unreadable_file(tmp_path):
    import os

    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    path = tmp_path / "secret.toml"
    path.write_text(example_text())
    path.chmod(0)
    result = export(path)
    assert result.returncode == 2 and result.stderr == f"{path}: permission denied (cannot read)\n"


def test_a_version_0_file_is_migrated_on_load_and_written_as_current_only_on_save(tmp_path):
    source = Path(__file__).parent / "fixtures" / "version0.toml"
    path = tmp_path / "old.toml"
    path.write_bytes(source.read_bytes())
    doc = load(path)
    assert doc.schema_version == SCHEMA_VERSION
    assert doc.meta.title == "Search index rebuilt twice" and doc.meta.timezone == "Europe/Madrid"
    assert [(e.event, e.kind.value) for e in doc.timeline] == [
        ("Index rebuild job started by the scheduler", "trigger"),
        ("Search results empty for some queries", "symptom"),
    ]
    assert path.read_bytes() == source.read_bytes()  # reading changed nothing
    assert dumps(doc).startswith(f"schema_version = {SCHEMA_VERSION}\n\n[meta]\n")


VALID = example_text().encode("utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 255)), min_size=1, max_size=8),
    st.integers(0, len(VALID)),
)
def test_random_byte_changes_never_escape_as_anything_but_a_document_error(tmp_path, changes, cut):
    data = bytearray(VALID[:cut] if cut % 3 == 0 else VALID)
    for position, value in changes:
        if position < len(data):
            data[position] = value
    path = tmp_path / "mutated.toml"
    path.write_bytes(bytes(data))
    try:
        doc = load(path)
    except DocumentError as error:
        assert all(line.startswith(f"{path}: ") for line in error.lines())
        return
    render_markdown(doc)  # whatever loads also exports


async def test_the_error_screen_lists_the_problems_and_shows_the_file_read_only():
    from textual.widgets import TextArea

    from postmortem.tui.load_error import LoadErrorApp

    path = BAD / "impossible_date.toml"
    with pytest.raises(DocumentError) as caught:
        load(path)
    app = LoadErrorApp(path, caught.value)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        problems = str(app.query_one("#load-error-problems Static").render())
        assert "line 4, column 17: TOML syntax error" in problems
        area = app.query_one("#load-error-text", TextArea)
        assert not area.display
        await pilot.press("v")
        await pilot.pause()
        assert area.display and area.read_only and app.focused is area
        assert area.cursor_location == (3, 0)  # the line the problem names
        await pilot.press("x")
        assert area.text == path.read_text()
        await pilot.press("q")
    assert app.return_value == 1
