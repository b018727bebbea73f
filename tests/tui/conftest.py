"""Helpers for driving the TUI: the app on the bundled corpus or a copy, and waiting until
every worker (loading, aligning, tracing) has finished, so what we assert is deterministic."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from polydiff.store.repo import PolicyRepo
from polydiff.tui.app import PolydiffApp, make_app
from tests.conftest import PROJECT, git


async def settle(pilot: Pilot[object]) -> None:
    """Process pending messages, then wait for every worker (and the workers they start)."""
    app = pilot.app
    await pilot.pause()
    for _ in range(50):
        if not any(w.is_running for w in app.workers):
            break
        await app.workers.wait_for_complete()
        await pilot.pause()
    for _ in range(20):  # tables measure new rows when idle: let them, for stable frames
        if not any(t._require_update_dimensions for t in app.screen.query(DataTable)):
            break
        await pilot.pause()


async def press(pilot: Pilot[object], *keys: str) -> None:
    """Press keys, then settle."""
    await pilot.press(*keys)
    await settle(pilot)


@pytest.fixture
def app_on(tmp_path: Path) -> Callable[..., PolydiffApp]:
    """``app_on(repo=None, *refs, **options)``: the app on the bundled corpus (read-only)
    or on ``repo``; exports go to ``tmp_path``."""

    def make(repo: PolicyRepo | None = None, *refs: str, **options: object) -> PolydiffApp:
        return make_app(repo or PolicyRepo(PROJECT), refs, export_dir=tmp_path, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def revised_corpus(corpus_copy: PolicyRepo) -> PolicyRepo:
    """The corpus copy with a second commit that rewords two clauses of gf-2025-11 (zh),
    加快 → 加速 in 2.1.1 (text) and 2.2.3 (heading): a term shift seen twice."""
    zh = corpus_copy.root / "policies" / "gf-2025-11" / "zh.yaml"
    text = zh.read_text(encoding="utf-8")
    for old in ("加快探索人工智能驱动的新型科研范式", "加快农业数智化转型升级"):
        assert old in text
        text = text.replace(old, old.replace("加快", "加速"), 1)
    zh.write_text(text, encoding="utf-8")
    git(corpus_copy.root, "commit", "-q", "-am", "gf-2025-11: 加快 → 加速 in 2.1.1 and 2.2.3")
    return corpus_copy


@pytest.fixture
def gf_history(tmp_path: Path, git_env: None) -> PolicyRepo:
    """A repository holding only gf-2025-11 in two commits (the second rewords 2.1.1 and
    2.2.3, 加快 → 加速), so commit ids depend on that document alone, not on the rest of the
    corpus or its lineage: what the history snapshots show stays put."""
    import shutil

    root = tmp_path / "gf-history"
    shutil.copytree(PROJECT / "policies" / "gf-2025-11", root / "policies" / "gf-2025-11")
    (root / "lineage").mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "gf-2025-11")
    zh = root / "policies" / "gf-2025-11" / "zh.yaml"
    text = zh.read_text(encoding="utf-8")
    for old in ("加快探索人工智能驱动的新型科研范式", "加快农业数智化转型升级"):
        text = text.replace(old, old.replace("加快", "加速"), 1)
    zh.write_text(text, encoding="utf-8")
    git(root, "commit", "-q", "-am", "gf-2025-11: 加快 → 加速 in 2.1.1 and 2.2.3")
    return PolicyRepo(root)


def text_of(widget: object) -> str:
    """The plain text a Static (or anything with ``content``) shows, wrapped at 200."""
    import io

    from rich.console import Console
    from textual.content import Content

    content = getattr(widget, "content", widget)
    if isinstance(content, Content):
        return content.plain
    if isinstance(content, str):
        return content
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(content)
    return console.export_text()
