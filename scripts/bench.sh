#!/usr/bin/env bash
# Whole-command benchmarks: termalign beside `grep -F -i -w -f PATTERNS` on
# the same corpus, reported in MB/s (best of RUNS, wall clock, one thread).
#
#   scripts/bench.sh            # needs ../shared beside the checkout
#
# Builds bench-data/ (git-ignored) with scripts/make-bench-corpus.sh, the
# iso-codes glossaries with scripts/make-iso-glossary.py and the align files
# with scripts/make-align-corpus.py, then prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
scripts/make-bench-corpus.sh >/dev/null
[ -s bench-data/iso-multi.yaml ] || scripts/make-iso-glossary.py > bench-data/iso-multi.yaml
[ -s bench-data/iso-all-en.yaml ] || scripts/make-iso-glossary.py --all-as en > bench-data/iso-all-en.yaml
[ -s bench-data/align-60k.tmx ] ||
  scripts/make-align-corpus.py bench-data/zh-once.txt bench-data/en-100mb.txt 60000 bench-data/align-60k
cargo build --release --quiet
bin=target/release/termalign

# The en terms (and forms) of glossaries, one per line, for grep -f.
patterns() {
  "$bin" glossary list --format json "$@" | python3 -c '
import json, sys
for c in json.load(sys.stdin)["concepts"]:
    for lang, terms in c["terms"].items():
        if lang == "en" or lang.startswith("en-"):
            for t in terms:
                print(t["term"])' | sort -u
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT

best() { # best wall time in seconds of RUNS runs of "$@"
  local best=
  for _ in $(seq "$RUNS"); do
    local start end t
    start=$(date +%s.%N)
    # Output goes to a file, not /dev/null: GNU grep notices /dev/null and
    # stops at the first match.
    "$@" >"$out" 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

mbps() { echo "scale=2; $(stat -c %s "$1") / 1000000 / $2" | bc -l; }

row() { # label corpus time-termalign time-grep [grep-corpus]
  local grep_corpus=${5:-$2}
  printf '| %s | %s MB | %s | %s |\n' "$1" "$(( $(stat -c %s "$2") / 1000000 ))" \
    "$(mbps "$2" "$3") MB/s" "${4:+$(mbps "$grep_corpus" "$4") MB/s}${5:+ (first 10 MB)}"
}

en=bench-data/en-100mb.txt
zh=bench-data/zh.txt
# grep -i -w slows down sharply with thousands of patterns (over 15 minutes
# for one pass of the whole corpus with 5,000): beside those, grep reads the
# first 10 MB, once, and its MB/s is measured on that.
head -c 10000000 "$en" > bench-data/en-10mb.txt
en10=bench-data/en-10mb.txt
once() { RUNS=1 best "$@"; }
patterns > bench-data/builtin-en.txt
patterns --no-default-glossaries -g bench-data/iso-multi.yaml > bench-data/iso-multi-en.txt
patterns --no-default-glossaries -g bench-data/iso-all-en.yaml > bench-data/iso-all-en.txt

echo "| run | input | termalign | grep -F -i -w -f |"
echo "|---|---|---|---|"
row "check, built-in glossaries ($(wc -l < bench-data/builtin-en.txt) en variants)" "$en" \
  "$(best "$bin" check "$en" --format json --fail-on never)" \
  "$(best grep -F -i -w -c -f bench-data/builtin-en.txt "$en")"
row "check, built-in, misspelled-term off" "$en" \
  "$(best "$bin" check "$en" --format json --fail-on never --rule misspelled-term=off)" ""
row "check, iso-codes multilingual ($(grep -c . bench-data/iso-multi-en.txt) en of 66k variants)" "$en" \
  "$(best "$bin" check "$en" --no-default-glossaries -g bench-data/iso-multi.yaml --format json --fail-on never)" \
  "$(once grep -F -i -w -c -f bench-data/iso-multi-en.txt "$en10")" "$en10"
row "check, iso-codes all under en ($(grep -c . bench-data/iso-all-en.txt) variants)" "$en" \
  "$(best "$bin" check "$en" --no-default-glossaries -g bench-data/iso-all-en.yaml --format json --fail-on never)" ""
# (no grep beside it: with 52,000 patterns grep -i -w grows past 20 GB.)
row "check --lang zh, built-in" "$zh" \
  "$(best "$bin" check "$zh" --lang zh --format json --fail-on never)" ""
row "align TMX, 60,000 pairs" bench-data/align-60k.tmx \
  "$(best "$bin" align bench-data/align-60k.tmx --format json --fail-on never)" ""
row "align XLIFF 1.2, 60,000 pairs" bench-data/align-60k.xlf \
  "$(best "$bin" align bench-data/align-60k.xlf --format json --fail-on never)" ""
