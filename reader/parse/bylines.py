"""Datelines, bylines and photo credits: recognising them and naming authors.

Newspaper conventions encoded here:
- a dateline opens the first paragraph: `本报北京10月21日电（记者 姜洁）`, `据新华社柏林10月14日电`,
  `本报讯 (舒泉清 记者 朱梦琪)`, `本报电`; the agency (`本报`, `新华社`) and the place and date
  are never authors;
- a closing line may carry the same: `（新华社武汉9月23日电  记者熊金超、冯国栋）`, `（杜海涛）`,
  `（李清华参与采写）`, `（本报记者  杜若原  何  勇整理）`;
- a byline may stand on its own line: `□本报记者 张某 通讯员 李某`, `潍坊日报社全媒体记者 付凯`;
- a photo credit names a photographer: `龚献明摄`, `新华社记者  刘  续摄`, `王卫国摄（人民视觉）`,
  `黄传庚  王志昊摄影报道`; a cartoon credit names two authors: `曹  一图  吕  岩文`;
- in a byline a role word applies to the names after it; names before `记者` without a role
  of their own are correspondents (通讯员); names with no role word at all are reporters;
- padding spaces inside a two-character name (`张  蕊`) are not part of the name; an
  organisation glued before a role word (`人民网记者毛雷`) is not a person.
"""

from __future__ import annotations

import re

from reader.parse.model import (
    ROLE_AUTHOR,
    ROLE_CORRESPONDENT,
    ROLE_ORDER,
    ROLE_PHOTOGRAPHER,
    ROLE_REPORTER,
    Author,
    Dateline,
)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_SPACE = "[ \t\u3000\u00a0]"
_ROLE_WORDS = "摄影记者|特约记者|见习记者|记者|特约通讯员|通讯员|实习生|摄影/|摄影|[文图][/／]"
_ROLES = {
    "记者": ROLE_REPORTER,
    "特约记者": ROLE_REPORTER,
    "见习记者": ROLE_REPORTER,
    "实习生": ROLE_REPORTER,
    "通讯员": ROLE_CORRESPONDENT,
    "特约通讯员": ROLE_CORRESPONDENT,
    "摄影": ROLE_PHOTOGRAPHER,
    "摄影/": ROLE_PHOTOGRAPHER,
    "摄影记者": ROLE_PHOTOGRAPHER,
    # `文/王某 图/李某`: words by, pictures by.
    "文/": ROLE_AUTHOR,
    "文／": ROLE_AUTHOR,
    "图/": ROLE_PHOTOGRAPHER,
    "图／": ROLE_PHOTOGRAPHER,
}
_AGENCY = f"本报|新华社|中新社|[{_HAN}]{{2,8}}?(?:通讯社|日报社|报社|电视台|网)"
_DATE = r"(?:\d{1,2}月)?\d{1,2}日"
_DATELINE = (
    f"(?:据{_SPACE}*)?(?P<agency>{_AGENCY})?{_SPACE}*(?P<place>[{_HAN}、]{{1,80}}?)?"
    f"(?P<date>{_DATE})?(?:电|讯)"
)
#: A dateline and the names in brackets after it, at the start of a paragraph.
LEAD = re.compile(f"{_DATELINE}(?:{_SPACE}*[(（][^()（）\n]{{1,160}}[)）])?")
_DATELINE_RE = re.compile(_DATELINE)
_CLOSING = re.compile(f"[(（]{_SPACE}*(?P<inner>[^()（）]{{2,240}}?){_SPACE}*[)）]")
_PEOPLE_CHARS = re.compile(f"[{_HAN}·、,，/ \t\u3000\u00a0]+")
_CLOSING_SUFFIXES = ("参与采写", "采写", "整理", "报道")
_CREDIT_END = re.compile(f"{_SPACE}*(?:摄影报道|摄影|摄){_SPACE}*$")
#: A source note after a credit: `王卫国摄（人民视觉）`.
_CREDIT_SOURCE = re.compile(f"{_SPACE}*[(（][^()（）]{{1,8}}[)）]$")
_CARTOON = re.compile(
    f"(?P<drawn>(?:[{_HAN}]{_SPACE}*){{2,4}}){_SPACE}*图{_SPACE}+"
    f"(?P<written>(?:[{_HAN}]{_SPACE}*){{2,4}}?){_SPACE}*文"
)
_ROLE_TOKEN = re.compile(f"({_ROLE_WORDS})")
_SEPARATORS = re.compile(f"(?:{_SPACE}|[、,，/])+")
#: Words that end a place or an organisation, never a person's name.
_NOT_A_NAME_END = frozenset("社报网台省市县区镇村州电讯")
#: Common family names (百家姓, the ~150 most frequent, and compound ones): a bracketed word
#: with no role word (`（杜海涛）`) is a reporter's name only when it starts with one, so a
#: column name in brackets (`（人民时评）`) is not taken for a person.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝鲜"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "公孙",
)
_CREDIT_MAX_CHARS = 40


