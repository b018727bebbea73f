"""Wording diffs of clause pairs and the term shifts across a comparison."""

from polydiff.diff.wording import apply_ops, similarity, wording_diff

__all__ = ["apply_ops", "similarity", "wording_diff"]
