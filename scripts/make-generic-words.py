#!/usr/bin/env python3
"""Builds data/generic-en.txt: English words that writers use in lower case
(united, nations, security, council), as opposed to those they all but
never lower (European, Chinese, Beijing) and to names too rare to tell
(Xizang), from the UN General Debate Corpus (CC0). `case-mismatch` reads
it: a glossary name written entirely in lower case made only of such words
is a generic use ("work together as truly united nations", "a security
council of its own") and is at most an info; "european external action
service" is not; see src/checks/case_mismatch.rs.

A word counts as capitalised only away from a sentence start and away from
other capitalised words, so that "United" in "United Nations" is no
evidence: the question is how the word is written when nothing else makes
it part of a name. Kept: words written in lower case at least MIN_LOWER
times and capitalised on their own less than SHARE of the times (so the
institutional capitals of UN speeches, "the Council", "the President", do
not make those words proper: news copy lowers them).

    scripts/make-generic-words.py DIR-OF-UNGDC-TXT > data/generic-en.txt
"""
import collections
import pathlib
import re
import sys
import unicodedata

MIN_LOWER = 20
SHARE = 0.99
TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|[.!?:;\"“”(\[]|\n\s*\n")


def fold(word):
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def is_word(token):
    return token[0].isalpha()


def main():
    root = pathlib.Path(sys.argv[1])
    capital = collections.Counter()
    lower = collections.Counter()
    for path in sorted(root.rglob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        tokens = TOKEN.findall(text)
        for k, token in enumerate(tokens):
            if not is_word(token):
                continue
            before = tokens[k - 1] if k > 0 else "."
            after = tokens[k + 1] if k + 1 < len(tokens) else "."
            key = fold(token)
            if token[0].islower():
                lower[key] += 1
                continue
            if token.isupper() and len(token) > 1:
                continue  # an acronym or a shouted word
            sentence_start = not is_word(before)
            in_name = (is_word(before) and before[0].isupper()) or (is_word(after) and after[0].isupper())
            if not sentence_start and not in_name:
                capital[key] += 1
    print("# English words written in lower case, from the UN General Debate Corpus")
    print("# (CC0 1.0); built by scripts/make-generic-words.py. One word a line.")
    for word in sorted(lower):
        seen = capital[word] + lower[word]
        if lower[word] >= MIN_LOWER and capital[word] < SHARE * seen:
            print(word)


if __name__ == "__main__":
    main()
