"""Speed of the time, quote, attribution, comparison and role extractors on large and hostile input.

Run: PYTHONPATH=. python benchmarks/bench_times_quotes.py [MB]
Prints seconds per input; growth should be linear in size (no nested regex quantifiers).
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from claimkit import Article, parse_times
from claimkit.claims import extract_claims
from claimkit.extract import run_extractors

EXTRACTORS = ["times", "quote", "attribution", "comparisons", "roles"]


def timed(label, fn):
    t0 = time.perf_counter()
    out = fn()
    print(f"{label:<48} {time.perf_counter() - t0:8.2f} s")
    return out


def main(mb: float = 2.0) -> None:
    seed = (Path(__file__).resolve().parents[1] / "data/articles/russia-osce-dead-end.txt").read_text()
    body = seed.split("\n\n", 1)[1].rsplit("\n\n", 1)[0]
    n = int(mb * 1_000_000)
    timed(
        "seed article, all five extractors",
        lambda: extract_claims(Article(text=body, published=date(2022, 1, 13)), extractors=EXTRACTORS),
    )
    many = ("\n\n".join([body] * (n // len(body) + 1)))[:n]
    timed(f"seed repeated to {mb} MB, parse_times", lambda: parse_times(many, reference=date(2022, 1, 13)))
    for label, text in [
        (f"{mb} MB of double quotes, one line", '"' * n),
        (f"{mb} MB single line of 'said on Monday'", ("Smith said on Monday that " * (n // 26 + 1))[:n]),
        (f"{mb} MB of open brackets and quotes", ('("' * (n // 2))),
    ]:
        doc = Article(text=text, published=date(2022, 1, 13)).document()
        found = timed(label, lambda doc=doc: run_extractors(doc, EXTRACTORS))
        print(f"{'':<48} {len(found)} findings")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 2.0)
