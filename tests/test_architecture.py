"""The core never imports the UI layer (textual, rich, polydiff.cli/report/tui), and commands
that do not need git do not import it."""

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
    "history",
    "review",
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
    assert "Contracts: 2 kept, 0 broken." in out.stdout
