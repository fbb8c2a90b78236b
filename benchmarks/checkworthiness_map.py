"""Mean average precision of claimkit's check-worthiness on the ClaimBuster sentences, by folds of debates.

    PYTHONPATH=. python benchmarks/checkworthiness_map.py [--data CSV] [--limit N]

Scores each sentence the way a user of the claims table would: the highest ``checkworthiness`` of
the claims ``extract_claims`` finds in it (0 when it has none). The folds are the training script's
(contiguous runs of sentence ids = runs of debates); MAP is the mean over folds of the average
precision. Run it against another checkout (``PYTHONPATH=/path/to/other``) to compare versions. The
learned sentence model's own held-out MAP is ``scripts/train_checkworthiness.py --cv``; this script
uses the shipped weights, which were trained on these sentences, so with the learned model it
measures fit, not generalisation (see docs/time-and-speakers.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if "PYTHONPATH" not in __import__("os").environ:
    sys.path.insert(0, str(ROOT))
import claimkit  # noqa: E402  (the checkout on PYTHONPATH, before the training script adds this one)

sys.path.insert(0, str(ROOT / "scripts"))
import train_checkworthiness as train  # noqa: E402 - after sys.path points at the checkout


def claims_max(texts: list[str]) -> list[float]:
    from claimkit.claims import extract_claims

    out = []
    for t in texts:
        claims = extract_claims(t)
        out.append(float(claims["checkworthiness"].max()) if len(claims) else 0.0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--limit", type=int, default=None, help="an evenly spaced sample of N sentences")
    args = ap.parse_args()
    rows = train.read(args.data or train.default_data(), args.limit)
    t0 = time.perf_counter()
    scores = claims_max([r[2] for r in rows])
    aps = [train.average_precision([rows[i][1] for i in fold], [scores[i] for i in fold]) for fold in train.folds(rows)]
    print(
        f"claimkit at {Path(claimkit.__file__).parent}: max claim checkworthiness per sentence, "
        f"{len(rows)} sentences, {train.FOLDS} folds: MAP {sum(aps) / len(aps):.4f} "
        f"(folds: {' '.join(f'{a:.3f}' for a in aps)}); {time.perf_counter() - t0:.0f} s"
    )


if __name__ == "__main__":
    main()
