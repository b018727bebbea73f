"""The not-policy-text check: legislative texts are policy text; code and data are not."""

from __future__ import annotations

import pytest

from polydiff.errors import InputError
from polydiff.parse.decode import check_policy_text
from tests.conftest import raw_text
from tests.parse.test_documents import BILL, CONTRACT, EN_REGULATION, MARKDOWN, ZH_REGULATION

CODE = {
    "python": 'import os\n\n\ndef main(path):\n    """Read a file."""\n    with open(path) as f:\n        data = f.read()\n    if data == "":\n        return None\n    return data.split(",")\n',
    "javascript": "const fs = require('fs');\n\nfunction load(path) {\n  const text = fs.readFileSync(path, 'utf8');\n  return text.split('\\n').map((l) => l.trim());\n}\n\nmodule.exports = { load };\n",
    "c": '#include <stdio.h>\n\nint main(void) {\n    printf("policy\\n");\n    return 0;\n}\n',
    "csv": "id,title,issuer,date\n1,Opinions on AI,State Council,2025-08-21\n2,Guiding Opinions,State Council,2015-07-01\n3,Interpretation,NDRC,2025-08-26\n",
    "tsv": "doc\tclauses\twords\ngf-2025-11\t53\t5120\nndrc-2025-0826\t20\t3310\ngmrb-2025-1025\t21\t4002\n",
}


@pytest.mark.parametrize("text", [BILL, CONTRACT, EN_REGULATION, MARKDOWN])
def test_legislative_and_contract_texts_are_accepted(text: str) -> None:
    check_policy_text(text, "en", "in.txt")


def test_chinese_regulation_and_the_corpus_are_accepted() -> None:
    check_policy_text(ZH_REGULATION, "zh", "in.txt")
    for doc in ("gf-2025-11", "ndrc-2025-0826", "gmrb-2025-1025"):
        for lang in ("zh", "en"):
            check_policy_text(raw_text(doc, lang), lang, f"{doc}.{lang}")


@pytest.mark.parametrize("kind", sorted(CODE))
def test_code_and_data_are_refused(kind: str) -> None:
    with pytest.raises(InputError, match="looks like code or data"):
        check_policy_text(CODE[kind], "en", "in.txt")


def test_count_cjk_counts_exactly_u3400_to_u9fff() -> None:
    """Counted on the UTF-8 bytes: the same as a class over characters, for every
    character of the Basic Multilingual Plane and a few beyond it."""
    import re

    from polydiff.parse.decode import count_cjk

    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    chars += ["\U00020000", "\U0001f600", "\ud800"]  # ext. B, an emoji, a lone surrogate
    text = "".join(chars)
    expected = sum(map(len, re.findall(r"[\u3400-\u9fff]+", text)))
    assert count_cjk(text) == expected == 0x9FFF - 0x3400 + 1
    assert count_cjk("国务院关于ABC深入实施「人工智能+」行动") == 15
    assert count_cjk("") == 0
