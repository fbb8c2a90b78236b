"""Audit verify() on real wire stories: false alarms on the stories as published, catches on altered copies.

For N stories of a real news corpus (default 300) this runs ``load_article`` (with the story's
publication date), ``extract_claims`` and ``verify`` with the shipped reference data, then:

- ``plain``: the verdicts with no sources: every ``contradicted`` and ``misleading`` is printed with
  its sentence, span, expected and note, for a human to judge (a published story is right nearly
  everywhere, so most of them are false alarms);
- ``self``: the story checked against ITSELF as its only source (when ``verify`` takes ``sources=``):
  every figure, date and quote stands verbatim in the source, so anything but ``supported`` or
  ``unverified`` is a false alarm;
- altered copies: one change per type and story, made on the text at spans the claims table or
  the text gives, and the altered story checked with no sources (the inside-the-story checks can
  catch a weekday beside its date, a total of listed parts, a stated change) and against the
  original story as its source (everything should be caught there). An alteration is caught when
  a claim overlapping the changed characters is ``contradicted``.

  ``figure``       one figure of a quantity/money/percent claim x1.5 (source check only)
  ``weekday_date`` a weekday written beside a date moved two days ("Monday, March 2" -> "Wednesday, March 2")
  ``weekday``      a weekday with no date beside it moved two days (source check only)
  ``total``        a figure that equals the sum of 2+ figures listed next to it in its sentence, x0.6 (below its parts)
  ``change``       a percentage change that follows from two figures of its sentence, x2 + 5

The corpus is not shipped with claimkit (its licence allows research use only). Get it with:

  Reuters-21578 (Distribution 1.0; 21,578 Reuters newswire stories of 1987, each with its date;
  "Reuters Ltd. and Carnegie Group, Inc. have agreed to allow the free distribution of this data
  for research purposes only"; copyright of the texts stays with Reuters Ltd.): the UCI KDD archive
  "reuters21578.tar.gz", or a public GitHub copy such as loki86/ksr_zadanie1V2 (files reut2-000.sgm
  … reut2-021.sgm; there take reut2-003-full.sgm for 003, the other 003 file is cut short):

      mkdir -p /tmp/audit-corpus && cd /tmp/audit-corpus
      tar xzf reuters21578.tar.gz 'reut2-*.sgm'

  The BBC News dataset (Greene & Cunningham 2006, 2,225 stories of 2004-2005, one .txt per story in
  business/ entertainment/ politics/ sport/ tech/; "for non-commercial and research purposes only";
  copyright of the texts stays with the BBC) is read too (``--format bbc``); its stories carry no
  date, so ``--published`` is used when given (none otherwise).

  A JSON Lines file with ``text`` and optional ``published``, ``title``, ``id`` per line works as well.

Run (nice, on a sample first):

  nice -n 10 python benchmarks/audit_real_stories.py /tmp/audit-corpus -n 50 --csv /tmp/audit.csv > /tmp/audit.txt

The per-claim results go to ``--csv`` (one row per claim and run; not for committing).
"""

from __future__ import annotations

import argparse
import csv
import html
import inspect
import json
import random
import re
import sys
import time
import traceback
from collections import Counter, defaultdict
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_WD = r"\b(" + "|".join(WEEKDAYS) + r")\b"
WEEKDAY_DATE = re.compile(
    _WD + r"(?:,\s*|\s+\(?|\s+the\s+)(?:" + _MONTH + r"\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + ")"
)
WEEKDAY = re.compile(_WD)
NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|,\d{3}|\.\d)")
SCALES = {"thousand": 1e3, "mln": 1e6, "million": 1e6, "billion": 1e9, "bln": 1e9, "trillion": 1e12}
AFTER = re.compile(r"\s*(pct|percent|per cent|%|thousand|mln|million|billion|bln|trillion)?", re.I)
MONTH_BEFORE = re.compile(_MONTH + r"\s*$")
CHANGE_WORDS = re.compile(
    r"\b(rise|rose|risen|rising|fell|fall|fallen|falling|up|down|increas\w*|decreas\w*|gain\w*|drop\w*|"
    r"declin\w*|climb\w*|jump\w*|surg\w*|plung\w*|higher|lower|grew|grow\w*|slipp\w*|slid|cut|rais\w*)\b",
    re.I,
)
TOTAL_CUES = re.compile(
    r"\b(total\w*|of which|including|includ\w*|comprising|consist\w*|made up|split|divided|"
    r"breakdown|namely|sum)\b|:",
    re.I,
)
DECIDED = ("supported", "contradicted", "misleading", "unsupported")


