"""A folder import writes its pages in batches (many pages to a transaction) and still
answers for each page as if it were written alone."""

from __future__ import annotations

import pytest

from reader.errors import ReaderError
from reader.store import database, importer
from reader.store.domains import pages as pages_domain
from reader.store.library import Library
from tests.faults.other_process import OtherProcess

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"


def test_a_page_that_fails_to_be_written_fails_alone(library, write_page, monkeypatch) -> None:
    paths = [write_page(f"{n}.txt", f"第{n}篇报道", BODY + f"第{n}段。") for n in range(5)]
    original = importer.add_page

    def refuse_the_third(path, page, *columns):
        if path.endswith("2.txt"):
            original(path, page, *columns)  # written, then refused: must be rolled back
            raise ReaderError("this page cannot be stored")
        return original(path, page, *columns)

    monkeypatch.setattr(importer, "add_page", refuse_the_third)

    summary = library.import_paths([paths[0].parent])

    assert [r.status for r in summary.results] == ["imported"] * 2 + ["failed"] + ["imported"] * 2
    assert summary.results[2].reason == "this page cannot be stored"
    titles = [a.title for a in library.list_articles(sort="oldest")]
    assert titles == ["第0篇报道", "第1篇报道", "第3篇报道", "第4篇报道"]
    assert len(library.list_sources()) == 4


def test_the_same_page_twice_in_one_import_is_stored_once(library, write_page, tmp_path) -> None:
    first = write_page("a.txt", "常深合作交流会举行", BODY)
    copy = write_page("copy-of-a.txt", "常深合作交流会举行", BODY)

    summary = library.import_paths([first.parent, first])

    statuses = [(r.path.rsplit("/", 1)[-1], r.status) for r in summary.results]
    assert statuses == [
        ("a.txt", "imported"),
        ("copy-of-a.txt", "unchanged"),
        ("a.txt", "unchanged"),
    ]
    assert len({r.source_id for r in summary.results}) == 1
    assert library.count_articles() == 1
    assert copy.exists()


def test_pages_are_written_many_to_a_transaction(library, write_page, monkeypatch) -> None:
    paths = [write_page(f"{n:02d}.txt", f"第{n}篇报道", BODY + f"第{n}段。") for n in range(25)]
    commits = []
    original = pages_domain.Pages._write_batch

    def counting(self, batch):
        commits.append(len(batch))
        return original(self, batch)

    monkeypatch.setattr(pages_domain.Pages, "_write_batch", counting)
    monkeypatch.setattr(pages_domain, "IMPORT_BATCH", 10)

    summary = library.import_paths([paths[0].parent])

    assert commits == [10, 10, 5]
    assert [r.status for r in summary.results] == ["imported"] * 25
    assert [r.path for r in summary.results] == [str(p) for p in paths]  # in file order


def test_a_batch_still_locked_fails_whole_and_a_later_import_brings_it_in(
    write_page, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)  # give up sooner than 5 s
    paths = [write_page(f"{n}.txt", f"第{n}篇", BODY + f"第{n}段。") for n in range(3)]
    library = Library.open(tmp_path / "library.db")
    other = OtherProcess(library.path)
    try:
        other.send("lock")
        summary = library.import_paths([paths[0].parent])
        other.send("release", expect="released")
    finally:
        other.close()
    assert [r.status for r in summary.results] == ["failed"] * 3
    assert all("busy" in r.reason and "try again" in r.reason for r in summary.results)
    assert library.count_articles() == 0  # no half batch

    again = library.import_paths([paths[0].parent])
    assert [r.status for r in again.results] == ["imported"] * 3
    library.close()


@pytest.mark.parametrize("cancel_at", [1, 3])
def test_cancelling_keeps_the_pages_read_so_far(library, write_page, cancel_at) -> None:
    paths = [write_page(f"{n}.txt", f"第{n}篇报道", BODY + f"第{n}段。") for n in range(4)]

    summary = library.import_paths([paths[0].parent], progress=lambda step: step.done < cancel_at)

    assert summary.cancelled
    assert [r.status for r in summary.results] == ["imported"] * cancel_at
    assert library.count_articles() == cancel_at


def test_pages_that_cannot_even_be_looked_up_fail_with_why_and_nothing_raises(
    write_page, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    paths = [write_page(f"{n}.txt", f"第{n}篇", BODY + f"第{n}段。") for n in range(2)]
    library = Library.open(tmp_path / "library.db")
    other = OtherProcess(library.path)
    try:
        library.close()  # a new connection: the exclusive lock keeps it from reading too
        other.send("exclusive")
        summary = library.import_paths([paths[0].parent])
        other.send("release", expect="released")
    finally:
        other.close()
    assert [r.status for r in summary.results] == ["failed"] * 2
    assert all("busy" in r.reason for r in summary.results)
    library.close()
