"""An outline (headings only) against a full text: counterparts by role, policy field and
wording, one account in diff, lineage and the document notes."""

from __future__ import annotations

import json

import pytest
from bench.lineage_gold import load_gold

from polydiff.align import align
from polydiff.align.outline import match_outline
from polydiff.align.topics import PART_ROLES, SECTION_ROLES, role_of, topics_of
from polydiff.cli import main
from polydiff.lineage import files
from polydiff.model import Clause, ClauseTree
from polydiff.model.comparison import ChangeKind
from polydiff.record import replace
from polydiff.service.notes import Marker, clause_notes
from polydiff.store.repo import PolicyRepo
from tests.conftest import PROJECT

GOLD = load_gold()
SUCCESSION = {
    (a.partition("#")[2], b.partition("#")[2])
    for (a, b), tier in GOLD.tiers.items()
    if tier == "succession"
}
"""(2015 path, 2025 path) that a reader pairs (tests/lineage/gold.yaml)."""
WRONG = {
    (a.partition("#")[2], b.partition("#")[2])
    for a, b in GOLD.wrong
    if a.startswith("gf-2015-40#") and b.startswith("gf-2025-11#")
}


@pytest.fixture(scope="module")
def trees() -> tuple[ClauseTree, ClauseTree]:
    repo = PolicyRepo.at(PROJECT)
    return repo.load_tree("gf-2015-40", "zh"), repo.load_tree("gf-2025-11", "zh")


def test_counterparts_are_what_a_reader_pairs(trees: tuple[ClauseTree, ClauseTree]) -> None:
    found = match_outline(*trees)
    pairs = {(c.outline, c.full) for c in found.counterparts}
    assert pairs >= SUCCESSION
    assert not pairs & WRONG
    assert {"2.4", "2.5", "2.11"} <= set(found.unmatched)  # energy, finance, AI: none
    assert found.shift == ("互联网+", "人工智能+")
    reasons = {c.outline: c.reason for c in found.counterparts}
    assert reasons["1.3"] == "role: targets" and reasons["3"] == "part: support"
    assert reasons["2.3"] == "field: agriculture (heading)"


def test_diff_says_no_counterpart_found_not_dropped(
    trees: tuple[ClauseTree, ClauseTree],
) -> None:
    cmp = align(*trees)
    assert cmp.outline == "a" and cmp.headings_only
    kinds = cmp.summary
    assert kinds["dropped"] == 0 and kinds["reworded"] == 1  # the title
    title = cmp.links[0]
    assert (title.kind, title.a, title.b) == (ChangeKind.REWORDED, ("title",), ("title",))
    assert kinds["counterpart"] == len(match_outline(*trees).counterparts)
    placed, total = cmp.placed
    assert total == sum(1 for c in trees[0].walk() if c.heading)
    assert placed + kinds["unmatched"] == total
    every_b = [p for link in cmp.links[1:] for p in link.b]
    assert sorted(set(every_b)) == sorted(c.path for c in trees[1].walk())
    # the other way round, the outline is B and the full text's other clauses are dropped
    back = align(trees[1], trees[0])
    assert back.outline == "b" and back.summary["new"] == 0 and back.summary["reworded"] == 1
    assert {(x.b[0], x.a[0]) for x in back.links if x.kind is ChangeKind.COUNTERPART} == {
        (x.a[0], x.b[0]) for x in cmp.links if x.kind is ChangeKind.COUNTERPART
    }


def test_diff_lineage_and_the_document_screen_give_one_account() -> None:
    repo = PolicyRepo.at(PROJECT)
    cmp = align(repo.load_tree("gf-2015-40", "zh"), repo.load_tree("gf-2025-11", "zh"))
    in_diff = {(x.a[0], x.b[0]) for x in cmp.links if x.kind is ChangeKind.COUNTERPART}
    f = next(x for x in files.load_all(repo) if x.name == "gf-2015-40..gf-2025-11")
    assert {(x.from_path, x.to_path) for x in f.links} == in_diff

    class Corpus:
        def doc_ids(self) -> list[str]:
            return repo.doc_ids()

        def meta(self, doc: str):  # type: ignore[no-untyped-def]
            return repo.load_meta(doc)

        def tree(self, doc: str, lang: str) -> ClauseTree:
            return repo.load_tree(doc, lang)

        def lineage(self):  # type: ignore[no-untyped-def]
            return files.load_all(repo)

    notes = clause_notes(Corpus(), "gf-2025-11")
    marked = {p for p, n in notes.items() if n.marker is Marker.COUNTERPART}
    assert marked == {b for _, b in in_diff}
    assert notes["2.2.3"].source == "gf-2015-40#2.3"


