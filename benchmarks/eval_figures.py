"""Precision, recall and F1 of the figures claimkit extracts, against a hand-checked gold.

    python benchmarks/eval_figures.py [--gold benchmarks/data/figures_gold.json] [-v]

The gold (``benchmarks/data/figures_gold.json``) lists every figure of ten news-style paragraphs with the span,
value and unit it must read as. A claim of kind quantity, money, percent or duration is correct when its span
overlaps the gold figure's and its value (or, for an open bound, its bound) and unit are the gold's. Figures
marked optional (small word counts, ages) are neither required nor counted as errors. Gold figures with a
``subject`` are also scored for the subject: right when it contains the gold subject's words and at most
``SUBJECT_SLACK`` more.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "benchmarks" / "data" / "figures_gold.json"
NUMERIC = ("quantity", "money", "percent", "duration")
SUBJECT_SLACK = 3


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def locate(text: str, span: str) -> tuple[int, int]:
    m = re.search(r"(?<![\w$£€¥₦])" + re.escape(span) + r"(?![\w])", text)
    if not m:
        raise ValueError(f"gold span {span!r} not in its paragraph")
    return m.start(), m.end()


def _words(s) -> list[str]:
    return re.findall(r"[a-z0-9]+", (s or "").lower())


def subject_ok(got, want) -> bool:
    g, w = _words(got), _words(want)
    return bool(g) and all(x in g for x in w) and len(g) <= len(w) + SUBJECT_SLACK


def evaluate(gold: dict, verbose: bool = False) -> dict:
    sys.path.insert(0, str(ROOT))
    from claimkit import extract_claims

    tp = fp = fn = 0
    subj_right = subj_total = 0
    for para in gold["paragraphs"]:
        text = para["text"]
        df = extract_claims(text, published="2024-01-15")
        rows = [r for r in df.to_dict("records") if r["kind"] in NUMERIC]
        figures = [(locate(text, f["text"]), f) for f in para["figures"]]
        used = set()
        for (gs, ge), f in figures:
            hits = [i for i, r in enumerate(rows) if r["start"] < ge and gs < r["end"]]
            used.update(hits)
            if f.get("optional"):
                continue
            good = None
            for i in hits:
                r = rows[i]
                value_ok = _close(r["value"], f["value"]) if f["value"] is not None else _close(r["low"], f.get("low"))
                unit_ok = (r["unit"] or None) == f.get("unit")
                if value_ok and unit_ok:
                    good = r
                    break
            if good is not None:
                tp += 1
            else:
                fn += 1
                if verbose:
                    print(
                        "  missed/wrong:",
                        f["text"],
                        "->",
                        [(rows[i]["span"], rows[i]["value"], rows[i]["unit"]) for i in hits],
                    )
            # a gold figure read by several claims: the extra ones are errors
            fp += max(0, len(hits) - 1) if good is not None else len(hits)
            if "subject" in f:
                subj_total += 1
                ok = good is not None and subject_ok(good["subject"], f["subject"])
                subj_right += ok
                if verbose and not ok:
                    print(
                        "  subject:",
                        f["text"],
                        "->",
                        repr(good["subject"] if good is not None else None),
                        "want",
                        repr(f["subject"]),
                    )
        for i, r in enumerate(rows):
            if i not in used:
                fp += 1
                if verbose:
                    print("  spurious:", r["span"], r["kind"], r["value"], r["unit"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1, "subjects": (subj_right, subj_total)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    res = evaluate(json.loads(args.gold.read_text(encoding="utf-8")), args.verbose)
    print(
        f"figures: tp {res['tp']}, fp {res['fp']}, fn {res['fn']}; precision {res['precision']:.3f}, "
        f"recall {res['recall']:.3f}, F1 {res['f1']:.3f}"
    )
    right, total = res["subjects"]
    if total:
        print(f"subjects: {right}/{total} = {right / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
