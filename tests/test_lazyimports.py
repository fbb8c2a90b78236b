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
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    return json.loads(out.stdout)


def test_deferred_grammar_loads_on_first_use_and_answers_like_the_real_module():
    plain, deferred = probe("plain"), probe("deferred")
    assert plain["at_import"] is True
    assert deferred["at_import"] is False, "importing jsonschema must not build the IRI grammar"
    assert deferred["after_use"] is True, "the first IRI check loads the real module"
    assert deferred["answers"] == plain["answers"]
    assert plain["answers"]["iri"][1] is False  # the probe really exercises the checker


def test_defer_is_a_no_op_once_the_real_module_is_loaded():
    import rfc3987_syntax  # noqa: F401 - loads the real module

    from claimkit.lazyimports import defer_rfc3987_syntax

    assert defer_rfc3987_syntax() is False
    assert not type(sys.modules["rfc3987_syntax"]).__name__.startswith("_Deferred")


def test_kernels_claimkit_run_starts_defer_the_grammar():
    """`claimkit run` starts its kernel with KERNEL_ARGUMENTS: the stand-in is in place before the first cell.

    The probe below is the first (and only) code sent to the kernel: it sees the stand-in, not the
    real module, and the grammar's parser module has not been imported by then.
    """
    from jupyter_core.utils import run_sync

    from claimkit.runner import KERNEL_ARGUMENTS, kernel_manager_class

    km = kernel_manager_class()(kernel_name="python3")
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT)}
    run_sync(km.start_kernel)(extra_arguments=KERNEL_ARGUMENTS, env=env)
    kc = km.client()
    kc.start_channels()
    try:
        run_sync(kc.wait_for_ready)(timeout=60)
        seen = []
        run_sync(kc.execute_interactive)(
            "import sys, json; print(json.dumps([type(sys.modules.get('rfc3987_syntax')).__name__,"
            " any(m.startswith('rfc3987_syntax.') for m in sys.modules)]))",
            output_hook=lambda m: seen.append(m["content"].get("text", "")),
            timeout=60,
        )
    finally:
        kc.stop_channels()
        run_sync(km.shutdown_kernel)(now=True)
    standin, submodules_loaded = json.loads("".join(seen))
    assert standin == "_DeferredModule", "the kernel must defer the IRI grammar before the first cell runs"
    assert submodules_loaded is False, "nothing of the real rfc3987_syntax package is imported yet"
