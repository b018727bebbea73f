"""Input files made by the tests themselves, from a bundled corpus text (no binary blobs).

Each builder takes the raw text of a bundled document exactly as stored under
``policies/<doc>/raw/`` and lays it out the way it is published: a gov.cn policy page, a
Word file with automatic numbering, a two-page PDF with a running header and page numbers.
The wording is never changed; only its presentation (indentation, line breaks, numbering
done by Word) is."""

from __future__ import annotations

import html
import io
import re
from collections.abc import Mapping, Sequence

TITLE = "国务院关于深入实施“人工智能+”行动的意见"
GOVCN_META = {
    # Number, issuer, date and title as in policies/gf-2025-11/meta.yaml; 索引号, 主题分类 and
    # 发布日期 are values in the shape gov.cn gives them, made up for the fixture.
    "索引号": "000014349/2025-00000",
    "主题分类": "科技、教育\\科技",
    "发文机关": "国务院",
    "成文日期": "2025年08月21日",
    "标题": TITLE,
    "发文字号": "国发〔2025〕11号",
    "发布日期": "2025年08月26日",
}

_LABEL = re.compile(
    r"^(?P<label>[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)(?P<rest>.*)$"
)


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of a raw text, without surrounding whitespace."""
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- HTML ---------------------------------------------------------------------------------

GOVCN_NAV = (
    '<div class="header"><div class="logo"><a href="/">中国政府网</a></div>'
    '<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zhengce/">政策</a></li>'
    '<li><a href="/xinwen/">新闻</a></li><li><a href="/hudong/">互动</a></li>'
    '<li><a href="/fuwu/">服务</a></li><li><a href="/shuju/">数据</a></li>'
    '<li><a href="/guoqing/">国情</a></li></ul>'
    '<form class="search"><input type="text" name="q" placeholder="请输入关键词">'
    '<button type="submit">搜索</button></form></div>'
    '<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/zhengce/">政策</a>'
    ' &gt; <a href="/zhengce/xxgk/">国务院文件</a></div>'
)
GOVCN_FOOTER = (
    '<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a>'
    '　【<a href="#">我要打印</a>】【<a href="#">我要纠错</a>】【<a href="#">关闭窗口</a>】</div>'
    '<div class="related"><h3>相关稿件</h3><ul><li><a href="/a.htm">政策解读</a></li>'
    '<li><a href="/b.htm">图解</a></li></ul></div>'
    '<div class="footer"><p><a href="/about">关于本网</a> | <a href="/statement">网站声明</a> | '
    '<a href="/contact">联系我们</a> | <a href="/correct">网站纠错</a></p>'
    "<p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>"
    "<p>版权所有：中国政府网　京ICP备05070218号　京公网安备11010202000001号</p></div>"
    "<script>var _trackData = _trackData || []; window._trackData.push(['page', 'view']);"
    "</script>"
)
META_ORDER = (
    ("索引号", "主题分类"),
    ("发文机关", "成文日期"),
    ("标题", None),
    ("发文字号", "发布日期"),
)
_PADDED = {"索引号": "索\u3000引\u3000号", "标题": "标\u3000\u3000题"}


def govcn_metadata_table(meta: Mapping[str, str]) -> str:
    """The 国务院政策文件库 table: label cells in bold, the title across three cells."""
    rows = []
    for left, right in META_ORDER:
        cells = f"<td><b>{_PADDED.get(left, left)}：</b></td>"
        if right is None:
            cells += f'<td colspan="3">{html.escape(meta[left])}</td>'
        else:
            cells += f"<td>{html.escape(meta[left])}</td>"
            cells += f"<td><b>{right}：</b></td><td>{html.escape(meta[right])}</td>"
        rows.append(f"<tr>{cells}</tr>")
    return (
        '<div class="policyLibraryOverview_header"><table class="bd1" cellspacing="1">'
        + "".join(rows)
        + "</table></div>"
    )


def _body_paragraph(i: int, line: str, last: int) -> str:
    e = html.escape(line)
    if i == 0:
        return f'<p style="text-align: center;"><strong>{e}</strong></p>'
    if i == 1 and "〔" in line:
        return f'<p style="text-align: center;">{e}</p>'
    if i >= last - 1:
        return f'<p style="text-align: right;">{e}\u3000\u3000</p>'
    m = _LABEL.match(line)
    if m and m.group("label").endswith("、"):
        return f"<p>\u3000\u3000<strong>{e}</strong></p>"
    return f'<p style="text-indent: 2em;">\u3000\u3000{e}</p>'


def govcn_body(text: str, breaks: bool = False) -> str:
    """The body as gov.cn lays it out: centred title and number, full-width indentation,
    part headings in bold; ``breaks`` puts every paragraph of one part after another in a
    single ``<p>`` separated by ``<br>`` (older pages are written so)."""
    paras = paragraphs(text)
    last = len(paras) - 1
    if not breaks:
        inner = "\n".join(_body_paragraph(i, p, last) for i, p in enumerate(paras))
    else:
        blocks: list[list[str]] = [[]]
        for p in paras:
            if _LABEL.match(p) and p[0] in "一二三四五六七八九十":
                blocks.append([])
            blocks[-1].append("\u3000\u3000" + html.escape(p))
        inner = "\n".join(f"<p>{'<br/>'.join(b)}</p>" for b in blocks if b)
    return (
        '<div id="UCAP-CONTENT" class="trs_editor_view TRS_UEDITOR trs_paper_default">\n'
        f"{inner}\n</div>"
    )


def govcn_page(
    text: str, meta: Mapping[str, str], charset: str = "utf-8", breaks: bool = False
) -> bytes:
    """A page in the shape of a gov.cn policy page: navigation, breadcrumb, metadata table,
    body, share links, related links and footer; encoded in ``charset`` (declared in a
    ``<meta http-equiv>`` as older gov.cn pages do)."""
    page = (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
        f"<title>{html.escape(meta['标题'])}_国务院文件_中国政府网</title>\n"
        '<meta name="keywords" content="国务院文件">\n'
        "<style>.nav li{display:inline}</style>\n"
        '<script src="/js/jquery.min.js"></script>\n</head>\n<body>\n'
        f"{GOVCN_NAV}\n"
        '<div class="mainBody"><div class="article">\n'
        f"{govcn_metadata_table(meta)}\n{govcn_body(text, breaks)}\n"
        f"</div></div>\n{GOVCN_FOOTER}\n</body>\n</html>\n"
    )
    codec = {"gb2312": "gbk"}.get(charset.lower(), charset)
    return page.encode(codec)


# --- PDF ----------------------------------------------------------------------------------

PDF_FONT = "STSong-Light"
"""reportlab's built-in CID font for simplified Chinese (referenced, not embedded)."""


