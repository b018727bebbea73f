"""The use cases: one function (or small class) per thing a user does, returning model
objects. The CLI and the terminal UI are thin adapters over these; they never run the
engines (align, diff, lineage, parse) or the store themselves (import contracts enforce it).

- :mod:`.repository` — open a repository, ``polydiff init``
- :mod:`.documents` — the corpus list, one document's trees (``docs``, ``show``)
- :mod:`.importing` — ``import``
- :mod:`.checking` — ``check``
- :mod:`.compare` — ``diff`` and the compare screen
- :mod:`.review` — ``review`` of a commit range or the staged changes
- :mod:`.history` — ``log``, ``blame``, the history screen's revisions
- :mod:`.lineage` — ``lineage build|check|confirm|reject|stats``, ``trace``
- :mod:`.notes` — where each clause came from (the document screen's marks)
- :mod:`.search` — find clauses by their words
- :mod:`.git_setup` — ``git install|uninstall`` and the diff driver
"""
