"""verify(sources=…) per article against an indexed source set of several hundred pages.

    PYTHONPATH=. python benchmarks/bench_sources_verify.py [--pages 360] [--repeat 5]

The source set is the one of benchmarks/bench_sources.py (debate transcripts as PDF pages, the
project's docs, the seed article), loaded once with its index cached on disk. Prints the time of
verify(claims, sources=srcset) for the seed article: the first call (the touched documents' claims
are extracted or read from the disk cache) and the median of the next calls (a batch's next articles).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=360)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "claimkit-bench-sources")
    args = ap.parse_args()
    warnings.simplefilter("ignore")

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_sources import make_sources

    from claimkit import extract_claims, load_article, verify
    from claimkit.paths import SEED_ARTICLE
    from claimkit.sources import load_sources

    folder = make_sources(args.workdir, args.pages)
    cache = args.workdir / "cache-verify"
    t = time.perf_counter()
    srcset = load_sources(folder, cache_dir=cache)
    t_load = time.perf_counter() - t
    claims = extract_claims(load_article(SEED_ARTICLE))
    verify(claims)  # the reference tables and the checks' imports, paid once per process
    t, c = time.perf_counter(), time.process_time()
    v = verify(claims, sources=srcset)
    t_first, c_first = time.perf_counter() - t, time.process_time() - c
    runs, cpu = [], []
    for _ in range(args.repeat):
        t, c = time.perf_counter(), time.process_time()
        verify(claims, sources=srcset)
        runs.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    pages = srcset.pages
    print(
        f"sources: {len(srcset.documents)} documents, {pages} pages, {len(srcset.passages):,} passages; load + index {t_load:.2f} s"
    )
    import os

    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time suffers from a loaded machine; CPU time less)"
    )
    print(
        f"seed article, {len(claims)} claims: verify with sources first call {t_first:.2f} s ({c_first:.2f} s CPU), "
        f"then median {statistics.median(runs):.2f} s ({statistics.median(cpu):.2f} s CPU) of {args.repeat}; "
        "without sources see benchmarks/verify_speed.py"
    )
    print("verdicts:", v["verdict"].value_counts().to_dict())


if __name__ == "__main__":
    main()
