"""Re-create the synthetic revisions used by the golden-file tests (run from the repo root:
``python tests/data/make_revisions.py``). Each edit is listed with the answer it implies."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def rev1_zh() -> str:
    s = (ROOT / "policies/gf-2025-11/raw/zh.txt").read_text(encoding="utf-8")
    # 2.1.1 reworded: 加速 ↔ 加快 swapped in heading and first sentence
    s = s.replace("加速科学发现进程。加快探索", "加快科学发现进程。加速探索")
    # presentation only: half-width commas become full-width (no change without --strict)
    s = s.replace(",", "，")
    # 2.2.3 reworded heading: 加快 → 推进
    s = s.replace("3.加快农业数智化转型升级。", "3.推进农业数智化转型升级。")
    # 2.4.2 dropped: items 3 becomes 2 (renumbered)
    start = s.index("2.推行更富成效的学习方式。")
    end = s.index("3.打造更有品质的美好生活。")
    s = s[:start] + "2." + s[end + 2 :]
    # 3.14 moved before 3.7 (keeps its number (十四))
    i, j = s.index("(十四)"), s.index("四、组织实施")
    block = s[i:j]
    s = s[:i] + s[j:]
    k = s.index("(七)")
    s = s[:k] + block + s[k:]
    # 2.6.3 new
    s = s.replace(
        "确保人工智能发展安全、可靠、可控。\n",
        "确保人工智能发展安全、可靠、可控。\n\n3.测试新增条款。这是为测试而新增的一项条款，用于检验新增识别。\n",
        1,
    )
    return s


if __name__ == "__main__":
    (ROOT / "tests/data/gf-2025-11.rev1.zh.txt").write_text(rev1_zh(), encoding="utf-8")
