"""Machine instructions claimkit.parse_quantities runs on the benchmark's sentences (load-independent).

    python benchmarks/callgrind_quantities.py [--reps 4] [--extractor]

Runs, under ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0``, the distinct sentences of
benchmarks/bench_quantities.py (the seed article's sentences and the peer-suite inputs) read ``--reps`` times,
and the same with no read (interpreter start-up, imports and the first call); prints the difference in millions
of instructions (the method of docs/quantities.md, "Speed").

``--extractor`` counts the ``quantities`` extractor instead (parse_quantities, claim test, subject of each figure) on
the shipped articles and the figures gold paragraphs, read as documents.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = """
import sys
sys.path.insert(0, {bench!r})
import bench_quantities
from claimkit.extract.quantities import parse_quantities
seen = []
for s in bench_quantities.corpus(1):
    if s not in seen:
        seen.append(s)
parse_quantities("warm up: 1 lexicon load")
for _ in range({reps}):
    for s in seen:
        parse_quantities(s)
print(len(seen))
"""

_CHILD_EXTRACTOR = """
import glob, json
import claimkit
from claimkit.extract import Document
from claimkit.extract.quantities import quantities
from claimkit.sentences import split_sentences
docs = [claimkit.load_article(p).document() for p in sorted(glob.glob({articles!r}, recursive=True))]
for path in sorted(glob.glob({gold!r})):
    for par in json.load(open(path, encoding="utf-8"))["paragraphs"]:
        docs.append(Document(text=par["text"], sentences=split_sentences(par["text"])))
list(quantities(Document(text="warm up: 5 troops", sentences=[(0, 17)])))
for _ in range({reps}):
    for d in docs:
        list(quantities(d))
print(len(docs))
"""


def instructions(reps: int, extractor: bool = False) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        if extractor:
            code = _CHILD_EXTRACTOR.format(
                articles=str(ROOT / "data/articles/**/*.txt"),
                gold=str(ROOT / "benchmarks/data/figures_gold*.json"),
                reps=reps,
            )
        else:
            code = _CHILD.format(bench=str(ROOT / "benchmarks"), reps=reps)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT))
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        m = re.search(r"Collected : (\d+)", run.stderr)
        return int(m.group(1)), int(run.stdout.split()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=4)
    ap.add_argument("--extractor", action="store_true", help="the quantities extractor on articles and gold paragraphs")
    args = ap.parse_args(argv)
    base, n = instructions(0, args.extractor)
    full, _ = instructions(args.reps, args.extractor)
    what = "documents" if args.extractor else "distinct sentences"
    print(
        f"{n} {what} x {args.reps}: {(full - base) / 1e6:.1f} M instructions "
        f"({(full - base) / (n * args.reps):,.0f} per {what.split()[-1][:-1]})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
