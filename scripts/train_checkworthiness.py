"""Learn claimkit's sentence check-worthiness model from the ClaimBuster sentences.

    python scripts/train_checkworthiness.py [--data CSV] [--out TSV] [--cv] [--sample N]

Reads ``claimbuster_sentences.csv`` (columns sentence_id, label, text; by default the first
``shared/data/claimbuster/`` found beside or above the repository), turns each sentence into the
features of :func:`claimkit.checkworthiness.sentence_features`, fits an L2 logistic regression
(scikit-learn, the ``dev`` extra) and writes its weights as a TSV (feature, weight) —
``claimkit/lexicon/checkworthiness_model.tsv`` by default, which claimkit reads at run time.

``--cv`` first prints a cross-validated mean average precision. The file has no debate id, but
``sentence_id`` runs through the debates in order, so the folds are contiguous ranges of ids
(runs of whole debates, bar the edges): no debate lends sentences to both sides of a fold. MAP is
the mean over folds of the average precision of the held-out sentences ranked by score.

Data: ClaimBuster — F. Arslan, N. Hassan, C. Li, M. Tremayne, "A Benchmark Dataset of Check-worthy
Factual Claims", ICWSM 2020; CC BY 4.0. Never train or tune on the CLEF CheckThat! sentences: they judge.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA_NAME = Path("shared/data/claimbuster/claimbuster_sentences.csv")
OUT = ROOT / "claimkit/lexicon/checkworthiness_model.tsv"
MIN_COUNT = 3  # a word or pair seen in fewer sentences than this is left out (too rare to learn)
C = 0.3  # inverse L2 strength, chosen by --cv on the ClaimBuster folds (see docs)
FOLDS = 10
MIN_WEIGHT = 0.005  # weights smaller than this are dropped from the file (they move no rank)

HEADER = """\
# claimkit's learned sentence check-worthiness model (claimkit.checkworthiness.score_sentence).
# A logistic regression: score = sigmoid((bias) + sum of the weights of the features the sentence has).
# Features: w:<word>, b:<word pair> (numbers read <num>), cue:<name> (lexicon/checkworthiness_cues.tsv),
# len:<words>. Written by scripts/train_checkworthiness.py -- do not edit by hand; re-train instead.
# Trained on {n} sentences ({pos} check-worthy) of US presidential debates labelled by people: the ClaimBuster
# dataset, F. Arslan, N. Hassan, C. Li, M. Tremayne, "A Benchmark Dataset of Check-worthy Factual Claims",
# ICWSM 2020, licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
# Settings: L2, C={c}, features seen in >= {min_count} sentences, |weight| >= {min_weight}.
"""


def default_data() -> Path:
    """The first ``shared/data/claimbuster/claimbuster_sentences.csv`` beside the repository or above it."""
    for parent in ROOT.parents:
        if (parent / DATA_NAME).is_file():
            return parent / DATA_NAME
    return ROOT.parent / DATA_NAME


def read(path: Path, sample: int | None = None) -> list[tuple[int, int, str]]:
    """(sentence_id, label, text) rows, in sentence_id order; ``sample`` keeps every k-th row for a quick run."""
    with open(path, newline="", encoding="utf-8") as fh:
        rows = sorted((int(r["sentence_id"]), int(r["label"]), r["text"]) for r in csv.DictReader(fh))
    if sample and sample < len(rows):
        step = len(rows) / sample
        rows = [rows[int(i * step)] for i in range(sample)]
    return rows


def vocabulary(texts: list[str]) -> list[str]:
    from collections import Counter

    from claimkit.checkworthiness import sentence_features

    counts = Counter(f for t in texts for f in sentence_features(t))
    return sorted(f for f, n in counts.items() if n >= MIN_COUNT or f.startswith(("cue:", "len:")))


def matrix(texts: list[str], vocab: list[str]):
    from scipy.sparse import csr_matrix

    from claimkit.checkworthiness import sentence_features

    index = {f: i for i, f in enumerate(vocab)}
    indptr, cols = [0], []
    for t in texts:
        cols.extend(sorted(index[f] for f in sentence_features(t) if f in index))
        indptr.append(len(cols))
    return csr_matrix(([1.0] * len(cols), cols, indptr), shape=(len(texts), len(vocab)))


def fit(texts: list[str], labels: list[int], c: float = C) -> tuple[float, dict[str, float]]:
    """(bias, {feature: weight}) of a logistic regression on the sentences."""
    from sklearn.linear_model import LogisticRegression

    vocab = vocabulary(texts)
    clf = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    clf.fit(matrix(texts, vocab), labels)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, clf.coef_[0]) if abs(w) >= MIN_WEIGHT}
    return round(float(clf.intercept_[0]), 4), weights


def write(path: Path, bias: float, weights: dict[str, float], n: int, pos: int, c: float = C) -> None:
    from claimkit.files import atomic_write_text

    lines = [
        HEADER.format(n=n, pos=pos, c=c, min_count=MIN_COUNT, min_weight=MIN_WEIGHT),
        "feature\tweight\n",
        f"(bias)\t{bias:.4f}\n",
    ]
    lines += [f"{f}\t{w:.4f}\n" for f, w in sorted(weights.items(), key=lambda fw: (-fw[1], fw[0]))]
    atomic_write_text(path, "".join(lines))


def folds(rows, k: int = FOLDS) -> list[list[int]]:
    """Indices of ``k`` contiguous runs of sentence ids (rows are in id order): runs of whole debates."""
    n = len(rows)
    return [list(range(i * n // k, (i + 1) * n // k)) for i in range(k)]


def average_precision(labels: list[int], scores: list[float]) -> float:
    """Average precision of the ranking by score (ties broken by order, as a stable sort leaves them)."""
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(ranked, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def fold_models(rows, c: float = C) -> list[tuple[list[int], float, dict[str, float]]]:
    """For each fold: (its held-out indices, bias, weights of a model trained on the other folds)."""
    out = []
    for held in folds(rows):
        held_set = set(held)
        train = [r for i, r in enumerate(rows) if i not in held_set]
        out.append((held, *fit([r[2] for r in train], [r[1] for r in train], c)))
    return out


def cross_validate(rows, models) -> list[float]:
    """Per-fold average precision of ``score_sentence`` with each fold's held-out model."""
    from claimkit.checkworthiness import _sigmoid, sentence_features

    out = []
    for held, bias, weights in models:
        scores = [_sigmoid(bias + sum(weights.get(f, 0.0) for f in sentence_features(rows[i][2]))) for i in held]
        out.append(average_precision([rows[i][1] for i in held], scores))
    return out


