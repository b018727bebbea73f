"""``polydiff sources``: where the passages of a text in hand came from, against the whole
corpus, without importing it.

The corpus index (:mod:`polydiff.lineage.corpus_index`) is kept under
``.polydiff/cache/`` and made again when any document's clause tree or metadata changed;
the query is :func:`polydiff.lineage.sources.find_reuse`. Nothing in the repository is
written."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from polydiff.errors import InputError, UsageError
from polydiff.model import LANGUAGES, ClauseTree
from polydiff.model.sources import DocShare, PassageSources, SourceMatch, SourcesReport
from polydiff.record import record
from polydiff.store.repo import PolicyRepo
from polydiff.store.sources import FileSource

if TYPE_CHECKING:
    from polydiff.lineage.corpus_index import CorpusIndex
    from polydiff.lineage.sources import Reuse
    from polydiff.store.index_cache import Stamp

TreeLoader = Callable[[str, str], ClauseTree | None]
"""(document, language) → the document's tree in that language, or None."""
TOP = 10
"""Sources listed per passage unless the user asks for more."""


@record
class SourcesQuery:
    """What the user asks: the text (as given) and how to read it."""

    text: str
    name: str = "text"
    lang: str | None = None
    min_score: float = 0.0
    top: int = TOP
    loose: bool = False
    """Ask the evidence of a text that says it interprets the corpus (more paraphrases found,
    a few wrong)."""
    exclude: tuple[str, ...] = ()


def read_text(data: bytes, name: str) -> str:
    """The text of a file's ``data`` (plain text, a web page, Word or PDF), or stdin's."""
    from polydiff.formats import extract

    text = extract(data, name).text
    if not text.strip():
        raise InputError(f"{name}: no text")
    return text


def read_file_text(path: Path) -> str:
    """The text of the file at ``path`` (see :func:`read_text`)."""
    from polydiff.formats import read

    return read_text(read(path), str(path))


def find_sources(repo: PolicyRepo, query: SourcesQuery) -> SourcesReport:
    """The sources of every passage of ``query.text`` in the corpus."""
    from polydiff.lineage.passages import EVIDENCE
    from polydiff.lineage.sources import SOURCES_EVIDENCE, find_reuse
    from polydiff.model.lineage import LineageRelation
    from polydiff.parse.decode import guess_language
    from polydiff.parse.text import parse_text

    if not query.text.strip():
        raise InputError(f"{query.name}: no text")
    if query.top < 1:
        raise UsageError("--top must be 1 or more")
    lang = query.lang or guess_language(query.text)
    if lang not in LANGUAGES:
        raise UsageError(f"--lang must be one of {', '.join(LANGUAGES)}")
    from polydiff.store.index_cache import corpus_stamps

    stamps = corpus_stamps(repo, (lang,))
    in_lang = _in_language(stamps, lang)
    unknown = [d for d in query.exclude if d not in in_lang]
    if unknown:
        raise UsageError(f"--exclude: unknown document(s): {', '.join(unknown)}")
    index, how = corpus_index(repo, lang, stamps)
    tree = parse_text(query.text, lang, "text").tree
    trees = _tree_loader(repo, lang, in_lang)
    evidence = EVIDENCE[LineageRelation.INTERPRETS] if query.loose else SOURCES_EVIDENCE
    found = find_reuse(index, tree, lambda d: trees(d, lang), query.exclude, evidence)
    found = [r for r in found if r.link.score >= query.min_score]
    passages = _passages(tree, query, found, lang, trees)
    titles = dict(zip(index.docs, index.titles, strict=True))
    shares = _shares(passages, titles)
    return SourcesReport(query.name, lang, passages, shares, len(index.docs), how)


def tree_sources(
    repo: PolicyRepo,
    tree: ClauseTree,
    exclude: Sequence[str] = (),
    source: FileSource | None = None,
) -> list[Reuse]:
    """The corpus clauses a clause tree reuses (the query of :func:`find_sources` for a
    document already parsed, as ``review`` asks it of an added document). With ``source``
    (a revision), the corpus is read there and indexed in memory, not cached."""
    from polydiff.lineage.build import document_texts
    from polydiff.lineage.corpus_index import build_index
    from polydiff.lineage.sources import find_reuse

    if source is None:
        index, _ = corpus_index(repo, tree.lang)
    else:
        index = build_index(document_texts(repo, tree.lang, source), tree.lang)

    trees = _tree_loader(repo, tree.lang, None, source)
    return find_reuse(index, tree, lambda d: trees(d, tree.lang), exclude)


