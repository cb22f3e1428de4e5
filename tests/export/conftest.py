"""Fixtures of the export tests: an annotated library, and more libraries on demand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.store.library import Library

from .annotated import annotate


@pytest.fixture
def annotated(library: Library, tmp_path: Path) -> Library:
    annotate(library, tmp_path / "pages")
    return library


@pytest.fixture
def open_library(tmp_path: Path) -> Callable[[str], Library]:
    """open_library(name) -> another library in tmp_path, closed after the test."""
    opened: list[Library] = []

    def open_(name: str) -> Library:
        lib = Library.open(tmp_path / name)
        opened.append(lib)
        return lib

    yield open_
    for lib in opened:
        lib.close()
