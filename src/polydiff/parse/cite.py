"""Clauses cited by their label: ``第三条``, ``art3``, ``Article 3``, ``SEC. 2``, ``§ 4``,
``ch2``, ``第二章``, ``sch1`` resolve to whatever path the tree gives that clause (article 3
in chapter 2 of a regulation is ``2.3``).

A citation names a *family* (article, chapter, section, part, schedule, title: the
``cite`` column of :data:`polydiff.parse.numbering.SCHEMES`) and a number; Chinese and
English labels of one family are the same clause (``Article 3`` finds 第三条 in the Chinese
tree). A path after the label (``art3.p1``, ``第五条.2``) is taken from there.
"""

from __future__ import annotations

import re

from polydiff.errors import CitationError
from polydiff.model import PATH_RE, Clause, ClauseKind, ClauseTree
from polydiff.parse.numbering import SCHEMES, match_labels
from polydiff.parse.numerals import roman_to_int

ALIASES: dict[str, str] = {
    "art": "article", "arts": "article", "article": "article",
    "ch": "chapter", "chap": "chapter", "chapter": "chapter",
    "s": "section", "sec": "section", "sect": "section", "section": "section", "§": "section",
    "pt": "part", "part": "part",
    "sch": "schedule", "sched": "schedule", "schedule": "schedule", "annex": "schedule",
    "title": "title", "tit": "title",
}  # fmt: skip
"""How users write the family of a cited label (lower case)."""
FAMILIES = frozenset(s.cite for s in SCHEMES if s.cite)
_KIND_FAMILY = {
    ClauseKind.ARTICLE: "article",
    ClauseKind.CHAPTER: "chapter",
    ClauseKind.SCHEDULE: "schedule",
}
"""Families told by kind alone, for clauses stored without a label (outline trees)."""
_WORD = re.compile(r"^(?P<word>[A-Za-z]+|§)\.? ?(?P<num>[0-9]+|[IVXLCivxlc]+)\.?$")
_TAIL = re.compile(r"^(?P<head>.+?)(?P<tail>(?:\.(?:[0-9]+|[ph][0-9]+))*)$")
EXAMPLES = "e.g. 2.1.1, 第三条, art3, 'Article 3', ch2, 'SEC. 4', sch1"


def resolve_path(tree: ClauseTree, cited: str) -> str:
    """The path of the clause ``cited`` names in ``tree``: a path (``2.3``) as it is, a
    label as users cite it (``第三条``, ``Article 3``) as the path of that clause. Raises
    :class:`CitationError` when it names no clause or several."""
    cited = cited.strip()
    where = f"{tree.doc or 'the document'} ({tree.lang})"
    if PATH_RE.match(cited):
        if tree.find(cited) is None:
            raise CitationError(f"no clause {cited} in {where}")
        return cited
    head, tail = _split(cited)
    family, number = parse_citation(head)
    found = [c.path for c in tree.walk() if _cites(c, family, number)]
    if not found:
        raise CitationError(f"no {family} {number} in {where} (cited as {cited!r})")
    if len(found) > 1:
        raise CitationError(
            f"{cited!r} names {len(found)} clauses in {where}: {', '.join(found)}; cite a path"
        )
    path = found[0] + tail
    if tree.find(path) is None:
        raise CitationError(f"no clause {path} in {where} (cited as {cited!r})")
    return path


def _split(cited: str) -> tuple[str, str]:
    """(the cited label, the path after it): ``art3.p1`` → (``art3``, ``.p1``)."""
    m = _TAIL.match(cited)
    assert m is not None  # .+? always matches a non-empty string
    head, tail = m.group("head"), m.group("tail")
    while tail and head.endswith((".", " ")):  # "SEC. 3." is a label, not 3 then "."
        head, tail = head + tail[:1], tail[1:]
    return head, tail


def parse_citation(head: str) -> tuple[str, int]:
    """(family, number) of a cited label: ``第三条`` → (``article``, 3), ``ch2`` →
    (``chapter``, 2), ``SEC. 4`` → (``section``, 4). Raises :class:`CitationError`."""
    for label in match_labels(head):
        if label.scheme.cite and not label.rest.strip():
            return label.scheme.cite, label.number
    m = _WORD.match(head)
    family = ALIASES.get(m.group("word").lower()) if m else None
    if m is None or family is None:
        raise CitationError(f"not a clause path or citation: {head!r} ({EXAMPLES})")
    num = m.group("num")
    return family, int(num) if num.isdigit() else roman_to_int(num)


def _cites(clause: Clause, family: str, number: int) -> bool:
    """Whether ``clause`` is the one of ``family`` numbered ``number``."""
    segment = clause.path.rpartition(".")[2].removeprefix("sch")
    if not segment.isdigit() or int(segment) != number:
        return False
    if not clause.label:
        return _KIND_FAMILY.get(clause.kind) == family
    label = next((x for x in match_labels(clause.label) if x.scheme.cite), None)
    return label is not None and label.scheme.cite == family
