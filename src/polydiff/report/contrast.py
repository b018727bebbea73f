"""The 新旧对照表 (old/new comparison table) as rows: what the Word and Excel renderers
share. One row per link: the earlier text with its deletions, the later text with its
insertions, and a note (kind, moved/renumbered, similarity)."""

from __future__ import annotations

from collections.abc import Sequence

from polydiff.model import ClauseTree, DocMeta
from polydiff.model.comparison import Comparison, Link
from polydiff.record import record
from polydiff.report.segments import similarity_text, trim_context

Segments = tuple[tuple[str, str], ...]
"""``("=", text)`` unchanged, ``("-", text)`` deleted, ``("+", text)`` inserted."""


@record
class Side:
    """What the table says about one of the two documents."""

    name: str
    """As compared (``gf-2025-11``, ``gf-2025-11@HEAD~1``, a file name)."""
    title: str = ""
    number: str = ""
    issuer: str = ""
    date: str = ""

    @classmethod
    def of(cls, name: str, tree: ClauseTree, meta: DocMeta | None = None) -> Side:
        """From a document's metadata where there is one, else from its parsed text."""
        if meta is None:
            return cls(name, tree.title, tree.number)
        title = meta.title.get(tree.lang) or tree.title or meta.display_title(tree.lang)
        return cls(name, title, meta.number or tree.number, meta.issuer, meta.date)

    def facts(self) -> list[tuple[str, str]]:
        """(label, value) pairs of what is known, for the heading of the table."""
        pairs = [("文件 document", self.name), ("标题 title", self.title)]
        pairs += [("文号 number", self.number), ("发文机关 issuer", self.issuer)]
        pairs.append(("日期 date", self.date))
        return pairs


@record
class Row:
    """One link of the comparison."""

    link: Link
    earlier: Segments
    """A's text: unchanged and deleted segments."""
    later: Segments
    """B's text: unchanged and inserted segments."""
    note: str


HEADINGS = ("修改前 earlier", "修改后 later", "说明 note")
TITLE = "新旧对照表"


def note(link: Link) -> str:
    """``2.1.1: reworded; similarity 0.93`` / ``(new) → 2.6.3: new`` / ``3.14: unchanged;
    moved; similarity 1.00`` / ``2.4.3 → 2.4.2: unchanged; renumbered from 2.4.3; …``."""
    a = ", ".join(link.a) or "(new)"
    b = ", ".join(link.b) or "(dropped)"
    parts = [link.kind.label]
    if link.moved:
        parts.append(f"moved from {a}" if a != b else "moved")
    if link.renumbered and not link.moved:
        parts.append(f"renumbered from {a}")
    if link.kind.compared:
        parts.append(f"similarity {similarity_text(link.similarity)}")
    elif link.reason:
        parts.append(link.reason)
    where = a if a == b else f"{a} → {b}"
    return f"{where}: {'; '.join(parts)}"


def rows(cmp: Comparison, show_all: bool = False, context: int | None = None) -> list[Row]:
    """The table's rows in the comparison's order; unchanged clauses only with ``show_all``."""
    out = []
    for link in cmp.links:
        if not (show_all or link.changed):
            continue
        ops = trim_context(link.ops, context)
        out.append(
            Row(
                link,
                tuple((op, t) for op, t in ops if op in "=-"),
                tuple((op, t) for op, t in ops if op in "=+"),
                note(link),
            )
        )
    return out


def summary(cmp: Comparison) -> str:
    """``reworded 2 · new 1 · dropped 1 · moved 1 · renumbered 1 · similarity 0.98``."""
    counts: Sequence[tuple[str, int]] = [
        *((k, n) for k, n in cmp.summary.items() if n),
        *((k, n) for k, n in cmp.flags.items() if n),
    ]
    text = " · ".join(f"{k} {n}" for k, n in counts)
    return f"{text} · similarity {similarity_text(cmp.similarity)}" if text else "no clauses"
