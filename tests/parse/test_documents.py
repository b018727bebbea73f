"""Kinds of documents users bring, each written here as such documents are written, with
the structure the parser must find (issue 12). None of these is a published text."""

from __future__ import annotations

import textwrap

import pytest

from polydiff.model import ClauseKind, ClauseTree
from polydiff.parse.accounting import unaccounted
from polydiff.parse.decode import check_policy_text
from polydiff.parse.text import ParseResult, parse_text


def parse(text: str, lang: str) -> ParseResult:
    result = parse_text(text, lang, "t")
    assert unaccounted(text, result.tree) is None
    return result


def fields(tree: ClauseTree, path: str) -> tuple[str, str, str, str]:
    c = tree.find(path)
    assert c is not None, path
    return c.kind.value, c.label, c.heading, c.text


ZH_REGULATION = """数据安全管理办法（试行）

第一章　总则

第一条　为了规范数据处理活动，保障数据安全，促进数据开发利用，根据有关法律、行政法规，制定本办法。

第二条　在中华人民共和国境内开展数据处理活动及其安全监管，适用本办法。

第三条　国家坚持发展和安全并重、促进创新和依法治理相结合的原则。

第二章　数据安全制度

第一节　分类分级

第四条　数据处理者应当建立数据分类分级制度，并履行下列义务：
（一）制定数据分类分级规则；
（二）确定重要数据目录；
（三）对重要数据实行重点保护。
前款规定的重要数据目录，应当每年更新一次。

第五条　数据处理者开展数据处理活动，应当采取下列措施：
（一）建立健全全流程数据安全管理制度，包括：
1.数据安全培训制度；
2.数据访问权限管理制度；
（二）采取加密、去标识化等技术措施。

第二节　风险评估

第六条　重要数据的处理者应当每年开展一次风险评估。
风险评估报告应当包括下列内容：
（一）处理的重要数据的种类、数量；
（二）数据安全风险及其应对措施。

第三章　附则

第七条　本办法自2026年1月1日起施行。
"""


def wrap_chars(text: str, width: int) -> str:
    """``text`` as a converter that breaks Chinese lines every ``width`` characters saves it."""
    return "\n".join(
        "\n".join(line[i : i + width] for i in range(0, len(line), width)) if line else ""
        for line in text.split("\n")
    )


@pytest.mark.parametrize("width", [None, 20, 28])
def test_chinese_regulation_chapters_sections_articles_paragraphs_items(width: int | None) -> None:
    result = parse(ZH_REGULATION if width is None else wrap_chars(ZH_REGULATION, width), "zh")
    t = result.tree
    assert not result.warnings
    assert t.title == "数据安全管理办法（试行）"
    assert t.paths() == [
        "1", "1.1", "1.2", "1.3",
        "2", "2.1", "2.1.4", "2.1.4.1", "2.1.4.2", "2.1.4.3", "2.1.4.p1",
        "2.1.5", "2.1.5.1", "2.1.5.1.1", "2.1.5.1.2", "2.1.5.2",
        "2.2", "2.2.6", "2.2.6.p1", "2.2.6.1", "2.2.6.2",
        "3", "3.7",
    ]  # fmt: skip
    assert fields(t, "1") == ("chapter", "第一章", "总则", "")
    assert fields(t, "2.1") == ("section", "第一节", "分类分级", "")
    # an article has no heading: its sentence is its text, with its 。
    assert fields(t, "1.3") == (
        "article", "第三条", "", "国家坚持发展和安全并重、促进创新和依法治理相结合的原则。"
    )  # fmt: skip
    assert fields(t, "2.1.4.2") == ("item", "（二）", "", "确定重要数据目录；")
    assert fields(t, "2.1.4.p1") == (
        "paragraph",
        "",
        "",
        "前款规定的重要数据目录，应当每年更新一次。",
    )
    assert fields(t, "2.1.5.1.2") == ("subitem", "2.", "", "数据访问权限管理制度；")
    assert fields(t, "3.7")[3] == "本办法自2026年1月1日起施行。"


