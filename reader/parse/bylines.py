"""Leads, stand-alone bylines and photo credits: recognising them and naming authors.

Newspaper conventions encoded here:
- a lead opens the first paragraph: `本报讯 (舒泉清 记者 朱梦琪)`, `新华社南京10月24日电 (记者 …)`;
- a byline may stand on its own line: `□本报记者 张某 通讯员 李某`;
- a photo credit names a photographer: `徐晶玮 摄`, `本报记者 王某 摄`, `(记者 张某 摄)`;
- in a byline, a label applies to the names after it, and names before `记者` without a
  label of their own are correspondents (通讯员).
"""

from __future__ import annotations

import re

from reader.parse.model import (
    ROLE_CORRESPONDENT,
    ROLE_ORDER,
    ROLE_PHOTOGRAPHER,
    ROLE_REPORTER,
    Author,
)

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_NAME = f"[{_HAN}·]{{2,5}}"
_LABEL = "(?:本报|特约)?(?:记者|通讯员|实习生|摄影)"
_LABELS = {
    "记者": ROLE_REPORTER,
    "实习生": ROLE_REPORTER,
    "通讯员": ROLE_CORRESPONDENT,
    "摄影": ROLE_PHOTOGRAPHER,
}

LEAD = re.compile(
    f"(?:本报讯|本报[{_HAN}]{{1,6}}讯|(?:本报|[{_HAN}]{{1,8}}社)[{_HAN}]{{0,10}}"
    rf"\d{{1,2}}月\d{{1,2}}日电)(?:[ \t\u3000]*[(（][^()（）\n]{{1,60}}[)）])?"
)
BYLINE_LINE = re.compile(
    rf"[□]?[ \t\u3000]*{_LABEL}[ \t\u3000]*{_NAME}"
    rf"(?:(?:[ \t\u3000、]+{_LABEL})?[ \t\u3000、]+{_NAME})*"
)
CREDIT = re.compile(
    rf"[(（]?[ \t\u3000]*(?:{_LABEL}[ \t\u3000]*)?{_NAME}(?:[ \t\u3000、]+{_NAME})*"
    r"[ \t\u3000]*摄[ \t\u3000]*[)）]?"
)
#: A credit closing a caption block: `图为…。 徐晶玮 摄`.
TRAILING_CREDIT = re.compile(
    rf"(?:[(（][ \t\u3000]*(?:{_LABEL}[ \t\u3000]*)?{_NAME}(?:[ \t\u3000、]+{_NAME})*"
    rf"[ \t\u3000]*摄[ \t\u3000]*[)）]|(?:{_LABEL}[ \t\u3000]*)?{_NAME}"
    rf"(?:[ \t\u3000、]+{_NAME})*[ \t\u3000]+摄)$"
)
_TOKEN = re.compile(rf"(?:本报|特约)?(记者|通讯员|实习生|摄影)|({_NAME})")


def byline_authors(byline: str) -> list[Author]:
    """Authors named in a lead's parentheses or a stand-alone byline, in page order."""
    inner = byline
    opening = max(byline.rfind("("), byline.rfind("（"))
    if opening >= 0:
        inner = byline[opening + 1 :]
    authors: list[Author] = []
    unlabelled: list[str] = []
    role: str | None = None
    for match in _TOKEN.finditer(inner):
        label, name = match.groups()
        if label:
            role = _LABELS[label]
            if role == ROLE_REPORTER:
                authors.extend(Author(n, ROLE_CORRESPONDENT) for n in unlabelled)
                unlabelled = []
        elif role is None:
            unlabelled.append(name)
        else:
            authors.append(Author(name, role))
    # Names with no label at all: a lone `(张三)` is the article's reporter.
    authors.extend(Author(n, ROLE_REPORTER) for n in unlabelled)
    return authors


def credit_authors(credit: str) -> list[Author]:
    """Photographers named by a credit (`徐晶玮 摄`, `(记者 张某 摄)`)."""
    body = credit.rstrip(" \t\u3000)）").removesuffix("摄")
    names = [m.group(2) for m in _TOKEN.finditer(body) if m.group(2)]
    return [Author(name, ROLE_PHOTOGRAPHER) for name in names]


def ordered_authors(authors: list[Author]) -> list[Author]:
    """Reporters first, then correspondents, then photographers; page order within a
    role; each person once per role."""
    unique = list(dict.fromkeys(authors))
    return sorted(unique, key=lambda a: ROLE_ORDER.index(a.role))
