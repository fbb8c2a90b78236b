"""Hand-made claims tables for tests: the claims-table columns, with real offsets into real text.

Used until the extractors land, and beside them to pin down exactly which claim a test is about.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"
ALTERED = ROOT / "data" / "articles" / "altered" / "russia-osce-dead-end-altered.txt"


def claim(
    kind,
    span,
    *,
    after=None,
    value=None,
    low=None,
    high=None,
    qualifier=None,
    unit=None,
    subject=None,
    speaker=None,
    date=None,
):
    """A claim spec: ``span`` is found in the text (after the text ``after``, if given)."""
    return dict(
        kind=kind,
        span=span,
        after=after,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        subject=subject,
        speaker=speaker,
        date=date,
    )


def make_claims(article, specs):
    """A claims table for ``article`` (an Article) from claim specs, via claimkit's own normaliser."""
    import pandas as pd

    from claimkit.claims import CLAIM_COLUMNS, claim_id, normalise_claims

    text = article.text
    rows, seen = [], {}
    for spec in specs:
        offset = text.index(spec["after"]) if spec["after"] else 0
        start = text.index(spec["span"], offset)
        end = start + len(spec["span"])
        s, e = next((s, e) for s, e in article.sentences if s <= start < e)
        sentence = text[s:e]
        key = (spec["kind"], sentence, spec["span"])
        seen[key] = seen.get(key, 0) + 1
        rows.append(
            {
                "claim_id": claim_id(spec["kind"], sentence, spec["span"], seen[key]),
                "article_id": article.id,
                "kind": spec["kind"],
                "sentence": sentence,
                "start": start,
                "end": end,
                "span": spec["span"],
                "value": spec["value"],
                "low": spec["low"],
                "high": spec["high"],
                "qualifier": spec["qualifier"],
                "unit": spec["unit"],
                "subject": spec["subject"],
                "speaker": spec["speaker"],
                "date": spec["date"],
                "checkworthiness": 0.5,
                "extractor": "fixture",
                "details": None,
            }
        )
    df = normalise_claims(pd.DataFrame(rows, columns=CLAIM_COLUMNS), article)
    if article.published:
        df.attrs["published"] = article.published.isoformat()
    return df


def seed_specs(*, countries=57, weekday_geneva="Monday", geneva_date="2022-01-10", troops=100000):
    """The founding article's headline claims, as the extractors are specified to produce them."""
    t = float(troops)
    return [
        claim(
            "quantity",
            f"around {troops:,} troops",
            value=t,
            low=t * 0.9,
            high=t * 1.1,
            qualifier="about",
            unit="troop",
            subject="troops near the border with Ukraine",
        ),
        claim(
            "quantity",
            f"{countries} countries",
            value=float(countries),
            low=float(countries),
            high=float(countries),
            qualifier="exact",
            unit="country",
            subject="countries",
            date="2022-01-13",
        ),
        claim("time", f"on {weekday_geneva}", after="in Geneva", date=geneva_date),
        claim("time", "on Wednesday", after="in Brussels", date="2022-01-12"),
        claim("time", "on Thursday", after="in Vienna", date="2022-01-13"),
        claim(
            "role",
            "Deputy Foreign Minister Sergei Ryabkov",
            speaker="Sergei Ryabkov",
            subject="Deputy Foreign Minister",
            date="2022-01-13",
        ),
        claim(
            "role",
            "Kremlin spokesman Dmitry Peskov",
            speaker="Dmitry Peskov",
            subject="Kremlin spokesman",
            date="2022-01-13",
        ),
        claim(
            "role",
            "Polish Foreign Minister Zbigniew Rau",
            speaker="Zbigniew Rau",
            subject="Polish Foreign Minister",
            date="2022-01-13",
        ),
        claim(
            "role",
            "US Ambassador Michael Carpenter",
            speaker="Michael Carpenter",
            subject="US Ambassador",
            date="2022-01-13",
        ),
        claim(
            "role",
            "US Deputy Secretary of State Wendy Sherman",
            speaker="Wendy Sherman",
            subject="US Deputy Secretary of State",
            date="2022-01-13",
        ),
        claim("quote", '"were not ready to meet our key requirements"', speaker="Sergei Ryabkov"),
    ]


PUB = date(2022, 1, 13)


def extracted_by(extractor: str, published=PUB):
    """A function text -> the claims one extractor finds in it (the text as the body, no headline).

    It also checks every span against the article's cleaned text, so each test gets that check for free.
    """
    from claimkit import Article
    from claimkit.claims import extract_claims

    def run(text):
        df = extract_claims(Article(text=text, published=published), extractors=[extractor])
        for row in df.itertuples():
            assert df.attrs["article_text"][row.start : row.end] == row.span
        return df

    run.__name__ = extractor
    return run


def altered_specs():
    """The claims of the altered copy of the founding article: other figures, another weekday and date."""
    return seed_specs(countries=67, weekday_geneva="Tuesday", geneva_date="2022-01-11", troops=300000)
