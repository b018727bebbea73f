"""Hostile versions of real texts, and the JSON contract of a comparison, for the property
tests (tests/parse/test_mutations.py) and the CLI fuzz (tests/cli/fuzzing.py).

``mutate`` takes a window of one of the bundled raw texts and applies what real files and
careless editing do to text: labels of every scheme (and of none) at line starts, odd
Unicode (BOMs, zero-width and line-separator characters, combining marks, astral
characters, control characters), shuffled, duplicated, dropped and joined lines,
re-wrapping at odd widths, and random strings.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from polydiff.model import ClauseTree
from polydiff.model.comparison import TITLE
from polydiff.normalize import normalize
from tests.conftest import raw_text

TEXTS = tuple(
    (doc, lang)
    for doc in ("gf-2025-11", "ndrc-2025-0826", "gmrb-2025-1025")
    for lang in ("zh", "en")
)
LABELS = (
    "一、", "十四、", "一百、", "一百零二、", "（一）", "(二十)", "1.", "2．", "99、", "100.", "102.",
    "（1）", "(3)", "①", "⑳", "一是", "第一章 ", "第二节 ", "第一千二百条 ", "第3条 ", "第一编 ",
    "I. ", "XIV. ", "(I) ", "(IV) ", "(A) ", "(C) ", "(i) ", "(ii) ", "(h) ", "(a) ", "(z) ",
    "1.1 ", "4.2.1 ", "0.5 ", "1.1.1.1.1.1 ", "Article 3 ", "ARTICLE IV ", "Chapter II ",
    "CHAPTER 1 ", "Section 2. ", "SEC. 101. ", "§ 4 ", "Part 2 ", "Schedule 1 ", "Annex I ",
    "TITLE II—", "# ", "## ", "###### ", "####### ", "- ", "* ", "First, ", "Secondly, ",
    "1) ", "A. ", "a) ", "⑴", "Ⅳ.", "§", "(", "（", "第", "#",
)  # fmt: skip
ODD = (
    "\ufeff", "\ufeff\ufeff", "\u200b", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r", "\r\n",
    "\t", "\u3000", "\u00a0", "\u2003", "\u0301", "\u200f", "\u202e", "\U0001f600", "\U00020000",
    "\ufffd", "\x00", "\x1b", "…", "...", "！", "？", "。", "—", "--", "-\n", "``", "''", "“", "”",
    "\ufdd0", "\U0010ffff", "\ud7ff", "ﬁ", "Ａ", "１", "〇", "两",
)  # fmt: skip


def _label(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    lines[i] = rng.choice(LABELS) + lines[i]


def _odd(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    pos = rng.randint(0, len(lines[i]))
    lines[i] = lines[i][:pos] + rng.choice(ODD) + lines[i][pos:]


def _random(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    pos = rng.randint(0, len(lines[i]))
    junk = "".join(
        chr(rng.choice((rng.randint(32, 0x2FFF), rng.randint(0x3000, 0x9FFF))))
        for _ in range(rng.randint(1, 6))
    )
    lines[i] = lines[i][:pos] + junk + lines[i][pos:]


def _shuffle(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(2, 8))
    part = lines[i:j]
    rng.shuffle(part)
    lines[i:j] = part


def _duplicate(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    lines.insert(i, lines[i])


def _drop(lines: list[str], rng: random.Random) -> None:
    if len(lines) > 1:
        del lines[rng.randrange(len(lines))]


def _join(lines: list[str], rng: random.Random) -> None:
    if len(lines) > 1:
        i = rng.randrange(len(lines) - 1)
        lines[i : i + 2] = [lines[i] + rng.choice(("", " ")) + lines[i + 1]]


def _wrap(lines: list[str], rng: random.Random) -> None:
    i = rng.randrange(len(lines))
    width = rng.randint(8, 90)
    line = lines[i]
    if line.isascii():
        wrapped = textwrap.wrap(line, width) or [line]
    else:
        wrapped = [line[k : k + width // 2] for k in range(0, len(line), max(1, width // 2))]
    lines[i : i + 1] = wrapped or [line]


def _blank(lines: list[str], rng: random.Random) -> None:
    lines.insert(rng.randint(0, len(lines)), rng.choice(("", " ", "\u3000")))


MUTATIONS: tuple[Callable[[list[str], random.Random], None], ...] = (
    _label, _label, _odd, _odd, _random, _shuffle, _duplicate, _drop, _join, _wrap, _blank,
)  # fmt: skip


def window(rng: random.Random) -> tuple[str, str]:
    """(lang, text): a bundled raw text, whole or a window of its lines."""
    doc, lang = rng.choice(TEXTS)
    lines = raw_text(doc, lang).split("\n")
    if rng.random() < 0.3:
        return lang, "\n".join(lines)
    start = 0 if rng.random() < 0.4 else rng.randrange(len(lines))
    return lang, "\n".join(lines[start : start + rng.randint(1, 40)])


def mutate(text: str, rng: random.Random, count: int | None = None) -> str:
    """``text`` with ``count`` (default 1–8) random mutations."""
    lines = text.split("\n") or [""]
    for _ in range(rng.randint(1, 8) if count is None else count):
        if not lines:
            lines = [""]
        rng.choice(MUTATIONS)(lines, rng)
    return "\n".join(lines)


def contract_violations(
    data: Mapping[str, Any], tree_a: ClauseTree, tree_b: ClauseTree
) -> list[str]:
    """What in ``diff --format json`` output ``data`` breaks its contract for the trees it
    compared: every path of each tree in exactly one link; the ``=`` and ``+`` texts give
    B exactly, the ``-`` and ``=`` texts A up to presentation; similarity in [0, 1]."""
    problems: list[str] = []
    for side, tree in (("a", tree_a), ("b", tree_b)):
        seen = [p for link in data["links"] for p in link[side] if p != TITLE]
        if sorted(seen) != sorted(tree.paths()):
            problems.append(f"{side} paths in links {sorted(seen)} != tree {sorted(tree.paths())}")
        titled = [link for link in data["links"] if TITLE in link[side]]
        if len(titled) != (1 if tree.title.strip() else 0):
            problems.append(f"{side}: title {tree.title!r} in {len(titled)} link(s)")
    clauses_a = {c.path: c for c in tree_a.walk()} | {TITLE: _Title(tree_a.title)}
    clauses_b = {c.path: c for c in tree_b.walk()} | {TITLE: _Title(tree_b.title)}
    for link in data["links"]:
        problems.extend(_link_violations(link, clauses_a, clauses_b, bool(data["headings_only"])))
    return problems


@dataclass(frozen=True)
class _Title:
    """A document's title as the comparison shows it (in the link named ``title``)."""

    title: str

    @property
    def content(self) -> str:
        return self.title.strip()

    heading = content


def _link_violations(
    link: Mapping[str, Any], ca: Mapping[str, Any], cb: Mapping[str, Any], headings_only: bool
) -> list[str]:
    ops: Sequence[Sequence[str]] = link["ops"]
    if not 0.0 <= link["similarity"] <= 1.0 or any(op not in ("=", "-", "+") for op, _ in ops):
        return [f"bad similarity or op in {link}"]
    whole = link["kind"] in ("new", "dropped")

    def content(c: Any) -> str:
        return str(c.content if whole or not headings_only else c.heading)

    want_a = "\n".join(content(ca[p]) for p in link["a"])
    want_b = "\n".join(content(cb[p]) for p in link["b"])
    got_a = "".join(t for op, t in ops if op != "+")
    got_b = "".join(t for op, t in ops if op != "-")
    out = []
    if got_b != want_b:
        out.append(f"{link['kind']} {link['a']}→{link['b']}: B {got_b!r} != {want_b!r}")
    if normalize(got_a) != normalize(want_a):
        out.append(f"{link['kind']} {link['a']}→{link['b']}: A {got_a!r} !~ {want_a!r}")
    return out
