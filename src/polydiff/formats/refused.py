"""Files polydiff recognises but does not import, each refused with what to do instead:
old binary Office files (.doc, .xls, .ppt) and ZIP archives that are not Word documents."""

from __future__ import annotations

import io

from polydiff.errors import InputError
from polydiff.formats.docx import ZIP_MAGIC
from polydiff.formats.model import Extracted

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT = "soffice --headless --convert-to docx FILE"
_KINDS = (
    ("xl/", "an Excel workbook (XLSX)"),
    ("ppt/", "a PowerPoint presentation (PPTX)"),
    ("content.xml", "an OpenDocument file (ODT/ODS)"),
    ("META-INF/container.xml", "an EPUB book"),
)


def sniff_ole(data: bytes) -> bool:
    """An OLE2 compound file: old binary Word, Excel or PowerPoint."""
    return data.startswith(OLE_MAGIC)


def refuse_ole(data: bytes, name: str, encoding: str | None) -> Extracted:
    """Old binary Word is not read: say how to convert it."""
    raise InputError(
        f"{name}: an old binary Word/Office file (.doc); convert it to .docx "
        f"(Word: Save As .docx, or {CONVERT}) and import that"
    )


def sniff_zip(data: bytes) -> bool:
    """Any other ZIP archive (checked after DOCX)."""
    return data.startswith(ZIP_MAGIC)


def refuse_zip(data: bytes, name: str, encoding: str | None) -> Extracted:
    """Say what the archive is, or that it is damaged."""
    import zipfile  # with the first archive: sniffing needs only the magic bytes

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"{name}: a corrupt ZIP archive (truncated or damaged: {exc})") from None
    kind = next((k for part, k in _KINDS if any(n.startswith(part) for n in names)), None)
    what = kind or "a ZIP archive"
    raise InputError(f"{name}: {what}, not a document polydiff imports; save it as .docx")
