#!/usr/bin/env python3
"""Builds data/common-words-en.txt: the vocabulary of the UN General Debate
Corpus (CC0), used so that `misspelled-term` never takes a real word for a
misspelt name: "human" is not "Hunan", "Darién" (a Panamanian province) is
not "Dairen", "ministers" is not a misspelling of "minister".

A word is kept when it occurs at least MIN_COUNT times; proper names count
as words too, since a name the corpus uses that often is spelt that way on
purpose. Usage:

    scripts/make-common-words.py DIR-OF-UNGDC-TXT > data/common-words-en.txt
"""
import collections
import pathlib
import re
import sys
import unicodedata

MIN_COUNT = 10
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def fold(word):
    """Case and diacritics folded, as termalign's normalizer does."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def main():
    root = pathlib.Path(sys.argv[1])
    total = collections.Counter()
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for word in WORD.findall(text):
            total[fold(word)] += 1
    print("# Common English words, from the UN General Debate Corpus (CC0 1.0);")
    print("# built by scripts/make-common-words.py. word<TAB>count, most frequent first.")
    for word, count in total.most_common():
        if count < MIN_COUNT:
            break
        if len(word) > 1:
            print(f"{word}\t{count}")


if __name__ == "__main__":
    main()
