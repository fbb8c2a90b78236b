"""Validate a table against its expectation suite (Great Expectations Core 1.x).

Suites are the JSON files in ``expectations/`` (``claims``, ``evidence``, ``verdicts``…). Some
checks need a value computed from several columns or from the article text ("span ==
text[start:end]"); those are *derived columns*, added by this module before the suite runs
and named in the suite like any other column.

Great Expectations is used through its public API only: an ephemeral context, and for each suite
one ``ValidationDefinition`` (the suite and a whole-dataframe batch definition), all made once per
process and reused — setting them up costs seconds, a validation of a small table tens of
milliseconds. Each table is validated with the ``BOOLEAN_ONLY`` result format (all a pass needs);
a failing table once more with ``SUMMARY`` for the failing values, its Data Docs page and the
failures listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from claimkit.errors import InputError
from claimkit.paths import EXPECTATIONS


def _claims_derived(df, text: str | None):
    import pandas as pd

    spans, starts, ends, sentences = df["span"], df["start"], df["end"], df.get("sentence")
    df["span_matches_offsets"] = [
        None if pd.isna(s) or pd.isna(a) or pd.isna(b) else len(str(s)) == int(b) - int(a)
        for s, a, b in zip(spans, starts, ends)
    ]
    df["span_in_text"] = [
        None
        if text is None or pd.isna(s) or pd.isna(a) or pd.isna(b)
        else (0 <= int(a) <= int(b) <= len(text) and text[int(a) : int(b)] == s)
        for s, a, b in zip(spans, starts, ends)
    ]
    df["span_in_sentence"] = [
        None if sentences is None or pd.isna(s) or pd.isna(sent) else str(s) in str(sent)
        for s, sent in zip(spans, sentences if sentences is not None else spans)
    ]
    return df


# suite name -> function(df copy, article text or None) -> df with derived columns
DERIVED = {"claims": _claims_derived}


@dataclass
class Failure:
    expectation: str
    column: str | None
    unexpected_count: int | None
    sample: list
    why: str = ""

    def __str__(self) -> str:
        where = f" on {self.column}" if self.column else ""
        count = f": {self.unexpected_count} failing rows" if self.unexpected_count else ""
        sample = f", e.g. {self.sample[:5]}" if self.sample else ""
        why = f" ({self.why})" if self.why else ""
        return f"{self.expectation}{where}{count}{sample}{why}"


@dataclass
class ValidationReport:
    """What a suite found: ``.success``, ``.failures`` (one per failed expectation) and a readable summary."""

    suite: str
    success: bool
    evaluated: int
    rows: int
    failures: list[Failure] = field(default_factory=list)
    raw: object = None
    docs: str | None = None  # the Data Docs page built for this validation, if any

    def summary(self) -> str:
        head = (
            f"{self.suite}: {'passed' if self.success else 'FAILED'} — "
            f"{self.evaluated - len(self.failures)}/{self.evaluated} expectations met on {self.rows} rows"
        )
        docs = [f"  Data Docs: {self.docs}"] if self.docs else []
        return "\n".join([head] + [f"  ✗ {f}" for f in self.failures] + docs)

    __str__ = summary

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [f.__dict__ for f in self.failures], columns=["expectation", "column", "unexpected_count", "sample", "why"]
        )

    def _repr_html_(self) -> str:
        from html import escape

        status = "✔ passed" if self.success else "✗ failed"
        items = "".join(f"<li>{escape(str(f))}</li>" for f in self.failures)
        return (
            f"<div class='claimkit-validation'><b>{escape(self.suite)}</b>: {status} — "
            f"{self.evaluated - len(self.failures)}/{self.evaluated} expectations met on {self.rows} rows"
            f"{'<ul>' + items + '</ul>' if items else ''}</div>"
        )


def suite_path(name: str | Path) -> Path:
    path = Path(name)
    if path.suffix == ".json" and path.exists():
        return path
    path = EXPECTATIONS / f"{name}.json"
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in EXPECTATIONS.glob("*.json")))
        raise InputError(path, f"no expectation suite called {name!r} (known: {known})")
    return path


@cache
def load_suite_dict(name: str) -> dict:
    path = suite_path(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(path, f"suite is not valid JSON ({exc})") from None


# Result formats: a pass needs only booleans (the cheapest GX computes); a failure is validated once
# more with the failing values (SUMMARY), for the report, its Data Docs page and the failures listed.
PASS_FORMAT = "BOOLEAN_ONLY"
FAILURE_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 20}
SAMPLE = 5  # failing values kept per failed expectation


@lru_cache(maxsize=1)
def _context():
    """The ephemeral GX context of this process (made once: setting it up costs seconds)."""
    import logging

    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False)
    return ctx


@cache
def _batch_definition(asset_name: str):
    """A whole-dataframe batch definition per table kind, made once per process."""
    ctx = _context()
    try:
        ds = ctx.data_sources.get("claimkit")
    except (KeyError, ValueError, LookupError):
        ds = ctx.data_sources.add_pandas("claimkit")
    asset = ds.add_dataframe_asset(asset_name)
    return asset.add_batch_definition_whole_dataframe("whole table")


@cache
def _validation_definition(suite: str):
    """The GX ValidationDefinition (suite + batch definition) for ``suite``, made once per process.

    ``suite`` is a name in ``expectations/`` or the path of a suite file; the dataframe is passed
    to each run as a batch parameter.
    """
    import great_expectations as gx

    name = _suite_name(suite)
    spec = {k: v for k, v in load_suite_dict(suite).items() if k != "id"}
    if str(suite) != name:  # a suite given by path: its own name, never clashing with a shipped suite
        spec["name"] = f"{spec.get('name') or name} ({suite})"
    ctx = _context()
    gx_suite = ctx.suites.add(gx.ExpectationSuite(**spec))
    return ctx.validation_definitions.add(
        gx.ValidationDefinition(name=f"claimkit {gx_suite.name}", data=_batch_definition(name), suite=gx_suite)
    )


def warm_up(suites=("claims", "verdicts")) -> None:
    """Make the GX context and the suites' validation definitions now (a warm kernel calls this before
    its first notebook; the zygote before it forks kernels). Never raises: a warm-up failure only
    means the first real validation pays the set-up."""
    for suite in suites:
        try:
            _validation_definition(suite)
        except Exception:
            pass


def _suite_name(suite) -> str:
    return Path(suite).stem if str(suite).endswith(".json") else str(suite)


def validate(df, suite: str, *, text: str | None = None) -> ValidationReport:
    """Run the expectation suite ``suite`` (a name in ``expectations/`` or a path) on ``df``.

    ``text`` is the article text, for the checks that compare spans with it; by default it is
    taken from ``df.attrs["article_text"]`` (set by ``extract_claims``).
    """
    name = _suite_name(suite)
    definition = _validation_definition(str(suite))
    data = df.copy()
    if text is None:
        text = df.attrs.get("article_text")
    if name in DERIVED:
        data = DERIVED[name](data, text)
    # GX column-map expectations fail on object columns holding lists; give them their text form
    for col in data.columns:
        if data[col].dtype == object and data[col].map(lambda v: isinstance(v, (list, dict, tuple))).any():
            data[col] = data[col].map(lambda v: json.dumps(v, default=str) if isinstance(v, (list, dict, tuple)) else v)
    return _run(name, definition, data, len(df))


def _run(name: str, definition, data, rows: int) -> ValidationReport:
    """Validate with booleans only; on failure, once more with the failing values."""
    result = definition.run(batch_parameters={"dataframe": data}, result_format=PASS_FORMAT)
    failures = []
    if not result.success:
        result = definition.run(batch_parameters={"dataframe": data}, result_format=FAILURE_FORMAT)
        failures = [_failure(r) for r in result.results if not r.success]
    return ValidationReport(name, bool(result.success), len(result.results), rows, failures, result)


def _failure(r) -> Failure:
    cfg = r.expectation_config
    kw = cfg.kwargs
    column = kw.get("column") or (f"{kw.get('column_A')}, {kw.get('column_B')}" if "column_A" in kw else None)
    res = r.result or {}
    sample = (res.get("partial_unexpected_list") or [])[:SAMPLE]
    missing = ((res.get("details") or {}).get("mismatched") or {}).get("missing")
    if missing:
        column, sample = "(table)", [f"missing column {m}" for m in missing]
    if r.exception_info and r.exception_info.get("raised_exception"):
        sample = [r.exception_info.get("exception_message")]
    return Failure(
        cfg.type, column, res.get("unexpected_count"), [_plain(v) for v in sample], (cfg.meta or {}).get("why", "")
    )


def _plain(v):
    """numpy scalars and tuples as plain Python, for readable messages."""
    if isinstance(v, tuple):
        return tuple(_plain(x) for x in v)
    item = getattr(v, "item", None)
    return item() if callable(item) else v


def check(
    df, suite: str, *, strict: bool = True, text: str | None = None, docs_dir=None, docs_on_failure: bool = True
) -> ValidationReport:
    """:func:`validate`, raising :class:`~claimkit.errors.ValidationFailed` when ``strict`` and the suite fails.

    ``docs_dir``: a run's output folder; its Data Docs page is written there (``data_docs/<suite>.html``)
    always, or only when the suite fails if ``docs_on_failure`` is the sole reason to build it.
    """
    from claimkit.errors import ValidationFailed

    report = validate(df, suite, text=text)
    if docs_dir is not None and (not report.success or not docs_on_failure):
        from claimkit.datadocs import write_data_docs

        report.docs = str(write_data_docs(report, docs_dir))
    if strict and not report.success:
        raise ValidationFailed(report)
    return report
