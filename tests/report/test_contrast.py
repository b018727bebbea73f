"""The 新旧对照表: ``diff --format docx|xlsx --output FILE`` opened back with python-docx and
openpyxl (rows, marks), written atomically, refused to a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polydiff.cli import main
from tests.conftest import PROJECT

REV1 = str(PROJECT / "tests" / "data" / "gf-2025-11.rev1.zh.txt")
RED = "C00000"


def run(*argv: str) -> int:
    return main(["--repo", str(PROJECT), *argv])


@pytest.fixture(scope="module")
def links() -> list[dict[str, object]]:
    """The links of gf-2025-11 against its synthetic revision, from the JSON contract."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run("diff", "gf-2025-11", REV1, "--format", "json")
    return json.loads(out.getvalue())["links"]  # type: ignore[no-any-return]


def changed(links: list[dict[str, object]]) -> list[dict[str, object]]:
    return [x for x in links if x["kind"] != "unchanged" or x["moved"] or x["renumbered"]]


def marked(cell: object) -> dict[str, list[str]]:
    """The cell's text by mark: struck in red, underlined, plain."""
    out: dict[str, list[str]] = {"struck": [], "underlined": [], "plain": []}
    for p in cell.paragraphs:  # type: ignore[attr-defined]
        for r in p.runs:
            if r.font.strike:
                assert r.font.color.rgb is not None and str(r.font.color.rgb) == RED
                out["struck"].append(r.text)
            elif r.font.underline:
                out["underlined"].append(r.text)
            elif r.text.strip():  # not the line break between heading and text
                out["plain"].append(r.text)
    return out


def test_docx_has_title_metadata_and_a_row_per_changed_link(
    tmp_path: Path, links: list[dict[str, object]]
) -> None:
    import docx

    out = tmp_path / "对照表.docx"
    assert run("diff", "gf-2025-11", REV1, "--format", "docx", "--output", str(out)) == 1
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == f"新旧对照表  gf-2025-11 → {Path(REV1).name}"
    facts, table = document.tables
    facts_text = [[c.text for c in row.cells] for row in facts.rows]
    assert ["文号 number", "国发〔2025〕11号", "国发〔2025〕11号"] in facts_text
    assert ["日期 date", "2025-08-21", ""] in facts_text
    rows = table.rows[1:]
    assert [c.text for c in table.rows[0].cells] == ["修改前 earlier", "修改后 later", "说明 note"]
    assert len(rows) == len(changed(links)) == 6
    notes = [r.cells[2].text for r in rows]
    assert notes[0] == "2.1.1: reworded; similarity 0.99"
    assert "2.4.2 → (dropped): dropped" in notes and "(new) → 2.6.3: new" in notes
    assert "2.4.3 → 2.4.2: unchanged; renumbered from 2.4.3; similarity 1.00" in notes
    assert "3.14: unchanged; moved; similarity 1.00" in notes
    first = rows[0].cells
    assert marked(first[0])["struck"][:2] == ["速", "快"]
    assert marked(first[1])["underlined"][:2] == ["快", "速"]
    dropped = rows[notes.index("2.4.2 → (dropped): dropped")].cells
    assert marked(dropped[0])["plain"] == [] and marked(dropped[0])["struck"]
    assert dropped[1].text == ""
    new = rows[notes.index("(new) → 2.6.3: new")].cells
    assert "".join(marked(new[1])["underlined"]).startswith("测试新增条款")


def test_all_adds_unchanged_clauses(tmp_path: Path, links: list[dict[str, object]]) -> None:
    import docx

    out = tmp_path / "all.docx"
    assert run("diff", "gf-2025-11", REV1, "--format", "docx", "-o", str(out), "--all") == 1
    table = docx.Document(str(out)).tables[1]
    assert len(table.rows) - 1 == len(links) == 43  # 42 clauses and the title


def test_xlsx_has_the_same_rows_with_sortable_columns(
    tmp_path: Path, links: list[dict[str, object]]
) -> None:
    import openpyxl
    from openpyxl.cell.rich_text import CellRichText

    out = tmp_path / "table.xlsx"
    assert run("diff", "gf-2025-11", REV1, "--output", str(out)) == 1  # the format from the name
    book = openpyxl.load_workbook(out, rich_text=True)
    sheet = book["新旧对照表"]
    head, *body = list(sheet.iter_rows(values_only=True))
    assert head[:6] == ("A", "B", "kind", "moved", "renumbered", "similarity")
    assert len(body) == len(changed(links))
    by_a = {r[0]: r for r in body}
    assert by_a["2.4.3"][1:5] == ("2.4.2", "unchanged", False, True)
    earlier = by_a["2.1.1"][6]
    assert isinstance(earlier, CellRichText)
    struck = [b.text for b in earlier if not isinstance(b, str) and b.font.strike]
    assert struck[:2] == ["速", "快"]
    later = by_a["2.1.1"][7]
    assert [b.text for b in later if not isinstance(b, str) and b.font.u == "single"][:2] == [
        "快",
        "速",
    ]
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"
    docs = {r[0]: r[1:] for r in book["documents"].iter_rows(values_only=True)}
    assert docs["文号 number"] == ("国发〔2025〕11号", "国发〔2025〕11号")


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_binary_formats_need_an_output_file(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("diff", "gf-2025-11", REV1, "--format", fmt) == 2
    captured = capsys.readouterr()
    assert (
        captured.err
        == f"polydiff: error: --format {fmt} writes a binary file: add --output FILE.{fmt}\n"
    )
    assert captured.out == "" and list(tmp_path.iterdir()) == []


def test_a_failed_render_or_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    out = tmp_path / "t.docx"
    out.write_bytes(b"the earlier table")

    def no_space(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device", str(out))

    monkeypatch.setattr("polydiff.store.atomic.os.fdopen", no_space)
    assert run("diff", "gf-2025-11", REV1, "--format", "docx", "-o", str(out)) == 2
    assert "No space left on device" in capsys.readouterr().err
    monkeypatch.setattr("polydiff.store.atomic.os.fdopen", os.fdopen)
    monkeypatch.setattr("polydiff.extras.find_spec", lambda name: None)
    assert run("diff", "gf-2025-11", REV1, "--format", "docx", "-o", str(out)) == 2
    err = capsys.readouterr().err
    assert (
        err == "polydiff: error: --format docx needs python-docx: pip install 'polydiff[formats]'\n"
    )
    assert out.read_bytes() == b"the earlier table"
    assert [p.name for p in tmp_path.iterdir()] == ["t.docx"]


def test_text_output_needs_a_named_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("diff", "gf-2025-11", REV1, "-o", str(tmp_path / "x.txt")) == 2
    assert "--output: give --format md, html, json, docx or xlsx" in capsys.readouterr().err
    md = tmp_path / "x.md"
    assert run("diff", "gf-2025-11", REV1, "-o", str(md)) == 1
    assert md.read_text(encoding="utf-8").startswith("### polydiff: `gf-2025-11`")