EN_REGULATION = """Interim Measures for the Administration of Data Security (for Trial Implementation)

Chapter I General Provisions

Article 1 These Measures are formulated in accordance with the relevant laws and administrative regulations for the purposes of regulating data processing activities and safeguarding data security.

Article 2 These Measures apply to data processing activities carried out within the territory of the People's Republic of China.

Chapter II Data Security Systems

Section 1 Classification and Grading

Article 3 Data processors shall establish a data classification and grading system and perform the following obligations:
(1) formulating rules for classifying and grading data;
(2) determining a catalogue of important data; and
(3) giving key protection to important data.
The catalogue of important data referred to in the preceding paragraph shall be updated once a year.

Section 2 Risk Assessment

Article 4 Processors of important data shall carry out a risk assessment once a year.

Chapter III Supplementary Provisions

Article 5 These Measures shall come into force on 1 January 2026.
"""
EN_REGULATION_PATHS = [
    "1", "1.1", "1.2", "2", "2.1", "2.1.3", "2.1.3.1", "2.1.3.2", "2.1.3.3", "2.1.3.p1",
    "2.2", "2.2.4", "3", "3.5",
]  # fmt: skip


def hard_wrap(text: str, width: int) -> str:
    """``text`` as an editor that wraps at ``width`` saves it (blank lines kept)."""
    return "\n".join(textwrap.fill(line, width) if line else "" for line in text.split("\n"))


@pytest.mark.parametrize("width", [None, 72, 78])
def test_english_regulation_with_chapters_and_articles(width: int | None) -> None:
    text = EN_REGULATION if width is None else hard_wrap(EN_REGULATION, width)
    result = parse(text, "en")
    t = result.tree
    assert not result.warnings
    assert t.paths() == EN_REGULATION_PATHS
    assert fields(t, "1") == ("chapter", "Chapter I", "General Provisions", "")
    assert fields(t, "2.1") == ("section", "Section 1", "Classification and Grading", "")
    assert fields(t, "2.1.3.2") == (
        "item", "(2)", "", "determining a catalogue of important data; and"
    )  # fmt: skip
    assert fields(t, "3.5") == (
        "article", "Article 5", "", "These Measures shall come into force on 1 January 2026."
    )  # fmt: skip
    assert t.find("2.1.3.p1").text.startswith("The catalogue of important data")


def test_the_same_regulation_in_zh_and_en_has_the_same_article_paths() -> None:
    zh = parse(ZH_REGULATION, "zh").tree
    en = parse(EN_REGULATION, "en").tree
    zh_articles = [c.path for c in zh.walk() if c.kind is ClauseKind.ARTICLE]
    en_articles = [c.path for c in en.walk() if c.kind is ClauseKind.ARTICLE]
    assert zh_articles[:2] == en_articles[:2] == ["1.1", "1.2"]


CONTRACT = """MASTER SERVICES AGREEMENT

This Agreement is made on 3 March 2025 between Northgate Systems Limited (the
"Supplier") and Harbour Logistics plc (the "Customer").

1.   DEFINITIONS AND INTERPRETATION

1.1  In this Agreement the following definitions apply:

     (a)  "Business Day" means a day other than a Saturday, Sunday or public
          holiday in England, on which banks are open for business and the
          Supplier's service desk is staffed;

     (b)  "Services" means the services described in Schedule 1.

1.2  Clause headings shall not affect the interpretation of this Agreement,
     and references to clauses are to the clauses of this Agreement.

2.   TERM

2.1  Term. This Agreement commences on the date of its signature and continues
     for an initial period of thirty-six months, unless it is terminated
     earlier in accordance with clause 2.2.

2.2  Either party may terminate this Agreement by giving not less than ninety
     days' written notice to the other party, such notice to expire on the
     last day of a calendar month.

3.   CHARGES AND PAYMENT

3.1  The Supplier shall invoice the Customer monthly in arrears, and each
     invoice shall be payable within thirty days of its receipt by the Cus-
     tomer's accounts department, which shall confirm the date of receipt.

3.2  If the Customer disputes an invoice in good faith, the Customer shall:

3.2.1 notify the Supplier of the amount in dispute and its reasons within
      ten Business Days of receipt of that invoice; and

3.2.2 pay the undisputed part of that invoice when it falls due, and the
      parties shall meet within five Business Days to resolve the cross-
      border tax questions that the dispute raises.

SCHEDULE 1
THE SERVICES

1. Hosting of the Customer's logistics platform in two data centres.

2. Second-line support during Business Hours.
"""


