"""Accuracy of parse_times on a hand-made set of news-style date mentions (benchmarks/data/dates_eval.tsv).

Run: PYTHONPATH=. python benchmarks/eval_dates.py [-v]
Two sets: dates_eval.tsv (written before the parser was extended, then used to develop it) and
dates_holdout.tsv (written afterwards and not tuned on: the honest figure). A positive row passes
when a mention has exactly the expected span and resolves to the expected inclusive start and end
dates against the row's reference (publication) date. A negative row (no expected dates) passes
when no mention overlaps the span. Prints the rate and, with -v, the misses.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from claimkit.extract.times import parse_times

DATA = Path(__file__).resolve().parent / "data"
SETS = ("dates_eval.tsv", "dates_holdout.tsv", "dates_holdout2.tsv")


def rows(name: str):
    lines = [
        line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    for line in lines[1:]:
        yield dict(zip(header, line.split("\t")))


def main(verbose: bool = False) -> None:
    for name in SETS:
        score(name, verbose)


def score(name: str, verbose: bool = False) -> float:
    passed = total = 0
    for row in rows(name):
        ref = date.fromisoformat(row["reference"])
        sentence, span = row["sentence"], row["span"]
        at = sentence.index(span)
        try:
            found = parse_times(sentence, reference=ref)
        except Exception as exc:  # an error is a miss, not a crash of the benchmark
            found, got = [], f"error {exc!r}"
        else:
            got = [(m.text, m.iso) for m in found]
        if row.get("start"):
            want = (span, date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
            ok = any((m.text, m.start_date, m.end_date) == want for m in found)
        else:
            ok = not any(m.start < at + len(span) and at < m.end for m in found)
        total += 1
        passed += ok
        if verbose and not ok:
            print(f"MISS {sentence!r} want {span!r} {row.get('start') or 'nothing'}/{row.get('end') or ''} got {got}")
    print(f"{name}: {passed}/{total} = {passed / total:.0%}")
    return passed / total


if __name__ == "__main__":
    main("-v" in sys.argv)
