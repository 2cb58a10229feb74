#!/usr/bin/env python3
"""The judged precision benchmark (docs/accuracy.md).

Runs `termalign check` with the built-in glossaries over real copy nobody on
the team wrote -- the UN General Debate speeches of 2000-2024 (English, CC0)
and the Chinese government work and party congress reports (public domain),
both under ../shared/data/ -- and then:

  sample   draws a fixed random sample of the findings (SEED, at most
           PER_RULE per rule and severity), prints each in context, and adds
           the ones not judged yet to tests/precision/verdicts.tsv with an
           empty verdict, for a person to fill in (true / false, and why);
  score    prints, per rule, the judged precision of the sample and the
           findings per MB of the whole corpus.

    scripts/precision.py sample [--binary target/release/termalign]
    scripts/precision.py score  [--binary target/release/termalign]

A verdict is kept by the finding's file, offsets, rule and text, so that it
survives runs that find the same thing again; a finding the code no longer
reports drops out of the score, a new one is unjudged until someone reads it.
"""
import argparse
import collections
import csv
import json
import lzma
import pathlib
import random
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
VERDICTS = ROOT / "tests" / "precision" / "verdicts.tsv"
SEED = 12
PER_RULE = 20
FIELDS = ["key", "rule", "severity", "found", "context", "verdict", "reason"]


def corpora(cache: pathlib.Path):
    """(name, directory, language) of each corpus, unpacked into `cache`."""
    un = cache / "ungdc-2000-2024"
    if not un.is_dir():
        un.mkdir(parents=True)
        with tarfile.open(SHARED / "ungdc" / "ungdc-1946-1979_2000-2024.tar.xz") as tar:
            for member in tar.getmembers():
                year = member.name.split(" - ")[-1].split("/")[0]
                if member.isfile() and member.name.endswith(".txt") and year.isdigit() and int(year) >= 2000:
                    member.name = pathlib.Path(member.name).name
                    tar.extract(member, un)
    zh = cache / "zh-gov-reports"
    if not zh.is_dir():
        zh.mkdir(parents=True)
        for name in ["government_work_reports", "cpc_congress_reports"]:
            with lzma.open(SHARED / "zh-gov-reports" / f"{name}.jsonl.xz", "rt", encoding="utf-8") as f:
                for n, line in enumerate(f):
                    record = json.loads(line)
                    (zh / f"{name}-{n:03d}.txt").write_text(record.get("content", ""), encoding="utf-8")
    return [("ungdc", un, "en"), ("zh-reports", zh, "zh")]


def findings(binary, directory, language):
    out = subprocess.run(
        [binary, "--isolated", "--quiet", "check", str(directory), "--lang", language, "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"termalign failed on {directory}: {out.stderr}")
    return json.loads(out.stdout)["findings"]


def key(f, corpus):
    return f"{corpus}/{pathlib.Path(f['path']).name}:{f['start']}-{f['end']}:{f['rule']}:{f['found']}"


def context(directory, f, reach=90):
    text = (directory / pathlib.Path(f["path"]).name).read_bytes()
    before = text[max(0, f["start"] - reach):f["start"]].decode("utf-8", "replace")
    after = text[f["end"]:f["end"] + reach].decode("utf-8", "replace")
    found = text[f["start"]:f["end"]].decode("utf-8", "replace")
    return " ".join(f"{before}[[{found}]]{after}".split())


def load_verdicts():
    if not VERDICTS.exists():
        return {}
    with VERDICTS.open(encoding="utf-8", newline="") as f:
        return {row["key"]: row for row in csv.DictReader(f, delimiter="\t")}


def save_verdicts(rows):
    VERDICTS.parent.mkdir(parents=True, exist_ok=True)
    with VERDICTS.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows.values(), key=lambda r: (r["rule"], r["severity"], r["key"])):
            writer.writerow(row)


def run(binary, cache):
    """Every finding of every corpus, with its corpus, directory and size."""
    out, sizes = [], {}
    for name, directory, language in corpora(cache):
        sizes[name] = sum(p.stat().st_size for p in directory.iterdir())
        for f in findings(binary, directory, language):
            out.append((name, directory, f))
    return out, sizes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["sample", "score"])
    parser.add_argument("--binary", default=str(ROOT / "target" / "release" / "termalign"))
    parser.add_argument("--cache", default=str(pathlib.Path(tempfile.gettempdir()) / "termalign-precision"))
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"note: {SHARED} not found; the precision benchmark needs the shared corpora")
    everything, sizes = run(args.binary, pathlib.Path(args.cache))
    by_group = collections.defaultdict(list)
    for item in everything:
        by_group[(item[2]["rule"], item[2]["severity"])].append(item)
    rng = random.Random(SEED)
    sample = {}
    for group in sorted(by_group):
        items = sorted(by_group[group], key=lambda i: key(i[2], i[0]))
        for corpus, directory, f in rng.sample(items, min(PER_RULE, len(items))):
            sample[key(f, corpus)] = (corpus, directory, f)
    verdicts = load_verdicts()
    if args.mode == "sample":
        for k, (corpus, directory, f) in sample.items():
            if k not in verdicts:
                verdicts[k] = {
                    "key": k, "rule": f["rule"], "severity": f["severity"], "found": " ".join(f["found"].split()),
                    "context": context(directory, f), "verdict": "", "reason": "",
                }
            row = verdicts[k]
            print(f"{row['verdict'] or '?':5} {row['rule']}/{row['severity']}: {row['context']}")
        save_verdicts(verdicts)
        return
    megabytes = sum(sizes.values()) / 1e6
    counts = collections.Counter((f["rule"], f["severity"]) for _, _, f in everything)
    print(f"corpus: {megabytes:.1f} MB ({', '.join(f'{n} {s / 1e6:.1f} MB' for n, s in sizes.items())})")
    print(f"{'rule':28} {'findings':>8} {'per MB':>7} {'judged':>6} {'true':>5} {'precision':>9}")
    for group in sorted(counts):
        judged = [verdicts[k] for k, (_, _, f) in sample.items()
                  if (f["rule"], f["severity"]) == group and verdicts.get(k, {}).get("verdict") in ("true", "false")]
        true = sum(1 for v in judged if v["verdict"] == "true")
        precision = f"{100 * true / len(judged):.0f} %" if judged else "-"
        name = f"{group[0]}/{group[1]}"
        print(f"{name:28} {counts[group]:8} {counts[group] / megabytes:7.2f} {len(judged):6} {true:5} {precision:>9}")


if __name__ == "__main__":
    main()
