"""Write the golden corpus of the quantity reader: every field of every ``parse_quantities`` result and every
claim the ``quantities`` extractor makes, on a fixed set of inputs, so a change meant to keep results (a speed-up)
can be checked to keep them exactly (``tests/test_quantities_golden.py``).

    python scripts/golden_quantities.py            # rewrite tests/golden/quantities.json.xz
    python scripts/golden_quantities.py --check    # compare the current code with the stored file, print differences

The inputs are stored in the file with the results, so the test does not depend on the files they came from:
- every input of the peer specs (tests/peer_specs/**.json, the ``Input`` of each case);
- the shipped articles (data/articles/**.txt): the whole text, as the extractor reads it, and each sentence;
- the benchmark's sentences (benchmarks/bench_quantities.py: the seed article's sentences and the peer inputs);
- the paragraphs of the figures gold sets (benchmarks/data/figures_gold*.json);
- every line of README.md and docs/*.md (examples of figures as the docs write them);
- 20,000 sentences generated from the lexicon's tables with a seeded random generator: number words, ordinals,
  scales, units, currencies, qualifiers, counted nouns, context words and digits written in many ways, joined by
  spaces, hyphens, commas and other separators, in varied case.

Rewrite the file only when a change is meant to change results (and say so in the commit).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import lzma
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GOLDEN = ROOT / "tests" / "golden" / "quantities.json.xz"
SEED = 20261201
GENERATED = 20_000


# ------------------------------------------------------------------------------------------------ inputs

def _peer_inputs() -> list[str]:
    out = []
    for path in sorted((ROOT / "tests" / "peer_specs").rglob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            if isinstance(case, dict) and isinstance(case.get("Input"), str):
                out.append(case["Input"])
    return out


def _article_inputs() -> tuple[list[str], list[str]]:
    """(whole article texts, their sentences)."""
    import claimkit

    whole, sentences = [], []
    for path in sorted((ROOT / "data" / "articles").rglob("*.txt")):
        article = claimkit.load_article(path)
        whole.append(article.text)
        sentences += [article.text[s:e] for s, e in article.sentences]
    return whole, sentences


def _bench_inputs() -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_quantities

    out, seen = [], set()
    for s in bench_quantities.corpus(1):  # one pass over the base sentences
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def _gold_inputs() -> list[str]:
    out = []
    for path in sorted((ROOT / "benchmarks" / "data").glob("figures_gold*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for p in data.get("paragraphs", []):
            out.append(p["text"])
    return out


def _doc_lines() -> list[str]:
    out = []
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        out += [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _column(name: str, col: str) -> list[str]:
    from claimkit.lexicon import table

    return sorted({r[col] for r in table(name) if r.get(col)})


def _generated(n: int = GENERATED, seed: int = SEED) -> list[str]:
    """``n`` sentences drawn from the lexicon's words, numerals and separators (seeded, so reproducible)."""
    rng = random.Random(seed)
    numbers = _column("numbers.tsv", "word")
    ordinals = _column("ordinals.tsv", "word")
    scales = _column("scales.tsv", "token")
    units = _column("units.tsv", "token")
    currencies = _column("currencies.tsv", "token")
    qualifiers = _column("qualifiers.tsv", "phrase")
    nouns = _column("lemmas.tsv", "plural") + _column("lemmas.tsv", "lemma")
    context = _column("quantity_context.tsv", "word")
    subject = _column("subject_words.tsv", "word")
    rates = _column("rates.tsv", "per")
    from claimkit.lexicon import words

    stop = list(words("stopwords.txt"))
    common = ["people", "troops", "countries", "dollars", "years", "the", "of", "a", "an", "and", "to", "in",
              "said", "rose", "fell", "from", "between", "per", "cent", "percent", "half", "quarter", "won",
              "pounds", "feet", "inches", "miles", "hour", "tall", "high", "Mr", "Jones", "Street", "Apollo",
              "January", "May", "2019", "1990s", "zero-hours", "contracts", "note", "baby", "cocaine"]

    def digits() -> str:
        r = rng.random()
        if r < 0.25:
            return str(rng.randint(0, 20))
        if r < 0.45:
            return str(rng.randint(0, 10 ** rng.randint(2, 7)))
        if r < 0.55:
            return f"{rng.randint(1, 999):,}" if rng.random() < 0.5 else f"{rng.randint(1000, 9_999_999):,}"
        if r < 0.68:
            return f"{rng.randint(0, 999)}.{rng.randint(0, 99)}"
        if r < 0.75:
            return str(rng.randint(1800, 2100))
        if r < 0.80:
            return f"{rng.randint(1, 9)}/{rng.randint(2, 31)}"
        if r < 0.84:
            return f"{rng.randint(1, 999)},{rng.randint(0, 999):03d}.{rng.randint(0, 99)}"
        if r < 0.88:
            return f".{rng.randint(1, 99)}"
        if r < 0.92:
            return f"{rng.randint(1, 9)}'{rng.randint(0, 11)}\""
        if r < 0.96:
            return f"{rng.randint(1, 99)}{rng.choice(['st', 'nd', 'rd', 'th', 'k', 'm', 'bn', 'G', 's'])}"
        return f"{rng.randint(1, 999)}.{rng.randint(0, 999)}.{rng.randint(0, 999)}"

    pools = [
        (numbers, 14), (ordinals, 4), (scales, 6), (units, 8), (currencies, 8), (qualifiers, 6), (nouns, 6),
        (context, 6), (subject, 4), (rates, 2), (stop, 6), (common, 8),
    ]
    weights = [w for _, w in pools]
    seps = [" "] * 14 + ["-", ", ", "", " - ", "\u00a0", " to ", " and ", " or ", "/", "\n", ". ", "  ", "\u2013"]

    def token() -> str:
        r = rng.random()
        if r < 0.3:
            return digits()
        pool = rng.choices(pools, weights)[0][0]
        w = rng.choice(pool)
        c = rng.random()
        if c < 0.12:
            w = w.capitalize()
        elif c < 0.16:
            w = w.upper()
        return w

    out = []
    for _ in range(n):
        k = rng.randint(2, 12)
        parts = [token()]
        for _ in range(k - 1):
            parts.append(rng.choice(seps))
            parts.append(token())
        s = "".join(parts)
        if rng.random() < 0.5:
            s += rng.choice([".", ".", ",", "?", ")", " said.", " a year.", " an hour"])
        out.append(s)
    return out


