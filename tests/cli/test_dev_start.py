"""`python3 -m reader.dev start ARGS…` passes ARGS to the app, as the README says: a
`--db` opens that library instead of the sample one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from reader import dev


@pytest.fixture
def launched(monkeypatch) -> list[list[str]]:
    commands: list[list[str]] = []
    monkeypatch.setattr(dev, "ensure_environment", lambda: Path("/venv/python"))
    monkeypatch.setattr(
        dev.subprocess,
        "run",
        lambda command, **_: commands.append(command) or subprocess.CompletedProcess(command, 0),
    )
    return commands


@pytest.mark.parametrize("db", [["--db", "/tmp/mine.db"], ["--db=/tmp/mine.db"]])
def test_start_with_db_opens_that_library(launched, db) -> None:
    assert dev.main(["start", *db, "--lang", "zh_CN"]) == 0
    [command] = launched
    assert "--sample-library" not in command
    assert command[-len(db) - 2 :] == [*db, "--lang", "zh_CN"]


def test_start_alone_opens_the_sample_library(launched) -> None:
    assert dev.main(["start", "--lang", "en"]) == 0
    assert launched == [["/venv/python", "-m", "reader.ui", "--sample-library", "--lang", "en"]]
