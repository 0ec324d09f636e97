"""Fixtures for every test: the bundled example (shared read-only or a fresh copy), data files, the data folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from platformdirs import user_cache_dir

from postmortem.models.codec import loads
from postmortem.models.document import Postmortem, WhyChain
from postmortem.models.examples import example_text
from postmortem.tui.cli.new import new_document

FIXTURES = Path(__file__).parent / "fixtures"

# Hypothesis keeps its examples and caches in the user's cache folder, not in the checkout.
set_hypothesis_home_dir(str(Path(user_cache_dir("postmortem-tests")) / "hypothesis"))


@pytest.fixture(scope="session")
def example_toml() -> str:
    """The bundled example's TOML text (a str cannot change, so one is shared by the whole session)."""
    return example_text()


@pytest.fixture
def example_doc(example_toml: str) -> Postmortem:
    """A fresh copy of the bundled example, the test's own to change."""
    return loads(example_toml)


@pytest.fixture(scope="session")
def example_doc_readonly(example_toml: str) -> Iterator[Postmortem]:
    """ONE loaded example shared by every test that only reads it. Do not modify it (not even a list in it):
    a test that changes the document takes ``example_doc``. Checked against a fresh load after the session."""
    doc = loads(example_toml)
    yield doc
    assert doc == loads(example_toml), "a test modified example_doc_readonly; it should use example_doc"


@pytest.fixture
def write_example(tmp_path: Path, example_toml: str) -> Callable[[str], Path]:
    """Write the example to a file of the test's own: ``write_example("incident.toml")`` gives its path."""

    def write(name: str) -> Path:
        path = tmp_path / name
        path.write_text(example_toml, encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def review_day() -> date:
    """The example's review meeting: the day its findings are judged on, so that tests do not age."""
    return date(2026, 2, 19)


@pytest.fixture
def make_small_doc() -> Callable[..., Postmortem]:
    """Make a new postmortem (as ``postmortem new`` does) with one why chain begun: ``make_small_doc(path, zone=…)``."""

    def make(path: Path, *, zone: str = "Europe/Berlin") -> Postmortem:
        doc = new_document(path, title="Database failover", incident_date=date(2026, 3, 2), timezone=zone)
        doc.whys.append(WhyChain(problem="Writes failed"))
        return doc

    return make


class ManualClock:
    """A clock the test moves by hand: call it for the time, add to ``now`` to move it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> ManualClock:
    """A clock of the test's own for the review meeting's agenda, at 1000.0 until the test moves it."""
    return ManualClock()


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    """The data files the tests read (tests/fixtures); never written to."""
    return FIXTURES


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies and open marks go to a folder of the test's own, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("POSTMORTEM_DATA_DIR", str(folder))
    monkeypatch.setenv("POSTMORTEM_CACHE_DIR", str(folder / "cache"))
    return folder
