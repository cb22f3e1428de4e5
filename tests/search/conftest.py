"""Helpers to put articles straight into a test library (no page parsing involved)."""

from __future__ import annotations

import hashlib
import json

import pytest

from reader.store.database import bind
from reader.store.models import Article, Source


@pytest.fixture
def add_article(library):
    """`add_article(title, text, authors=(), created_at=None) -> id`, one page per call."""
    counter = iter(range(1_000_000))

    def add(title: str, text: str, authors: tuple[str, ...] = (), created_at=None) -> int:
        bind(library.database)
        number = next(counter)
        source = Source.create(
            path=f"/test/{number}.txt",
            sha256=hashlib.sha256(f"{number}{title}{text}".encode()).hexdigest(),
            encoding="utf-8",
            raw_text=text,
        )
        fields = {}
        if created_at is not None:
            fields["created_at"] = created_at
        article = Article.create(
            source=source,
            position=0,
            title=title,
            authors=json.dumps([{"name": name, "role": "记者"} for name in authors]),
            author_names=" ".join(authors),
            paragraphs=json.dumps(text.split("\n"), ensure_ascii=False),
            text=text,
            **fields,
        )
        return article.id

    return add
