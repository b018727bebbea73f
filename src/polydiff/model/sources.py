"""What ``polydiff sources`` finds: for each passage of a text, the corpus clauses it
reuses (quotes, paraphrases, summarises), with the matched spans in both texts."""

from __future__ import annotations

from polydiff.model.comparison import Op
from polydiff.model.lineage import LinkKind, Span
from polydiff.record import record


@record
class SourceMatch:
    """One corpus clause a passage reuses."""

    doc: str
    date: str
    path: str
    kind: LinkKind
    score: float
    """Share of the source clause's weight the passage reproduces (0–1)."""
    spans: tuple[Span, ...]
    """Offsets into the source clause's content (from) and the passage's (to)."""
    source_text: str
    """The source clause's content, in the language of the query."""
    ops: tuple[Op, ...]
    """Wording diff from the source's matched stretch to the passage's."""
    other_lang: str = ""
    other_text: str = ""
    """The same clause (same path) in the document's other language, if it has one."""

    @property
    def ref(self) -> str:
        return f"{self.doc}#{self.path}"


@record
class PassageSources:
    """A passage of the text (its path in the text's clause tree) and its sources, earliest
    first."""

    path: str
    text: str
    start: int
    """Offset in the text as given of the passage's body (its text, or its heading when it
    has none); -1 when the parser changed it (a joined line) so that it is not found."""
    sources: tuple[SourceMatch, ...]

    @property
    def reused(self) -> int:
        """Characters of the passage that some source explains."""
        covered: set[int] = set()
        for match in self.sources:
            for s in match.spans:
                covered.update(range(s.to_start, s.to_end))
        return len(covered)


@record
class DocShare:
    """How much of the text one corpus document explains."""

    doc: str
    date: str
    title: str
    chars: int
    links: int


@record
class SourcesReport:
    """The sources of a text, against the corpus in one language."""

    name: str
    lang: str
    passages: tuple[PassageSources, ...]
    """Every passage, with or without sources."""
    by_doc: tuple[DocShare, ...]
    """Documents by the share they explain, largest first."""
    corpus_docs: int
    index: str
    """``cached`` or ``built`` (the corpus index was made for this query)."""

    @property
    def total(self) -> int:
        return sum(len(p.text) for p in self.passages)

    @property
    def reused(self) -> int:
        return sum(p.reused for p in self.passages)

    @property
    def share(self) -> float:
        return self.reused / self.total if self.total else 0.0

    @property
    def found(self) -> bool:
        return any(p.sources for p in self.passages)
