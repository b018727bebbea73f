"""What ``polydiff diff A B`` compares: a document id, ``doc@rev``, or a file (a text, web
page, Word or PDF file is parsed on the fly; a clause-tree YAML or an outline is loaded)."""

from __future__ import annotations

from pathlib import Path

from polydiff.errors import InputError, UsageError
from polydiff.model import LANGUAGES, ClauseRef, ClauseTree
from polydiff.record import record
from polydiff.store.repo import PolicyRepo


@record
class Input:
    """One side of a comparison before a language is chosen."""

    name: str
    """As given (``gf-2025-11@HEAD~1``, ``revision.txt``)."""
    languages: tuple[str, ...]
    trees: dict[str, ClauseTree]
    """Trees already loaded (files); documents load theirs on demand."""
    ref: ClauseRef | None = None

    def tree(self, repo: PolicyRepo | None, lang: str) -> ClauseTree:
        """The clause tree in ``lang``."""
        if lang not in self.languages:
            have = ", ".join(self.languages) or "none"
            raise UsageError(f"{self.name} has no {lang} text (languages: {have})")
        if lang in self.trees:
            return self.trees[lang]
        assert repo is not None and self.ref is not None
        return repo.load_tree(self.ref.doc, lang, repo.source(self.ref.rev))


def open_input(spec: str, repo: PolicyRepo | None) -> Input:
    """Resolve ``spec``: an existing file path wins over a document id of the same name.
    The language of a raw text file is read off its characters."""
    path = Path(spec)
    if path.is_file():
        return _file_input(path)
    if repo is None:
        raise InputError(f"{spec}: no such file, and no policy repository to look it up in")
    try:
        ref = ClauseRef.parse(spec)
    except ValueError as exc:
        raise InputError(f"{spec}: no such file, and {exc}") from None
    if ref.path:
        raise UsageError(f"{spec}: compare whole documents; restrict with --path {ref.path}")
    meta = repo.load_meta(ref.doc, repo.source(ref.rev))
    return Input(spec, meta.languages, {}, ref)


def _file_input(path: Path) -> Input:
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml_input(path)
    from polydiff.formats import extract, read
    from polydiff.parse.decode import check_policy_text, guess_language
    from polydiff.parse.text import parse_text

    text = extract(read(path), str(path)).text  # a web page, Word or PDF file, or text
    text_lang = guess_language(text)
    check_policy_text(text, text_lang, str(path))
    tree = parse_text(text, text_lang, path.stem).tree
    return Input(path.name, (text_lang,), {text_lang: tree})


def _yaml_input(path: Path) -> Input:
    """A clause tree as polydiff stores it, or a verified-headings outline."""
    from polydiff.parse.decode import read_file
    from polydiff.parse.outline import is_outline, parse_outline
    from polydiff.store import yamlio

    data = yamlio.load(read_file(path).text, str(path))
    if is_outline(data):
        trees = dict(parse_outline(data, str(path)).trees)
    else:
        tree = yamlio.tree_from_data(data, str(path))
        trees = {tree.lang: tree}
    return Input(path.name, tuple(lg for lg in LANGUAGES if lg in trees), trees)


def common_language(a: Input, b: Input, wanted: str | None) -> str:
    """``wanted``, or the first language both sides have; a clear error otherwise."""
    if wanted:
        for side in (a, b):
            if wanted not in side.languages:
                have = ", ".join(side.languages) or "none"
                raise UsageError(f"{side.name} has no {wanted} text (languages: {have})")
        return wanted
    for lg in LANGUAGES:
        if lg in a.languages and lg in b.languages:
            return lg
    raise UsageError(
        f"{a.name} ({', '.join(a.languages)}) and {b.name} "
        f"({', '.join(b.languages)}) share no language"
    )
