"""The ``claimkit`` command: thin faces over the library functions of the same names.

Exit codes: 0 success; 1 a check failed (validation, a notebook cell); 2 bad usage or
unreadable input, with one line on standard error naming the file and the reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimkit.errors import ClaimkitError, InputError

TERMINAL_COLUMNS = [
    "claim_id",
    "kind",
    "span",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "speaker",
    "date",
    "checkworthiness",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2, as for every other user mistake
        self.exit(2, f"{self.prog}: {message}\n")


def _print_table(df, columns, stream=None) -> None:
    import pandas as pd

    stream = stream or sys.stdout

    if df.empty:
        stream.write("(no claims)\n")
        return
    cols = [c for c in columns if c in df.columns]
    view = df[cols].copy()
    for col, width in (("span", 48), ("expected", 70)):
        if col in view:
            view[col] = view[col].map(
                lambda s, w=width: s if not isinstance(s, str) or len(s) <= w else s[: w - 3] + "..."
            )
    for c in ("value", "low", "high"):
        if c in view:
            view[c] = view[c].map(lambda v: "" if pd.isna(v) else f"{v:,.6g}" if abs(v) < 1e6 else f"{v:,.0f}")
    with pd.option_context(
        "display.max_rows", None, "display.max_columns", None, "display.width", 200, "display.max_colwidth", 50
    ):
        stream.write(view.fillna("").to_string(index=False) + "\n")


def cmd_extract(args) -> int:
    from claimkit.articles import load_article
    from claimkit.claims import extract_claims

    article = load_article(Path(args.article), published=args.published)
    claims = extract_claims(article)
    if args.validate:
        from claimkit.validation import validate

        report = validate(claims, "claims", text=article.text)
        print(report.summary(), file=sys.stderr)
        if not report.success:
            return 1
    if args.output:
        from claimkit.files import write_table

        write_table(claims, args.output)
        print(f"{len(claims)} claims from {args.article} → {args.output}", file=sys.stderr)
    else:
        _print_table(claims, TERMINAL_COLUMNS)
    return 0


SHOWN_VERDICT_COLUMNS = ["claim_id", "kind", "span", "verdict", "method", "expected"]  # on the terminal


def _load_sources(paths):
    """The source set of ``--sources``: each unusable file one line on standard error; InputError (exit 2)
    when none is usable."""
    if not paths:
        return None
    import warnings

    from claimkit.sources import SourceWarning, load_sources

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)  # reported below, one line each
        srcset = load_sources(paths)
    for where, reason in srcset.problems:
        print(f"claimkit: {where}: {reason}", file=sys.stderr)
    return srcset


def _source_paths(paths) -> list[str]:
    """``--sources`` for a notebook run: absolute paths, each checked to exist (exit 2 if not)."""
    out = []
    for p in paths or []:
        if not Path(p).exists():
            raise InputError(p, "no such source file or folder")
        out.append(str(Path(p).resolve()))
    return out


def cmd_verify(args) -> int:
    from claimkit.articles import load_article
    from claimkit.claims import extract_claims
    from claimkit.verdicts import verify

    article = load_article(Path(args.article), published=args.published)
    for folder in args.evidence or []:
        if not Path(folder).is_dir():
            raise InputError(folder, "no such folder of reference tables")
    if args.reviews and not Path(args.reviews).is_file():
        raise InputError(args.reviews, "no such reviews file")
    sources = _load_sources(args.sources)
    verdicts = verify(extract_claims(article), evidence=args.evidence or None, sources=sources, reviews=args.reviews)
    if args.validate:
        from claimkit.validation import validate

        report = validate(verdicts, "verdicts")
        print(report.summary(), file=sys.stderr)
        if not report.success:
            return 1
    if args.output:
        from claimkit.files import write_table

        table = verdicts.copy()
        for col in ("evidence_ids", "sources", "passages"):
            if col in table and Path(args.output).suffix.lower() == ".csv":
                import json

                table[col] = table[col].map(lambda v: json.dumps(list(v)) if isinstance(v, (list, tuple)) else v)
        write_table(table, args.output)
        counts = verdicts["verdict"].value_counts()
        print(
            f"{len(verdicts)} claims from {args.article} → {args.output} ("
            + ", ".join(f"{n} {v}" for v, n in counts.items())
            + ")",
            file=sys.stderr,
        )
    else:
        shown = verdicts if args.all else verdicts[verdicts["verdict"] != "unverified"]
        _print_table(shown, SHOWN_VERDICT_COLUMNS)
        hidden = len(verdicts) - len(shown)
        if hidden:
            print(f"({hidden} unverified claims not shown; --all shows them)", file=sys.stderr)
    return 0


def cmd_run(args) -> int:
    from claimkit.runner import run_article

    params = dict(args.param or [])
    if args.sources:
        params["sources"] = _source_paths(args.sources)
    result = run_article(args.article, out_dir=args.output, parameters=params, progress_bar=sys.stderr.isatty())
    print(f"executed {result.notebook}", file=sys.stderr)
    for p in sorted(result.out_dir.iterdir()):
        if not p.name.startswith("."):
            print(p)
    return 0


def cmd_batch(args) -> int:
    from claimkit.batch import run_batch

    if args.workers is not None and args.workers < 1:
        raise InputError("--workers", "must be at least 1")
    params = dict(args.param or [])
    if args.shared_sources:
        params["sources"] = _source_paths(args.shared_sources)
    result = run_batch(
        args.sources,
        args.output,
        workers=args.workers,
        scheduler=args.scheduler,
        resume=args.resume,
        parameters=params,
        progress=None if args.progress is None else args.progress,
    )
    reused = sum(1 for r in result.rows if r.get("reused"))
    print(
        f"{len(result.ok)} done ({reused} from an earlier run), {len(result.failed)} failed, "
        f"in {result.seconds:.1f} s → {result.out_dir / 'summary.csv'}",
        file=sys.stderr,
    )
    for row in result.failed:
        print(f"failed: {row['source']}: {row['error']}", file=sys.stderr)
    if result.summary_error:
        print(f"summary notebook failed: {result.summary_error}", file=sys.stderr)
    return 1 if result.failed or result.summary_error else 0


def cmd_check(args) -> int:
    from claimkit.gate import run_check
    from claimkit.gate.formats import github_annotations, write_all

    if args.workers is not None and args.workers < 1:
        raise InputError("--workers", "must be at least 1")
    result = run_check(
        args.paths,
        out_dir=args.output,
        changed_since=args.changed_since,
        fail_on=args.fail_on,
        reviews=args.reviews,
        sources=args.sources or (),
        parameters=dict(args.param or []),
        workers=args.workers,
        progress=args.progress,
    )
    write_all(result, report_url=args.report_url)
    for line in github_annotations(result):
        print(line)
    reused = sum(1 for s in result.stories if s.reused)
    verdict = "FAILED" if result.exit_code else "passed"
    print(
        f"claimkit check {verdict}: {len(result.stories)} {'story' if len(result.stories) == 1 else 'stories'} ({reused} unchanged), "
        f"{len(result.failing)} failing claims ({', '.join(result.fail_on)}), {len(result.overridden)} overridden by a review, "
        f"{len(result.errors)} not checked, in {result.seconds:.1f} s → {Path(args.output) / 'summary.md'}",
        file=sys.stderr,
    )
    for c in result.failing:
        print(f"  {c.story}:{c.line or '?'}: {c.verdict}: {c.span}", file=sys.stderr)
    for s in result.errors:
        print(f"  {s.story}: not checked: {s.error}", file=sys.stderr)
    return result.exit_code


def cmd_report(args) -> int:
    from claimkit.report import report

    for path in report(args.folder, evidence=args.evidence):
        print(path)
    return 0


def _add_batch_options(p: argparse.ArgumentParser, each: str) -> None:
    """The options ``batch`` and ``check`` share: notebook parameters for every ``each``, and the progress bar."""
    p.add_argument(
        "-p",
        "--param",
        nargs=2,
        action="append",
        metavar=("NAME", "VALUE"),
        help=f"a notebook parameter for every {each} (repeatable)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        help="progress bar (default: when standard error is a terminal)",
    )


def build_parser() -> argparse.ArgumentParser:
    from claimkit import __version__

    parser = _Parser(
        prog="claimkit", description="Lift checkable claims out of a news story and check them against sourced data."
    )
    parser.add_argument("--version", action="version", version=f"claimkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("extract", help="the claims table of one article")
    p.add_argument("article", help="a .txt, .md, .html or .json article")
    p.add_argument("--published", help="publication date, YYYY-MM-DD (default: from the article or its sidecar)")
    p.add_argument(
        "-o", "--output", help="write the table to FILE (.csv, .json, .jsonl or .parquet) instead of the terminal"
    )
    p.add_argument(
        "--validate", action="store_true", help="check the table against expectations/claims.json (exit 1 if it fails)"
    )
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("verify", help="the verdicts table of one article, checked against reference data")
    p.add_argument("article", help="a .txt, .md, .html or .json article")
    p.add_argument("--published", help="publication date, YYYY-MM-DD (default: from the article or its sidecar)")
    p.add_argument(
        "--evidence",
        action="append",
        metavar="DIR",
        help="a folder of reference tables, consulted with the shipped data/reference/ (repeatable)",
    )
    p.add_argument(
        "--sources",
        nargs="+",
        metavar="PATH",
        help="the documents the story was written from: files or folders (.txt .md .html .json .jsonl .pdf .docx .csv .xlsx .parquet)",
    )
    p.add_argument("--reviews", help="journalists' reviews file (JSON); reviews win over automatic verdicts")
    p.add_argument(
        "-o", "--output", help="write the table to FILE (.csv, .json, .jsonl or .parquet) instead of the terminal"
    )
    p.add_argument("--all", action="store_true", help="on the terminal, list unverified claims too")
    p.add_argument(
        "--validate",
        action="store_true",
        help="check the table against expectations/verdicts.json (exit 1 if it fails)",
    )
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("run", help="execute the article notebook with papermill")
    p.add_argument("article", help="a .txt, .md, .html or .json article")
    p.add_argument(
        "--sources", nargs="+", metavar="PATH", help="the documents the story was written from (files or folders)"
    )
    p.add_argument(
        "-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), help="a notebook parameter (repeatable)"
    )
    p.add_argument("-o", "--output", help="output folder (default: out/<article name>)")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("batch", help="many articles through the article notebook, in parallel, resumable")
    p.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="a folder, a glob, an article file or a JSON Lines feed"
    )
    p.add_argument(
        "-o",
        "--output",
        default="out/batch",
        help="batch folder: one folder per article and the summary (default: out/batch)",
    )
    p.add_argument("--workers", type=int, help="local worker processes (default: the number of cores)")
    p.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on the Dask cluster at ADDRESS (tcp://host:8786) instead"
    )
    p.add_argument("--resume", action="store_true", help="keep the articles whose outputs are complete, run the rest")
    p.add_argument(
        "--sources",
        dest="shared_sources",
        nargs="+",
        metavar="PATH",
        help="source documents shared by every article (each article's own come from its sidecar or feed record 'sources')",
    )
    _add_batch_options(p, "article")
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser(
        "check", help="a pre-publication gate: check stories, exit 1 on a contradicted claim (CI outputs)"
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="story files or folders (default: the working directory)")
    p.add_argument("--changed-since", metavar="REV", help="only the story files changed since the git revision REV")
    p.add_argument(
        "--fail-on",
        default="contradicted",
        metavar="VERDICTS",
        help="comma list of verdicts that fail the check (default: contradicted; may add misleading, unsupported)",
    )
    p.add_argument("--reviews", help="journalists' reviews file (JSON); a reviewed claim fails or passes by its review")
    p.add_argument("--sources", nargs="+", metavar="PATH", help="documents every story is checked against")
    p.add_argument(
        "-o",
        "--output",
        default="claimkit-check",
        help="output folder: reports, results cache, JUnit, summary (default: claimkit-check)",
    )
    p.add_argument(
        "--report-url", metavar="URL", help="where the output folder is published: links in summary.md point there"
    )
    p.add_argument("--workers", type=int, help="local worker processes (default: the number of cores)")
    _add_batch_options(p, "story")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "report",
        help="the HTML report (and ClaimReview JSON-LD) of a run folder, or of every article of a batch folder",
    )
    p.add_argument("folder", help="a run folder (from claimkit run) or a batch folder (from claimkit batch)")
    p.add_argument("--evidence", help="the reference tables the verdicts cite (default: the shipped data/reference/)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv=None) -> int:
    if argv is None:  # the `claimkit` command itself, a process of our own
        from claimkit.lazyimports import defer_rfc3987_syntax

        defer_rfc3987_syntax()  # papermill's jsonschema builds an IRI grammar at import: 2.5 s nothing here uses
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"claimkit: {exc}", file=sys.stderr)
        return 2
    except ClaimkitError as exc:
        print(f"claimkit: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("claimkit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
