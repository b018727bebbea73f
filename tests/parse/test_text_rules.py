"""Each parser rule on a small input whose answer is known."""

from __future__ import annotations

from polydiff.model import ClauseKind, ClauseTree
from polydiff.parse.accounting import unaccounted
from polydiff.parse.text import ParseResult, parse_text


def parse(text: str, lang: str = "zh") -> ParseResult:
    result = parse_text(text, lang, "t")
    assert unaccounted(text, result.tree) is None
    return result


def shape(tree: ClauseTree) -> list[tuple[str, str, str, str]]:
    return [(c.path, c.label, c.heading, c.text) for c in tree.walk()]


GOV = """国务院关于测试的意见
国发〔2030〕1号
各省、自治区、直辖市人民政府:
为做好测试工作,现提出如下意见。
一、总体要求
以测试为指导,加快发展。
到2030年,完成目标。
二、重点任务
(一)夯实基础。1.巩固网络基础。加快建设网络。
2.强化应用基础。推动应用。
（二）提升能力
1．建设平台。推进建设。
（1）第一项细则。
（2）第二项细则。
①圈号细则。
三、保障措施
(三)加强组织领导。各地要加强领导。
(四)强化监督检查。
国务院
2030年1月2日
"""


def test_government_document_zones_and_nesting() -> None:
    result = parse(GOV)
    t = result.tree
    assert t.title == "国务院关于测试的意见"
    assert t.number == "国发〔2030〕1号"
    assert t.paths() == [
        "to",
        "pre",
        "1",
        "1.p1",
        "1.p2",
        "2",
        "2.1",
        "2.1.1",
        "2.1.2",
        "2.2",
        "2.2.1",
        "2.2.1.1",
        "2.2.1.2",
        "2.2.1.2.1",
        "3",
        "3.3",
        "3.4",
        "end",
    ]
    assert t.find("to").kind is ClauseKind.SALUTATION
    assert t.find("pre").text == "为做好测试工作,现提出如下意见。"
    assert t.find("end").text == "国务院\n2030年1月2日"
    assert not result.warnings


def test_heading_then_first_item_in_one_paragraph() -> None:
    # （一）夯实基础。1.巩固网络基础。… : the section's heading, then its item 1
    t = parse(GOV).tree
    assert (t.find("2.1").heading, t.find("2.1").text) == ("夯实基础", "")
    assert (t.find("2.1.1").label, t.find("2.1.1").heading, t.find("2.1.1").text) == (
        "1.",
        "巩固网络基础",
        "加快建设网络。",
    )
    assert t.find("2.1.2").heading == "强化应用基础"


def test_heading_and_body_in_one_paragraph() -> None:
    t = parse("（七）提升模型基础能力。加强人工智能基础理论研究。\n").tree
    assert (t.find("7").heading, t.find("7").text) == (
        "提升模型基础能力",
        "加强人工智能基础理论研究。",
    )


def test_number_inside_a_paragraph_is_text() -> None:
    t = parse("1.开创新图景。有序推动改造。1.加快人工智能应用。\n2.打造新格局。推动构建。\n").tree
    assert t.paths() == ["1", "2"]
    assert t.find("1").text == "有序推动改造。1.加快人工智能应用。"


def test_heading_alone_and_full_width_variants() -> None:
    t = parse(GOV).tree
    assert (t.find("2.2").label, t.find("2.2").heading, t.find("2.2").text) == (
        "（二）",
        "提升能力",
        "",
    )
    assert t.find("2.2.1").label == "1．"
    assert t.find("2.2.1.1").label == "（1）"
    assert t.find("2.2.1.2.1").label == "①"


def test_sections_continuing_across_parts_keep_their_number() -> None:
    t = parse(GOV).tree
    assert t.find("3.3").heading == "加强组织领导"
    assert t.find("3.4").heading == "强化监督检查"


def test_sections_restarting_per_part() -> None:
    text = "一、甲\n（一）子一。正文。\n（二）子二。正文。\n二、乙\n（一）子三。正文。\n"
    result = parse(text)
    assert result.tree.paths() == ["1", "1.1", "1.2", "2", "2.1"]
    assert not result.warnings


def test_indentation_spaces_and_blank_lines() -> None:
    compact = "一、总则\n\u3000\u3000第一段。\n\u2003\u2003第二段。\n\u00a0\u00a0第三段。\n"
    spaced = compact.replace("\n", "\n\n")
    for text in (compact, spaced):
        t = parse(text).tree
        assert [c.text for c in t.walk()][1:] == ["第一段。", "第二段。", "第三段。"]


