"""Markdown postmortems as documents: sections matched by meaning, nothing lost (``build.py``)."""
