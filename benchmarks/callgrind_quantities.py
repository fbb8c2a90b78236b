"""Machine instructions claimkit.parse_quantities runs on the benchmark's sentences (load-independent).

    python benchmarks/callgrind_quantities.py [--reps 4]

Runs, under ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0``, the distinct sentences of
benchmarks/bench_quantities.py (the seed article's sentences and the peer-suite inputs) read ``--reps`` times,
and the same with no read (interpreter start-up, imports and the first call); prints the difference in millions
of instructions (the method of docs/quantities.md, "Speed").
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


def instructions(reps: int) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cg.out"
        code = _CHILD.format(bench=str(ROOT / "benchmarks"), reps=reps)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=str(ROOT))
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", code],
                             cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        m = re.search(r"Collected : (\d+)", run.stderr)
        return int(m.group(1)), int(run.stdout.split()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=4)
    args = ap.parse_args(argv)
    base, n = instructions(0)
    full, _ = instructions(args.reps)
    print(f"{n} distinct sentences x {args.reps}: {(full - base) / 1e6:.1f} M instructions "
          f"({(full - base) / (n * args.reps):,.0f} per sentence)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