def test_hard_wrapped_english_is_joined() -> None:
    text = (
        "I. General Requirements\n\n"
        "We will strengthen forward-looking planning, systematic layout, sector-specific\n"
        "policies, openness and sharing, and security and controllability across the whole\n"
        "country.\n\n"
        "II. Key Actions\n\n"
        "(I) Science\n\n"
        "1. Accelerate discovery. Accelerate the exploration of new research paradigms\n"
        "driven by artificial intelligence.\n"
    )
    t = parse(text, "en").tree
    assert t.paths() == ["1", "1.p1", "2", "2.1", "2.1.1"]
    assert t.find("1.p1").text.startswith(
        "We will strengthen forward-looking planning, systematic layout, sector-specific policies,"
    )
    assert t.find("2.1.1").heading == "Accelerate discovery"
    assert t.find("2.1.1").text.endswith("driven by artificial intelligence.")


def test_english_mirrors_chinese_paths_and_mid_paragraph_numbers_are_text() -> None:
    text = (
        "Opinions on Testing\n\n"
        "State Council Document No. 1 [2030]\n\n"
        "To the People's Governments of all provinces:\n\n"
        "In order to test, the following opinions are hereby put forward.\n\n"
        "I. General Requirements\n\n"
        "Guided by testing, we will develop.\n\n"
        "II. Key Actions\n\n"
        "(I) Science\n\n"
        "1. Create a new landscape. Promote the transformation. 1. Accelerate the application "
        "of AI in bidding.\n\n"
        "2. Create a new pattern. Promote construction.\n\n"
        "III. Support\n\n"
        "(III) Enhancing Capabilities. We will strengthen research.\n\n"
        "State Council\n\n"
        "January 2, 2030.\n"
    )
    result = parse(text, "en")
    t = result.tree
    assert t.number == "State Council Document No. 1 [2030]"
    assert t.paths() == ["to", "pre", "1", "1.p1", "2", "2.1", "2.1.1", "2.1.2", "3", "3.3", "end"]
    assert "1. Accelerate the application" in t.find("2.1.1").text
    assert t.find("3.3").heading == "Enhancing Capabilities"
    assert t.find("end").text == "State Council\nJanuary 2, 2030."
    assert parse(GOV).tree.find("2.1") is not None  # both languages use the same path rules


def test_enumerations_zh_and_en() -> None:
    zh = "三、落实\n立足当前,应当细化落实。\n一是强化政策引导。加大支持。\n二是鼓励先行先试。加大开放。\n"
    en = (
        "III. Implementation\n\nBased on the present, we should refine.\n\n"
        "First, we will strengthen policy guidance. We will increase support.\n\n"
        "Second, we will encourage pilots. We will open scenarios.\n"
    )
    tz, te = parse(zh).tree, parse(en, "en").tree
    assert tz.paths() == te.paths() == ["3", "3.p1", "3.1", "3.2"]
    assert tz.find("3.1").kind is ClauseKind.ENUMERATION
    assert (tz.find("3.2").label, tz.find("3.2").heading) == ("二是", "鼓励先行先试")
    assert (te.find("3.2").label, te.find("3.2").heading) == ("Second,", "we will encourage pilots")


def test_essay_with_unnumbered_headings_front_matter_and_author_line() -> None:
    text = (
        "研究三题\n\n作者:某某 《某报》( 2025年10月25日 06版)\n\n【专栏名称】\n\n"
        "\u2003\u2003本文拟就若干问题展开初步探讨,以期抛砖引玉。\n\n"
        "概念:技术社会形态\n\n\u2003\u2003概念是学术话语体系的基石。\n\n\u2003\u2003第二段落。\n\n"
        "特征:知识经济\n\n\u2003\u2003技术在本质上反映了人类的能力。\n\n"
        "\u2003\u2003(作者:某某,系某大学教授)\n"
    )
    t = parse(text).tree
    assert t.title == "研究三题"
    assert t.front == ("作者:某某 《某报》( 2025年10月25日 06版)", "【专栏名称】")
    assert t.paths() == ["pre", "h1", "h1.p1", "h1.p2", "h2", "h2.p1", "end"]
    assert t.find("h1").heading == "概念:技术社会形态"
    assert t.find("end").text == "(作者:某某,系某大学教授)"


def test_author_line_closing_the_last_paragraph_becomes_end() -> None:
    text = "一、标题\n正文第一句。最后一句话。(某中心副主任 周  民)\n"
    t = parse(text).tree
    assert t.find("1.p1").text == "正文第一句。最后一句话。"
    assert t.find("end").text == "(某中心副主任 周  民)"


def test_unrecognised_structure_still_imports_with_a_warning() -> None:
    text = "这是一段没有编号的文字。\n这是另一段文字。\n还有第三段文字。\n"
    result = parse(text)
    assert result.tree.paths() == ["p1", "p2", "p3"]
    assert any("no numbered clauses" in w.message for w in result.warnings)


def test_unknown_numbering_is_kept_as_text_with_a_warning() -> None:
    text = "一、总则\n1)第一项内容说明。\nA. 第二项内容说明。\n"
    result = parse(text)
    assert result.tree.paths() == ["1", "1.p1", "1.p2"]
    messages = [str(w) for w in result.warnings]
    assert any("line 2" in m and "unrecognised numbering" in m for m in messages)
    assert any("line 3" in m for m in messages)


