"""How long verify takes on the founding article's headline claims (hand-made claims table).

Run: PYTHONPATH=. python benchmarks/verify_speed.py
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's claimkit and tests.helpers, whatever the current folder

from claimkit import load_article, verify  # noqa: E402 - after the path is set
from claimkit.evidence import EvidenceStore  # noqa: E402 - after sys.path points at the checkout
from tests.helpers.claims import SEED, make_claims, seed_specs  # noqa: E402 - after sys.path points at the checkout

claims = make_claims(load_article(SEED), seed_specs())
t = time.perf_counter()
store = EvidenceStore()
store.connection  # noqa: B018 - opening the store is what is timed
print(f"open the reference store (DuckDB views over {len(store.tables)} CSVs): {time.perf_counter() - t:.3f} s")
t = time.perf_counter()
verify(claims, evidence=store)
print(f"first verify, {len(claims)} claims: {time.perf_counter() - t:.3f} s")
runs = 5
t = time.perf_counter()
for _ in range(runs):
    verify(claims, evidence=store)
each = (time.perf_counter() - t) / runs
print(f"verify, {len(claims)} claims, warm store: {each:.3f} s per run ({each / len(claims) * 1000:.1f} ms per claim)")
