"""Hostile input against ordinary text of the same size: extract_claims time ratio per pathological text,
and load_article / extract_claims on a single-line file.

Run: PYTHONPATH=. python benchmarks/bench_hostile.py [CHARS] [SINGLE_LINE_MB]
(defaults 100000 and 5; tests/test_linearity.py asserts the ratios at 100,000 characters)
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimkit import Article, load_article
from claimkit.claims import extract_claims
from tests.hostile.generators import PATHOLOGICAL, ordinary, ordinary_one_line

PUBLISHED = date(2022, 1, 13)


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main(size: int = 100_000, mb: float = 5.0) -> None:
    extract_claims(Article(text=ordinary(5_000), published=PUBLISHED))
    base, df = timed(lambda: extract_claims(Article(text=ordinary(size), published=PUBLISHED)))
    print(f"{'ordinary text':<24} {base:7.2f} s  {len(df):6d} claims")
    worst = (0.0, "")
    for name, gen in sorted(PATHOLOGICAL.items()):
        took, df = timed(lambda gen=gen: extract_claims(Article(text=gen(size), published=PUBLISHED)))
        worst = max(worst, (took / base, name))
        print(f"{name:<24} {took:7.2f} s  {len(df):6d} claims  {took / base:6.2f} x ordinary")
    print(f"worst ratio: {worst[0]:.2f} ({worst[1]})")
    n = int(mb * 1_000_000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-line.txt"
        path.write_text(ordinary_one_line(n), encoding="utf-8")
        took, art = timed(lambda: load_article(path))
        print(f"load_article, {mb:g} MB on one line: {took:.2f} s, {len(art.sentences)} sentences")
        one, df = timed(lambda: extract_claims(art))
        print(f"extract_claims, {mb:g} MB on one line: {one:.2f} s, {len(df)} claims")
    base, df = timed(lambda: extract_claims(Article(text=ordinary(n), published=PUBLISHED)))
    print(f"extract_claims, {mb:g} MB in paragraphs: {base:.2f} s, {len(df)} claims (ratio {one / base:.2f})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000, float(sys.argv[2]) if len(sys.argv) > 2 else 5.0)