def corpus_index(
    repo: PolicyRepo, lang: str, now: dict[str, Stamp] | None = None
) -> tuple[CorpusIndex, str]:
    """The corpus index in ``lang`` from the cache, or made now (and cached): (index,
    ``cached`` | ``built``). The cache keeps the background word frequencies too, so a
    query need not load them. ``now``: the corpus files' stamps, when already taken."""
    import numpy as np

    from polydiff.lineage import background
    from polydiff.lineage.build import document_texts
    from polydiff.lineage.corpus_index import CorpusIndex, build_index, index_version
    from polydiff.store import index_cache

    name = f"sources-{lang}"
    now = index_cache.corpus_stamps(repo, (lang,)) if now is None else now
    version = index_version()
    cached = index_cache.load(repo, name, now, version)
    words = background.background_version()
    if cached is not None and cached.meta.get("background") == words:
        units = cached.meta["background_units"]
        background.use_table(lang, dict(zip(units, cached.arrays["zipf"].tolist(), strict=True)))
        return CorpusIndex.from_parts(cached.meta, cached.arrays, cached.texts), "cached"
    made_from = index_cache.fingerprints(repo, now)
    index = build_index(document_texts(repo, lang), lang)
    table = background.zipf_table(lang)
    meta = {**index.meta(), "background": words, "background_units": list(table)}
    arrays = {**index.arrays, "zipf": np.fromiter(table.values(), dtype=np.float64)}
    index_cache.save(repo, name, made_from, version, meta, arrays, index.texts)
    return index, "built"


def _in_language(stamps: dict[str, Stamp], lang: str) -> dict[str, bool]:
    """Document → whether it has a clause tree in ``lang``, from the corpus files' stamps
    (not from the metadata: reading every meta.yaml of a large corpus would cost more than
    the query)."""
    out: dict[str, bool] = {}
    for rel in stamps:
        doc, name = rel.split("/")[-2:]
        out[doc] = out.get(doc, False) or name == f"{lang}.yaml"
    return out


def _tree_loader(
    repo: PolicyRepo,
    lang: str,
    in_lang: dict[str, bool] | None,
    source: FileSource | None = None,
) -> TreeLoader:
    """``load(doc, language)``: a document's tree in the working tree or ``source`` (None
    when it lacks the language), cached; whether a document has the query's language
    ``lang`` is known from ``in_lang`` when given, else (and for other languages) read off
    its metadata."""
    src = source or repo.worktree

    @lru_cache(maxsize=256)
    def load(doc: str, language: str) -> ClauseTree | None:
        if language == lang and in_lang is not None:
            has = in_lang.get(doc, False)
        else:
            has = language in repo.load_meta(doc, src).languages
        return repo.load_tree(doc, language, src) if has else None

    return load


def _passages(
    tree: ClauseTree, query: SourcesQuery, found: Sequence[Reuse], lang: str, trees: TreeLoader
) -> tuple[PassageSources, ...]:
    by_passage: dict[str, list[Reuse]] = defaultdict(list)
    for r in found:
        by_passage[r.passage].append(r)
    out = []
    cursor = 0
    for clause in tree.walk():
        if not clause.content:
            continue
        at = query.text.find(clause.text or clause.heading, cursor)
        if at >= 0:
            cursor = at
        best = sorted(by_passage.get(clause.path, ()), key=lambda r: -r.link.score)[: query.top]
        best.sort(key=lambda r: (r.date, r.doc, min(s.to_start for s in r.link.spans)))
        matches = tuple(_match(r, clause.content, lang, trees) for r in best)
        out.append(PassageSources(clause.path, clause.content, at, matches))
    return tuple(out)


def _match(reuse: Reuse, passage: str, lang: str, trees: TreeLoader) -> SourceMatch:
    from polydiff.diff.wording import wording_diff

    link = reuse.link
    a0, a1 = min(s.from_start for s in link.spans), max(s.from_end for s in link.spans)
    b0, b1 = min(s.to_start for s in link.spans), max(s.to_end for s in link.spans)
    ops = wording_diff(reuse.source_text[a0:a1], passage[b0:b1], lang)
    other_lang, other_text = "", ""
    for lg in LANGUAGES:
        if lg == lang:
            continue
        other = trees(reuse.doc, lg)
        clause = other.find(link.from_path) if other is not None else None
        if clause is not None:
            other_lang, other_text = lg, clause.content
            break
    return SourceMatch(
        reuse.doc,
        reuse.date,
        link.from_path,
        link.kind,
        link.score,
        link.spans,
        reuse.source_text,
        tuple(ops),
        other_lang,
        other_text,
    )


def _shares(passages: Sequence[PassageSources], titles: dict[str, str]) -> tuple[DocShare, ...]:
    chars: dict[str, set[tuple[str, int]]] = defaultdict(set)
    links: dict[str, int] = defaultdict(int)
    dates: dict[str, str] = {}
    for p in passages:
        for m in p.sources:
            links[m.doc] += 1
            dates[m.doc] = m.date
            for s in m.spans:
                chars[m.doc].update((p.path, k) for k in range(s.to_start, s.to_end))
    out = [
        DocShare(doc, dates[doc], titles.get(doc) or doc, len(chars[doc]), n)
        for doc, n in links.items()
    ]
    return tuple(sorted(out, key=lambda s: (-s.chars, s.date, s.doc)))
