"""claimkit batch against a naive sequential papermill loop, on the same articles, in one run.

    PYTHONPATH=. python benchmarks/bench_batch.py [--articles 40] [--workers N] [--naive cli|inprocess] [--naive-sample K]

Prints articles per minute for the naive loop (by default one `papermill` command per article, as a
shell loop runs it; ``--naive inprocess``: papermill imported once and called per article, as
`claimkit run` does) and for `claimkit batch`, their ratio, the library floor (load, extract and
verify the same articles in one warm process), and where the batch's time goes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)

TROOPS = ["100,000", "127,000", "90,000", "175,000", "110,000"]
COUNTRIES = ["57", "67", "55", "60"]
DAYS = ["Thursday", "Wednesday", "Friday", "Monday"]


def make_corpus(folder: Path, n: int) -> list[Path]:
    """The shipped articles and variants of them: other figures, other weekdays, paragraphs dropped."""
    from claimkit.paths import ARTICLES

    folder.mkdir(parents=True, exist_ok=True)
    shipped = sorted(
        p
        for p in ARTICLES.glob("*")
        if p.suffix in (".txt", ".md", ".html", ".json") and not p.name.endswith(".meta.json")
    )
    paths = []
    for i in range(n):
        src = shipped[i % len(shipped)]
        seed = src.read_text(encoding="utf-8")
        paragraphs = seed.split("\n\n")
        text = (
            seed if i < len(shipped) else "\n\n".join(p for k, p in enumerate(paragraphs) if k == 0 or (k + i) % 7 != 0)
        )
        text = text.replace("100,000", TROOPS[i % 5]).replace("57", COUNTRIES[i % 4]).replace("Thursday", DAYS[i % 4])
        if i >= len(shipped):
            text += f"\n\nThis is wire copy number {i}."
        path = folder / f"{src.stem}-{i:03d}{src.suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def floor(paths) -> float:
    """Seconds per article for the library alone: load, extract, verify (imports and first-call set-up excluded)."""
    import claimkit as ck

    try:
        from claimkit.verdicts import verify
    except ImportError:
        verify = None

    def one(p):
        claims = ck.extract_claims(ck.load_article(p))
        if verify is not None:
            verify(claims)

    one(paths[0])  # warm: imports, lexicons, evidence store
    t = time.perf_counter()
    for p in paths:
        one(p)
    return (time.perf_counter() - t) / len(paths), verify is not None


def naive(paths, out: Path, mode: str = "cli") -> float:
    """Seconds per article for a naive sequential loop over the articles, one cold papermill run each.

    ``cli`` (default): the loop as a newsroom would write it in the shell, one ``papermill`` command per
    article (papermill's import, a fresh kernel and Great Expectations' import, every time):

        for f in articles/*; do papermill notebooks/verify_article.ipynb out/$f.ipynb -p article $f -p output_dir out/$f; done

    ``inprocess``: a Python loop of ``papermill.execute_notebook`` calls (the `claimkit run` path) with
    papermill imported once, outside the loop, so each article pays the fresh kernel and GX's import only.
    """
    import subprocess

    from claimkit.runner import ARTICLE_NOTEBOOK, run_article

    if mode == "inprocess":
        import papermill  # noqa: F401 - imported once, outside the loop, to be fair to the loop
    t = time.perf_counter()
    for p in paths:
        if mode == "inprocess":
            run_article(p, out_dir=out / p.stem)
            continue
        (out / p.stem).mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "papermill",
                "--no-progress-bar",
                "--log-level",
                "WARNING",
                str(ARTICLE_NOTEBOOK),
                str(out / p.stem / "verify_article.ipynb"),
                "-p",
                "article",
                str(p),
                "-p",
                "output_dir",
                str(out / p.stem),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return (time.perf_counter() - t) / len(paths)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--workers", type=int, default=None, help="batch workers (default: the number of cores)")
    ap.add_argument(
        "--naive",
        choices=("cli", "inprocess"),
        default="cli",
        help="cli: one `papermill` command per article, as a shell loop does (default); "
        "inprocess: papermill.execute_notebook in a Python loop, papermill imported once",
    )
    ap.add_argument(
        "--naive-sample",
        type=int,
        default=None,
        help="time the naive loop on the first K articles only (default: all of them)",
    )
    args = ap.parse_args(argv)

    from claimkit.batch import run_batch

    with tempfile.TemporaryDirectory(prefix="claimkit-bench-") as tmp:
        tmp = Path(tmp)
        paths = make_corpus(tmp / "in", args.articles)
        n = len(paths)
        print(f"{n} articles, {os.cpu_count()} cores, workers={args.workers or os.cpu_count()}", flush=True)

        t = time.perf_counter()
        result = run_batch([tmp / "in"], tmp / "batch", workers=args.workers, progress=False)
        batch_total = time.perf_counter() - t
        assert len(result.ok) == n, [r["error"] for r in result.failed]
        batch_per = batch_total / n
        print(
            f"claimkit batch: {batch_total:7.1f} s total, {batch_per:6.3f} s/article, {60 / batch_per:7.1f} articles/min",
            flush=True,
        )

        sample = paths[: args.naive_sample] if args.naive_sample else paths
        naive_per = naive(sample, tmp / "naive", args.naive)
        note = "" if len(sample) == n else f" (timed on {len(sample)} of {n})"
        print(
            f"naive loop ({args.naive}): {naive_per * n:7.1f} s total, {naive_per:6.3f} s/article, {60 / naive_per:7.1f} articles/min{note}",
            flush=True,
        )

        floor_per, verified = floor(paths)
        what = "load + extract + verify" if verified else "load + extract (claimkit.verify not available yet)"
        print(f"library floor:  {floor_per * n:7.1f} s total, {floor_per:6.3f} s/article ({what})")
        print(f"\nspeed-up of claimkit batch over the naive loop: {naive_per / batch_per:.1f}x")
        print(f"claimkit batch / library floor: {batch_per / floor_per:.1f}x")

        # where the batch's time goes
        rows = result.rows
        worker_secs = [float(r["seconds"]) for r in rows if r.get("seconds") not in (None, "")]
        cells = defaultdict(float)
        for r in rows:
            nb = json.loads((tmp / "batch" / r["folder"] / "verify_article.ipynb").read_text())
            for c in nb["cells"]:
                if c["cell_type"] == "code":
                    head = "".join(c["source"]).splitlines()[0][:50] if c["source"] else ""
                    cells[head] += c["metadata"].get("papermill", {}).get("duration") or 0.0
            cells["(papermill: parameterise, kernel round trips, write .ipynb)"] += nb["metadata"]["papermill"][
                "duration"
            ] - sum(
                c["metadata"].get("papermill", {}).get("duration") or 0.0
                for c in nb["cells"]
                if c["cell_type"] == "code"
            )
        steady = statistics.median(worker_secs)
        workers = args.workers or os.cpu_count()
        print(
            f"\nper article in a worker (median): {steady:.3f} s; with {workers} workers the steady state is "
            f"{steady / workers:.3f} s/article of wall time"
        )
        print(
            f"fixed costs of the batch (worker start, kernel warm-up, summary notebook): "
            f"{batch_total - sum(worker_secs) / workers:.1f} s (approx.)"
        )
        print("time inside the notebook, per article, by cell:")
        for head, secs in sorted(cells.items(), key=lambda kv: -kv[1]):
            print(f"  {secs / n:6.3f} s  {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
