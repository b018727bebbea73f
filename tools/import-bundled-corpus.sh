#!/usr/bin/env bash
# Re-create policies/ from the raw sources with polydiff itself (how the bundled corpus was made).
# Usage: tools/import-bundled-corpus.sh [RAW_DIR] [--commit]
#   RAW_DIR defaults to ../shared/corpus/raw (the team's shared source texts and provenance notes).
set -euo pipefail
raw=${1:-../shared/corpus/raw}
commit=${2:-}
imp() { polydiff import "$@" ${commit:+--commit}; }

imp "$raw/gf-2015-40.outline.yaml" --doc gf-2015-40 --lang zh --kind guiding-opinions
imp "$raw/gf-2025-11.zh.txt" --doc gf-2025-11 --lang zh --kind opinions \
    --provenance "$raw/gf-2025-11.source.yaml" --relation succeeds:gf-2015-40
imp "$raw/gf-2025-11.en.txt" --doc gf-2025-11 --lang en --provenance "$raw/gf-2025-11.source.yaml"
imp "$raw/ndrc-2025-0826.zh.txt" --doc ndrc-2025-0826 --lang zh --kind interpretation \
    --provenance "$raw/ndrc-2025-0826.source.yaml" --relation interprets:gf-2025-11
imp "$raw/ndrc-2025-0826.en.txt" --doc ndrc-2025-0826 --lang en --provenance "$raw/ndrc-2025-0826.source.yaml"
imp "$raw/gmrb-2025-1025.zh.txt" --doc gmrb-2025-1025 --lang zh --kind commentary \
    --provenance "$raw/gmrb-2025-1025.source.yaml" --relation cites:gf-2025-11
imp "$raw/gmrb-2025-1025.en.txt" --doc gmrb-2025-1025 --lang en --provenance "$raw/gmrb-2025-1025.source.yaml"
