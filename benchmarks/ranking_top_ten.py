"""The ten claims claimkit ranks first in each example story, as an editor would read them.

    PYTHONPATH=. python benchmarks/ranking_top_ten.py [ARTICLE ...]

Default stories: the seed article and the two wire-style stories in data/articles/wire/.
Prints rank, check-worthiness, kind and the claim (span, unit) with a slice of its sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT = [ROOT / "data/articles/russia-osce-dead-end.txt", *sorted((ROOT / "data/articles/wire").glob("*.txt"))]


def main(paths: list[Path]) -> None:
    from claimkit.claims import extract_claims

    for path in paths:
        claims = extract_claims(path)
        top = claims.sort_values(["checkworthiness", "start"], ascending=[False, True], kind="stable").head(10)
        print(f"\n## {Path(path).name}: top ten of {len(claims)} claims\n")
        for rank, row in enumerate(top.itertuples(), 1):
            unit = f" [{row.unit}]" if row.unit else ""
            sentence = " ".join(str(row.sentence).split())
            print(f"{rank:2d}. {row.checkworthiness:.2f} {row.kind:<11} {row.span[:40]!r}{unit} — {sentence[:70]}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or DEFAULT)
