"""Deterministic synthetic newspaper pages for tests and benchmarks.

Pages follow the layout of a page-extracted local daily (see ../shared/samples): blocks
separated by blank lines, 1-3 headline lines, a lead `本报讯 (通讯员 某 记者 某)`, ASCII
`, ; ( )` followed by a space, paragraphs cut mid-sentence by column breaks, `■ 小标题`,
a column label heading a photo-news item with a `某某 摄` credit, and `图为…` captions.
The same seed always gives the same pages, so benchmark figures are comparable.
"""

from __future__ import annotations

import random


def _words(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蒋蔡"
    "余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦白江阎薛尹段"
    "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤恽"
)
GIVEN = (
    "梦琪泉清瑞雅婷莲寅晶玮金虎冬铃淇丞皓俊斐志良红霞士福伟东庆中兴明院芳军毅政和成录"
    "王星泽丁巍建国晓燕丽华文涛海波静宇航欣怡子涵浩然思远嘉怡敏杰振华雪梅立新玉兰春生"
    "永强秀英卫东"
)
PLACES = _words(
    "武进 湖塘镇 嘉泽镇 横林镇 西太湖 牛塘镇 洛阳镇 雪堰镇 前黄镇 礼嘉镇 湟里镇 南夏墅街道 "
    "常州 深圳 南京 苏州 无锡 上海 长三角 大湾区 溧阳 金坛 新北区 天宁区 钟楼区 高新区"
)
ORGS = _words(
    "区委 区政府 市委 市政府 区人大常委会 区政协 区发改局 区工信局 区教育局 区卫健局 "
    "区文旅局 区住建局 区农业农村局 区市场监管局 区商务局 区科技局 区人社局 区生态环境局 "
    "区消防救援大队 区税务局 区总工会 团区委 区妇联 街道党工委 社区居委会 村委会 "
    "瑞声科技 汇川技术 天合光能 中天钢铁 星宇车灯 理想汽车 比亚迪 常州大学 河海大学"
)
NOUNS = _words(
    "新质生产力 高质量发展 营商环境 重点项目 产业链 创新链 人才公寓 城市更新 乡村振兴 "
    "民生实事 文明城市 生态环境 合成生物 低空经济 新能源汽车 智能制造 固态电池 氢能 "
    "人工智能 机器人 工业母机 第三代半导体 数字经济 文化产业 微短剧 养老服务 社区治理 "
    "基层党建 安全生产 防汛抗旱 秋收秋种 稻谷 大棚 农产品 旅游线路 非遗 志愿服务 "
    "垃圾分类 老旧小区 道路改造 轨道交通 公交线路 学校 幼儿园 医院 家庭医生 体检 "
    "消防演练 交通安全 法律援助 科技成果 专利 研发投入 技术改造 招商引资 外资 出口 "
    "项目建设 签约项目 产业园 孵化器 众创空间 创新平台 金融服务 贷款 基金 税收 就业岗位"
)
VERBS = _words(
    "推进 加快 深化 落实 强化 提升 优化 完善 打造 建设 培育 发展 聚焦 围绕 统筹 "
    "推动 实施 开展 组织 召开 举办 参加 走访 调研 督查 部署 启动 签约 投产 竣工 "
    "服务 保障 助力 带动 支持 引导 鼓励 探索 构建 筑牢 守护 改善 满足 破解"
)
ADJS = _words("全力 持续 积极 稳步 扎实 有序 主动 不断 切实 进一步 全面 精准 高效 深入")
LATIN = _words("Shenzhen AI 5G CEO APP GDP IT PM2.5 Wi-Fi iPhone Python 3D LED")
TIMES = _words("昨天上午 昨天下午 近日 日前 今年以来 10月22日 上周末 本月初 近年来 当天")
SAYS = _words("表示 指出 强调 介绍 说 认为 要求")
LABELS = _words("重点项目 进行时|镜头 基层|民生 关注|武进 新貌|一线 风采|乡村 振兴|图说 武进", "|")
TOPICS = _words(
    "坚持创新驱动|聚焦民生实事|筑牢安全底线|强化要素保障|深化改革攻坚|打造一流环境|"
    "激发人才活力|推动绿色转型",
    "|",
)


def _name(rng: random.Random) -> str:
    given = rng.randrange(0, len(GIVEN) - 1)
    return rng.choice(SURNAMES) + GIVEN[given : given + rng.choice((1, 2))]


