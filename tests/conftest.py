"""Fixtures shared by the test files: the founding article, its altered copy, and their hand-made claims tables.

Helpers that are not fixtures (claim specs, the desk's tables, the browser) live in ``tests/helpers/``
and are imported as ``tests.helpers.*``; no test file imports another.
"""

import pytest

from tests.helpers.claims import ALTERED, SEED, altered_specs, make_claims, seed_specs


@pytest.fixture(scope="session")
def seed_article():
    """data/articles/russia-osce-dead-end.txt, loaded once (read it, never change it)."""
    from claimkit import load_article

    return load_article(SEED)


@pytest.fixture(scope="session")
def altered_article():
    """The founding article with other figures, weekday and date (data/articles/altered/)."""
    from claimkit import load_article

    return load_article(ALTERED)


@pytest.fixture()
def seed_claims(seed_article):
    """A fresh hand-made claims table of the founding article (tests.helpers.claims.seed_specs)."""
    return make_claims(seed_article, seed_specs())


@pytest.fixture()
def altered_claims(altered_article):
    """A fresh hand-made claims table of the altered copy (tests.helpers.claims.altered_specs)."""
    return make_claims(altered_article, altered_specs())