def test_repeated_label_is_text_and_a_jump_is_reported() -> None:
    text = "一、总则\n二、分则\n二、重复的分则\n四、附则\n"
    result = parse(text)
    assert result.tree.paths() == ["1", "2", "2.p1", "4"]
    assert result.tree.find("2.p1").text == "二、重复的分则"
    messages = [str(w) for w in result.warnings]
    assert any("repeats clause 2" in m for m in messages)
    assert any("from 二、 to 四、" in m for m in messages)


def test_heading_only_clause_with_short_stop() -> None:
    t = parse("（一）夯实发展基础\n1.巩固网络基础。\n2.强化应用基础。\n").tree
    assert [(c.path, c.heading, c.text) for c in t.walk()] == [
        ("1", "夯实发展基础", ""),
        ("1.1", "巩固网络基础", ""),
        ("1.2", "强化应用基础", ""),
    ]


def test_long_first_sentence_is_body_not_heading() -> None:
    sentence = "推动" + "人工智能" * 15 + "发展。"
    t = parse(f"一、总则\n（一）{sentence}第二句。\n").tree
    assert t.find("1.1").heading == ""
    assert t.find("1.1").text == f"{sentence}第二句。"


def test_crlf_and_bom() -> None:
    text = "\ufeff一、总则\r\n正文内容。\r\n二、附则\r\n"
    assert parse(text).tree.paths() == ["1", "1.p1", "2"]


# --- inputs that crashed or were refused (issue 11) --------------------------------------


def test_numbering_past_one_hundred_with_a_gap_is_a_warning_not_a_crash() -> None:
    zh_items = "".join(f"{n}.第{n}项内容。\n" for n in range(1, 101))
    en_items = "".join(f"{n}. Item number {n} of the list.\n" for n in range(1, 101))
    zh = parse("一、总则\n" + zh_items + "102.跳过一项之后的内容。\n")
    en = parse("I. General\n\n" + en_items + "102. The item after a gap.\n", "en")
    assert zh.tree.find("1.102") is not None and en.tree.find("1.102") is not None
    assert "numbering from 100. to 102. under 1" in [w.message for w in zh.warnings]
    assert "numbering from 100. to 102. under 1" in [w.message for w in en.warnings]
    parts = "".join(f"{zh_numeral(n)}、第{n}部分。\n" for n in range(1, 101))
    big = parse(parts + "一百零二、跳过之后。\n")
    assert "numbering from 一百、 to 一百零二、 under the top" in [w.message for w in big.warnings]


def zh_numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n == 100:
        return "一百"
    tens, ones = divmod(n, 10)
    return (
        ("" if tens == 1 else digits[tens] if tens else "")
        + ("十" if tens else "")
        + (digits[ones] if ones else "")
    )


def test_inline_heading_ending_in_exclamation_or_question_mark_keeps_it() -> None:
    text = "一、总则\n（一）坚持创新！推动发展，加快建设。\n（二）为什么要开放？因为开放带来进步。\n（三）坚持安全！\n"
    t = parse(text).tree
    assert (t.find("1.1").heading, t.find("1.1").text) == ("坚持创新！", "推动发展，加快建设。")
    assert (t.find("1.2").heading, t.find("1.2").text) == ("为什么要开放？", "因为开放带来进步。")
    assert (t.find("1.3").heading, t.find("1.3").text) == ("坚持安全！", "")


def test_date_line_before_the_document_number() -> None:
    text = "国务院关于测试的意见\n2025年8月21日\n国发〔2025〕11号\n各省、自治区、直辖市人民政府：\n一、总体要求\n加快发展。\n"
    t = parse(text).tree
    assert (t.title, t.number, t.front) == (
        "国务院关于测试的意见",
        "国发〔2025〕11号",
        ("2025年8月21日",),
    )
    assert t.paths() == ["to", "1", "1.p1"]


def test_several_byte_order_marks_and_zero_width_spaces() -> None:
    text = "\ufeff\ufeff\ufeff一、总则\n\u200b正文内容。\n\ufeff二、附则\n"
    t = parse(text).tree
    assert t.paths() == ["1", "1.p1", "2"]
    assert t.find("1.p1").text == "正文内容。"


def test_a_division_label_followed_by_a_full_stop_alone() -> None:
    # found by the fuzz: the heading was the empty string and the 。 was lost
    t = parse("Annex I 。\n4. Innovate new models.\n", "en").tree
    assert (t.find("sch1").heading, t.find("sch1.4").label) == ("。", "4.")
    assert parse("第一章 。\n第一条 本办法适用于测试。\n").tree.find("1").heading == "。"


def test_a_byte_order_mark_before_the_full_stop_of_a_heading() -> None:
    # found by the property suite: the heading was the BOM alone and the 。 was lost
    t = parse("1、\ufeff。\n").tree
    assert (t.find("1").heading, t.find("1").text) == ("", "。")
