"""Core data types: clauses, clause trees, document metadata.

Everything here is immutable (frozen records with slots, children as tuples). A clause
is identified inside its document by its *path* (``2.1.1``, ``pre``, ``1.p2``, ``h1.p3``; see
``design.md``), which is the same in every language of the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from enum import StrEnum

from polydiff import digests
from polydiff.lazyre import lazy
from polydiff.normalize import normalize
from polydiff.record import field, record

SCHEMA_VERSION = 1
"""Version of the YAML layout under ``policies/``; bumped on incompatible change."""

LANGUAGES = ("zh", "en")
"""Languages a document can carry, in order of preference."""

DOC_ID_RE = lazy(r"^(?=.{1,80}$)[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
"""A document id: a lowercase slug of at most 80 characters (it names a folder)."""
PATH_RE = lazy(
    r"^(?:to|pre|end|[0-9]+|[ph][0-9]+|sch[0-9]+)(?:\.(?:[0-9]+|[ph][0-9]+|sch[0-9]+))*$"
)
CITATION_RE = lazy(
    r"^(?:第[一二三四五六七八九十百千万零〇两0-9]+[编章节条]|§ ?[0-9]+"
    r"|[A-Za-z]+\.? ?[0-9IVXLCivxlc]+\.?)(?:\.(?:[0-9]+|[ph][0-9]+))*$"
)
"""A clause cited by its label rather than its path (``第三条``, ``art3``, ``Article 3``,
``sec2.1``, ``§ 4``), resolved against a tree by :func:`polydiff.parse.cite.resolve_path`."""


class ClauseKind(StrEnum):
    """What a clause is, structurally."""

    SALUTATION = "salutation"
    """``to``: the addressees (各省、自治区…: / To the People's Governments…:)."""
    PREAMBLE = "preamble"
    """``pre``: text before the first numbered part."""
    CHAPTER = "chapter"
    """第一章 / Chapter I."""
    ARTICLE = "article"
    """第一条 / Article 1."""
    PART = "part"
    """一、 / I. / 第一编 / Part 1."""
    SECTION = "section"
    """（一） / (I) / 第一节 / Section 1 / SEC. 1."""
    ITEM = "item"
    """1. / 1．/ 1、/ 1.1; the items of an article (（一） / (1))."""
    SUBITEM = "subitem"
    """（1） / (1) / ① / (a)."""
    SCHEDULE = "schedule"
    """Schedule 1 / Annex I (paths ``sch1``…)."""
    ENUMERATION = "enumeration"
    """一是 / 二是 … and First, / Second, …"""
    HEADING = "heading"
    """An unnumbered heading of an essay (``h1``)."""
    PARAGRAPH = "paragraph"
    """An unnumbered paragraph under a parent (``p1``)."""
    CLOSING = "closing"
    """``end``: signature, date, author line."""


class Completeness(StrEnum):
    """How much of a document's text the repository holds."""

    FULL = "full"
    PARTIAL = "partial"
    OUTLINE = "outline"
    """Verified headings only, no body text."""


class RelationType(StrEnum):
    """How one document relates to an earlier one."""

    SUCCEEDS = "succeeds"
    AMENDS = "amends"
    INTERPRETS = "interprets"
    IMPLEMENTS = "implements"
    CITES = "cites"


def content_digest(*parts: str) -> str:
    """A short stable digest of some strings (16 hex chars of BLAKE2b)."""
    h = digests.blake2b(digest_size=8)
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


@record
class Clause:
    """One node of a clause tree."""

    path: str
    """Stable identity inside the document, e.g. ``2.1.1`` (see design.md)."""
    kind: ClauseKind
    label: str = ""
    """The label as written (``二、``, ``（一）``, ``1.``, ``I.``, ``(I)``, ``一是``), or empty."""
    heading: str = ""
    """Short title (``加速科学发现进程``), without the full stop that ended it."""
    text: str = ""
    """Body text of this clause only (children are separate)."""
    children: tuple[Clause, ...] = ()
    _own_hash: str = field(default="", init=False, repr=False, compare=False)
    _hash: str = field(default="", init=False, repr=False, compare=False)

    @property
    def own_hash(self) -> str:
        """Digest of the normalised heading and text of this clause alone (computed on first
        use: loading a long document normalises nothing it does not compare)."""
        if not self._own_hash:
            own = content_digest(normalize(self.heading), normalize(self.text))
            object.__setattr__(self, "_own_hash", own)
        return self._own_hash

    @property
    def hash(self) -> str:
        """Merkle digest: own content plus the hashes of all children, in order."""
        if not self._hash:
            merkle = content_digest(self.own_hash, *(c.hash for c in self.children))
            object.__setattr__(self, "_hash", merkle)
        return self._hash

    @property
    def content(self) -> str:
        """Heading and body joined, as compared by alignment."""
        if self.heading and self.text:
            return f"{self.heading}\n{self.text}"
        return self.heading or self.text

    def walk(self) -> Iterator[Clause]:
        """This clause and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


def parent_path(path: str) -> str:
    """``2.1.3`` → ``2.1``; top-level paths give ``""``."""
    return path.rpartition(".")[0]


@record
class ClauseTree:
    """The clauses of one document in one language, plus its front matter."""

    doc: str
    lang: str
    title: str = ""
    number: str = ""
    """Document number as printed (国发〔2025〕11号 / State Council Document No. 11 [2025])."""
    front: tuple[str, ...] = ()
    """Other lines before the body (date, source, byline, rubric), verbatim."""
    clauses: tuple[Clause, ...] = ()

    def walk(self) -> Iterator[Clause]:
        """Every clause in document order (pre-order)."""
        for c in self.clauses:
            yield from c.walk()

    def paths(self) -> list[str]:
        """Every clause path in document order."""
        return [c.path for c in self.walk()]

    def find(self, path: str) -> Clause | None:
        """The clause at ``path``, or None."""
        for c in self.walk():
            if c.path == path:
                return c
        return None

    def subtree(self, path: str) -> ClauseTree:
        """A tree holding only the clause at ``path`` (and its descendants)."""
        found = self.find(path)
        return ClauseTree(
            self.doc,
            self.lang,
            self.title,
            self.number,
            self.front,
            (found,) if found else (),
        )

    def __len__(self) -> int:
        return sum(1 for _ in self.walk())


def union_paths(trees: Iterable[ClauseTree]) -> list[str]:
    """Every path of any of ``trees`` once: the first tree's in document order, then those
    of the next that it lacks, and so on (zh and en of one document, side by side)."""
    return list(dict.fromkeys(p for t in trees for p in t.paths()))


@record
class Relation:
    """A declared relation from this document to an earlier one."""

    type: RelationType
    doc: str


@record
class Original:
    """The file a text was extracted from (a web page, a Word or PDF file), kept as it was
    imported beside the extracted text."""

    path: str
    """Path of the stored original, relative to the document folder (``raw/zh.html``)."""
    format: str
    """``html``, ``docx`` or ``pdf``."""
    sha256: str
    """SHA-256 of the original's bytes."""
    encoding: str = ""
    """The charset a web page was decoded with."""
    metadata: Mapping[str, str] = field(default_factory=dict)
    """Metadata found in it, verbatim (a gov.cn page's 索引号, 发文字号, 发布日期, …)."""


@record
class SourceFile:
    """Where one language's clause tree came from."""

    lang: str
    raw: str
    """Path of the stored raw text, relative to the document folder."""
    original: str
    """File name it was imported from."""
    sha256: str
    """SHA-256 of the stored raw file (UTF-8), to notice later edits."""
    encoding: str = "utf-8"
    """Encoding of the file as imported (the stored copy is always UTF-8)."""
    format: str = "text"
    """``text`` (parsed prose) or ``outline`` (a verified-headings outline)."""
    warnings: tuple[str, ...] = ()
    """What the parser did not recognise, one line each."""
    extracted_from: Original | None = None
    """The web page, Word or PDF file the stored text was extracted from (the fields above
    then describe the stored, extracted text)."""


@record
class DocMeta:
    """Metadata of one document (``meta.yaml``)."""

    id: str
    title: Mapping[str, str] = field(default_factory=dict)
    """Title per language."""
    number: str = ""
    issuer: str = ""
    date: str = ""
    """ISO date of issue (YYYY-MM-DD)."""
    kind: str = ""
    completeness: Completeness = Completeness.FULL
    relations: tuple[Relation, ...] = ()
    source: str = ""
    """Where the text was obtained."""
    notes: str = ""
    files: tuple[SourceFile, ...] = ()
    provenance: Mapping[str, object] = field(default_factory=dict)
    """Further provenance, verbatim from the source notes (e.g. per-heading sources)."""

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages that have a clause tree, in preference order."""
        have = {f.lang for f in self.files}
        return tuple(lang for lang in LANGUAGES if lang in have)

    def file(self, lang: str) -> SourceFile | None:
        """The source record of one language."""
        return next((f for f in self.files if f.lang == lang), None)

    def display_title(self, lang: str = "zh") -> str:
        """The title in ``lang``, else any title, else the id."""
        return self.title.get(lang) or next(iter(self.title.values()), "") or self.id


@record
class Document:
    """A document as read from the repository: metadata and its clause trees."""

    meta: DocMeta
    trees: Mapping[str, ClauseTree]
    rev: str | None = None
    """Git revision it was read at; None for the working tree."""

    @property
    def id(self) -> str:
        return self.meta.id

    def tree(self, lang: str) -> ClauseTree:
        """The tree in ``lang``; raises KeyError when absent."""
        return self.trees[lang]


_REF_RE = lazy(r"^(?P<doc>[^@#\s]+)(?:@(?P<rev>[^#\s]+))?(?:#(?P<path>\S(?:.*\S)?))?$")


@record
class ClauseRef:
    """A citation: ``doc``, ``doc@rev``, ``doc#path`` or ``doc@rev#path``; the path may be
    a label as users cite it (``doc#第三条``, ``doc#art3``, ``doc#Article 3``), which
    :func:`polydiff.parse.cite.resolve_path` turns into the path the tree gives it."""

    doc: str
    rev: str | None = None
    path: str | None = None
    """A clause path (``2.1.1``) or a citation (``第三条``)."""

    @classmethod
    def parse(cls, text: str) -> ClauseRef:
        """Parse a citation; raises ValueError with a readable reason."""
        m = _REF_RE.match(text.strip())
        if not m:
            raise ValueError(f"not a document reference: {text!r} (expected DOC[@REV][#PATH])")
        doc, rev, path = m.group("doc"), m.group("rev"), m.group("path")
        if not DOC_ID_RE.match(doc):
            raise ValueError(
                f"not a document id: {doc[:40]!r}{'…' if len(doc) > 40 else ''} "
                "(at most 80 lowercase letters, digits and dashes)"
            )
        if path is not None and not is_path_or_citation(path):
            raise ValueError(
                f"not a clause path: {path!r} (e.g. 2.1.1, pre, 1.p2, h1, 第三条, art3, Article 3)"
            )
        return cls(doc, rev, path)

    @property
    def cited(self) -> bool:
        """Whether the path is a citation by label (to resolve against the tree)."""
        return self.path is not None and not PATH_RE.match(self.path)

    def __str__(self) -> str:
        return (
            self.doc + (f"@{self.rev}" if self.rev else "") + (f"#{self.path}" if self.path else "")
        )


def is_path_or_citation(text: str) -> bool:
    """A clause path (``2.1.1``) or a clause cited by its label (``第三条``, ``Article 3``)."""
    return bool(PATH_RE.match(text) or CITATION_RE.match(text))


def path_mismatch(a: ClauseTree, b: ClauseTree) -> tuple[list[str], list[str]]:
    """Paths only in ``a`` and only in ``b`` (e.g. the zh and en trees of one document)."""
    a_paths, b_paths = a.paths(), b.paths()
    sa, sb = set(a_paths), set(b_paths)
    return [p for p in a_paths if p not in sb], [p for p in b_paths if p not in sa]
