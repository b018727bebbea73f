"""Git integration: a diff driver that shows clause text in plain ``git diff``, and a
pre-commit hook running ``polydiff check`` and ``polydiff review --staged``."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from polydiff.errors import InputError, PolydiffError, StoreError
from polydiff.record import record
from polydiff.store.repo import PolicyRepo

ATTR_LINES = ("policies/*/zh.yaml diff=polydiff", "policies/*/en.yaml diff=polydiff")
MARK = "# polydiff: managed"
HOOK = f"""#!/bin/sh
{MARK} (remove with 'polydiff git uninstall')
# Validate the corpus and review what is staged before each commit.
{{polydiff}} check || exit 1
{{polydiff}} review --staged || exit 1
"""
DRIVER = 'diff "polydiff"'


def _command() -> str:
    return f"{shlex.quote(sys.executable)} -m polydiff"


@record
class Installed:
    """What ``polydiff git install`` set up."""

    attributes: Path
    patterns: tuple[str, ...]
    hook: Path | None


def install(repo: PolicyRepo, hook: bool = True, force: bool = False) -> Installed:
    """The diff driver (``.gitattributes`` and ``git config``) and, with ``hook``, the
    pre-commit hook; a hook not made by polydiff is only replaced with ``force``."""
    history = repo.history
    attrs = history.top / ".gitattributes"
    lines = attrs.read_text(encoding="utf-8").splitlines() if attrs.exists() else []
    prefix = history.prefix
    wanted = tuple(f"{prefix}/{x}" if prefix else x for x in ATTR_LINES)
    hook_path = history.git_dir / "hooks" / "pre-commit"
    if hook and hook_path.exists() and not force and not _ours(hook_path):
        raise StoreError(
            f"{hook_path} exists and was not made by polydiff: pass --force to replace it"
        )
    added = [x for x in wanted if x not in lines]
    if added:
        attrs.write_text("\n".join([*lines, *added]) + "\n", encoding="utf-8")
    history.set_config(DRIVER, "textconv", f"{_command()} textconv")
    if not hook:
        return Installed(attrs, wanted, None)
    hook_path.parent.mkdir(parents=True, exist_ok=True)
    hook_path.write_text(HOOK.replace("{polydiff}", _command()), encoding="utf-8")
    hook_path.chmod(0o755)
    return Installed(attrs, wanted, hook_path)


def uninstall(repo: PolicyRepo) -> None:
    """Remove exactly what :func:`install` added."""
    history = repo.history
    attrs = history.top / ".gitattributes"
    if attrs.exists():
        lines = [
            x
            for x in attrs.read_text(encoding="utf-8").splitlines()
            if not x.endswith(" diff=polydiff")
        ]
        if lines:
            attrs.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            attrs.unlink()
    history.remove_config_section(DRIVER)
    hook = history.git_dir / "hooks" / "pre-commit"
    if hook.exists() and _ours(hook):
        hook.unlink()


def _ours(hook: Path) -> bool:
    return MARK in hook.read_text(encoding="utf-8", errors="replace")


def textconv(path: Path) -> bytes:
    """A clause-tree YAML file as readable text, one clause per paragraph (what git diffs).

    Anything that is not a loadable clause tree (another file, a tree broken by hand) is
    returned as it is, so ``git diff`` always works."""
    from polydiff.store import yamlio

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        data = yamlio.load(raw.decode("utf-8"), str(path))
        if not (isinstance(data, dict) and "clauses" in data):
            return raw
        tree = yamlio.tree_from_data(data, str(path))
    except (UnicodeDecodeError, PolydiffError):
        return raw
    out = [f"{tree.title}", f"{tree.number}".strip(), ""]
    for c in tree.walk():
        out.append(" ".join(x for x in (f"[{c.path}]", c.label, c.heading) if x))
        if c.text:
            out.append(c.text)
        out.append("")
    return "\n".join(out).encode("utf-8")
