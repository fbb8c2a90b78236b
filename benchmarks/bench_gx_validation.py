"""CPU per validation of the claims and verdicts tables (GX suites), warm process.

Builds the claims and verdicts tables of the seed article and its altered copy, validates each
once to warm up, then times ``validate`` (``time.process_time``) over ``--runs`` validations of
each table, alternating the two articles, through GX's public API as ``claimkit.validation`` uses
it (context, suites and validation definitions made once per process, ``BOOLEAN_ONLY`` results).
``--profile`` prints a cProfile of the timed runs.

Run: PYTHONPATH=. python benchmarks/bench_gx_validation.py [--runs 30] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import claimkit as ck  # noqa: E402 - after sys.path points at the checkout
from claimkit import validation  # noqa: E402 - after sys.path points at the checkout

ARTICLES = [
    ROOT / "data/articles/russia-osce-dead-end.txt",
    ROOT / "data/articles/altered/russia-osce-dead-end-altered.txt",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    tables = []
    for path in ARTICLES:
        claims = ck.extract_claims(ck.load_article(path))
        tables.append((claims, ck.verify(claims)))
    validation._context()
    for claims, verdicts in tables:  # warm-up
        validation.validate(claims, "claims"), validation.validate(verdicts, "verdicts")
    prof = cProfile.Profile() if args.profile else None
    times = {"claims": [], "verdicts": []}
    for i in range(args.runs):
        claims, verdicts = tables[i % len(tables)]
        for suite, df in (("claims", claims), ("verdicts", verdicts)):
            if prof:
                prof.enable()
            t = time.process_time()
            report = validation.validate(df, suite)
            times[suite].append(time.process_time() - t)
            if prof:
                prof.disable()
            assert report.success, report.summary()
    mode = "claimkit path"
    for suite, ts in times.items():
        print(
            f"{mode:14s} {suite:9s} rows={len(tables[0][0 if suite == 'claims' else 1])}: "
            f"median {statistics.median(ts) * 1000:6.1f} ms  mean {statistics.mean(ts) * 1000:6.1f} ms  "
            f"min {min(ts) * 1000:6.1f} ms  over {len(ts)} validations"
        )
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main()
