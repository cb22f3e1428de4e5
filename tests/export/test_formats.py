"""Markdown and CSV exports against reviewed expected files, scopes, and the CLI.

The expected files were generated once from the fixed library below and read by eye.
After a deliberate format change, regenerate them with
`READER_REGENERATE_EXPECTED=1 pytest tests/export/test_formats.py` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.errors import NotFoundError, ReaderError
from reader.export.formats import export_to_file, render
from reader.export.markdown import markdown_tag
from reader.export.scope import ExportScope, collect
from reader.store.library import Library

from .annotated import annotate, fix_times

EXPECTED = Path(__file__).parent / "expected"
PAGES_PLACEHOLDER = "/PAGES"


@pytest.fixture
def fixed(library: Library, tmp_path: Path) -> tuple[Library, Path]:
    """The annotated library with fixed times; returns it and its pages folder."""
    pages = (tmp_path / "pages").resolve()
    annotate(library, pages)
    fix_times(library)
    return library, pages


def check_expected(name: str, text: str, pages: Path) -> None:
    """Compare with expected/NAME, the pages folder written as /PAGES."""
    text = text.replace(str(pages), PAGES_PLACEHOLDER)
    path = EXPECTED / name
    if os.environ.get("READER_REGENERATE_EXPECTED"):
        path.write_text(text, encoding="utf-8", newline="")
    assert text == path.read_bytes().decode("utf-8")


def test_markdown_per_article_matches_the_expected_file(fixed) -> None:
    library, pages = fixed
    check_expected("everything.md", render(library, ExportScope.everything(), "markdown"), pages)


def test_markdown_per_tag_matches_the_expected_file(fixed) -> None:
    library, pages = fixed
    text = render(library, ExportScope.for_tag("常州"), "markdown")
    check_expected("tag-changzhou.md", text, pages)
    # Only passages with the tag: the overlapping green one is not there.
    assert "以创新协同𠮷" not in text


def test_csv_matches_the_expected_file_and_reads_back(fixed) -> None:
    library, pages = fixed
    text = render(library, ExportScope.everything(), "csv")
    check_expected("highlights.csv", text, pages)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 4
    green = next(r for r in rows if r["colour"] == "green")
    assert green["note"] == "第一行\n第二行 🎉"
    assert green["quote"] == "常深合作，以创新协同𠮷"
    assert int(green["end"]) - int(green["start"]) == len("常深合作，以创新协同𠮷")


def test_the_same_library_exports_the_same_bytes(fixed) -> None:
    library, _pages = fixed
    for fmt in ("markdown", "json", "csv"):
        assert render(library, ExportScope.everything(), fmt) == render(
            library, ExportScope.everything(), fmt
        )


def test_tags_with_spaces_become_one_tag_word() -> None:
    assert markdown_tag("climate policy") == "#climate-policy"
    assert markdown_tag("经济　合作") == "#经济-合作"  # full-width space
    assert markdown_tag("a, b!") == "#a-b"
    assert markdown_tag("常州/新北") == "#常州/新北"


def test_scopes_select_articles_and_highlights(fixed) -> None:
    library, _pages = fixed
    a, b = (s.id for s in library.list_articles(sort="oldest"))
    assert [r.id for r in collect(library, ExportScope.article(b))] == [b]
    tagged_article = collect(library, ExportScope.for_tag("字 形"))
    assert [r.id for r in tagged_article] == [b]
    assert tagged_article[0].highlights == ()  # tagged as a whole, no passage carries it
    one = library.get_article(a).highlights[1]
    result = collect(library, ExportScope.highlights([one.id, 99999]))
    assert [r.id for r in result] == [a] and result[0].highlights == (one,)
    with pytest.raises(NotFoundError):
        collect(library, ExportScope.article(99999))
    with pytest.raises(NotFoundError):
        collect(library, ExportScope.for_tag("没有"))
    with pytest.raises(ReaderError):
        render(library, ExportScope.everything(), "pdf")


def test_cli_export_to_stdout_and_to_a_file(fixed, tmp_path, capsysbinary) -> None:
    library, _pages = fixed
    db = str(library.path)
    assert main(["--db", db, "export", "--format", "markdown", "--tag", "常州"]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == render(library, ExportScope.for_tag("常州"), "markdown")

    target = tmp_path / "out" / "notes.csv"
    assert main(["--db", db, "export", "--format", "csv", "-o", str(target)]) == 0
    assert target.read_bytes().startswith("\ufeff".encode())
    assert target.read_bytes().decode("utf-8") == render(library, ExportScope.everything(), "csv")

    article = library.list_articles(sort="oldest")[0].id
    assert main(["--db", db, "export", "--format", "json", "--article", str(article)]) == 0
    archive = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert [a["title"] for a in archive["articles"]] == ["常深合作交流会举行"]
    assert len(archive["annotations"]) == 3


def test_cli_import_archive_and_errors(fixed, tmp_path, capsys) -> None:
    library, _pages = fixed
    archive = export_to_file(library, ExportScope.everything(), "json", tmp_path / "archive.json")
    other = str(tmp_path / "other.db")
    assert main(["--db", other, "import-archive", str(archive)]) == 0
    assert "4 highlight(s) added" in capsys.readouterr().out
    assert main(["--db", other, "import-archive", str(archive)]) == 0
    assert "0 highlight(s) added, 4 already present" in capsys.readouterr().out

    assert main(["--db", other, "import-archive", str(tmp_path / "missing.json")]) == 2
    assert main(["--db", other, "export", "--tag", "没有"]) == 2
    err = capsys.readouterr().err
    assert err.count("reader: ") == 2 and "Traceback" not in err
