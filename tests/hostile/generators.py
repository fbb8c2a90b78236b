"""Hostile and broken inputs, built on demand (the large ones are never committed).

Each text generator takes a size in characters and returns a string of about that size, so a
test can compare the time an extractor takes on it with the time it takes on an ordinary text
of the same size (:func:`ordinary`).
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "data" / "articles" / "russia-osce-dead-end.txt"


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]  # without the headline line


def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def ordinary(n: int) -> str:
    """The founding article repeated to ``n`` characters: the baseline every ratio is measured against."""
    body = seed_body()
    return ("\n\n".join([body] * (n // len(body) + 1)))[:n]


def ordinary_one_line(n: int) -> str:
    """The same words on a single line (no paragraph breaks)."""
    return " ".join(ordinary(n + n // 20).split())[:n]


# -- texts built to trip the parsers: each a function of the size in characters --------------
PATHOLOGICAL = {
    "comma_ones": lambda n: _fill("1,", n),  # "1,1,1,1,..." one number thousands of groups long
    "nines": lambda n: _fill("9" * 10_000 + " ", n),  # "9" x 10,000, again and again
    "huge_exponent": lambda n: _fill("1e999999 ", n),
    "tiny_decimal": lambda n: _fill("0." + "0" * 5_000 + "1 ", n),
    "brackets_deep": lambda n: "(" * (n // 2) + ")" * (n - n // 2),
    "quotes_deep": lambda n: _fill("\"'", n),
    "open_brackets_quotes": lambda n: _fill('("', n),
    "double_quotes": lambda n: '"' * n,
    "said_on_monday": lambda n: _fill("Smith said on Monday that ", n),
    "titles_chain": lambda n: _fill("Deputy Foreign Minister ", n),
    "capitalised_words": lambda n: _fill("Xyz ", n),
    "dots": lambda n: _fill(". ", n),
    "digits_dots": lambda n: _fill("1.", n),
    "dashes_years": lambda n: _fill("2014-", n),
    "money_chain": lambda n: _fill("$1 ", n),
    "percent_chain": lambda n: _fill("1% ", n),
    "more_than": lambda n: _fill("more than ", n),
    "largest_since": lambda n: _fill("the largest since ", n),
    "months": lambda n: _fill("January ", n),
    "whitespace_mix": lambda n: _fill(" \t\u00a0\u2009\u200b", n),
    "short_lines": lambda n: _fill("a\n", n),
    "cyrillic_mixed": lambda n: _fill("Сергей Рябков said 5 troops. ", n),
    "long_word": lambda n: "a" * n,
    "combining_marks": lambda n: "e" + "\u0301" * (n - 1),
}


# -- files: (name, bytes) of the broken inputs load_article must answer clearly -----------------


def mixed_scripts_text() -> str:
    return (
        "Deputy Foreign Minister Сергей Рябков said on Monday that Russia had 100,000 troops near the border.\n\n"
        '"We see no reason," said Дмитрий Песков, the Kremlin spokesman, in Москва.\n'
    )


def latin1_bytes() -> bytes:
    return (
        "Le ministre a déclaré à Genève que 57 pays étaient présents. "
        "Les négociations ont échoué après trois réunions à Bruxelles en janvier.\n"
    ).encode("latin-1")


def cp1252_bytes() -> bytes:
    return (
        "The minister said \u201cthe talks are at a dead end\u201d \u2013 and 57 countries\u2019 envoys "
        "agreed on Thursday that \u20ac1.5 billion was at stake.\n"
    ).encode("cp1252")


def deep_html(depth: int = 10_000) -> str:
    para = "<p>Russia said on Thursday that the talks with 57 countries were at a dead end, officials said.</p>"
    return "<html><body>" + "<div>" * depth + para * 3 + "</div>" * depth + "</body></html>"


def hostile_html() -> str:
    return """<html><head><title>Talks <script>alert(1)</script> end</title>
<script>document.write('<p>injected paragraph</p>'); fetch('http://example.invalid/x')</script>
<style>p { color: red }</style></head>
<body><iframe src="javascript:alert(2)"></iframe>
<article><h1>Talks stall</h1>
<p>Russia said on Thursday that the talks with 57 countries were at a dead end.
<p>Deputy Foreign Minister Sergei Ryabkov said 100,000 troops were near the border <img src=x onerror=alert(3)>
<p><a href="javascript:alert(4)">Read more</a> and the <b>unclosed <i>tags go on
<div><span>Officials said the talks would resume in February.
</article><script>alert(5)</script></body>"""


def malformed_feed_lines() -> list[bytes]:
    good = '{"id": "n%d", "title": "Story %d", "published": "2022-01-13", "text": "Russia said on Thursday that %d troops were near the border."}'
    lines = [(good % (i, i, 1000 + i)).encode() for i in range(1, 6)]
    lines.insert(2, b'{"id": "broken", "text": "no closing brace"')
    lines.insert(4, b'{"id": "notext", "title": "no body"}')
    return lines
