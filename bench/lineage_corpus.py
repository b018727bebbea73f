"""A synthetic corpus of N Chinese policy documents with known text reuse, for the lineage
pipeline's scale benchmark (``bench/lineage_scale.py``).

Document 0 is the real gf-2025-11 (国务院关于深入实施“人工智能+”行动的意见). Every other
document is synthetic, dated after it, ~40 clauses in five parts (paths ``pre``, ``1``,
``1.1`` … ``5.7``), made of:

* **implementation plans** (:data:`SHARE_IMPLEMENTATION` of the documents): a handful
  (3-8) of gf-2025-11 clauses, or single sentences of them, copied verbatim or lightly
  reworded (5-20 % of the characters replaced), plus sometimes a short quotation;
* **other policies** (:data:`SHARE_QUOTING`): 1-3 short quotations (10-40 characters) of a
  gf-2025-11 clause inside otherwise new text;
* **regional diffusion** (:data:`SHARE_DIFFUSION`, any kind): 1-3 clauses copied (0-10 %
  reworded) from an earlier synthetic document (its own filler text, so the source is unique);
* **filler**: everything else, phrases of the three corpus texts (gf-2025-11,
  ndrc-2025-0826, gmrb-2025-1025) recombined and varied — ``FILLER_VARY`` of the characters
  replaced by random corpus characters (frequency-weighted), and never more than
  ``FILLER_MAX_RUN`` original characters left in a row, so that no 4-character shingle of
  the corpus survives and unrelated filler does not match (with a plain 30 % replacement and
  no run limit, thousands of variants of the same few hundred sentences share surviving
  corpus 4-grams, and the candidate pairs grow quadratically: an artefact of a small pool,
  not of real text; ``--filler-max-run 0`` in the benchmark reproduces it);
* per-document boilerplate (a preamble citing gf-2025-11 with the province's name, generic
  part headings), as real provincial plans have: it makes stock and frequent shingles.

:class:`Reuse` records the ground truth: which (document, clause) reuses which source
(document, clause), how, and how strongly. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as _date
from datetime import timedelta
from pathlib import Path

from bench.synth import zh_numeral
from polydiff.lineage.build import DocText
from polydiff.model import Clause, ClauseKind, ClauseTree
from polydiff.store.repo import PolicyRepo

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DOC = "gf-2025-11"
MATERIAL_DOCS = ("gf-2025-11", "ndrc-2025-0826", "gmrb-2025-1025")

SHARE_IMPLEMENTATION = 0.75
SHARE_QUOTING = 0.15
SHARE_DIFFUSION = 0.10
REUSE_PER_PLAN = (3, 8)
"""gf-2025-11 clauses or sentences reused by one implementation plan (inclusive range)."""
VERBATIM_SHARE = 0.25
"""Share of clause/sentence reuses copied without rewording."""
REWORD = (0.05, 0.20)
"""Share of characters replaced in a lightly reworded copy."""
QUOTE_LEN = (10, 40)
FILLER_VARY = 0.30
FILLER_MAX_RUN = 3
PARTS = 5
ITEMS_PER_PART = (6, 9)
SOURCE_MIN_CHARS = 100
"""gf-2025-11 clauses with at least this much text are reuse sources."""

_SENT = re.compile(r"[^。！？；]+[。！？；]")
_PHRASE = re.compile(r"[^，、：。！？；,;:]+")
_UNIT = re.compile(r"\w")
PROVINCES = (
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广东省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省",
    "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
)  # fmt: skip
PART_HEADINGS = (
    ("总体要求", "指导思想", "工作目标"),
    ("重点任务", "主要任务", "重点行动"),
    ("支撑体系", "基础支撑", "能力建设"),
    ("应用场景", "示范推广", "重点领域"),
    ("保障措施", "组织实施", "工作要求"),
)
_FIRST_DAY = _date(2025, 9, 1)


@dataclass(frozen=True, slots=True)
class Reuse:
    """Ground truth: clause ``path`` of document ``doc`` reuses ``src_path`` of ``src_doc``."""

    doc: int
    path: str
    src_doc: int
    src_path: str
    kind: str
    """``clause`` (whole clause), ``sentence`` (one sentence of it), ``quote`` (exact passage
    of ``length`` characters in new text) or ``diffusion`` (clause of an earlier synthetic
    document)."""
    rate: float
    """Share of characters replaced (0 for verbatim copies and quotations)."""
    length: int
    """Characters taken from the source."""


@dataclass(slots=True)
class Corpus:
    docs: list[DocText]
    truth: list[Reuse]

    @property
    def n_clauses(self) -> int:
        return sum(1 for d in self.docs for c in d.tree.walk() if c.content)


class _Material:
    """Text the generator draws from: source clauses, sentences, phrases, characters."""

    def __init__(self, root: Path = ROOT) -> None:
        repo = PolicyRepo(root)
        self.source = repo.load_tree(SOURCE_DOC, "zh")
        self.meta = repo.load_meta(SOURCE_DOC)
        self.sources = [c for c in self.source.walk() if len(c.text) >= SOURCE_MIN_CHARS]
        phrases: set[str] = set()
        chars: list[str] = []
        for doc in MATERIAL_DOCS:
            for c in repo.load_tree(doc, "zh").walk():
                phrases.update(p for p in _PHRASE.findall(c.text) if len(p) >= 4)
                chars.extend(ch for ch in c.content if "\u4e00" <= ch <= "\u9fff")
        self.phrases = sorted(phrases)
        self.chars = chars  # with repetition: a random pick is frequency-weighted


def _vary(text: str, rng: random.Random, chars: list[str], rate: float, max_run: int = 0) -> str:
    """Replace ``rate`` of the word characters by random corpus characters; with ``max_run``,
    also any that would leave more than ``max_run`` original characters in a row (runs are
    counted across punctuation, as the shingles are)."""
    out = []
    run = 0
    for ch in text:
        if not _UNIT.match(ch):
            out.append(ch)
            continue
        if rng.random() < rate or (max_run and run >= max_run):
            new = rng.choice(chars)
            while new == ch:
                new = rng.choice(chars)
            out.append(new)
            run = 0
        else:
            out.append(ch)
            run += 1
    return "".join(out)


class CorpusGenerator:
    """Documents one by one (each depends only on the seed and the earlier documents)."""

    def __init__(
        self,
        seed: int = 0,
        filler_vary: float = FILLER_VARY,
        filler_max_run: int = FILLER_MAX_RUN,
        root: Path = ROOT,
    ) -> None:
        self.rng = random.Random(seed)
        self.m = _Material(root)
        self.filler_vary = filler_vary
        self.filler_max_run = filler_max_run
        # some gf-2025-11 clauses are far more often taken up than others
        weights = [1.0 / (k + 1) ** 0.7 for k in range(len(self.m.sources))]
        self.rng.shuffle(weights)
        self.source_weights = weights
        self.filler_items: list[list[tuple[str, Clause]]] = []
        """Per synthetic document: its filler items (for diffusion)."""

    # --- pieces of text ---

    def filler_sentence(self) -> str:
        phrases = self.rng.sample(self.m.phrases, self.rng.randint(2, 4))
        return _vary(
            "，".join(phrases) + "。", self.rng, self.m.chars, self.filler_vary, self.filler_max_run
        )

    def filler_text(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(self.filler_sentence() for _ in range(self.rng.randint(lo, hi)))

    def filler_heading(self) -> str:
        phrase = self.rng.choice(self.m.phrases)[:10]
        return _vary(phrase, self.rng, self.m.chars, self.filler_vary, self.filler_max_run)

    def reword_rate(self) -> float:
        return 0.0 if self.rng.random() < VERBATIM_SHARE else self.rng.uniform(*REWORD)

    # --- documents ---

    def document(self, k: int) -> tuple[DocText, list[Reuse]]:
        """Synthetic document number ``k`` (1-based: 0 is gf-2025-11)."""
        rng = self.rng
        r = rng.random()
        kind = (
            "plan"
            if r < SHARE_IMPLEMENTATION
            else "quoting"
            if r < SHARE_IMPLEMENTATION + SHARE_QUOTING
            else "other"
        )
        province = rng.choice(PROVINCES)
        shape = [rng.randint(*ITEMS_PER_PART) for _ in range(PARTS)]
        slots = [f"{p + 1}.{i + 1}" for p, n in enumerate(shape) for i in range(n)]
        plan: dict[str, tuple[str, object]] = {}
        free = slots[:]
        rng.shuffle(free)

        def take() -> str:
            return free.pop()

        if kind == "plan":
            for _ in range(rng.randint(*REUSE_PER_PLAN)):
                src = rng.choices(range(len(self.m.sources)), self.source_weights)[0]
                mode = "sentence" if rng.random() < 0.35 else "clause"
                plan[take()] = (mode, src)
            for _ in range(rng.choice((0, 0, 1, 2))):
                plan[take()] = ("quote", rng.randrange(len(self.m.sources)))
        elif kind == "quoting":
            for _ in range(rng.randint(1, 3)):
                plan[take()] = ("quote", rng.randrange(len(self.m.sources)))
        if k > 1 and rng.random() < SHARE_DIFFUSION:
            donor = rng.randrange(1, k)
            pool = self.filler_items[donor - 1]
            for path, clause in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
                plan[take()] = ("diffusion", (donor, path, clause))

        truth: list[Reuse] = []
        own_filler: list[tuple[str, Clause]] = []
        parts = []
        for p, n in enumerate(shape):
            items = []
            for i in range(n):
                path = f"{p + 1}.{i + 1}"
                label = f"（{zh_numeral(i + 1)}）"
                what = plan.get(path)
                clause = self._item(path, label, what, k, truth)
                if what is None:
                    own_filler.append((path, clause))
                items.append(clause)
            heading = rng.choice(PART_HEADINGS[p])
            parts.append(
                Clause(
                    str(p + 1),
                    ClauseKind.PART,
                    f"{zh_numeral(p + 1)}、",
                    heading,
                    children=tuple(items),
                )
            )
        title = self.m.meta.title["zh"]
        pre = Clause(
            "pre",
            ClauseKind.PREAMBLE,
            text=(
                f"为深入贯彻落实《{title}》（{self.m.meta.number}）精神，"
                f"加快推进{province}人工智能与经济社会各领域深度融合，结合{province}实际，"
                "制定本实施方案。" + self.filler_sentence()
            ),
        )
        self.filler_items.append(own_filler)
        tree = ClauseTree(f"syn-{k:05d}", "zh", f"{province}{kind}{k}", "", (), (pre, *parts))
        date = (_FIRST_DAY + timedelta(days=k * 365 // 10_000)).isoformat()
        return DocText(tree.doc, date, tree, False, "", ()), truth

    def _item(
        self, path: str, label: str, what: tuple[str, object] | None, k: int, truth: list[Reuse]
    ) -> Clause:
        rng, chars = self.rng, self.m.chars
        if what is None:
            return Clause(
                path, ClauseKind.SECTION, label, self.filler_heading(), self.filler_text()
            )
        mode, arg = what
        if mode == "diffusion":
            donor, dpath, dclause = arg  # type: ignore[misc]
            rate = 0.0 if rng.random() < 0.5 else rng.uniform(0.0, 0.10)
            truth.append(
                Reuse(k, path, donor, dpath, "diffusion", round(rate, 3), len(dclause.content))
            )
            return _varied_copy(dclause, path, label, rng, chars, rate)
        src: Clause = self.m.sources[arg]  # type: ignore[index]
        if mode == "clause":
            rate = self.reword_rate()
            truth.append(Reuse(k, path, 0, src.path, "clause", round(rate, 3), len(src.content)))
            return _varied_copy(src, path, label, rng, chars, rate)
        if mode == "sentence":
            sentences = [s for s in _SENT.findall(src.text) if len(s) >= 15] or [src.text]
            sent = rng.choice(sentences)
            rate = self.reword_rate()
            truth.append(Reuse(k, path, 0, src.path, "sentence", round(rate, 3), len(sent)))
            text = self.filler_text(0, 2) + _vary(sent, rng, chars, rate) + self.filler_text(0, 2)
            return Clause(path, ClauseKind.SECTION, label, self.filler_heading(), text)
        # quote: an exact passage of 10-40 characters inside new text
        length = rng.randint(*QUOTE_LEN)
        plain = src.text
        start = rng.randrange(max(1, len(plain) - length))
        passage = plain[start : start + length]
        truth.append(Reuse(k, path, 0, src.path, "quote", 0.0, len(passage)))
        before = self.filler_text(1, 2)
        after = self.filler_text(0, 2)
        return Clause(
            path, ClauseKind.SECTION, label, self.filler_heading(), f"{before}“{passage}”{after}"
        )

    def documents(self, n: int) -> Iterator[tuple[DocText, list[Reuse]]]:
        """gf-2025-11 then ``n - 1`` synthetic documents."""
        m = self.m
        yield DocText(SOURCE_DOC, m.meta.date, m.source, False, "", ()), []
        for k in range(1, n):
            yield self.document(k)


def _varied_copy(
    source: Clause, path: str, label: str, rng: random.Random, chars: list[str], rate: float
) -> Clause:
    """``source``'s heading and text at ``path``, ``rate`` of their characters replaced."""
    return Clause(
        path,
        ClauseKind.SECTION,
        label,
        _vary(source.heading, rng, chars, rate),
        _vary(source.text, rng, chars, rate),
    )


def make_corpus(
    n: int,
    seed: int = 0,
    filler_vary: float = FILLER_VARY,
    filler_max_run: int = FILLER_MAX_RUN,
) -> Corpus:
    """``n`` documents (gf-2025-11 first, then synthetic ones in date order) and the truth."""
    gen = CorpusGenerator(seed, filler_vary, filler_max_run)
    docs: list[DocText] = []
    truth: list[Reuse] = []
    for doc, reused in gen.documents(n):
        docs.append(doc)
        truth.extend(reused)
    gen.filler_items.clear()
    return Corpus(docs, truth)


if __name__ == "__main__":  # a quick look: python -m bench.lineage_corpus [N]
    import sys
    import time

    t = time.perf_counter()
    corpus = make_corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
    print(
        f"{len(corpus.docs)} documents, {corpus.n_clauses} clauses, {len(corpus.truth)} reuses "
        f"in {time.perf_counter() - t:.1f} s"
    )
    d = corpus.docs[1]
    for c in d.tree.walk():
        print(c.path, c.content[:90].replace("\n", " / "))
    for r in corpus.truth[:12]:
        print(r)
