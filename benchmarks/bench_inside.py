"""False alarms and catches of the inside-the-story checks (claimkit.inside) on a folder of stories.

Run: PYTHONPATH=. python benchmarks/bench_inside.py [PATH ...] [--show N] [--limit N] [--no-alter] [--published DATE]

PATH: story files or folders of .txt files (a ``NAME.meta.json`` beside a story gives its
``published`` date); default: benchmarks/inside_corpus/, wire-style stories written for this
benchmark. For each story it prints every ``contradicted`` on the unaltered text (to be judged by
hand: a real error in the story, or a false alarm), then alters the stories one figure or weekday
at a time and counts the catches:

- for every relation a check recognised (a ``supported`` result: a change and its size, a share,
  a total, a weekday beside a date, an age ...), one altered copy with the checked figure changed
  by a calculator-catchable amount (rounded as written; a weekday moved by one day), and
  one with a figure it was computed from changed (a claim it cites, or the words it read when it cites
  ``story@START-END``, counted apart as "words read"; a year moved back 7 years, a day of the month moved
  one day on, a whole number under 20 raised by 7, other figures x 1.3); caught = the check then says ``contradicted``
  on a claim of the altered sentence;
- the recall of recognition, estimated on the change sentences an independent pattern finds
  ("rose 5% to $10.5bn from $10bn", "from A to B, up X%"): how many of them a check decided.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FACTOR = 1.3
YEAR_SHIFT = 7
SMALL_SHIFT = 7
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
# an independent finder of stated changes, for the recall estimate (not the checks' grammar)
_CHANGE = re.compile(
    r"\b(?:rose|fell|jumped|climbed|dropped|declined|increased|decreased|slumped|grew|surged|plunged|slipped|gained)\s+"
    r"(?:by\s+)?\d[\d.,]*\s*(?:%|per\s?cent|percent|pct|percentage points?|points?)\s+to\s+\S+(?:\s+\S+){0,3}?\s+from\s+\S*\d|"
    r"\bfrom\s+\S*\d[\d.,]*\S*(?:\s+\S+){0,3}?\s+to\s+\S*\d[\d.,]*\S*(?:\s+\S+){0,4}?,\s+(?:up|down)\s+\d[\d.,]*\s*(?:%|per\s?cent|percent|pct)",
    re.I,
)


def stories(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return out


def check(article):
    from claimkit import extract_claims
    from claimkit.inside import check_story

    claims = extract_claims(article).to_dict("records")
    results = check_story(article.text, claims, article.published)
    return claims, results


def altered_number(written: str, day: bool = False) -> str | None:
    """The first numeral of ``written`` changed by a calculator-catchable amount, written the same way
    (decimals, separators): a year moved back YEAR_SHIFT years, a day of the month one day on, a whole
    number under 20 raised by SMALL_SHIFT, anything else multiplied by FACTOR."""
    m = _NUM.search(written)
    if not m:
        return None
    raw = m.group()
    decimals = len(raw.rsplit(".", 1)[1]) if "." in raw else 0
    old = float(raw.replace(",", ""))
    if decimals == 0 and "," not in raw and 1800 <= old <= 2100:
        value = old - YEAR_SHIFT
    elif day and decimals == 0 and 1 <= old <= 27:
        value = old + 1  # a day of the month: one day on (seven would keep the weekday)
    elif decimals == 0 and old < 20:
        value = old + SMALL_SHIFT
    else:
        value = old * FACTOR
    new = f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"
    if new == raw:
        new = f"{float(raw.replace(',', '')) + 1:.{decimals}f}"
    return written[: m.start()] + new + written[m.end() :]


def alter(text: str, claim: dict) -> str | None:
    span = claim["span"]
    start, end = int(claim["start"]), int(claim["end"])
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", span):
            new = re.sub(rf"\b{day}\b", WEEKDAYS[(i + 1) % 7], span, count=1)
            return text[:start] + new + text[end:]
    new = altered_number(span, day=claim.get("kind") == "time")
    return None if new is None else text[:start] + new + text[end:]


def story_words(article, evidence_id: str) -> dict | None:
    """Words of the story a computation read (``story@START-END``: the date inside "Monday, Jan. 10, 2022",
    the age in "Smith, 45,"), as a claim-like dict ``alter`` can change; None for another evidence id or for
    words that are no date or figure."""
    m = re.fullmatch(r"story@(\d+)-(\d+)", evidence_id)
    if not m:
        return None
    from claimkit.extract.times import parse_times

    start, end = int(m.group(1)), int(m.group(2))
    words = article.text[start:end]
    is_time = any(t.start == 0 and t.end == len(words) for t in parse_times(words))
    if not is_time and not _NUM.fullmatch(words):
        return None  # names listed after "three countries" are no figure to alter
    return {"span": words, "start": start, "end": end, "kind": "time" if is_time else "quantity"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(Path(__file__).parent / "inside_corpus")])
    ap.add_argument("--show", type=int, default=40, help="contradicted results to print")
    ap.add_argument("--limit", type=int, default=0, help="stories to read at most")
    ap.add_argument("--no-alter", action="store_true")
    ap.add_argument("--published", help="publication date for stories without one (YYYY-MM-DD)")
    args = ap.parse_args()

    from claimkit import Article, load_article

    files = stories(args.paths)[: args.limit or None]
    t0 = time.perf_counter()
    n_claims = fired = 0
    by_check: dict[str, dict[str, int]] = {}
    alarms, relations = [], []
    change_sentences = change_decided = 0
    for path in files:
        article = load_article(path)
        if article.published is None and args.published:
            from datetime import date

            article.published = date.fromisoformat(args.published)
        claims, results = check(article)
        n_claims += len(claims)
        byid = {c["claim_id"]: c for c in claims}
        decided_starts = set()
        for name, found in results.items():
            counts = by_check.setdefault(name, {"supported": 0, "contradicted": 0})
            for cid, r in found.items():
                counts[r["verdict"]] += 1
                fired += 1
                c = byid[cid]
                decided_starts.add(int(c["start"]))
                if r["verdict"] == "contradicted":
                    alarms.append((path.name, name, c["span"], c["sentence"], r["computation"]))
                else:
                    relations.append((path, article, name, cid, r))
        for m in _CHANGE.finditer(article.text):
            change_sentences += 1
            if any(m.start() - 40 <= s <= m.end() + 40 for s in decided_starts):
                change_decided += 1
    dt = time.perf_counter() - t0
    print(f"{len(files)} stories, {n_claims} claims, {dt:.1f} s ({dt / max(1, len(files)):.3f} s a story)")
    for name, counts in sorted(by_check.items()):
        print(f"  {name:<20} supported {counts['supported']:>4}  contradicted {counts['contradicted']:>4}")
    print(f"contradicted on unaltered text: {len(alarms)} (judge each: a real error or a false alarm)")
    for story, name, span, sentence, computation in alarms[: args.show]:
        print(f"  [{story}] {name}: {span!r}\n      {' '.join(str(sentence).split())[:300]}\n      -> {computation}")
    if change_sentences:
        print(
            f"change sentences found by an independent pattern: {change_sentences}, decided by a check: "
            f"{change_decided} ({100 * change_decided / change_sentences:.0f} %)"
        )
    if args.no_alter:
        return

    from claimkit import extract_claims
    from claimkit.inside import check_story

    tried = caught = 0
    by_kind: dict[str, list[int]] = {}
    misses = []
    for path, article, name, cid, r in relations:
        claims = {c["claim_id"]: c for c in extract_claims(article).to_dict("records")}
        targets = [("checked figure", claims.get(cid))] + [
            ("figure used", claims[e]) if e in claims else ("words read", story_words(article, e))
            for e in r["evidence_ids"][:1]
        ]
        for what, claim in targets:
            if claim is None:
                continue
            new_text = alter(article.text, claim)
            if new_text is None:
                continue
            altered = Article(text=new_text, published=article.published, title=article.title)
            new_claims = extract_claims(altered).to_dict("records")
            found = check_story(new_text, new_claims, article.published)[name]
            lo = int(claim["start"]) - 300
            hi = int(claim["end"]) + 300
            hit = any(
                v["verdict"] == "contradicted" and lo <= int(c["start"]) <= hi
                for c in new_claims
                for k, v in found.items()
                if k == c["claim_id"]
            )
            tried += 1
            caught += hit
            by_kind.setdefault(f"{name} ({what})", [0, 0])
            by_kind[f"{name} ({what})"][0] += 1
            by_kind[f"{name} ({what})"][1] += hit
            if not hit:
                misses.append((path.name, claim["span"], r["computation"]))
    print(f"altered copies: {tried}, caught: {caught} ({100 * caught / max(1, tried):.1f} %)")
    for kind, (n, k) in sorted(by_kind.items()):
        print(f"  {kind:<44} {k:>4} / {n:<4}")
    for story, span, computation in misses[: args.show]:
        print(f"  missed [{story}] altering {span!r} of: {computation}")


if __name__ == "__main__":
    sys.exit(main())
