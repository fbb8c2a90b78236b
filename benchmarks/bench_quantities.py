"""Throughput of claimkit.parse_quantities against quantulum3, side by side on the same text.

The text is the seed article's sentences plus every input of the peer suites (Microsoft
Recognizers-Text English number specs, MIT), repeated until it is at least 1 MB. Each
parser reads the same list of sentences, interleaved chunk by chunk so that both run under the
same load on a shared machine; the script prints sentences per second for both (wall clock,
and CPU time), their ratio, the time of ``import claimkit`` in a fresh interpreter, and the peer-suite
pass rates from the same run.

    python benchmarks/bench_quantities.py [--mb 1.0] [--quantulum-sentences N]

``--quantulum-sentences`` times quantulum3 on about N sentences only (every k-th chunk; default: all).
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


def side_by_side(fa, fb, sentences, chunk: int = 200, b_every: int = 1):
    """Time ``fa`` and ``fb`` on the same sentences, interleaved chunk by chunk (alternating which goes first),
    so both run under the same load on a shared machine. ``fb`` reads every ``b_every``-th chunk only.

    Returns ((sentences/s of fa, of fb) by wall clock, (the same) by CPU time, sentences read by fb)."""
    wall, cpu, count = [0.0, 0.0], [0.0, 0.0], [0, 0]
    for k, i in enumerate(range(0, len(sentences), chunk)):
        part = sentences[i : i + chunk]
        order = ((0, fa), (1, fb)) if k % 2 == 0 else ((1, fb), (0, fa))
        for j, fn in order:
            if j == 1 and k % b_every:
                continue
            w, c = time.perf_counter(), time.process_time()
            for s in part:
                fn(s)
            wall[j] += time.perf_counter() - w
            cpu[j] += time.process_time() - c
            count[j] += len(part)
    return (count[0] / wall[0], count[1] / wall[1]), (count[0] / cpu[0], count[1] / cpu[1]), count[1]


def import_time() -> tuple[float, float, float]:
    """In a fresh interpreter: ``import claimkit``; then ``claimkit.parse_quantities`` (its module imports);
    then the first call (the lexicon is read and the scanner compiled)."""
    code = (
        "import time; t = time.perf_counter(); import claimkit; t1 = time.perf_counter(); "
        "f = claimkit.parse_quantities; t2 = time.perf_counter(); f('5'); t3 = time.perf_counter(); "
        "print(t1 - t, t2 - t1, t3 - t2)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    a, b, c = map(float, out.stdout.split())
    return a, b, c


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    ap.add_argument(
        "--quantulum-sentences", type=int, default=0, help="time quantulum3 on about this many sentences (0: all)"
    )
    args = ap.parse_args(argv)

    t_import, t_attr, t_first = import_time()
    print(
        f"import claimkit: {t_import:.4f} s (then claimkit.parse_quantities: {t_attr:.3f} s;"
        f" first call, lexicon load: {t_first:.3f} s)"
    )
    from claimkit.extract._peerspecs import score_file
    from claimkit.extract.quantities import parse_quantities

    sentences = corpus(int(args.mb * 1_000_000))
    size = sum(len(s.encode("utf-8")) + 1 for s in sentences)
    print(f"corpus: {len(sentences)} sentences, {size / 1e6:.2f} MB")

    parse_quantities("warm up: 1 lexicon load")
    from quantulum3 import classifier as q3_clf
    from quantulum3 import parser as q3

    if q3_clf.USE_CLF:
        # quantulum3 0.10's unit classifier is a scikit-learn pickle that today's scikit-learn (a claimkit dependency
        # since issue 16) cannot load; every earlier figure of this benchmark was taken without scikit-learn
        # installed, so quantulum3 ran its rule-based disambiguation. Run it that way here too.
        q3_clf.USE_CLF = False
        print(
            "quantulum3: rule-based unit disambiguation (its scikit-learn classifier switched off, as in earlier runs)"
        )
    q3.parse("warm up 1 kg")
    every = max(1, round(len(sentences) / args.quantulum_sentences)) if args.quantulum_sentences else 1
    (ck, qu), (ck_cpu, qu_cpu), n_qu = side_by_side(parse_quantities, q3.parse, sentences, b_every=every)
    print(f"claimkit.parse_quantities: {ck:,.0f} sentences/s ({len(sentences)} sentences)")
    print(f"quantulum3.parser.parse:   {qu:,.0f} sentences/s ({n_qu} sentences, interleaved with claimkit)")
    print(f"ratio claimkit / quantulum3: {ck / qu:.1f}x")
    print(f"  by CPU time: {ck_cpu:,.0f} vs {qu_cpu:,.0f} sentences/s, {ck_cpu / qu_cpu:.1f}x")

    for name in ("NumberModel.json", "NumberRangeModel.json", "PercentModel.json"):
        ok, total, _ = score_file(SPECS / name, parse_quantities)
        print(f"{name}: {ok}/{total} = {ok / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
