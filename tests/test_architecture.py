"""The core and the use cases never import the UI layer (textual, rich,
polydiff.cli/report/tui); commands import only what they use (git, textual, the other
subcommands)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import polydiff

CORE = (
    "model",
    "normalize",
    "errors",
    "parse",
    "formats",
    "store",
    "align",
    "diff",
    "lineage",
    "service",
)
UI = ("textual", "rich", "polydiff.cli", "polydiff.report", "polydiff.tui")


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(polydiff.__path__, "polydiff."):
        if info.name.split(".")[1] in CORE:
            names.append(info.name)
    return names


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_no_ui(module: str) -> None:
    code = (
        f"import sys, {module}; "
        f"bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich') "
        f"or m.startswith(('polydiff.cli', 'polydiff.report', 'polydiff.tui'))]; "
        f"print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} pulls in {out.stdout.strip()}"


def test_show_json_does_not_import_git_or_textual() -> None:
    code = (
        "import sys, io, contextlib; from polydiff.cli import main; "
        "f = io.StringIO()\n"
        "with contextlib.redirect_stdout(f): rc = main(['show', 'gf-2025-11', '--format', 'json'])\n"
        "print(rc, 'git' in sys.modules, 'textual' in sys.modules)"
    )
    from tests.conftest import PROJECT

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    assert out.stdout.split() == ["0", "False", "False"]


def test_import_contracts() -> None:
    """import-linter's contracts from pyproject.toml hold."""
    from pathlib import Path

    from tests.conftest import PROJECT

    script = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run(
        [str(script), "--config", str(PROJECT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=PROJECT,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 4 kept, 0 broken." in out.stdout


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["--version"], ("yaml", "polydiff.store", "polydiff.model", "numpy")),
        (
            ["diff", "tests/data/gf-2025-11.rev1.zh.txt", "gf-2025-11", "--format", "json"],
            (
                "git",
                "rich",
                "textual",
                "numpy",
                "scipy",
                "typing",
                "polydiff.cli.show",
                "polydiff.lineage",
            ),
        ),
    ],
)
def test_a_command_imports_only_what_it_uses(argv: list[str], absent: tuple[str, ...]) -> None:
    """Subcommand modules are imported when chosen; heavy libraries only on paths that use
    them (start-up time is measured by bench/startup.py, not asserted here)."""
    from tests.conftest import PROJECT

    code = (
        "import sys, io, contextlib; from polydiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    try: main({argv!r})\n"
        "    except SystemExit: pass\n"
        f"print(','.join(m for m in {absent!r} if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT
    )
    assert out.stdout.strip() == "", f"{argv} imported {out.stdout.strip()}"