# ---------------------------------------------------------------- corpora


def read_reuters(path: Path):
    """(id, date, title, text) for each Reuters-21578 story that has a body."""
    files = sorted(path.glob("reut2-*.sgm")) if path.is_dir() else [path]
    for f in files:
        raw = f.read_text(encoding="latin-1")
        for m in re.finditer(r"<REUTERS([^>]*)>(.*?)</REUTERS>", raw, re.S):
            head, doc = m.group(1), m.group(2)
            body = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
            if not body:
                continue
            newid = re.search(r'NEWID="(\d+)"', head).group(1)
            d = re.search(r"<DATE>\s*(\d+-\w+-\d{4})", doc)
            published = datetime.strptime(d.group(1), "%d-%b-%Y").date() if d else None
            title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
            dateline = re.search(r"<DATELINE>(.*?)</DATELINE>", doc, re.S)
            text = body.group(1)
            text = re.sub(r"\s*\bReuter\b\s*(&#3;)?\s*$", "", text, flags=re.I)
            text = html.unescape(re.sub(r"&#\d+;", "", text))
            # a new paragraph starts on an indented line; wrapped lines are joined
            paras = [" ".join(p.split()) for p in re.split(r"\n(?=\s{2,}\S)", text)]
            text = "\n\n".join(p for p in paras if p)
            if dateline:
                text = " ".join(html.unescape(dateline.group(1)).split()) + " " + text
            yield (f"reuters-{newid}", published, html.unescape(title.group(1)).strip() if title else None, text)


def read_bbc(path: Path, published: date | None):
    for f in sorted(path.rglob("*.txt")):
        if f.name.upper() == "README.TXT":
            continue
        lines = f.read_text(encoding="latin-1").strip().split("\n")
        yield (f"bbc-{f.parent.name}-{f.stem}", published, lines[0].strip(), "\n".join(lines[1:]).strip())


def read_jsonl(path: Path, published: date | None):
    with path.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if not line.strip():
                continue
            r = json.loads(line)
            p = r.get("published")
            yield (str(r.get("id", i)), date.fromisoformat(str(p)[:10]) if p else published, r.get("title"), r["text"])


def read_corpus(path: Path, fmt: str, published: date | None):
    if fmt == "auto":
        if path.suffix == ".jsonl":
            fmt = "jsonl"
        elif path.suffix == ".sgm" or (path.is_dir() and any(path.glob("reut2-*.sgm"))):
            fmt = "reuters"
        else:
            fmt = "bbc"
    if fmt == "reuters":
        return list(read_reuters(path))
    if fmt == "jsonl":
        return list(read_jsonl(path, published))
    return list(read_bbc(path, published))


# ---------------------------------------------------------------- figures in text


def _fmt_like(token: str, value: float) -> str:
    decimals = len(token.split(".")[1]) if "." in token else 0
    s = f"{value:,.{decimals}f}" if "," in token else f"{value:.{decimals}f}"
    return s


def _half_unit(token: str) -> float:
    decimals = len(token.split(".")[1]) if "." in token else 0
    return 0.5 * 10**-decimals


def numbers_in(text: str, start: int, end: int):
    """Figures in text[start:end]: dicts with start, end, token, value, percent, scale; years and days of months left out."""
    out = []
    for m in NUMBER.finditer(text, start, end):
        tok = m.group(1)
        v = float(tok.replace(",", ""))
        if re.fullmatch(r"(19|20)\d\d", tok) or MONTH_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            continue
        a = AFTER.match(text, m.end())
        word = (a.group(1) or "").lower()
        out.append(
            {
                "start": m.start(),
                "end": m.end(),
                "token": tok,
                "value": v,
                "percent": word in ("pct", "percent", "per cent", "%"),
                "scale": SCALES.get(word),
            }
        )
    return out


