"""The lineage of the bundled corpus against links written down from reading the texts."""

from __future__ import annotations

import json

import pytest

from polydiff.cli import main
from polydiff.lineage import files
from polydiff.lineage.build import build
from polydiff.lineage.check import check_lineage
from polydiff.store.repo import PolicyRepo
from tests.conftest import PROJECT

# (from doc, from path, to doc, to path) that a reader of the texts would link.
EXPECTED = {
    # gf-2015-40 is an outline: headings only
    ("gf-2015-40", "2", "gf-2025-11", "2"),  # 重点行动 → 加快实施重点行动
    ("gf-2015-40", "2.2", "gf-2025-11", "2.2.2"),  # 协同制造 → 工业全要素智能化 (智能制造装备)
    ("gf-2015-40", "2.3", "gf-2025-11", "2.2.3"),  # 现代农业 → 农业数智化转型升级
    ("gf-2015-40", "2.7", "gf-2025-11", "2.2.4"),  # 高效物流 → 服务业 (交通、物流)
    ("gf-2015-40", "2.10", "gf-2025-11", "2.5.3"),  # 绿色生态 → 生态治理
    ("gf-2015-40", "2.10.1", "gf-2025-11", "2.5.3"),  # 资源环境动态监测 → 生态环境 监测预测
    # the NDRC interpretation restates the Opinions' actions
    ("gf-2025-11", "1.p1", "ndrc-2025-0826", "pre"),  # 产业体系完备…应用场景 advantages
    ("gf-2025-11", "2.1.1", "ndrc-2025-0826", "2.1"),  # “从0到1”重大科学发现进程
    ("gf-2025-11", "2.1.2", "ndrc-2025-0826", "2.1"),  # “从1到N”技术落地和迭代突破
    ("gf-2025-11", "2.1.3", "ndrc-2025-0826", "2.1"),  # 新型哲学社会科学研究组织形式
    ("gf-2025-11", "2.2.1", "ndrc-2025-0826", "2.2"),  # the four headings of (二)
    ("gf-2025-11", "2.2.2", "ndrc-2025-0826", "2.2"),
    ("gf-2025-11", "2.2.3", "ndrc-2025-0826", "2.2"),
    ("gf-2025-11", "2.2.4", "ndrc-2025-0826", "2.2"),
    ("gf-2025-11", "2.6.1", "ndrc-2025-0826", "2.4"),  # international public good
    ("gf-2025-11", "2.6.2", "ndrc-2025-0826", "2.4"),  # 各国广泛参与的治理框架
    ("gf-2025-11", "3.10", "ndrc-2025-0826", "3.2"),  # 国家人工智能应用中试基地
    ("gf-2025-11", "3.11", "ndrc-2025-0826", "3.3"),  # 开源社区, 开源生态
    ("gf-2025-11", "3.12", "ndrc-2025-0826", "3.4"),  # 通识教育, 产教融合
    # the Guangming Daily commentary restates the targets
    ("gf-2025-11", "1.p2", "gmrb-2025-1025", "h3.p1"),
    ("gf-2025-11", "1.p2", "gmrb-2025-1025", "pre"),  # 到2035年…智能社会
}
# Links that are defensible but not ones a reader would insist on.
ACCEPTABLE = {
    ("gf-2015-40", "1", "gf-2025-11", "1"),  # 行动要求 → 总体要求
    ("gf-2015-40", "2.1", "gf-2025-11", "2.4.1"),  # 创业创新 → 创新创业活力
    ("gf-2015-40", "2.6.4", "gf-2025-11", "2.4.3"),  # 健康养老 → 健康管理, 养老
    ("gf-2015-40", "3", "gf-2025-11", "3"),
    ("gf-2015-40", "3", "gf-2025-11", "3.13"),  # 保障支撑 → 政策法规保障
    ("gf-2015-40", "3.1.2", "gf-2025-11", "3.10"),  # 强化应用基础 → 优化应用发展环境
    ("gf-2025-11", "3.9", "ndrc-2025-0826", "2.2"),  # 全国一体化算力网, quoted
    ("gf-2025-11", "3.14", "ndrc-2025-0826", "2.4"),  # “动态敏捷、多元协同”, quoted
    ("gf-2025-11", "3.8", "ndrc-2025-0826", "3.3"),
    ("gf-2025-11", "3.13", "ndrc-2025-0826", "3.1"),
}


