"""Counterparts of an outline's headings in a full text.

An outline (headings only: all that is verified of gf-2015-40) cannot be aligned by
wording. A heading finds its counterpart the way a reader finds it, from the top down:

1. **parts by role, in order**: requirements, actions, support, implementation
   (行动要求 → 总体要求, 重点行动 → 加快实施重点行动, 保障支撑 → 强化基础支撑能力); a part without
   a heading goes to the part of the same number;
2. **sections of the requirements by role**: 总体思路/指导思想 → the guiding paragraph
   (…为指导), 基本原则 → the principles (the guiding paragraph, when they are folded into
   it), 发展目标 → the paragraph of dated targets (到2027年…);
3. **actions by policy field** (:data:`polydiff.align.topics.TOPICS`), after the pair's term
   shift (the prefix the sibling headings share, “互联网+” → “人工智能+”, says only that
   the actions are parallel): 现代农业 → 加快农业数智化转型升级. The field must be named in the
   counterpart's heading, or at least ``BODY_MIN`` times in its text; a field named in a
   third of the document or more (its theme) tells nothing;
4. otherwise **by wording** of the headings (the prefix left out); a heading nearly the
   same as one of the full text's (an outline of the same document) is taken first;

each heading looked for within its parent's counterpart (2.6.3 under the counterpart of
2.6). A heading none of this places has *no counterpart found*: the outline says nothing
of what its section contained.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from polydiff.align.overlap import grams
from polydiff.align.topics import (
    PART_ROLES,
    SECTION_ROLES,
    role_of,
    text_role,
    topic_count,
    topics_of,
)
from polydiff.model import Clause, ClauseTree
from polydiff.normalize import normalize
from polydiff.record import record

BODY_MIN = 2
"""Times a field must be named in a clause's text when its heading does not name it."""
THEME_SHARE = 1 / 3
"""A field named in this share of the later document's clauses or more is its theme."""
WORDING_MIN = 0.5
"""Dice coefficient of heading grams for a counterpart by wording."""
SAME_MIN = 0.8
"""Dice coefficient from which a heading is the same one, whatever its role or field (an
outline of the same document: tried first)."""
PREFIX_MIN = 3
"""Characters of the shortest shared heading prefix taken for a term shift."""
QUOTES = "“”\"'‘’「」"


@record
class Counterpart:
    """An outline heading and the clause of the full text that continues it."""

    outline: str
    """Path in the outline."""
    full: str
    """Path in the full text."""
    score: float
    """How sure, in [0, 1]: 0.9 by role, 0.8 by a field in the heading, 0.6 in the text; by
    wording, the Dice coefficient."""
    reason: str
    """Why, for a reader: ``part: actions``, ``field: agriculture``, ``role: targets``."""


@record
class OutlineMatch:
    """The counterparts of an outline in a full text, and the term shift of its actions."""

    counterparts: tuple[Counterpart, ...]
    unmatched: tuple[str, ...]
    """Outline clauses with no counterpart found (a bare number too, so every clause is in a
    link)."""
    shift: tuple[str, str] | None = None
    """The prefix of the outline's action headings and of the full text's (互联网+, 人工智能+)."""


def is_outline(tree: ClauseTree) -> bool:
    """Headings only, no body text."""
    return not any(c.text for c in tree.walk())


def match_outline(outline: ClauseTree, full: ClauseTree) -> OutlineMatch:
    """Where each heading of ``outline`` went in ``full`` (same language)."""
    return _Matcher(outline, full).run()


