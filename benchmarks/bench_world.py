"""What the world reference tables add to verify on a story.

Run: python benchmarks/bench_world.py

Verifies the same stories (the shipped articles in data/articles/ and a story made of the
sentences of benchmarks/world_eval.tsv) against the shipped reference folder with and without the
world_* tables (a copy of data/reference/ without them), warm (the store opened and each table
read once, as in a session or a batch worker), and prints the difference per story. Also prints
the one-time cost of opening the store with the world tables.
"""

from __future__ import annotations

import csv
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimkit import extract_claims, load_article, verify  # noqa: E402 - after sys.path points at the checkout
from claimkit.evidence import EvidenceStore  # noqa: E402 - after sys.path points at the checkout
from claimkit.paths import REFERENCE  # noqa: E402 - after sys.path points at the checkout


def stories():
    out = []
    for p in sorted((ROOT / "data" / "articles").glob("*")):
        if p.suffix in (".txt", ".md", ".html", ".json") and not p.name.endswith(".meta.json"):
            try:
                out.append((p.name, extract_claims(load_article(p))))
            except Exception as exc:
                print(f"skipped {p.name}: {exc}")
    lines = [
        line
        for line in (ROOT / "benchmarks" / "world_eval.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    text = " ".join(r["sentence"] for r in rows if r["date"].startswith("2022"))
    out.append(("world_eval 2022 sentences as one story", extract_claims(text, published=date(2022, 6, 1))))
    return out


def timed(claims, store, runs=15) -> float:
    verify(claims, evidence=store)  # warm: tables read, answers cached
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        verify(claims, evidence=store)
        times.append(time.perf_counter() - t)
    return min(times)  # the least disturbed run: the machine is shared


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        without = Path(tmp) / "reference"
        shutil.copytree(REFERENCE, without, ignore=shutil.ignore_patterns("world_*"))
        t = time.perf_counter()
        store_with = EvidenceStore(REFERENCE)
        _ = store_with.connection  # opening the store is what is timed
        opened = time.perf_counter() - t
        store_without = EvidenceStore(without)
        _ = store_without.connection
        print(
            f"open the store with the world tables ({len(store_with.tables)} tables): {opened * 1000:.0f} ms (once per process)"
        )
        for name, claims in stories():
            t = time.perf_counter()
            verify(claims, evidence=store_with)
            first = time.perf_counter() - t
            a, b = timed(claims, store_without), timed(claims, store_with)
            print(
                f"{name}: {len(claims)} claims; verify without world tables {a * 1000:.1f} ms, with {b * 1000:.1f} ms: "
                f"adds {(b - a) * 1000:+.1f} ms per story (first verify with them, tables read: {first * 1000:.0f} ms)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
