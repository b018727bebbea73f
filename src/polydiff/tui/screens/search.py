"""``/``: search every clause of the corpus, Chinese and English; a result opens at its
clause."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from polydiff.service.search import LIMIT, Hit, find_clauses
from polydiff.tui.data import CorpusData


def hit_prompt(hit: Hit) -> Text:
    t = Text(no_wrap=True, overflow="ellipsis")
    t.append(f"{hit.ref} ", style="bold")
    t.append(f"{hit.lang} ", style="dim")
    t.append(hit.before)
    t.append(hit.match, style="bold reverse")
    t.append(hit.after)
    return t


class SearchScreen(ModalScreen[Hit | None]):
    """Type to search; ``down`` or ``enter`` goes to the results, ``enter`` opens one."""

    HELP = "Search: every clause of the corpus, in Chinese and English."
    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > Vertical {
        width: 90%; height: 80%; border: thick $accent; background: $surface; padding: 0 1;
    }
    SearchScreen #results { height: 1fr; }
    SearchScreen #count { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("down", "results", "Results", show=False),
        Binding("enter", "open", "Open at clause", show=False),
    ]

    def __init__(self, data: CorpusData, query: str = "") -> None:
        super().__init__()
        self.data = data
        self.initial = query
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("[b]Search the corpus[/b] (Chinese or English)")
            yield Input(self.initial, placeholder="e.g. 人工智能 or open source", id="query")
            yield Label("", id="count")
            yield OptionList(id="results")

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self.initial:
            self.run_search(self.initial, delay=0)

    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(exclusive=True, group="search")
    async def run_search(self, query: str, delay: float = 0.15) -> None:
        if delay:
            await asyncio.sleep(delay)  # a newer keystroke cancels this one
        data = self.data
        docs = ((d, data.trees(d)) for d in data.doc_ids())
        hits = await asyncio.to_thread(find_clauses, docs, query)
        self.hits = hits
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(h), id=str(i)) for i, h in enumerate(hits)])
        count = f"{len(hits)}{'+' if len(hits) >= LIMIT else ''} clause(s)" if query.strip() else ""
        self.query_one("#count", Label).update(count)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_results()

    def action_results(self) -> None:
        results = self.query_one("#results", OptionList)
        if self.hits:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[int(event.option.id or 0)])

    def action_open(self) -> None:
        results = self.query_one("#results", OptionList)
        if results.highlighted is not None and self.hits:
            self.dismiss(self.hits[results.highlighted])

    def action_close(self) -> None:
        self.dismiss(None)
