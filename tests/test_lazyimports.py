"""claimkit.lazyimports: the IRI grammar is built on first use, and the checks it backs answer as before."""
import json
import subprocess
import sys

import pytest

from claimkit.paths import ROOT

pytest.importorskip("rfc3987_syntax")

PROBE = """
import json, sys
if sys.argv[1] == "deferred":
    from claimkit.lazyimports import defer_rfc3987_syntax
    assert defer_rfc3987_syntax()
import jsonschema
loaded_at_import = not type(sys.modules["rfc3987_syntax"]).__name__.startswith("_Deferred")
fc = jsonschema.FormatChecker()
values = ["http://example.com/ü", "not an iri", "urn:isbn:0451450523", "//x/ y", "", "http://[::1]:80/a?b#c"]
answers = {fmt: [fc.conforms(v, fmt) for v in values] for fmt in ("iri", "iri-reference")}
loaded_after_use = not type(sys.modules["rfc3987_syntax"]).__name__.startswith("_Deferred")
print(json.dumps({"at_import": loaded_at_import, "after_use": loaded_after_use, "answers": answers}))
"""


def probe(mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True,
                         cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    return json.loads(out.stdout)


def test_deferred_grammar_loads_on_first_use_and_answers_like_the_real_module():
    plain, deferred = probe("plain"), probe("deferred")
    assert plain["at_import"] is True
    assert deferred["at_import"] is False, "importing jsonschema must not build the IRI grammar"
    assert deferred["after_use"] is True, "the first IRI check loads the real module"
    assert deferred["answers"] == plain["answers"]
    assert plain["answers"]["iri"][1] is False  # the probe really exercises the checker


def test_defer_is_a_no_op_once_the_real_module_is_loaded():
    import rfc3987_syntax  # noqa: F401

    from claimkit.lazyimports import defer_rfc3987_syntax

    assert defer_rfc3987_syntax() is False
    assert not type(sys.modules["rfc3987_syntax"]).__name__.startswith("_Deferred")
