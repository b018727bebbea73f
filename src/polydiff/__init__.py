"""polydiff: clause-level diff and lineage of policy documents."""

__version__ = "0.1.0"
