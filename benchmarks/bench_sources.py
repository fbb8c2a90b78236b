"""Loading and searching sources: one story against several hundred pages of source documents.

    PYTHONPATH=. python benchmarks/bench_sources.py [--pages 360] [--workdir DIR] [--repeat 5] [--k 10]

The sources are real public text: the ClaimBuster sentences from US presidential debates
(/work/shared/data/claimbuster, CC BY 4.0) set as PDF pages of about 2,400 characters (made once
with fpdf2 and kept in ``--workdir``), the project's README and docs as Markdown, and the seed
article as text. The story is the seed article.

Prints, cold (empty cache) and cached (what a new process finds): load + passages + index time
and pages per second; the first article (its claims, a search of the sources for each, and the
sources' own claims in the passages found, extracted on first use); the rest of the sources'
claims; then the next articles against the same source set.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CLAIMBUSTER = Path("/work/shared/data/claimbuster/claimbuster_sentences.csv")
PAGE_CHARS = 2400
PDF_PARTS = 2  # the pages are split over this many PDF files


def debate_pages(limit: int) -> list[str]:
    """Pages of debate sentences, two paragraphs each, in the dataset's order."""
    with open(CLAIMBUSTER, encoding="utf-8") as fh:
        sentences = [row["text"].strip() for row in csv.DictReader(fh) if row["text"].strip()]
    pages, current = [], []
    for s in sentences:
        current.append(s)
        if sum(map(len, current)) >= PAGE_CHARS:
            half = len(current) // 2
            pages.append(" ".join(current[:half]) + "\n\n" + " ".join(current[half:]))
            current = []
            if len(pages) == limit:
                break
    return pages


