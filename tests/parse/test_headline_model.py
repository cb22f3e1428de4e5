"""The shipped headline models: present, loadable without network, trained only on days
that the held-out tests do not use, reproducible by the training script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reader.parse import headline_model
from reader.parse.headline_model import BLOCK, LABEL, MODELS_DIR, ROLES, START


def test_shipped_models_are_trained_before_the_held_out_days() -> None:
    for name in (ROLES, BLOCK, LABEL, START):
        document = json.loads((MODELS_DIR / f"{name}.json").read_text(encoding="utf-8"))
        assert document["trained_until"] < "20191020"
        assert len(document["weights"]) > 50
        assert headline_model.model_weights(name)


def test_without_model_files_the_rules_decide(monkeypatch) -> None:
    monkeypatch.setattr(headline_model, "model_weights", lambda name: {})
    assert not headline_model.second_is_subtitle(
        "2019年中国北京世界园艺博览会圆满闭幕", "李克强出席闭幕式"
    )
    assert headline_model.still_headline(["标题"], "任何一行短文字", None)
    assert not headline_model.is_column_label("人民时评", "在大历史中感受爱国力量", False)
    assert not headline_model.starts_article(["小标题"], "上一段结束了。", "下一段开始。")


def _story(folder: Path, name: str, kicker: str, title: str, subtitle: str) -> None:
    body = "\u3000\u3000会议今天召开，与会者讨论了下一步的工作安排。\r\n\u3000\u3000（记者 张三）"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(f"{kicker}\r\n{title}\r\n{subtitle}\r\n{body}\r\n".encode())


def test_training_script_writes_every_model(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for day in ("20191001", "20191025"):
        _story(corpus / day, f"{day}-01-01.txt", "某地召开会议强调", "扎实做好各项工作", "")
        _story(corpus / day, f"{day}-01-02.txt", "", "某某大会开幕", "某某出席")
        _story(corpus / day, f"{day}-01-03.txt", "胡春华强调", "扎实做好工作（人民时评）", "")
    out = tmp_path / "models"
    done = subprocess.run(
        [sys.executable, "-m", "reader.parse.training", str(corpus), "--output", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "held-out" in done.stdout
    for name in (ROLES, BLOCK, LABEL, START):
        document = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert document["trained_until"] == "20191019"
        assert document["weights"]