def dateline_of(text: str) -> Dateline | None:
    """The dateline a lead or closing line starts with (`本报北京10月21日电` →
    agency 本报, place 北京, date 10月21日); None when there is none."""
    start = text.lstrip("(（ \t\u3000\u00a0")
    match = _DATELINE_RE.match(start)
    if match is None or not (match.group("agency") or match.group("date")):
        return None
    return Dateline(match.group("agency"), match.group("place"), match.group("date"))


def is_lead(match: re.Match[str]) -> bool:
    """A LEAD match is a real dateline only with an agency or a date (`…中国电` is not)."""
    return bool(match.group("agency") or match.group("date"))


def byline_authors(byline: str) -> list[Author]:
    """Authors named in a lead's brackets, a closing line or a stand-alone byline."""
    inner = byline.strip()
    opening = max(inner.rfind("("), inner.rfind("（"))
    if opening >= 0:
        inner = inner[opening + 1 :].rstrip(")） \t\u3000")
    inner = inner.lstrip(" \t\u3000\u00a0")
    dated = _DATELINE_RE.match(inner)
    if dated is not None and is_lead(dated):
        inner = inner[dated.end() :]
    for suffix in _CLOSING_SUFFIXES:
        inner = inner.rstrip(" \t\u3000\u00a0").removesuffix(suffix)
    return _people(inner, default_role=ROLE_REPORTER)


def is_credit(line: str) -> bool:
    """True for a line that is only a photo or cartoon credit."""
    if len(line) > _CREDIT_MAX_CHARS or ("摄" not in line and "文" not in line):
        return False
    body = _credit_body(line)
    if _CARTOON.fullmatch(body.strip("(（)） \t\u3000")):
        return True
    ending = _CREDIT_END.search(body)
    if ending is None:
        return False
    names = body[: ending.start()].strip("(（ \t\u3000\u00a0")
    people = _people(names, default_role=ROLE_PHOTOGRAPHER)
    return bool(people) and _only_people(names)


def credit_authors(credit: str) -> list[Author]:
    """Photographers (or a cartoon's authors) named by a credit."""
    body = _credit_body(credit)
    cartoon = _CARTOON.fullmatch(body)
    if cartoon is not None:
        return [
            Author(_squeeze(cartoon.group("drawn")), ROLE_AUTHOR),
            Author(_squeeze(cartoon.group("written")), ROLE_AUTHOR),
        ]
    ending = _CREDIT_END.search(body)
    names = body[: ending.start()] if ending else body
    return [Author(a.name, ROLE_PHOTOGRAPHER) for a in _people(names, ROLE_PHOTOGRAPHER)]


def _credit_body(line: str) -> str:
    """A credit without the brackets around it (`(记者 张某 摄)`) or the source note after
    it (`王卫国摄（人民视觉）`)."""
    body = line.strip()
    if body[:1] in "(（" and body[-1:] in ")）":
        return body[1:-1].strip()
    return _CREDIT_SOURCE.sub("", body)


def trailing_credit(paragraph: str) -> str | None:
    """A credit closing a caption paragraph (`…年底竣工。刘 昆 摄`), or None."""
    if not paragraph.rstrip(")） \t\u3000\u00a0").endswith(("摄", "摄影", "摄影报道")):
        return None
    cut = max(paragraph.rfind(mark) for mark in "。！？”")
    if cut < 0:
        return None
    tail = paragraph[cut + 1 :].strip()
    return tail if tail and is_credit(tail) else None


def ordered_authors(authors: list[Author]) -> list[Author]:
    """Reporters first, then correspondents, photographers and other authors; page order
    within a role; each person once per role."""
    unique = list(dict.fromkeys(authors))
    return sorted(unique, key=lambda a: ROLE_ORDER.index(a.role))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _only_people(text: str) -> bool:
    """True when `text` holds nothing but Chinese characters and separators (what role
    words, organisations and names are written with)."""
    return _PEOPLE_CHARS.fullmatch(text) is not None


def is_byline_line(line: str) -> bool:
    """`□本报记者 张某 通讯员 李某`, `本报记者  张  蕊`, `潍坊日报社全媒体记者 付凯`: role words
    and names only, a role word first."""
    text = line.removeprefix("□").strip()
    if len(text) > _CREDIT_MAX_CHARS or not _only_people(text):
        return False
    first_role = _ROLE_TOKEN.search(text)
    if first_role is None or first_role.start() > 12 or first_role.group(1) in ("摄影", "图/"):
        return False
    return bool(_people(text, ROLE_REPORTER)) and not _leftover_words(text)


