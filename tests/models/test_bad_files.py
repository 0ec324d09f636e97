"""Bad input to the store: a huge file, a very long line, an old schema version, random byte changes.

Each broken file's message on the command line is checked in cli/test_cli_bad_files.py, the error screen in
tui/test_load_error.py.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postmortem.exports.markdown import render_markdown
from postmortem.models.codec import dumps
from postmortem.models.document import SCHEMA_VERSION
from postmortem.models.errors import DocumentError
from postmortem.models.examples import example_text
from postmortem.models.files import MAX_BYTES
from postmortem.models.store import load


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


def test_a_version_0_file_is_migrated_on_load_and_written_as_current_only_on_save(tmp_path, fixtures_dir):
    source = fixtures_dir / "version0.toml"
    path = tmp_path / "old.toml"
    path.write_bytes(source.read_bytes())
    doc = load(path)
    assert doc.schema_version == SCHEMA_VERSION
    assert doc.meta.title == "Search index rebuilt twice" and doc.meta.timezone == "Europe/Madrid"
    assert [(e.event, e.kind.value, e.approximate) for e in doc.timeline] == [
        ("Index rebuild job started by the scheduler", "trigger", False),  # fields added since: their defaults
        ("Search results empty for some queries", "symptom", False),
    ]
    assert doc.impact.started_at is None and not doc.impact.started_approximate
    assert path.read_bytes() == source.read_bytes()  # reading changed nothing
    assert "approximate" not in dumps(doc) and "started_at" not in dumps(doc)  # unset additions are not written
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
