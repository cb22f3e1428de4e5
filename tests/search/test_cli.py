"""`reader search` on the shell."""

from __future__ import annotations

import json

from reader.cli import main


def test_search_command_text_and_json(tmp_path, shared_sample_page, capsys):
    db = str(tmp_path / "l.db")
    assert main(["--db", db, "import", str(shared_sample_page)]) == 0
    capsys.readouterr()
    assert main(["--db", db, "search", "常州", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Articles (1)") and "[常州]" in out
    assert main(["--db", db, "search", "人大", "--json", "--kind", "articles"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(hit["kind"] == "article" and "人大" in hit["snippet"] for hit in hits)
    assert main(["--db", db, "search", '"', "NEAR("]) == 0
    assert "no results" in capsys.readouterr().out
