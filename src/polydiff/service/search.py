"""Find clauses by their words, in every document and language (the terminal UI's ``/``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from polydiff.model import ClauseTree
from polydiff.normalize import normalize
from polydiff.record import record

CONTEXT = 18
"""Characters shown before a match (twice as many after)."""
LIMIT = 200


@record
class Hit:
    """A clause whose heading or text contains the query."""

    doc: str
    path: str
    lang: str
    before: str
    match: str
    after: str

    @property
    def ref(self) -> str:
        return f"{self.doc}#{self.path}"


def _fold(text: str) -> str:
    return normalize(text).casefold()


def find_clauses(
    documents: Iterable[tuple[str, Mapping[str, ClauseTree]]], query: str, limit: int = LIMIT
) -> list[Hit]:
    """Clauses of ``documents`` (doc id, trees per language) containing ``query`` (case,
    width and quote style ignored), in document order, at most ``limit``."""
    q = query.strip()
    if not q:
        return []
    qf, qn = q.casefold(), _fold(q)
    hits: list[Hit] = []
    for doc, trees in documents:
        for lang, tree in trees.items():
            for c in tree.walk():
                content = c.content.replace("\n", " ")
                at = content.casefold().find(qf)
                if at < 0:
                    if qn not in _fold(content):
                        continue
                    at, length = 0, 0
                else:
                    length = len(q)
                start = max(0, at - CONTEXT)
                hits.append(
                    Hit(
                        doc,
                        c.path,
                        lang,
                        ("…" if start else "") + content[start:at],
                        content[at : at + length],
                        content[at + length : at + length + 2 * CONTEXT] + "…",
                    )
                )
                if len(hits) >= limit:
                    return hits
    return hits
