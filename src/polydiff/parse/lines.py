"""Lines → paragraphs, joining the lines of hard-wrapped text.

A text is *hard-wrapped* when its lines stop at a common width (at most 100 columns, CJK
characters counting two, or as many characters, whichever the lines show more sharply)
and some of the longest lines stop in mid-sentence. In such a
text a line continues the paragraph above it unless

- a blank line comes first, or the line starts a bullet or markdown heading;
- it starts with a label, and the line above ends with punctuation or is short;
- the line above is short: the first word of this line would have fitted on it;
- it is indented more than the line above (a first-line indent), except where it lines up
  with the text after the label on the line above (a hanging indent).

An English line that starts in lower case after a line that stops without punctuation
always continues it: a sentence going on.

Joined lines are separated by a space in English, by nothing in Chinese (a space between
two Latin letters or digits). A word broken at a hyphen (``sector-`` / ``specific``) is
joined without a space; the hyphen stays, unless the text elsewhere writes the word
without one and never with it (``develop-`` / ``ment``), and then it goes (the accounting
check knows: :func:`polydiff.parse.accounting.unaccounted`).

In a text that is not hard-wrapped every other line is a paragraph.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right

from polydiff.lazyre import lazy
from polydiff.parse.numbering import match_labels, starts_list_item
from polydiff.record import field, record

WRAP_MAX = 100
"""Widest wrap width recognised, in columns."""
INVISIBLE = "\ufeff\u200b"
"""Characters that are not text (byte-order marks, zero-width spaces): blank like spaces."""
_EDGES = lazy(rf"^[\s{INVISIBLE}]+|[\s{INVISIBLE}]+$")
_WIDE = lazy(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)
_SENTENCE_CLOSE = "。.!?！？；;：:"
_ANY_PUNCT = _SENTENCE_CLOSE + '，,、…—-”"’)）】》'
_LETTER = lazy(r"[A-Za-z]")
_ALNUM = lazy(r"[A-Za-z0-9]")


@record(frozen=False)
class Paragraph:
    """A paragraph of the input with the line it starts on."""

    line: int
    text: str


@record(frozen=False)
class _Line:
    number: int
    raw: str
    text: str
    indent: int = 0
    """Columns of leading whitespace (set by :meth:`measure`, as the two below)."""
    width: int = 0
    """Columns, indentation included."""
    length: int = 0
    """Characters, indentation included (what a wrapper counting characters counts)."""

    def measure(self) -> None:
        lead = self.raw[: len(self.raw) - len(self.raw.lstrip())].expandtabs(8)
        self.indent = width(lead)
        self.width = self.indent + width(self.text)
        self.length = len(self.raw.rstrip().expandtabs(8))


def width(s: str) -> int:
    """Columns ``s`` takes in a monospaced font (CJK characters two)."""
    return len(s) + len(_WIDE.findall(s))


def _columns(widths: list[int]) -> int:
    """The wrap width: the widest width (at most :data:`WRAP_MAX`) that several lines come
    close to, and not a lone line much wider than the next (a title, a heading)."""
    fitting = sorted(-w for w in widths if w <= WRAP_MAX)  # widest first, negated
    need = max(2, len(widths) // 20)
    for i, w in enumerate(fitting):
        if i + 1 < len(fitting) and -w > -fitting[i + 1] + 2:
            continue
        if bisect_right(fitting, w + 4) - i >= need:
            return -w
    return 0


def _broken_word(text: str) -> bool:
    """Whether ``text`` ends with a letter and a hyphen (``sector-``)."""
    return text.endswith("-") and bool(_LETTER.fullmatch(text[-2:-1]))


def _peak(widths: list[int]) -> int:
    """How many lines reach the wrap width (within a column): the sharper the peak, the
    likelier the measure is the one the text was wrapped by."""
    w = _columns(widths)
    return sum(1 for x in widths if w - 1 <= x <= w) if w else 0


def split_paragraphs(text: str, lang: str) -> list[Paragraph]:
    """Lines → paragraphs (see the module doc)."""
    lines = _lines(text)
    wrap = _Wrap.of(lines, lang, text)
    paragraphs: list[Paragraph] = []
    first: _Line | None = None
    prev: _Line | None = None
    for ln in lines:
        if not ln.text:
            prev = None
            continue
        if prev is not None and first is not None and wrap.joins(first, prev, ln):
            paragraphs[-1].text = wrap.join(paragraphs[-1].text, ln.text)
        else:
            paragraphs.append(Paragraph(ln.number, ln.text))
            first = ln
        prev = ln
    return paragraphs


def _lines(text: str) -> list[_Line]:
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(ch in text for ch in INVISIBLE):
        return [_Line(i, ln, _EDGES.sub("", ln)) for i, ln in enumerate(raw, 1)]
    return [_Line(i, ln, ln.strip()) for i, ln in enumerate(raw, 1)]


@record(frozen=False)
class _Wrap:
    """The wrap width of a hard-wrapped text, and how its lines join."""

    columns: int
    """The wrap width; 0: the text is not hard-wrapped."""
    lang: str
    source: str
    hanging: bool = True
    """Indented lines under a labelled line continue it (else they start paragraphs)."""
    chars: bool = False
    """The text was wrapped at a number of characters (CJK characters count one)."""
    word_set: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, lines: list[_Line], lang: str, source: str) -> _Wrap:
        """The wrap of ``lines`` (``columns`` 0 when the text is not hard-wrapped)."""
        unwrapped = cls(0, lang, source)
        nonblank = [ln for ln in lines if ln.text]
        if len(nonblank) < 3:
            return unwrapped
        over = sum(1 for ln in nonblank if len(ln.raw) > WRAP_MAX)
        if over > 0.1 * len(nonblank):
            return unwrapped  # most texts: one paragraph a line
        for ln in lines:
            ln.measure()
        by_columns = [ln.width for ln in nonblank]
        by_chars = [ln.length for ln in nonblank]
        chars = _peak(by_chars) > _peak(by_columns)  # wrapped at N characters, not columns
        widths = by_chars if chars else by_columns
        columns = _columns(widths)
        if columns < 20:
            return unwrapped
        full = [ln for ln, w in zip(nonblank, widths, strict=True) if w >= 0.85 * columns]
        open_ended = sum(1 for ln in full if ln.text[-1] not in _SENTENCE_CLOSE)
        if open_ended < max(2, 0.05 * len(nonblank)):
            return unwrapped
        wrap = cls(columns, lang, source, chars=chars)
        wrap.hanging = wrap._hanging_style(lines)
        return wrap

    def _size(self, line: _Line) -> int:
        return line.length if self.chars else line.width

    def _hanging_style(self, lines: list[_Line]) -> bool:
        """Whether indented lines continue labelled paragraphs (a hanging indent) rather
        than start paragraphs (a first-line indent): which the text shows more often."""
        hanging = first_line = 0
        for prev, line in itertools.pairwise(lines):
            if not (prev.text and line.text) or line.indent <= prev.indent:
                continue
            if not self._full(prev, line.text):
                first_line += not match_labels(line.text)
            elif prev.text[-1] not in _SENTENCE_CLOSE and self._lines_up(prev, line.indent):
                hanging += 1
        return hanging >= first_line

    def joins(self, first: _Line, prev: _Line, line: _Line) -> bool:
        """Whether ``line`` continues the paragraph that started at ``first`` and whose last
        line so far is ``prev``."""
        if starts_list_item(line.text):
            return False
        going_on = (  # an English sentence going on in lower case
            self.lang == "en"
            and line.text[0].islower()
            and prev.text[-1] not in _ANY_PUNCT
            and not match_labels(line.text)
        )
        if not self.columns or going_on:
            return going_on
        if not self._full(prev, line.text):
            return False
        if match_labels(line.text) and prev.text[-1] in _ANY_PUNCT:
            return False
        indent = line.indent
        if indent > prev.indent:
            return self.hanging and prev is first and self._lines_up(first, indent)
        return True

    def _full(self, prev: _Line, following: str) -> bool:
        """Whether the first word of ``following`` would not have fitted on ``prev``."""
        if self.lang == "zh" or _WIDE.match(following):
            word, gap, slack = following[:1], 0, 1 if self.chars else 2
        else:
            word, gap, slack = following.split(None, 1)[0], 1, 1 + self.columns // 40
        if _broken_word(prev.text):
            gap = 0
        size = self._size(prev)
        if size > self.columns + slack:
            return False  # wider than the wrap: a line nobody wrapped (a title, a table row)
        word_size = len(word) if self.chars else width(word)
        return size + gap + word_size > self.columns - slack

    @staticmethod
    def _lines_up(first: _Line, indent: int) -> bool:
        """Whether ``indent`` lines up with the text after the label of ``first``."""
        found = match_labels(first.text)
        if not found:
            return False
        start = first.indent + width(first.text[: len(first.text) - len(found[0].rest)])
        return abs(indent - start) <= 1

    def join(self, paragraph: str, line: str) -> str:
        """``paragraph`` continued by ``line``."""
        if _broken_word(paragraph) and line[:1].isalpha():
            return paragraph[:-1] + line if self._soft_hyphen(paragraph, line) else paragraph + line
        if self.lang == "zh":
            ascii_pair = _ALNUM.fullmatch(paragraph[-1:]) and _ALNUM.match(line)
            return paragraph + (" " if ascii_pair else "") + line
        return f"{paragraph} {line}"

    def _soft_hyphen(self, paragraph: str, line: str) -> bool:
        """Whether the hyphen ending ``paragraph`` only breaks a word: the text writes the
        word without it elsewhere, and never with it."""
        head = re.search(r"[A-Za-z]+-$", paragraph[-80:])
        tail = re.match(r"[A-Za-z]+", line)
        if head is None or tail is None:
            return False
        whole = (head.group()[:-1] + tail.group()).lower()
        return whole in self._words and f"{head.group()}{tail.group()}".lower() not in self._words

    @property
    def _words(self) -> frozenset[str]:
        """The words of the source, in lower case (found on first use)."""
        if self.word_set is None:
            self.word_set = frozenset(re.findall(r"[a-z]+(?:-[a-z]+)*", self.source.lower()))
        return self.word_set
