"""Lineage: a reviewed graph of links between clauses of different documents."""