def claims_of(texts: list[str]) -> list[list[tuple]]:
    """For each sentence, its claims as (Finding, sentence) pairs, read back from ``extract_claims``."""
    import json

    from claimkit.checkworthiness import prior
    from claimkit.claims import extract_claims
    from claimkit.extract import Finding

    def val(x):
        return None if x is None or x != x else x

    out = []
    for t in texts:
        table = extract_claims(t)
        out.append(
            [
                (
                    Finding(
                        r.kind,
                        int(r.start),
                        int(r.end),
                        value=val(r.value),
                        low=val(r.low),
                        high=val(r.high),
                        unit=r.unit,
                        subject=r.subject,
                        speaker=r.speaker,
                        date=r.date,
                        weight=prior(r.kind),
                        extra=json.loads(r.details) if r.details else {},
                    ),
                    r.sentence,
                )
                for r in table.itertuples()
            ]
        )
    return out


def claim_ranking(findings: list[tuple], bias: float, weights: dict[str, float], text: str) -> float:
    """A sentence's score as the claims table ranks it: its best claim's check-worthiness under these weights
    (a sentence without claims: the sentence term and the offset alone)."""
    import claimkit.checkworthiness as cw

    saved = cw.model
    cw.model = lambda: (bias, weights)
    cw.sentence_logit.cache_clear()  # its cache holds the log-odds of the packaged weights
    try:
        if findings:  # as the claims table scores them: claims held by a larger one step back
            inside = cw.nested([f for f, _ in findings], lambda f: 0)
            return max(cw.score(f, s, nested=i in inside) for i, (f, s) in enumerate(findings))
        w = cw._claim_weights()
        return cw._sigmoid(w["sentence_share"][0] * cw.sentence_logit(text) + w["offset"][0])
    finally:
        cw.model = saved
        cw.sentence_logit.cache_clear()


def cross_validate_claims(rows, models) -> list[float]:
    """Per-fold average precision of the claims table's ranking (best claim per sentence), held-out models."""
    found = claims_of([r[2] for r in rows])
    return [
        average_precision(
            [rows[i][1] for i in held], [claim_ranking(found[i], bias, weights, rows[i][2]) for i in held]
        )
        for held, bias, weights in models
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data",
        type=Path,
        default=None,
        help="claimbuster_sentences.csv (default: %(default)s → shared/data/claimbuster/)",
    )
    ap.add_argument("--out", type=Path, default=OUT, help="the weights file to write (default: the packaged one)")
    ap.add_argument("--cv", action="store_true", help=f"print the {FOLDS}-fold grouped cross-validated MAP first")
    ap.add_argument(
        "--cv-claims",
        action="store_true",
        help="with --cv: also the claims table's ranking (best claim per sentence; extracts claims, ~2 min)",
    )
    ap.add_argument("--c", type=float, default=C, help="inverse L2 strength (default %(default)s)")
    ap.add_argument(
        "--sample", type=int, default=None, help="train on an evenly spaced sample of N sentences (quick runs)"
    )
    args = ap.parse_args(argv)
    data = args.data or default_data()
    if not data.is_file():
        print(f"{data}: no such file (pass --data PATH to claimbuster_sentences.csv)", file=sys.stderr)
        return 2
    rows = read(data, args.sample)
    if args.cv:
        models = fold_models(rows, args.c)
        aps = cross_validate(rows, models)
        print(
            f"grouped {FOLDS}-fold CV (contiguous sentence-id runs), C={args.c}: MAP {sum(aps) / len(aps):.4f}  "
            f"(folds: {' '.join(f'{a:.3f}' for a in aps)})",
            flush=True,
        )
        if args.cv_claims:
            aps = cross_validate_claims(rows, models)
            print(
                f"  the claims table's ranking (best claim per sentence, same folds): MAP {sum(aps) / len(aps):.4f}  "
                f"(folds: {' '.join(f'{a:.3f}' for a in aps)})"
            )
    bias, weights = fit([r[2] for r in rows], [r[1] for r in rows], args.c)
    write(args.out, bias, weights, len(rows), sum(r[1] for r in rows), args.c)
    print(f"wrote {args.out}: bias {bias:+.4f}, {len(weights)} weights, from {len(rows)} sentences of {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
