"""The quantity reader reproduces its golden corpus exactly (tests/golden/quantities.json.xz).

The corpus holds about 23,000 inputs (peer-spec inputs, the shipped articles and their sentences, the benchmark's
sentences, the figures gold paragraphs, the docs' lines, 20,000 sentences generated from the lexicon) with every
field of every ``parse_quantities`` result and every claim the ``quantities`` extractor makes. A change meant to
keep results (a speed-up) must pass this unchanged; a change meant to change results rewrites the file with
``python scripts/golden_quantities.py`` and says so.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("golden_quantities", ROOT / "scripts" / "golden_quantities.py")
golden = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(golden)


@pytest.fixture(scope="module")
def corpus():
    return golden.load()


def test_golden_corpus_covers_every_source(corpus):
    sets = corpus["sets"]
    assert len(sets["generated"]) == golden.GENERATED
    for name in ("peer_specs", "articles", "article_sentences", "benchmark", "figures_gold"):
        assert sets[name], name
    # "Wildfires burned more than 4.2 million acres ...": the gold paragraph's figures are in the corpus
    text, res = next((t, r) for t, r in sets["figures_gold"] if t.startswith("Wildfires burned more than 4.2 million acres"))
    fields = corpus["quantity_fields"]
    first = dict(zip(fields, res["q"][0]))
    assert (first["text"], first["qualifier"], first["low"]) == ("more than 4.2 million acres", "over", 4_200_000)


@pytest.mark.parametrize("name", ["peer_specs", "articles", "article_sentences", "benchmark", "figures_gold", "docs",
                                  "generated"])
def test_current_code_reproduces_golden_results(corpus, name):
    diffs = golden.differences({"sets": {name: corpus["sets"][name]}})
    assert not diffs, "\n".join(diffs)