class _Matcher:
    def __init__(self, outline: ClauseTree, full: ClauseTree) -> None:
        self.outline, self.full, self.lang = outline, full, outline.lang
        self.by_path = {c.path: c for c in full.walk()}
        texts = [c for c in full.walk() if c.content]
        counted = [topics_of(c.content, self.lang) for c in texts]
        self.themes = {
            t
            for t in set().union(*counted)
            if sum(t in x for x in counted) >= THEME_SHARE * len(texts)
        }
        in_clauses = Counter(g for c in texts for g in self._grams(c.content))
        self.frequent_grams = {g for g, k in in_clauses.items() if k >= THEME_SHARE * len(texts)}
        self.found: dict[str, Counterpart] = {}
        self.shift: tuple[str, str] | None = None

    def run(self) -> OutlineMatch:
        self._parts()
        for clause in self.outline.walk():
            if clause.path in self.found or not clause.heading:
                continue
            parent = self._scope_of(clause)
            found = self._wording(clause, parent, SAME_MIN)  # the same heading, near enough
            found = found or self._section(clause, parent) or self._field(clause, parent)
            found = found or self._wording(clause, parent, WORDING_MIN)
            if found is not None:
                self.found[clause.path] = found
        order = [c for c in self.outline.walk()]
        return OutlineMatch(
            tuple(self.found[c.path] for c in order if c.path in self.found),
            tuple(c.path for c in order if c.path not in self.found),
            self.shift,
        )

    # --- 1. parts -------------------------------------------------------------------------

    def _parts(self) -> None:
        """Top-level parts to parts by role, in order; a part without a heading to the part
        with its number."""
        full_parts = list(self.full.clauses)
        start = 0
        for part in self.outline.clauses:
            if not part.heading:
                same = self.by_path.get(part.path)
                if same is not None and not same.text:
                    self.found[part.path] = Counterpart(
                        part.path, same.path, 0.5, "part: same number"
                    )
                continue
            role = role_of(part.heading, PART_ROLES, self.lang)
            if role is None:
                continue
            for k in range(start, len(full_parts)):
                other = full_parts[k]
                if other.heading and role_of(other.heading, PART_ROLES, self.lang) == role:
                    self.found[part.path] = Counterpart(part.path, other.path, 0.9, f"part: {role}")
                    start = k + 1
                    break

    def _scope_of(self, clause: Clause) -> Clause | None:
        """The counterpart of the nearest ancestor that has one (None: the whole text)."""
        path = clause.path
        while "." in path:
            path = path.rpartition(".")[0]
            if path in self.found:
                return self.by_path[self.found[path].full]
        return None

    def _candidates(self, scope: Clause | None) -> list[Clause]:
        return list(self.full.walk() if scope is None else scope.walk())

    # --- 2. sections of the requirements -----------------------------------------------------

    def _section(self, clause: Clause, scope: Clause | None) -> Counterpart | None:
        role = role_of(clause.heading, SECTION_ROLES, self.lang)
        if role is None or scope is None:
            return None
        parent = self.found.get(clause.path.rpartition(".")[0])
        if parent is None or parent.reason != "part: requirements":
            return None
        candidates = [c for c in self._candidates(scope) if c.content and c is not scope]
        for c in candidates:
            if c.heading and role_of(c.heading, SECTION_ROLES, self.lang) == role:
                return Counterpart(clause.path, c.path, 0.9, f"role: {role}")
        paragraphs = [c for c in candidates if not c.heading]
        for c in paragraphs:
            if role in text_role(c.text):
                return Counterpart(clause.path, c.path, 0.9, f"role: {role}")
        if role == "principles":  # folded into the guiding paragraph
            for c in paragraphs:
                if "guiding" in text_role(c.text):
                    return Counterpart(
                        clause.path, c.path, 0.7, "role: principles, in the guiding paragraph"
                    )
        return None

    # --- 3. actions by field -------------------------------------------------------------------

    def _field(self, clause: Clause, scope: Clause | None) -> Counterpart | None:
        wanted = topics_of(_stripped(self.outline, clause), self.lang) - self.themes
        if not wanted:
            return None
        best: tuple[int, int, int] | None = None
        chosen: Clause | None = None
        for k, c in enumerate(self._candidates(scope)):
            if not c.content:
                continue
            in_heading = sum(t in topics_of(c.heading, self.lang) for t in wanted)
            count = sum(topic_count(c.content, t, self.lang) for t in wanted)
            if not in_heading and count < BODY_MIN:
                continue
            key = (in_heading, count, -k)
            if best is None or key > best:
                best, chosen = key, c
        if best is None or chosen is None:
            return None
        self._note_shift(clause, chosen)
        fields = ", ".join(sorted(wanted))
        where = "heading" if best[0] else "text"
        return Counterpart(
            clause.path, chosen.path, 0.8 if best[0] else 0.6, f"field: {fields} ({where})"
        )

    def _note_shift(self, clause: Clause, chosen: Clause) -> None:
        """The term shift, from the first action placed: the prefix of its sibling headings
        and of the siblings of its counterpart's ancestor at the same depth."""
        if self.shift is not None:
            return
        depth = clause.path.count(".")
        level = ".".join(chosen.path.split(".")[: depth + 1])
        peer = self.by_path.get(level, chosen)
        old = _shared_prefix(_sibling_headings(self.outline, clause)).strip(QUOTES + " ")
        new = _shared_prefix(_sibling_headings(self.full, peer)).strip(QUOTES + " ")
        if old and new and old != new:
            self.shift = (old, new)

    # --- 4. wording ------------------------------------------------------------------------------

    def _wording(self, clause: Clause, scope: Clause | None, least: float) -> Counterpart | None:
        mine = self._grams(_stripped(self.outline, clause)) - self.frequent_grams
        if not mine:
            return None
        best, chosen = 0.0, None
        for c in self._candidates(scope):
            if not c.heading:
                continue
            theirs = self._grams(_stripped(self.full, c)) - self.frequent_grams
            if not theirs:
                continue
            dice = 2 * len(mine & theirs) / (len(mine) + len(theirs))
            if dice > best:
                best, chosen = dice, c
        if chosen is None or best < least:
            return None
        return Counterpart(clause.path, chosen.path, round(best, 4), "wording of the heading")

    def _grams(self, text: str) -> set[str]:
        return set(grams(normalize(text.strip(QUOTES)), self.lang))


def _stripped(tree: ClauseTree, clause: Clause) -> str:
    """The heading without the prefix its siblings share (“互联网+”)."""
    prefix = _shared_prefix(_sibling_headings(tree, clause))
    return clause.heading[len(prefix) :] if clause.heading.startswith(prefix) else clause.heading


def _sibling_headings(tree: ClauseTree, clause: Clause) -> list[str]:
    parent = clause.path.rpartition(".")[0]
    if not parent:
        return [c.heading for c in tree.clauses if c.heading]
    owner = tree.find(parent)
    return [c.heading for c in owner.children if c.heading] if owner else []


def _shared_prefix(headings: Sequence[str]) -> str:
    """The prefix at least half of three headings or more share, ``PREFIX_MIN`` characters
    or more, cut after its closing quote or plus sign (“互联网+”, "Internet Plus")."""
    if len(headings) < 3:
        return ""
    by_start: dict[str, list[str]] = {}
    for h in headings:
        by_start.setdefault(h[:2], []).append(h)
    group = max(by_start.values(), key=len)
    if 2 * len(group) < len(headings) or len(group) < 2:
        return ""
    prefix = group[0]
    for h in group[1:]:
        k = 0
        while k < min(len(prefix), len(h)) and prefix[k] == h[k]:
            k += 1
        prefix = prefix[:k]
    cut = max(prefix.rfind(ch) for ch in '”"+’」 ')
    prefix = prefix[: cut + 1] if cut >= 0 else ""
    return prefix if len(prefix.strip()) >= PREFIX_MIN else ""
