#!/usr/bin/env python3
"""Builds large bilingual files for the align benchmark: N segment pairs,
Chinese sentences from the government work reports (public domain) as
sources and English sentences from the UN General Debate corpus (CC0) as
targets, written as TMX 1.4 and XLIFF 1.2. The pairs are not translations
of each other: the benchmark measures throughput, and real glossary terms
occur on both sides, so every rule has work to do.

    scripts/make-align-corpus.py ZH-TEXT EN-TEXT N OUT-PREFIX
"""
import re
import sys
from xml.sax.saxutils import escape


def sentences(path, pattern):
    text = open(path, encoding="utf-8").read()
    for s in re.split(pattern, text):
        s = " ".join(s.split())
        if 10 <= len(s) <= 400:
            yield s


def main():
    zh_path, en_path, n, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    zh = list(sentences(zh_path, r"(?<=[。！？])"))
    en = []
    for s in sentences(en_path, r"(?<=[.!?])\s+"):
        en.append(s)
        if len(en) >= n:
            break
    pairs = [(zh[i % len(zh)], en[i % len(en)]) for i in range(n)]
    with open(prefix + ".tmx", "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n')
        f.write('<header creationtool="make-align-corpus" creationtoolversion="1" segtype="sentence" '
                'o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>\n<body>\n')
        for i, (s, t) in enumerate(pairs, 1):
            f.write(f'<tu tuid="{i}"><tuv xml:lang="zh-CN"><seg>{escape(s)}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>{escape(t)}</seg></tuv></tu>\n')
        f.write("</body>\n</tmx>\n")
    with open(prefix + ".xlf", "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                '<file original="bench" source-language="zh-CN" target-language="en" datatype="plaintext"><body>\n')
        for i, (s, t) in enumerate(pairs, 1):
            f.write(f'<trans-unit id="{i}"><source>{escape(s)}</source><target>{escape(t)}</target></trans-unit>\n')
        f.write("</body></file>\n</xliff>\n")


if __name__ == "__main__":
    main()