def _joined(text: str, a: dict, b: dict) -> bool:
    """Two figures that are one mention (a range "200,000 to 300,000", "between 20 and 290") or table cells."""
    gap = text[a["end"] : b["start"]]
    return (
        not re.search(r"[A-Za-z,;:(]", gap)
        or re.fullmatch(r"\s*(to|-|and)\s*", gap, re.I) is not None
        or re.search(r"between\s*$", text[max(0, a["start"] - 12) : a["start"]], re.I) is not None
    )


def find_total(text: str, s0: int, s1: int):
    """A figure of the sentence equal to the sum of 2+ figures listed right before or after it."""
    nums = numbers_in(text, s0, s1)
    for i, t in enumerate(nums):
        for k in range(2, 9):
            for run in (nums[i + 1 : i + 1 + k], nums[max(0, i - k) : i] if i - k >= 0 else []):
                if len(run) != k:
                    continue
                seq = sorted(run + [t], key=lambda n: n["start"])
                if any(_joined(text, x, y) for x, y in pairwise(seq)):
                    continue
                if any(p["percent"] != t["percent"] or p["scale"] != t["scale"] for p in run):
                    continue
                parts = [p["value"] for p in run]
                if min(parts) <= 0 or t["value"] <= max(parts):
                    continue
                tol = _half_unit(t["token"]) + sum(_half_unit(p["token"]) for p in run) + 1e-9
                if abs(sum(parts) - t["value"]) <= tol:
                    return t, run
    return None


def find_change(text: str, s0: int, s1: int):
    """A percentage in a sentence with a change word that follows from two other figures of the sentence."""
    if not CHANGE_WORDS.search(text, s0, s1):
        return None
    nums = numbers_in(text, s0, s1)
    pcts = [n for n in nums if n["percent"] and n["value"] > 0]
    figs = [n for n in nums if not n["percent"]]
    for p in pcts:
        for a in figs:
            for b in figs:
                if a is b:
                    continue
                sa, sb = a["scale"] or b["scale"] or 1, b["scale"] or a["scale"] or 1
                va, vb = a["value"] * sa, b["value"] * sb
                if va <= 0 or vb <= 0 or vb / va > 100 or va / vb > 100:
                    continue
                c = abs(100 * (vb - va) / va)
                ha, hb = _half_unit(a["token"]) * sa, _half_unit(b["token"]) * sb
                tol = _half_unit(p["token"]) + 100 * (vb / va) * (ha / va + hb / vb) + 1e-9
                if c > 0.05 and abs(c - p["value"]) <= tol:
                    return p, a, b
    return None


# ---------------------------------------------------------------- alterations


def alterations(article, claims, rng: random.Random):
    """[(type, start, end, new_text, cue)] — at most one per type, on article.text."""
    text = article.text
    out = []
    figs = []
    for c in claims.to_dict("records"):
        if c.get("kind") in ("quantity", "money", "percent") and isinstance(c.get("start"), (int, float)):
            for n in numbers_in(text, int(c["start"]), int(c["end"])):
                figs.append(n)
                break
    if figs:
        n = rng.choice(figs)
        v = n["value"] * 1.5 if n["value"] >= 2 else n["value"] + 2
        out.append(("figure", n["start"], n["end"], _fmt_like(n["token"], v), ""))
    wd_dates = list(WEEKDAY_DATE.finditer(text))
    if wd_dates:
        m = rng.choice(wd_dates)
        new = WEEKDAYS[(WEEKDAYS.index(m.group(1)) + 2) % 7]
        out.append(("weekday_date", m.start(1), m.end(1), new, ""))
    taken = {m.start(1) for m in wd_dates}
    wds = [m for m in WEEKDAY.finditer(text) if m.start(1) not in taken]
    if wds:
        m = rng.choice(wds)
        out.append(("weekday", m.start(1), m.end(1), WEEKDAYS[(WEEKDAYS.index(m.group(1)) + 2) % 7], ""))
    totals, changes = [], []
    for s0, s1 in article.sentences:
        t = find_total(text, s0, s1)
        if t:
            totals.append((t, bool(TOTAL_CUES.search(text, s0, s1))))
        ch = find_change(text, s0, s1)
        if ch:
            changes.append(ch)
    if totals:
        (t, _parts), cue = rng.choice(totals)
        # made smaller than its parts' sum, so it is wrong however the list is read ("including" lists only some parts)
        out.append(("total", t["start"], t["end"], _fmt_like(t["token"], t["value"] * 0.6), "cue" if cue else "no-cue"))
    if changes:
        p, _a, _b = rng.choice(changes)
        out.append(("change", p["start"], p["end"], _fmt_like(p["token"], p["value"] * 2 + 5), ""))
    return out


