"""Hand-made claims and verdicts for the report and display tests.

The claims are located in the article by their words (so their offsets are right whatever the
extractors find), and the verdicts follow the verdicts-table schema of the contract, with the
extra ``sources`` column that verify() adds.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"

# (words in the article, kind, value, unit, speaker, checkworthiness)
SEED_CLAIMS = [
    ("around 100,000 troops", "quantity", 100000, "troop", None, 0.9),
    ("57 countries", "quantity", 57, "country", None, 0.8),
    ("on Monday", "time", None, None, None, 0.5),
    ("Deputy Foreign Minister Sergei Ryabkov", "role", None, None, None, 0.6),
    ("the last 30 years", "duration", 30, "year", "The Polish Foreign Minister", 0.4),
    ("sanctions against Putin would be tantamount to breaking ties", "attribution", None, None, "Dmitry Peskov", 0.3),
]

SEED_VERDICTS = {
    "around 100,000 troops": dict(
        verdict="supported",
        evidence_ids=["troops-2021-12-03-us-intel-current", "troops-2021-12-03-ua-mod"],
        expected="70,000-100,000 troops in dated estimates of December 2021",
        method="query",
        note="In line with US and Ukrainian estimates of the weeks before.",
        reviewer=None,
        sources=[
            "https://www.reuters.com/world/europe/ukraine-says-russia-could-launch-large-scale-escalation-end-january-2021-12-03/"
        ],
    ),
    "57 countries": dict(
        verdict="supported",
        evidence_ids=["osce-57"],
        expected="57 participating States on 2022-01-13",
        method="query",
        note="",
        reviewer=None,
        sources=["https://www.osce.org/participating-states"],
    ),
    "on Monday": dict(
        verdict="supported",
        evidence_ids=["cal-2022-01-10-geneva"],
        expected="Monday 10 January 2022, Geneva",
        method="query",
        note="",
        reviewer=None,
        sources=["https://www.state.gov/"],
    ),
    "Deputy Foreign Minister Sergei Ryabkov": dict(
        verdict="misleading",
        evidence_ids=[],
        expected="Deputy Minister of Foreign Affairs since 2008",
        method="review",
        note="Title right; the agency quote needs the original TASS wording.",
        reviewer="A. Editor",
        sources=["https://tass.com/"],
    ),
    "the last 30 years": dict(
        verdict="unverified",
        evidence_ids=[],
        expected=None,
        method="auto",
        note="no reference table answers claims of kind 'duration' yet",
        reviewer=None,
        sources=[],
    ),
    "sanctions against Putin would be tantamount to breaking ties": dict(
        verdict="contradicted",
        evidence_ids=[],
        expected="Peskov said sanctions would be 'tantamount to severing relations'",
        method="review",
        note="Wording differs from the Kremlin transcript.",
        reviewer="B. Checker",
        sources=["https://www.kremlin.ru/"],
    ),
}


def seed_article():
    from claimkit.articles import load_article

    return load_article(SEED)


def claims_for(article, specs=SEED_CLAIMS):
    """A claims table of ``article`` with one claim per spec, found by its words."""
    import pandas as pd

    from claimkit.claims import claim_id, normalise_claims

    rows = []
    for words, kind, value, unit, speaker, score in specs:
        start = article.text.index(words)
        end = start + len(words)
        s, e = next((a, b) for a, b in article.sentences if a <= start < b)
        sentence = article.text[s:e]
        rows.append(
            {
                "claim_id": claim_id(kind, sentence, words, 1),
                "article_id": article.id,
                "kind": kind,
                "sentence": sentence,
                "start": start,
                "end": end,
                "span": words,
                "value": value,
                "low": value,
                "high": value,
                "unit": unit,
                "speaker": speaker,
                "checkworthiness": score,
            }
        )
    return normalise_claims(pd.DataFrame(rows), article)


def verdicts_for(claims, table=SEED_VERDICTS):
    """A verdicts table for ``claims`` (each claim's verdict looked up by its span)."""
    import pandas as pd

    rows = []
    for c in claims.to_dict("records"):
        v = table.get(c["span"])
        if v is not None:
            rows.append({"claim_id": c["claim_id"], **v, "checked_at": "2022-01-14T09:00:00+00:00"})
    cols = ["claim_id", "verdict", "evidence_ids", "expected", "method", "note", "reviewer", "checked_at", "sources"]
    return pd.DataFrame(rows, columns=cols)


def seed_run(out_dir, *, with_verdicts=True, article=None):
    """A run folder for the seed article (or ``article``) written by write_outputs."""
    from claimkit.outputs import write_outputs

    article = article or seed_article()
    claims = claims_for(article)
    verdicts = verdicts_for(claims) if with_verdicts else None
    write_outputs(out_dir, article=article, claims=claims, verdicts=verdicts)
    return article, claims, verdicts


HOSTILE_TEXT = """Headline body <script>window.__pwned = 1; alert("text")</script> said 57 countries agreed.

An image <img src=x onerror="window.__pwned = 2"> and a <a href="javascript:window.__pwned=3">link</a> stood here.

He said "javascript:alert(4)" was around 100,000 troops."""


def hostile_run(out_dir):
    """A run folder whose article, title, address, notes and sources all carry markup and script URLs."""
    import pandas as pd

    from claimkit.articles import load_article
    from claimkit.outputs import write_outputs

    article = load_article(
        HOSTILE_TEXT,
        title='<script>window.__pwned=5</script><img src=x onerror="window.__pwned=6">',
        url="javascript:window.__pwned=7",
    )
    article.source_name = "<b onmouseover=alert(8)>wire</b>"
    claims = claims_for(
        article,
        [
            ("57 countries", "quantity", 57, "country", "<script>alert(9)</script>", 0.9),
            ('<img src=x onerror="window.__pwned = 2">', "quote", None, None, None, 0.5),
            ("around 100,000 troops", "quantity", 100000, "troop", None, 0.8),
        ],
    )
    verdicts = pd.DataFrame(
        [
            {
                "claim_id": claims.claim_id[0],
                "verdict": "supported",
                "evidence_ids": ['"><script>alert(10)</script>'],
                "expected": "<script>alert(11)</script>",
                "method": "review",
                "note": '<img src=x onerror="window.__pwned=12">',
                "reviewer": "<i>eve</i>",
                "checked_at": "2022-01-14T09:00:00+00:00",
                "sources": ["javascript:window.__pwned=13", "https://example.org/ok?a=1&b=<2>"],
            },
            {
                "claim_id": claims.claim_id[1],
                "verdict": "contradicted",
                "evidence_ids": [],
                "expected": None,
                "method": "review",
                "note": "</script><script>window.__pwned=14</script>",
                "reviewer": None,
                "checked_at": None,
                "sources": [
                    "JaVaScRiPt:window.__pwned=15",
                    " javascript:window.__pwned=16",
                    "data:text/html,<script>alert(17)</script>",
                ],
            },
        ]
    )
    write_outputs(out_dir, article=article, claims=claims, verdicts=verdicts)
    return article, claims, verdicts
