"""One exception hierarchy for polydiff and the exit codes it maps to.

Every error a user can cause (bad file, unknown document, unknown revision, broken YAML)
is a :class:`PolydiffError`; the CLI turns it into one line on stderr and
:attr:`ExitCode.ERROR`. Nothing else in the code decides exit codes.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit statuses in the style of diff(1)."""

    OK = 0
    """Success; for comparisons: no differences."""
    FINDINGS = 1
    """Differences found, or findings that need a person."""
    ERROR = 2
    """Usage or input error."""


class PolydiffError(Exception):
    """Base class of every error polydiff reports to the user."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(PolydiffError):
    """An input file cannot be used (empty, binary, wrong encoding, not a policy)."""


class ParseError(PolydiffError):
    """Text was readable but could not be turned into a clause tree."""


class StoreError(PolydiffError):
    """The policy repository or one of its files is missing or malformed."""


class UnknownDocumentError(StoreError):
    """A document id that is not in the repository."""


class RevisionError(StoreError):
    """A git revision that does not exist or cannot be read."""


class ClusterError(PolydiffError):
    """The Dask cluster a build ran on failed it (a worker died, the scheduler went away);
    nothing was written."""


class UsageError(PolydiffError):
    """Arguments that do not fit together."""


class CitationError(UsageError):
    """A clause reference that names no clause of the document, or several."""
