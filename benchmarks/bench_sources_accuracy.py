"""How well verify(sources=…) tells right figures from wrong ones in texts derived from a source.

benchmarks/data/derived/: wire-style source articles, summaries and rewrites of them with some
figures deliberately wrong, and labels.json (each figure of each derived text: correct or wrong).
Each derived text is extracted and verified against its source alone (no reference tables).

A figure counts as flagged wrong when its verdict is contradicted or misleading, as confirmed
when supported. Unverified figures are scored two ways: as not flagged (the desk reads the flags)
and as not confirmed (the desk reads the confirmations). The baseline is plain same-digits search:
a figure is taken as correct when every digit string of it is in the source text.

    python benchmarks/bench_sources_accuracy.py [-v] [--set derived-heldout]
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claimkit import extract_claims, load_article, verify  # noqa: E402 - after sys.path points at the checkout
from claimkit.evidence import EvidenceStore  # noqa: E402 - after sys.path points at the checkout
from claimkit.sources import load_sources  # noqa: E402 - after sys.path points at the checkout

DATA = ROOT / "benchmarks" / "data" / (sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "derived")
FIGURES = ("quantity", "money", "percent", "duration")


def balanced_accuracy(pairs) -> float:
    """pairs: (truth_is_wrong, predicted_wrong)."""
    pos = [p for t, p in pairs if t]
    neg = [p for t, p in pairs if not t]
    tpr = sum(pos) / len(pos) if pos else 0.0
    tnr = sum(1 for p in neg if not p) / len(neg) if neg else 0.0
    return (tpr + tnr) / 2


def digits_found(span: str, source: str) -> bool:
    nums = re.findall(r"\d+(?:[.,]\d+)*", span)
    flat = source.replace(",", "")
    return bool(nums) and all(n in source or n.replace(",", "") in flat for n in nums)


def main(verbose: bool = False) -> None:
    labels = json.loads((DATA / "labels.json").read_text())
    empty = EvidenceStore(Path(tempfile.mkdtemp()))
    rows, missing, timings = [], [], []
    for name, spans in labels.items():
        base = name.split(".")[0]
        source = DATA / f"{base}.source.txt"
        published = json.loads((DATA / f"{base}.source.meta.json").read_text())["published"]
        srcset = load_sources([source], cache_dir=Path(tempfile.gettempdir()) / "claimkit-bench-derived")
        claims = extract_claims(load_article(DATA / name, published=published))
        t = time.perf_counter()
        v = verify(claims, sources=srcset, evidence=empty)
        timings.append(time.perf_counter() - t)
        v = v[v["kind"].isin(FIGURES)].drop_duplicates("span").set_index("span")
        text = source.read_text(encoding="utf-8")
        for span, label in spans.items():
            if span not in v.index:
                missing.append((name, span))
                continue
            r = v.loc[span]
            rows.append((name, span, label == "wrong", r.verdict, digits_found(span, text), r.note))
    n = len(rows)
    wrong = sum(1 for r in rows if r[2])
    flagged = [(t, verdict in ("contradicted", "misleading")) for _, _, t, verdict, _, _ in rows]
    confirmed = [(t, verdict != "supported") for _, _, t, verdict, _, _ in rows]
    decided = [
        (t, verdict in ("contradicted", "misleading")) for _, _, t, verdict, _, _ in rows if verdict != "unverified"
    ]
    baseline = [(t, not found) for _, _, t, _, found, _ in rows]
    print(f"{n} labelled figures ({wrong} wrong) in {len(labels)} derived texts; {len(missing)} not extracted")
    print(f"  same-digits search baseline:               balanced accuracy {balanced_accuracy(baseline):.3f}")
    print(f"  verify, unverified read as not flagged:    balanced accuracy {balanced_accuracy(flagged):.3f}")
    print(f"  verify, unverified read as not confirmed:  balanced accuracy {balanced_accuracy(confirmed):.3f}")
    print(
        f"  verify, decided figures only ({len(decided)} of {n}):   balanced accuracy {balanced_accuracy(decided):.3f}"
    )
    counts = {}
    for _, _, t, verdict, _, _ in rows:
        counts[(("wrong" if t else "correct"), verdict)] = counts.get((("wrong" if t else "correct"), verdict), 0) + 1
    for k in sorted(counts):
        print(f"    {k[0]:8s} -> {k[1]:13s} {counts[k]}")
    print(
        f"  verify time per derived text: mean {sum(timings) / len(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms"
    )
    # each derived text against the OTHER articles' sources only: every decision there is a false one
    others_decided, others_n = [], 0
    sources = sorted(DATA.glob("*.source.txt"))
    for name in labels:
        base = name.split(".")[0]
        published = json.loads((DATA / f"{base}.source.meta.json").read_text())["published"]
        unrelated = load_sources(
            [s for s in sources if s.name.split(".")[0] != base],
            cache_dir=Path(tempfile.gettempdir()) / "claimkit-bench-derived",
        )
        v = verify(extract_claims(load_article(DATA / name, published=published)), sources=unrelated, evidence=empty)
        others_n += len(v)
        others_decided += [(name, r.span, r.verdict) for r in v.itertuples() if r.verdict != "unverified"]
    print(
        f"  against the other articles' sources only: {len(others_decided)} of {others_n} claims decided (each a false verdict)"
    )
    if verbose:
        for d in others_decided:
            print("  unrelated:", *d)
        for name, span, t, verdict, _found, note in rows:
            ok = (verdict in ("contradicted", "misleading")) == t and verdict != "unverified"
            print(
                f"{'  ' if ok else '!!'} {name:32s} {span:32s} {'WRONG' if t else 'right':5s} {verdict:12s} {note[:150]}"
            )
        for name, span in missing:
            print(f"?? {name}: '{span}' not extracted")


if __name__ == "__main__":
    main("-v" in sys.argv)
