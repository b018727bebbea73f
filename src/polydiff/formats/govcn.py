"""The metadata table above a gov.cn policy page (国务院政策文件库): 索引号, 主题分类, 发文机关,
成文日期, 标题, 发文字号, 发布日期, read from the parsed page into :class:`Found`."""

from __future__ import annotations

import itertools

from polydiff.formats.model import Found
from polydiff.lazyre import lazy
from polydiff.typenames import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

LABELS = (
    "索引号",
    "主题分类",
    "发文机关",
    "成文日期",
    "标题",
    "发文字号",
    "发布日期",
    "来源",
    "公文种类",
    "有效性",
    "实施日期",
    "废止日期",
)
"""Labels of the 国务院文件 and 国务院部门文件 tables."""
_SPACE = lazy(r"[\s\u3000\xa0]+")
_DATE = lazy(r"(\d{4})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")


def _label(cell: Any) -> str | None:
    text = _SPACE.sub("", cell.text_content()).rstrip("：:")
    return text if text in LABELS else None


def _value(cell: Any) -> str:
    return _SPACE.sub(" ", cell.text_content()).strip()


def iso_date(text: str) -> str:
    """``2025年08月21日`` / ``2025-8-21`` → ``2025-08-21``; ``""`` when it is not a date."""
    m = _DATE.search(text)
    if not m:
        return ""
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def metadata_table(root: Any) -> Any | None:
    """The ``<table>`` of the page whose cells carry at least three of :data:`LABELS`."""
    for table in root.iter("table"):
        labels = [c for c in table.iter("td", "th") if _label(c)]
        if len(labels) >= 3:
            return table
    return None


def read_table(table: Any) -> Found:
    """Each label cell and the cell after it, in page order."""
    fields: dict[str, str] = {}
    for row in table.iter("tr"):
        cells = [c for c in row if c.tag in ("td", "th")]
        for cell, following in itertools.pairwise(cells):
            label = _label(cell)
            if label and not _label(following) and label not in fields:
                fields[label] = _value(following)
    return Found(
        title=fields.get("标题", ""),
        number=fields.get("发文字号", ""),
        issuer=fields.get("发文机关", ""),
        date=iso_date(fields.get("成文日期", "")),
        published=iso_date(fields.get("发布日期", "")),
        fields=fields,
    )