def test_contract_with_decimal_numbering_wrapped_lines_and_a_schedule() -> None:
    result = parse(CONTRACT, "en")
    t = result.tree
    assert not result.warnings
    assert t.title == "MASTER SERVICES AGREEMENT"
    assert t.paths() == [
        "pre", "1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1", "2.2",
        "3", "3.1", "3.2", "3.2.1", "3.2.2", "sch1", "sch1.1", "sch1.2",
    ]  # fmt: skip
    assert fields(t, "1") == ("item", "1.", "DEFINITIONS AND INTERPRETATION", "")
    assert fields(t, "1.1.1")[:2] == ("subitem", "(a)")
    assert fields(t, "1.1.1")[3].endswith(
        "banks are open for business and the Supplier's service desk is staffed;"
    )
    assert fields(t, "1.2") == (
        "item",
        "1.2",
        "",
        "Clause headings shall not affect the interpretation of this Agreement, and "
        "references to clauses are to the clauses of this Agreement.",
    )
    _, label, heading, text = fields(t, "2.1")
    assert (label, heading) == ("2.1", "Term")  # a short term before the text is a heading
    assert text.startswith("This Agreement commences") and "thirty-six months" in text
    # "Cus-" / "tomer's": the text writes Customer's elsewhere, so the hyphen only broke it
    assert "by the Customer's accounts department" in t.find("3.1").text
    # "cross-" / "border": never written without its hyphen, so the hyphen stays
    assert "resolve the cross-border tax questions" in t.find("3.2.2").text
    assert fields(t, "3.2.1")[:3] == ("item", "3.2.1", "")
    assert fields(t, "sch1") == ("schedule", "SCHEDULE 1", "THE SERVICES", "")
    assert fields(t, "sch1.2") == ("item", "2.", "Second-line support during Business Hours", "")


MARKDOWN = """# Remote Work Policy

Version 2.1, approved by the Board of Directors on 12 May 2025.

## Purpose

This policy sets out when staff may work away from the office and what the
organisation expects of them while they do.

## Eligibility

Staff who have completed their probation period may apply to their manager.

### Exceptions

Roles that require on-site equipment are not eligible.

## Equipment

1. The organisation provides a laptop and a headset.
2. Staff are responsible for a safe and quiet workspace at home.

## Review of this policy, which takes place every two years, and of its annexes.

The People Team reviews this policy every two years.
"""


def test_markdown_headings_always_are_headings_and_nest_by_level() -> None:
    result = parse(MARKDOWN, "en")
    t = result.tree
    assert not result.warnings
    assert t.title == "# Remote Work Policy"
    assert t.paths() == [
        "pre", "h1", "h1.p1", "h2", "h2.p1", "h2.h1", "h2.h1.p1", "h3", "h3.1", "h3.2",
        "h4", "h4.p1",
    ]  # fmt: skip
    assert fields(t, "h2") == ("heading", "##", "Eligibility", "")
    assert fields(t, "h2.h1") == ("heading", "###", "Exceptions", "")
    assert t.find("h1.p1").text.endswith("what the organisation expects of them while they do.")
    # long and ending in a full stop, and still a heading: it is written as one
    assert t.find("h4").heading.startswith("Review of this policy")
    assert fields(t, "h3.2")[:2] == ("item", "2.")


def test_numbered_markdown_headings_take_their_number() -> None:
    text = "# Policy\n\n## 1. Scope\n\nText of the scope.\n\n### 1.1 Systems\n\nAll systems.\n\n## 2. Review\n\nYearly.\n"
    t = parse(text, "en").tree
    assert t.paths() == ["1", "1.p1", "1.1", "1.1.p1", "2", "2.p1"]
    assert fields(t, "1.1") == ("item", "### 1.1", "Systems", "")


