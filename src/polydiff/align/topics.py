"""What a State Council heading is about: the role of a section and the policy field of an
action, in Chinese and English.

An outline known only by its headings (gf-2015-40) cannot be aligned by wording: 现代农业
and 加快农业数智化转型升级 share one word, 协同制造 and 推进工业全要素智能化发展 none. A reader
pairs them by what they are: the part of general requirements, of key actions, of support;
the section of targets (到2027年…); the action on agriculture, on manufacturing (工业), on
people's well-being. These tables hold that knowledge; :mod:`polydiff.align.outline` uses
them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from polydiff.lazyre import lazy

Lexicon = Mapping[str, Mapping[str, tuple[str, ...]]]
"""name → language → words (Chinese substrings; English lower-case word starts)."""

PART_ROLES: Lexicon = {
    "requirements": {
        "zh": ("要求", "指导思想", "总体思路"),
        "en": ("requirement", "guiding", "overall approach"),
    },
    "actions": {"zh": ("行动", "任务"), "en": ("action", "task")},
    "support": {"zh": ("保障", "支撑", "措施"), "en": ("support", "safeguard", "guarantee")},
    "implementation": {"zh": ("组织实施",), "en": ("implementation",)},
}
"""The parts of a State Council opinion or guidance. A heading takes the role of the word
found last in it: 行动要求 is requirements, 加快实施重点行动 actions."""

SECTION_ROLES: Lexicon = {
    "guiding": {
        "zh": ("总体思路", "指导思想", "总体要求"),
        "en": ("overall approach", "guiding ideology", "guiding thought", "general approach"),
    },
    "principles": {"zh": ("原则",), "en": ("principle",)},
    "targets": {"zh": ("目标",), "en": ("goal", "target", "objective")},
}
"""The sections of the general requirements."""

_TEXT_ROLES = {
    "guiding": lazy(r"为指导|指导思想|guided by|guiding ideology", re.IGNORECASE),
    "principles": lazy(r"原则|principles?\b", re.IGNORECASE),
    "targets": lazy(r"到\s*20\d\d\s*年|\bby\s+20\d\d\b", re.IGNORECASE),
}
"""How a paragraph without a heading shows its role: the dated targets start 到2027年."""

TOPICS: Lexicon = {
    "manufacturing": {"zh": ("制造", "工业"), "en": ("manufactur", "industrial")},
    "agriculture": {"zh": ("农业", "农村", "农民"), "en": ("agricultur", "rural", "farm")},
    "energy": {"zh": ("能源", "电力", "电网"), "en": ("energy", "electric", "power grid")},
    "finance": {"zh": ("金融",), "en": ("financ",)},
    "welfare": {
        "zh": ("民生", "益民", "惠民", "便民", "公共服务"),
        "en": ("well-being", "livelihood", "public service", "people's benefit"),
    },
    "health": {
        "zh": ("医疗", "卫生", "健康", "养老", "诊疗"),
        "en": ("medical", "health", "elderly", "diagnos"),
    },
    "logistics": {"zh": ("物流",), "en": ("logistic",)},
    "commerce": {"zh": ("电子商务", "电商"), "en": ("e-commerce",)},
    "transport": {"zh": ("交通",), "en": ("transport", "traffic")},
    "ecology": {
        "zh": ("生态", "环境", "环保"),
        "en": ("ecolog", "environment"),
    },
    "education": {"zh": ("教育",), "en": ("education",)},
    "culture": {"zh": ("文化",), "en": ("cultur",)},
    "entrepreneurship": {"zh": ("创业",), "en": ("entrepreneur",)},
    "governance": {"zh": ("治理", "政务"), "en": ("governance", "government service")},
    "consumption": {"zh": ("消费",), "en": ("consum",)},
    "employment": {"zh": ("就业", "岗位"), "en": ("employment", "jobs")},
    "security": {"zh": ("安全",), "en": ("security", "safety")},
    "data": {"zh": ("数据",), "en": ("data",)},
    "networks": {"zh": ("网络", "宽带"), "en": ("network", "broadband")},
    "computing": {"zh": ("算力",), "en": ("computing power",)},
    "talent": {"zh": ("人才",), "en": ("talent",)},
    "open source": {"zh": ("开源",), "en": ("open source",)},
    "science": {"zh": ("科学", "科研"), "en": ("scien",)},
}
"""Policy fields. An English word matches at the start of a word (``agricultur`` finds
agriculture and agricultural). The documents' own themes (互联网, 人工智能) are not fields:
they are the term that shifts between the two."""


def _lang(lang: str) -> str:
    return "zh" if lang == "zh" else "en"


def _positions(text: str, word: str, lang: str) -> list[int]:
    """Where ``word`` occurs in ``text`` (English: at a word start, case-insensitive)."""
    if lang == "zh":
        return [m.start() for m in re.finditer(re.escape(word), text)]
    return [m.start() for m in re.finditer(r"(?<![\w-])" + re.escape(word), text.lower())]


def role_of(heading: str, roles: Lexicon, lang: str) -> str | None:
    """The role whose word occurs last in ``heading`` (None: no role word)."""
    best: tuple[int, str] | None = None
    for role, words in roles.items():
        for word in words[_lang(lang)]:
            found = _positions(heading, word, lang)
            if found and (best is None or found[-1] + len(word) > best[0]):
                best = (found[-1] + len(word), role)
    return best[1] if best else None


def text_role(text: str) -> set[str]:
    """The section roles a paragraph without a heading shows in its wording."""
    return {role for role, pattern in _TEXT_ROLES.items() if pattern.search(text)}


def topics_of(text: str, lang: str) -> set[str]:
    """The policy fields named in ``text``."""
    return {
        t
        for t, words in TOPICS.items()
        if any(_positions(text, w, lang) for w in words[_lang(lang)])
    }


def topic_count(text: str, topic: str, lang: str) -> int:
    """How often ``text`` names the field ``topic``."""
    return sum(len(_positions(text, w, lang)) for w in TOPICS[topic][_lang(lang)])
