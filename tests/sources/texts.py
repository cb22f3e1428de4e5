"""Article texts for the tests: real 人民日报 articles from the shared corpus when it is
there, otherwise made-up sentences with the same shape (the PDF and HTML tests do not
depend on the corpus; the e-paper listing test does)."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "rmrb-2019-10"

_CHARS = (
    "城市乡村经济发展人民生活科技创新文化教育交通建设生态环境改革开放农业工业服务"
    "医疗卫生健康体育旅游消费市场企业产品质量安全水利能源动力通信道路数据平台乡镇"
)  # no 网/电/社/报: `某某网…电` would read as a news agency's dateline


def made_up_paragraph(seed: int, sentences: int = 4) -> str:
    """Sentences of 12–30 characters ending in `。`, different for every seed (a small
    linear congruential generator, so the text is the same on every run)."""
    state = seed * 7919 + 1
    out = []
    for _ in range(sentences):
        state = (state * 1103515245 + 12345) % 2**31
        length = 12 + state % 19
        chars = []
        for _ in range(length):
            state = (state * 1103515245 + 12345) % 2**31
            chars.append(_CHARS[(state >> 8) % len(_CHARS)])
        out.append("".join(chars[: length // 2]) + "，" + "".join(chars[length // 2 :]) + "。")
    return "".join(out)


def corpus_article(path: Path) -> tuple[tuple[str, str, str], list[str]] | None:
    """((kicker, title, subtitle), paragraphs) of a corpus file in the usual shape (three
    headline lines, empty where absent; see ../shared/corpus/rmrb-2019-10/README.md);
    None for the few files of another shape and for pages without a body."""
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    first_body = next((i for i, line in enumerate(lines) if line.startswith("\u3000\u3000")), 0)
    paragraphs = [line.strip() for line in lines[first_body:] if line.strip()]
    if first_body != 3 or not lines[1].strip() or not paragraphs:
        return None
    kicker, title, subtitle = (line.strip() for line in lines[:3])
    return (kicker, title, subtitle), paragraphs


def corpus_page(day: str, page: str) -> list[tuple[tuple[str, str, str], list[str]]]:
    """The usual-shape articles of one printed page, in the crawler's order; empty when
    the corpus is absent."""
    folder = CORPUS / day
    if not folder.is_dir():
        return []
    found = (corpus_article(path) for path in sorted(folder.glob(f"{day}-{page}-*.txt")))
    return [article for article in found if article is not None]
