"""A large folder import parses its pages in worker processes while the library is
written (`reader.store.page_reading`): what it stores and reports is what an import
parsing every page itself stores and reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.store import page_reading
from reader.store.domains import pages as pages_domain
from reader.store.library import Library
from tests.store import crashing_parser

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"


@pytest.fixture
def workers_used(monkeypatch) -> list[page_reading.WorkerParsing]:
    """Every import of 3 files or more parses in workers, every page in a worker (none
    in the test's process while they start); the worker parsings made, to look at."""
    made: list[page_reading.WorkerParsing] = []
    original = page_reading.parsing_for

    def parsing_for(
        files: int, tokenize: page_reading.Tokenize | None = None
    ) -> page_reading.InProcessParsing | page_reading.WorkerParsing:
        parsing = original(files, tokenize)
        if isinstance(parsing, page_reading.WorkerParsing):
            made.append(parsing)
        return parsing

    monkeypatch.setattr(page_reading, "POOL_FROM", 3)
    monkeypatch.setattr(page_reading, "parsing_for", parsing_for)
    monkeypatch.setattr(page_reading.WorkerParsing, "parse_here_while_starting", False)
    return made


def varied_folder(root: Path) -> Path:
    """Pages of every outcome: new pages, the same page under two names, a page the
    library has already, a binary file, an empty file, a picture, a Markdown article."""
    folder = root / "pages"
    (folder / "sub").mkdir(parents=True)
    for n in range(45):
        (folder / f"{n:03d}.txt").write_text(
            f"第{n}篇报道\n\n{BODY}第{n}段。\n\n本报记者 王{n}\n", encoding="utf-8"
        )
    (folder / "sub" / "copy-of-007.txt").write_bytes((folder / "007.txt").read_bytes())
    (folder / "sub" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "sub" / "empty.txt").write_bytes(b"")
    (folder / "sub" / "photo.png").write_bytes(b"\x89PNG\r\n")
    (folder / "sub" / "note.md").write_text("# 标题\n\n一段正文。\n", encoding="utf-8")
    return folder


#: What the search index must find alike: words of the text, a reporter, a title.
QUERIES = ("深化常深合作", "王17", "第12篇报道", "标题", "创新协同", "第3")


def outcome(library: Library, folder: Path) -> tuple[list[tuple], list[tuple], list[tuple]]:
    summary = library.import_paths([folder])
    results = [(r.path, r.status, r.reason, r.kind, len(r.article_ids)) for r in summary.results]
    articles = [
        (a.title, library.get_article(a.id).text) for a in library.list_articles(sort="oldest")
    ]
    found = [
        tuple(hit.article_id for hit in library.search.find(q, limit=100).articles) for q in QUERIES
    ]
    return results, articles, found


def test_an_import_in_workers_stores_and_reports_what_one_in_process_does(
    tmp_path, monkeypatch, workers_used
) -> None:
    folder = varied_folder(tmp_path)
    outcomes = []
    for name, in_workers in (("workers.db", True), ("alone.db", False)):
        library = Library.open(tmp_path / name)
        library.import_file(folder / "003.txt")  # known before the folder import
        if not in_workers:
            monkeypatch.setattr(page_reading, "POOL_FROM", 10**9)
        outcomes.append(outcome(library, folder))
        library.close()

    assert outcomes[0] == outcomes[1]
    results, articles, found = outcomes[0]
    assert [len(hits) for hits in found] == [45, 1, 1, 1, 45, 11]
    statuses = {path.rsplit("/", 1)[-1]: status for path, status, *_ in results}
    assert statuses["003.txt"] == statuses["copy-of-007.txt"] == "unchanged"
    assert statuses["binary.txt"] == statuses["empty.txt"] == "failed"
    assert statuses["photo.png"] == "skipped"
    assert statuses["007.txt"] == statuses["note.md"] == "imported"
    assert len(articles) == 46
    assert len(workers_used) == 1
    # 44 new pages, Markdown, the binary and the empty file (neither known nor copies)
    assert workers_used[0].pages_from_workers == 47


def test_cancelling_an_import_in_workers_keeps_what_was_read(
    tmp_path, monkeypatch, workers_used
) -> None:
    folder = varied_folder(tmp_path)
    monkeypatch.setattr(pages_domain, "IMPORT_BATCH", 10)
    library = Library.open(tmp_path / "library.db")
    asked = []

    def progress(step) -> bool:
        asked.append(step.done)
        return step.done < 25

    summary = library.import_paths([folder], progress=progress)

    assert summary.cancelled
    assert asked == list(range(26))  # nothing asked after the answer to stop
    assert [r.status for r in summary.results] == ["imported"] * 25
    assert library.count_articles() == 25
    library.close()
    assert len(workers_used) == 1


def test_a_page_that_kills_its_worker_fails_alone_and_the_import_goes_on(
    tmp_path, monkeypatch, workers_used
) -> None:
    folder = varied_folder(tmp_path)
    (folder / "020.txt").write_text(f"会崩溃的一页\n\n{crashing_parser.CRASH}\n", encoding="utf-8")
    monkeypatch.setattr(page_reading, "parse_document", crashing_parser.parse_document)
    monkeypatch.setattr(page_reading, "parse_documents", crashing_parser.parse_documents)
    library = Library.open(tmp_path / "library.db")

    summary = library.import_paths([folder])

    failed = {r.path.rsplit("/", 1)[-1]: r.reason for r in summary.failures}
    assert failed == {
        "020.txt": page_reading.CRASHED,
        "binary.txt": failed["binary.txt"],
        "empty.txt": failed["empty.txt"],
    }
    assert library.count_articles() == 45  # every other page, once
    assert [r.path for r in summary.results] == [
        str(p) for p in sorted(folder.rglob("*")) if p.is_file()
    ]
    library.close()


def test_a_page_too_large_for_memory_fails_with_why(library, write_page, monkeypatch) -> None:
    from reader.sources import read

    paths = [write_page(f"{n}.txt", f"第{n}篇报道", BODY + f"第{n}段。") for n in range(3)]
    original = read.read_source

    def out_of_memory_on_the_second(data: bytes, path: str = ""):
        if path.endswith("1.txt"):
            raise MemoryError
        return original(data, path)

    monkeypatch.setattr(read, "read_source", out_of_memory_on_the_second)

    summary = library.import_paths([paths[0].parent])

    assert [(r.status, r.reason) for r in summary.results] == [
        ("imported", None),
        ("failed", page_reading.OUT_OF_MEMORY),
        ("imported", None),
    ]


def test_where_no_worker_can_start_the_pages_are_parsed_here(
    tmp_path, monkeypatch, workers_used
) -> None:
    folder = varied_folder(tmp_path)
    monkeypatch.setattr(page_reading, "_warm_up", crashing_parser.no_worker_starts)
    library = Library.open(tmp_path / "library.db")

    summary = library.import_paths([folder])

    assert [r.status for r in summary.results].count("imported") == 46
    assert {r.path.rsplit("/", 1)[-1] for r in summary.failures} == {"binary.txt", "empty.txt"}
    assert library.count_articles() == 46
    assert workers_used[0].pages_from_workers == 0
    library.close()


def test_two_copies_of_a_page_that_kills_its_worker_both_fail_alone(
    tmp_path, monkeypatch, workers_used
) -> None:
    """The second copy is parsed where the first was, in a worker: parsed in the
    importing process, it took the whole program down with it."""
    folder = varied_folder(tmp_path)
    crash = f"会崩溃的一页\n\n{crashing_parser.CRASH}\n"
    (folder / "020.txt").write_text(crash, encoding="utf-8")
    (folder / "sub" / "copy-of-020.txt").write_text(crash, encoding="utf-8")
    monkeypatch.setattr(page_reading, "parse_document", crashing_parser.parse_document)
    monkeypatch.setattr(page_reading, "parse_documents", crashing_parser.parse_documents)
    library = Library.open(tmp_path / "library.db")

    summary = library.import_paths([folder])

    failed = {r.path.rsplit("/", 1)[-1]: r.reason for r in summary.failures}
    assert failed["020.txt"] == failed["copy-of-020.txt"] == page_reading.CRASHED
    assert library.count_articles() == 45
    library.close()


def test_a_pdf_that_kills_its_parser_fails_alone_while_the_workers_start(
    tmp_path, monkeypatch
) -> None:
    """While workers start, the importing process parses pages itself, but never a PDF
    (a crash in the PDF library would end the program): the first file here is one."""
    folder = varied_folder(tmp_path)
    (folder / "000.pdf").write_bytes(b"%PDF-1.7\n" + crashing_parser.CRASH.encode())
    monkeypatch.setattr(page_reading, "POOL_FROM", 3)
    monkeypatch.setattr(page_reading, "parse_document", crashing_parser.parse_document)
    monkeypatch.setattr(page_reading, "parse_documents", crashing_parser.parse_documents)
    assert page_reading.WorkerParsing.parse_here_while_starting
    library = Library.open(tmp_path / "library.db")

    summary = library.import_paths([folder])

    failed = {r.path.rsplit("/", 1)[-1]: r.reason for r in summary.failures}
    assert failed["000.pdf"] == page_reading.CRASHED
    assert library.count_articles() == 46
    library.close()


def test_files_read_ahead_of_the_writer_are_bounded_by_their_bytes(
    tmp_path, monkeypatch, workers_used
) -> None:
    """A folder of large files is not read 200 files ahead: the bytes held waiting for
    their turn stay near `AHEAD_BYTES`."""
    folder = varied_folder(tmp_path)
    page_size = (folder / "010.txt").stat().st_size
    monkeypatch.setattr(page_reading, "AHEAD_BYTES", 3 * page_size)
    sent: list[str] = []
    submit = page_reading.WorkerParsing.submit

    def counted(self, data: bytes, path: str):
        sent.append(path)
        return submit(self, data, path)

    monkeypatch.setattr(page_reading.WorkerParsing, "submit", counted)
    most_ahead = 0

    def progress(step) -> bool:
        nonlocal most_ahead
        most_ahead = max(most_ahead, len(sent) - step.done)
        return True

    library = Library.open(tmp_path / "library.db")
    summary = library.import_paths([folder], progress=progress)

    assert [r.status for r in summary.results].count("imported") == 46
    assert most_ahead <= 5
    library.close()
