"""``python -m polydiff``."""

from polydiff.cli import run

run()