def closing_byline(line: str) -> tuple[Dateline | None, list[Author]] | None:
    """A closing line in brackets that only names where a report was filed and who wrote
    it: `（新华社武汉9月23日电  记者熊金超、冯国栋）`, `（本报加德满都10月14日电）`, `（杜海涛）`,
    `（李清华参与采写）`. None for any other bracketed line (`（作者为…）`, `（完）`)."""
    match = _CLOSING.fullmatch(line.strip())
    if match is None:
        return None
    inner = match.group("inner")
    dateline = None
    dated = _DATELINE_RE.match(inner)
    if dated is not None and is_lead(dated):
        dateline = Dateline(dated.group("agency"), dated.group("place"), dated.group("date"))
        inner = inner[dated.end() :]
    names = inner.strip(" \t\u3000\u00a0")
    credited = names.endswith(_CLOSING_SUFFIXES)
    for suffix in _CLOSING_SUFFIXES:
        names = names.removesuffix(suffix)
    if credited:
        # `（靖伟参与采写）`: the words say these are the writers, whatever the names.
        names = "记者 " + names
    if not names:
        return (dateline, []) if dateline else None
    if not _only_people(names) or _leftover_words(names):
        return None
    authors = _people(names, ROLE_REPORTER)
    return (dateline, authors) if authors else None


def _leftover_words(text: str) -> bool:
    """True when some word of a would-be byline is neither a role, an organisation glued
    to a role, nor a name (so the line is prose, not a byline)."""
    position = 0
    for match in _ROLE_TOKEN.finditer(text):
        if not _all_names(text[position : match.start()], glued_organisation=True):
            return True
        position = match.end()
    return not _all_names(text[position:], glued_organisation=False)


def _all_names(chunk: str, glued_organisation: bool) -> bool:
    tokens = [t for t in _SEPARATORS.split(chunk) if t]
    if glued_organisation and tokens and not chunk[-1:].isspace():
        tokens.pop()
    return len(_names(chunk, glued_organisation)) == len(_merge_padded(tokens))


def _people(text: str, default_role: str) -> list[Author]:
    """Names and their roles in a byline's text, in page order."""
    authors: list[Author] = []
    unlabelled: list[str] = []
    role: str | None = None
    position = 0
    for match in _ROLE_TOKEN.finditer(text):
        before = text[position : match.start()]
        names = _names(before, glued_organisation=True)
        if role is None:
            unlabelled.extend(names)
        else:
            authors.extend(Author(n, role) for n in names)
        if role == ROLE_PHOTOGRAPHER and not before.strip():
            # `图/记者 李四`: a reporter credited for the picture is its photographer.
            position = match.end()
            continue
        role = _ROLES[match.group(1)]
        if role == ROLE_REPORTER:
            authors.extend(Author(n, ROLE_CORRESPONDENT) for n in unlabelled)
            unlabelled = []
        position = match.end()
    names = _names(text[position:], glued_organisation=False)
    if role is None:
        unlabelled.extend(names)
    else:
        authors.extend(Author(n, role) for n in names)
    if role is None:
        # No role word anywhere: only words that look like personal names count.
        unlabelled = [n for n in unlabelled if _has_surname(n)]
    authors.extend(Author(n, default_role) for n in unlabelled)
    return authors


def _has_surname(name: str) -> bool:
    return name[0] in _SURNAMES or name.startswith(_COMPOUND_SURNAMES) or "·" in name


def _names(chunk: str, glued_organisation: bool) -> list[str]:
    """Person names in a run of text between role words. With `glued_organisation`, the
    last token touching the next role word (`本报` in `本报记者`) is an organisation."""
    tokens = [t for t in _SEPARATORS.split(chunk) if t]
    if glued_organisation and tokens and not chunk[-1:].isspace():
        tokens.pop()
    return [t for t in _merge_padded(tokens) if _is_name(t)]


def _merge_padded(tokens: list[str]) -> list[str]:
    merged: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        # `张  蕊`, `何  勇`: one name padded to the width of a three-character one.
        if len(token) == 1 and index + 1 < len(tokens) and len(tokens[index + 1]) <= 2:
            token += tokens[index + 1]
            index += 1
        merged.append(token)
        index += 1
    return merged


def _is_name(token: str) -> bool:
    if not 2 <= len(token) <= 10 or token[-1] in _NOT_A_NAME_END:
        return False
    if "·" not in token and len(token) > 4:
        return False
    return re.fullmatch(f"[{_HAN}·]+", token) is not None
