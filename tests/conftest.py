from __future__ import annotations

import pytest

from models.codec import loads
from models.document import Postmortem
from models.examples import example_text


@pytest.fixture
def example_toml() -> str:
    return example_text()


@pytest.fixture
def example_doc(example_toml: str) -> Postmortem:
    return loads(example_toml)
