"""Source readers' throughput: `python tests/perf/bench_sources.py [--quick]`.

Builds its own files (news-site article pages, e-paper listing pages, three-column PDF
newspaper pages; article texts made up, or real ones from ../shared/corpus when there)
and prints, for the same bytes, reader.sources' rate beside the raw extractor's own
time: trafilatura's `bare_extraction` for HTML, PDFium's plain text extraction
(`get_text_range`, no positions, no reading order) for PDF.
Targets (issue 14): >= 50 HTML articles/s, >= 5 PDF pages/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pypdfium2 as pdfium
import trafilatura

from reader.sources.html import read_html
from reader.sources.pdf import read_pdf
from reader.store.library import Library
from tests.sources.make_html import epaper_listing_html
from tests.sources.make_pdf import dense_front_page
from tests.sources.texts import made_up_paragraph


def article_page(number: int) -> bytes:
    """A news-site article of 12 paragraphs with navigation, sidebar and footer."""
    paragraphs = "".join(
        f"<p>{made_up_paragraph(number * 20 + index, sentences=5)}</p>" for index in range(12)
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>第{number}篇新闻_示例网</title><meta property="og:site_name" content="示例网">
<meta name="author" content="记者{number}"><meta property="article:published_time"
content="2019-10-15"></head><body><nav><a href="/">首页</a><a href="/b">国内</a></nav>
<article><h1>第{number}篇新闻的标题</h1>{paragraphs}<h2>小标题</h2>{paragraphs[:400]}</p>
</article><aside><ul><li><a href="/x">相关新闻</a></li></ul></aside>
<footer>版权所有</footer></body></html>""".encode()


def listing_page(number: int) -> bytes:
    items = [
        (("", f"第{number}版第{item}条新闻", ""), [made_up_paragraph(number * 9 + item)] * 3)
        for item in range(8)
    ]
    return epaper_listing_html(items, use_article=False).encode()


def pdf_page(number: int) -> bytes:
    return dense_front_page(number)[0]


def timed(work) -> tuple[float, object]:
    began = time.perf_counter()
    result = work()
    return time.perf_counter() - began, result


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="a small run")
    args = options.parse_args()
    html_count, listing_count, pdf_count = (40, 10, 10) if args.quick else (300, 60, 60)

    articles = [article_page(n) for n in range(html_count)]
    listings = [listing_page(n) for n in range(listing_count)]
    pdfs = [pdf_page(n) for n in range(pdf_count)]
    read_html(articles[0])  # warm-up: imports, compiled patterns
    read_pdf(pdfs[0])

    ours, found = timed(lambda: sum(len(read_html(page).articles) for page in articles))
    raw, _ = timed(
        lambda: [
            trafilatura.bare_extraction(page.decode(), with_metadata=True, favor_precision=True)
            for page in articles
        ]
    )
    print(f"HTML article pages  {html_count} pages, {found} articles")
    print(f"  reader.sources    {ours:.2f} s  {found / ours:7.1f} articles/s (target >= 50)")
    print(f"  raw trafilatura   {raw:.2f} s  {html_count / raw:7.1f} pages/s")

    ours, found = timed(lambda: sum(len(read_html(page).articles) for page in listings))
    print(f"e-paper listings    {listing_count} pages, {found} articles")
    print(f"  reader.sources    {ours:.2f} s  {found / ours:7.1f} articles/s")

    def raw_pdf() -> None:
        for data in pdfs:
            document = pdfium.PdfDocument(data)
            for page in document:
                page.get_textpage().get_text_range()
            document.close()

    ours, found = timed(lambda: sum(len(read_pdf(data).articles) for data in pdfs))
    raw, _ = timed(raw_pdf)
    chars = sum(len(read_pdf(data).page.raw_text) for data in pdfs[:3]) // 3
    print(f"PDF pages           {pdf_count} pages, {found} articles, ~{chars} characters a page")
    print(f"  reader.sources    {ours:.2f} s  {pdf_count / ours:7.1f} pages/s (target >= 5)")
    print(f"  raw PDFium text   {raw:.2f} s  {pdf_count / raw:7.1f} pages/s")

    print("Import into a library (read, store, index for search; one transaction a file)")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        html_files = write_files(root / "html", "page-{}.html", articles)
        pdf_files = write_files(root / "pdf", "page-{}.pdf", pdfs)
        library = Library.open(root / "bench.db")
        try:
            spent, summary = timed(lambda: library.import_paths(html_files))
            found = sum(len(r.article_ids) for r in summary.results)
            print(
                f"  HTML articles     {spent:.2f} s  {found / spent:7.1f} articles/s (target >= 50)"
            )
            spent, summary = timed(lambda: library.import_paths(pdf_files))
            print(
                f"  PDF pages         {spent:.2f} s  {pdf_count / spent:7.1f} pages/s (target >= 5)"
            )
            spent, _ = timed(lambda: library.reparse_all())
            pages = html_count + pdf_count
            print(f"  re-parse of both  {spent:.2f} s  {pages / spent:7.1f} pages/s from raw bytes")
        finally:
            library.close()


def write_files(folder: Path, name: str, contents: list[bytes]) -> list[Path]:
    folder.mkdir()
    paths = [folder / name.format(number) for number in range(len(contents))]
    for path, data in zip(paths, contents, strict=True):
        path.write_bytes(data)
    return paths


if __name__ == "__main__":
    main()