def _wrap(text: str, width: float, size: float, indent: float) -> list[str]:
    """Greedy line breaking at ``width`` points (between any two characters: Chinese has no
    spaces; English breaks at spaces)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    line = ""
    room = width - indent
    cjk = any("\u3400" <= ch <= "\u9fff" for ch in text)
    tokens = list(text) if cjk else re.findall(r"\S+\s*", text)
    for tok in tokens:
        if line and stringWidth((line + tok).rstrip(), PDF_FONT, size) > room:
            lines.append(line.rstrip())
            line, room = tok, width
        else:
            line += tok
    if line.strip():
        lines.append(line.rstrip())
    return lines


def cjk_pdf(text: str, header: str, size: float = 8.5) -> bytes:
    """The text typeset with reportlab in ``STSong-Light``: the title and number centred,
    body paragraphs with a two-character first-line indent and lines broken at the page
    width, the signature and date right-aligned; ``header`` above every page and the page
    number as ``— N —`` below it (GB/T 9704 style)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    w, h = A4
    margin, leading = 56.0, size * 1.4
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(w, h), invariant=True)
    page = 1
    y = h - margin

    def furniture() -> None:
        canvas.setFont(PDF_FONT, 9)
        canvas.drawCentredString(w / 2, h - margin / 2, header)
        canvas.drawCentredString(w / 2, margin / 2, f"— {page} —")
        canvas.setFont(PDF_FONT, size)

    furniture()
    paras = paragraphs(text)
    for i, para in enumerate(paras):
        centred = i == 0 or (i == 1 and "〔" in para)
        right = i >= len(paras) - 2 and len(para) < 20
        plain = centred or right or para.endswith(("：", ":"))
        lines = (
            [para]
            if centred or right
            else _wrap(para, w - 2 * margin, size, 0 if plain else 2 * size)
        )
        for k, line in enumerate(lines):
            if y < margin + leading:
                canvas.showPage()
                page += 1
                furniture()
                y = h - margin
            if centred:
                canvas.drawCentredString(w / 2, y, line)
            elif right:
                canvas.drawRightString(w - margin, y, line)
            else:
                canvas.drawString(margin + (2 * size if k == 0 and not plain else 0), y, line)
            y -= leading
    canvas.showPage()
    canvas.save()
    return out.getvalue()


