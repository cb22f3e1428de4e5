"""Web pages the tests write themselves, in the shapes people save: a news site article,
a WeChat public-account article, an e-paper (数字报) page listing its articles."""

from __future__ import annotations

from html import escape

NEWS_PARAGRAPHS = [
    "新华社北京10月14日电 我国科学家在量子通信领域取得重要突破，相关成果近日发表在国际学术期刊上。",
    "研究团队历时五年，先后攻克了多项关键技术难题。团队负责人介绍，这项成果将为未来的通信网络打下基础。",
    "专家认为，这一成果具有重要的科学意义和应用前景。",
]


def news_article_html(*, charset: str = "utf-8", remote_image: str = "") -> str:
    """A news site's article page: navigation, the article with a subheading, a block
    quote, a list and a figure, a sidebar and a footer, metadata in <head>."""
    image = remote_image or "https://img.example.cn/photo.jpg"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>我国科学家取得量子通信新突破_新华网</title>
<meta property="og:title" content="我国科学家取得量子通信新突破">
<meta property="og:site_name" content="新华网">
<meta name="author" content="张三">
<meta property="article:published_time" content="2019-10-15T08:30:00+08:00">
<link rel="canonical" href="https://www.example.cn/tech/2019-10/15/c_1125.htm">
<script>document.title = "changed"; fetch("https://tracker.example/t");</script>
<style>p {{ color: red }}</style></head>
<body>
<nav><a href="/">首页</a> | <a href="/tech">科技</a> | <a href="/world">国际</a></nav>
<header><div class="logo">新华网</div></header>
<div class="main"><article>
<h1>我国科学家取得量子通信新突破</h1>
<div class="info"><span class="time">2019-10-15 08:30</span> 来源：新华网</div>
<p>{NEWS_PARAGRAPHS[0]}</p>
<h2>五年攻关</h2>
<p>{NEWS_PARAGRAPHS[1]}</p>
<blockquote><p>“这是团队共同努力的结果。”</p></blockquote>
<ul><li>成果一：传输距离创新纪录。</li><li>成果二：设备体积大幅缩小。</li></ul>
<figure><img src="{escape(image)}" onerror="alert(1)">
<figcaption>图为科研人员在实验室调试设备。</figcaption></figure>
<p>{NEWS_PARAGRAPHS[2]}</p>
</article>
<aside><h3>相关新闻</h3><ul><li><a href="/a">另一条新闻标题</a></li></ul></aside></div>
<footer>版权所有 新华网 京ICP备000000号</footer>
</body></html>"""


WECHAT_PARAGRAPHS = [
    "国庆假期，许多家庭选择带孩子走进博物馆，感受历史文化的魅力。",
    "博物馆的讲解员告诉记者，今年的参观人数比去年同期增长了三成。",
]


def wechat_article_html() -> str:
    """A WeChat article saved from the browser: the body in `#js_content`, hidden by a
    style the page's script lifts, title in `.rich_media_title`, account in `#js_name`."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="国庆假期博物馆里人气旺">
<meta name="author" content="李四"><title></title></head>
<body id="activity-detail"><div id="js_article" class="rich_media">
<div class="rich_media_inner"><div id="page-content">
<h1 class="rich_media_title" id="activity-name">
            国庆假期博物馆里人气旺
</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text" id="js_author_name">李四</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt">
<a href="javascript:void(0);" id="js_name">人民日报</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text">2019-10-05 20:15</em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">
<section><p><span style="font-size: 15px;">{WECHAT_PARAGRAPHS[0]}</span></p></section>
<p><strong>博物馆成为假期热门去处</strong></p>
<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/x/640" class="rich_pages"></p>
<section><p><span>{WECHAT_PARAGRAPHS[1]}</span></p></section>
</div></div></div></div>
<script>var ct = "1570277700";
document.getElementById("js_content").style.visibility = "visible";</script>
</body></html>"""


def epaper_listing_html(
    articles: list[tuple[tuple[str, str, str], list[str]]], *, use_article: bool
) -> str:
    """An e-paper page listing its articles: kicker as <h3>, title as <h1>, subtitle as
    <h2> (or, with `use_article`, each article in its own <article> with <h2>/<h3>),
    paragraphs as <p>, and the paper's page furniture around them."""
    parts = []
    for headlines, paragraphs in articles:
        kicker, title, subtitle = headlines
        heads = []
        top, side = ("h2", "h4") if use_article else ("h1", "h3")
        if kicker:
            heads.append(f"<{side}>{escape(kicker)}</{side}>")
        heads.append(f"<{top}>{escape(title)}</{top}>")
        if subtitle:
            heads.append(f"<{side}>{escape(subtitle)}</{side}>")
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        wrapper = ("<article>", "</article>") if use_article else ('<div class="item">', "</div>")
        parts.append(wrapper[0] + "".join(heads) + body + wrapper[1])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>人民日报 第03版</title></head>
<body><header><div class="paper">人民日报 2019年10月15日 第03版：要闻</div></header>
<nav><a href="prev.htm">上一版</a> <a href="next.htm">下一版</a></nav>
<div id="ozoom">{"".join(parts)}</div>
<footer>人民网版权所有</footer></body></html>"""
