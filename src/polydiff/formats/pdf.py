"""PDF files by pdfminer.six: its layout analysis gives lines in reading order with the
position of every character, from which :mod:`polydiff.formats.pdf_layout` removes page
furniture and joins lines broken at the page width."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from polydiff.errors import InputError
from polydiff.extras import require
from polydiff.formats.model import Extracted
from polydiff.lazyre import lazy
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:  # the layout rules load with the first PDF
    from typing import Any

    from polydiff.formats.pdf_layout import Line

NAME = "pdf"
EXTENSIONS = (".pdf",)
NEEDS = {"pdfminer": "pdfminer.six"}
_CID = lazy(r"\(cid:\d+\)")
_WIDE = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_FIRST = lazy(rf"[{_WIDE}]|[^\s{_WIDE}]+")
"""A line's first word: one Chinese character, or a run of anything else up to a space."""
OCR_HINT = "run OCR on it first (e.g. ocrmypdf -l chi_sim+eng in.pdf out.pdf) and import the result"


def sniff(data: bytes) -> bool:
    """``%PDF-`` in the first kilobyte."""
    return b"%PDF-" in data[:1024]


def extract(data: bytes, name: str, encoding: str | None) -> Extracted:
    """The text of every page in reading order, as paragraphs."""
    from polydiff.formats.pdf_layout import furniture, paragraphs

    require("PDF import", NEEDS)
    pages = _read_pages(data, name)
    if not any(pages):
        raise InputError(f"{name}: the PDF has no text layer (a scanned image?); {OCR_HINT}")
    drop = furniture(pages)
    body = [ln for page in pages for ln in page if ln not in drop]
    text = "\n\n".join(paragraphs(body)) + "\n"
    unmapped = len(_CID.findall(text))
    if unmapped > 0.05 * len(text):
        raise InputError(f"{name}: the PDF's fonts give no Unicode for most characters; {OCR_HINT}")
    warnings = []
    if unmapped:
        text = _CID.sub("\ufffd", text)
        warnings.append(f"{unmapped} glyph(s) without Unicode shown as \ufffd")
    blank = [str(i + 1) for i, page in enumerate(pages) if not page]
    if blank:
        warnings.append(f"page(s) {', '.join(blank)} have no text layer (scanned?): not imported")
    if drop:
        kinds = sorted({re.sub(r"\d+", "N", ln.text.strip()) for ln in drop})
        warnings.append(
            f"removed {len(drop)} running header/footer and page-number line(s): "
            + " / ".join(kinds)
        )
    return Extracted(text, NAME, "", warnings=tuple(warnings))


def _read_pages(data: bytes, name: str) -> list[list[Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return [
            list(_lines(page, i))
            for i, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()))
        ]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(
            f"{name}: the PDF is encrypted and needs a password; decrypt it "
            "(e.g. qpdf --decrypt --password=… in.pdf out.pdf) and import that"
        ) from None
    except Exception as exc:  # a damaged file can fail anywhere inside the parser
        raise InputError(f"{name}: not a readable PDF (corrupt or truncated: {exc!r})") from None


def _lines(page: Any, index: int) -> Iterator[Line]:
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    from polydiff.formats.pdf_layout import Line

    for box in page:
        if not isinstance(box, LTTextContainer):
            continue
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            text = line.get_text().strip()
            if not text:
                continue
            chars = [c for c in line if isinstance(c, LTChar)]
            m = _FIRST.match(text)
            n = len(m.group(0)) if m else 1
            first = sum(c.width for c in chars[:n])
            size = max((c.size for c in chars), default=line.height)
            yield Line(index, line.x0, line.x1, line.y0, line.y1, text, first, size)
