"""The lineage use cases: build, check, review (confirm/reject), statistics and trace."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from polydiff.model.comparison import TermShift
from polydiff.model.lineage import Basis, LineageFile, Status, Trace
from polydiff.store.repo import PolicyRepo

if TYPE_CHECKING:  # the engines are imported by the calls that need them
    from polydiff.lineage.build import BuildResult
    from polydiff.lineage.check import LineageFinding
    from polydiff.lineage.review import Decision

Progress = Callable[[str, int, int], None]

__all__ = [
    "PairStats",
    "build",
    "check",
    "decide",
    "pair_stats",
    "trace",
]


def build(
    repo: PolicyRepo,
    only: Sequence[str] = (),
    force: bool = False,
    progress: Progress | None = None,
    commit: bool = False,
) -> BuildResult:
    """``polydiff lineage build``: recompute what is stale, keep every review."""
    from polydiff.lineage.build import build as run

    if commit:
        repo.history  # noqa: B018 - fail before any work when this is not a git repository
    return run(repo, only, force=force, progress=progress, commit=commit)


def check(repo: PolicyRepo) -> list[LineageFinding]:
    """``polydiff lineage check``: stale, missing, dangling, unplaced, broken, debris."""
    from polydiff.lineage.check import check_lineage

    return check_lineage(repo)


def decide(
    repo: PolicyRepo,
    source: str,
    target: str,
    status: Status,
    note: str | None = None,
    add: bool = False,
    commit: bool = False,
) -> Decision:
    """Confirm or reject the link ``source`` → ``target`` (``doc#path`` each); with
    ``commit``, commit it in the same locked step (see :mod:`polydiff.lineage.review`)."""
    from polydiff.lineage.review import set_review

    message = None
    if commit:
        repo.history  # noqa: B018 - fail before writing when this is not a git repository
        verb = "confirm" if status is Status.CONFIRMED else "reject"
        message = f"lineage: {verb} {source} → {target}" + (f"\n\n{note}" if note else "")
    return set_review(repo, source, target, status, note, add=add, commit_message=message)


def trace(
    repo: PolicyRepo,
    ref: str,
    depth: int = 10,
    lang: str | None = None,
    include_rejected: bool = False,
) -> Trace:
    """``polydiff trace``: the ancestors and descendants of clause ``ref``."""
    from polydiff.lineage.trace import trace as run

    return run(repo, ref, depth, lang, include_rejected)


@dataclass(frozen=True, slots=True)
class PairStats:
    """One lineage file summarised (``polydiff lineage stats``)."""

    file: LineageFile
    kinds: dict[str, int]
    """Links per kind."""
    statuses: dict[str, int]
    """Links per review status."""
    term_shifts: tuple[TermShift, ...]
    """For succession pairs compared by text: the systematic substitutions."""


def pair_stats(repo: PolicyRepo) -> list[PairStats]:
    """Every lineage file with its counts and (successions) term shifts."""
    from polydiff.lineage import files

    out = []
    for f in files.load_all(repo):
        kinds = Counter(link.kind.value for link in f.links)
        statuses = Counter(link.status.value for link in f.links)
        out.append(
            PairStats(
                f, dict(sorted(kinds.items())), dict(sorted(statuses.items())), _shifts(repo, f)
            )
        )
    return out


def _shifts(repo: PolicyRepo, f: LineageFile) -> tuple[TermShift, ...]:
    if f.basis is not Basis.TEXT or not f.relation.succession:
        return ()
    from polydiff.align import align

    cmp = align(repo.load_tree(f.from_doc, f.lang), repo.load_tree(f.to_doc, f.lang))
    return cmp.term_shifts


def lineage_files(repo: PolicyRepo) -> list[LineageFile]:
    """Every lineage file of the working tree."""
    from polydiff.lineage import files

    return files.load_all(repo)
