"""Fixtures of the format tests: the gf-2025-11 text and what its gov.cn page says of it."""

from __future__ import annotations

import pytest

from polydiff.model import ClauseTree
from polydiff.parse.text import parse_text
from tests.conftest import raw_text


@pytest.fixture(scope="session")
def zh_text() -> str:
    """The Chinese text of gf-2025-11 exactly as bundled."""
    return raw_text("gf-2025-11", "zh")


@pytest.fixture(scope="session")
def zh_tree(zh_text: str) -> ClauseTree:
    """Its clause tree, parsed from the plain text."""
    return parse_text(zh_text, "zh", "gf-2025-11").tree
