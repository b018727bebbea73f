"""``python -m polydiff``."""

from polydiff.cli import run

if __name__ == "__main__":  # not when a worker process (Dask's, spawned) imports it
    run()
