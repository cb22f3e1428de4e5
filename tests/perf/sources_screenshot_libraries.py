"""Libraries to look at a web article and a PDF-page article in the window.

    .venv/bin/python tests/perf/sources_screenshot_libraries.py OUT
    .venv/bin/python ../shared/tools/window-shots.py OUT/web --db OUT/web.db
    .venv/bin/python ../shared/tools/window-shots.py OUT/pdf --db OUT/pdf.db

Writes a news-site page (人民日报 2019-10-15 page 3's first article from ../shared/corpus
when present, else made-up text, with its site, date and address in the page's
metadata) and a three-column PDF of the page's next articles, then imports both into
two libraries, each opening on the article to look at (the list is newest first).
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.store.library import Library
from tests.sources.make_pdf import Story, stacked_pages_pdf
from tests.sources.texts import corpus_page, made_up_paragraph

Article = tuple[tuple[str, str, str], list[str]]


def articles() -> list[Article]:
    page = corpus_page("20191015", "03")
    if len(page) >= 5:
        return page
    return [
        (("", f"第{n}篇报道的标题", ""), [made_up_paragraph(n * 10 + i) for i in range(5)])
        for n in range(1, 6)
    ]


def web_page(article: Article) -> str:
    (_kicker, title, subtitle), paragraphs = article
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    heading = f"<h2>{escape(subtitle)}</h2>" if subtitle else ""
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>{escape(title)}_人民网</title><meta property="og:title" content="{escape(title)}">
<meta property="og:site_name" content="人民网"><meta name="author" content="人民日报">
<meta property="article:published_time" content="2019-10-15T05:00:00+08:00">
<link rel="canonical" href="http://paper.people.com.cn/rmrb/html/2019-10/15/nw_1-03.htm">
</head><body><nav><a href="/">首页</a> <a href="/rmrb">人民日报</a></nav><article>
<h1>{escape(title)}</h1>{heading}{body}</article><footer>人民网版权所有</footer></body></html>"""


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots/sources")
    out.mkdir(parents=True, exist_ok=True)
    first, *rest = articles()
    web = out / "web-article.html"
    web.write_text(web_page(first), encoding="utf-8")
    stories = [
        Story([(line, size) for line, size in zip(h, (14, 22, 14), strict=True) if line], p)
        for h, p in rest[:4]
    ]
    pdf = out / "page-03.pdf"
    pdf.write_bytes(stacked_pages_pdf(stories))
    for name, order in (("web.db", [pdf, web]), ("pdf.db", [web, pdf])):
        (out / name).unlink(missing_ok=True)
        library = Library.open(out / name)
        try:
            for path in order:
                result = library.import_file(path)
                print(f"{name}: {path.name} {result.status} as {result.kind}")
        finally:
            library.close()


if __name__ == "__main__":
    main()
