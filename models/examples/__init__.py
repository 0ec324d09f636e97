"""The bundled example postmortem, shipped as package data."""

from importlib.resources import files

EXAMPLE_NAME = "checkout-latency.toml"


def example_text() -> str:
    return files(__name__).joinpath(EXAMPLE_NAME).read_text(encoding="utf-8")