def _number(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return f"{rng.randint(1, 99)}.{rng.randint(1, 9)}亿元"
    if kind == 1:
        return f"{rng.randint(2, 900)}个"
    if kind == 2:
        return f"{rng.randint(1, 99)}.{rng.randint(0, 9)}%"
    if kind == 3:
        return f"{rng.randint(2019, 2025)}年"
    if kind == 4:
        return f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    return f"{rng.randint(2, 9999)}余家"


def _clause(rng: random.Random) -> str:
    kind = rng.randrange(8)
    noun, other = rng.choice(NOUNS), rng.choice(NOUNS)
    if kind == 0:
        return f"{rng.choice(PLACES)}{rng.choice(ADJS)}{rng.choice(VERBS)}{noun}"
    if kind == 1:
        return f"{rng.choice(ORGS)}{rng.choice(VERBS)}{noun}和{other}"
    if kind == 2:
        return f"全年共{rng.choice(VERBS)}{noun}{_number(rng)}"
    if kind == 3:
        return f"{rng.choice(TIMES)}, {rng.choice(ORGS)}{rng.choice(VERBS)}{noun}工作"
    if kind == 4:
        return f"{_name(rng)}{rng.choice(SAYS)}, 要{rng.choice(ADJS)}{rng.choice(VERBS)}{noun}"
    if kind == 5:
        return f"{rng.choice(LATIN)}{noun}项目总投资{_number(rng)}"
    if kind == 6:
        return f"{rng.choice(ADJS)}{rng.choice(VERBS)}{noun}、{other}、{rng.choice(NOUNS)}"
    return f"{rng.choice(PLACES)}({rng.choice(ORGS)}){rng.choice(VERBS)}{noun}"


def _sentence(rng: random.Random) -> str:
    clauses = [_clause(rng) for _ in range(rng.randint(1, 4))]
    text = clauses[0]
    for clause in clauses[1:]:
        text += rng.choice((", ", ", ", ", ", "; ")) + clause
    return text + rng.choice(("。", "。", "。", "。", "!", "?"))


def make_article_text(rng: random.Random, n_chars: int) -> str:
    """Plain prose of about `n_chars` characters (no layout), e.g. for search indexes."""
    parts: list[str] = []
    size = 0
    while size < n_chars:
        sentence = _sentence(rng).replace(", ", "，").replace("; ", "；")
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences)).replace("。 ", "。")


def _headline(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"{rng.choice(PLACES)}{rng.choice(VERBS)}{rng.choice(NOUNS)}"
    if kind == 1:
        return f"{rng.choice(VERBS)}{rng.choice(NOUNS)} {rng.choice(VERBS)}{rng.choice(NOUNS)}"
    if kind == 2:
        return f"{rng.choice(NOUNS)}如何{rng.choice(VERBS)}?"
    return f"{rng.choice(ORGS)}{rng.choice(VERBS)}{rng.choice(NOUNS)}工作"


def _headlines(rng: random.Random) -> list[str]:
    count = rng.choice((1, 2, 2, 3))
    lines = [_headline(rng) for _ in range(count)]
    if count >= 2 and rng.random() < 0.4:
        lines[-1] = "——" + lines[-1]
    return lines


def _lead(rng: random.Random) -> tuple[str, str | None]:
    """(lead prefix glued to the first paragraph, or "" ; a byline line of its own)."""
    kind = rng.randrange(5)
    if kind == 0:
        return f"本报讯 ({_name(rng)} 记者 {_name(rng)}) ", None
    if kind == 1:
        return f"本报讯 (通讯员 {_name(rng)} 记者 {_name(rng)}) ", None
    if kind == 2:
        return f"本报讯 (记者 {_name(rng)}) ", None
    if kind == 3:
        return f"新华社{rng.choice(PLACES)}10月{rng.randint(1, 28)}日电 (记者 {_name(rng)}) ", None
    return "", f"□本报记者 {_name(rng)} 通讯员 {_name(rng)}"


def _column_break(rng: random.Random, paragraph: str) -> list[str]:
    """Cut a paragraph where a column ends: mid-word, never right after a sentence end."""
    if len(paragraph) < 40 or rng.random() < 0.6:
        return [paragraph]
    cut = rng.randrange(10, len(paragraph) - 10)
    head, tail = paragraph[:cut].rstrip(), paragraph[cut:].lstrip()
    if not head or not tail or head[-1] in "。!?)”" or tail[0] in ",;。!?)":
        return [paragraph]
    return [head, tail]


def _credit(rng: random.Random) -> str:
    kind = rng.randrange(3)
    if kind == 0:
        return f"{_name(rng)} 摄"
    if kind == 1:
        return f"本报记者 {_name(rng)} 摄"
    return f"(记者 {_name(rng)} 摄)"


def _news_article(rng: random.Random) -> list[str]:
    blocks = list(_headlines(rng))
    prefix, byline = _lead(rng)
    if byline:
        blocks.append(byline)
    long_article = rng.random() < 0.25
    for number in range(rng.randint(2, 6)):
        if long_article and number and rng.random() < 0.5:
            blocks.append("■ " + rng.choice(TOPICS))
        paragraph = _paragraph(rng, rng.randint(1, 5))
        if number == 0:
            paragraph = prefix + paragraph
        blocks.extend(_column_break(rng, paragraph))
    if rng.random() < 0.3:
        blocks.append(f"图为{rng.choice(PLACES)}{rng.choice(NOUNS)}现场。")
        blocks.append(_credit(rng))
    return blocks


def _photo_news(rng: random.Random) -> list[str]:
    return [rng.choice(LABELS), _paragraph(rng, rng.randint(1, 3)), _credit(rng)]


def make_page(rng: random.Random, n_articles: int = 4) -> str:
    """One page of `n_articles` items (about 1.5 KB each), most news, some photo news."""
    blocks: list[str] = []
    for _ in range(n_articles):
        item = _photo_news(rng) if rng.random() < 0.15 else _news_article(rng)
        blocks.extend(item)
        if rng.random() < 0.2:
            blocks.append("")
    return "\n\n".join(blocks) + "\n"


def make_pages(count: int, seed: int = 0) -> list[str]:
    """`count` pages, always the same for the same seed."""
    rng = random.Random(seed)
    return [make_page(rng, rng.randint(3, 6)) for _ in range(count)]
