"""Wording diffs of clause pairs and the term shifts across a comparison."""

from polydiff.diff.wording import Op, apply_ops, similarity, wording_diff

__all__ = ["Op", "apply_ops", "similarity", "wording_diff"]
