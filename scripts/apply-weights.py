#!/usr/bin/env python3
"""Copies the weights and cut-off printed by examples/tune-extract.rs into a
model constant of src/extract/score.rs:

    scripts/apply-weights.py FIT-OUTPUT CONSTANT_NAME
"""
import re
import sys

fit = open(sys.argv[1]).read()
name = sys.argv[2]
weights = re.findall(r"^\s+(-?[0-9.]+), //", fit, re.M)
threshold = re.search(r"^threshold: ([0-9.]+),", fit, re.M).group(1)
path = "src/extract/score.rs"
src = open(path).read()
pattern = re.compile(
    r"(pub const %s: Model = Model \{\n    weights: \[)(.*?)(\],\n    threshold: )([0-9.]+)(,)" % name,
    re.S,
)
body = "\n" + "".join("        %s,\n" % w for w in weights) + "    "
src, n = pattern.subn(lambda m: m.group(1) + body + m.group(3) + threshold + m.group(5), src)
if n != 1:
    sys.exit("constant %s not found" % name)
open(path, "w").write(src)
