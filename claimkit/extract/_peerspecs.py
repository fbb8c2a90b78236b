"""Score ``parse_quantities`` on Recognizers-Text style spec files (Microsoft Recognizers-Text, MIT).

A case passes when every expected result is found with its span (``Start``/``End`` inclusive,
as the peer writes them) and its resolved value, and nothing else is reported in that model's
terms: for NumberModel, no other plain number (kind ``number``); for NumberRangeModel, no other
range; for PercentModel, no other percentage.
"""

from __future__ import annotations

import json
import math
from pathlib import Path


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _num(s):
    return None if s in (None, "null", "") else float(s)


def _range_value(s: str):
    """'[20,30)' -> (20.0, 30.0, True, False); open ends are None."""
    lo_inc, hi_inc = s[0] == "[", s[-1] == "]"
    lo, hi = s[1:-1].split(",")
    return (_num(lo.strip() or None), _num(hi.strip() or None), lo_inc, hi_inc)


def found(model: str, text: str, quantities) -> tuple[list, list]:
    """(every result the model can match, the results that count as reported) for one input."""
    every, reported = [], []
    for q in quantities:
        if model == "number":
            for s, e, v in q.numerals:
                item = (s, e - 1, float(v) if v is not None else None)
                every.append(item)
                if q.kind == "number":
                    reported.append(item)
        elif model == "range":
            if q.range_span is not None:
                s, e = q.range_span
                item = (
                    s,
                    e - 1,
                    (
                        q.low,
                        q.high,
                        q.low_inclusive if q.low is not None else False,
                        q.high_inclusive if q.high is not None else False,
                    ),
                )
                every.append(item)
                reported.append(item)
        elif model == "percent" and q.kind == "percent":
            s, e = q.measure_span
            item = (s, e - 1, q.value)
            every.append(item)
            reported.append(item)
    return every, reported


def _match(model, expected, got) -> bool:
    (s, e, v), (gs, ge, gv) = expected, got
    if (s, e) != (gs, ge):
        return False
    if model == "range":
        lo, hi, li, hi_inc = v
        glo, ghi, gli, ghi_inc = gv
        return _close(lo, glo) and _close(hi, ghi) and (lo is None or li == gli) and (hi is None or hi_inc == ghi_inc)
    return _close(v, gv)


def expected_results(model: str, case: dict) -> list:
    out = []
    for r in case.get("Results", []):
        raw = r["Resolution"]["value"]
        if model == "range":
            v = _range_value(raw)
        elif model == "percent":
            v = _num(raw.rstrip("%")) if raw not in (None, "null") else None
        else:
            v = _num(raw)
        out.append((r["Start"], r["End"], v))
    return out


def score_case(model: str, case: dict, parse) -> bool:
    text = case["Input"]
    every, reported = found(model, text, parse(text))
    want = expected_results(model, case)
    for w in want:
        if not any(_match(model, w, g) for g in every):
            return False
    return all(any(_match(model, w, g) for w in want) for g in reported)


MODELS = {"NumberModel.json": "number", "NumberRangeModel.json": "range", "PercentModel.json": "percent"}


def score_file(path, parse) -> tuple[int, int, list[str]]:
    """(passed, total, failing inputs) for one spec file."""
    model = MODELS[Path(path).name]
    cases = json.loads(Path(path).read_text(encoding="utf-8"))
    failed = [c["Input"] for c in cases if not score_case(model, c, parse)]
    return len(cases) - len(failed), len(cases), failed
