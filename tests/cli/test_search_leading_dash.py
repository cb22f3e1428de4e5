"""`reader search -会议 …`: a query starting with "-" (exclude a word) is the query, not
an unknown option; the options around it still work, and `--` still does."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.cli.search_command import query_terms_last
from reader.resources import sample_pages


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "l.db")
    assert main(["--db", path, "import", *map(str, sample_pages())]) == 0
    return path


def hits(capsys) -> list[dict]:
    return json.loads(capsys.readouterr().out)


def test_a_query_starting_with_a_dash_needs_no_double_dash(db, capsys) -> None:
    capsys.readouterr()
    assert main(["--db", db, "search", "常州", "--json", "--kind", "articles"]) == 0
    with_word = hits(capsys)
    assert main(["--db", db, "search", "-公交", "常州", "--json", "--kind", "articles"]) == 0
    without = hits(capsys)
    assert main(["--db", db, "search", "--json", "--kind", "articles", "--", "常州", "-公交"]) == 0
    assert hits(capsys) == without  # the same as with the `--` it needed before
    assert without and len(without) < len(with_word)
    assert all("公交" not in hit["title"] + hit["text"] for hit in without)


def test_an_exclusion_alone_is_a_query_too_and_no_traceback(db, capsys) -> None:
    capsys.readouterr()
    code = main(["--db", db, "search", "-会议"])
    captured = capsys.readouterr()
    assert "unrecognized arguments" not in captured.err and "Traceback" not in captured.err
    assert code in (0, 2)


def test_options_stay_options_around_dash_terms() -> None:
    assert query_terms_last(["-会议", "--limit", "3", "常州", "--json"]) == [
        "--limit",
        "3",
        "--json",
        "--",
        "-会议",
        "常州",
    ]
    assert query_terms_last(["--json", "--", "--x", "-y"]) == ["--json", "--", "--x", "-y"]
    assert query_terms_last(["-h"]) == ["-h"]
    assert query_terms_last(["--kind=notes", "a"]) == ["--kind=notes", "--", "a"]
