"""How the world checks do on a set of dated news-style sentences (benchmarks/world_eval.tsv).

    python benchmarks/eval_world.py [-v] [SET.tsv]   (default world_eval.tsv; world_eval_late.tsv: the later set)

For each sentence, the verdict of the claim the world checks decided (the first decided one, else
unverified) against the expected one; prints the share of true sentences supported, of false ones
contradicted, and of out-of-coverage ones left unverified, with every miss.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    from claimkit import extract_claims, verify

    verbose = "-v" in sys.argv
    name = next((a for a in sys.argv[1:] if a.endswith(".tsv")), "world_eval.tsv")
    lines = [
        line for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    tally: dict[str, list[int]] = {"supported": [0, 0], "contradicted": [0, 0], "unverified": [0, 0]}
    wrong_decisions = 0
    for r in rows:
        claims = extract_claims(r["sentence"], published=date.fromisoformat(r["date"]))
        v = verify(claims)
        v = v[v["kind"].isin(["role", "quantity", "money", "capital", "currency"])]
        decided = v[v["verdict"] != "unverified"]
        got = decided.iloc[0]["verdict"] if len(decided) else "unverified"
        if r["expected"] == "supported" and "contradicted" in set(decided["verdict"]):
            got = "contradicted"  # a true sentence with any contradicted claim is a miss
        ok = got == r["expected"]
        tally[r["expected"]][0] += ok
        tally[r["expected"]][1] += 1
        if got != "unverified" and got != r["expected"]:
            wrong_decisions += 1
        if not ok or verbose:
            note = decided.iloc[0]["note"] if len(decided) else (v.iloc[0]["note"] if len(v) else "no claim")
            print(
                f"{'ok ' if ok else 'MISS'} {r['date']} expected {r['expected']:12} got {got:12} {r['sentence']}\n      {str(note)[:200]}"
            )
    print()
    for k, (good, n) in tally.items():
        print(f"{k:12}: {good}/{n} = {100 * good / max(n, 1):.0f} %")
    print(f"wrong decisions (a decided verdict other than the expected one): {wrong_decisions}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
