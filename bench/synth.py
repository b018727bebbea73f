"""Synthetic revisions of a clause tree with known answers, to measure the aligner.

``make_revision(tree, seed)`` applies a random mix of edits (rewording, presentation-only
punctuation changes, moves, splits, merges, drops, inserts) to a copy of ``tree``, renumbers
paths and labels the way the parser would have numbered the revised text, and returns the
revised tree with a :class:`Truth` saying which clause became which.

``make_revision(tree, seed, hard=True)`` draws from harder edits as well (:data:`HARD_EDITS`):
several edits on one clause, heavier rewordings, new clauses close to the document in topic
or even made of its own sentences, renumbering cascades and swapped sections. Each such
edit is recorded in :attr:`Truth.cases` with the exact links it should give.

Deliberately independent of the code under test: nothing from ``polydiff.align``,
``polydiff.diff`` or ``polydiff.normalize`` is used here (only the data types of
``polydiff.model`` and the corpus loader). Strength of a rewording is measured with
:mod:`difflib` as ``1 - 2·matched / (len A + len B)`` over characters (zh) or words (en).
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import Any

from polydiff.model import Clause, ClauseKind, ClauseTree

PROJECT = Path(__file__).resolve().parents[1]
MATERIAL_DOCS = ("ndrc-2025-0826", "gmrb-2025-1025")
"""Documents whose sentences become the text of inserted clauses."""

STRENGTHS = (0.1, 0.2, 0.35, 0.5)
EDIT_TYPES = ("reword", "punct", "swap", "move", "split", "merge", "drop", "insert")
_WEIGHTS = (4, 1, 1, 1, 1, 1, 1, 1)

HARD_STRENGTHS = (0.6, 0.7)
"""Heavy rewordings (hard mode only): the clause should still link, but expect misses."""
HARD_EDITS = (
    "reword+move",
    "split+reword",
    "merge+reword",
    "reword 0.6",
    "reword 0.7",
    "new (similar topic)",
    "new (collage)",
    "drop+near-dup",
    "cascade",
    "section swap",
)
"""Edit kinds of hard mode, each recorded as a :class:`Case` (see :class:`Case` for the truth
of each)."""
_HARD_TYPES = (
    "reword+move", "split+reword", "merge+reword", "heavy", "similar", "collage",
    "near-dup", "cascade", "section swap", *EDIT_TYPES,
)  # fmt: skip
_HARD_WEIGHTS = (3, 3, 3, 4, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1)
COMBINED_STRENGTH = 0.2
"""Strength of the rewording in split+reword and merge+reword."""
COMBINED_KEEP = 0.7
"""Least share of each merged clause (of the reworded split half) kept in the result, so
the rewording of a merge is spread over both parts and neither is all but gone."""
MOVE_STRENGTHS = (0.2, 0.35)
"""Strengths of the rewording in reword+move."""
NEAR_DUP_STRENGTH = 0.1
SIMILAR_OVERLAP = (0.15, 0.5)
"""Share of an inserted sentence's n-grams found in the tree, for ``new (similar topic)``."""

_FIXED = {ClauseKind.SALUTATION, ClauseKind.PREAMBLE, ClauseKind.CLOSING}
"""Kinds whose path is a fixed word (``to``, ``pre``, ``end``)."""
_MOVABLE = {
    ClauseKind.ITEM,
    ClauseKind.SECTION,
    ClauseKind.PARAGRAPH,
    ClauseKind.SUBITEM,
    ClauseKind.ARTICLE,
    ClauseKind.ENUMERATION,
}
"""Kinds that can be split, merged, dropped, swapped or inserted."""


@dataclass(frozen=True)
class Expect:
    """One link a hard-mode edit should give."""

    a: tuple[str, ...]
    """A paths (empty for a new clause)."""
    b: tuple[str, ...]
    kind: str
    """``unchanged``, ``reworded``, ``split``, ``merged`` or ``new``."""
    moved: bool | None = None
    """True: must be flagged moved; False: must not be (and a 1:1 link whose path changed
    must be flagged renumbered); None: either."""


@dataclass(frozen=True)
class Case:
    """One hard-mode edit and the links it should give.

    - ``reword+move``: an item reworded (0.2 or 0.35) and moved to another section →
      ``reworded``, moved.
    - ``split+reword``: a clause split in two, one half (``note``) reworded 0.2 (keeping at
      least :data:`COMBINED_KEEP` of it) → ``split``.
    - ``merge+reword``: two adjacent clauses merged and the result reworded 0.2, each part
      keeping at least :data:`COMBINED_KEEP` of itself (``note``) → ``merged``.
    - ``reword 0.6`` / ``reword 0.7``: heavy rewording in place → ``reworded`` (the heading
      is kept; ``note`` says how much of the text survives; 0.7 is where linking may
      reasonably break).
    - ``new (similar topic)``: sentences of another document that share phrases with this
      one (4-gram / 3-gram overlap in :data:`SIMILAR_OVERLAP`) → ``new``.
    - ``new (collage)``: one sentence each copied from two existing clauses (``a``), which
      stay unchanged in place → ``new``: the sources already have their counterparts, so
      the collage is not what any clause became; the sources must stay ``unchanged`` 1:1.
    - ``drop+near-dup``: an item removed and a near-duplicate (heading with one term
      replaced, text reworded 0.1) inserted under another section → one ``reworded`` link,
      moved: a reader cannot tell this from a move, and should see it as one.
    - ``cascade``: a new clause inserted first among many siblings → ``new``, and every
      later sibling linked 1:1, renumbered, not moved (siblings another edit changed or
      moved are left to that edit's own scoring).
    - ``section swap``: two sections with items swapped → the sections linked (at least
      one flagged moved), every item under them linked, renumbered, not moved (same
      exception).
    """

    edit: str
    a: tuple[str, ...]
    """A paths the edit took (sources of a collage)."""
    b: tuple[str, ...]
    """B paths the edit produced."""
    expect: tuple[Expect, ...]
    moved_any: frozenset[str] = frozenset()
    """At least one of these A paths must be flagged moved (swaps)."""
    strength: tuple[float, float] | None = None
    """(nominal, measured) strength of the rewording, if any."""
    note: str = ""


