"""Git access (GitPython): read files at any revision without a checkout, list the
revisions of a path and what each commit changed, commit what polydiff wrote, read and set
configuration. Only this module imports ``git``, and only when a command needs history
(``import git`` costs ~0.1 s); no GitPython object leaves it: callers get shas, bytes,
:class:`Revision` and :class:`FileChange` values and the sources of :mod:`store.sources`."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polydiff.errors import RevisionError, StoreError
from polydiff.record import record

if TYPE_CHECKING:
    import git


@record
class Revision:
    """One commit that touched a path."""

    sha: str
    date: str
    """Author date, ISO 8601 in UTC."""
    author: str
    message: str
    """First line of the commit message."""

    @property
    def short(self) -> str:
        return self.sha[:10]


@record
class FileChange:
    """A file a commit added, changed or deleted (against its first parent)."""

    path: str
    """Repository-relative path (of the policy repository, not of the git tree)."""
    before: bytes | None
    """Content before the commit; None when the commit added the file."""
    after: bytes | None
    """Content after the commit; None when the commit deleted the file."""


class GitSource:
    """Files of the policy repository as they were at one commit."""

    def __init__(self, history: GitHistory, commit: git.Commit, rev: str) -> None:
        self.history = history
        self._commit = commit
        self.rev: str | None = rev
        self.sha: str = str(commit.hexsha)

    def _entry(self, rel: str) -> Any:
        path = self.history.git_path(rel)
        try:
            return self._commit.tree / path if path else self._commit.tree
        except KeyError:
            return None

    def read(self, rel: str) -> bytes | None:
        entry = self._entry(rel)
        if entry is None or entry.type != "blob":
            return None
        data: bytes = entry.data_stream.read()
        return data

    def list_dir(self, rel: str) -> list[str]:
        entry = self._entry(rel)
        if entry is None or entry.type != "tree":
            return []
        return sorted(item.name for item in entry if not item.name.startswith("."))

    def describe(self, rel: str) -> str:
        return f"{rel}@{self.rev}"

    def blob_sha(self, rel: str) -> str | None:
        """Git blob id of ``rel`` at this commit (what lineage files record)."""
        entry = self._entry(rel)
        return entry.hexsha if entry is not None and entry.type == "blob" else None


class IndexSource:
    """Files of the policy repository as staged in the git index (``--staged``)."""

    rev: str | None = "index"

    def __init__(self, history: GitHistory) -> None:
        self.history = history
        self.entries: dict[str, str] = {
            str(path): entry.hexsha
            for (path, stage), entry in history.repo.index.entries.items()
            if stage == 0
        }

    def read(self, rel: str) -> bytes | None:
        sha = self.entries.get(self.history.git_path(rel))
        return None if sha is None else self.history.read_blob(sha)

    def list_dir(self, rel: str) -> list[str]:
        prefix = self.history.git_path(rel).rstrip("/") + "/"
        names = {p[len(prefix) :].split("/", 1)[0] for p in self.entries if p.startswith(prefix)}
        return sorted(n for n in names if not n.startswith("."))

    def describe(self, rel: str) -> str:
        return f"{rel} (staged)"


class EmptySource:
    """A repository with nothing in it (``--base empty``: review everything as added)."""

    rev: str | None = "empty"

    def read(self, rel: str) -> bytes | None:
        return None

    def list_dir(self, rel: str) -> list[str]:
        return []

    def describe(self, rel: str) -> str:
        return f"{rel}@empty"


class GitHistory:
    """The git repository that holds a policy repository rooted at ``root``."""

    def __init__(self, root: Path) -> None:
        import git

        try:
            self.repo = git.Repo(root, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise StoreError(
                f"{root}: not inside a git repository (run 'polydiff init' or 'git init')"
            ) from None
        top = Path(self.repo.working_tree_dir or root).resolve()
        self.prefix = root.resolve().relative_to(top).as_posix()
        if self.prefix == ".":
            self.prefix = ""

    def git_path(self, rel: str) -> str:
        """A repository-relative path as a path inside the git tree."""
        rel = rel.strip("/")
        return f"{self.prefix}/{rel}".strip("/") if self.prefix else rel

    def _commit(self, rev: str) -> git.Commit:
        """The commit ``rev`` names (sha, tag, branch, ``HEAD~2``…); a revision that names
        no commit (``HEAD:path`` is a file, ``nosuchrev`` nothing) is a RevisionError."""
        import git

        try:
            obj = self.repo.rev_parse(rev)
            while obj.type == "tag":
                obj = obj.object
        except (git.BadName, git.BadObject, ValueError, IndexError, KeyError, TypeError):
            if not self.repo.head.is_valid():
                raise RevisionError(
                    f"unknown revision {rev!r}: the repository has no commits yet"
                ) from None
            raise RevisionError(f"unknown revision {rev!r}") from None
        if obj.type != "commit":
            raise RevisionError(f"revision {rev!r} names a {obj.type}, not a commit")
        commit: git.Commit = obj
        return commit

    def resolve(self, rev: str) -> str:
        """The sha of the commit ``rev`` names."""
        return str(self._commit(rev).hexsha)

    def source(self, rev: str) -> GitSource:
        """Read-only view of the repository at ``rev``."""
        return GitSource(self, self._commit(rev), rev)

    def index(self) -> IndexSource:
        """The files as staged in the index."""
        return IndexSource(self)

    def is_shallow(self) -> bool:
        """True for a shallow clone (history cut off)."""
        return (Path(self.repo.git_dir) / "shallow").exists()

    def main_branch(self) -> str | None:
        """The branch changes are reviewed against: origin/main, main, origin/master, master."""
        import git

        for name in ("origin/main", "main", "origin/master", "master"):
            try:
                self.repo.commit(name)
            except (git.BadName, ValueError):
                continue
            return name
        return None

    def merge_base(self, a: str, b: str) -> str:
        """The best common ancestor of two revisions."""
        bases = self.repo.merge_base(self._commit(a), self._commit(b))
        if not bases:
            raise RevisionError(f"{a} and {b} have no common history")
        return str(bases[0].hexsha)

    def commits_between(self, base: str, head: str, rel: str) -> list[Revision]:
        """Commits in ``base..head`` that touched ``rel``, oldest first."""
        spec = f"{self.resolve(base)}..{self.resolve(head)}"
        commits = self.repo.iter_commits(spec, paths=self.git_path(rel) or ".")
        return list(reversed([_revision(c) for c in commits]))

    def changes(self, sha: str, rel: str) -> list[FileChange]:
        """The files under ``rel`` that commit ``sha`` changed, against its first parent
        (every file as added for a root commit)."""
        commit = self._commit(sha)
        prefix = self.prefix + "/" if self.prefix else ""
        if not commit.parents:
            try:
                top: Any = commit.tree / self.git_path(rel) if self.git_path(rel) else commit.tree
            except KeyError:
                return []
            blobs: list[Any] = list(top.traverse()) if top.type == "tree" else [top]
            return [
                FileChange(str(b.path).removeprefix(prefix), None, b.data_stream.read())
                for b in blobs
                if b.type == "blob"
            ]
        out = []
        for d in commit.parents[0].diff(commit, paths=self.git_path(rel) or None):
            path = str(d.b_path or d.a_path).removeprefix(prefix)
            before = d.a_blob.data_stream.read() if d.a_blob else None
            after = d.b_blob.data_stream.read() if d.b_blob else None
            out.append(FileChange(path, before, after))
        return out

    def revisions(self, rel: str, rev: str = "HEAD") -> list[Revision]:
        """Commits that changed ``rel`` (file or folder) up to ``rev``, newest first."""
        if rev == "HEAD" and not self.repo.head.is_valid():
            return []
        commits = self.repo.iter_commits(self.resolve(rev), paths=self.git_path(rel) or ".")
        return [_revision(c) for c in commits]

    def read_blob(self, sha: str) -> bytes | None:
        """Content of the blob ``sha`` (None when the object database does not have it)."""
        import binascii

        try:
            stream = self.repo.odb.stream(binascii.unhexlify(sha))
        except (ValueError, binascii.Error, Exception):
            return None
        data: bytes = stream.read()
        return data

    def commit(self, paths: list[str], message: str) -> str:
        """Stage ``paths`` (repository-relative) and commit only them; returns the new sha.

        Other changes already staged in the index are left staged, not committed."""
        import git

        git_paths = [self.git_path(p) for p in paths]
        try:
            self.repo.git.add("-A", "--", *git_paths)
            self.repo.git.commit("-m", message, "--", *git_paths)
        except git.GitCommandError as exc:
            lines = [ln.strip() for ln in f"{exc.stderr or ''}\n{exc.stdout or ''}".splitlines()]
            lines = [
                ln.removeprefix("stderr: ").removeprefix("stdout: ").strip("'") for ln in lines
            ]
            lines = [ln for ln in lines if ln]
            reason = lines[-1] if lines else str(exc)
            raise StoreError(
                f"git commit failed (files are written, not committed): {reason}"
            ) from None
        return str(self.repo.head.commit.hexsha)

    # --- configuration and layout (for 'polydiff git install') ------------------------------

    @property
    def git_dir(self) -> Path:
        """The repository's git folder (``.git``)."""
        return Path(self.repo.git_dir)

    @property
    def top(self) -> Path:
        """The root of the git working tree (which may hold the policy repository below)."""
        return Path(self.repo.working_tree_dir or ".").resolve()

    def config_value(self, section: str, option: str, default: str = "") -> str:
        """A configuration value (``user.name``…), or ``default``."""
        return str(self.repo.config_reader().get_value(section, option, default))

    def set_config(self, section: str, option: str, value: str) -> None:
        """Set a value in the repository's own configuration."""
        with self.repo.config_writer() as cfg:
            cfg.set_value(section, option, value)

    def remove_config_section(self, section: str) -> None:
        """Remove a section of the repository's own configuration, if present."""
        with self.repo.config_writer() as cfg:
            if cfg.has_section(section):
                cfg.remove_section(section)


def _revision(c: git.Commit) -> Revision:
    return Revision(
        c.hexsha,
        datetime.fromtimestamp(c.authored_date, UTC).isoformat(),
        str(c.author.name),
        str(c.message).strip().splitlines()[0] if c.message else "",
    )


def init_repository(root: Path) -> bool:
    """Make ``root`` a git repository unless it is inside one; True when one was created."""
    import git

    try:
        git.Repo(root, search_parent_directories=True)
        return False
    except git.InvalidGitRepositoryError:
        git.Repo.init(root)
        return True