def _outline_of(tree: ClauseTree, change: dict[str, str] | None = None) -> ClauseTree:
    """The tree's headings only (a heading reworded where ``change`` says); a paragraph,
    which has no heading, is left out as an outline leaves it out."""

    def strip(c: Clause) -> Clause:
        heading = (change or {}).get(c.path, c.heading)
        kept = tuple(strip(k) for k in c.children if k.heading or k.children)
        return replace(c, heading=heading, text="", children=kept)

    kept = tuple(strip(c) for c in tree.clauses if c.heading or c.children)
    return replace(tree, clauses=kept)


def test_an_outline_of_the_same_document_finds_every_heading(
    trees: tuple[ClauseTree, ClauseTree],
) -> None:
    """Synthetic: the 2025 Opinions' own headings, two of them reworded, against the text."""
    full = trees[1]
    outline = _outline_of(full, {"2.2.2": "推动工业全要素智能化", "3.12": "加强人才培养"})
    found = match_outline(outline, full)
    pairs = {c.outline: c.full for c in found.counterparts}
    headed = [c.path for c in outline.walk() if c.heading]
    assert all(pairs.get(p) == p for p in headed), {
        p: pairs.get(p) for p in headed if pairs.get(p) != p
    }
    assert not found.unmatched


@pytest.mark.parametrize(
    ("heading", "lang", "roles", "role"),
    [
        ("行动要求", "zh", PART_ROLES, "requirements"),
        ("加快实施重点行动", "zh", PART_ROLES, "actions"),
        ("保障支撑", "zh", PART_ROLES, "support"),
        ("强化基础支撑能力", "zh", PART_ROLES, "support"),
        ("组织实施", "zh", PART_ROLES, "implementation"),
        ("Accelerating the Implementation of Key Actions", "en", PART_ROLES, "actions"),
        ("Organization and Implementation", "en", PART_ROLES, "implementation"),
        ("发展目标", "zh", SECTION_ROLES, "targets"),
        ("Basic Principles", "en", SECTION_ROLES, "principles"),
        ("“互联网+”现代农业", "zh", PART_ROLES, None),
    ],
)
def test_roles(heading: str, lang: str, roles: dict, role: str | None) -> None:  # type: ignore[type-arg]
    assert role_of(heading, roles, lang) == role


def test_fields_match_whole_word_starts_in_english() -> None:
    assert topics_of("“互联网+”协同制造", "zh") == {"manufacturing"}
    assert topics_of('"Internet Plus" inclusive finance', "en") == {"finance"}
    assert topics_of("refinancing the agricultural sector", "en") == {"agriculture"}


def test_the_readme_first_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(PROJECT), "diff", "gf-2015-40", "gf-2025-11", "--stat"]) == 1
    out = " ".join(capsys.readouterr().out.split())  # unwrapped
    assert "14 counterpart" in out and "no counterpart found" in out
    assert "dropped" not in out and "similarity" not in out
    assert "14 of 28 outline headings placed" in out
    argv = ["--repo", str(PROJECT), "diff", "gf-2015-40", "gf-2025-11", "--format", "json"]
    assert main(argv) == 1  # differences found, as diff(1)
    data = json.loads(capsys.readouterr().out)
    assert data["outline"] == "a"
    link = next(x for x in data["links"] if x["a"] == ["2.3"])
    assert (link["kind"], link["b"], link["reason"]) == (
        "counterpart",
        ["2.2.3"],
        "field: agriculture (heading)",
    )
