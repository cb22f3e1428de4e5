"""Pages written on the fly: a plain article (title line, then paragraphs), the simplest
layout the parser promises to read as exactly one article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.store.library_state import fill_annotated


def plain_page(title: str, *paragraphs: str) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def write_page(tmp_path: Path) -> Callable[..., Path]:
    """write_page(name, title, *paragraphs) -> the path of a UTF-8 page in tmp_path."""

    def write(name: str, title: str, *paragraphs: str) -> Path:
        path = tmp_path / "pages" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(plain_page(title, *paragraphs), encoding="utf-8")
        return path

    return write


@pytest.fixture
def annotated(library, tmp_path: Path) -> dict[str, int]:
    """The library of `fill_annotated`; its ids by name (a, b, h1, h2, h3)."""
    return fill_annotated(library, tmp_path / "annotated")
