"""The lineage use cases: build, check, review (confirm/reject), statistics and trace."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from polydiff.errors import ClusterError, PolydiffError, UsageError
from polydiff.model.comparison import TermShift
from polydiff.model.lineage import Basis, LineageFile, Status, Trace
from polydiff.record import record
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
    workers: int | None = None,
    scheduler: str | None = None,
) -> BuildResult:
    """``polydiff lineage build``: recompute what is stale, keep every review. Discovery
    runs in this process, or on a Dask cluster: a local one of ``workers`` processes, or
    the one at ``scheduler`` (its workers must see the repository at the same path)."""
    from polydiff.lineage.build import build as run

    if commit:
        repo.history  # noqa: B018 - fail before any work when this is not a git repository
    if workers is None and not scheduler:
        return run(repo, only, force=force, progress=progress, commit=commit)
    with _cluster(workers, scheduler) as client:
        from polydiff.lineage.distributed import DaskDiscovery

        discovery = DaskDiscovery(client, repo.root)
        try:
            return run(repo, only, force, progress, commit, discovery)
        except PolydiffError:
            raise
        except Exception as exc:  # what the cluster raises: a lost worker, a closed comm
            if not type(exc).__module__.startswith(("distributed", "dask", "tornado")):
                raise
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClusterError(
                f"the Dask cluster failed the build ({reason}); nothing written"
            ) from None


@contextmanager
def _cluster(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A Dask client: of a local cluster of ``workers`` processes, or of ``scheduler``."""
    import importlib

    try:
        dd: Any = importlib.import_module("distributed")  # untyped; optional (polydiff[scale])
    except ImportError:
        raise UsageError(
            "--workers and --scheduler need Dask: pip install 'polydiff[scale]'"
        ) from None
    if scheduler:
        try:
            client = dd.Client(scheduler, timeout=20)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"no Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    if workers is not None and workers < 1:
        raise UsageError("--workers must be 1 or more")
    with (
        dd.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        dd.Client(cluster) as client,
    ):
        yield client


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


@record
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
