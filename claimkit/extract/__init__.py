"""Extractors: each reads a :class:`Document` and yields :class:`Finding` spans.

Adding an extractor is adding a module to this package that decorates a function with
``@extractor("name")``; third parties register theirs through the ``claimkit.extractors``
entry-point group. ``claimkit.claims.extract_claims`` runs every registered extractor and
assembles the findings into the claims table.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

# re-exported: what a claim is about (the claims table's kind column)
from claimkit.plugins import load_plugins
from claimkit.vocab import CLAIM_KINDS as CLAIM_KINDS


@dataclass
class Document:
    """What every extractor reads: the cleaned text, its sentences and its date."""

    text: str
    sentences: list[tuple[int, int]]
    published: date | None = None
    article_id: str = ""

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_index(self, pos: int) -> int:
        """Index of the sentence that holds character ``pos`` (the last one starting at or before it)."""
        return max(0, bisect.bisect_right(self._starts, pos) - 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)] if self.sentences else (0, len(self.text))

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        """Paragraph offsets (paragraphs are separated by a blank line in ``Article.text``)."""
        out, start = [], 0
        for part in self.text.split("\n\n"):
            out.append((start, start + len(part)))
            start += len(part) + 2
        return out


@dataclass
class Finding:
    """One checkable span found by an extractor; becomes one row of the claims table.

    ``start``/``end`` are offsets into ``Document.text``. ``weight`` is the extractor's prior
    for check-worthiness (0-1); ``claimkit.checkworthiness`` adjusts it by sentence features.
    ``extra`` carries anything an extractor wants to keep that has no column (kept as JSON).
    """

    kind: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    subject: str | None = None
    speaker: str | None = None
    date: str | None = None
    weight: float = 0.5
    extractor: str = ""
    extra: dict = field(default_factory=dict)


ExtractorFn = Callable[[Document], Iterable[Finding]]
EXTRACTORS: dict[str, ExtractorFn] = {}
_loaded = False


def extractor(name: str) -> Callable[[ExtractorFn], ExtractorFn]:
    """Register ``fn`` as the extractor called ``name`` (later registrations replace earlier ones)."""

    def register(fn: ExtractorFn) -> ExtractorFn:
        EXTRACTORS[name] = fn
        fn.extractor_name = name  # type: ignore[attr-defined]
        return fn

    return register


def load_extractors() -> dict[str, ExtractorFn]:
    """Import every module of this package and every ``claimkit.extractors`` entry point once."""
    global _loaded
    if not _loaded:

        def plug_in(ep) -> None:
            fn = ep.load()
            if ep.name not in EXTRACTORS:
                extractor(ep.name)(fn)

        load_plugins(__name__, __path__, "claimkit.extractors", plug_in)
        _loaded = True
    return EXTRACTORS


def run_extractors(doc: Document, names: Iterable[str] | None = None) -> list[Finding]:
    """Run the named extractors (all by default) and return their findings in text order."""
    registry = load_extractors()
    chosen = list(registry) if names is None else list(names)
    findings: list[Finding] = []
    for name in chosen:
        try:
            fn = registry[name]
        except KeyError:
            raise KeyError(f"no extractor called {name!r}; known: {', '.join(sorted(registry))}") from None
        for f in fn(doc):
            f.extractor = f.extractor or name
            findings.append(f)
    findings.sort(key=lambda f: (f.start, -f.end, f.kind))
    return findings
