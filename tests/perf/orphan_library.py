"""A small library with an orphaned highlight: a page imported, two passages highlighted
(one with a note and a tag), then the page imported again with the second passage
reworded, so that highlight loses its place. Used by the orphan tests and the
screenshots of the orphan explanation (`python -m tests.perf.orphan_library OUT_DIR`
writes `library.db` and the two page versions there)."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.store.library import Library

TITLE = "常深合作交流会举行"
PARAGRAPHS = (
    "本报讯 昨天，常州与深圳两地企业在武进举行合作交流会，围绕合成生物、智能制造等领域展开对接。",
    "会上，三十个签约项目集中落地，总投资超过一百二十亿元，涉及新能源、新材料等多个产业。",
    "与会企业家表示，两地产业互补性强，合作前景广阔，将进一步加强交流。",
)
KEPT, LOST = "合成生物", "三十个签约项目"
REWORDED = PARAGRAPHS[1].replace("三十个签约项目集中落地", "一批重点项目现场签约")


def page_text(paragraphs: tuple[str, ...]) -> str:
    return TITLE + "\n\n" + "\n\n".join(paragraphs) + "\n"


def build(folder: Path) -> tuple[Library, int, int]:
    """The library in `folder`; (library, the article's id, the orphan's id)."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "changsheng.txt"
    page.write_text(page_text(PARAGRAPHS), encoding="utf-8")
    library = Library.open(folder / "library.db")
    article_id = library.import_file(page).article_ids[0]
    library.add_highlight(article_id, *library.find_quote(article_id, KEPT), tags=["产业"])
    lost = library.add_highlight(
        article_id, *library.find_quote(article_id, LOST), color="blue", note="核对签约数量"
    )
    page.write_text(page_text((PARAGRAPHS[0], REWORDED, PARAGRAPHS[2])), encoding="utf-8")
    library.import_file(page)
    assert library.get_highlight(lost.id).orphaned
    return library, article_id, lost.id


if __name__ == "__main__":
    built, article, orphan = build(Path(sys.argv[1]))
    built.close()
    print(f"article {article}, orphaned highlight {orphan}")
