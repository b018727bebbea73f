"""Stock phrases: formulae that recur in almost every Chinese policy text (and their usual
English renderings). They are added to the document-frequency counts as if many documents
contained them, so that sharing one never links two clauses on its own. The list is
deliberately short and generic; with a large corpus, document frequency alone finds such
phrases (see ``polydiff.lineage.shingles.STOCK_DOCS``)."""

from __future__ import annotations

STOCK_PHRASES_ZH = (
    "以习近平新时代中国特色社会主义思想为指导",
    "习近平新时代中国特色社会主义思想",
    "完整准确全面贯彻新发展理念",
    "坚持以人民为中心的发展思想",
    "坚持党的全面领导",
    "把党的领导贯彻到",
    "推动高质量发展",
    "实现高质量发展",
    "中国式现代化",
    "新质生产力",
    "构建人类命运共同体",
    "人类命运共同体",
    "各地区各部门要",
    "各省、自治区、直辖市人民政府",
    "国务院各部委、各直属机构",
    "现提出如下意见",
    "结合实际认真贯彻落实",
    "确保落地见效",
    "营造良好氛围",
)
STOCK_PHRASES_EN = (
    "Guided by Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",
    "Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era",
    "the new development philosophy",
    "people-centered development",
    "high-quality development",
    "Chinese modernization",
    "new quality productive forces",
    "a community with a shared future for mankind",
    "autonomous regions, and municipalities directly under the Central Government",
    "the following opinions are hereby put forward",
    "hereinafter referred to as the",
)
