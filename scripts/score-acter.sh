#!/usr/bin/env bash
# Runs `termalign extract` on each ACTER development corpus (en/fr/nl x
# equi/wind, annotated texts) with the tool's own cut-off and scores the TSV
# output the TermEval 2020 way (shared/score-extraction.py), against the gold
# lists with and without named entities. Prints a Markdown table.
#
#   scripts/score-acter.sh [SHARED_DIR]      # default: ../shared
#
# ACTER is CC BY-NC-SA 4.0: it is read from SHARED_DIR and never copied here.
# Extra arguments for extract can be passed in EXTRACT_ARGS (e.g. "--top 1500").
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${1:-$here/../shared}"
acter="$shared/data/acter-dev"
scorer="$shared/score-extraction.py"
if [ ! -d "$acter" ] || [ ! -f "$scorer" ]; then
  echo "score-acter.sh: no ACTER data under $shared (need data/acter-dev and score-extraction.py)" >&2
  exit 2
fi
bin="${TERMALIGN:-$here/target/release/termalign}"
if [ ! -x "$bin" ]; then
  (cd "$here" && cargo build --release --quiet)
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
f1() { python3 "$scorer" "$1" "$2" | tail -1; }
echo "| language | domain | candidates | F1 with NEs | P | R | F1 without NEs | P | R |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for lang in en fr nl; do
  for domain in equi wind; do
    dir="$acter/$lang/$domain/annotated"
    lists="$dir/annotations/unique_annotation_lists"
    pred="$out/$lang-$domain.tsv"
    # shellcheck disable=SC2086
    "$bin" extract --no-default-glossaries --lang "$lang" --format tsv ${EXTRACT_ARGS:-} \
      "$dir/texts" > "$pred"
    nes="$(f1 "$lists/${domain}_${lang}_terms_nes.tsv" "$pred")"
    ann="$(f1 "$lists/${domain}_${lang}_terms.tsv" "$pred")"
    field() { sed -E "s/.*(^| )$1=([0-9.]+).*/\\2/" <<<"$2"; }
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$lang" "$domain" \
      "$(wc -l < "$pred" | tr -d ' ')" \
      "$(field F1 "$nes")" "$(field P "$nes")" "$(field R "$nes")" \
      "$(field F1 "$ann")" "$(field P "$ann")" "$(field R "$ann")"
  done
done
