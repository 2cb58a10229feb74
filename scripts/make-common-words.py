#!/usr/bin/env python3
"""Builds data/freq-en.txt: English word frequencies from the UN General
Debate Corpus (CC0), folded the way termalign's normalizer folds text (case
and diacritics), most frequent first, after a `#total<TAB>N` line giving the
number of running words. Every word (proper names included) seen at least
MIN_COUNT times is kept.

Two parts of termalign read it:
- `termalign extract` measures a candidate's specificity against it;
- `misspelled-term` never takes a word the corpus uses ten times or more for
  a misspelt name ("human" is not "Hunan", "Darién" is not "Dairen",
  "ministers" is not a misspelling of "minister"); see src/lexicon.rs.

    scripts/make-common-words.py DIR-OF-UNGDC-TXT > data/freq-en.txt
"""
import collections
import pathlib
import re
import sys
import unicodedata

MIN_COUNT = 8
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def fold(word):
    """Case and diacritics folded, as termalign's normalizer does."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def main():
    root = pathlib.Path(sys.argv[1])
    counts = collections.Counter()
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for word in WORD.findall(text):
            counts[fold(word)] += 1
    print("# English word frequencies, from the UN General Debate Corpus (CC0 1.0);")
    print("# built by scripts/make-common-words.py. word<TAB>count, most frequent first.")
    print(f"#total\t{sum(counts.values())}")
    for word, count in counts.most_common():
        if count < MIN_COUNT:
            break
        print(f"{word}\t{count}")


if __name__ == "__main__":
    main()
