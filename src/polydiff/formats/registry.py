"""The input formats, in the order their content is tested, and :func:`extract`.

A new format is one module (``sniff(data) -> bool`` and ``extract(data, name, encoding)
-> Extracted``, heavy imports inside ``extract``), one row of :data:`FORMATS` and a test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePath

from polydiff.errors import InputError
from polydiff.formats import docx, html, pdf, refused, text
from polydiff.formats.model import Extracted
from polydiff.record import record

Extract = Callable[[bytes, str, "str | None"], Extracted]


@record
class Format:
    """One input format."""

    name: str
    label: str
    extensions: tuple[str, ...]
    """File name endings that claim this format (a name that claims another is refused)."""
    sniff: Callable[[bytes], bool]
    extract: Extract
    encoded: bool = False
    """Whether ``--encoding`` means anything for it."""
    refused: bool = False
    """Recognised only to be refused with advice (its ``extract`` always raises)."""


FORMATS: tuple[Format, ...] = (
    Format(pdf.NAME, "PDF", pdf.EXTENSIONS, pdf.sniff, pdf.extract),
    Format(docx.NAME, "DOCX", docx.EXTENSIONS, docx.sniff, docx.extract),
    Format(
        "zip",
        "a ZIP archive",
        (".zip", ".xlsx", ".pptx", ".odt", ".epub"),
        refused.sniff_zip,
        refused.refuse_zip,
        refused=True,
    ),
    Format(
        "ole",
        "old binary Word (.doc)",
        (".doc", ".xls", ".ppt"),
        refused.sniff_ole,
        refused.refuse_ole,
        refused=True,
    ),
    Format(html.NAME, "HTML", html.EXTENSIONS, html.sniff, html.extract, encoded=True),
    Format(text.NAME, "plain text", text.EXTENSIONS, text.sniff, text.extract, encoded=True),
)


def detect(data: bytes, name: str) -> Format:
    """The format of ``data`` by its content; raises :class:`InputError` when the file's
    name claims a different one."""
    found = next(f for f in FORMATS if f.sniff(data))
    suffix = PurePath(name).suffix.lower()
    claimed = next((f for f in FORMATS if suffix in f.extensions), None)
    if claimed is None or claimed is found or found.refused:
        return found
    if found.name == text.NAME:
        try:
            found.extract(data, name, None)
        except InputError:
            raise InputError(f"{name}: not {claimed.label} as its name says, nor text") from None
    raise InputError(
        f"{name}: looks like {found.label}, not {claimed.label} as its name says; "
        f"rename it to {found.extensions[0]} to import it as {found.label}"
    )


def extract(data: bytes, name: str, encoding: str | None = None) -> Extracted:
    """Detect the format of ``data`` (the content of file ``name``) and extract its text."""
    fmt = detect(data, name)
    if encoding and not fmt.encoded:
        raise InputError(f"{name}: --encoding applies to text and web pages, not {fmt.label}")
    return fmt.extract(data, name, encoding)


def read(path: Path) -> bytes:
    """The bytes of ``path``, with one-line errors for missing or unreadable files."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
