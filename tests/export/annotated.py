"""A small annotated library: Chinese text, astral characters (𠮷), emoji in notes,
overlapping highlights, a passage across a paragraph break, tags with spaces."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.export.web_annotation import FORMAT_NAME, FORMAT_VERSION, article_urn
from reader.store.database import bind
from reader.store.library import Library
from reader.store.models import Article, Highlight, Note, Source, Tag

PAGE_A = (
    "常深合作交流会举行",
    "常州将进一步深化常深合作，以创新协同𠮷深化常深合作。",
    "交流会上共有三十个签约项目，涉及新能源、智能装备、新材料等领域。",
)
PAGE_B = (
    "吉野家招牌上的𠮷字",
    "“𠮷”是“吉”的异体字，上部为“土”。",
    "日本的吉野家招牌上写的是𠮷，不是吉。",
)


def write_page(folder: Path, name: str, title: str, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def annotate(library: Library, folder: Path) -> tuple[int, int]:
    """Import the two pages into `library` and annotate them; returns their ids."""
    results = [
        library.import_file(write_page(folder, "a.txt", *PAGE_A)),
        library.import_file(write_page(folder, "b.txt", *PAGE_B)),
    ]
    assert [r.status for r in results] == ["imported", "imported"]
    a, b = (r.article_ids[0] for r in results)
    start, end = library.find_quote(a, "深化常深合作")
    library.add_highlight(a, start, end, note="重要 👍🏽", tags=["经济 合作", "常州"])
    start, end = library.find_quote(a, "常深合作，以创新协同𠮷")
    library.add_highlight(
        a, start, end, color="green", note="第一行\n第二行 🎉", tags=["climate policy"]
    )
    start, end = library.find_quote(a, "深化常深合作。\n交流会")
    library.add_highlight(a, start, end, color="blue")
    start, end = library.find_quote(b, "𠮷", occurrence=2)
    library.add_highlight(b, start, end, color="pink", tags=["常州"])
    library.tag_article(b, "字 形")
    library.set_read(a)
    return a, b


def fix_times(library: Library) -> None:
    """Give every row a fixed time, so exports can be compared with expected files."""
    bind(library.database)
    base = dt.datetime(2026, 3, 1, 8, 30)
    with library.database.atomic():
        for i, source in enumerate(Source.select().order_by(Source.id)):
            when = base + dt.timedelta(days=i)
            Source.update(imported_at=when).where(Source.id == source.id).execute()
        Article.update(created_at=base).execute()
        Article.update(read_at=base).where(Article.read_at.is_null(False)).execute()
        for i, highlight in enumerate(Highlight.select().order_by(Highlight.id)):
            when = base + dt.timedelta(hours=i + 1)
            Highlight.update(created_at=when, updated_at=when).where(
                Highlight.id == highlight.id
            ).execute()
            Note.update(created_at=when, updated_at=when).where(
                Note.highlight == highlight.id
            ).execute()
        Tag.update(created_at=base).execute()


def synthetic_archive(pages: int, highlights_per_article: int) -> dict:
    """An archive of `pages` one-article pages, built directly (fast, and big enough
    that importing it takes a while)."""
    sources, articles, annotations = [], [], []
    for page in range(pages):
        sha = f"{page:064x}"
        text = "".join(f"第{page}页第{i}句，常深合作𠮷。" for i in range(highlights_per_article))
        sources.append(
            {
                "sha256": sha,
                "path": f"/pages/{page}.txt",
                "encoding": "utf-8",
                "imported": "2026-03-01T08:30:00.000000Z",
                "raw_text": f"标题{page}\n\n{text}\n",
            }
        )
        urn = article_urn(sha, 0)
        articles.append(
            {
                "id": urn,
                "source": sha,
                "position": 0,
                "section": None,
                "headlines": [f"标题{page}"],
                "title": f"标题{page}",
                "byline": None,
                "authors": [],
                "paragraphs": [text],
                "captions": [],
                "text": text,
                "tags": [],
                "created": "2026-03-01T08:30:00.000000Z",
                "read": None,
            }
        )
        step = len(text) // highlights_per_article
        for i in range(highlights_per_article):
            start, end = i * step, i * step + 4
            annotations.append(
                {
                    "id": f"urn:test:{page}:{i}",
                    "type": "Annotation",
                    "created": f"2026-03-01T09:{i % 60:02d}:00.000000Z",
                    "modified": f"2026-03-01T09:{i % 60:02d}:00.000000Z",
                    "body": [
                        {"type": "TextualBody", "purpose": "commenting", "value": f"注{i} 🎉"},
                        {"type": "TextualBody", "purpose": "tagging", "value": "合作 项目"},
                    ],
                    "target": {
                        "source": urn,
                        "selector": [
                            {"type": "TextQuoteSelector", "exact": text[start:end]},
                            {"type": "TextPositionSelector", "start": start, "end": end},
                        ],
                    },
                    "reader:color": "green",
                }
            )
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "sources": sources,
        "articles": articles,
        "annotations": annotations,
    }
