"""The terminal UI (``polydiff tui``): a Textual app over a policy repository.

Build it with :func:`polydiff.tui.app.make_app`; the CLI, the tests and the snapshot tests
share that factory. This package imports the core; the core never imports it.
"""