@dataclass
class Truth:
    """What the aligner should find between the original (A) and the revision (B)."""

    pairs: set[tuple[str, str]] = field(default_factory=set)
    """Every (A path, B path) that should be linked, unchanged ones included."""
    kinds: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = field(default_factory=dict)
    """Expected link kind of every edited clause (unedited pairs are ``unchanged``)."""
    moved: set[str] = field(default_factory=set)
    """A paths of moved clauses (both members of a swap)."""
    splits: list[tuple[str, tuple[str, str]]] = field(default_factory=list)
    merges: list[tuple[tuple[str, str], str]] = field(default_factory=list)
    new: set[str] = field(default_factory=set)
    """B paths of inserted clauses."""
    dropped: set[str] = field(default_factory=set)
    """A paths of removed clauses."""
    edits: list[str] = field(default_factory=list)
    """One line per edit, for debugging."""
    renumbered: set[str] = field(default_factory=set)
    """A paths of 1:1 pairs whose path changed."""
    reworded: dict[str, tuple[float, float]] = field(default_factory=dict)
    """A path → (nominal strength, measured strength) of reworded clauses."""
    punct: set[str] = field(default_factory=set)
    """A paths changed in punctuation width / quotes / spacing only."""
    swaps: list[tuple[str, str]] = field(default_factory=list)
    """Pairs of A paths swapped within their parent (either one may be reported moved)."""
    cross_moves: set[str] = field(default_factory=set)
    """A paths moved to another parent."""
    may_move: set[str] = field(default_factory=set)
    """A paths a minimal explanation may also call moved: swapping 1 and 3 of [1, 2, 3]
    gives [3, 2, 1], where keeping 3 in place and moving 2 and 1 is as good an answer."""
    cases: list[Case] = field(default_factory=list)
    """Hard-mode edits with the exact links each should give (empty in the default mode)."""

    def b_of(self, a_path: str) -> set[str]:
        """B paths linked to ``a_path``."""
        return {b for a, b in self.pairs if a == a_path}

    def kind_of(self, a: tuple[str, ...], b: tuple[str, ...]) -> str:
        """Expected kind of a link (``unchanged`` for pairs no edit touched)."""
        return self.kinds.get((a, b), "unchanged")


# --- numerals and labels ------------------------------------------------------------------

_ZH_DIGITS = "零一二三四五六七八九"
_NUMERAL_RE = re.compile(r"[〇零一二三四五六七八九十百两]+|[IVXLC]+|\d+")


def zh_numeral(n: int) -> str:
    """1 → 一, 14 → 十四, 20 → 二十, 21 → 二十一 (up to 99)."""
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _ZH_DIGITS[tens]) + "十" + (_ZH_DIGITS[ones] if ones else "")


def roman_numeral(n: int) -> str:
    """14 → XIV."""
    out = ""
    for value, sym in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += sym
            n -= value
    return out


def relabel(label: str, n: int) -> str:
    """``label`` with its numeral replaced by ``n`` in the same numeral system."""
    m = _NUMERAL_RE.search(label)
    if not m:
        return label
    old = m.group()
    if old.isdigit():
        new = str(n)
    elif old[0] in "IVXLC":
        new = roman_numeral(n)
    else:
        new = zh_numeral(n)
    return label[: m.start()] + new + label[m.end() :]


# --- mutable tree ---------------------------------------------------------------------------


@dataclass(eq=False)
class _Node:
    kind: ClauseKind
    label: str
    heading: str
    text: str
    origin: tuple[str, ...]
    """A paths this clause comes from (empty for an inserted clause)."""
    children: list[_Node] = field(default_factory=list)
    segment: str = ""
    """Original last path segment (kept for ``to``/``pre``/``end``)."""
    path: str = ""
    """Path in B, set by renumbering."""
    part: str = ""
    """For split halves: ``1`` or ``2``."""

    @classmethod
    def of(cls, c: Clause) -> _Node:
        return cls(
            c.kind,
            c.label,
            c.heading,
            c.text,
            (c.path,),
            [cls.of(k) for k in c.children],
            c.path.rpartition(".")[2],
        )

    def freeze(self) -> Clause:
        return Clause(
            self.path,
            self.kind,
            self.label,
            self.heading,
            self.text,
            tuple(k.freeze() for k in self.children),
        )

    def walk(self) -> list[_Node]:
        out = [self]
        for k in self.children:
            out.extend(k.walk())
        return out


def _continuing_kinds(tree: ClauseTree) -> set[ClauseKind]:
    """Numbered kinds whose numbers keep counting across parents (三（七） → ``3.7``)."""
    out: set[ClauseKind] = set()

    def visit(kids: Sequence[Clause]) -> None:
        seen: dict[ClauseKind, int] = {}
        for c in kids:
            seg = c.path.rpartition(".")[2]
            if seg.isdigit():
                seen[c.kind] = seen.get(c.kind, 0) + 1
                if int(seg) != seen[c.kind]:
                    out.add(c.kind)
            visit(c.children)

    visit(tree.clauses)
    return out


def _renumber(
    roots: list[_Node], continuing: set[ClauseKind], templates: dict[ClauseKind, str]
) -> None:
    """Assign B paths and labels by position, as the parser numbers labelled text."""
    global_count: dict[ClauseKind, int] = {}

    def visit(kids: list[_Node], parent: str) -> None:
        local: dict[ClauseKind, int] = {}
        paras = heads = 0
        for k in kids:
            if k.kind in _FIXED:
                seg = k.segment
            elif k.kind is ClauseKind.PARAGRAPH:
                paras += 1
                seg = f"p{paras}"
            elif k.kind is ClauseKind.HEADING:
                heads += 1
                seg = f"h{heads}"
            else:
                counter = global_count if k.kind in continuing else local
                counter[k.kind] = counter.get(k.kind, 0) + 1
                n = counter[k.kind]
                seg = str(n)
                k.label = relabel(k.label or templates.get(k.kind, ""), n)
            k.path = f"{parent}.{seg}" if parent else seg
            visit(k.children, k.path)

    visit(roots, "")


# --- rewording --------------------------------------------------------------------------------

SUBS_ZH = {
    "加快": "加速", "加速": "加快", "推动": "推进", "推进": "推动", "加强": "强化",
    "强化": "加强", "人工智能": "AI", "支持": "鼓励", "鼓励": "支持", "提升": "提高",
    "提高": "提升", "建设": "构建", "构建": "建设", "完善": "健全", "健全": "完善",
    "探索": "研究", "培育": "培养", "打造": "营造", "深化": "深入推进", "积极": "主动",
    "优化": "改进", "拓展": "扩展", "大力": "着力", "应用": "运用", "体系": "系统",
    "模式": "方式", "机制": "制度", "全面": "全方位", "有序": "稳步", "协同": "协作",
    "融合": "结合", "智能化": "数智化", "充分发挥": "更好发挥", "促进": "助推",
    "创新": "革新", "领域": "方面", "重点": "关键", "形成": "建立", "开展": "推行",
    "引导": "指导", "保障": "支撑", "国际": "全球", "企业": "市场主体", "高质量": "高水平",
}  # fmt: skip
_ZH_VERBS = "推动|加强|加快|支持|提升|推进|完善|建立|探索|培育|打造|促进|强化|优化|深化|拓展"
_ZH_ADVERBS = ("进一步", "切实", "持续", "积极", "着力", "稳步", "全面", "有序")
_ZH_OPENERS = (
    "在确保安全的前提下,",
    "按照统筹规划的原则,",
    "结合各地实际,",
    "坚持问题导向,",
    "立足现有基础,",
    "坚持市场主导、政府引导,",
)
_ZH_CLOSERS = (
    ",形成一批可复制可推广的经验",
    ",不断提升服务质量和水平",
    ",切实增强人民群众获得感",
    ",确保各项任务落到实处",
    ",逐步建立长效机制",
)

