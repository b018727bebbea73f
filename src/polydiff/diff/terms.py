"""Term shifts: the substitutions a comparison makes again and again (互联网+ → 人工智能+,
加快 → 加速), counted over the wording diffs of the reworded, split and merged links."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from polydiff.lazyre import lazy
from polydiff.model.comparison import Op, TermShift
from polydiff.normalize import is_cjk, normalize

MAX_ZH_CHARS = 8
MAX_EN_WORDS = 4
MIN_COUNT = 2
"""A substitution seen once is a rewording, not a shift."""
_STRIP = "“”\"'‘’,，。、;；:：()（）《》 \n"
_WORD = lazy(r"\w+")


def substitutions(ops: Sequence[tuple[str, str]], lang: str) -> Iterable[tuple[str, str]]:
    """(old, new) pairs where a deletion and an insertion meet, widened in Chinese by one
    character of context when both sides are single characters (加[快→速] → 加快 → 加速)."""
    for k in range(len(ops) - 1):
        (op1, t1), (op2, t2) = ops[k], ops[k + 1]
        if {op1, op2} != {"-", "+"}:
            continue
        old, new = (t1, t2) if op1 == "-" else (t2, t1)
        if k > 0 and (k + 2 >= len(ops) or ops[k + 2][0] == "=") and ops[k - 1][0] == "=":
            before = ops[k - 1][1]
        else:
            before = ops[k - 1][1] if k > 0 and ops[k - 1][0] == "=" else ""
        old, new = normalize(old).strip(_STRIP), normalize(new).strip(_STRIP)
        if not old or not new:
            continue
        if lang == "zh":
            if len(old) == 1 and len(new) == 1 and before and is_cjk(before[-1]):
                old, new = before[-1] + old, before[-1] + new
            if len(old) > MAX_ZH_CHARS or len(new) > MAX_ZH_CHARS:
                continue
        elif len(_WORD.findall(old)) > MAX_EN_WORDS or len(_WORD.findall(new)) > MAX_EN_WORDS:
            continue
        yield old, new


def term_shifts(diffs: Iterable[Sequence[Op]], lang: str, limit: int = 20) -> list[TermShift]:
    """The most frequent substitutions (seen at least twice) in the wording ``diffs`` of
    changed clauses, most frequent first."""
    counts: Counter[tuple[str, str]] = Counter()
    for ops in diffs:
        counts.update(substitutions(ops, lang))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [TermShift(old, new, n) for (old, new), n in ranked if n >= MIN_COUNT][:limit]
