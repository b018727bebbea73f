"""Nesting labelled paragraphs into a clause tree: levels from the numbering schemes,
numbering checks, paths.

Inside an article (第三条, Article 3) the labelled clauses are its items (项 （一）, then 目
1.): their kind is ``item`` (``subitem`` below that), they never have a heading, and an
unlabelled paragraph after them is the article's next paragraph (款), not the last item's.
"""

from __future__ import annotations

from polydiff.model import Clause, ClauseKind
from polydiff.parse.headings import split_heading
from polydiff.parse.numbering import HeadingRule, Label, Style, match_labels, numeral_for
from polydiff.parse.warnings import ParseWarning, WarningKind
from polydiff.record import field, record

_Key = tuple[Style, int]


@record(frozen=False)
class _Node:
    """A clause under construction."""

    path: str
    kind: ClauseKind
    key: _Key | None = None
    rank: float | None = None
    division: bool = False
    number: int = 0
    label: str = ""
    heading: str = ""
    text: str = ""
    children: list[_Node] = field(default_factory=list)
    paragraphs: int = 0
    headings: int = 0
    in_article: bool = False
    """An item of an article (or below one)."""
    last_of: dict[_Key, _Node] = field(default_factory=dict)
    """The last child of each numbering key (a long list is checked in constant time)."""

    def freeze(self) -> Clause:
        return Clause(
            self.path,
            self.kind,
            self.label,
            self.heading,
            self.text,
            tuple(c.freeze() for c in self.children),
        )

    def child_path(self, segment: str) -> str:
        return f"{self.path}.{segment}" if self.path else segment