SUBS_EN = {
    "artificial intelligence": "AI", "promote": "advance", "promoting": "advancing",
    "accelerate": "speed up", "strengthen": "reinforce", "support": "encourage",
    "encourage": "support", "improve": "enhance", "enhance": "improve",
    "construction": "building", "explore": "investigate", "establish": "set up",
    "build": "create", "cultivate": "foster", "expand": "broaden", "deepen": "intensify",
    "actively": "proactively", "vigorously": "energetically", "optimize": "refine",
    "application": "use", "applications": "uses", "intelligent": "smart", "system": "framework",
    "systems": "frameworks", "mechanism": "arrangement", "mechanisms": "arrangements",
    "comprehensive": "all-round", "integration": "convergence", "capabilities": "capacities",
    "capability": "capacity", "efficiency": "effectiveness", "ensure": "guarantee",
    "facilitate": "enable", "key": "major", "fields": "domains", "areas": "sectors",
    "scenarios": "use cases", "enterprises": "companies", "development": "growth",
    "new": "novel", "high-quality": "first-rate", "international": "global",
    "cooperation": "collaboration", "risks": "hazards", "research": "study",
}  # fmt: skip
_EN_VERBS = (
    "promote|accelerate|strengthen|support|improve|build|explore|develop|cultivate|"
    "enhance|expand|deepen|optimize|establish"
)
_EN_ADVERBS = ("further ", "actively ", "steadily ", "effectively ")
_EN_OPENERS = (
    "Where conditions permit, ",
    "In line with local conditions, ",
    "On the premise of ensuring security, ",
    "Guided by market demand, ",
)
_EN_CLOSERS = (
    " in an orderly manner",
    ", so as to deliver tangible results",
    " in accordance with laws and regulations",
    ", and build long-term mechanisms",
)

_ZH_SENTENCES = (
    "各地区要结合实际制定具体实施方案。",
    "有关部门要加强工作指导和监督检查。",
    "鼓励社会资本积极参与相关项目建设。",
    "及时总结推广典型案例和经验做法。",
    "建立健全工作台账,定期调度任务进展。",
)
_EN_SENTENCES = (
    "All localities should formulate specific implementation plans in light of "
    "their actual conditions.",
    "Relevant departments should strengthen guidance and supervision.",
    "Social capital is encouraged to take part in related projects.",
    "Typical cases and good practices should be summarised and promoted in a timely manner.",
)

_Span = tuple[int, int, str]
"""(start, end, replacement) in the original text."""


