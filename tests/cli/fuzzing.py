"""A bounded fuzz of ``polydiff import`` and ``polydiff diff --format json`` in
subprocesses, with mutated corpus texts (:mod:`tests.parse.mutations`).

Every run must exit 0, 1 or 2 (import: 0 or 2) without a traceback; exit 2 prints exactly
one line on stderr; ``diff --format json`` prints JSON that keeps its contract for the two
trees compared (parsed again here) and exits 0 exactly when nothing changed; and at the
end ``polydiff check`` finds the repository the imports wrote clean.

    python -m tests.cli.fuzzing [--seconds 300] [--seed 7] [--workers 2] [--keep DIR]

Case ``k`` of seed ``s`` is always the same input; ``--keep`` saves the inputs of failing
cases there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from polydiff.model import ClauseTree
from tests.conftest import PROJECT
from tests.parse.mutations import TEXTS, contract_violations, mutate, window

POLYDIFF = [sys.executable, "-m", "polydiff"]


@dataclass
class Case:
    """One fuzz input and the command run on it."""

    number: int
    argv: list[str]
    files: dict[str, bytes]
    kind: str
    """``import`` or ``diff``."""
    doc: str = ""
    """The bundled document a ``diff`` compares the file with (empty: two files)."""


@dataclass
class Report:
    """What a fuzz did."""

    runs: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    exits: dict[int, int] = field(default_factory=dict)


def make_case(seed: int, number: int, workdir: Path, repo: Path) -> Case:
    """Case ``number`` of ``seed``: an import or a diff of a mutated corpus text."""
    rng = random.Random(f"{seed}:{number}")
    lang, original = window(rng)
    text = mutate(original, rng)
    data = text.encode("utf-8")
    if rng.random() < 0.05:  # broken bytes: must be one clear error
        pos = rng.randint(0, len(data))
        data = data[:pos] + rng.choice((b"\xff", b"\x00", b"\xe4\xb8", b"\xc0\xaf")) + data[pos:]
    case_dir = workdir / f"case{number}"
    mut = str(case_dir / "mutated.txt")
    if rng.random() < 0.5:
        doc = f"fz-{number}"
        extra = rng.sample(["--strict", "--force", "--verbose"], rng.randint(0, 1))
        argv = ["--repo", str(repo), "import", mut, "--doc", doc, "--lang", lang, *extra]
        return Case(number, argv, {"mutated.txt": data}, "import")
    if rng.random() < 0.5:
        orig = str(case_dir / "original.txt")
        files = {"original.txt": original.encode("utf-8"), "mutated.txt": data}
        return Case(number, ["diff", orig, mut, "--format", "json"], files, "diff")
    doc = rng.choice([d for d, lg in TEXTS if lg == lang])
    argv = ["--repo", str(PROJECT), "diff", doc, mut, "--format", "json", "--lang", lang]
    return Case(number, argv, {"mutated.txt": data}, "diff", doc)


def run_case(case: Case, workdir: Path) -> tuple[int, list[str]]:
    """Write the case's files, run it, and say what was wrong."""
    case_dir = workdir / f"case{case.number}"
    case_dir.mkdir(parents=True, exist_ok=True)
    for name, data in case.files.items():
        (case_dir / name).write_bytes(data)
    proc = subprocess.run(
        [*POLYDIFF, *case.argv], capture_output=True, text=True, timeout=120, cwd=case_dir
    )
    problems = check_run(case, case_dir, proc.returncode, proc.stdout, proc.stderr)
    return proc.returncode, problems


