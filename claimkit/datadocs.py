"""Great Expectations Data Docs pages for a run's validations.

GX renders one HTML page per validation result (every expectation, its result and the
failing values). claimkit writes them to ``<output folder>/data_docs/<suite>.html``, atomically.
The pages are GX's own: they load GX's stylesheets and scripts from public CDNs when opened
with a network, and stay readable as plain HTML without one.
"""

from __future__ import annotations

from pathlib import Path

from claimkit.files import atomic_write_text

DOCS_FOLDER = "data_docs"


def write_data_docs(report, out_dir) -> Path:
    """Render ``report`` (a :class:`~claimkit.validation.ValidationReport`) as a Data Docs page; return its path."""
    from great_expectations.render.renderer import ValidationResultsPageRenderer
    from great_expectations.render.view import DefaultJinjaPageView

    page = DefaultJinjaPageView().render(ValidationResultsPageRenderer().render(report.raw))
    path = Path(out_dir) / DOCS_FOLDER / f"{report.suite}.html"
    atomic_write_text(path, page)
    return path