BILL = """118th CONGRESS
  1st Session
                                H. R. 4821

To establish a grant program for the modernisation of rural broadband
                    infrastructure, and for other purposes.

_______________________________________________________________________


                    IN THE HOUSE OF REPRESENTATIVES

                              June 3, 2025

Ms. Rivera (for herself and Mr. Okafor) introduced the following bill; which
  was referred to the Committee on Energy and Commerce

_______________________________________________________________________

                                 A BILL

To establish a grant program for the modernisation of rural broadband
                    infrastructure, and for other purposes.

    Be it enacted by the Senate and House of Representatives of the United
States of America in Congress assembled,

SECTION 1. SHORT TITLE.

    This Act may be cited as the ``Rural Broadband Modernisation Act of
2025''.

SEC. 2. DEFINITIONS.

    In this Act:
            (1) Eligible entity.--The term ``eligible entity'' means--
                    (A) a State or a political subdivision of a State;
                    (B) an Indian Tribe; or
                    (C) a cooperative that provides broadband service.
            (2) Secretary.--The term ``Secretary'' means the Secretary of
        Commerce.

SEC. 3. GRANT PROGRAM.

    (a) Establishment.--The Secretary shall establish a program to award
grants to eligible entities for the modernisation of broadband
infrastructure in rural areas.
    (b) Use of Funds.--An eligible entity that receives a grant under this
section may use the grant--
            (1) to replace copper lines with fiber-optic lines; and
            (2) to construct towers, including--
                    (A) the acquisition of land; and
                    (B) the costs of--
                            (i) design; and
                            (ii) permitting.
    (c) Authorization of Appropriations.--There is authorized to be
appropriated to carry out this section $50,000,000 for each of fiscal years
2026 through 2030.
"""


def test_a_us_bill_is_policy_text_and_parses_into_sections() -> None:
    check_policy_text(BILL, "en", "bill.txt")  # was: "looks like code or data"
    result = parse(BILL, "en")
    t = result.tree
    assert not result.warnings
    assert t.number == "H. R. 4821"
    assert t.front == ("1st Session",)
    assert t.find("pre").children[0].text.startswith("To establish a grant program")
    assert fields(t, "h1") == ("heading", "", "A BILL", "")
    assert t.find("h1.p2").text.startswith("Be it enacted by the Senate and House")
    body = [p for p in t.paths() if not p.startswith(("pre", "h1"))]
    assert body == [
        "1", "1.p1",
        "2", "2.p1", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.2",
        "3", "3.1", "3.2", "3.2.1", "3.2.2", "3.2.2.1", "3.2.2.2", "3.2.2.2.1", "3.2.2.2.2",
        "3.3",
    ]  # fmt: skip
    assert fields(t, "1") == ("section", "SECTION 1.", "SHORT TITLE", "")
    assert fields(t, "3")[1:3] == ("SEC. 3.", "GRANT PROGRAM")
    assert fields(t, "2.1.3") == (
        "subitem", "(C)", "", "a cooperative that provides broadband service."
    )  # fmt: skip
    assert fields(t, "2.2")[3].endswith("means the Secretary of Commerce.")
    assert fields(t, "3.2.2.2.1")[1:] == ("(i)", "", "design; and")
    assert fields(t, "3.3")[3].endswith("for each of fiscal years 2026 through 2030.")


def test_letters_and_roman_numerals_that_look_alike() -> None:
    text = "1. Terms\n(a) one;\n(b) two;\n(c) three;\n(d) four;\n(e) five;\n(f) six;\n(g) seven;\n(h) eight;\n(i) nine;\n(j) ten.\n2. Other\n(i) first;\n(ii) second;\n(iii) third.\n"
    t = parse(text, "en").tree
    assert [c.label for c in t.find("1").children] == [f"({c})" for c in "abcdefghij"]
    assert t.find("1.9").text == "nine;"  # (i) after (h) is the letter i
    assert [c.path for c in t.find("2").children] == ["2.1", "2.2", "2.3"]


def test_a_schedule_under_a_markdown_heading() -> None:
    text = "# Agreement\n\n## Terms\n\nThe terms apply.\n\n## Annexes\n\nSchedule 1 Prices\n\n1. Hosting: 100 per month.\n"
    t = parse(text, "en").tree
    assert t.paths() == ["h1", "h1.p1", "h2", "h2.sch1", "h2.sch1.1"]  # found by the fuzz
