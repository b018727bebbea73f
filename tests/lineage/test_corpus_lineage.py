"""The lineage of the bundled corpus against links written down from reading the texts."""

from __future__ import annotations

import json

import pytest
import yaml
from bench.lineage_gold import load_gold, score

from polydiff.align.outline import match_outline
from polydiff.cli import main
from polydiff.lineage import files
from polydiff.lineage.build import build
from polydiff.lineage.check import check_lineage
from polydiff.model.lineage import LinkKind, Status
from polydiff.record import replace
from polydiff.store.repo import PolicyRepo
from tests.conftest import PROJECT

GOLD = load_gold()
"""Links judged by reading the bundled documents side by side (``gold.yaml``: how it was
read, every link with the passages and why, the defensible ones, the wrong ones)."""
KIND_OF_TIER = {
    "quotation": LinkKind.QUOTED,
    "paraphrase": LinkKind.PARAPHRASED,
    "summary": LinkKind.SUMMARISES,
    "succession": LinkKind.HEADING,
}


def produced(repo: PolicyRepo) -> dict[tuple[str, str], LinkKind]:
    """("doc#path", "doc#path") → kind of every link in the lineage files."""
    return {
        (f"{f.from_doc}#{x.from_path}", f"{f.to_doc}#{x.to_path}"): x.kind
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


def test_a_first_build_gives_the_committed_files(corpus_copy: PolicyRepo) -> None:
    lineage = corpus_copy.root / "lineage"
    committed = {p.name: p.read_bytes() for p in lineage.iterdir()}
    for p in lineage.iterdir():
        p.unlink()
    build(corpus_copy)
    assert {p.name: p.read_bytes() for p in lineage.iterdir()} == committed


def test_recall_per_tier_precision_and_no_wrong_link(corpus: PolicyRepo) -> None:
    got = produced(corpus)
    sc = score(GOLD, got)
    direct = [sc.found.get(t, (0, 0)) for t in ("quotation", "paraphrase")]
    recall_direct = sum(x for x, _ in direct) / sum(n for _, n in direct)
    print(
        f"\nlineage vs reading: {sc.found}; quotation/paraphrase recall {recall_direct:.2f}; "
        f"precision {sc.precision:.3f} ({sc.correct} of {sc.proposed}); missed {sc.missed}; "
        f"not links {sc.unwanted}"
    )
    assert recall_direct >= 0.9
    assert sc.recall("summary") >= 0.6
    assert sc.recall("succession") >= 0.75
    assert sc.precision >= 0.9
    assert not [key for key in got if key in GOLD.wrong]


def test_kinds_follow_the_measured_overlap(corpus: PolicyRepo) -> None:
    """A verbatim passage is ``quoted``, a restatement ``paraphrased``, a heading named in
    an enumeration ``summarises``, an outline's counterpart ``heading``."""
    got = produced(corpus)
    found = [(key, tier) for key, tier in GOLD.tiers.items() if key in got]
    agree = [key for key, tier in found if got[key] is KIND_OF_TIER[tier]]
    assert len(agree) >= 0.9 * len(found), sorted(set(k for k, _ in found) - set(agree))
    quotations = [key for key, tier in found if tier == "quotation"]
    assert quotations and all(got[key] is LinkKind.QUOTED for key in quotations)


def test_outline_succession_in_english() -> None:
    """The 2015 outline's English headings find their counterparts in the English text."""
    repo = PolicyRepo.at(PROJECT)
    found = match_outline(repo.load_tree("gf-2015-40", "en"), repo.load_tree("gf-2025-11", "en"))
    pairs = {(c.outline, c.full) for c in found.counterparts}
    assert {("2.2", "2.2.2"), ("2.3", "2.2.3"), ("2.6", "2.4"), ("2.10", "2.5.3")} <= pairs
    wrong = {(a.partition("#")[2], b.partition("#")[2]) for a, b in GOLD.wrong}
    assert not pairs & wrong
    assert found.shift == ("Internet Plus", "Artificial Intelligence+")


def test_succession_in_the_only_shared_language(corpus_copy: PolicyRepo) -> None:
    """With the outline known only in English, the succession is built in English."""
    doc = corpus_copy.root / "policies" / "gf-2015-40"
    (doc / "zh.yaml").unlink()
    meta = yaml.safe_load((doc / "meta.yaml").read_text(encoding="utf-8"))
    meta["files"] = [f for f in meta["files"] if f["lang"] != "zh"]
    (doc / "meta.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    assert corpus_copy.load_meta("gf-2015-40").languages == ("en",)
    build(corpus_copy, force=True)
    f = next(x for x in files.load_all(corpus_copy) if x.from_doc == "gf-2015-40")
    assert f.lang == "en"
    assert {("2.3", "2.2.3"), ("2.10", "2.5.3")} <= {(x.from_path, x.to_path) for x in f.links}


def test_a_confirmed_link_survives_a_change_of_kind(corpus_copy: PolicyRepo) -> None:
    """A link confirmed when the old matcher called it ``quoted`` stays confirmed, with its
    note, when the new one calls it ``summarises``."""
    name = "gf-2025-11..ndrc-2025-0826"
    f = next(x for x in files.load_all(corpus_copy) if x.name == name)
    link = next(x for x in f.links if (x.from_path, x.to_path) == ("2.2.2", "2.2"))
    assert link.kind is LinkKind.SUMMARISES
    old = replace(link, kind=LinkKind.QUOTED, status=Status.CONFIRMED, note="heading quoted")
    links = tuple(old if x is link else x for x in f.links)
    manifest = files.load_manifest(corpus_copy)
    files.write(corpus_copy, [replace(f, links=links)], manifest, [])
    build(corpus_copy, force=True)
    f = next(x for x in files.load_all(corpus_copy) if x.name == name)
    now = next(x for x in f.links if (x.from_path, x.to_path) == ("2.2.2", "2.2"))
    assert (now.kind, now.status, now.note) == (
        LinkKind.SUMMARISES,
        Status.CONFIRMED,
        "heading quoted",
    )


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
    assert out.startswith("graph LR") and "-->|heading" in out and "-->|summarises" in out
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
    kinds = by_pair[("gf-2025-11", "ndrc-2025-0826")]["kinds"]
    assert kinds["summarises"] >= 10 and kinds["quoted"] >= 4 and kinds["paraphrased"] >= 8
