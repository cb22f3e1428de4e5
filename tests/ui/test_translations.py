"""One translation style: every UI string through `reader.ui.i18n.tr`, counts through Qt's
plural forms, and the core operations' names listed for translation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from reader.resources import TRANSLATIONS_DIR
from reader.store.operations.base import Label
from reader.ui.i18n import label_text, tr
from reader.ui.labels import OPERATION_LABELS

ROOT = Path(__file__).resolve().parents[2]


def operation_templates() -> set[str]:
    """Every string literal inside a `Label(…)` of the core operations."""
    found: set[str] = set()
    for module in (ROOT / "reader" / "store" / "operations").glob("*.py"):
        for call in re.findall(r"Label\((.*)\)", module.read_text(encoding="utf-8")):
            found.update(re.findall(r'"([^"]*)"', call.split(", (")[0]))
    return found


def test_every_operation_label_is_listed_for_translation():
    assert operation_templates() and operation_templates() <= set(OPERATION_LABELS)


def test_no_ui_module_translates_its_own_way():
    for module in (ROOT / "reader" / "ui").glob("*.py"):
        if module.name == "i18n.py":
            continue
        text = module.read_text(encoding="utf-8")
        assert "self.tr(" not in text, module.name
        assert "QCoreApplication.translate" not in text, module.name


def test_counts_read_naturally_in_english(qapp):
    assert tr("%n highlight(s)", None, 1) == "1 highlight"
    assert tr("%n highlight(s)", None, 2) == "2 highlights"
    assert tr("%n article(s)", None, 0) == "0 articles"


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(QLocale("zh_CN"), "reader", "_", str(TRANSLATIONS_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_counts_and_operation_names_are_translated_to_chinese(chinese):
    assert tr("%n highlight(s)", None, 2) == "2 个标注"
    assert tr("%n highlight(s)", None, 1) == "1 个标注"
    assert label_text(Label("Mark as read")) == "标为已读"
    assert "经济" in label_text(Label("Tag article %s", ("经济",)))
    assert label_text(Label("Tag article %s", ("经济",))) != "Tag article 经济"
