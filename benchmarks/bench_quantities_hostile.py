"""Time of parse_quantities and the ``quantities`` extractor on hostile input, as ratios.

The inputs are the ones tests/test_quantities_hostile.py bounds. Each is timed against the same-sized
ordinary news text (the seed article repeated) in the same run; figure-dense inputs (every few characters
a figure) are compared per figure reported, and by growth when the input is four times longer.

    python benchmarks/bench_quantities_hostile.py [--skip-5mb]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import test_quantities_hostile as h  # noqa: E402  (the inputs and helpers of the hostile-input tests)

from claimkit.extract.quantities import parse_quantities  # noqa: E402 - after sys.path points at the checkout


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--skip-5mb", action="store_true", help="leave out the 5 MB single-line text")
    args = ap.parse_args(argv)

    print(f"{'input':45s} {'size':>9s} {'parse ratio':>12s} {'extractor ratio':>16s}")
    for name, text in sorted(h.FEW_FIGURES.items()):
        plain = h.news(len(text))
        rp = h.best_time(parse_quantities, text)[0] / h.best_time(parse_quantities, plain)[0]
        rx = h.best_time(h.extract, text)[0] / h.best_time(h.extract, plain)[0]
        print(f"{name:45s} {len(text):9,d} {rp:11.2f}x {rx:15.2f}x")
    if not args.skip_5mb:
        ordinary = h.news(5_000_000)
        one_line = ordinary.replace("\n", " ").replace(". ", ", ").replace("? ", ", ").replace("! ", ", ")
        rp = h.best_time(parse_quantities, one_line, 1)[0] / h.best_time(parse_quantities, ordinary, 1)[0]
        rx = h.best_time(h.extract, one_line, 1)[0] / h.best_time(h.extract, ordinary, 1)[0]
        print(f"{'5 MB on one line (no sentence break)':45s} {len(one_line):9,d} {rp:11.2f}x {rx:15.2f}x")

    print(f"\n{'figure-dense input':22s} {'size':>9s} {'figures':>8s} {'per-figure ratio':>17s} {'4x input':>9s}")
    for name, make in h.ALL_FIGURES.items():
        text = make(h.SIZES[name])
        plain = h.news(len(text))
        t_news, news_qs = h.best_time(parse_quantities, plain, 2)
        t_bad, qs = h.best_time(parse_quantities, text, 1)
        per = (t_bad / len(qs)) / (t_news / len(news_qs))
        t_small = h.best_time(parse_quantities, make(12_500), 2)[0]
        t_large = h.best_time(parse_quantities, make(50_000), 2)[0]
        print(f"{name:22s} {len(text):9,d} {len(qs):8,d} {per:16.2f}x {t_large / t_small:8.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