# --- DOCX ---------------------------------------------------------------------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ZH_LEVELS = (
    ("chineseCounting", "%1、", None),
    ("chineseCounting", "(%2)", 0),
    ("decimal", "%3.", None),
)
"""The list definition of a State Council document: 一、 parts, (一) sections that keep
counting across parts (``lvlRestart 0``), 1. items that restart under each section."""


def _add_list(document: object, levels: Sequence[tuple[str, str, int | None]], num_id: int) -> str:
    """Append a multi-level list definition (``w:abstractNum`` and ``w:num``) to the
    document's numbering part; returns the numId."""
    from docx.oxml import parse_xml

    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text, restart) in enumerate(levels)
    )
    numbering = document.part.numbering_part.element  # type: ignore[attr-defined]
    abstract = parse_xml(
        f'<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="{num_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )
    nums = numbering.findall(f"{{{_W_NS}}}num")
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num xmlns:w="{_W_NS}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
        )
    )
    return str(num_id)


def _number(paragraph: object, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    ppr.append(
        parse_xml(
            f'<w:numPr xmlns:w="{_W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def numbered_docx(text: str, table: Sequence[Sequence[str]] = ()) -> bytes:
    """The text as a Word document whose labels 一、/(一)/1. are automatic numbering (the
    label is removed from the paragraph text and rendered by Word from ``numbering.xml``);
    ``table`` rows are added as a table after the body."""
    import docx

    document = docx.Document()
    num_id = _add_list(document, ZH_LEVELS, 7)
    for para in paragraphs(text):
        m = _LABEL.match(para)
        if m is None:
            document.add_paragraph(para)
            continue
        label = m.group("label")
        level = 0 if label.endswith("、") else 1 if label.startswith("(") else 2
        _number(document.add_paragraph(m.group("rest")), num_id, level)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def image_only_pdf(encrypt_with: str | None = None) -> bytes:
    """A page holding only a picture (a scan without a text layer); or, with
    ``encrypt_with``, a page of text that opens only with that password."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    encrypt = StandardEncryption(encrypt_with, canPrint=0) if encrypt_with else None
    canvas = Canvas(out, pagesize=A4, invariant=True, encrypt=encrypt)
    if encrypt_with:
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
        canvas.setFont(PDF_FONT, 12)
        canvas.drawString(72, 720, "一、总体要求")
    else:
        scan = Image.new("L", (200, 100), 255)
        scan.paste(0, (20, 40, 180, 60))
        canvas.drawImage(ImageReader(scan), 72, 600, width=400, height=200)
    canvas.showPage()
    canvas.save()
    return out.getvalue()
