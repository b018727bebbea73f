"""The document-number line of the front matter: the rule as one regular expression
(``[\\u4e00-\\u9fff]{1,10}`` then the year in brackets) and as polydiff checks it now."""

from __future__ import annotations

import re

import pytest

from polydiff.parse.text import _is_doc_number

REFERENCE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号|"
    r".{0,40}\bDocument No\.\s*\d+.*|.{0,40}\bNo\.\s*\d+\s*\[\d{4}\].*|"
    r"(?:H\. ?R\.|S\.|H\. ?Res\.|S\. ?Res\.) ?\d{1,5})$"
)

LINES = [
    "国发〔2025〕11号",
    "国发[2015]40号",
    "发改高技〔2025〕1号",
    "国办发（2024） 3 号",
    "中华人民共和国国务院令国发〔2025〕11号",  # 12 ideographs: too long
    "国发2025〔2025〕11号",  # a digit in the issuer
    "国_发〔2025〕11号",
    "Ａ发〔2025〕11号",
    "〔2025〕11号",
    "国发〔2025〕11号\n",
    "国发〔2025〕11号 附件",
    "State Council Document No. 11",
    "Guo Fa No. 40 [2015]",
    "H.R. 1234",
    "S. Res. 12",
    "国发〔25〕11号",
    "",
]


@pytest.mark.parametrize("line", LINES)
def test_doc_number_rule_is_the_reference_expression(line: str) -> None:
    assert _is_doc_number(line) == (REFERENCE.match(line) is not None)


def test_generated_lines_agree_with_the_reference() -> None:
    import random

    rng = random.Random(7)
    found = 0
    for _ in range(5000):
        chars = rng.choice(("国发办改院", "国发办改院Ａa_1"))
        issuer = "".join(rng.choice(chars) for _ in range(rng.randint(0, 12)))
        year = "".join(rng.choice("0123456789") for _ in range(rng.choice((2, 4, 4, 5))))
        line = (
            issuer + rng.choice("〔[［(（") + year + rng.choice("〕]］)）")
            + rng.choice(("", " ", "\u3000")) + str(rng.randint(1, 99)) + rng.choice(("号", "號"))
            + rng.choice(("", "", "\n", " 附件"))
        )  # fmt: skip
        expected = REFERENCE.match(line) is not None
        assert _is_doc_number(line) == expected, line
        found += expected
    assert 300 < found < 4700  # both answers are exercised
