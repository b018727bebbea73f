"""Plain text → clause tree, for government documents, regulations, contracts, bills,
essays and their translations.

The parser works on *paragraphs* (lines, with hard-wrapped lines joined:
:mod:`polydiff.parse.lines`) in four zones:

1. **front**: the title, the document number (国发〔2025〕11号), metadata lines (发布时间:…,
   Author: …, 【rubric】, a date), and the salutation ending in a colon (``to``);
2. **preamble**: unnumbered paragraphs before the first clause (``pre``);
3. **body**: labelled paragraphs (一、 （一） 1. 第三条 1.1 Article 3 (a) # …) nest by their
   numbering scheme (:mod:`polydiff.parse.numbering`, :mod:`polydiff.parse.tree`);
   unnumbered short lines without a full stop are essay headings (``h1``…); unnumbered
   paragraphs belong to the innermost open clause (``p1``…), or to the article whose items
   they follow;
4. **closing**: signature and date lines, a parenthesised author line, or an author line
   in parentheses closing the last paragraph (``end``).

A label is only recognised at the start of a paragraph: a number in the middle of a
paragraph is text. Nothing is dropped: every non-blank character of the input ends up in
the title, number, front lines, or a clause's label, heading or text; the only characters
not stored verbatim are the full stops (``。``/``.``) that end an inline heading and the
hyphens of words broken across lines (see :func:`polydiff.parse.accounting.unaccounted`).
"""

from __future__ import annotations

from polydiff.gcpause import gc_paused
from polydiff.lazyre import lazy
from polydiff.model import Clause, ClauseKind, ClauseTree
from polydiff.normalize import is_ideograph
from polydiff.parse.headings import END_PUNCT, is_unnumbered_heading, split_heading
from polydiff.parse.lines import INVISIBLE, Paragraph, split_paragraphs
from polydiff.parse.numbering import LABEL_LIKE, HeadingRule, Label, Style, match_label
from polydiff.parse.tree import TreeBuilder
from polydiff.parse.warnings import ParseWarning, WarningKind
from polydiff.record import record

__all__ = [
    "Paragraph",
    "ParseResult",
    "ParseWarning",
    "lacks_structure",
    "parse_text",
    "split_heading",
    "split_paragraphs",
]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_LINE = lazy(
    rf"^(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日"
    rf"|[〇零一二三四五六七八九]{{4}}年[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}日"
    rf"|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{_MONTHS}) \d{{4}}"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}})[.。]?$"
)
_DATE_ANYWHERE = lazy(
    rf"\d{{4}}年\d{{1,2}}月|(?:{_MONTHS}) \d{{1,2}}, \d{{4}}|\d{{4}}[-/]\d{{1,2}}[-/]\d{{1,2}}"
)
_DOC_NUMBER_ZH = lazy(r"^(\w{1,10})[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号$")
"""国发〔2025〕11号: with every character of its first group an ideograph
(:func:`~polydiff.normalize.is_ideograph`), the same as
``[\u4e00-\u9fff]{1,10}`` there, a class that takes ~0.9 ms to compile (brackets are not
word characters, so the group is the whole run of them before the bracket)."""
_DOC_NUMBER_EN = lazy(
    r"^(?:.{0,40}\bDocument No\.\s*\d+.*|.{0,40}\bNo\.\s*\d+\s*\[\d{4}\].*|"
    r"(?:H\. ?R\.|S\.|H\. ?Res\.|S\. ?Res\.) ?\d{1,5})$"
)
_META_LINE = lazy(
    r"^(?:[\u4e00-\u9fff]{1,6}[:：]|[A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}:\s|By [A-Z]|"
    r"[【\[].*[】\]]$|——|--|\d{1,3}(?:st|nd|rd|th) (?:Session|Congress|CONGRESS)\b)"
)
_PAREN_LINE = lazy(r"^[（(][^()（）]*(?:[（(][^()（）]*[）)][^()（）]*)*[）)]$")
_TRAILING_BYLINE = lazy(r"(?<=[。.!?！？”\"])\s*([（(][^()（）。]{2,60}[）)])$")


@record
class ParseResult:
    """A clause tree and what the parser had to say about the input."""

    tree: ClauseTree
    warnings: tuple[ParseWarning, ...]


def parse_text(text: str, lang: str, doc: str = "") -> ParseResult:
    """Parse ``text`` (language ``lang``) into a clause tree for document ``doc``."""
    with gc_paused():  # a node per paragraph, none in a cycle
        return _parse_text(text, lang, doc)