def _zh_candidates(text: str, rng: random.Random) -> list[tuple[str, _Span]]:
    out: list[tuple[str, _Span]] = []
    taken: list[tuple[int, int]] = []
    for term in sorted(SUBS_ZH, key=len, reverse=True):
        for m in re.finditer(re.escape(term), text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append(m.span())
                out.append(("sub", (m.start(), m.end(), SUBS_ZH[term])))
    for m in re.finditer(r"(?:^|(?<=[、,。:“]))[\u4e00-\u9fff]{1,8}、", text):
        out.append(("del", (m.start(), m.end(), "")))
    for m in re.finditer(r"(?<=,)[^,。:]{4,40},", text):
        out.append(("del", (m.start(), m.end(), "")))
    for m in re.finditer(rf"(?:^|(?<=[,。]))(?:{_ZH_VERBS})", text):
        out.append(("ins", (m.start(), m.start(), rng.choice(_ZH_ADVERBS))))
    for m in re.finditer(r"(?:^|(?<=。))(?=.)", text):
        out.append(("ins", (m.start(), m.start(), rng.choice(_ZH_OPENERS))))
    for m in re.finditer(r"。", text):
        out.append(("ins", (m.start(), m.start(), rng.choice(_ZH_CLOSERS))))
    return out + _sentence_candidates(text, "zh", rng)


def _sentence_candidates(text: str, lang: str, rng: random.Random) -> list[tuple[str, _Span]]:
    """Heavier edits: drop a whole sentence (not the first), add a stock sentence."""
    out: list[tuple[str, _Span]] = []
    sents = sentences(text, lang)
    pos, gap = 0, "" if lang == "zh" else " "
    starts = []
    for sent in sents:
        starts.append(pos)
        pos += len(sent) + len(gap)
    if len(sents) >= 3:
        for k in range(1, len(sents)):
            end = starts[k] + len(sents[k]) + (len(gap) if k + 1 < len(sents) else 0)
            start = starts[k] - (len(gap) if k + 1 == len(sents) else 0)
            out.append(("del", (start, min(end, len(text)), "")))
    stock = _ZH_SENTENCES if lang == "zh" else _EN_SENTENCES
    for k in range(1, len(sents)):
        out.append(("ins", (starts[k], starts[k], rng.choice(stock) + gap)))
    return out


def _match_case(src: str, repl: str) -> str:
    return repl[0].upper() + repl[1:] if src[0].isupper() and repl[0].islower() else repl


def _en_candidates(text: str, rng: random.Random) -> list[tuple[str, _Span]]:
    out: list[tuple[str, _Span]] = []
    taken: list[tuple[int, int]] = []
    for term in sorted(SUBS_EN, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(term)}\b", text, flags=re.IGNORECASE):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                taken.append(m.span())
                out.append(("sub", (m.start(), m.end(), _match_case(m.group(), SUBS_EN[term]))))
    for m in re.finditer(r", (?:and )?[^,.;()]{6,90}(?=[,.;])", text):
        out.append(("del", (m.start(), m.end(), "")))
    for m in re.finditer(rf"(?<=[,;] )(?:{_EN_VERBS})\b", text):
        out.append(("ins", (m.start(), m.start(), rng.choice(_EN_ADVERBS))))
    for m in re.finditer(r"(?:^|(?<=\. ))[A-Z][a-z]", text):
        opener = rng.choice(_EN_OPENERS)
        out.append(("ins", (m.start(), m.start() + 1, opener + m.group()[0].lower())))
    for m in re.finditer(r"\.(?= [A-Z]|$)", text):
        out.append(("ins", (m.start(), m.start(), rng.choice(_EN_CLOSERS))))
    return out + _sentence_candidates(text, "en", rng)


def _units(text: str, lang: str) -> list[str]:
    """What strength is measured over: characters (zh) or words and punctuation (en)."""
    return list(text) if lang == "zh" else re.findall(r"\w+|[^\w\s]", text)


def change(a: str, b: str, lang: str) -> float:
    """``1 - 2·matched / (len a + len b)`` over characters (zh) or words (en)."""
    ua, ub = _units(a, lang), _units(b, lang)
    if not ua and not ub:
        return 0.0
    return 1.0 - SequenceMatcher(None, ua, ub, autojunk=False).ratio()


def kept_shares(parts: Sequence[str], new: str, lang: str) -> list[float]:
    """Share of each of ``parts`` (joined, in order) that survives in ``new``: units of the
    joined text matched by :mod:`difflib`, counted per part."""
    units = [_units(p, lang) for p in parts]
    joined = [u for us in units for u in us]
    sm = SequenceMatcher(None, joined, _units(new, lang), autojunk=False)
    matched = [False] * len(joined)
    for block in sm.get_matching_blocks():
        matched[block.a : block.a + block.size] = [True] * block.size
    out, start = [], 0
    for us in units:
        out.append(sum(matched[start : start + len(us)]) / len(us) if us else 1.0)
        start += len(us)
    return out


def _apply(text: str, spans: list[_Span]) -> str:
    for s, e, r in sorted(spans, key=lambda x: (x[0], x[1]), reverse=True):
        text = text[:s] + r + text[e:]
    return text


def _clash(x: _Span, y: _Span) -> bool:
    """Whether two edits touch the same text (two insertions at one place clash too)."""
    (xs, xe, _), (ys, ye, _) = x, y
    if xs == xe and ys == ye:
        return xs == ys
    if xs == xe:
        return ys <= xs <= ye
    if ys == ye:
        return xs <= ys <= xe
    return xs < ye and ys < xe


def reword(text: str, lang: str, strength: float, rng: random.Random) -> tuple[str, float]:
    """Reword ``text`` until about ``strength`` of it changed; returns (text, measured).

    Light rewordings are mostly term substitutions; heavier ones mix in deleted phrases and
    sentences and inserted phrases and stock sentences. A deletion swallows earlier edits
    inside it.
    """
    cands = _zh_candidates(text, rng) if lang == "zh" else _en_candidates(text, rng)
    subs = [c[1] for c in cands if c[0] == "sub"]
    others = [c[1] for c in cands if c[0] != "sub"]
    rng.shuffle(subs)
    rng.shuffle(others)
    if strength <= 0.2:
        head = max(1, len(subs) * 2 // 3)
        order = subs[:head] + others + subs[head:]
    else:
        order = subs + others
        rng.shuffle(order)
    chosen: list[_Span] = []
    current, measured = text, 0.0
    for span in order:
        s, e, r = span
        kept = [o for o in chosen if not (s < e and not r and s <= o[0] and o[1] <= e)]
        if any(_clash(span, o) for o in kept):
            continue
        trial = _apply(text, [*kept, span])
        m = change(text, trial, lang)
        if m > strength + 0.1 and measured > 0:
            continue  # too big a step; try smaller edits
        chosen = [*kept, span]
        current, measured = trial, m
        if measured >= strength:
            break
    return current, measured


# --- presentation-only changes -----------------------------------------------------------------

_ZH_WIDE = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}


def punctuate(text: str, lang: str, rng: random.Random) -> str:
    """Change punctuation width, quotes or spacing only (``text`` unchanged in meaning)."""
    if lang == "zh":
        narrow = any(ch in _ZH_WIDE for ch in text)
        table = _ZH_WIDE if narrow else {v: k for k, v in _ZH_WIDE.items()}
        out = "".join(table.get(ch, ch) for ch in text)
        if rng.random() < 0.7:
            out = out.replace("“", '"').replace("”", '"')
        return out
    out = text
    if '"' in out:
        parts = out.split('"')
        out = parts[0] + "".join(("“" if i % 2 else "”") + p for i, p in enumerate(parts[1:], 1))
    out = out.replace("'", "’")
    if out == text or rng.random() < 0.5:
        out = re.sub(r"\. (?=[A-Z])", lambda _m: ".  " if rng.random() < 0.6 else ". ", out)
        if out == text:
            out = out.replace(", ", ",  ", 1)
    return out


# --- sentences ------------------------------------------------------------------------------------


def sentences(text: str, lang: str) -> list[str]:
    """Sentences: split after 。！？ (zh) or at ``. `` before a capital (en); lossless."""
    pattern = r"(?<=[。！？!?])" if lang == "zh" else r"(?<=[.!?]) (?=[A-Z“\"(])"
    parts = re.split(pattern, text)
    return [p for p in parts if p]


def _join(parts: Sequence[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(parts)


def _grams(text: str, lang: str, n: int) -> set[tuple[str, ...]]:
    u = [x.lower() for x in _units(text, lang)]
    return {tuple(u[i : i + n]) for i in range(len(u) - n + 1)}


@cache
def _corpus_sentences(lang: str) -> tuple[str, ...]:
    from polydiff.store.repo import PolicyRepo

    repo = PolicyRepo(PROJECT)
    out: list[str] = []
    for doc in MATERIAL_DOCS:
        for c in repo.load_tree(doc, lang).walk():
            if c.kind in _FIXED or not c.text:
                continue
            out.extend(s.strip() for s in sentences(c.text, lang))
    return tuple(out)


def material(tree: ClauseTree, extra: Sequence[str] | None = None) -> list[str]:
    """Sentences for inserted clauses: from other documents, and not close to any of ``tree``."""
    lang = tree.lang
    pool = list(extra) if extra is not None else list(_corpus_sentences(lang))
    n = 4 if lang == "zh" else 3
    own: set[tuple[str, ...]] = set()
    for c in tree.walk():
        own |= _grams(c.content, lang, n)
    lo, hi = (20, 120) if lang == "zh" else (60, 400)
    out = []
    for s in pool:
        g = _grams(s, lang, n)
        if lo <= len(s) <= hi and g and len(g & own) / len(g) < 0.2:
            out.append(s)
    return out


def similar_material(tree: ClauseTree, extra: Sequence[str] | None = None) -> list[str]:
    """Sentences of other documents that share phrases with ``tree`` but copy none of it:
    the share of their n-grams found in ``tree`` is within :data:`SIMILAR_OVERLAP`."""
    lang = tree.lang
    pool = list(extra) if extra is not None else list(_corpus_sentences(lang))
    n = 4 if lang == "zh" else 3
    own: set[tuple[str, ...]] = set()
    for c in tree.walk():
        own |= _grams(c.content, lang, n)
    lo, hi = (20, 120) if lang == "zh" else (60, 400)
    low, high = SIMILAR_OVERLAP
    out = []
    for s in pool:
        g = _grams(s, lang, n)
        if lo <= len(s) <= hi and g and low <= len(g & own) / len(g) < high:
            out.append(s)
    return out


def _sub_term(text: str, lang: str, rng: random.Random) -> str | None:
    """``text`` with one substitution-table term replaced (None if it has none)."""
    subs = SUBS_ZH if lang == "zh" else SUBS_EN
    hits = []
    for term, repl in subs.items():
        pattern = re.escape(term) if lang == "zh" else rf"\b{re.escape(term)}\b"
        for m in re.finditer(pattern, text, flags=0 if lang == "zh" else re.IGNORECASE):
            hits.append((m.start(), m.end(), _match_case(m.group(), repl)))
    if not hits:
        return None
    s, e, r = rng.choice(sorted(hits))
    return text[:s] + r + text[e:]


# --- the generator --------------------------------------------------------------------------------


class _Reviser:
    def __init__(
        self, tree: ClauseTree, rng: random.Random, pool: list[str], similar: Sequence[str] = ()
    ) -> None:
        self.tree = tree
        self.similar = list(similar)
        self.cases: list[tuple[str, list[_Node], dict[str, Any]]] = []
        """(hard edit, its nodes in B, details), turned into :class:`Case` by ``_truth``."""
        self.lang = tree.lang
        self.rng = rng
        self.pool = pool
        self.roots = [_Node.of(c) for c in tree.clauses]
        self.next_in_a: dict[str, str] = {}
        """A path → path of its next sibling in A (merges join clauses adjacent in A)."""
        for holder in (tree.clauses, *(c.children for c in tree.walk())):
            for x, y in itertools.pairwise(holder):
                self.next_in_a[x.path] = y.path
        self.used: set[str] = set()
        """A paths already edited (never edited twice)."""
        self.notes: list[tuple[str, tuple[_Node, ...], str]] = []
        """(edit, nodes in B, detail) to describe once B paths are known."""
        self.reworded: dict[int, tuple[float, float]] = {}
        self.punct_ids: set[int] = set()
        self.moved: set[int] = set()
        self.cross: set[int] = set()
        self.swaps: list[tuple[_Node, _Node]] = []
        self.dropped_desc: list[str] = []

    # helpers
    def _all(self) -> list[tuple[_Node, list[_Node]]]:
        """(node, siblings list) for every node."""
        out: list[tuple[_Node, list[_Node]]] = []

        def visit(kids: list[_Node]) -> None:
            for k in kids:
                out.append((k, kids))
                visit(k.children)

        visit(self.roots)
        return out

    def _fresh(self, n: _Node) -> bool:
        return len(n.origin) == 1 and n.origin[0] not in self.used and not n.part

    def _leaves(self, kinds: set[ClauseKind] | None = None) -> list[tuple[_Node, list[_Node]]]:
        return [
            (n, sib)
            for n, sib in self._all()
            if not n.children and n.text and self._fresh(n) and (kinds is None or n.kind in kinds)
        ]

    def _slot(self, kids: list[_Node]) -> int:
        """A random insertion index in ``kids`` that does not separate the halves of a split."""
        slots = [k for k in range(len(kids) + 1) if k == 0 or kids[k - 1].part != "1"]
        return self.rng.choice(slots)

    def _take(self, *nodes: _Node) -> None:
        for n in nodes:
            self.used.update(n.origin)

    # edits: each returns False when nothing suitable is left
    def reword(self) -> bool:
        strength = self.rng.choice(STRENGTHS)
        minimum = 40 if self.lang == "zh" else 150
        cands = [(n, s) for n, s in self._leaves() if len(n.text) >= minimum]
        self.rng.shuffle(cands)
        for n, _ in cands:
            text, measured = reword(n.text, self.lang, strength, self.rng)
            if measured >= strength * 0.8:
                n.text = text
                self._take(n)
                self.reworded[id(n)] = (strength, measured)
                self.notes.append(("reword", (n,), f"s={strength} measured={measured:.2f}"))
                return True
        return False

    def punct(self) -> bool:
        cands = self._leaves()
        self.rng.shuffle(cands)
        for n, _ in cands:
            text = punctuate(n.text, self.lang, self.rng)
            if text != n.text:
                n.text = text
                self._take(n)
                self.punct_ids.add(id(n))
                self.notes.append(("punct", (n,), ""))
                return True
        return False

    def swap(self) -> bool:
        groups: dict[int, list[_Node]] = {}
        for n, sib in self._leaves(_MOVABLE):
            groups.setdefault(id(sib), []).append(n)
        options = [g for g in groups.values() if len(g) >= 2]
        if not options:
            return False
        g = self.rng.choice(options)
        x, y = self.rng.sample(g, 2)
        sib = next(s for n, s in self._all() if n is x)
        i, j = sib.index(x), sib.index(y)
        if x.kind is not y.kind:
            return False
        sib[i], sib[j] = y, x
        self._take(x, y)
        self.moved.update((id(x), id(y)))
        self.swaps.append((x, y) if i < j else (y, x))
        self.notes.append(("swap", (x, y), ""))
        return True

    def move(self) -> bool:
        """Move an item to another parent that holds items of the same kind."""
        parents: dict[int, tuple[_Node, list[_Node]]] = {}
        for n, _sib in self._all():
            if n.children and any(k.kind is ClauseKind.ITEM for k in n.children):
                parents[id(n)] = (n, n.children)
        cands = [(n, sib) for n, sib in self._leaves({ClauseKind.ITEM}) if len(sib) >= 2]
        self.rng.shuffle(cands)
        for n, sib in cands:
            targets = [p for p, kids in parents.values() if kids is not sib]
            if not targets:
                continue
            target = self.rng.choice(targets)
            sib.remove(n)
            target.children.insert(self._slot(target.children), n)
            self._take(n)
            self.moved.add(id(n))
            self.cross.add(id(n))
            self.notes.append(("move", (n,), ""))
            return True
        return False

    def split(self) -> bool:
        cands = self._leaves(_MOVABLE)
        self.rng.shuffle(cands)
        for n, sib in cands:
            sents = sentences(n.text, self.lang)
            if len(sents) < 2:
                continue
            total = len(n.text)
            cut = min(
                range(1, len(sents)),
                key=lambda k: abs(len(_join(sents[:k], self.lang)) - total / 2),
            )
            first, second = _join(sents[:cut], self.lang), _join(sents[cut:], self.lang)
            tail = _Node(n.kind, n.label, "", second, n.origin, segment=n.segment, part="2")
            n.text, n.part = first, "1"
            sib.insert(sib.index(n) + 1, tail)
            self._take(n)
            self.notes.append(("split", (n, tail), ""))
            return True
        return False

    def merge(self) -> bool:
        cands = []
        for n, sib in self._leaves(_MOVABLE):
            k = sib.index(n)
            if k + 1 < len(sib):
                m = sib[k + 1]
                if (
                    m.kind is n.kind
                    and not m.children
                    and m.text
                    and self._fresh(m)
                    and self.next_in_a.get(n.origin[0]) == m.origin[0]
                ):
                    cands.append((n, m, sib))
        if not cands:
            return False
        n, m, sib = self.rng.choice(cands)
        sep = "" if self.lang == "zh" else " "
        stop = "。" if self.lang == "zh" else ". "
        second = f"{m.heading}{stop}{m.text}" if m.heading else m.text
        n.text = f"{n.text}{sep}{second}"
        n.origin = (*n.origin, *m.origin)
        sib.remove(m)
        self._take(n)
        self.notes.append(("merge", (n,), ""))
        return True

    def drop(self) -> bool:
        cands = [(n, sib) for n, sib in self._leaves(_MOVABLE) if len(sib) >= 2]
        if not cands:
            return False
        n, sib = self.rng.choice(cands)
        sib.remove(n)
        self._take(n)
        self.dropped_desc.append(n.origin[0])
        return True

    def insert(self) -> bool:
        if not self.pool:
            return False
        # parents of leaf clauses of a movable kind; the new clause takes that kind
        spots: list[tuple[list[_Node], ClauseKind, str]] = []
        for n, _sib in self._all():
            kinds = [k.kind for k in n.children if k.kind in _MOVABLE and not k.children]
            if kinds:
                label = next((k.label for k in n.children if k.kind is kinds[0]), "")
                spots.append((n.children, kinds[0], label))
        if not spots:
            return False
        kids, kind, label = self.rng.choice(spots)
        start = self.rng.randrange(len(self.pool))
        count = 2 if self.lang == "zh" and self.rng.random() < 0.6 else 1
        text = _join(self.pool[start : start + count], self.lang)
        del self.pool[start : start + count]
        node = _Node(kind, label, "", text, ())
        kids.insert(self._slot(kids), node)
        self.notes.append(("insert", (node,), ""))
        return True

    # hard-mode edits ------------------------------------------------------------------------
    def _item_parents(self) -> list[_Node]:
        return [n for n, _ in self._all() if any(k.kind is ClauseKind.ITEM for k in n.children)]

    def _long_enough(self, text: str, zh: int, en: int) -> bool:
        return len(text) >= (zh if self.lang == "zh" else en)

    def reword_move(self) -> bool:
        """Reword an item and move it to another section."""
        strength = self.rng.choice(MOVE_STRENGTHS)
        parents = self._item_parents()
        cands = [
            (n, sib)
            for n, sib in self._leaves({ClauseKind.ITEM})
            if len(sib) >= 2 and self._long_enough(n.text, 40, 150)
        ]
        self.rng.shuffle(cands)
        for n, sib in cands:
            targets = [p for p in parents if p.children is not sib]
            if not targets:
                continue
            text, measured = reword(n.text, self.lang, strength, self.rng)
            if measured < strength * 0.8:
                continue
            n.text = text
            target = self.rng.choice(targets)
            sib.remove(n)
            target.children.insert(self._slot(target.children), n)
            self._take(n)
            self.reworded[id(n)] = (strength, measured)
            self.moved.add(id(n))
            self.cross.add(id(n))
            self.notes.append(("reword+move", (n,), f"s={strength} measured={measured:.2f}"))
            self.cases.append(("reword+move", [n], {"strength": (strength, measured)}))
            return True
        return False

    def split_reword(self) -> bool:
        """Split a clause in two and reword one half."""
        cands = self._leaves(_MOVABLE)
        self.rng.shuffle(cands)
        strength = COMBINED_STRENGTH
        for n, sib in cands:
            sents = sentences(n.text, self.lang)
            if len(sents) < 2:
                continue
            total = len(n.text)
            cut = min(
                range(1, len(sents)),
                key=lambda k: abs(len(_join(sents[:k], self.lang)) - total / 2),
            )
            halves = [_join(sents[:cut], self.lang), _join(sents[cut:], self.lang)]
            which = self.rng.randrange(2)
            if not self._long_enough(halves[which], 30, 100):
                continue
            text, measured = reword(halves[which], self.lang, strength, self.rng)
            (keep,) = kept_shares([halves[which]], text, self.lang)
            if measured < strength * 0.8 or keep < COMBINED_KEEP:
                continue
            halves[which] = text
            tail = _Node(n.kind, n.label, "", halves[1], n.origin, segment=n.segment, part="2")
            n.text, n.part = halves[0], "1"
            sib.insert(sib.index(n) + 1, tail)
            self._take(n)
            detail = f"half {which + 1} s={strength} measured={measured:.2f} kept={keep:.2f}"
            self.notes.append(("split+reword", (n, tail), detail))
            self.cases.append(
                ("split+reword", [n, tail], {"strength": (strength, measured), "note": detail})
            )
            return True
        return False

    def merge_reword(self) -> bool:
        """Merge two adjacent clauses and reword the result."""
        cands = []
        for n, sib in self._leaves(_MOVABLE):
            k = sib.index(n)
            if k + 1 < len(sib):
                m = sib[k + 1]
                if (
                    m.kind is n.kind
                    and not m.children
                    and m.text
                    and self._fresh(m)
                    and self.next_in_a.get(n.origin[0]) == m.origin[0]
                ):
                    cands.append((n, m, sib))
        self.rng.shuffle(cands)
        strength = COMBINED_STRENGTH
        sep = "" if self.lang == "zh" else " "
        stop = "。" if self.lang == "zh" else ". "
        for n, m, sib in cands:
            second = f"{m.heading}{stop}{m.text}" if m.heading else m.text
            joined = f"{n.text}{sep}{second}"
            text, measured = reword(joined, self.lang, strength, self.rng)
            keep = kept_shares([n.text, f"{sep}{second}"], text, self.lang)
            if measured < strength * 0.8 or min(keep) < COMBINED_KEEP:
                continue
            n.text = text
            n.origin = (*n.origin, *m.origin)
            sib.remove(m)
            self._take(n)
            detail = f"s={strength} measured={measured:.2f} kept={keep[0]:.2f}/{keep[1]:.2f}"
            self.notes.append(("merge+reword", (n,), detail))
            self.cases.append(
                ("merge+reword", [n], {"strength": (strength, measured), "note": detail})
            )
            return True
        return False

    def heavy_reword(self) -> bool:
        """Reword a clause in place by 0.6 or 0.7."""
        strength = self.rng.choice(HARD_STRENGTHS)
        cands = [(n, s) for n, s in self._leaves() if self._long_enough(n.text, 80, 300)]
        self.rng.shuffle(cands)
        for n, _ in cands:
            text, measured = reword(n.text, self.lang, strength, self.rng)
            if measured >= strength * 0.8:
                (keep,) = kept_shares([n.text], text, self.lang)
                n.text = text
                self._take(n)
                self.reworded[id(n)] = (strength, measured)
                detail = f"s={strength} measured={measured:.2f} kept={keep:.2f}"
                self.notes.append(("reword", (n,), detail))
                self.cases.append(
                    (f"reword {strength}", [n], {"strength": (strength, measured), "note": detail})
                )
                return True
        return False

    def _spots(self, min_kids: int = 1) -> list[tuple[list[_Node], ClauseKind, str]]:
        """(children, kind, label) of parents of leaf clauses of a movable kind."""
        spots: list[tuple[list[_Node], ClauseKind, str]] = []
        for n, _sib in self._all():
            kinds = [k.kind for k in n.children if k.kind in _MOVABLE and not k.children]
            if len(kinds) >= min_kids:
                label = next((k.label for k in n.children if k.kind is kinds[0]), "")
                spots.append((n.children, kinds[0], label))
        return spots

    def _similar_text(self) -> str | None:
        if not self.similar:
            return None
        start = self.rng.randrange(len(self.similar))
        count = 2 if self.lang == "zh" and self.rng.random() < 0.6 else 1
        text = _join(self.similar[start : start + count], self.lang)
        del self.similar[start : start + count]
        return text

    def insert_similar(self) -> bool:
        """Insert a clause of sentences that share phrases with the document."""
        spots = self._spots()
        if not spots or not self.similar:
            return False
        kids, kind, label = self.rng.choice(spots)
        text = self._similar_text()
        assert text is not None
        node = _Node(kind, label, "", text, ())
        kids.insert(self._slot(kids), node)
        self.notes.append(("insert similar", (node,), ""))
        self.cases.append(("new (similar topic)", [node], {}))
        return True

    def collage(self) -> bool:
        """Insert a clause made of one sentence each of two existing clauses (kept as they are)."""
        spots = self._spots()
        sources = [
            (n, sents)
            for n, _ in self._leaves()
            if n.kind not in _FIXED
            and len(sents := [x.strip() for x in sentences(n.text, self.lang)]) >= 2
        ]
        if not spots or len(sources) < 2:
            return False
        (p, sp), (q, sq) = self.rng.sample(sources, 2)
        first, second = self.rng.choice(sp), self.rng.choice(sq)
        kids, kind, label = self.rng.choice(spots)
        node = _Node(kind, label, "", _join([first, second], self.lang), ())
        kids.insert(self._slot(kids), node)
        self._take(p, q)
        self.notes.append(("collage", (node, p, q), ""))
        self.cases.append(("new (collage)", [node], {"sources": [p, q]}))
        return True

    def near_dup(self) -> bool:
        """Drop an item and insert a near-duplicate of it under another section."""
        parents = self._item_parents()
        cands = [
            (n, sib)
            for n, sib in self._leaves({ClauseKind.ITEM})
            if len(sib) >= 2 and n.heading and self._long_enough(n.text, 40, 150)
        ]
        self.rng.shuffle(cands)
        for n, sib in cands:
            targets = [p for p in parents if p.children is not sib]
            heading = _sub_term(n.heading, self.lang, self.rng)
            if not targets or heading is None:
                continue
            text, measured = reword(n.text, self.lang, NEAR_DUP_STRENGTH, self.rng)
            if measured < NEAR_DUP_STRENGTH * 0.8:
                continue
            old = n.heading
            n.heading, n.text = heading, text
            sib.remove(n)
            target = self.rng.choice(targets)
            target.children.insert(self._slot(target.children), n)
            self._take(n)
            self.reworded[id(n)] = (NEAR_DUP_STRENGTH, measured)
            self.moved.add(id(n))
            self.cross.add(id(n))
            detail = f"heading {old!r}→{heading!r} text measured={measured:.2f}"
            self.notes.append(("drop+near-dup", (n,), detail))
            self.cases.append(
                ("drop+near-dup", [n], {"strength": (NEAR_DUP_STRENGTH, measured), "note": detail})
            )
            return True
        return False

    def cascade(self) -> bool:
        """Insert a new clause first among the most siblings (all later ones renumbered)."""
        spots = [spot for spot in self._spots(min_kids=4) if spot[0][0].origin]
        if not spots:
            return False
        kids, kind, label = self.rng.choice(spots)
        text = self._similar_text()
        if text is None:
            if not self.pool:
                return False
            text = self.pool.pop(self.rng.randrange(len(self.pool)))
        node = _Node(kind, label, "", text, ())
        kids.insert(0, node)
        self.notes.append(("cascade", (node,), ""))
        self.cases.append(("cascade", [node], {"kids": kids}))
        return True

    def section_swap(self) -> bool:
        """Swap two sibling sections that hold items (the items go with them)."""
        groups: dict[int, list[_Node]] = {}
        for n, sib in self._all():
            if n.children and n.kind in _MOVABLE and self._fresh(n):
                groups.setdefault(id(sib), []).append(n)
        options = [g for g in groups.values() if len(g) >= 2]
        if not options:
            return False
        g = self.rng.choice(options)
        x, y = self.rng.sample(g, 2)
        if x.kind is not y.kind:
            return False
        sib = next(s for n, s in self._all() if n is x)
        i, j = sib.index(x), sib.index(y)
        sib[i], sib[j] = y, x
        self._take(x, y)
        self.moved.update((id(x), id(y)))
        self.swaps.append((x, y) if i < j else (y, x))
        self.notes.append(("section swap", (x, y), ""))
        self.cases.append(("section swap", [x, y], {}))
        return True


def make_revision(
    tree: ClauseTree,
    seed: int,
    edits: int | None = None,
    pool: Sequence[str] | None = None,
    hard: bool = False,
) -> tuple[ClauseTree, Truth]:
    """A revised copy of ``tree`` with ``edits`` random edits (default 3–7) and its truth.

    ``pool`` gives the sentences inserted clauses are made of (default: sentences of the
    other bundled documents in the same language that share little wording with ``tree``).
    ``hard`` mixes in the edits of :data:`HARD_EDITS` (the default mode is unaffected: the
    same seed gives the same revision as before hard mode existed).
    """
    rng = random.Random(seed)
    count = rng.randint(3, 7) if edits is None else edits
    rev = _Reviser(tree, rng, material(tree, pool), similar_material(tree, pool) if hard else ())
    actions: dict[str, Callable[[], bool]] = {
        "reword": rev.reword,
        "punct": rev.punct,
        "swap": rev.swap,
        "move": rev.move,
        "split": rev.split,
        "merge": rev.merge,
        "drop": rev.drop,
        "insert": rev.insert,
    }
    types: tuple[str, ...] = EDIT_TYPES
    weights: tuple[int, ...] = _WEIGHTS
    if hard:
        types, weights = _HARD_TYPES, _HARD_WEIGHTS
        actions.update({
            "reword+move": rev.reword_move,
            "split+reword": rev.split_reword,
            "merge+reword": rev.merge_reword,
            "heavy": rev.heavy_reword,
            "similar": rev.insert_similar,
            "collage": rev.collage,
            "near-dup": rev.near_dup,
            "cascade": rev.cascade,
            "section swap": rev.section_swap,
        })  # fmt: skip
    done = attempts = 0
    while done < count and attempts < count * 20:
        attempts += 1
        kind = rng.choices(types, weights)[0]
        if actions[kind]():
            done += 1
    templates: dict[ClauseKind, str] = {}
    for c in tree.walk():
        templates.setdefault(c.kind, c.label)
    _renumber(rev.roots, _continuing_kinds(tree), templates)
    revised = ClauseTree(
        tree.doc,
        tree.lang,
        tree.title,
        tree.number,
        tree.front,
        tuple(n.freeze() for n in rev.roots),
    )
    return revised, _truth(tree, rev)


def _sibling_paths(tree: ClauseTree, path: str) -> list[str]:
    """Paths of ``path`` and its siblings in ``tree``, in order."""
    parent = path.rpartition(".")[0]
    holder = tree.find(parent) if parent else None
    return [c.path for c in (holder.children if holder else tree.clauses)]


def _truth(tree: ClauseTree, rev: _Reviser) -> Truth:
    t = Truth()
    nodes = [n for root in rev.roots for n in root.walk()]
    halves: dict[str, list[_Node]] = {}
    for n in nodes:
        if not n.origin:
            t.new.add(n.path)
            continue
        for a in n.origin:
            t.pairs.add((a, n.path))
        if n.part:
            halves.setdefault(n.origin[0], []).append(n)
        elif len(n.origin) > 1:
            t.merges.append(((n.origin[0], n.origin[1]), n.path))
            t.kinds[(n.origin, (n.path,))] = "merged"
        else:
            a = n.origin[0]
            if a != n.path:
                t.renumbered.add(a)
            if id(n) in rev.reworded:
                t.kinds[((a,), (n.path,))] = "reworded"
                t.reworded[a] = rev.reworded[id(n)]
            elif id(n) in rev.punct_ids or id(n) in rev.moved:
                t.kinds[((a,), (n.path,))] = "unchanged"
            if id(n) in rev.punct_ids:
                t.punct.add(a)
            if id(n) in rev.moved:
                t.moved.add(a)
            if id(n) in rev.cross:
                t.cross_moves.add(a)
    for a, (h1, h2) in halves.items():
        t.splits.append((a, (h1.path, h2.path)))
        t.kinds[((a,), (h1.path, h2.path))] = "split"
    t.swaps = [(x.origin[0], y.origin[0]) for x, y in rev.swaps]
    t.may_move = set(t.moved)
    for x, y in t.swaps:
        kids = _sibling_paths(tree, x)
        i, j = sorted((kids.index(x), kids.index(y)))
        t.may_move.update(kids[i : j + 1])
    linked = {a for a, _ in t.pairs}
    t.dropped = {p for p in tree.paths() if p not in linked}
    for what, ns, detail in rev.notes:
        desc = ", ".join(f"{'+'.join(n.origin) or '∅'}→{n.path}" for n in ns)
        t.edits.append(f"{what} {desc} {detail}".rstrip())
    t.edits.extend(f"drop {a}" for a in rev.dropped_desc)
    t.cases = [_case(t, edit, ns, info) for edit, ns, info in rev.cases]
    return t


def _expect(t: Truth, n: _Node, moved: bool | None = None) -> Expect:
    """The link a clause of B should have (a 1:1 or merged one; not a split half)."""
    if not n.origin:
        return Expect((), (n.path,), "new")
    if moved is None and n.origin[0] not in t.may_move:
        moved = False
    return Expect(n.origin, (n.path,), t.kinds.get((n.origin, (n.path,)), "unchanged"), moved)


def _untouched(t: Truth, n: _Node) -> bool:
    """Whether no other edit changed the text or place of ``n`` (a cascade or section swap
    checks only these: the other edits are scored on their own)."""
    if len(n.origin) != 1 or n.part:
        return False
    a = n.origin[0]
    return a not in t.moved and t.kinds.get(((a,), (n.path,)), "unchanged") == "unchanged"


def _case(t: Truth, edit: str, ns: list[_Node], info: dict[str, Any]) -> Case:
    a = tuple(x for n in ns for x in n.origin)
    b = tuple(n.path for n in ns)
    moved_any: frozenset[str] = frozenset()
    if edit in ("reword+move", "drop+near-dup"):
        expect = [_expect(t, ns[0], moved=True)]
    elif edit == "split+reword":
        expect = [Expect(ns[0].origin, b, "split")]
        a = ns[0].origin
    elif edit == "new (collage)":
        (node,), sources = ns, info["sources"]
        expect = [_expect(t, node), *(_expect(t, p) for p in sources)]
        a = tuple(p.origin[0] for p in sources)
    elif edit == "cascade":
        (node,), kids = ns, info["kids"]
        later = kids[kids.index(node) + 1 :]
        expect = [_expect(t, node)]
        expect += [_expect(t, k) for k in later if _untouched(t, k)]
    elif edit == "section swap":
        moved_any = frozenset(a)
        expect = [_expect(t, n, moved=None) for n in ns]
        for n in ns:
            expect += [_expect(t, k) for k in n.walk()[1:] if _untouched(t, k)]
    else:  # merge+reword, reword 0.6 / 0.7, new (similar topic)
        expect = [_expect(t, ns[0])]
    return Case(edit, a, b, tuple(expect), moved_any, info.get("strength"), info.get("note", ""))
