"""Start-up and large-input costs of polydiff, as a user meets them, in one run.

    python -m bench.startup [--repeat 11] [--skip-large] [--skip-tui]

Compile the bytecode first (this machine sets PYTHONDONTWRITEBYTECODE; the bench does it
itself with ``compileall``). Every figure is the median of ``--repeat`` whole-process runs,
each paired with its baseline (A B A B …) so that the ratios hold when the machine's speed
drifts:

* ``polydiff --version`` against ``python -c "import yaml"``;
* ``polydiff diff gf-2025-11 <its revision> --format json`` against the same;
* ``polydiff sources`` of a one-page text (the first ``PAGE`` characters of NDRC's
  published interpretation, itself left out) on the bundled corpus, ``--format json``;
* the TUI's first screen (the corpus table drawn, headless) against a minimal Textual app
  showing one DataTable;
* a 4,000-clause synthetic document against a revision of it (``align`` in a subprocess,
  the median of several: time and peak memory);
* a 10 MB synthetic document (22,000 items) against a revision, end to end through
  ``polydiff diff A B --format json`` (time and peak memory).
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REV1 = ROOT / "tests" / "data" / "gf-2025-11.rev1.zh.txt"
NDRC = ROOT / "policies" / "ndrc-2025-0826" / "raw" / "zh.txt"
PAGE = 1_600
"""Characters of a one-page text."""
PY = sys.executable

MINIMAL_APP = """
import sys
from textual.app import App
from textual.widgets import DataTable
class Minimal(App):
    def compose(self):
        yield DataTable()
    def on_mount(self):
        t = self.query_one(DataTable)
        t.add_columns("id", "title")
        t.add_row("a", "b")
        self.call_after_refresh(self.exit)
Minimal().run(headless=True)
"""

POLYDIFF_APP = """
from polydiff.tui.app import make_app
from polydiff.tui.screens.corpus import CorpusScreen
app = make_app()
async def ready():
    while True:
        screen = app.screen
        if isinstance(screen, CorpusScreen) and screen.loaded:
            app.call_after_refresh(app.exit)
            return
        await __import__("asyncio").sleep(0.005)
def mounted():
    app.run_worker(ready())
app.call_later(mounted)
app.run(headless=True)
"""

ALIGN_4000 = """
import resource, time
from bench.corpus_gen import make_tree, revise
a = make_tree(4000); b = revise(a)
from polydiff.align import align
t = time.perf_counter(); align(a, b); dt = time.perf_counter() - t
print(dt, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak resident MB of that child alone) of one run."""
    t = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    proc.returncode = 0  # reaped by wait4
    return wall, usage.ru_maxrss / 1024


def paired(a: list[str], b: list[str], repeat: int) -> tuple[float, float, float]:
    """Medians of A and B (seconds) and of the pairwise ratio A/B."""
    _run(a), _run(b)  # warm the page cache
    ta, tb, ratio = [], [], []
    for _ in range(repeat):
        x, _peak = _run(a)
        y, _peak = _run(b)
        ta.append(x)
        tb.append(y)
        ratio.append(x / y)
    return statistics.median(ta), statistics.median(tb), statistics.median(ratio)


def render(tree: object, per_part: int = 10) -> str:
    """A synthetic clause tree (one part of sections of items) as the plain text polydiff
    parses: the sections grouped ``per_part`` to a part, labelled as Chinese documents are
    (一、 （一） 1.)."""
    from bench.synth import zh_numeral
    from polydiff.model import ClauseTree

    assert isinstance(tree, ClauseTree)
    lines = ["合成文件（基准测试）", ""]
    (part,) = tree.clauses
    for k, section in enumerate(part.children):
        if k % per_part == 0:
            lines.append(f"{zh_numeral(k // per_part + 1)}、第{k // per_part + 1}部分")
        lines.append(f"（{zh_numeral(k % per_part + 1)}）第{k + 1}节")
        lines += [f"{n}.{item.text}" for n, item in enumerate(section.children, 1)]
    return "\n".join(lines) + "\n"


def large_files(folder: Path) -> tuple[Path, Path]:
    """A 10 MB synthetic document and a revision of it (items of real corpus sentences)."""
    sys.path.insert(0, str(ROOT))
    from bench.corpus_gen import make_tree, revise

    a = make_tree(22_000, per_section=100)
    b = revise(a)
    pa, pb = folder / "large.txt", folder / "large-rev.txt"
    pa.write_text(render(a), encoding="utf-8")
    pb.write_text(render(b), encoding="utf-8")
    return pa, pb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-tui", action="store_true")
    args = parser.parse_args(argv)
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    compileall.compile_dir(str(ROOT / "bench"), quiet=1)
    yaml = [PY, "-c", "import yaml"]
    polydiff = [PY, "-m", "polydiff", "--repo", str(ROOT)]
    r = args.repeat
    print(f"medians of {r} paired runs (bytecode compiled); ratio = median of A/B per pair\n")
    rows = [
        ("polydiff --version", [*polydiff, "--version"], yaml, "import yaml", 1.3),
        (
            "diff gf-2025-11 rev1 --format json",
            [*polydiff, "diff", "gf-2025-11", str(REV1), "--format", "json"],
            yaml,
            "import yaml",
            2.0,
        ),
    ]
    folder = Path(tempfile.mkdtemp(prefix="startup-"))
    page = folder / "page.txt"
    page.write_text(NDRC.read_text(encoding="utf-8")[:PAGE], encoding="utf-8")
    sources = [*polydiff, "sources", str(page), "--exclude", "ndrc-2025-0826", "--format", "json"]
    rows.append(("sources of one page (bundled corpus)", sources, yaml, "import yaml", 0.0))
    if not args.skip_tui:
        rows.append(
            ("TUI first screen (corpus)", [PY, "-c", POLYDIFF_APP], [PY, "-c", MINIMAL_APP],
             "minimal Textual app", 1.3)
        )  # fmt: skip
    for name, a, b, b_name, target in rows:
        ma, mb, ratio = paired(a, b, r)
        goal = f"target <= {target}x" if target else "target <= 300 ms"
        print(f"{name:<36} {ma * 1000:7.0f} ms  vs {b_name} {mb * 1000:5.0f} ms: "
              f"{ratio:.2f}x ({goal})")  # fmt: skip
    shutil.rmtree(folder, ignore_errors=True)
    if args.skip_large:
        return 0
    print()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls, aligns, peaks = [], [], []
    for _ in range(max(5, r // 2)):  # each run: the whole process, and align in it
        t = time.perf_counter()
        out = subprocess.run(
            [PY, "-c", ALIGN_4000], cwd=ROOT, env=env, capture_output=True, text=True
        )
        walls.append(time.perf_counter() - t)
        align_s, rss_kb = (float(x) for x in out.stdout.split())
        aligns.append(align_s)
        peaks.append(rss_kb / 1024)
    print(f"4,000-clause align (in process)      {statistics.median(aligns):7.2f} s, peak "
          f"{max(peaks):.0f} MB (median of {len(aligns)}; whole process "
          f"{statistics.median(walls):.2f} s; target <= 0.6 s, <= 150 MB)")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        pa, pb = large_files(Path(tmp))
        size = pa.stat().st_size / 1e6
        cmd = [PY, "-m", "polydiff", "diff", str(pa), str(pb), "--format", "json"]
        big = [_run(cmd) for _ in range(3)]
        wall = statistics.median(w for w, _ in big)
        peak = max(p for _, p in big)
        print(f"{size:.1f} MB document, diff end to end    {wall:7.2f} s, peak {peak:.0f} MB "
              "(target <= 4 s, <= 400 MB)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
