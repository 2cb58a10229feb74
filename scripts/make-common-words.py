#!/usr/bin/env python3
"""Builds data/common-words-en.txt: ordinary English vocabulary from the UN
General Debate Corpus (CC0), used so that `misspelled-term` never takes a
common word ("human") for a misspelt name ("Hunan").

A word is kept when it occurs at least MIN_COUNT times and at least
LOWER_SHARE of its occurrences are lower case (so proper names, which are
capitalised, stay out). Usage:

    scripts/make-common-words.py DIR-OF-UNGDC-TXT > data/common-words-en.txt

With --freq it emits instead the general-language frequency list that
`termalign extract` measures specificity against: every word (proper names
included) seen at least FREQ_MIN_COUNT times, folded like the common-word list,
preceded by a `#total<TAB>N` line giving the number of running words:

    scripts/make-common-words.py --freq DIR-OF-UNGDC-TXT > data/freq-en.txt
"""
import collections
import pathlib
import re
import sys
import unicodedata

MIN_COUNT = 20
FREQ_MIN_COUNT = 8
LOWER_SHARE = 0.8
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def fold(word):
    return "".join(
        c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
    )


def main():
    args = sys.argv[1:]
    freq = "--freq" in args
    args = [a for a in args if a != "--freq"]
    root = pathlib.Path(args[0])
    total = collections.Counter()
    lower = collections.Counter()
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for word in WORD.findall(text):
            key = word.casefold()
            total[key] += 1
            if word == word.lower():
                lower[key] += 1
    if freq:
        folded_counts = collections.Counter()
        for word, count in total.items():
            folded_counts[fold(word)] += count
        print("# English word frequencies, from the UN General Debate Corpus (CC0 1.0);")
        print("# built by scripts/make-common-words.py --freq. word<TAB>count, most frequent first.")
        print(f"#total\t{sum(total.values())}")
        for word, count in folded_counts.most_common():
            if count < FREQ_MIN_COUNT:
                break
            print(f"{word}\t{count}")
        return
    print("# Common English words, from the UN General Debate Corpus (CC0 1.0);")
    print("# built by scripts/make-common-words.py. word<TAB>count, most frequent first.")
    for word, count in total.most_common():
        if count < MIN_COUNT:
            break
        if lower[word] / count >= LOWER_SHARE and len(word) > 1:
            print(f"{fold(word)}\t{count}")


if __name__ == "__main__":
    main()
