"""``polydiff check``: validate every document of the repository."""

from __future__ import annotations

from polydiff.record import record
from polydiff.store.repo import PolicyRepo
from polydiff.store.validate import Finding, Severity, check_repository

__all__ = ["CheckResult", "Finding", "Severity", "check"]


@record
class CheckResult:
    """Every finding, and how many documents were checked."""

    documents: int
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def check(repo: PolicyRepo) -> CheckResult:
    """Schema, unique paths, zh/en agreement, raw text accounted for, relations, and files
    left by interrupted writes."""
    return CheckResult(len(repo.doc_ids()), check_repository(repo))
