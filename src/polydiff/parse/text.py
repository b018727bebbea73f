"""Plain text → clause tree, for Chinese government documents, essays and translations.

The parser works on *paragraphs* (lines, with hard-wrapped lines joined) in four zones:

1. **front**: the title, the document number (国发〔2025〕11号), metadata lines (发布时间:…,
   Author: …, 【rubric】), and the salutation ending in a colon (``to``);
2. **preamble**: unnumbered paragraphs before the first clause (``pre``);
3. **body**: labelled paragraphs (一、 （一） 1. （1） ① 一是 I. (I) First, …) nest by label
   style; unnumbered short lines without a full stop are essay headings (``h1``…);
   unnumbered paragraphs belong to the innermost open clause (``p1``…);
4. **closing**: signature and date lines, a parenthesised author line, or an author line
   in parentheses closing the last paragraph (``end``).

A label is only recognised at the start of a paragraph: a number in the middle of a
paragraph is text. Nothing is dropped: every non-blank character of the input ends up in
the title, number, front lines, or a clause's label, heading or text; the only characters
not stored verbatim are the full stops (``。``/``.``) that end an inline heading
(see :func:`polydiff.parse.accounting.unaccounted`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from polydiff.model import Clause, ClauseKind, ClauseTree
from polydiff.parse.numbering import (
    KIND_OF_STYLE,
    LABEL_LIKE,
    RANK,
    Label,
    Style,
    match_label,
    numeral_for,
)

ZH_HEADING_MAX = 48
"""Longest Chinese heading, in characters. Headings in the corpus run to 41 characters
(ndrc-2025-0826 三 二是); a labelled clause whose short first sentence is really body text
cannot be told apart from plain text and is read as a heading, as most such sentences are."""
EN_HEADING_MAX_WORDS = 26
"""Longest English heading, in words."""

_ZH_STOPS = "。！？"
_END_PUNCT = "。.!?！？；;：:，,、…"
_EN_SENTENCE_END = re.compile(
    r"(?<!\bNo)(?<!\betc)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\b[A-Z])"
    r"[\"”’']?[.!?][\"”’']?(?=\s+[\"“‘(]?[A-Z0-9])"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = re.compile(
    rf"^(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
    rf"|[〇零一二三四五六七八九]{{4}}年[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}日"
    rf"|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{_MONTHS}) \d{{4}}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})[.。]?$"
)
_DATE_ANYWHERE = re.compile(
    rf"\d{{4}}年\d{{1,2}}月|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|\d{{4}}[-/]\d{{1,2}}[-/]\d{{1,2}}"
)
_DOC_NUMBER = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号|"
    r".{0,40}\bDocument No\.\s*\d+.*|.{0,40}\bNo\.\s*\d+\s*\[\d{4}\].*)$"
)
_META_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,6}[:：]|[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}:\s|By [A-Z]|"
    r"[【\[].*[】\]]$|——|--)"
)
_PAREN_LINE = re.compile(r"^[（(][^()（）]*(?:[（(][^()（）]*[）)][^()（）]*)*[）)]$")
_TRAILING_BYLINE = re.compile(r"(?<=[。.!?！？”\"])\s*([（(][^()（）。]{2,60}[）)])$")


@dataclass(frozen=True, slots=True)
class ParseWarning:
    """Something the parser did not recognise."""

    line: int
    """1-based line number in the input (0: the document as a whole)."""
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass(frozen=True, slots=True)
class ParseResult:
    """A clause tree and what the parser had to say about the input."""

    tree: ClauseTree
    warnings: tuple[ParseWarning, ...]


@dataclass(slots=True)
class Paragraph:
    """A paragraph of the input with the line it starts on."""

    line: int
    text: str


def split_paragraphs(text: str, lang: str) -> list[Paragraph]:
    """Lines → paragraphs. Blank lines separate paragraphs, and so does every line break,
    except where a long line without closing punctuation was hard-wrapped: then the next
    unlabelled line continues it (joined with a space in English, directly in Chinese)."""
    lines = [
        (i + 1, ln.strip())
        for i, ln in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    ]
    lengths = sorted(len(t) for _, t in lines if t)
    if not lengths:
        return []
    wrap_width = lengths[int(0.9 * (len(lengths) - 1))]
    paragraphs: list[Paragraph] = []
    prev_blank = True
    for number, line in lines:
        if not line:
            prev_blank = True
            continue
        last = paragraphs[-1] if paragraphs else None
        if (
            last is not None
            and not prev_blank
            and _looks_wrapped(last.text, wrap_width)
            and match_label(line) is None
        ):
            last.text += (" " if lang != "zh" else "") + line
        else:
            paragraphs.append(Paragraph(number, line))
        prev_blank = False
    return paragraphs


def _looks_wrapped(line: str, wrap_width: int) -> bool:
    return (
        len(line) >= 40
        and len(line) >= 0.6 * wrap_width
        and wrap_width <= 100
        and line[-1] not in _END_PUNCT + '”"’)）】'
    )


def split_heading(rest: str, lang: str) -> tuple[str, str]:
    """Split what follows a label into (heading, body).

    A short first sentence is a heading (``加速科学发现进程。加快…`` → heading and body);
    a short paragraph with no full stop inside is a heading alone; anything else is body.
    """
    rest = rest.strip()
    head, body = _split_heading(rest, lang)
    return (head, body) if head or not rest else ("", rest)


def _split_heading(rest: str, lang: str) -> tuple[str, str]:
    if not rest:
        return "", ""
    if lang == "zh":
        cut = _first_zh_stop(rest)
        if cut < 0 or cut == len(rest) - 1:
            head = rest[:-1] if cut >= 0 else rest
            return (head, "") if _short(head, lang) else ("", rest)
        head, body = rest[:cut], rest[cut + 1 :].strip()
        return (head, body) if _short(head, lang) else ("", rest)
    m = _EN_SENTENCE_END.search(rest)
    if not m:
        if _short(rest, lang):
            return (rest[:-1] if rest.endswith(".") else rest), ""
        return "", rest
    head = rest[: m.end()].rstrip()
    if head.endswith("."):
        head = head[:-1]
    body = rest[m.end() :].strip()
    return (head, body) if _short(head, lang) else ("", rest)


def _first_zh_stop(s: str) -> int:
    depth = 0
    for i, ch in enumerate(s):
        if ch in "“《（(":
            depth += 1
        elif ch in "”》）)":
            depth = max(0, depth - 1)
        elif ch in _ZH_STOPS and depth == 0:
            return i
    return -1


def _short(s: str, lang: str) -> bool:
    if lang == "zh":
        return 0 < len(s) <= ZH_HEADING_MAX
    return 0 < len(s.split()) <= EN_HEADING_MAX_WORDS and len(s) <= 220


def _nests_under(inner: Style, outer: Style) -> bool:
    """True when a label of style ``inner`` conventionally nests under ``outer``."""
    return inner in RANK and outer in RANK and RANK[inner] > RANK[outer]


def _is_unnumbered_heading(p: str, lang: str) -> bool:
    return _short(p, lang) and p[-1] not in _END_PUNCT and LABEL_LIKE.match(p) is None


@dataclass(slots=True)
class _Node:
    """A clause under construction."""

    path: str
    kind: ClauseKind
    style: Style | None = None
    number: int = 0
    label: str = ""
    heading: str = ""
    text: str = ""
    children: list[_Node] = field(default_factory=list)
    paragraphs: int = 0
    headings: int = 0

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


class _TreeBuilder:
    """Nests labelled paragraphs by style, checks numbering, assigns paths."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.root = _Node("", ClauseKind.PARAGRAPH)
        self.stack: list[_Node] = []
        self.used: set[str] = set()
        self.last_number: dict[Style, int] = {}
        self.warnings: list[ParseWarning] = []
        self.leftover = ""
        """Body text that starts with a deeper label: the caller parses it as a paragraph."""

    @property
    def top(self) -> _Node:
        return self.stack[-1] if self.stack else self.root

    def _depth_for(self, style: Style) -> int:
        """How many stack entries stay when a clause of ``style`` opens."""
        styles = [n.style for n in self.stack]
        if style in styles:
            return styles.index(style)
        depth = len(self.stack)
        if style in RANK:
            while depth and (s := self.stack[depth - 1].style) in RANK and RANK[s] >= RANK[style]:
                depth -= 1
        return depth

    def add_labelled(self, label: Label, line: int) -> bool:
        """Open a clause for ``label``; False if its path is taken (then it is text)."""
        depth = self._depth_for(label.style)
        parent = self.stack[depth - 1] if depth else self.root
        path = parent.child_path(str(label.number))
        if path in self.used:
            self.warnings.append(
                ParseWarning(
                    line, f"label {label.text!r} repeats clause {path}; kept as paragraph text"
                )
            )
            return False
        siblings = [c.number for c in parent.children if c.style is label.style]
        expected = {siblings[-1] + 1} if siblings else {1, self.last_number.get(label.style, 0) + 1}
        if label.number not in expected:
            before = siblings[-1] if siblings else self.last_number.get(label.style)
            where = (
                f"from {numeral_for(label.style, before)} to {label.text}"
                if before
                else f"starts at {label.text}"
            )
            self.warnings.append(
                ParseWarning(line, f"numbering {where} under {parent.path or 'the top'}")
            )
        heading, body = split_heading(label.rest, self.lang)
        inner = match_label(body) if heading and body else None
        if inner is not None and _nests_under(inner.style, label.style):
            self.leftover = body  # （一）夯实发展基础。1.巩固网络基础。… : item 1 starts here
            body = ""
        node = _Node(
            path, KIND_OF_STYLE[label.style], label.style, label.number, label.text, heading, body
        )
        self._open(depth, parent, node)
        self.last_number[label.style] = label.number
        return True

    def add_heading(self, text: str) -> None:
        """Open an unnumbered essay heading (``h1``, ``h2``…)."""
        depth = self._depth_for(Style.HEADING)
        parent = self.stack[depth - 1] if depth else self.root
        parent.headings += 1
        node = _Node(
            parent.child_path(f"h{parent.headings}"),
            ClauseKind.HEADING,
            Style.HEADING,
            parent.headings,
            "",
            text,
        )
        self._open(depth, parent, node)

    def add_paragraph(self, text: str) -> None:
        """An unnumbered paragraph of the innermost open clause."""
        parent = self.top
        parent.paragraphs += 1
        path = parent.child_path(f"p{parent.paragraphs}")
        parent.children.append(_Node(path, ClauseKind.PARAGRAPH, text=text))
        self.used.add(path)

    def _open(self, depth: int, parent: _Node, node: _Node) -> None:
        del self.stack[depth:]
        parent.children.append(node)
        self.stack.append(node)
        self.used.add(node.path)


