#!/usr/bin/env bash
# The judged precision benchmark (docs/accuracy.md): builds termalign, checks
# the UN General Debate speeches of 2000-2024 and the Chinese government
# reports (../shared/data/) with the built-in glossaries, and prints per rule
# the findings per MB and the precision of the judged sample in
# tests/precision/verdicts.tsv. `scripts/precision.py sample` adds findings
# the sample draws but nobody has judged yet, for a person to read.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/data ]; then
    echo "note: ../shared/data not found; the precision benchmark needs the shared corpora" >&2
    exit 0
fi
cargo build --release --quiet
python3 scripts/precision.py score "$@"
