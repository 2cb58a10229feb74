#!/usr/bin/env bash
# Builds the benchmark corpora under bench-data/ (git-ignored) from ../shared:
#   en-100mb.txt  UN General Debate speeches (CC0), concatenated, >= 100 MB
#   zh.txt        Chinese government work reports (public domain), ~30 MB
#                 (the reports repeated until the size is reached)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
out=bench-data
mkdir -p "$out"
if [ ! -s "$out/en-100mb.txt" ]; then
  tmp=$(mktemp -d)
  tar -xJf "$shared/data/ungdc/ungdc-1946-1979_2000-2024.tar.xz" -C "$tmp"
  find "$tmp" -name '*.txt' -print0 | sort -z | xargs -0 cat > "$out/en-100mb.txt"
  rm -rf "$tmp"
fi
if [ ! -s "$out/zh.txt" ]; then
  xz -dc "$shared/data/zh-gov-reports/government_work_reports.jsonl.xz" \
         "$shared/data/zh-gov-reports/cpc_congress_reports.jsonl.xz" |
    python3 -c 'import json,sys
for line in sys.stdin:
    rec = json.loads(line)
    print(rec["content"])' > "$out/zh-once.txt"
  : > "$out/zh.txt"
  while [ "$(stat -c %s "$out/zh.txt")" -lt 30000000 ]; do cat "$out/zh-once.txt" >> "$out/zh.txt"; done
fi
ls -l "$out"
