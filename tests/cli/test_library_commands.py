"""`reader parse | import | list | show | highlight | tag` driven through `main()`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.cli import main

BODY = "常州将进一步深化常深合作，以创新协同深化常深合作。"
MORE = "交流会上共有三十个签约项目，涉及新能源、智能装备、新材料等领域。"


def write_page(folder: Path, name: str, title: str, *paragraphs: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.db")


@pytest.fixture
def imported(tmp_path: Path, db: str, capsys) -> int:
    """A library with one imported article; returns its id."""
    page = write_page(tmp_path / "pages", "a.txt", "常深合作交流会举行", BODY, MORE)
    assert main(["--db", db, "import", str(page)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)[0]["id"]


def test_parse_json_prints_the_contract_and_touches_no_database(tmp_path, capsys) -> None:
    page = write_page(tmp_path, "a.txt", "常深合作交流会举行", BODY)
    db = tmp_path / "never.db"

    assert main(["--db", str(db), "parse", str(page), "--json"]) == 0

    out = capsys.readouterr().out
    assert "常深合作" in out  # ensure_ascii=False: Chinese as itself, not \\u escapes
    data = json.loads(out)
    assert set(data) == {"source", "page", "articles"}
    assert set(data["source"]) == {"path", "encoding", "sha256", "furniture"}
    assert set(data["page"]) == {"paper", "date", "number", "name"}
    assert len(data["source"]["sha256"]) == 64
    [article] = data["articles"]
    assert article["title"] == "常深合作交流会举行"
    assert not db.exists()


def test_parse_text_mode_prints_a_summary(tmp_path, capsys) -> None:
    page = write_page(tmp_path, "a.txt", "常深合作交流会举行", BODY)
    assert main(["parse", str(page)]) == 0
    out = capsys.readouterr().out
    assert "1 article(s)" in out and "常深合作交流会举行" in out


def test_parse_a_missing_file_is_a_one_line_error(tmp_path, capsys) -> None:
    assert main(["parse", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1
    assert "Traceback" not in err


def test_parse_a_folder_or_unreadable_file_is_a_one_line_error(tmp_path, capsys) -> None:
    assert main(["parse", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    locked = tmp_path / "locked.txt"
    locked.write_text("标题", encoding="utf-8")
    locked.chmod(0)
    if os.access(locked, os.R_OK):  # root reads anything: a device it cannot read instead
        locked = Path("/proc/self/mem")
    assert main(["parse", str(locked)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and "Traceback" not in err


def test_import_reports_a_summary_and_each_failure(tmp_path, db, capsys) -> None:
    folder = tmp_path / "pages"
    write_page(folder, "good.txt", "常深合作交流会举行", BODY)
    (folder / "empty.txt").write_bytes(b"")

    assert main(["--db", db, "import", str(folder)]) == 1

    captured = capsys.readouterr()
    assert "imported 1, unchanged 0, reparsed 0, failed 1" in captured.out
    assert f"{folder / 'empty.txt'}: " in captured.err
    assert "[" not in captured.err  # no progress bar when stderr is not a terminal

    assert main(["--db", db, "import", str(folder / "good.txt")]) == 0
    assert "imported 0, unchanged 1, reparsed 0, failed 0" in capsys.readouterr().out


def test_import_uses_reader_db_from_the_environment(tmp_path, monkeypatch, capsys) -> None:
    db = tmp_path / "from-env.db"
    monkeypatch.setenv("READER_DB", str(db))
    page = write_page(tmp_path / "pages", "a.txt", "常深合作交流会举行", BODY)
    assert main(["import", str(page)]) == 0
    assert db.exists()


def test_highlight_by_quote_then_show(db, imported, capsys) -> None:
    args = ["--db", db, "highlight", str(imported), "--quote", "深化常深合作"]
    extra = ["--occurrence", "2", "--color", "green", "--note", "第二处", "--tag", "合作"]
    assert main([*args, *extra, "--tag", "常州"]) == 0
    assert "highlight" in capsys.readouterr().out

    assert main(["--db", db, "show", str(imported), "--json"]) == 0
    article = json.loads(capsys.readouterr().out)
    [highlight] = article["highlights"]
    text = "\n".join(article["paragraphs"])
    second = text.index("深化常深合作", text.index("深化常深合作") + 1)
    assert (highlight["start"], highlight["end"]) == (second, second + len("深化常深合作"))
    assert (highlight["color"], highlight["note"]) == ("green", "第二处")
    assert highlight["tags"] == ["合作", "常州"]

    assert main(["--db", db, "show", str(imported)]) == 0
    out = capsys.readouterr().out
    assert "常深合作交流会举行" in out and "第二处" in out and "1 highlight(s)" in out


@pytest.mark.parametrize(
    "command",
    [
        ["highlight", "{id}", "--quote", "不在文中"],
        ["highlight", "{id}", "--quote", "深化常深合作", "--occurrence", "5"],
        ["show", "999"],
        ["tag", "add", "  ", "--article", "{id}"],
        ["tag", "rename", "没有这个标签", "新"],
    ],
)
def test_user_mistakes_exit_2_with_one_line(db, imported, capsys, command) -> None:
    argv = [part.replace("{id}", str(imported)) for part in command]
    assert main(["--db", db, *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reader: ") and err.count("\n") == 1


def test_list_filters_by_tag_and_limits(tmp_path, db, imported, capsys) -> None:
    other = write_page(tmp_path / "pages", "b.txt", "另一篇报道的标题", MORE + "另外。")
    assert main(["--db", db, "import", str(other)]) == 0
    assert main(["--db", db, "tag", "add", "关注", "--article", str(imported)]) == 0
    capsys.readouterr()

    assert main(["--db", db, "list", "--json", "--tag", "关注"]) == 0
    assert [a["id"] for a in json.loads(capsys.readouterr().out)] == [imported]
    assert main(["--db", db, "list", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1
    assert main(["--db", db, "list"]) == 0
    out = capsys.readouterr().out
    assert "另一篇报道的标题" in out and "常深合作交流会举行" in out


def test_tag_commands(db, imported, capsys) -> None:
    def run(*argv: str) -> str:
        assert main(["--db", db, *argv]) == 0
        return capsys.readouterr().out

    assert "经济" in run("tag", "add", " 经济 ", "--article", str(imported))
    run("highlight", str(imported), "--quote", "签约项目", "--tag", "经济")
    tags = json.loads(run("tag", "list", "--json"))
    assert tags == [{"name": "经济", "highlights": 1, "articles": 1}]

    run("tag", "rename", "经济", "产业")
    run("tag", "add", "新能源", "--article", str(imported))
    run("tag", "merge", "新能源", "产业")
    assert [t["name"] for t in json.loads(run("tag", "list", "--json"))] == ["产业"]

    highlight_id = json.loads(run("show", str(imported), "--json"))["highlights"][0]["id"]
    assert "(no tags)" in run("tag", "remove", "产业", "--highlight", str(highlight_id))
    run("tag", "delete", "产业")
    assert json.loads(run("tag", "list", "--json")) == []


def test_parse_a_binary_file_says_why(tmp_path, capsys) -> None:
    picture = tmp_path / "picture.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    assert main(["parse", str(picture)]) == 2
    err = capsys.readouterr().err
    assert "binary" in err and err.count("\n") == 1


def test_progress_bar_draws_on_one_line() -> None:
    import io

    from reader.cli.library_commands import _ProgressBar
    from reader.store.records import ImportProgress

    stream = io.StringIO()
    bar = _ProgressBar(stream)
    assert bar(ImportProgress(done=15, total=30, current_path="/pages/第一版.txt")) is True
    bar.finish()
    drawn = stream.getvalue()
    assert "15/30" in drawn and "第一版.txt" in drawn
    assert "#" * 15 + "-" * 15 in drawn
    assert "\n" not in drawn


def test_reparse_parses_every_page_again_and_says_what_moved(imported, db, capsys) -> None:
    assert main(["--db", db, "highlight", str(imported), "--quote", "常深合作"]) == 0
    capsys.readouterr()

    assert main(["--db", db, "reparse"]) == 0
    out = capsys.readouterr().out
    assert "1 page(s) parsed again, 0 cut differently; articles 1 → 1" in out
    assert "0 orphaned" in out

    assert main(["--db", db, "reparse", "--outdated"]) == 0
    assert "0 page(s) parsed again" in capsys.readouterr().out
