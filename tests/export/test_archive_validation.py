"""A damaged or hostile archive is refused whole, with its first problems named (where in
the document, what is wrong), without a traceback and without changing the library."""

from __future__ import annotations

import copy
import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.errors import ReaderError
from reader.export.backup import library_state
from reader.export.formats import render
from reader.export.restore import restore_archive
from reader.export.scope import ExportScope
from reader.store.library import Library

from .annotated import annotate


@pytest.fixture
def archive(annotated) -> dict:
    return json.loads(render(annotated, ExportScope.everything(), "json"))


def position(archive: dict, index: int = 0) -> dict:
    """The TextPositionSelector of annotation `index`."""
    [found] = [
        s
        for s in archive["annotations"][index]["target"]["selector"]
        if s["type"] == "TextPositionSelector"
    ]
    return found


def refused(db: Path, file: Path, capsys) -> str:
    """Run `reader import-archive` expecting a refusal; returns its message."""
    before = library_state(db)
    assert main(["--db", str(db), "import-archive", str(file)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("reader: ")
    assert "Traceback" not in err
    assert library_state(db) == before  # not one row changed
    return err


def write(folder: Path, text: str) -> Path:
    path = folder / "archive.json"
    path.write_text(text, encoding="utf-8")
    return path


def set_start(value):
    return lambda a: position(a).__setitem__("start", value)


def set_position(value):
    return lambda a: a["articles"][0].__setitem__("position", value)


def text_length(a: dict) -> int:
    target = a["annotations"][0]["target"]["source"]
    return len(next(x["text"] for x in a["articles"] if x["id"] == target))


MUTATIONS = {
    "huge offset": (set_start(10**30), "selector[1].start: Input should be less than"),
    "huge position": (set_position(10**30), "$.articles[0].position: Input should be less"),
    "negative offset": (set_start(-1), "selector[1].start: Input should be greater"),
    "float offset": (set_start(1.0), "selector[1].start: Input should be a valid integer"),
    "bool offset": (set_start(True), "selector[1].start: Input should be a valid integer"),
    "string offset": (set_start("3"), "selector[1].start: Input should be a valid integer"),
    "inverted": (
        lambda a: position(a).update(start=position(a)["end"] + 1),
        "selector[1]: start",
    ),
    "empty": (lambda a: position(a).update(start=position(a)["end"]), "is not before end"),
    "beyond the text": (
        lambda a: position(a).update(end=text_length(a) + 5),
        "is beyond the article's text",
    ),
    "duplicate article": (
        lambda a: a["articles"].append(copy.deepcopy(a["articles"][0])),
        "is used twice",
    ),
    "duplicate annotation id": (
        lambda a: a["annotations"][1].__setitem__("id", a["annotations"][0]["id"]),
        "$.annotations[1].id: the annotation id",
    ),
    "unknown article": (
        lambda a: a["annotations"][0]["target"].__setitem__("source", "urn:x"),
        "no article urn:x",
    ),
    "wrong type": (
        lambda a: a["articles"][1].__setitem__("title", 5),
        "$.articles[1].title: Input should be a valid string",
    ),
    "missing field": (lambda a: a["sources"][0].pop("raw_text"), "raw_text: Field required"),
    "not a list": (lambda a: a.__setitem__("annotations", {}), "$.annotations: Input should"),
    "unknown colour": (lambda a: a["annotations"][0].__setitem__("reader:color", "red"), "red"),
    "bad time": (lambda a: a["annotations"][0].__setitem__("created", "yesterday"), "ISO 8601"),
    "empty tag": (lambda a: a["articles"][1].__setitem__("tags", [" "]), "tag name"),
    "two quotes": (
        lambda a: a["annotations"][0]["target"]["selector"].append(
            {"type": "TextQuoteSelector", "exact": "x"}
        ),
        "one TextQuoteSelector and one TextPositionSelector",
    ),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_a_damaged_archive_is_refused_and_changes_nothing(
    name, annotated, archive, tmp_path, capsys
) -> None:
    mutate, expected = MUTATIONS[name]
    mutate(archive)
    file = write(tmp_path, json.dumps(archive, ensure_ascii=False))

    err = refused(annotated.path, file, capsys)

    assert "is not a valid reader archive; nothing was imported" in err
    assert expected in err


@pytest.mark.parametrize(
    ("raw", "value", "expected"),
    [
        ("NaN", "NaN", "NaN is not a number an archive may hold"),
        ("Infinity", "Infinity", "Infinity is not a number"),
        ("-Infinity", "-Infinity", "-Infinity is not a number"),
        ("overflowing float", "1e999", "too large a number"),
        ("integer of 5000 digits", "9" * 5000, "not a valid reader archive"),
    ],
)
def test_numbers_json_cannot_store_are_refused(
    raw, value, expected, annotated, archive, tmp_path, capsys
) -> None:
    position(archive)["start"] = "PLACEHOLDER"
    text = json.dumps(archive, ensure_ascii=False).replace('"PLACEHOLDER"', value)
    assert expected in refused(annotated.path, write(tmp_path, text), capsys)


def test_deep_nesting_is_refused_before_parsing(annotated, tmp_path, capsys) -> None:
    depth = 100_000
    text = '{"format": "reader-archive", "version": 1, "x": ' + "[" * depth + "]" * depth + "}"
    err = refused(annotated.path, write(tmp_path, text), capsys)
    assert "nested 100001 levels deep" in err


def test_brackets_inside_strings_do_not_count_as_nesting(annotated, archive, tmp_path) -> None:
    archive["articles"][0]["title"] = "[[[[" * 100 + '\\"{' * 100
    result = restore_archive(annotated, write(tmp_path, json.dumps(archive)))
    assert result.articles_matched == 2  # imported, not refused


def test_half_a_surrogate_pair_is_refused(annotated, archive, tmp_path, capsys) -> None:
    archive["annotations"][0]["body"][0]["value"] = "\ud800"
    err = refused(annotated.path, write(tmp_path, json.dumps(archive)), capsys)
    assert "\\ud800, half of a surrogate pair" in err


def test_many_problems_are_listed_first_few_then_more(annotated, archive, tmp_path, capsys):
    for index in range(len(archive["annotations"])):
        position(archive, index).update(start=-1, end=-1)  # two problems each: eight
    err = refused(annotated.path, write(tmp_path, json.dumps(archive)), capsys)
    lines = err.splitlines()
    assert len(lines) == 1 + 5 + 1
    assert lines[1].strip().startswith("$.annotations[0].target.selector[1].start")
    assert lines[-1].strip() == "… and more"


def test_todays_archive_with_extra_fields_still_imports(archive, open_library) -> None:
    archive["comment"] = {"nested": [[["ignored"]]]}
    archive["annotations"][0]["motivation"] = "highlighting"
    result = restore_archive(open_library("fresh.db"), archive)
    assert result.highlights_created == 4


# --- any mutation of a real archive: imported, or refused with nothing changed ----------
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()  # NaN and infinities included: written as NaN/Infinity
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


def paths(value, prefix=()):
    """Every place in the document: (key or index, …)."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def mutated(archive: dict, data) -> dict:
    document = copy.deepcopy(archive)
    for _ in range(data.draw(st.integers(1, 3))):
        where = data.draw(st.sampled_from(list(paths(document))[1:]))
        *parent_path, last = where
        parent = document
        for key in parent_path:
            parent = parent[key]
        action = data.draw(st.sampled_from(["replace", "delete", "duplicate", "nudge"]))
        if action == "replace":
            parent[last] = data.draw(JSON_VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif action == "nudge" and isinstance(parent[last], int):
            parent[last] += data.draw(st.sampled_from([-1, 1, 10**6]))
        elif action == "nudge" and isinstance(parent[last], str):
            parent[last] += data.draw(st.text(string.printable + "𠮷", max_size=2))
    return document


def test_any_mutated_archive_imports_or_is_refused_with_nothing_changed(tmp_path) -> None:
    source = Library.open(tmp_path / "source.db")
    try:
        annotate(source, tmp_path / "pages")
        archive = json.loads(render(source, ExportScope.everything(), "json"))
    finally:
        source.close()
    target = Library.open(tmp_path / "target.db")
    file = tmp_path / "mutated.json"

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data) -> None:
        file.write_text(json.dumps(mutated(archive, data), ensure_ascii=False), encoding="utf-8")
        before = library_state(target.path)
        try:
            restore_archive(target, file)
        except ReaderError:
            assert library_state(target.path) == before

    try:
        check()
    finally:
        target.close()


def test_the_schema_checks_the_format_name_the_exporter_writes() -> None:
    from typing import get_args

    from reader.export.archive_schema import FormatName
    from reader.export.web_annotation import FORMAT_NAME

    assert get_args(FormatName) == (FORMAT_NAME,)