def _rough_sentences(text: str):
    s0 = 0
    for m in re.finditer(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])|\n\n", text):
        yield s0, m.start() + 1
        s0 = m.end()
    yield s0, len(text)


def catchable_stories(stories, taken: set, k: int, rng: random.Random):
    """Up to k stories not in ``taken`` that hold a weekday-date, a total of parts or a stated change (found roughly)."""
    wd, other = [], []
    for s in stories:
        if s[0] in taken:
            continue
        text = s[3]
        if WEEKDAY_DATE.search(text):
            wd.append(s)
        elif any(find_total(text, a, b) or find_change(text, a, b) for a, b in _rough_sentences(text)):
            other.append(s)
    rng.shuffle(wd)
    rng.shuffle(other)
    return (wd + other)[:k]


# ---------------------------------------------------------------- running


def deciding_check(row: dict) -> str:
    for col, prefix in (("check", ""), ("table", "table:")):
        v = row.get(col)
        if isinstance(v, str) and v:
            return prefix + v
    return "-"


def rows_of(verdicts, claims, **extra):
    cl = {c["claim_id"]: c for c in claims.to_dict("records")}
    out = []
    for r in verdicts.to_dict("records"):
        c = cl.get(r["claim_id"], {})
        out.append(
            {
                **extra,
                "claim_id": r["claim_id"],
                "kind": c.get("kind"),
                "start": c.get("start"),
                "end": c.get("end"),
                "span": c.get("span"),
                "verdict": r["verdict"],
                "check": deciding_check(r),
                "expected": r.get("expected"),
                "note": r.get("note"),
                "computation": r.get("computation"),
                "evidence_ids": [
                    str(x) for x in (r.get("evidence_ids") if isinstance(r.get("evidence_ids"), (list, tuple)) else [])
                ],
                "sentence": c.get("sentence"),
            }
        )
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path, help="Reuters-21578 folder or .sgm, BBC folder, or JSON Lines file")
    ap.add_argument("-n", type=int, default=300, help="stories (default 300)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--min-chars", type=int, default=400, help="skip shorter stories (default 400)")
    ap.add_argument("--format", default="auto", choices=("auto", "reuters", "bbc", "jsonl"))
    ap.add_argument("--published", type=date.fromisoformat, help="date for stories without one")
    ap.add_argument("--csv", type=Path, default=Path("/tmp/audit_real_stories.csv"))
    ap.add_argument("--no-alter", action="store_true", help="skip the altered copies")
    ap.add_argument("--ids", nargs="+", help="only these stories (e.g. reuters-15200), to look again at a finding")
    ap.add_argument(
        "--catchable",
        type=int,
        default=200,
        help="add up to this many other stories that hold a weekday beside a date, a total of listed parts "
        "or a stated change (all weekday-date ones first), so the calculator checks meet enough of them "
        "(default 200)",
    )
    args = ap.parse_args(argv)

    import claimkit

    has_sources = "sources" in inspect.signature(claimkit.verify).parameters
    stories = [s for s in read_corpus(args.corpus, args.format, args.published) if len(s[3]) >= args.min_chars]
    rng = random.Random(args.seed)
    if args.ids:
        stories = [s for s in stories if s[0] in set(args.ids)]
        args.catchable = 0
    sample = rng.sample(stories, min(args.n, len(stories)))
    extra = catchable_stories(stories, {s[0] for s in sample}, args.catchable, rng) if args.catchable else []
    sample = sorted(sample, key=lambda s: s[0]) + sorted(extra, key=lambda s: s[0])
    print(
        f"corpus {args.corpus}: {len(stories)} stories of >= {args.min_chars} chars; {args.n} sampled (seed {args.seed})"
        f" + {len(extra)} holding a weekday-date, a total of parts or a stated change"
    )
    print(
        f"claimkit {Path(claimkit.__file__).parent}; verify(sources=) {'yes' if has_sources else 'no (self and source checks skipped)'}"
    )

    all_rows = []
    counts = {"plain": Counter(), "self": Counter()}
    flagged = {"plain": [], "self": []}
    alt_stats = defaultdict(Counter)
    alt_examples = defaultdict(list)
    alt_elsewhere = []
    errors = []
    n_claims = 0
    t0 = time.perf_counter()
    n_random = len(sample) - len(extra)
    for i, (sid, published, title, text) in enumerate(sample):
        pool = "random" if i < n_random else "catchable"
        try:
            art = claimkit.load_article(text, published=published, title=title)
            claims = claimkit.extract_claims(art)
            n_claims += len(claims)
            runs = [("plain", claimkit.verify(claims))]
            if has_sources:
                runs.append(("self", claimkit.verify(claims, sources=[art])))
            base_contra = {}
            for name, v in runs:
                rows = rows_of(v, claims, story=sid, pool=pool, published=published, run=name, altered="")
                all_rows += rows
                for r in rows:
                    counts[name][(r["check"], r["verdict"])] += 1
                    if r["verdict"] in ("contradicted", "misleading"):
                        flagged[name].append(r)
                base_contra[name] = sum(r["verdict"] == "contradicted" for r in rows)
            if args.no_alter:
                continue
            for kind, s, e, new, cue in alterations(art, claims, random.Random(f"{args.seed}-{sid}")):
                old = art.text[s:e]
                alt_text = art.text[:s] + new + art.text[e:]
                art2 = claimkit.load_article(alt_text, published=published, title=title)
                s2 = s if art2.text[s : s + len(new)] == new else art2.text.find(new, max(0, s - 50))
                e2 = s2 + len(new)
                claims2 = claimkit.extract_claims(art2)
                label = f"{kind}({cue})" if cue else kind
                alt_runs = [("plain", claimkit.verify(claims2))]
                if has_sources:
                    alt_runs.append(("source", claimkit.verify(claims2, sources=[art])))
                for name, v in alt_runs:
                    rows = rows_of(
                        v,
                        claims2,
                        story=sid,
                        pool=pool,
                        published=published,
                        run=f"alt-{kind}-{name}",
                        altered=f"{old} -> {new}",
                    )
                    hit = [r for r in rows if r["start"] is not None and r["start"] < e2 and r["end"] > s2]
                    for r in rows:
                        r["on_alteration"] = r in hit
                    all_rows += rows
                    verdicts_hit = {r["verdict"] for r in hit}
                    hit_ids = {r["claim_id"] for r in hit}
                    # a computation that cites a changed claim and contradicts another ("from 61,169 to 79,249 is
                    # +29.6 %, the story says 48 %") flags the changed figure too
                    via = [
                        r
                        for r in rows
                        if r["verdict"] == "contradicted" and r not in hit and hit_ids & set(r["evidence_ids"])
                    ]
                    st = alt_stats[(label, name)]
                    st["n"] += 1
                    st["claim_on_span"] += bool(hit)
                    if "contradicted" in verdicts_hit or via:
                        st["caught"] += 1
                        st["via computation"] += "contradicted" not in verdicts_hit
                        alt_examples[(label, name, "caught")].append((sid, old, new, hit))
                    elif "misleading" in verdicts_hit:
                        st["misleading"] += 1
                    elif "supported" in verdicts_hit:
                        st["supported(!)"] += 1
                        alt_examples[(label, name, "supported")].append((sid, old, new, hit))
                    else:
                        alt_examples[(label, name, "missed")].append((sid, old, new, hit))
                    others = [r for r in rows if r["verdict"] == "contradicted" and r not in hit and r not in via]
                    base = base_contra.get("self" if name == "source" else "plain", 0)
                    if len(others) > base:
                        alt_elsewhere.append((sid, label, name, old, new, others))
        except Exception as exc:  # an error on a real story is a finding too
            errors.append((sid, f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=3)))
        if (i + 1) % 10 == 0:
            print(f"  … {i + 1} stories, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - t0

    args.csv.parent.mkdir(parents=True, exist_ok=True)
    cols = [
        "story",
        "pool",
        "published",
        "run",
        "altered",
        "on_alteration",
        "claim_id",
        "kind",
        "start",
        "end",
        "span",
        "verdict",
        "check",
        "expected",
        "note",
        "computation",
        "sentence",
    ]
    with args.csv.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(all_rows)

    print(f"\n{len(sample)} stories, {n_claims} claims, {elapsed:.0f} s; per-claim rows: {args.csv}")
    for name in ("plain", "self"):
        if not counts[name]:
            continue
        print(
            f"\n== verdicts per deciding check: {name} ({'no sources' if name == 'plain' else 'the story as its own source'})"
        )
        by_check = defaultdict(Counter)
        for (chk, verdict), k in counts[name].items():
            by_check[chk][verdict] += k
        for chk in sorted(by_check):
            print(
                f"  {chk:40s} "
                + "  ".join(
                    f"{v} {by_check[chk][v]}"
                    for v in ("supported", "contradicted", "misleading", "unsupported", "unverified")
                    if by_check[chk][v]
                )
            )
    for name in ("plain", "self"):
        print(f"\n== contradicted / misleading: {name} ({len(flagged[name])})")
        for r in flagged[name]:
            print(
                f"- [{r['story']} {r['published']} {r['pool']}] {r['verdict'].upper()} by {r['check']} ({r['kind']}) span={r['span']!r}"
            )
            print(f"    sentence: {r['sentence']}")
            print(f"    expected: {r['expected']}")
            print(f"    note: {r['note']}")
            if isinstance(r.get("computation"), str) and r["computation"]:
                print(f"    computation: {r['computation']}")
    if alt_stats:
        print("\n== altered copies: caught = a claim on the changed characters is contradicted")
        print(
            f"  {'alteration':22s} {'check':7s} {'n':>4s} {'caught':>7s} {'rate':>6s}  claim-on-span  misleading  supported(!)"
            "  via-computation"
        )
        for (label, name), st in sorted(alt_stats.items()):
            rate = st["caught"] / st["n"] if st["n"] else 0
            print(
                f"  {label:22s} {name:7s} {st['n']:4d} {st['caught']:7d} {rate:6.0%}  {st['claim_on_span']:13d}"
                f"  {st['misleading']:10d}  {st['supported(!)']:12d}  {st['via computation']:15d}"
            )
        calc = [
            (lab, nm)
            for (lab, nm) in alt_stats
            if nm == "plain" and lab.split("(")[0] in ("weekday_date", "total", "change")
        ]
        n = sum(alt_stats[k]["n"] for k in calc)
        c = sum(alt_stats[k]["caught"] for k in calc)
        if n:
            print(f"  calculator-catchable (weekday_date, total, change) with no sources: {c}/{n} = {c / n:.0%}")
        src = [k for k in alt_stats if k[1] == "source"]
        n = sum(alt_stats[k]["n"] for k in src)
        c = sum(alt_stats[k]["caught"] for k in src)
        if n:
            print(f"  all alterations against the original as source: {c}/{n} = {c / n:.0%}")
        print("\n== alterations not caught (up to 6 per type and check)")
        for (label, name, what), exs in sorted(alt_examples.items()):
            if what == "caught":
                continue
            for sid, old, new, hit in exs[:6]:
                got = (
                    "; ".join(
                        f"{r['kind']} {r['span']!r} {r['verdict']} ({r['check']}: {str(r['note'])[:90]})" for r in hit
                    )
                    or "no claim on the span"
                )
                print(f"- {label}/{name}/{what} [{sid}] {old!r} -> {new!r}: {got}")
        print(f"\n== new contradictions away from the alteration ({len(alt_elsewhere)} copies)")
        for sid, label, name, old, new, others in alt_elsewhere[:40]:
            for r in others[:3]:
                print(
                    f"- {label}/{name} [{sid}] {old!r}->{new!r}: {r['span']!r} by {r['check']}: {str(r['note'])[:160]}"
                )
    if errors:
        print(f"\n== errors ({len(errors)})")
        for sid, msg, _tb in errors:
            print(f"- {sid}: {msg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