def check_run(case: Case, case_dir: Path, rc: int, out: str, err: str) -> list[str]:
    """The problems with one run's exit status and output."""
    allowed = {0, 2} if case.kind == "import" else {0, 1, 2}
    if rc not in allowed or "Traceback" in err:
        return [f"exit {rc}: {err.strip()[-400:]}"]
    if rc == 2:
        lines = err.splitlines()
        if len(lines) != 1 or not lines[0].startswith("polydiff: error: "):
            return [f"exit 2 with {len(lines)} stderr lines: {err[:300]!r}"]
        return []
    if case.kind == "import":
        return []
    try:
        data = json.loads(out)
    except ValueError as exc:
        return [f"diff printed no JSON ({exc}): {out[:200]!r}"]
    return _contract(case, case_dir, data, rc)


def _contract(case: Case, case_dir: Path, data: dict[str, object], rc: int) -> list[str]:
    from polydiff.parse.decode import read_file
    from polydiff.parse.text import parse_text
    from polydiff.store.repo import PolicyRepo

    lang = str(data["lang"])

    def parsed(name: str) -> ClauseTree:
        path = case_dir / name
        return parse_text(read_file(path).text, lang, path.stem).tree

    tree_b = parsed("mutated.txt")
    corpus = PolicyRepo(PROJECT)
    tree_a = corpus.load_tree(case.doc, lang) if case.doc else parsed("original.txt")
    problems = contract_violations(data, tree_a, tree_b)
    links = data["links"]
    assert isinstance(links, list)
    changed = any(k["kind"] != "unchanged" or k["moved"] or k["renumbered"] for k in links)
    if (rc == 1) != changed:
        problems.append(f"exit {rc} but {'some' if changed else 'no'} link changed")
    return problems[:3]


def fuzz(
    seconds: float, seed: int, workers: int = 2, keep: Path | None = None, max_runs: int = 10**9
) -> Report:
    """Run cases of ``seed`` for about ``seconds`` (or ``max_runs`` cases) on ``workers``."""
    report = Report()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="polydiff-fuzz-") as tmp:
        workdir = Path(tmp)
        repo = workdir / "repo"
        subprocess.run([*POLYDIFF, "init", str(repo)], check=True, capture_output=True)
        with ThreadPoolExecutor(workers) as pool:
            number = 0
            pending = []
            while number < max_runs and time.monotonic() - start < seconds:
                batch = [make_case(seed, number + k, workdir, repo) for k in range(workers * 4)]
                number += len(batch)
                pending = [(c, pool.submit(run_case, c, workdir)) for c in batch]
                for case, future in pending:
                    rc, problems = future.result()
                    report.runs += 1
                    report.exits[rc] = report.exits.get(rc, 0) + 1
                    for p in problems:
                        report.failures.append(
                            f"case {case.number} ({' '.join(case.argv[-6:])}): {p}"
                        )
                    if problems and keep is not None:
                        _keep(case, workdir, keep)
        check = subprocess.run(
            [*POLYDIFF, "--repo", str(repo), "check"], capture_output=True, text=True
        )
        if check.returncode != 0:
            report.failures.append(
                f"check after the imports: exit {check.returncode}: {check.stdout[-400:]}"
            )
    report.seconds = time.monotonic() - start
    return report


def _keep(case: Case, workdir: Path, keep: Path) -> None:
    target = keep / f"case{case.number}"
    target.mkdir(parents=True, exist_ok=True)
    for name in case.files:
        (target / name).write_bytes((workdir / f"case{case.number}" / name).read_bytes())
    (target / "argv.txt").write_text(" ".join(case.argv) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m tests.cli.fuzzing", description=__doc__.split("\n")[0]
    )
    p.add_argument("--seconds", type=float, default=300)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    p.add_argument("--keep", type=Path, help="save the inputs of failing cases here")
    args = p.parse_args(argv)
    report = fuzz(args.seconds, args.seed, args.workers, args.keep)
    for failure in report.failures:
        print(failure)
    exits = ", ".join(f"exit {k}: {v}" for k, v in sorted(report.exits.items()))
    print(f"seed {args.seed}: {report.runs} runs in {report.seconds:.0f} s ({exits}); "
          f"{len(report.failures)} failures")  # fmt: skip
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
