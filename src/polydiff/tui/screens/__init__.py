"""The screens of the TUI: corpus, document, compare (lineage and history live beside)."""
