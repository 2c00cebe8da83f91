"""Shared fixtures: paths to the project's samples and to ../shared (optional)."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
RAW_DOCS = PROJECT / "raw_docs"
SHARED = PROJECT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The ../shared folder (corpus and real documents), or skip when this checkout has none."""
    if not (SHARED / "corpus" / "docs").is_dir():
        pytest.skip("../shared is not present beside this checkout")
    return SHARED


def raw_doc(name: str) -> Path:
    path = RAW_DOCS / name
    assert path.exists(), f"{name} is missing from raw_docs/: run python scripts/make_samples.py"
    return path
