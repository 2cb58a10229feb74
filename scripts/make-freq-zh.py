#!/usr/bin/env python3
"""Builds data/freq-zh.txt: general-language Chinese word frequencies for
`termalign extract`, taken from the dictionary that ships with jieba (MIT
licence; the same dict.txt is embedded in the jieba-rs crate). Words seen at
least MIN_COUNT times are kept, most frequent first, after a `#total<TAB>N`
line (the sum of all counts in the dictionary). Usage:

    scripts/make-freq-zh.py ~/.cargo/registry/src/*/jieba-rs-*/src/data/dict.txt \
        > data/freq-zh.txt
"""
import sys

MIN_COUNT = 100


def main():
    rows = []
    total = 0
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 2:
                continue
            count = int(parts[1])
            total += count
            if count >= MIN_COUNT:
                rows.append((parts[0], count))
    rows.sort(key=lambda r: (-r[1], r[0]))
    print("# Chinese word frequencies from jieba's dictionary (MIT licence, see NOTICE);")
    print("# built by scripts/make-freq-zh.py. word<TAB>count, most frequent first.")
    print(f"#total\t{total}")
    for word, count in rows:
        print(f"{word}\t{count}")


if __name__ == "__main__":
    main()