def produced(repo: PolicyRepo) -> set[tuple[str, str, str, str]]:
    return {
        (f.from_doc, x.from_path, f.to_doc, x.to_path)
        for f in files.load_all(repo)
        for x in f.links
    }


def test_committed_lineage_is_current(corpus: PolicyRepo) -> None:
    assert check_lineage(corpus) == []
    assert main(["--repo", str(PROJECT), "lineage", "check"]) == 0


def test_rebuilding_gives_the_committed_files(corpus_copy: PolicyRepo) -> None:
    before = {p.name: p.read_bytes() for p in (corpus_copy.root / "lineage").iterdir()}
    build(corpus_copy, force=True)
    after = {p.name: p.read_bytes() for p in (corpus_copy.root / "lineage").iterdir()}
    assert after == before


def test_precision_and_recall_against_reading(corpus: PolicyRepo) -> None:
    got = produced(corpus)
    tp = got & EXPECTED
    precision = len(got & (EXPECTED | ACCEPTABLE)) / len(got)
    recall = len(tp) / len(EXPECTED)
    print(
        f"\nlineage vs reading: precision {precision:.2f} ({len(got)} links), "
        f"recall {recall:.2f} ({len(tp)} of {len(EXPECTED)}); "
        f"missed {sorted(EXPECTED - got)}; wrong {sorted(got - EXPECTED - ACCEPTABLE)}"
    )
    assert precision >= 0.85
    assert recall >= 0.70


@pytest.mark.parametrize(
    ("ref", "other"),
    [
        ("gf-2025-11#2.6.1", "ndrc-2025-0826#2.4"),
        ("gf-2025-11#1.p2", "gmrb-2025-1025#h3.p1"),
        ("gf-2015-40#2.3", "gf-2025-11#2.2.3"),
    ],
)
def test_trace_reaches_the_restating_passage(
    capsys: pytest.CaptureFixture[str], ref: str, other: str
) -> None:
    assert main(["--repo", str(PROJECT), "trace", ref, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    reached = {f"{h['to']['doc']}#{h['to']['path']}" for h in data["descendants"]}
    assert other in reached


def test_trace_shows_the_quoted_span(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(PROJECT), "trace", "gf-2025-11#2.6.1", "--context", "10"]) == 0
    out = capsys.readouterr().out
    assert "gf-2025-11#2.6.1 → ndrc-2025-0826#2.4  quoted" in out
    assert "«把人工智能作为造福人类的国际公共产品" in out  # the quoted span is marked
    assert main(["--repo", str(PROJECT), "trace", "ndrc-2025-0826#2.4", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    hop = next(h for h in data["ancestors"] if h["from"]["path"] == "2.6.1")
    a, b, c, d = hop["spans"][0]
    assert hop["from"]["text"][a:b].startswith("把人工智能作为造福人类的国际公共产品")
    assert hop["to"]["text"][c:d].startswith("把人工智能作为造福人类的国际公共产品")


def test_trace_in_english_and_as_a_graph(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(PROJECT), "trace", "gf-2015-40#2.3", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "modern agriculture" in out and "Accelerate the digital transformation" in out
    assert main(["--repo", str(PROJECT), "trace", "gf-2025-11#2.2.3", "--format", "mermaid"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("graph LR") and "-->|heading" in out and "-->|quoted" in out
    assert main(["--repo", str(PROJECT), "trace", "gf-2025-11#2.2.3", "--format", "dot"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("digraph lineage {") and '"gf-2015-40#2.3" -> "gf-2025-11#2.2.3"' in out
    assert main(["--repo", str(PROJECT), "trace", "gf-2025-11#2.2.3", "--format", "md"]) == 0
    assert "<mark>加快农业数智化转型升级</mark>" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["trace", "gf-2025-11"], "name a clause"),
        (["trace", "gf-2025-11#9.9"], "no clause 9.9 in gf-2025-11"),
        (["trace", "nope#1"], "unknown document 'nope'"),
    ],
)
def test_trace_errors(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    assert main(["--repo", str(PROJECT), *argv]) == 2
    assert message in capsys.readouterr().err


def test_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(PROJECT), "lineage", "stats", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_pair = {(r["from"], r["to"]): r for r in rows}
    assert by_pair[("gf-2015-40", "gf-2025-11")]["basis"] == "headings"
    assert by_pair[("gf-2025-11", "ndrc-2025-0826")]["kinds"]["quoted"] >= 8
