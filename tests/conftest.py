"""Shared fixtures. Every test builds its own temporary library; none needs a display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: GUI tests run on the offscreen platform, with or without X.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_SAMPLE = REPO_ROOT.parent / "shared" / "samples" / "newspaper-page.txt"


@pytest.fixture
def shared_sample_page() -> Path:
    """The real page from ../shared; tests using it are skipped where it is absent."""
    if not SHARED_SAMPLE.is_file():
        pytest.skip("../shared/samples/newspaper-page.txt is not present")
    return SHARED_SAMPLE


@pytest.fixture
def library(tmp_path: Path):
    """An empty library in a fresh temporary database."""
    from reader.store.library import Library

    lib = Library.open(tmp_path / "library.db")
    yield lib
    lib.close()
