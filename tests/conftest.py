from __future__ import annotations

from pathlib import Path

import pytest

from postmortem.models.codec import loads
from postmortem.models.document import Postmortem
from postmortem.models.examples import example_text


@pytest.fixture
def example_toml() -> str:
    return example_text()


@pytest.fixture
def example_doc(example_toml: str) -> Postmortem:
    return loads(example_toml)


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Recovery copies and open marks go to a folder of the test's own, never the user's."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("POSTMORTEM_DATA_DIR", str(folder))
    return folder
