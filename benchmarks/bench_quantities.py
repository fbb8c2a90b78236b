"""Throughput of claimkit.parse_quantities against quantulum3, side by side on the same text.

The text is the seed article's sentences plus every input of the peer suites (Microsoft
Recognizers-Text English number specs, MIT), repeated until it is at least 1 MB. Each
parser reads the same list of sentences; the script prints sentences per second for both,
their ratio, the time of ``import claimkit`` in a fresh interpreter, and the peer-suite
pass rates from the same run.

    python benchmarks/bench_quantities.py [--mb 1.0] [--quantulum-sentences N]

``--quantulum-sentences`` times quantulum3 on the first N sentences only (default: all).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SPECS = Path(__file__).resolve().parents[1] / "tests" / "peer_specs" / "recognizers-text"
SEED = ROOT / "data/articles/russia-osce-dead-end.txt"


def corpus(min_bytes: int) -> list[str]:
    import claimkit

    article = claimkit.load_article(SEED)
    base = [article.text[s:e] for s, e in article.sentences]
    for name in ("NumberModel.json", "NumberRangeModel.json", "PercentModel.json"):
        base += [c["Input"] for c in json.loads((SPECS / name).read_text(encoding="utf-8"))]
    out, size = [], 0
    while size < min_bytes:
        for s in base:
            out.append(s)
            size += len(s.encode("utf-8")) + 1
    return out


def rate(fn, sentences) -> float:
    t = time.perf_counter()
    for s in sentences:
        fn(s)
    return len(sentences) / (time.perf_counter() - t)


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import claimkit; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    return float(out.stdout.strip())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    ap.add_argument("--quantulum-sentences", type=int, default=0, help="time quantulum3 on this many sentences (0: all)")
    args = ap.parse_args(argv)

    print(f"import claimkit: {import_time():.3f} s")
    from claimkit.extract._peerspecs import score_file
    from claimkit.extract.quantities import parse_quantities

    sentences = corpus(int(args.mb * 1_000_000))
    size = sum(len(s.encode("utf-8")) + 1 for s in sentences)
    print(f"corpus: {len(sentences)} sentences, {size / 1e6:.2f} MB")

    parse_quantities("warm up: 1 lexicon load")
    ck = rate(parse_quantities, sentences)
    print(f"claimkit.parse_quantities: {ck:,.0f} sentences/s")

    from quantulum3 import parser as q3

    q3.parse("warm up 1 kg")
    sample = sentences[: args.quantulum_sentences] if args.quantulum_sentences else sentences
    qu = rate(q3.parse, sample)
    print(f"quantulum3.parser.parse:   {qu:,.0f} sentences/s ({len(sample)} sentences)")
    print(f"ratio claimkit / quantulum3: {ck / qu:.1f}x")

    for name in ("NumberModel.json", "NumberRangeModel.json", "PercentModel.json"):
        ok, total, _ = score_file(SPECS / name, parse_quantities)
        print(f"{name}: {ok}/{total} = {ok / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