def make_sources(workdir: Path, pages: int) -> Path:
    """The source folder: PDFs of debate pages (made once, reused), Markdown docs, the seed article."""
    from claimkit.paths import SEED_ARTICLE
    from tests.helpers.sources import make_pdf

    folder = workdir / f"sources-{pages}"
    if not (folder / ".complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        text = debate_pages(pages)
        if len(text) < pages:
            sys.exit(f"only {len(text)} pages of debate text available; ask for fewer")
        per = -(-pages // PDF_PARTS)
        for i in range(PDF_PARTS):
            print(f"making debates-{i + 1}.pdf ({len(text[i * per : (i + 1) * per])} pages)...", flush=True)
            make_pdf(
                folder / f"debates-{i + 1}.pdf",
                text[i * per : (i + 1) * per],
                title=f"Debate transcripts, part {i + 1}",
            )
        for md in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
            shutil.copy(md, folder / f"doc-{md.name}")
        shutil.copy(SEED_ARTICLE, folder / SEED_ARTICLE.name)
        shutil.copy(SEED_ARTICLE.with_name(SEED_ARTICLE.stem + ".meta.json"), folder)
        (folder / ".complete").write_text("ok")
    return folder


CPU: dict[str, float] = {}


def timed(fn, name: str | None = None):
    """Wall seconds (and, under ``name``, the process's CPU seconds: on a shared machine the two differ)."""
    t, c = time.perf_counter(), time.process_time()
    value = fn()
    if name:
        CPU[name] = time.process_time() - c
    return value, time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--pages", type=int, default=360, help="PDF pages of debate text (default 360; the sentences fill 390)"
    )
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "claimkit-bench-sources")
    ap.add_argument("--repeat", type=int, default=5, help="per-article runs; the median is printed")
    ap.add_argument("--k", type=int, default=10, help="passages searched for each claim (default 10)")
    args = ap.parse_args()
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    from claimkit import extract_claims, load_article
    from claimkit.paths import SEED_ARTICLE
    from claimkit.sources import load_sources

    folder = make_sources(args.workdir, args.pages)
    cache = args.workdir / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    # imports are paid once per process (a notebook kernel, a batch worker): timed apart from loading
    t = time.perf_counter()
    load_article("Warm up the sentence splitter.")
    import bm25s  # noqa: F401 - imported here so their cost is timed apart
    import pandas  # noqa: F401 - imported here so their cost is timed apart
    import pypdf  # noqa: F401 - imported here so their cost is timed apart
    import Stemmer  # noqa: F401 - imported here so their cost is timed apart

    t_import = time.perf_counter() - t

    warnings.simplefilter("ignore")
    story = load_article(SEED_ARTICLE)
    extract_claims(story)  # the first call builds the extractors' tables

    def article(srcset):
        """One story against the sources: its claims, a search for each, the sources' claims in the hits."""
        claims = extract_claims(story)
        hits = srcset.search_many(claims["sentence"], k=args.k)
        found = srcset.claims_in({p.id for h in hits for p, _ in h})
        return claims, hits, found

    cold, t_cold = timed(lambda: load_sources(folder, cache_dir=cache), "cold")
    _, t_first_cold = timed(lambda: article(cold), "first_cold")
    _, t_claims_cold = timed(lambda: cold.claims, "claims_cold")  # the documents no hit touched
    warm, t_warm = timed(lambda: load_sources(folder, cache_dir=cache), "warm")
    _, t_first_warm = timed(lambda: article(warm), "first_warm")
    _, t_claims_warm = timed(lambda: warm.claims, "claims_warm")

    runs = []
    for _ in range(args.repeat):
        claims, t_extract = timed(lambda: extract_claims(story))
        sentences = claims["sentence"].tolist()
        hits, t_search = timed(lambda sentences=sentences: warm.search_many(sentences, k=args.k))
        _, t_found = timed(lambda hits=hits: warm.claims_in({p.id for h in hits for p, _ in h}))
        runs.append((t_extract, t_search, t_found))
    t_extract, t_search, t_found = (statistics.median(r[i] for r in runs) for i in range(3))

    pdf_pages = sum(len({p.page for p in warm.passages_of(d)}) for d in warm.documents if d.kind == "pdf")
    chars = sum(len(d.text) for d in warm.documents)
    print(
        f"sources: {len(warm.documents)} documents, {pdf_pages} PDF pages, {chars:,} characters, "
        f"{len(warm.passages):,} passages, {len(warm.claims):,} claims in them"
    )
    print(f"imports (pandas, pypdf, bm25s, PyStemmer), once per process: {t_import:.2f} s")
    print(f"{'':41}{'cold':>8}{'cached':>8}   CPU s (cold, cached)")

    def line(label, a, b, ca, cb):
        print(f"{label:41}{a:8.2f}{b:8.2f}   ({CPU[ca]:.2f}, {CPU[cb]:.2f})")

    line("load + passages + index (s)", t_cold, t_warm, "cold", "warm")
    print(
        f"{'  PDF pages per second':41}{pdf_pages / t_cold:8.0f}{pdf_pages / t_warm:8.0f}"
        f"   ({pdf_pages / CPU['cold']:.0f}, {pdf_pages / max(CPU['warm'], 1e-9):.0f} a CPU second)"
    )
    line("first article, with its hits' claims (s)", t_first_cold, t_first_warm, "first_cold", "first_warm")
    line("the rest of the sources' claims (s)", t_claims_cold, t_claims_warm, "claims_cold", "claims_warm")
    print(f"next articles, same source set (the seed: {len(claims)} claims, median of {args.repeat}):")
    print(f"  extract the story's claims         {t_extract * 1000:8.1f} ms")
    print(
        f"  search the sources for every claim {t_search * 1000:8.1f} ms  "
        f"({t_search / max(1, len(claims)) * 1000:.2f} ms a claim, k={args.k})"
    )
    print(f"  the sources' claims in the hits    {t_found * 1000:8.1f} ms")
    top = hits[next(i for i, s in enumerate(sentences) if "troops" in s)][0]
    print(
        f"  e.g. best passage for the troops claim: {top[0].document.rsplit('/', 1)[-1]} "
        f"{top[0].id} score {top[1]:.1f}: {top[0].text[:90]!r}"
    )


if __name__ == "__main__":
    main()
