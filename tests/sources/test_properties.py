"""Whatever bytes arrive, the readers answer with an article or an InputFileError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import InputFileError
from reader.sources import read_source
from reader.sources.html import read_html
from reader.sources.markdown import read_markdown
from reader.sources.mhtml import read_mhtml
from reader.sources.pdf import read_pdf

#: Starts that send arbitrary bytes down each reader's path.
_PREFIXES = [
    b"",
    b"%PDF-1.4\n",
    b"<!doctype html><html><body>",
    b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\n",
    b'{"format": "reader-archive", ',
    b"# ",
]
_TAGS = st.sampled_from(["<p>", "</p>", "<h1>", "<h2>", "<article>", "<br>", "<li>", "图为", "。"])
_MARKUP = st.lists(st.one_of(_TAGS, st.text(max_size=12)), max_size=40).map("".join)


def _read_or_refuse(reader, data: bytes, name: str = "") -> None:
    try:
        document = reader(data, name)
    except InputFileError as error:
        assert str(error)  # a reason to show
        return
    for article in document.articles:
        assert isinstance(article.title, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(_PREFIXES),
    data=st.binary(max_size=600),
    name=st.sampled_from(["a.md", "a.txt", ""]),
)
def test_any_bytes_read_or_refused(prefix: bytes, data: bytes, name: str) -> None:
    _read_or_refuse(read_source, prefix + data, name)


@settings(max_examples=150, deadline=None)
@given(markup=_MARKUP)
def test_any_markup_reads_or_is_refused(markup: str) -> None:
    _read_or_refuse(read_html, f"<html><body>{markup}</body></html>".encode())
    _read_or_refuse(read_markdown, markup.encode())


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=400))
def test_pdf_and_mhtml_readers_refuse_junk_cleanly(data: bytes) -> None:
    _read_or_refuse(read_pdf, b"%PDF-1.7\n" + data)
    _read_or_refuse(read_mhtml, data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    markup=_MARKUP,
    prefix=st.sampled_from(_PREFIXES),
    as_paste=st.booleans(),
)
def test_any_source_imports_or_fails_with_a_reason_and_changes_nothing_when_it_fails(
    tmp_path_factory, markup: str, prefix: bytes, as_paste: bool
) -> None:
    from reader.store.library import Library

    folder = tmp_path_factory.mktemp("any")
    library = Library.open(folder / "library.db")
    try:
        if as_paste:
            result = library.pages.import_pasted(markup, prefix.decode("latin-1") + markup)
        else:
            path = folder / "file"
            path.write_bytes(prefix + markup.encode("utf-8", "surrogatepass"))
            result = library.import_file(path)
        assert result.status in ("imported", "failed")
        if result.status == "failed":
            assert result.reason and library.count_articles() == 0
        else:
            assert result.kind and library.count_articles() == len(result.article_ids)
    finally:
        library.close()
