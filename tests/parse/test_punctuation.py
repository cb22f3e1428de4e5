"""ASCII punctuation in Chinese becomes full-width; Latin text and numbers keep theirs."""

from __future__ import annotations

import pytest

from reader.parse.punctuation import normalize_punctuation


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("昨天, 2024常州", "昨天，2024常州"),
        ("瑞声(中国)投资", "瑞声（中国）投资"),
        ("董事长朱兴明; 董事长商院芳", "董事长朱兴明；董事长商院芳"),
        ("湟里镇: 一颗蜜梨", "湟里镇：一颗蜜梨"),
        ("如何上云?", "如何上云？"),
        ("别提多开心了!", "别提多开心了！"),
        ("AI(人工智能)技术", "AI（人工智能）技术"),
        ("10月20日7:30, 2024武进马拉松", "10月20日7:30，2024武进马拉松"),
    ],
)
def test_chinese_context_becomes_full_width(raw: str, normalized: str) -> None:
    assert normalize_punctuation(raw) == normalized


@pytest.mark.parametrize(
    "kept",
    ["1.5亿元", "5G网络", "CEO王成录", "10:30", "Shenzhen, China", "1,000元", "Why? Because!"],
)
def test_latin_and_numbers_keep_ascii(kept: str) -> None:
    assert normalize_punctuation(kept) == kept
