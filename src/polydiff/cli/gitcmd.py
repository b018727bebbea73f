"""``polydiff git install|uninstall`` and ``polydiff textconv``: git integration.

``install`` makes plain ``git diff`` / ``git log -p`` show clause text for clause-tree files
(a diff driver: ``.gitattributes`` plus ``git config diff.polydiff.textconv``) and installs a
pre-commit hook running ``polydiff check`` and ``polydiff review --staged``. ``uninstall``
removes exactly what ``install`` added.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from polydiff.cli.common import repo_from
from polydiff.errors import ExitCode, StoreError

ATTR_LINES = ("policies/*/zh.yaml diff=polydiff", "policies/*/en.yaml diff=polydiff")
MARK = "# polydiff: managed"
HOOK = f"""#!/bin/sh
{MARK} (remove with 'polydiff git uninstall')
# Validate the corpus and review what is staged before each commit.
{{polydiff}} check || exit 1
{{polydiff}} review --staged || exit 1
"""


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "git",
        help="install or remove the git integration",
        description="git install: a diff driver so git diff shows clause text, and a "
        "pre-commit hook (polydiff check; polydiff review --staged). "
        "git uninstall: remove them.",
    )
    verbs = p.add_subparsers(dest="verb", metavar="VERB", required=True)
    i = verbs.add_parser("install", help="install the diff driver and pre-commit hook")
    i.add_argument(
        "--force", action="store_true", help="replace a pre-commit hook not made by polydiff"
    )
    i.add_argument("--no-hook", action="store_true", help="only the diff driver")
    i.set_defaults(func=run_install)
    u = verbs.add_parser("uninstall", help="remove what install added")
    u.set_defaults(func=run_uninstall)
    t = sub.add_parser("textconv", help=argparse.SUPPRESS)
    t.add_argument("file", type=Path)
    t.set_defaults(func=run_textconv)


def _command() -> str:
    return f"{shlex.quote(sys.executable)} -m polydiff"


def run_install(args: argparse.Namespace) -> int:
    repo = repo_from(args)
    history = repo.history
    top = history.top
    prefix = history.prefix
    attrs = top / ".gitattributes"
    lines = attrs.read_text(encoding="utf-8").splitlines() if attrs.exists() else []
    wanted = [f"{prefix}/{x}" if prefix else x for x in ATTR_LINES]
    added = [x for x in wanted if x not in lines]
    if added:
        attrs.write_text("\n".join([*lines, *added]) + "\n", encoding="utf-8")
    history.set_config('diff "polydiff"', "textconv", f"{_command()} textconv")
    print(f"diff driver: {', '.join(wanted)} in {attrs}; git config diff.polydiff.textconv")
    if not args.no_hook:
        hook = history.git_dir / "hooks" / "pre-commit"
        if (
            hook.exists()
            and MARK not in hook.read_text(encoding="utf-8", errors="replace")
            and not args.force
        ):
            raise StoreError(
                f"{hook} exists and was not made by polydiff: pass --force to replace it"
            )
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text(HOOK.replace("{polydiff}", _command()), encoding="utf-8")
        hook.chmod(0o755)
        print(f"pre-commit hook: {hook}")
    return ExitCode.OK


def run_uninstall(args: argparse.Namespace) -> int:
    repo = repo_from(args)
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
    history.remove_config_section('diff "polydiff"')
    hook = history.git_dir / "hooks" / "pre-commit"
    if hook.exists() and MARK in hook.read_text(encoding="utf-8", errors="replace"):
        hook.unlink()
    print("removed the polydiff diff driver and pre-commit hook")
    return ExitCode.OK


def run_textconv(args: argparse.Namespace) -> int:
    """Print a clause-tree YAML file as readable text, one clause per paragraph (for git).

    Anything that is not a loadable clause tree (another file, a tree broken by hand) is
    printed as it is, so ``git diff`` always works."""
    from polydiff.errors import InputError, PolydiffError
    from polydiff.store import yamlio

    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise InputError(f"{args.file}: cannot read ({exc.strerror})") from None
    try:
        data = yamlio.load(raw.decode("utf-8"), str(args.file))
        tree = yamlio.tree_from_data(data, str(args.file)) if _is_tree(data) else None
    except (UnicodeDecodeError, PolydiffError):
        tree = None
    if tree is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        return ExitCode.OK
    out = [f"{tree.title}", f"{tree.number}".strip(), ""]
    for c in tree.walk():
        head = " ".join(x for x in (f"[{c.path}]", c.label, c.heading) if x)
        out.append(head)
        if c.text:
            out.append(c.text)
        out.append("")
    sys.stdout.write("\n".join(out))
    return ExitCode.OK


def _is_tree(data: object) -> bool:
    return isinstance(data, dict) and "clauses" in data