def _parse_text(text: str, lang: str, doc: str) -> ParseResult:
    paragraphs = split_paragraphs(text.lstrip(INVISIBLE), lang)
    i, title, number, front, salutation = _front_zone(paragraphs, lang)
    end, closing = _closing_zone(paragraphs, i, lang)
    builder = TreeBuilder(lang)
    preamble, warnings = _body(paragraphs[i:end], builder, lang)
    structured = bool(builder.root.children)
    clauses: list[Clause] = []
    if salutation:
        clauses.append(Clause("to", ClauseKind.SALUTATION, text=salutation))
    if not structured and preamble:
        warnings.append(
            ParseWarning(
                0,
                "no numbered clauses or headings recognised: imported as "
                f"{len(preamble)} paragraph(s)",
                WarningKind.NO_STRUCTURE,
            )
        )
        clauses.extend(
            Clause(f"p{n}", ClauseKind.PARAGRAPH, text=p.text) for n, p in enumerate(preamble, 1)
        )
    elif len(preamble) == 1:
        clauses.append(Clause("pre", ClauseKind.PREAMBLE, text=preamble[0].text))
    elif preamble:
        kids = tuple(
            Clause(f"pre.p{n}", ClauseKind.PARAGRAPH, text=p.text)
            for n, p in enumerate(preamble, 1)
        )
        clauses.append(Clause("pre", ClauseKind.PREAMBLE, children=kids))
    clauses.extend(builder.clauses())
    if closing:
        clauses.append(Clause("end", ClauseKind.CLOSING, text="\n".join(closing)))
    warnings.extend(builder.warnings)
    if not clauses:
        warnings.append(ParseWarning(0, "no body text found after the title", WarningKind.NO_BODY))
    tree = ClauseTree(doc, lang, title, number, tuple(front), tuple(clauses))
    return ParseResult(tree, tuple(sorted(warnings, key=lambda w: w.line)))


def _body(
    body: list[Paragraph], builder: TreeBuilder, lang: str
) -> tuple[list[Paragraph], list[ParseWarning]]:
    """Feed the body paragraphs to ``builder``; returns the preamble (paragraphs before the
    first clause) and the warnings about unrecognised numbering."""
    preamble: list[Paragraph] = []
    warnings: list[ParseWarning] = []
    k = 0
    while k < len(body):
        p = body[k]
        k += 1
        label = builder.choose(p.text)
        if label is not None and builder.add_labelled(label, p.line):
            if builder.leftover:
                body.insert(k, Paragraph(p.line, builder.leftover))
                builder.leftover = ""
            elif k < len(body) and _title_below(builder, label, body[k].text, lang):
                builder.top.heading = body[k].text  # Article 3 / Definitions
                k += 1
            continue
        if label is None and LABEL_LIKE.match(p.text):
            warnings.append(
                ParseWarning(
                    p.line,
                    f"unrecognised numbering {p.text[:6]!r}…; kept as paragraph text",
                    WarningKind.UNRECOGNISED,
                )
            )
        nxt = body[k].text if k < len(body) else ""
        if nxt and is_unnumbered_heading(p.text, lang) and not is_unnumbered_heading(nxt, lang):
            builder.add_heading(p.text)
        elif not builder.root.children:
            preamble.append(p)
        else:
            builder.add_paragraph(p.text)
    return preamble, warnings


def _title_below(builder: TreeBuilder, label: Label, following: str, lang: str) -> bool:
    """A label alone on its line (``Article 3``, ``CHAPTER 2``) with a short title on the
    next: that line is its heading."""
    node = builder.top
    if node.heading or node.text or node.in_article or node.kind is ClauseKind.HEADING:
        return False
    if label.scheme.heading_rule(lang) not in (
        HeadingRule.TITLE,
        HeadingRule.SENTENCE,
        HeadingRule.TEXT,
    ):
        return False
    return is_unnumbered_heading(following, lang) and match_label(following) is None


def lacks_structure(tree: ClauseTree) -> bool:
    """True when nothing marks ``tree`` as a policy text: no document number, salutation,
    numbered clause, heading or closing, only paragraphs (prose of any kind)."""
    return not tree.number and all(c.kind is ClauseKind.PARAGRAPH for c in tree.clauses)


def _front_zone(paragraphs: list[Paragraph], lang: str) -> tuple[int, str, str, list[str], str]:
    """Title, document number, metadata lines and salutation at the top."""
    i, title, number, salutation = 0, "", "", ""
    front: list[str] = []
    if paragraphs:
        first = paragraphs[0].text
        max_len = 80 if lang == "zh" else 250
        label = match_label(first)
        if (
            (label is None or (label.style is Style.MARKDOWN and label.level == 1))
            and len(first) <= max_len
            and first[-1] not in "。：:"
            and not _is_salutation(first)
            and len(paragraphs) > 1
        ):
            title, i = first, 1
    while i < len(paragraphs):
        p = paragraphs[i].text
        if not number and _is_doc_number(p) and len(p) <= 80:
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


def _is_doc_number(p: str) -> bool:
    """A document number line: 国发〔2025〕11号, Guo Fa Document No. 11, H.R. 1."""
    m = _DOC_NUMBER_ZH.match(p)
    if m and all(map(is_ideograph, m.group(1))):
        return True
    return _DOC_NUMBER_EN.match(p) is not None


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
        if closing and _DATE_LINE.match(closing[0]) and len(p) <= short and p[-1] not in END_PUNCT:
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
