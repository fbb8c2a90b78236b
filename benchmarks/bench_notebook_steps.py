"""Per-article cost of each step of notebooks/verify_article.ipynb in a warm process.

Runs the notebook's cell calls (the same calls, in the same order) on the founding article, its
altered copy and a few variants of them, after one warm-up pass, and prints the CPU time
(``time.process_time``) of each step: the median over the runs, and the median total per article.

Run: PYTHONPATH=. python benchmarks/bench_notebook_steps.py [--runs 20] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import claimkit as ck  # noqa: E402 - after sys.path points at the checkout
from claimkit import display  # noqa: E402 - after sys.path points at the checkout
from claimkit.display import ranked_claims, show_article, show_validation, verdict_summary, when, who_said_what  # noqa: E402 - after sys.path points at the checkout
from claimkit.outputs import reviews_path, write_outputs  # noqa: E402 - after sys.path points at the checkout
from claimkit.report import write_report  # noqa: E402 - after sys.path points at the checkout
from claimkit.validation import check  # noqa: E402 - after sys.path points at the checkout
from claimkit.verdicts import readable, summarise  # noqa: E402 - after sys.path points at the checkout

ARTICLES = [
    ROOT / "data/articles/russia-osce-dead-end.txt",
    ROOT / "data/articles/altered/russia-osce-dead-end-altered.txt",
]
# a few variants: other figures, other days, so that caches keyed on the text do not hide work
VARIANTS = [("100,000", "127,000"), ("57 countries", "56 countries"), ("Monday", "Tuesday")]


def render(obj) -> str:
    """What Jupyter does with a cell's value: its HTML (a Styler renders its table), else its repr."""
    html = getattr(obj, "_repr_html_", None)
    return html() if callable(html) else repr(obj)


def review_changes_cell(claims, verdicts):
    """Section 7 as the notebook calls it (the function it uses, old or new)."""
    if hasattr(display, "show_review_changes"):
        return display.show_review_changes(claims, verdicts)
    return display.show_changes(ck.verify(claims), verdicts)


def run_notebook(path: Path, out_dir: Path, times: dict, walls: dict) -> None:
    def step(name, fn):
        t, w = time.process_time(), time.perf_counter()
        value = fn()
        render(value)
        times[name].append(time.process_time() - t)
        walls[name].append(time.perf_counter() - w)
        return value

    art = step("load_article", lambda: ck.load_article(path))
    claims = step("extract_claims", lambda: ck.extract_claims(art))
    step("show_article", lambda: show_article(art, claims))
    step("ranked_claims", lambda: ranked_claims(claims[claims.checkworthiness >= 0.0], limit=30))
    step("who_said_what", lambda: who_said_what(claims))
    step("when", lambda: when(claims))
    claims_check = step(
        "check claims", lambda: check(claims, "claims", strict=True, docs_dir=out_dir, docs_on_failure=True)
    )
    step("show_validation", lambda: show_validation(claims_check))
    reviews_file = reviews_path(out_dir, "")
    verdicts = step("verify", lambda: ck.verify(claims, evidence=None, reviews=reviews_file))
    step("show_article verdicts", lambda: show_article(art, claims, verdicts))
    step("readable", lambda: readable(verdicts, checked_only=True))
    step("verdict_summary", lambda: verdict_summary(verdicts, claims))
    step("summarise", lambda: summarise(verdicts))
    verdicts_check = step(
        "check verdicts", lambda: check(verdicts, "verdicts", strict=True, docs_dir=out_dir, docs_on_failure=True)
    )
    step("show_validation", lambda: show_validation(verdicts_check))
    step("review changes", lambda: review_changes_cell(claims, verdicts))
    claim_reviews = step("to_claimreview", lambda: ck.to_claimreview(verdicts, art))
    step(
        "write_outputs",
        lambda: write_outputs(
            out_dir,
            article=art,
            claims=claims,
            verdicts=verdicts,
            validations=[claims_check, verdicts_check],
            claimreview=claim_reviews,
        ),
    )
    step("write_report", lambda: write_report(out_dir))


def per_article(samples: dict, runs: int) -> dict:
    """Step -> per-run sums (a step run twice per article, show_validation, counts both times)."""
    out = {}
    for name, vals in samples.items():
        k = len(vals) // runs
        out[name] = [sum(vals[j * k : (j + 1) * k]) for j in range(runs)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20, help="passes over the articles")
    ap.add_argument("--profile", action="store_true", help="then cProfile three more passes (cumulative, top 60)")
    ap.add_argument("--profile-filter", nargs="*", help="pstats restrictions instead of the top 60, e.g. claimkit 40")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nbsteps-"))
    paths = list(ARTICLES)
    seed_text = ARTICLES[0].read_text(encoding="utf-8")
    for i, (a, b) in enumerate(VARIANTS):
        p = tmp / f"variant-{i}.txt"
        p.write_text(seed_text.replace(a, b), encoding="utf-8")
        (tmp / f"variant-{i}.meta.json").write_text(ARTICLES[0].with_suffix(".meta.json").read_text(encoding="utf-8"))
        paths.append(p)
    for p in paths:  # warm-up: imports, GX context, evidence store, templates
        run_notebook(p, tmp / "warm", defaultdict(list), defaultdict(list))
    cpu, wall = defaultdict(list), defaultdict(list)
    n = 0
    for _ in range(args.runs):
        for i, p in enumerate(paths):
            run_notebook(p, tmp / f"out-{i}", cpu, wall)
            n += 1
    cpu, wall = per_article(cpu, n), per_article(wall, n)
    print(f"{n} notebook runs ({len(paths)} articles x {args.runs}), seconds per article (median)")
    print(f"  {'step':24s} {'CPU':>7s} {'wall':>7s}")
    for name in cpu:
        print(f"  {name:24s} {statistics.median(cpu[name]):7.4f} {statistics.median(wall[name]):7.4f}")
    totals = [
        [sum(v[j] for k, v in d.items() if k not in skip) for j in range(n)]
        for d in (cpu, wall)
        for skip in ((), ("load_article", "extract_claims"))
    ]
    print(f"  {'TOTAL':24s} {statistics.median(totals[0]):7.4f} {statistics.median(totals[2]):7.4f}")
    print(f"  {'TOTAL after extraction':24s} {statistics.median(totals[1]):7.4f} {statistics.median(totals[3]):7.4f}")
    if args.profile:
        prof = cProfile.Profile()
        for p in paths * 3:
            prof.enable()
            run_notebook(p, tmp / "prof", defaultdict(list), defaultdict(list))
            prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(
            *[int(a) if a.isdigit() else a for a in (args.profile_filter or ["60"])]
        )


if __name__ == "__main__":
    main()
