"""Importing a URL: fetched from a local http.server (127.0.0.1 only) in the test."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from reader.errors import InputFileError
from reader.sources import SourceKind
from reader.sources.url import fetch_url, read_url
from tests.sources.make_html import NEWS_PARAGRAPHS, news_article_html

ARTICLE = news_article_html().encode()


class _Site(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:
        if self.path == "/news/a.html":
            self._send(200, ARTICLE, length=True)
        elif self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/news/a.html")
            self.end_headers()
        elif self.path == "/slow":
            _Site.release.wait(10)  # until the test is done with it (never a sleep)
            self._send(200, ARTICLE, length=True)
        elif self.path == "/big-declared":
            self._send(200, b"<p>x</p>" * 1000, length=True)
        elif self.path == "/cut-off":  # the connection ends before the declared length
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(ARTICLE)))
            self.end_headers()
            self.wfile.write(ARTICLE[:60])
            self.close_connection = True
        elif self.path == "/big-streamed":
            self._send(200, b"<p>x</p>" * 1000, length=False)
        else:
            self._send(404, b"not here", length=True)

    def _send(self, status: int, body: bytes, *, length: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (too large, timed out)
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    server.daemon_threads = True
    _Site.release.clear()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _Site.release.set()
    server.shutdown()
    server.server_close()


def test_url_import_reads_the_page_and_keeps_the_download(site: str) -> None:
    document = read_url(f"{site}/news/a.html")
    assert document.kind is SourceKind.URL
    assert document.raw_bytes == ARTICLE
    assert document.articles[0].title == "我国科学家取得量子通信新突破"
    assert NEWS_PARAGRAPHS[2] in document.articles[0].paragraphs
    # The page's canonical address wins over where it was fetched from.
    assert document.metadata["url"] == "https://www.example.cn/tech/2019-10/15/c_1125.htm"


def test_redirects_are_followed_to_the_final_address(site: str) -> None:
    download = fetch_url(f"{site}/old")
    assert download.final_url == f"{site}/news/a.html"
    assert download.body == ARTICLE


def test_a_server_that_does_not_answer_times_out_with_a_reason(site: str) -> None:
    with pytest.raises(InputFileError, match="timed out"):
        fetch_url(f"{site}/slow", timeout=0.3)


@pytest.mark.parametrize("path", ["/big-declared", "/big-streamed"])
def test_a_page_over_the_size_limit_is_refused(site: str, path: str) -> None:
    with pytest.raises(InputFileError, match="too large"):
        fetch_url(f"{site}{path}", max_bytes=4000)


def test_an_http_error_is_named(site: str) -> None:
    with pytest.raises(InputFileError, match="404"):
        fetch_url(f"{site}/missing")


def test_nothing_listening_is_a_clear_error() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(InputFileError, match=r"refused|cannot reach"):
        fetch_url(f"http://127.0.0.1:{port}/a.html", timeout=2)


def test_an_unknown_host_reads_as_offline_or_no_such_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(InputFileError, match="no such host, or this computer is offline"):
        fetch_url("https://news.example.invalid/a.html")


@pytest.mark.parametrize(
    "address",
    ["file:///etc/passwd", "ftp://example.org/a", "example.org", "http://x:abc/", "http://[::1"],
)
def test_only_web_addresses_are_fetched(address: str) -> None:
    with pytest.raises(InputFileError, match="not a web address"):
        fetch_url(address)


def test_a_download_cut_off_before_its_declared_length_is_not_imported(site: str) -> None:
    with pytest.raises(InputFileError, match="cut off"):
        fetch_url(f"{site}/cut-off")


def test_a_server_that_does_not_speak_http_is_a_clear_error() -> None:
    """Another service on the port (an SSH banner): a reason, not http.client's traceback."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def banner() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")

    threading.Thread(target=banner, daemon=True).start()
    try:
        with pytest.raises(InputFileError, match="could not download"):
            fetch_url(f"http://127.0.0.1:{listener.getsockname()[1]}/")
    finally:
        listener.close()


def test_an_address_with_a_space_is_a_clear_error() -> None:
    with pytest.raises(InputFileError):
        fetch_url("http://a b/")
