"""parse_quantities gives, field for field, the results stored in tests/golden/quantities/ (peer suites, shipped articles, generated sentences).

The corpus is the safety net of any refactoring of claimkit/extract/quantities/: a change meant to alter
results regenerates it (``python tests/golden/make_quantities.py``) and the commit says why; any other
change must leave every stored result as it is.
"""

import json

import pytest

from tests.golden import make_quantities as golden  # the corpus's own reader, beside the corpus


def test_the_stored_fields_are_the_fields_of_a_quantity():
    for name in golden.SETS:
        fields, _ = golden.read(name)
        assert fields == golden.fields(), f"{name}: Quantity's fields changed; regenerate the corpus"


@pytest.mark.parametrize("name", golden.SETS)
def test_every_result_is_unchanged(name):
    fields, rows = golden.read(name)
    assert len(rows) > 40, "the corpus is there"
    changed = []
    for row in rows:
        now = golden.results(row["text"])
        if json.dumps(now) != json.dumps(row["quantities"]):  # as text: 5 and 5.0 differ
            changed.append((row["text"], row["quantities"], now))
    shown = "\n".join(
        f"{text!r}\n  stored: {[dict(zip(fields, q)) for q in was]}\n  now:    {[dict(zip(fields, q)) for q in now]}"
        for text, was, now in changed[:5]
    )
    assert not changed, f"{len(changed)} of {len(rows)} inputs parse differently:\n{shown}"