def parse_text(text: str, lang: str, doc: str = "") -> ParseResult:
    """Parse ``text`` (language ``lang``) into a clause tree for document ``doc``."""
    paragraphs = split_paragraphs(text.removeprefix("\ufeff"), lang)
    warnings: list[ParseWarning] = []
    i, title, number, front, salutation = _front_zone(paragraphs, lang)
    end, closing = _closing_zone(paragraphs, i, lang)
    body = paragraphs[i:end]

    builder = _TreeBuilder(lang)
    preamble: list[Paragraph] = []
    structured = False
    k = 0
    while k < len(body):
        p = body[k]
        k += 1
        label = match_label(p.text)
        if label is not None and builder.add_labelled(label, p.line):
            structured = True
            if builder.leftover:
                body.insert(k, Paragraph(p.line, builder.leftover))
                builder.leftover = ""
            continue
        if label is None and LABEL_LIKE.match(p.text):
            warnings.append(
                ParseWarning(
                    p.line, f"unrecognised numbering {p.text[:6]!r}…; kept as paragraph text"
                )
            )
        nxt = body[k].text if k < len(body) else ""
        if nxt and _is_unnumbered_heading(p.text, lang) and not _is_unnumbered_heading(nxt, lang):
            builder.add_heading(p.text)
            structured = True
        elif not structured:
            preamble.append(p)
        else:
            builder.add_paragraph(p.text)

    clauses: list[Clause] = []
    if salutation:
        clauses.append(Clause("to", ClauseKind.SALUTATION, text=salutation))
    if not structured and preamble:
        if builder.root.children or len(body) > 0:
            warnings.append(
                ParseWarning(
                    0,
                    f"no numbered clauses or headings recognised: imported as "
                    f"{len(preamble)} paragraph(s)",
                )
            )
        for n, p in enumerate(preamble, 1):
            clauses.append(Clause(f"p{n}", ClauseKind.PARAGRAPH, text=p.text))
    elif len(preamble) == 1:
        clauses.append(Clause("pre", ClauseKind.PREAMBLE, text=preamble[0].text))
    elif preamble:
        clauses.append(
            Clause(
                "pre",
                ClauseKind.PREAMBLE,
                children=tuple(
                    Clause(f"pre.p{n}", ClauseKind.PARAGRAPH, text=p.text)
                    for n, p in enumerate(preamble, 1)
                ),
            )
        )
    clauses.extend(c.freeze() for c in builder.root.children)
    if closing:
        clauses.append(Clause("end", ClauseKind.CLOSING, text="\n".join(closing)))
    warnings.extend(builder.warnings)
    if not clauses:
        warnings.append(ParseWarning(0, "no body text found after the title"))
    tree = ClauseTree(doc, lang, title, number, tuple(front), tuple(clauses))
    return ParseResult(tree, tuple(sorted(warnings, key=lambda w: w.line)))


