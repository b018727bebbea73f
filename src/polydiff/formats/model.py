"""What extracting a file gives: its text, the format it was, the metadata found in it."""

from __future__ import annotations

from collections.abc import Mapping

from polydiff.record import field, record


@record
class Found:
    """Document metadata found in the file itself (a gov.cn page's metadata table)."""

    title: str = ""
    number: str = ""
    """发文字号, e.g. 国发〔2025〕11号."""
    issuer: str = ""
    """发文机关."""
    date: str = ""
    """成文日期 (date of issue) as YYYY-MM-DD."""
    published: str = ""
    """发布日期 (date of publication) as YYYY-MM-DD."""
    fields: Mapping[str, str] = field(default_factory=dict)
    """Every label and value as the file gives them (索引号, 主题分类, …), verbatim."""

    def __bool__(self) -> bool:
        return bool(self.fields)


@record
class Extracted:
    """A file turned into the plain text the parser takes."""

    text: str
    """Paragraphs one per line, blank lines between them."""
    format: str
    """The format detected from the content: ``text``, ``html``, ``docx`` or ``pdf``."""
    encoding: str = ""
    """The character encoding the bytes were decoded with (text and web pages only)."""
    found: Found = field(default_factory=Found)
    warnings: tuple[str, ...] = ()
    """What the extraction removed or could not render, one line each."""