def inputs() -> dict[str, list[str]]:
    whole, sentences = _article_inputs()
    return {
        "peer_specs": _peer_inputs(),
        "articles": whole,
        "article_sentences": sentences,
        "benchmark": _bench_inputs(),
        "figures_gold": _gold_inputs(),
        "docs": _doc_lines(),
        "generated": _generated(),
    }


# ------------------------------------------------------------------------------------------------ results

def _plain(x):
    """A JSON-stable form (tuples as lists), so a fresh result compares equal to the stored one."""
    return json.loads(json.dumps(x, ensure_ascii=False))


def results(text: str) -> dict:
    """Every field of every ``parse_quantities`` result, and every claim of the ``quantities`` extractor on
    ``text`` read as a document (its sentences split as an article's are)."""
    from claimkit.extract import Document
    from claimkit.extract.quantities import parse_quantities, quantities
    from claimkit.sentences import split_sentences

    qs = [[getattr(q, f.name) for f in dataclasses.fields(q)] for q in parse_quantities(text)]
    doc = Document(text=text, sentences=split_sentences(text))
    claims = [dataclasses.asdict(f) for f in quantities(doc)]
    return _plain({"q": qs, "c": claims})


def build() -> dict:
    from claimkit.extract.quantities import Quantity

    sets = inputs()
    return {
        "about": "golden corpus of claimkit.parse_quantities and the quantities extractor (scripts/golden_quantities.py)",
        "quantity_fields": [f.name for f in dataclasses.fields(Quantity)],
        "sets": {name: [[t, results(t)] for t in texts] for name, texts in sets.items()},
    }


def load(path: Path = GOLDEN) -> dict:
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def differences(golden: dict, limit: int = 20) -> list[str]:
    """Where the current code's results differ from ``golden`` (at most ``limit`` lines)."""
    out = []
    for name, cases in golden["sets"].items():
        for i, (text, expected) in enumerate(cases):
            got = results(text)
            if got != expected:
                out.append(f"{name}[{i}] {text[:120]!r}\n  expected {json.dumps(expected)[:600]}\n"
                           f"  got      {json.dumps(got)[:600]}")
                if len(out) >= limit:
                    return out
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare the current code with the stored file")
    args = ap.parse_args(argv)
    if args.check:
        diffs = differences(load())
        print("\n".join(diffs) if diffs else "identical")
        return 1 if diffs else 0
    data = build()
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    from claimkit.files import atomic_write_bytes

    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    atomic_write_bytes(GOLDEN, lzma.compress(raw, preset=9))
    n_inputs = sum(len(v) for v in data["sets"].values())
    n_q = sum(len(r["q"]) for v in data["sets"].values() for _, r in v)
    n_c = sum(len(r["c"]) for v in data["sets"].values() for _, r in v)
    print(f"{GOLDEN.relative_to(ROOT)}: {n_inputs} inputs, {n_q} quantities, {n_c} claims, "
          f"{GOLDEN.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