def _front_zone(paragraphs: list[Paragraph], lang: str) -> tuple[int, str, str, list[str], str]:
    """Title, document number, metadata lines and salutation at the top."""
    i, title, number, salutation = 0, "", "", ""
    front: list[str] = []
    if paragraphs:
        first = paragraphs[0].text
        max_len = 80 if lang == "zh" else 250
        if (
            match_label(first) is None
            and len(first) <= max_len
            and first[-1] not in "。：:"
            and not _is_salutation(first)
            and len(paragraphs) > 1
        ):
            title, i = first, 1
    while i < len(paragraphs):
        p = paragraphs[i].text
        if not number and _DOC_NUMBER.match(p) and len(p) <= 80:
            number = p
        elif _is_salutation(p):
            salutation = p
            i += 1
            break
        elif (
            len(p) <= 120
            and match_label(p) is None
            and (_META_LINE.match(p) or (_DATE_ANYWHERE.search(p) and len(p) <= 80))
        ):
            front.append(p)
        else:
            break
        i += 1
    return i, title, number, front, salutation


def _is_salutation(p: str) -> bool:
    return p[-1] in "：:" and len(p) <= 300 and "。" not in p and match_label(p) is None


def _closing_zone(paragraphs: list[Paragraph], start: int, lang: str) -> tuple[int, list[str]]:
    """Signature, date and author lines at the end; returns (body end index, closing lines).

    May shorten the last body paragraph by a trailing parenthesised author line."""
    end = len(paragraphs)
    closing: list[str] = []
    short = 20 if lang == "zh" else 60
    while end > start + 1:
        p = paragraphs[end - 1].text
        if _DATE_LINE.match(p) or (
            _PAREN_LINE.match(p) and len(p) <= (120 if lang == "zh" else 300)
        ):
            closing.insert(0, p)
            end -= 1
            continue
        if closing and _DATE_LINE.match(closing[0]) and len(p) <= short and p[-1] not in _END_PUNCT:
            closing.insert(0, p)
            end -= 1
        break
    if not closing and end > start + 1:
        last = paragraphs[end - 1]
        m = _TRAILING_BYLINE.search(last.text)
        if m and m.start(1) > 0 and match_label(m.group(1)) is None:
            closing.append(m.group(1))
            last.text = last.text[: m.start()].rstrip()
    return end, closing
