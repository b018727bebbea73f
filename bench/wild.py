"""Synthetic English documents as they come in the wild, with known structure.

``make_document(family, seed)`` writes the clause tree of a document the way such
documents are organised, and ``render(tree, layout)`` writes it out as plain text the way
such texts are typed and saved:

- ``contract``: a services or licence agreement with decimal numbering (``1.`` headings,
  ``1.1`` clauses, ``4.2.1`` subclauses, ``(a)`` lists under a clause);
- ``regulation``: an English translation of a ministry regulation (``Chapter I`` headings,
  ``Article 1`` … numbered across chapters, ``(1)`` items inside articles, second
  paragraphs of articles after their items, a ``Section 1`` inside one chapter).

Layouts hard-wrap every paragraph with :mod:`textwrap` at 66–80 columns (long words and
hyphenated compounds broken the way ``textwrap`` breaks them) and separate paragraphs with
blank lines, or with a first-line indent and no blank lines, or with a hanging indent.

Deliberately independent of the parser: labels are written from the paths of the tree (a
clause at ``4.2`` of a contract is written ``4.2``; an article at ``2.7`` of a regulation
is written ``Article 7``), nothing of ``polydiff.parse`` is used, and what the parser must
recover is the tree itself. The texts are generated from templates; they are not, and do
not quote, any published document.
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from polydiff.model import Clause, ClauseKind, ClauseTree

FAMILIES = ("contract", "regulation")


@dataclass(frozen=True)
class Layout:
    """How a text is typed: wrap width, paragraph separation, indentation."""

    width: int
    blank_lines: bool
    """Paragraphs separated by a blank line (else by a first-line indent)."""
    hanging: bool
    """Continuation lines of a labelled paragraph indented under its text."""

    def describe(self) -> str:
        sep = "blank lines" if self.blank_lines else "first-line indent"
        return f"wrap {self.width}, {sep}{', hanging indent' if self.hanging else ''}"


LAYOUTS = (
    Layout(72, True, False),
    Layout(80, True, True),
    Layout(66, False, False),
    Layout(76, True, False),
)

# --- sentence material ------------------------------------------------------------------

_PARTIES = (("Supplier", "Customer"), ("Licensor", "Licensee"), ("Contractor", "Employer"))
_THINGS = (
    "the Services", "the Deliverables", "the Software", "the Documentation", "the Equipment",
    "the Customer Data", "the Licensed Materials", "the Work Product", "the Support Services",
    "the Hosting Services", "the Training Materials", "the Source Code",
)  # fmt: skip
_AGREEMENTS = ("Master", "Software", "Cloud Hosting", "Maintenance", "Framework", "Data Platform")
_PERIODS = ("five", "ten", "fifteen", "twenty", "thirty", "forty-five", "sixty", "ninety")
_ACTS = (
    "any breach of its obligations under this Agreement",
    "any change in its ownership or control",
    "any actual or suspected security incident",
    "any dispute with a third-party provider",
    "any delay in the performance of its obligations",
    "any claim brought by a third party",
    "any material change to its business continuity arrangements",
    "any failure of the back-up systems",
)  # fmt: skip
_STANDARDS = (
    "good industry practice", "the Service Levels", "the Specification", "the Security Policy",
    "all applicable laws and regulations", "the Acceptance Criteria", "the Project Plan",
    "the reasonable instructions of the {b}",
)  # fmt: skip
_CONTRACT_TEMPLATES = (
    "The {a} shall provide {thing} in accordance with {standard}.",
    "The {b} shall pay each valid invoice within {n} days of the date of its receipt.",
    "Either party may terminate this Agreement by giving not less than {n} days' written "
    "notice to the other party.",
    "The {a} shall notify the {b} in writing of {act} within {n} Business Days of becoming "
    "aware of it.",
    "Each party shall keep the other party's Confidential Information confidential and shall "
    "not disclose it to any third party without the prior written consent of that party.",
    "The {a} shall maintain, at its own cost, a record of {thing} for a period of {n} years "
    "after the end of the Term.",
    "All Intellectual Property Rights in {thing} shall vest in the {b} on creation.",
    "The {a} warrants that {thing} will conform in all material respects to {standard}.",
    "The {b} shall give the {a} reasonable access to its premises for the purpose of "
    "delivering {thing}.",
    "The {a} shall not subcontract the performance of {thing} without the prior written "
    "consent of the {b}, which shall not be unreasonably withheld.",
    "Nothing in this clause limits the liability of either party for {act}.",
    "The {a} shall appoint a suitably qualified manager who shall be the first point of "
    "contact for all matters relating to {thing}.",
    "The {b} may, on {n} days' notice, require the {a} to carry out an audit of {thing}.",
    "Any amount not paid when due shall carry interest at {n} per cent per annum above the "
    "base rate from the due date until the date of payment.",
    "The {a} shall ensure that its personnel comply with {standard} while on the {b}'s premises.",
    "The {a} shall use all reasonable endeavours to remedy {act} as soon as reasonably "
    "practicable and in any event within {n} days.",
    "This clause shall survive the termination or expiry of this Agreement for a period of "
    "{n} years.",
    "The {b} shall provide the {a} with such information as the {a} reasonably requires for "
    "the purpose of delivering {thing}.",
    "The {a} shall keep {thing} free from viruses and other malicious code at all times.",
    "The {a} shall implement appropriate technical and organisational measures to protect "
    "{thing} against unauthorised or unlawful processing.",
)
_DEFINED = (
    ("Affiliate", "any entity that directly or indirectly controls, is controlled by, or is "
     "under common control with a party"),
    ("Business Day", "a day other than a Saturday, Sunday or public holiday"),
    ("Charges", "the charges payable by the {b} for {thing}, as set out in the Schedule"),
    ("Commencement Date", "the date on which this Agreement is signed by both parties"),
    ("Confidential Information", "all information of a confidential nature disclosed by one "
     "party to the other in connection with this Agreement"),
    ("Good Industry Practice", "the degree of skill, care and foresight reasonably expected "
     "of a skilled and experienced provider of services similar to {thing}"),
    ("Intellectual Property Rights", "patents, copyright, database rights, trade marks and "
     "all other intellectual property rights, whether registered or not"),
    ("Term", "the period from the Commencement Date until this Agreement terminates or "
     "expires"),
)  # fmt: skip
_CONTRACT_HEADINGS = (
    "Definitions and Interpretation", "Commencement and Term", "Supply of the Services",
    "Customer Obligations", "Charges and Payment", "Intellectual Property",
    "Confidentiality", "Data Protection", "Limitation of Liability", "Termination",
    "Consequences of Termination", "Force Majeure", "Assignment and Subcontracting",
    "Notices", "Governing Law and Jurisdiction",
)  # fmt: skip

_AUTHORITIES = (
    "competent department for industry and information technology",
    "cyberspace administration department",
    "market regulation department",
    "data administration department",
    "competent department for transport",
)  # fmt: skip
_SUBJECTS = (
    "platform operators", "data processors", "network service providers",
    "operators of critical information infrastructure", "online trading platforms",
    "providers of cloud computing services",
)  # fmt: skip
_DUTIES = (
    "the supervision and administration of data security",
    "the registration and filing of platform services",
    "the assessment of cross-border data transfers",
    "the investigation of security incidents",
    "the guidance of industry self-regulation",
    "the handling of complaints and reports",
)  # fmt: skip
_MEASURES = (
    "a data classification and grading system", "an emergency response plan",
    "a security assessment mechanism", "a complaints handling mechanism",
    "a personal information protection system", "a risk monitoring and early-warning system",
    "a record-keeping system for processing activities", "a long-term training programme",
)  # fmt: skip
_REG_TEMPLATES = (
    "The {auth} under the State Council shall be responsible for {duty} nationwide; the "
    "{auth}s of the local people's governments at or above the county level shall be "
    "responsible for {duty} within their respective administrative regions.",
    "{Subj} shall establish and improve {measure}, designate a person in charge, and take "
    "technical measures and other necessary measures to ensure the security of the data "
    "they process.",
    "{Subj} shall carry out a risk assessment at least once every {n} months and submit the "
    "assessment report to the {auth}.",
    "Where {subj} discover a security incident, they shall immediately take remedial "
    "measures, inform the users concerned in a timely manner and report to the {auth}.",
    "The {auth} shall strengthen guidance and services for {subj}, and encourage them to "
    "adopt {measure}.",
    "{Subj} shall retain the relevant records for not less than {n} months and provide "
    "them to the {auth} upon request.",
    "No organisation or individual may obstruct the {auth} in performing its duties of "
    "{duty} in accordance with the law.",
    "The {auth} and its staff shall keep confidential the personal information, privacy and "
    "trade secrets they come to know in the course of {duty}.",
    "Where {subj} violate the provisions of these Measures, the {auth} shall order them to "
    "make corrections and give them a warning; where they refuse to make corrections, a fine "
    "of not less than {k}0,000 yuan but not more than {m}00,000 yuan shall be imposed.",
    "The State encourages {subj} to participate in the formulation of standards for "
    "{duty} and to carry out cross-industry cooperation.",
    "Industry organisations shall formulate codes of conduct for {subj}, strengthen "
    "self-discipline and guide their members in establishing {measure}.",
    "The {auth} shall publish the list of {subj} that have completed filing and update it "
    "every {n} months.",
)
_ITEMS = (
    "the name, address and contact details of the {subj} and of the person in charge of {duty}",
    "a description of the scope and purpose of the processing carried out under {measure}",
    "the results of the most recent security assessment submitted to the {auth}",
    "the technical and organisational measures adopted for {duty}",
    "the emergency response plan for {duty} and the persons responsible for it",
    "the categories and volume of the data concerned and the period for which the {subj} "
    "retain them",
    "the measures for protecting the rights and interests of individuals under {measure}",
    "a written undertaking by the {subj} to comply with the requirements of the {auth}",
    "the qualifications of the staff responsible for {duty}",
    "the agreements concluded with third parties concerning {duty}",
    "the records of training provided under {measure} in the past {n} months",
    "other materials prescribed by the {auth}",
)
_LEADS = (
    "An application for {what} submitted by {subj} shall include the following materials:",
    "When applying for {what}, {subj} shall submit the following materials to the {auth}:",
    "The {auth} shall examine the following matters when handling an application for "
    "{what} submitted by {subj}:",
)
_WHATS = (
    "filing", "registration", "a security assessment", "the renewal of a filing",
    "a change of registered particulars", "the assessment of a cross-border data transfer",
)  # fmt: skip
_REG_CHAPTERS = (
    "General Provisions", "Filing and Registration", "Security Obligations",
    "Supervision and Administration", "Legal Liability", "Supplementary Provisions",
)  # fmt: skip
_ROMAN = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


class _Filler:
    """Template slots filled from the word lists, never the same sentence twice."""

    def __init__(self, rng: random.Random, parties: tuple[str, str]) -> None:
        self.rng = rng
        self.a, self.b = parties
        self.used: set[str] = set()

    def fill(self, template: str) -> str:
        for _ in range(50):
            subj = self.rng.choice(_SUBJECTS)
            text = template.format(
                a=self.a,
                b=self.b,
                thing=self.rng.choice(_THINGS),
                n=self.rng.choice(_PERIODS) if "{n} days" in template else self.rng.randint(2, 36),
                k=self.rng.randint(1, 9),
                m=self.rng.randint(1, 9),
                act=self.rng.choice(_ACTS),
                standard=self.rng.choice(_STANDARDS).format(b=self.b),
                auth=self.rng.choice(_AUTHORITIES),
                duty=self.rng.choice(_DUTIES),
                what=self.rng.choice(_WHATS),
                measure=self.rng.choice(_MEASURES),
                subj=subj,
                Subj=subj[0].upper() + subj[1:],
            )
            if text not in self.used:
                self.used.add(text)
                return text
        return text

    def sentences(self, templates: Sequence[str], k: int) -> str:
        return " ".join(self.fill(t) for t in self.rng.sample(list(templates), k))


# --- documents ------------------------------------------------------------------------


def make_document(family: str, seed: int) -> ClauseTree:
    """The clause tree of a synthetic document of ``family`` (see the module doc)."""
    rng = random.Random(seed)
    if family == "contract":
        return _contract(rng)
    if family == "regulation":
        return _regulation(rng)
    raise ValueError(f"unknown family {family!r} (one of {', '.join(FAMILIES)})")


def _contract(rng: random.Random) -> ClauseTree:
    parties = rng.choice(_PARTIES)
    f = _Filler(rng, parties)
    kind = "Licence" if parties[0] == "Licensor" else rng.choice(("Services", "Works"))
    title = f"{rng.choice(_AGREEMENTS)} {kind} Agreement".upper()
    pre = Clause(
        "pre",
        ClauseKind.PREAMBLE,
        text=f"This Agreement is made on {rng.randint(1, 28)} March 2024 between Northgate "
        f"Systems Limited (the {parties[0]}) and Harbour Logistics plc (the {parties[1]}).",
    )
    clauses = [pre]
    headings = [_CONTRACT_HEADINGS[0], *rng.sample(_CONTRACT_HEADINGS[1:], rng.randint(6, 11))]
    for i, heading in enumerate(headings, 1):
        kids: list[Clause] = []
        for j in range(1, rng.randint(2, 6) + 1):
            path = f"{i}.{j}"
            if i == 1 and j == 1:
                kids.append(_definitions(path, f, rng))
                continue
            sub: tuple[Clause, ...] = ()
            if rng.random() < 0.2:  # 4.2.1, 4.2.2 subclauses or an (a), (b) list
                kind = rng.choice((ClauseKind.ITEM, ClauseKind.SUBITEM))
                sub = tuple(
                    Clause(f"{path}.{k}", kind, text=f.sentences(_CONTRACT_TEMPLATES, 1))
                    for k in range(1, rng.randint(2, 3) + 1)
                )
            text = f.sentences(_CONTRACT_TEMPLATES, rng.randint(1, 3))
            kids.append(Clause(path, ClauseKind.ITEM, text=text, children=sub))
        clauses.append(Clause(str(i), ClauseKind.ITEM, heading=heading, children=tuple(kids)))
    return ClauseTree("contract", "en", title, "", (), tuple(clauses))


def _definitions(path: str, f: _Filler, rng: random.Random) -> Clause:
    terms = sorted(rng.sample(_DEFINED, rng.randint(4, 7)))
    items = []
    for k, (term, meaning) in enumerate(terms, 1):
        end = "; and" if k == len(terms) - 1 else ("." if k == len(terms) else ";")
        text = f"\u201c{term}\u201d means {f.fill(meaning)}{end}"
        items.append(Clause(f"{path}.{k}", ClauseKind.SUBITEM, text=text))
    return Clause(
        path, ClauseKind.ITEM, text="In this Agreement the following definitions apply:",
        children=tuple(items),
    )  # fmt: skip


def _regulation(rng: random.Random) -> ClauseTree:
    f = _Filler(rng, ("", ""))
    subject = rng.choice(_SUBJECTS)
    title = f"Interim Measures for the Administration of Data Security of {subject.title()}"
    chapters = [_REG_CHAPTERS[0], *rng.sample(_REG_CHAPTERS[1:-1], 3), _REG_CHAPTERS[-1]]
    article = 0
    clauses = []
    sectioned = rng.randrange(1, len(chapters) - 1)
    for c, heading in enumerate(chapters, 1):
        ch_path = str(c)
        if c == sectioned + 1:
            secs = []
            for s in (1, 2):
                arts, article = _articles(f"{ch_path}.{s}", article, rng.randint(2, 3), f, rng)
                sec_heading = ("General Rules", "Special Rules")[s - 1]
                secs.append(
                    Clause(f"{ch_path}.{s}", ClauseKind.SECTION, heading=sec_heading, children=arts)
                )
            kids = tuple(secs)
        else:
            last = c == len(chapters)
            kids, article = _articles(ch_path, article, rng.randint(2, 5), f, rng, last)
        clauses.append(Clause(ch_path, ClauseKind.CHAPTER, heading=heading, children=kids))
    return ClauseTree("regulation", "en", title, "", (), tuple(clauses))


def _articles(
    parent: str, start: int, count: int, f: _Filler, rng: random.Random, last: bool = False
) -> tuple[tuple[Clause, ...], int]:
    out = []
    for n in range(start + 1, start + count + 1):
        path = f"{parent}.{n}"
        if last and n == start + count:
            text = f"These Measures shall come into force on {rng.randint(1, 28)} May 2025."
            out.append(Clause(path, ClauseKind.ARTICLE, text=text))
            continue
        kids: list[Clause] = []
        if rng.random() < 0.3:
            text = f.fill(rng.choice(_LEADS))
            chosen = rng.sample(_ITEMS, rng.randint(3, 5))
            for k, item in enumerate(chosen, 1):
                end = ";" if k < len(chosen) else "."
                kids.append(Clause(f"{path}.{k}", ClauseKind.ITEM, text=f.fill(item) + end))
            if rng.random() < 0.5:
                kids.append(
                    Clause(f"{path}.p1", ClauseKind.PARAGRAPH, text=f.sentences(_REG_TEMPLATES, 1))
                )
        else:
            text = f.sentences(_REG_TEMPLATES, rng.randint(1, 2))
            for p in range(1, (rng.random() < 0.35) + 1 + (rng.random() < 0.1)):
                if p > 1 or rng.random() < 0.35:
                    kids.append(
                        Clause(
                            f"{path}.p{len(kids) + 1}",
                            ClauseKind.PARAGRAPH,
                            text=f.sentences(_REG_TEMPLATES, 1),
                        )
                    )
        out.append(Clause(path, ClauseKind.ARTICLE, text=text, children=tuple(kids)))
    return tuple(out), start + count


# --- rendering ------------------------------------------------------------------------


def label_of(c: Clause, family: str) -> str:
    """The label a clause at this path is written with."""
    segments = c.path.split(".")
    number = int(segments[-1]) if segments[-1].isdigit() else 0
    if c.kind in (ClauseKind.PARAGRAPH, ClauseKind.PREAMBLE) or not number:
        return ""
    if family == "regulation":
        if c.kind is ClauseKind.CHAPTER:
            return f"Chapter {_ROMAN[number]}"
        if c.kind is ClauseKind.SECTION:
            return f"Section {number}"
        if c.kind is ClauseKind.ARTICLE:
            return f"Article {number}"
        return f"({number})"
    if c.kind is ClauseKind.SUBITEM:
        return f"({_LETTERS[number - 1]})"
    if len(segments) == 1:
        return f"{number}."
    return ".".join(segments)


def render(tree: ClauseTree, family: str, layout: Layout) -> str:
    """The text of ``tree`` as typed with ``layout``."""
    blocks: list[str] = [tree.title]
    for c in tree.walk():
        label = label_of(c, family)
        head = c.heading.upper() if family == "contract" and "." not in c.path else c.heading
        if c.kind is ClauseKind.CHAPTER or c.kind is ClauseKind.SECTION:
            blocks.append(f"{label} {head}".strip())
            continue
        first = " ".join(x for x in (label, head if not c.text else "", c.text) if x)
        if c.heading and c.text:
            first = " ".join(x for x in (label, f"{c.heading}.", c.text) if x)
        blocks.append(_wrap(first, label, layout, indent_first=not label))
    sep = "\n\n" if layout.blank_lines else "\n"
    return sep.join(blocks) + "\n"


def _wrap(text: str, label: str, layout: Layout, indent_first: bool) -> str:
    first = "    " if indent_first and not layout.blank_lines else ""
    rest = " " * (len(label) + 1) if layout.hanging and label else ""
    return textwrap.fill(text, layout.width, initial_indent=first, subsequent_indent=rest)
