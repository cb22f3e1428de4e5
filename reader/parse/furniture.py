"""Page furniture: the lines a page prints about itself rather than in an article.

A printed page (and the archives and e-paper exports made from it) carries a date line
(`2019年10月15日 星期二`), a page line (`第5版（评论）`, `A01版：要闻`, `第6版(国际)`), archive
headers (`专栏:`), staff credits (`责任编辑：…`, `版式设计：…`) and cross references
(`（相关报道见第九版）`, `（下转第二版）`), and separator lines between articles (`------`).
They are never an article's headline or author; what
they say about the page (paper, date, number, name) becomes its `PageInfo`.
"""

from __future__ import annotations

import re

from reader.parse.model import PageInfo

_HAN = "\u4e00-\u9fff"
_SPACE = "[ \t\u3000\u00a0]*"
_NUMERAL = "[0-9０-９一二三四五六七八九十百零〇]"
_DATE = re.compile(
    rf"(?P<y>(?:19|20)\d\d){_SPACE}年{_SPACE}(?P<m>\d{{1,2}}){_SPACE}月{_SPACE}(?P<d>\d{{1,2}})"
    rf"{_SPACE}日|(?P<y2>(?:19|20)\d\d)[-./](?P<m2>\d{{1,2}})[-./](?P<d2>\d{{1,2}})"
)
_WEEKDAY = "(?:星期|周|礼拜)[一二三四五六日天]"
#: A line holding a date and little else: a paper name, a weekday, a lunar date, a page line.
_DATE_LINE = re.compile(
    rf"(?P<paper>[{_HAN}A-Za-z]{{2,10}}报)?{_SPACE}(?:{_DATE.pattern})"
    rf"(?:{_SPACE}(?P<weekday>{_WEEKDAY}))?(?:{_SPACE}(?:农历|夏历)[{_HAN}]{{2,8}})?"
    rf"(?:{_SPACE}(?P<rest>第?{_SPACE}[A-Z]?{_NUMERAL}{{1,3}}{_SPACE}版.{{0,20}}))?"
)
#: `第5版（评论）`, `第6版(国际)`, `A01版：要闻`, `第A4版 要闻`, `05版 评论`.
_PAGE_LINE = re.compile(
    rf"(?:第{_SPACE})?(?P<number>[A-Z]?{_NUMERAL}{{1,3}}){_SPACE}版"
    rf"(?:{_SPACE}[(（](?P<name>[^()（）]{{1,12}})[)）]|{_SPACE}[:：]?{_SPACE}"
    rf"(?P<plain>[{_HAN}·]{{0,12}}))"
)
#: `专栏:` (archive header), `责任编辑：…`, `版式设计：…`: a label, a colon, a short rest.
_LABEL_LINE = re.compile(
    r"(?:专栏|栏目|(?:本版|本期)?(?:(?:责任|美术|图片|文字|版面|版式|值班)?编辑|责编|美编|版式设计"
    r"|版面设计|校对|组版|制图|排版|统筹|策划|监制))[ \t\u3000]*[:：].{0,40}"
)
#: Staff credits written with spaces for the colon: `版式设计  沈亦伶`.
_STAFF_LINE = re.compile(
    r"(?:(?:本版|责任|美术|图片|版面|版式)?编辑|责编|美编|版式设计|版面设计|校对|制图)"
    r"[ \t\u3000\u00a0]{1,4}[\u4e00-\u9fff·]{2,4}(?:[ \t\u3000\u00a0]+[\u4e00-\u9fff·]{1,4}){0,4}"
)
#: `（相关报道见第九版）`, `（下转第二版）`, `(上接第1版)`.
_CROSS_REFERENCE = re.compile(
    rf"[(（][^()（）]{{0,12}}(?:见|转|接)[^()（）]{{0,4}}第?{_SPACE}[A-Z]?{_NUMERAL}{{1,3}}{_SPACE}版"
    r"[^()（）]{0,6}[)）]"
)
_FURNITURE_MAX_CHARS = 60
_RULE_CHARS = "-—=*＊_~·•─━═＝－﹏☆★◆◇※#＃"
_RULE = re.compile(f"[{re.escape(_RULE_CHARS)} \t\u3000]+")
_RULE_MIN_CHARS = 3
#: The paper's name alone on a line, above everything else: `常州日报`, `人民日报海外版`.
_PAPER_LINE = re.compile(f"[{_HAN}]{{2,8}}(?:报|报海外版)")
#: Every furniture line holds one of these (a cheap test before the patterns).
_HINT = re.compile("[版年:：\\-./ \u3000\u00a0]")
_CHINESE_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def is_rule(line: str) -> bool:
    """A separator line between articles: `------`, `＊＊＊`, `═════`."""
    return (
        line[:1] in _RULE_CHARS
        and len(line) >= _RULE_MIN_CHARS
        and _RULE.fullmatch(line) is not None
    )


def is_furniture(line: str, *, at_top: bool = False) -> bool:
    """True for a date line, a page line, an archive or staff label, a cross reference.
    A bare date (`2019年9月30日`) is furniture only `at_top` of the page: inside an article
    it is the date a document was signed."""
    if is_rule(line) or (at_top and _PAPER_LINE.fullmatch(line) is not None):
        return True
    if len(line) > _FURNITURE_MAX_CHARS or _HINT.search(line) is None:
        return False
    dated = _DATE_LINE.fullmatch(line)
    if dated is not None:
        return at_top or any(dated.group(key) for key in ("paper", "weekday", "rest"))
    return any(
        pattern.fullmatch(line) is not None
        for pattern in (_PAGE_LINE, _LABEL_LINE, _STAFF_LINE, _CROSS_REFERENCE)
    )


def page_info(furniture: list[str]) -> PageInfo:
    """What the furniture lines say about the page; the first mention of each wins."""
    paper = date = number = name = None
    for line in furniture:
        if paper is None and _PAPER_LINE.fullmatch(line):
            paper = line
            continue
        dated = _DATE_LINE.fullmatch(line)
        if dated is not None:
            paper = paper or dated.group("paper")
            date = date or _iso_date(dated)
            if dated.group("rest"):
                line = dated.group("rest")
        paged = _PAGE_LINE.fullmatch(line)
        if paged is not None and number is None:
            number = _page_number(paged.group("number"))
            name = (paged.group("name") or paged.group("plain") or "").strip() or None
    return PageInfo(paper=paper, date=date, number=number, name=name)


def _iso_date(match: re.Match[str]) -> str | None:
    year = match.group("y") or match.group("y2")
    month = match.group("m") or match.group("m2")
    day = match.group("d") or match.group("d2")
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _page_number(text: str) -> str:
    """`5`, `A01`; Chinese numerals (`第十二版`) as digits."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if any(c in _CHINESE_DIGITS or c in "十百" for c in text):
        return str(_chinese_number(text))
    return text


def _chinese_number(text: str) -> int:
    total, digit = 0, 0
    for char in text:
        if char == "百":
            total += (digit or 1) * 100
            digit = 0
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _CHINESE_DIGITS.get(char, 0)
    return total + digit