class TreeBuilder:
    """Nests labelled paragraphs by scheme, checks numbering, assigns paths."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.root = _Node("", ClauseKind.PARAGRAPH)
        self.stack: list[_Node] = []
        self.used: set[str] = set()
        self.last_number: dict[_Key, int] = {}
        self.warnings: list[ParseWarning] = []
        self.leftover = ""
        """Body text that starts with a deeper label: the caller parses it as a paragraph."""

    @property
    def top(self) -> _Node:
        return self.stack[-1] if self.stack else self.root

    def _depth_for(self, key: _Key, rank: float | None, division: bool) -> int:
        """How many stack entries stay when a clause of ``key`` opens."""
        for i, node in enumerate(self.stack):
            if node.key == key:
                return i
        depth = len(self.stack)
        if rank is None:
            return depth
        if division:  # closes everything down to a division ranked above it
            while depth and not (
                (n := self.stack[depth - 1]).division and n.rank is not None and n.rank < rank
            ):
                depth -= 1
            return depth
        while depth and (r := self.stack[depth - 1].rank) is not None and r >= rank:
            depth -= 1
        return depth

    def choose(self, paragraph: str) -> Label | None:
        """The reading of the label of ``paragraph`` that continues an open list (``(i)``
        after ``(h)`` is a letter), else the usual one; None without a label (a tentative
        one that continues nothing is text)."""
        found = match_labels(paragraph)
        for label in found if len(found) > 1 else ():
            for node in self.stack:
                if node.key == label.key and label.number == node.number + 1:
                    return label
        if found and found[0].tentative and not self._continues(found[0]):
            return None
        return found[0] if found else None

    def _continues(self, label: Label) -> bool:
        """Whether a decimal label is the next one under the clause its prefix names."""
        depth = self._depth_for(label.key, label.rank, label.scheme.division)
        parent = self.stack[depth - 1] if depth else self.root
        if not _prefix_fits(label, parent):
            return False
        last = parent.last_of.get(label.key)
        return label.number == (last.number + 1 if last else 1)

    def add_labelled(self, label: Label, line: int) -> bool:
        """Open a clause for ``label``; False if its path is taken (then it is text)."""
        scheme = label.scheme
        depth = self._depth_for(label.key, label.rank, scheme.division)
        parent = self.stack[depth - 1] if depth else self.root
        if scheme.style is Style.MARKDOWN:
            return self._open_heading(depth, parent, label)
        segment = f"{scheme.segment}{label.number}"
        path = parent.child_path(segment)
        if path in self.used:
            self._warn(
                line,
                WarningKind.REPEATED,
                f"label {label.text!r} repeats clause {path}; kept as paragraph text",
            )
            return False
        self._check_number(label, parent, line)
        in_article = parent.kind is ClauseKind.ARTICLE or parent.in_article
        rule = HeadingRule.ALWAYS if label.markdown else scheme.heading_rule(self.lang)
        if in_article and not scheme.division:
            rule = HeadingRule.NONE
        heading, body = split_heading(label.rest, self.lang, rule)
        inner = match_labels(body) if heading and body else []
        if inner and _nests_under(inner[0], label):
            self.leftover = body  # （一）夯实发展基础。1.巩固网络基础。… : item 1 starts here
            body = ""
        kind = scheme.kind
        if in_article and not scheme.division:
            kind = ClauseKind.SUBITEM if parent.in_article else ClauseKind.ITEM
        node = _Node(
            path, kind, label.key, label.rank, scheme.division, label.number, label.text,
            heading, body, in_article=in_article and not scheme.division,
        )  # fmt: skip
        self._open(depth, parent, node)
        self.last_number[label.key] = label.number
        return True

    def _check_number(self, label: Label, parent: _Node, line: int) -> None:
        if not _prefix_fits(label, parent):
            where = parent.path or "the top"
            self._warn(line, WarningKind.NUMBERING, f"label {label.text} under {where}")
            return
        sibling = parent.last_of.get(label.key)
        last = self.last_number.get(label.key, 0)
        # SEC. 201. under TITLE II: hundreds are the number of the title
        first = {1, last + 1, parent.number * 100 + 1}
        expected = {sibling.number + 1} if sibling else first
        if label.number in expected:
            return
        if sibling:
            where = f"from {sibling.label} to {label.text}"
        elif last:
            where = f"from {_written(label, last)} to {label.text}"
        else:
            where = f"starts at {label.text}"
        self._warn(
            line, WarningKind.NUMBERING, f"numbering {where} under {parent.path or 'the top'}"
        )

    def add_heading(self, text: str) -> None:
        """Open an unnumbered essay heading (``h1``, ``h2``…)."""
        depth = self._depth_for((Style.HEADING, 0), None, False)
        parent = self.stack[depth - 1] if depth else self.root
        self._open_heading(depth, parent, None, text)

    def _open_heading(self, depth: int, parent: _Node, label: Label | None, text: str = "") -> bool:
        parent.headings += 1
        key: _Key = label.key if label else (Style.HEADING, 0)
        heading = split_heading(label.rest, self.lang, HeadingRule.ALWAYS)[0] if label else text
        node = _Node(
            parent.child_path(f"h{parent.headings}"), ClauseKind.HEADING, key,
            label.rank if label else None, label is not None, parent.headings,
            label.text if label else "", heading,
        )  # fmt: skip
        self._open(depth, parent, node)
        return True

    def add_paragraph(self, text: str) -> None:
        """An unnumbered paragraph of the innermost open clause (of the article, after its
        items)."""
        while self.stack and self.stack[-1].in_article:
            self.stack.pop()
        parent = self.top
        parent.paragraphs += 1
        path = parent.child_path(f"p{parent.paragraphs}")
        parent.children.append(_Node(path, ClauseKind.PARAGRAPH, text=text))
        self.used.add(path)

    def _open(self, depth: int, parent: _Node, node: _Node) -> None:
        del self.stack[depth:]
        parent.children.append(node)
        if node.key is not None:
            parent.last_of[node.key] = node
        self.stack.append(node)
        self.used.add(node.path)

    def _warn(self, line: int, kind: WarningKind, message: str) -> None:
        self.warnings.append(ParseWarning(line, message, kind))

    def clauses(self) -> list[Clause]:
        """The clauses built so far, frozen."""
        return [c.freeze() for c in self.root.children]


def _nests_under(inner: Label, outer: Label) -> bool:
    """True when ``inner`` conventionally nests under ``outer`` (both ranked)."""
    return inner.rank is not None and outer.rank is not None and inner.rank > outer.rank


def _prefix_fits(label: Label, parent: _Node) -> bool:
    """Whether the numbers before the last of a decimal label (``3.2`` of ``3.2.1``) are
    the last numbers of the path it nests under (``3.2``, or an article's ``2.3.2``)."""
    if not label.prefix:
        return True
    tail = parent.path.split(".")[-len(label.prefix) :]
    return tail == [str(n) for n in label.prefix]


def _written(label: Label, number: int) -> str:
    if label.style is Style.DECIMAL:
        return ".".join(str(n) for n in (*label.prefix, number))
    return numeral_for(label.style, number)
