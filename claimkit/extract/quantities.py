"""Numbers and quantities in news text: ``parse_quantities`` and the ``quantities`` extractor.

One left-to-right pass. A compiled *anchor* regex finds where a figure may start (a digit, a
number word, a fraction sign, a comparison sign); at each anchor a small tokenizer and grammar
read the numeral (digits with any news separator, number words, fractions, ordinals, scale
words and suffixes), then the words around it are read from the lexicon tables:

- before it: sign ("minus"), currency ("US$"), qualifier ("more than", "around"), "between"/"from";
- after it: a range partner ("to 30", "-130,000"), "or more", a percent, currency, unit, or the
  counted noun ("troops").

Look-backs (the qualifier or the token before a figure) are forward matches on the reversed text;
ASCII text is scanned for anchors on a lower-case copy (docs/quantities.md, "Speed").

Everything language-specific lives in ``claimkit/lexicon`` (numbers, ordinals, scales,
currencies, units, qualifiers, lemmas, quantity_context). Non-quantities (years used as
dates, days of months, clock times, phone numbers, version numbers and IP addresses, list
markers, street numbers, parts of names such as "G7", "COVID-19", "Article 5") are skipped.

Intervals (see docs/quantities.md): "about N" is the band N +/- 10 %; "nearly N" is
[0.9 N, N); "just over N" is (N, 1.1 N]; "between A and B", "from A to B", "A-B" are [A, B)
(the Recognizers-Text convention); round plurals ("hundreds", "tens of thousands",
"decades") are [2 X, 10 X).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import alternation, table
from claimkit.vocab import QUANTITY_KINDS, QUANTITY_QUALIFIERS

APPROX_BAND = 0.10  # "about N" -> [N(1-b), N(1+b)]
NEARLY_BAND = 0.10  # "nearly N" -> [N(1-b), N)
MAX_DIGITS = 30  # longer digit runs are identifiers, not figures (and would overflow floats)
YEAR_RANGE = (1800, 2100)

QUALIFIERS = QUANTITY_QUALIFIERS  # Quantity.qualifier
KINDS = QUANTITY_KINDS  # Quantity.kind


@dataclass(slots=True)
class Quantity:
    """One number-like mention. ``text[start:end] == quantity.text``.

    ``numerals`` holds each numeral as written ((start, end, value), one or two of them);
    ``range_span`` the comparison or range as a range model reports it ("more than 20",
    "between 20 and 30"; None for a plain figure); ``measure_span`` the figure with its unit
    or currency and without qualifier words ("$2.3bn", "7.5%").
    """

    start: int
    end: int
    text: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    qualifier: str = "exact"
    kind: str = "number"
    unit: str | None = None
    scale_word: str | None = None
    subtype: str = "integer"
    numerals: tuple = ()
    range_span: tuple[int, int] | None = None
    measure_span: tuple[int, int] | None = None


# --------------------------------------------------------------------------- lexicon


def _alt(phrases, flexible_space=True) -> str:
    return alternation(phrases, space=r"\s+" if flexible_space else None)


def _case_class(ch: str) -> str:
    """``[aA]`` for an ASCII letter: a case-blind character the regex engine can skip on (unlike ``(?i:a)``)."""
    return f"[{ch.lower()}{ch.upper()}]" if ch.isascii() and ch.isalpha() else re.escape(ch)


def _trie(words, flexible_space=False, case_classes=False) -> str:
    """One regex alternation for many words, factored by shared prefixes (much faster than a flat list).

    With ``flexible_space`` a space in a phrase matches any run of white space."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        end = "" in node
        alts = [
            (r"\s+" if ch == " " and flexible_space else _case_class(ch) if case_classes else re.escape(ch))
            + build(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        # an optional tail as a branch with an empty alternative: the same choice as "(?:...)?", which the regex
        # engine runs as a general repeat (slow, and it allocates) instead of a plain branch
        return "(?:" + "|".join(alts) + "|)" if end else body

    return build(root)


def _longest_split_safe(exact, blind) -> bool:
    """Whether matching the ``exact`` tokens first, then the case-blind ones, always picks what one longest-first
    list of both picks: no token of one group starts with a token of the other followed by a non-letter (so a
    shorter token of the first group could succeed where a longer one of the second also would)."""
    for a in exact:
        for b in blind:
            x, y = a.lower(), b.lower()
            if x != y and (
                (y.startswith(x) and not y[len(x)].isalpha()) or (x.startswith(y) and not x[len(y)].isalpha())
            ):
                return False
    return True


class _Lexicon:
    def __init__(self):
        self.words: dict[str, tuple[str, float]] = {}  # lower word -> (class, value)
        for r in table("numbers.tsv"):
            self.words[r["word"]] = (r["class"], int(r["value"]))
        self.scale_name: dict[str, str] = {}
        self.suffix: dict[str, tuple[float, str, str]] = {}
        for r in table("scales.tsv"):
            if r["form"] == "word":
                self.words[r["token"]] = ("scale", int(r["value"]))
                self.scale_name[r["token"]] = r["scale"]
            else:
                self.suffix[r["token"]] = (int(r["value"]), r["scale"], r["form"])
        self.ordinals: dict[str, tuple[str, int, str, bool]] = {}  # word -> (class, value, fraction, plural)
        for r in table("ordinals.tsv"):
            w = r["word"]
            plural = (w.endswith("s") and w[:-1] in self.ordinals) or w == "halves"
            self.ordinals[w] = (r["class"], int(r["value"]), r["fraction"], plural)
        self.context: dict[str, set[str]] = {}
        for r in table("quantity_context.tsv"):
            self.context.setdefault(r["role"], set()).add(r["word"])
        self.lemmas = {r["plural"]: r["lemma"] for r in table("lemmas.tsv")}
        # every word the numeral tokenizer knows: lower word -> (class, value, ordinal class, fraction, plural)
        tw: dict[str, tuple] = {}
        for w in ("of", "point", "over", "in", "a", "an", "and"):
            tw[w] = ("a", 1, None, "no", False) if w in ("a", "an") else (w, None, None, "no", False)
        for w, (cls, v, frac, plural) in self.ordinals.items():
            tw[w] = ("ord", v, cls, frac, plural)
        for w, (cls, v) in self.words.items():
            tw[w] = (cls, v, None, "no", cls == "dozen" and w != "dozen")
        self.token_words = tw
        self.function = self.context.get("function", set())
        self.name_head = self.context.get("name_head", set())
        self.months = self.context.get("month", set())
        # what decides a figure's reading after its first pass (_refine): verbs are never counted nouns, a year before a
        # noun is a date, "pounds" near a weight word are a weight, measures in two units or per a unit are one figure
        self.verbs = frozenset(self.context.get("verb", ()))
        self.year_det = frozenset(self.context.get("year_det", ()))
        self.weight_cue = frozenset(self.context.get("weight_cue", ()))
        self.money_cue = frozenset(self.context.get("money_cue", ()))
        self.rate_per = frozenset(self.context.get("rate_per", ()))
        self.compound = {(r["big"], r["small"]): float(r["factor"]) for r in table("compound_units.tsv")}
        self.compound_big = frozenset(b for b, _ in self.compound)
        self.rates = {(r["unit"], r["per"]): r["rate"] for r in table("rates.tsv")}

        number_words = set(self.words) | set(self.ordinals) - {"second", "seconds"}
        plurals = {
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "trillions",
            "tens",
            "dozens",
            "decades",
            "centuries",
        }
        self.round_plurals = {
            "hundreds": 100,
            "thousands": 1000,
            "millions": 10**6,
            "billions": 10**9,
            "trillions": 10**12,
            "tens": 10,
            "dozens": 12,
            "scores": 20,
            "decades": 1,
            "centuries": 1,
        }
        # case-blind for ASCII letters (the tokenizer reads ASCII words only)
        anchor_words = (
            _trie(
                {w.lower() for w in number_words | plurals | {"percent", "percents", "percentage"}}, case_classes=True
            )
            + r"|[pP][eE][rR]\s+[cC][eE][nN][tT]"
        )
        anchor_word = r"(?=[A-Za-z])(?:(?P<an>an?|An?)\s++|)(?:" + anchor_words + r")(?![A-Za-z])"
        self.anchor = re.compile(r"\d|" + _ANCHOR_SIGNS + r"|(?<![A-Za-z'])" + anchor_word)
        # The scanner runs the anchor as two searches that the regex engine can skip through quickly (each
        # starts with a character class): signs and digits; and a number word with the character before it
        # (a word starts after a non-letter; the scanner searches a copy of the text behind one space).
        self.anchor_sign = re.compile("[\\d" + _ANCHOR_SIGNS[1:])
        self.anchor_word = re.compile(r"[^A-Za-z']" + anchor_word)
        # For ASCII text one search on its lower-case copy (plain literals and ASCII classes, which the regex engine
        # tests several times faster than case classes and Unicode categories) finds the next anchor of either kind:
        # a non-letter followed by a number word, or a sign character (a non-letter itself: the look-behind), so
        # its leading class lets the engine skip through the letters. It is searched without the article group:
        # the scanner looks back for "a"/"an" itself (an optional group at every word start costs the search a
        # third of its time) and checks it against the text ("AN" is not the article of the case-exact form).
        # "per cent" is in the prefix tree (one branch level: the engine skips the alternatives whose first letter
        # differs without entering them).
        sign_ascii = "[0-9" + "".join(c for c in _ANCHOR_SIGNS[1:-1] if c.isascii()) + "]"
        self.anchor_low = re.compile(
            r"[^A-Za-z'](?:"
            + _trie(
                {w.lower() for w in number_words | plurals | {"percent", "percents", "percentage", "per cent"}},
                flexible_space=True,
            )
            + r"(?![A-Za-z])|(?<="
            + sign_ascii
            + "))"
        )

        # currencies
        pre, suf = {}, {}
        self.currency_factor: dict[
            str, float
        ] = {}  # suffix token (lower case) -> factor of a minor unit ("cents": 0.01)
        for r in table("currencies.tsv"):
            (pre if r["position"] == "prefix" else suf)[r["token"]] = r["code"]
            if r["position"] != "prefix" and r.get("factor") and float(r["factor"]) != 1:
                self.currency_factor[" ".join(r["token"].lower().split())] = float(r["factor"])
        self.currency_prefix = pre
        self.currency_suffix = {k.lower(): v for k, v in suf.items()}
        self.prefix_re = re.compile(
            r"(?:(?<![A-Za-z])(?:"
            + _alt([p for p in pre if p[0].isalpha()])
            + r")|(?:"
            + _alt([p for p in pre if not p[0].isalpha()])
            + r"))[ \u00a0]?$"
        )
        # first characters a suffix currency or a unit can start with (a cheap test before the regex)
        self.suffix_cur_first = frozenset(c for t in suf for c in (t[0], t[0].lower(), t[0].upper()))
        upper, other = [t for t in suf if t.isupper()], [t for t in suf if not t.isupper()]
        if _longest_split_safe(upper, other):
            # two prefix trees (exact codes, then case-blind names) choose the token the flat list chooses
            body = _trie(upper, True) + "|(?i:" + _trie({t.lower() for t in other}, True) + ")"
        else:
            body = "|".join(
                (
                    re.escape(t).replace(r"\ ", r"\s+")
                    if t.isupper()
                    else "(?i:" + re.escape(t).replace(r"\ ", r"\s+") + ")"
                )
                for t in sorted(suf, key=len, reverse=True)
            )
        # glued ("50€"), after one space ("5 dollars") or a hyphen before a word ("a 25-cent coin", "a 20-euro note")
        self.suffix_cur_re = re.compile(r"(?:[ \u00a0]|-(?=[A-Za-z])|)(?:" + body + r")(?![A-Za-z])")

        # units
        self.units: dict[str, tuple[str, str, float]] = {}
        cs, ci = [], []
        for r in table("units.tsv"):
            key = r["token"] if r["case"] == "cs" else r["token"].lower()
            self.units[key] = (r["unit"], r["kind"], float(r["factor"]))
            (cs if r["case"] == "cs" else ci).append(r["token"])
        self.unit_first = frozenset(c for t in cs + ci for c in (t[0], t[0].lower(), t[0].upper())) | {"-"}
        # prefix trees: the longest token that matches, as a longest-first list of alternatives finds it
        unit_pat = (
            r"(?:[ \u00a0]?(?P<cs>"
            + _trie(cs, True)
            + r")(?![A-Za-z0-9])|(?:[ \u00a0]++|[ \u00a0]?-[ \u00a0]?)(?P<ci>(?i:"
            + _trie({t.lower() for t in ci}, True)
            + r"))(?![A-Za-z]))"
        )
        self.unit_re = re.compile(unit_pat)
        # a suffix currency, else a unit: the two matches above in one call (group "cur" is the currency)
        self.cur_unit_re = re.compile("(?P<cur>" + self.suffix_cur_re.pattern + ")|" + unit_pat)
        # a cheap gate before cur_unit_re (its case-blind trees cost several regex calls when nothing matches): the
        # first two characters of every token, lower case, and the one-character tokens. A match can start only
        # where ASCII text begins with one of them (a token's space matches any white space).
        toks = list(suf) + cs + ci
        self.cur_unit_keys = frozenset(
            t[0].lower() + (" " if t[1].isspace() else t[1].lower()) for t in toks if len(t) > 1
        )
        self.cur_unit_one = frozenset(t.lower() for t in toks if len(t) == 1)
        # the same gate on three characters (a token of two is followed by a non-letter, as the patterns require):
        # with currencies named by country ("Israeli shekels", "Argentine pesos") two letters pass too many words
        self.cur_unit_keys3 = frozenset(
            "".join(" " if c.isspace() else c for c in t[:3]).lower() for t in toks if len(t) > 2
        )
        self.cur_unit_keys2 = frozenset(t.lower() for t in toks if len(t) == 2)

        # scale suffixes after digits
        glued = [t for t, (_, _, f) in self.suffix.items() if f in ("suffix", "glued")]
        spaced = [t for t, (_, _, f) in self.suffix.items() if f == "suffix"]
        money = [t for t, (_, _, f) in self.suffix.items() if f == "money"]
        self.suffix_first_glued = frozenset(t[0] for t in glued + money)  # suffix_re is case-sensitive
        self.suffix_first_spaced = frozenset(t[0] for t in spaced)
        self.suffix_re = re.compile(
            r"(?:(?P<g>"
            + _alt(glued)
            + r")|[ \t]{1,2}(?P<s>"
            + _alt(spaced)
            + r")|(?P<m>"
            + _alt(money)
            + r"))(?![A-Za-z0-9])"
        )

        # qualifiers
        self.before: dict[str, dict] = {}
        self.after: dict[str, dict] = {}
        for r in table("qualifiers.tsv"):
            key = " ".join(r["phrase"].lower().split())
            (self.before if r["position"] == "before" else self.after)[key] = r
        sym = [p for p in self.before if not p[0].isalpha()]
        wrd = [p for p in self.before if p[0].isalpha()]
        self.before_re = re.compile(
            r"(?:(?<![A-Za-z])(?P<w>(?i:"
            + _trie(wrd, True)
            + r"))|(?<![<>=!])(?P<s>"
            + _alt(sym)
            + r"))\s*(?:(?i:the)\s+|)$"
        )
        # the same pattern for the reversed text, matched forwards from the figure (see _qualifier_before)
        self.before_rev_re = re.compile(
            r"(?:\s+(?i:eht)|)\s*(?:(?P<w>(?i:"
            + _trie([w[::-1] for w in wrd], True)
            + r"))(?![A-Za-z])|(?P<s>"
            + _alt([p[::-1] for p in sym])
            + r")(?![<>=!]))"
        )
        # and for the lower-case copy of an ASCII text: plain literals, which the regex engine tests faster
        self.before_rev_low_re = re.compile(
            r"(?:\s+eht|)\s*(?:(?P<w>"
            + _trie([w[::-1] for w in wrd], True)
            + r")(?![A-Za-z])|(?P<s>"
            + _alt([p[::-1] for p in sym])
            + r")(?![<>=!]))"
        )
        self.before_last = {p.split()[-1] for p in self.before} | {"the"}
        self.month_set = set(self.context["month"]) | {m + "." for m in self.context["month"]} | {"the"}
        # the token _prev reads before a prefix currency: a symbol, or a word (after a non-letter) that is the token
        self.prefix_sym_last = {t[-1] for t in pre if not t[-1].isalpha() and t[-1] != "."}
        # (a set: _prev returns the whole run of letters and dots before the figure, and prefix_re wants a non-letter
        # before the token, so only a run equal to a token can match)
        self.prefix_words = frozenset(
            t.lower() for t in pre if t[0].isalpha() and all(c.isalpha() or c == "." for c in t)
        )
        self.after_re = re.compile(r"\s+(?P<w>(?i:" + _alt(self.after) + r"))(?![A-Za-z])(?!\s+(?i:than|or|equal)\b)")
        self.or_equal_re = re.compile(r"\s++(?i:or\s++equal(?:\s++to|))(?![A-Za-z])")
        self.range_open_re = re.compile(r"(?<![A-Za-z])(?P<w>(?i:between|from))\s+(?:(?i:the)\s+|)$")
        self.change_re = re.compile(
            r"(?<![A-Za-z])(?i:" + _alt(self.context.get("change", ())) + r")(?:\s+\w+|)\s+(?i:from)\s+$"
        )
        self.range_sep_re = re.compile(
            r"\s*(?:(?P<dash>[-–—~])|(?P<w>(?i:to|through|and|till|until)))\s*(?:(?i:the)\s+|)"
        )
        self.percent_of_re = re.compile(r"(?i:per\s?cents?|percents?|percentage)\s+of\s+")
        self.bare_percent_re = re.compile(r"%|(?i:per\s?cents?|percents?|percentages?)(?![A-Za-z])")
        self.month_re = re.compile(
            r"(?<![A-Za-z])(?i:" + _trie(self.context["month"], True) + r")\.?\s*(?:(?i:the)\s+|)$"
        )
        self.month_after_re = re.compile(
            r"(?:\s*+(?i:st|nd|rd|th)|)\s++(?:(?i:of)\s++|)(?i:" + _alt(self.context["month"]) + r")(?![A-Za-z])"
        )


_ANCHOR_SIGNS = "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞%<>≤≥]"


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    return _Lexicon()


# --------------------------------------------------------------------------- digits

_CODE = re.compile(
    r"(?:1[89]|20)\d\d[-–/](?:0[1-9]|1[0-2]|\d\d)(?![\d,.]\d|[-/]\d)(?![A-Za-z])"  # 1995-01, 2021-22
    r"|\d{1,4}(?:[-/.]\d{1,4}){2,}(?![\d])"  # dates 5/17/2018, versions 1.2.3, IPs, 222-2222-2222
    r"|\d{1,2}:\d\d(?::\d\d|)(?!\d)"  # clock
)
_EURO = re.compile(r"\d{1,3}(?:\.\d{3}){2,}+(?:,\d{1,9}|)(?![\d.]|,\d)|\d{1,3}\.\d{3},\d{1,9}(?![\d.]|,\d)")
_NUM = re.compile(
    r"(?P<exp>\d{1,30}(?:\.\d{1,30}|)[eE][+-]?\d+)(?![A-Za-z])"
    r"|(?P<frac>\d{1,9}/\d{1,9})(?![\d/])"
    r"|(?P<ind>\d{1,2}(?:,\d\d){1,7},\d{3}(?:\.\d{1,30}|))(?![\d]|,\d)"
    r"|(?P<en>\d{1,3}(?:,\d{3})++(?:\.\d{1,30}|))(?![\d]|,\d)"
    r"|(?P<sp>\d{1,3}(?:[ \u202f\u00a0]\d{3})++(?:\.\d{1,30}|))(?![\d]|[ \u202f\u00a0]\d)"
    r"|(?<!\d,)(?P<dc>\d{1,9},\d{1,2})(?![\d]|,\d)"
    r"|(?P<plain>\d+(?:\.\d+|)|\.\d+)"
)
_POWER = re.compile(r"\^(?P<signs>[+-]*)(?P<e>\d{1,4}(?:\.\d{1,4}|))|\s?[x×*]\s?10\^(?P<s2>[+-]?)(?P<e2>\d{1,4})")
_CLOCK_START = frozenset({"a.", "am", "p.", "pm", "o'"})  # the starts of _CLOCK_AFTER after its optional space
_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock)", re.I)
_VULGAR = {
    "½": 0.5,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 0.25,
    "¾": 0.75,
    "⅕": 0.2,
    "⅖": 0.4,
    "⅗": 0.6,
    "⅘": 0.8,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 0.125,
    "⅜": 0.375,
    "⅝": 0.625,
    "⅞": 0.875,
}
_SIGN_ASCII = frozenset("0123456789%<>")  # the ASCII anchor signs (sign_ascii in _Lexicon)
_WORD_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'"
)  # what the anchors' "[^A-Za-z']" excludes
_HSPACE = frozenset(" \t\u00a0\u202f")
_LIST_MARK = re.compile(r"[.)][ \t]+\S")
_LIST_MARK_FIRST = frozenset(".)")
_RANGE_FIRST = frozenset("-–—~tTaAuU")
_RANGE_WORD_START = frozenset(
    {"to", "th", "an", "ti", "un"}
)  # "to", "through", "and", "till", "until"  # a range partner starts with a dash or "to", "and", "until", "through", "till"
_SPACE_NBSP = frozenset(" \u00a0")
_ANOTHER = re.compile(r"\s+another\b")
_SPACE_LOWER = re.compile(r"\s+[a-z]")
_RANKS = re.compile(r"[\s-]*(?:largest|biggest|highest|lowest|most|least|[a-z]+est)\b")
_NBSP_RUN = re.compile(r"[ \u00a0]*")
_AN = re.compile(r"an?\s+", re.I)
_SPACE = re.compile(r"[ \t\u00a0\u202f]*")
_ALPHA = re.compile(r"[A-Za-z]+|[^\W\d_]+")  # an ASCII word, or a run of other letters
_DIGIT_RUN = re.compile(r"[\d.,]*")
_URL = re.compile(r"(?:https?://|www\.)\S+|(?<![^\s@])[^\s@]+@[^\s@]+\.\w+")
# a run of digits with phone punctuation: +44 (0)20 7946-0958
_PHONE_DIGITS = re.compile(r"\d+(?:[-\s./()]{1,2}\d+)*")
# "of thousands" after a round figure
_OF_ROUND_PLURAL = re.compile(r"\s+of\s+(hundreds|thousands|millions|billions)(?![A-Za-z])", re.I)
# the next word after spaces (and a dash): the counted noun's candidates
_WORD_AFTER = re.compile(r"[ \u00a0]+(?:-[ \u00a0]*|)([A-Za-z][A-Za-z'-]*)")
# a minus sign or "minus"/"negative" just before a figure
_SIGN_AT_END = re.compile(r"(?:(?<![A-Za-z])(?i:minus|negative)\s+|(?:^|(?<=[\s(\[=<>~:]))-[ \t]{0,2})$")
# the word before the spaces before a figure, matched on the reversed text
_WORD_BEFORE_REV = re.compile(r"[ \u00a0]+([A-Za-z.]*[A-Za-z])")
# "st", "nd", "rd", "th" after digits: "21st"
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_ORDINAL_SUFFIX = re.compile("(?:" + "|".join(_ORDINAL_SUFFIXES) + ")(?![A-Za-z])")
# the gate before it: the characters an ordinal suffix starts with
_ORDINAL_FIRST = frozenset(suffix[0] for suffix in _ORDINAL_SUFFIXES)
# every character str.isspace() and the regex \s accept (tests/test_quantities_gates.py checks the list)
_SPACES = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# the gate before lex.month_after_re ("21st of March", "21ST March", "21\u00a0March"): white space or an ordinal suffix
_MONTH_AFTER_FIRST = _ORDINAL_FIRST | {c.upper() for c in _ORDINAL_FIRST} | _SPACES
# the two letters every "after" qualifier phrase starts with ("or more", "and over"; tests/test_quantities_gates.py)
_AFTER_STARTS = ("or", "an")
_AFTER_FIRST = frozenset(c for start in _AFTER_STARTS for c in (start[0], start[0].upper()))
# the word just before a figure
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
# "of (the) troops" after a round or scaled figure
_OF_NOUN = re.compile(r"\s+of\s+(?:the\s+|)([A-Za-z][A-Za-z'-]*)")
# capitalised words then a street word: "10 Downing Street"
_STREET_NAME = re.compile(r"(?:\s+[A-Z][a-z]+){1,3}\s+([A-Za-z]+)\.?")
# a digit, a sign or a number-starting word ahead
_NUMERAL_AHEAD = re.compile(r"\s*+(?:-\s*+|)(?:\d|(?i:" + "minus|negative|a|an|the" + r")\b)")
# the next word ahead
_WORD_AHEAD = re.compile(r"\s*+([A-Za-z]+)")
# a minus sign or "minus"/"negative" ahead (the second figure of a range)
_MINUS_AHEAD = re.compile(r"(?:(?i:minus|negative)\s+|-\s?)")
# a currency sign ahead (the second figure of a money range)
_CURRENCY_SIGN = re.compile(r"(?:US\$|\$|€|£|¥)")


class _Slots:
    """The slots of _Tok and _Numeral together: a token that is a whole numeral becomes one by a change of class
    (``tok.__class__ = _Numeral``), which costs a fraction of a new object."""

    __slots__ = (
        "cls",
        "end",
        "frac",
        "ordinal",
        "plain",
        "plural",
        "round",
        "scale",
        "start",
        "subtype",
        "value",
        "word",
        "words",
    )


class _Tok(_Slots):
    __slots__ = ()

    def __init__(
        self,
        cls,
        start,
        end,
        value=None,
        word="",
        subtype="integer",
        scale=None,
        plain=False,
        ordinal=None,
        frac="no",
        plural=False,
    ):
        self.cls = cls
        self.start = start
        self.end = end
        self.value = value
        self.word = word
        self.subtype = subtype
        self.scale = scale
        self.plain = plain
        self.ordinal = ordinal  # the ordinal class for ordinal words
        self.frac = frac
        self.plural = plural


def _num(s: str) -> float:
    v = float(s)
    if not math.isfinite(v):
        raise ValueError(s)
    return v


_DIGITS = re.compile(r"\d*")
_NUM_TAIL = frozenset(",. \u202f\u00a0/eE")  # a digit run followed by one of these may be more than a plain integer
_SPACE_GROUP = frozenset(" \u202f\u00a0")  # the group separators of _NUM's "sp" form
_PHONE_AHEAD = re.compile(r"\d+[-\s./()]")


def _read_digits(text: str, q: int, lex: _Lexicon, money: bool):
    """A digit numeral at ``q``: a _Tok of class num/fracnum, or ('skip', end) for codes and junk.

    Cheap character tests decide which of the digit grammars can apply, so the common case (a plain
    integer followed by a space or a word) costs one regex match and an ``int``.
    """
    # the digit run (\d*): its ASCII digits by lstrip, the regex when a run is long or goes on in other digits
    w = text[q : q + 16]
    d_end = q + len(w) - len(w.lstrip("0123456789"))
    if d_end - q == 16 or not text[d_end : d_end + 1].isascii():
        d_end = _DIGITS.match(text, q).end()
    nxt = text[d_end : d_end + 1]
    if d_end == q and nxt != ".":
        return ("skip", q + 1)  # a character that is a digit to str.isdigit but not to the grammar ("²")
    if (d_end - q > MAX_DIGITS or nxt in (",", ".")) and len(text) - q > MAX_DIGITS:
        run = _DIGIT_RUN.match(text, q, q + 2 * MAX_DIGITS + 20).end()
        if run - q > MAX_DIGITS and sum(c.isdigit() for c in text[q : min(run, q + MAX_DIGITS + 20)]) > MAX_DIGITS:
            # an identifier: skip the whole digit run (bounded look-ahead, then one linear scan)
            return ("skip", _DIGIT_RUN.match(text, q).end())
    if q > 0 and text[q - 1] == "+" and (q < 2 or not text[q - 2].isalnum()) and _PHONE_AHEAD.match(text, q):
        m = _PHONE_DIGITS.match(text, q)  # phone number
        return ("skip", m.end())
    m = (
        _EURO.match(text, q)
        if nxt == "." and d_end - q <= 3 and text[d_end + 1 : d_end + 4].isdigit() and d_end + 4 <= len(text)
        else None
    )  # "1.674.200,5": three digits after the point
    if m:
        s = m.group()
        try:
            v = _num(s.replace(".", "").replace(",", "."))
        except ValueError:
            return ("skip", m.end())
        tok = _Tok("num", q, m.end(), v, "", "decimal" if "," in s else "integer")
    else:
        if d_end - q <= 4 and nxt and nxt in "-–/.:":
            c = _CODE.match(text, q)
            if c:
                return ("skip", c.end())
        if not nxt or nxt not in _NUM_TAIL or (nxt in _SPACE_GROUP and not text[d_end + 1 : d_end + 2].isdigit()):
            # a plain integer (a space that no digit group follows ends it, as in _NUM)
            tok = _Tok("num", q, d_end, float(int(text[q:d_end])), "", "integer", None, True)
        else:
            m = _NUM.match(text, q)
            g = m.lastgroup
            s = m.group()
            try:
                if g == "frac":
                    a, b = s.split("/")
                    if int(b) == 0:
                        return ("skip", m.end())
                    tok = _Tok("fracnum", q, m.end(), int(a) / int(b), subtype="fraction")
                    return tok
                if g == "dc":
                    v, sub = _num(s.replace(",", ".")), "decimal"
                elif g == "exp":
                    v, sub = _num(s), "power"
                else:
                    clean = s.replace(",", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
                    v = _num(clean)
                    sub = "decimal" if "." in clean else "integer"
            except (ValueError, OverflowError):
                return ("skip", m.end())
            if sub == "decimal" and v == int(v) and g == "dc":
                sub = "integer"
            tok = _Tok("num", q, m.end(), v, "", sub, None, g == "plain" and "." not in s)
    # power and suffix scales
    e = tok.end
    nxt = text[e : e + 1]
    if nxt in _POWER_FIRST or (nxt.isspace() and text[e + 1 : e + 2] in _POWER_FIRST):
        p = _POWER.match(text, e)
        if p:
            try:
                if p.group("e") is not None:
                    sign = -1 if p.group("signs").count("-") % 2 else 1
                    base = tok.value
                    v = abs(base) ** (sign * float(p.group("e")))
                    v = -v if base < 0 else v
                else:
                    v = tok.value * 10.0 ** int(p.group("s2") + p.group("e2"))
                if not math.isfinite(v):
                    return ("skip", p.end())
            except (OverflowError, ZeroDivisionError):
                return ("skip", p.end())
            tok.value, tok.end, tok.subtype, tok.plain = v, p.end(), "power", False
            return tok
    if nxt.isalpha():
        maybe = nxt in lex.suffix_first_glued
    elif nxt == " " or nxt == "\t":
        c2 = text[e + 1 : e + 2]
        if c2 == " " or c2 == "\t":
            c2 = text[e + 2 : e + 3]
        maybe = c2 in lex.suffix_first_spaced
    else:
        maybe = False
    if maybe:  # a scale suffix can start here: "10k", "2.3bn", "5 mln"
        sm = lex.suffix_re.match(text, e)
        if sm and (sm.group("m") is None or money):
            t = sm.group(sm.lastgroup)
            val, name, _ = lex.suffix[t]
            tok.value *= val
            tok.scale, tok.end, tok.plain = name, sm.end(), False
            tok.subtype = "integer" if tok.value == int(tok.value) else "decimal"
    return tok


_POWER_FIRST = frozenset("^x×*")


# --------------------------------------------------------------------------- tokens

_WORD_TOKEN = re.compile(r"[ \t\u00a0\u202f]*+(?:([A-Za-z]+)|)")
_OUT_OF = re.compile(r"\s+of(?![A-Za-z])")
_FRAC_AHEAD = re.compile(r"\d{1,9}/\d{1,9}(?![\d/])")


def _tokenize(
    text: str, p: int, lex: _Lexicon, money: bool, limit: int = 24, first: _Tok | None = None, word_end: int = 0
):
    """Tokens from ``p`` on; ``first`` is the digit token already read at ``p`` (by ``_digits_alone``); ``word_end``
    the end of the ASCII word at ``p`` when the scanner has read it (the first token then costs no regex call)."""
    toks: list[_Tok] = []
    n = len(text)
    if first is not None:
        toks.append(first)
        if first.subtype == "power":
            return toks
        p = first.end
    words = lex.token_words
    word_match = _WORD_TOKEN.match
    while len(toks) < limit:
        if word_end:
            q, e, word_end = p, word_end, 0
        else:
            m = word_match(text, p)
            q = m.start(1)
            e = m.end()
        # the word branch below is repeated for non-ASCII words on purpose: a shared helper costs ~7 % of throughput
        if q >= 0:  # an ASCII word: the common token, read with one regex call
            w = text[q:e].lower()
            info = words.get(w)
            if info is not None:
                cls, v, ocls, frac, plural = info
                toks.append(_Tok(cls, q, e, v, w, "integer", None, False, ocls, frac, plural))
                p = e
                continue
            if w == "out":
                of = _OUT_OF.match(text, e, e + 5)
                if of:
                    toks.append(_Tok("outof", q, of.end(), None, "out of"))
                    p = of.end()
                    continue
            toks.append(_Tok("other", q, e, None, w))
            break
        q = e
        if q >= n:
            break
        ch = text[q]
        if ch in "-–‐":
            toks.append(_Tok("hy", q, q + 1))
            p = q + 1
            continue
        if ch.isdigit() or (ch == "." and q + 1 < n and text[q + 1].isdigit() and not (q and text[q - 1].isdigit())):
            if toks and toks[-1].cls not in {"and", "hy", "a", "point", "num"} and toks[-1].cls not in ("scale",):
                if toks[-1].cls not in {"unit", "teen", "tens", "hundred", "zero", "over", "outof", "in"}:
                    break
            if toks and toks[-1].cls in {"unit", "teen", "tens", "zero"}:
                break
            if toks and toks[-1].cls == "num" and not _FRAC_AHEAD.match(text, q):
                break
            r = _read_digits(text, q, lex, money and not toks)
            if isinstance(r, tuple):
                if not toks:
                    return r
                break
            if ch == "." and r.cls == "num":
                r.subtype = "decimal"
            toks.append(r)
            p = r.end
            if r.subtype == "power":
                break
            continue
        if ch in _VULGAR:
            toks.append(_Tok("fracnum", q, q + 1, _VULGAR[ch], subtype="fraction"))
            p = q + 1
            continue
        if ch.isalpha():
            e = _ALPHA.match(text, q).end()
            w = text[q:e].lower()
            info = lex.token_words.get(w)
            if info is not None:
                cls, v, ocls, frac, plural = info
                toks.append(_Tok(cls, q, e, v, w, "integer", None, False, ocls, frac, plural))
                p = e
                continue
            if w == "out":
                of = _OUT_OF.match(text, e, e + 5)
                if of:
                    toks.append(_Tok("outof", q, of.end(), None, "out of"))
                    p = of.end()
                    continue
            toks.append(_Tok("other", q, e, None, w))
            break
        break
    return toks


_CARD = frozenset({"unit", "teen", "tens", "zero", "hundred", "scale", "dozen", "num", "a"})
_CARD_HY_AND = _CARD | {"hy", "and"}
_CARD_RUN = _CARD | {"hy", "and", "fracnum"}


def _ord_as_card(t: _Tok) -> _Tok:
    c = _Tok(t.ordinal if t.ordinal != "fraction" else "unit", t.start, t.end, t.value, t.word)
    return c


_UNIT_ZERO_TEEN = frozenset({"unit", "zero", "teen"})


def _run(toks, a, b):
    """Valid cardinal prefixes of toks[a:b]: list of (end, value, last_scale)."""
    total = 0
    cur = 0
    small = 0
    last = None
    before_and = None
    and_mark = None  # (index of 'and', len(out) before it)
    lastscale = math.inf
    group_scale = None
    hund = False
    out = []
    k = a
    while k < b:
        t = toks[k]
        c = t.cls
        v = t.value
        if c in _UNIT_ZERO_TEEN:
            if last in {"unit", "teen", "num", "zero", "a", "dozen"} or (c != "unit" and last == "tens"):
                break
            if last == "and" and before_and in {"unit", "teen", "num"}:
                break
            if c == "zero" and last is not None:
                break
            cur += v
            small += v
        elif c == "tens":
            if last in {"unit", "teen", "tens", "num", "zero", "a", "dozen"}:
                break
            if last == "and" and before_and in {"unit", "teen", "tens", "num"}:
                break
            cur += v
            small += v
        elif c == "num":
            if last not in (None, "and", "scale", "hundred"):
                break
            if last in ("and", "hundred") and v >= 100 and (last == "hundred" or before_and == "hundred"):
                break
            if last == "and" and (before_and in {"unit", "teen", "tens", "num"} or v == 0):
                break
            if last == "scale" and v >= lastscale:
                break
            if t.scale:
                if last is not None:
                    break
                total = v
                lastscale = 10 ** (len(str(int(abs(v)))) - 1) if v else 1
                group_scale = t.scale
                last = "scale"
                k += 1
                out.append((k, total, t.scale))
                continue
            cur += v
            small += v
        elif c == "hundred":
            if last in {"hundred", "and", "zero"} or hund:
                if and_mark is not None and last != "and":
                    del out[and_mark[1] :]
                break
            cur = 100 if last in (None, "a") else cur * 100
            hund = True
            small = 0
        elif c == "scale":
            if last in ("and", "zero"):
                break
            if last == "scale" and v > lastscale:
                total *= v
                lastscale = v
                group_scale = t.word
            elif v >= lastscale:
                if and_mark is not None:
                    del out[and_mark[1] :]
                break
            else:
                total += (cur if last not in (None, "a") else 1) * v
                cur = small = 0
                hund = False
                lastscale = v
                group_scale = t.word
        elif c == "dozen":
            if last in {"dozen", "and", "zero"}:
                break
            if last in (None, "a"):
                cur = 12
            elif small:
                cur = cur - small + small * 12
            else:
                cur *= 12
            small = 0
        elif c == "hy":
            if last == "tens" and k + 1 < b and toks[k + 1].cls == "unit" and toks[k + 1].start - t.end <= 2:
                k += 1
                continue
            break
        elif c == "and":
            if last in (None, "and", "a", "zero"):
                break
            before_and, last = last, "and"
            and_mark = (k, len(out))
            k += 1
            continue
        elif c == "a":
            if last is not None:
                break
            last = "a"
            k += 1
            continue
        else:
            break
        last = c
        k += 1
        out.append((k, total + cur, group_scale))
    return out


def _card(toks, a, b):
    """Value of toks[a:b] when it is exactly one cardinal, else None."""
    if a >= b:
        return None
    if b - a == 1 and toks[a].cls == "a":
        return 1
    for end, v, _ in reversed(_run(toks, a, b)):
        if end == b:
            return v
    return None


def _ordinal_phrase(toks, a, j):
    """Value of toks[a:j+1] read as one ordinal number (the last token is the ordinal word)."""
    if a > j or (toks[a].cls in {"hundred", "scale", "and", "hy", "dozen"} and a != j):
        return None
    if toks[a].cls in ("and", "hy"):
        return None
    sub = toks[a:j] + [_ord_as_card(toks[j])]
    return _card(sub, 0, len(sub))


def _fraction_at(toks, k):
    """A fraction starting at toks[k] ("a half", "three fifths", "one twenty-fifth"): (end, value) or None."""
    n = len(toks)
    j = k
    while j < n and toks[j].cls in _CARD_HY_AND:
        j += 1
    if j >= n or toks[j].cls != "ord":
        return None
    return _split_fraction(toks, k, j)


def _split_fraction(toks, k, j):
    """toks[k:j] numerator words and toks[j] an ordinal word: (end, value, kind) or None."""
    t = toks[j]
    for m in range(k + 1, j + 1):
        if toks[m - 1].cls == "hy":
            continue
        if toks[m].cls == "hy" if m < j else False:
            if (toks[m - 1].cls == "tens" and toks[m + 1].cls in ("unit",)) or (
                toks[m + 1].cls == "ord" and toks[m + 1].ordinal == "unit" and toks[m - 1].cls == "tens"
            ):
                continue
            den_start = m + 1
        else:
            den_start = m
        if den_start <= j and toks[den_start].cls == "and":
            continue
        num = _card(toks, k, m)
        if num is None:
            continue
        if t.ordinal == "fraction":
            if den_start != j:
                continue
            den = t.value
        else:
            den = _ordinal_phrase(toks, den_start, j)
            if den is None:
                continue
        if den < 3 and t.ordinal != "fraction":
            return None
        # "one hundred and three quarters": a proper fraction after "and" makes a mixed number
        ands = [i for i in range(k, m) if toks[i].cls == "and"]
        if not t.plural and num != 1 and not (ands and _card(toks, ands[-1] + 1, m) == 1):
            return None
        if ands:
            q = ands[-1]
            left, right = _card(toks, k, q), _card(toks, q + 1, m)
            if left is not None and right is not None and right < den:
                scale = _last_scale(toks, k, q)
                if scale and not (j + 1 < len(toks) and toks[j + 1].cls == "scale"):
                    return (j + 1, left + right / den * scale, "fraction")
                return (j + 1, left + right / den, "fraction")
        return (j + 1, num / den, "fraction")
    return None


class _Numeral(_Slots):
    __slots__ = ()  # start, end, value, subtype, scale, ordinal, plain, words, round

    def __init__(self, start, end, value, subtype="integer", scale=None, ordinal=False, plain=False, words=False):
        self.start = start
        self.end = end
        self.value = value
        self.subtype = subtype
        self.scale = scale
        self.ordinal = ordinal
        self.plain = plain
        self.words = words
        self.round = None  # (low, high) for "hundreds", "tens of thousands"


_TOKEN_WORDS = frozenset({"and", "a", "an", "point", "of", "over", "in", "out"})


def _digits_alone(text, q, lex, money):
    """Digits at ``q``: the _Numeral when nothing the word grammar reads follows, a skip, the first
    token (a _Tok) for the tokenizer to go on from, or None when no digit starts at ``q``."""
    ch = text[q : q + 1]
    if ch in _HSPACE:
        q = _SPACE.match(text, q).end()
        ch = text[q : q + 1]
    if not (ch.isdigit() or (ch == "." and text[q + 1 : q + 2].isdigit() and not (q and text[q - 1].isdigit()))):
        return None
    r = _read_digits(text, q, lex, money)
    if isinstance(r, tuple):
        return r
    if r.cls != "num":
        return r
    if ch == ".":
        r.subtype = "decimal"
    if r.subtype != "power":
        p = r.end
        c = text[p : p + 1]
        if c in _HSPACE:
            p += 1
            c = text[p : p + 1]
            if c in _HSPACE and c:
                p = _SPACE.match(text, p).end()
                c = text[p : p + 1]
        if c:
            if c.isalpha():
                we = _ALPHA.match(text, p).end()
                w = text[p:we].lower()
                if w in lex.words or w in lex.ordinals:
                    return r
                if w in _TOKEN_WORDS:
                    # a connector ("and", "of", "a", "point", "in", "over") extends the numeral only when the
                    # word grammar reads a token after it: a word it knows, or anything but an ASCII word
                    m = _WORD_TOKEN.match(text, we)
                    w2 = m.group(1)
                    if w == "out" or w2 is None:
                        return r
                    w2 = w2.lower()
                    if w2 in lex.token_words or w2 == "out" or w2 in lex.round_plurals:
                        return r
            elif c.isdigit() or c in "-–‐" or c in _VULGAR:
                return r
            elif c == "." and text[p + 1 : p + 2].isdigit() and not text[p - 1].isdigit():
                return r  # ".5" after a space: the tokenizer reads it as a decimal
    r.__class__ = _Numeral  # the token as the numeral: start, end, value, subtype, scale and plain carry over
    r.ordinal = r.words = False
    r.round = None
    return r


_SMALL_WORDS = frozenset({"unit", "teen", "tens", "zero"})


def _read_numeral(text, q, lex, money=False):
    """The numeral that starts at ``q``: a _Numeral, ('skip', end) or None."""
    c = text[q : q + 1]
    if c.isdigit() or c == "." or c in _HSPACE:
        fast = _digits_alone(text, q, lex, money)
        if fast is not None and fast.__class__ is not _Tok:
            return fast
    else:
        fast = None  # _digits_alone's answer: no digit starts here
    return _read_words(text, q, lex, money, fast)


def _read_words(text, q, lex, money, fast, word_end=0):
    """_read_numeral after its digit test: ``fast`` is what _digits_alone returned (None or the first _Tok);
    ``word_end`` the end of the ASCII word at ``q`` when the scanner has read it."""
    toks = _tokenize(text, q, lex, money, first=fast, word_end=word_end)
    if isinstance(toks, tuple):
        return toks
    if not toks:
        return None
    t0 = toks[0]
    n = len(toks)
    if t0.cls == "num" and (n == 1 or (n == 2 and toks[1].cls == "other")):
        # the common case, digits alone ("100,000 troops"): no word grammar to run
        t0.__class__ = _Numeral
        t0.ordinal = t0.words = False
        t0.round = None
        return t0
    if t0.cls in _SMALL_WORDS and (n == 1 or (n == 2 and toks[1].cls == "other")) and t0.word not in lex.round_plurals:
        # one number word alone ("five troops", "twenty"): what the grammar below reads, without running it
        t0.__class__ = _Numeral  # a word token: subtype "integer", no scale, not plain
        t0.ordinal = False
        t0.words = True
        t0.round = None
        return t0
    # "hundreds", "tens of thousands", "dozens"
    if t0.word in lex.round_plurals and not (t0.cls == "dozen" and t0.word == "dozen"):
        return _round_plural(text, toks, lex)
    if t0.cls == "other":
        return None
    # where does the number-word run stop, and is there an ordinal/fraction word in it?
    j = 0
    while j < n and toks[j].cls in _CARD_RUN:
        j += 1
    if toks[0].cls == "fracnum":
        return _finish(toks, 0, 1, toks[0].value, "fraction", lex, text)
    if j < n and toks[j].cls == "ord":
        fr = _split_fraction(toks, 0, j)
        if fr:
            end, v, sub = fr
            return _finish(toks, 0, end, v, sub, lex, text)
        # a plain ordinal ("fifteenth", "twenty-first", "21st" is handled with digits)
        if not toks[j].plural and toks[j].ordinal != "fraction":
            ov = _ordinal_phrase(toks, 0, j)
            if ov is not None:
                return _Numeral(toks[0].start, toks[j].end, ov, "integer", ordinal=True, words=True)
    if t0.cls == "ord" and t0.ordinal == "fraction" and not t0.plural:
        k = 1 + (n > 1 and toks[1].cls == "of")
        k += k < n and toks[k].cls == "a"
        if t0.word == "half" or (k < n and toks[k].cls in ("scale", "dozen")):
            return _finish(toks, 0, 1, 1 / t0.value, "fraction", lex, text)
    if t0.cls == "ord" and t0.ordinal == "fraction":
        return None
    runs = _run(toks, 0, n)
    if not runs:
        return None
    end, v, _scale = runs[-1]
    # fraction-only word after a cardinal: "three quarters", "a half"
    if end < n and toks[end].cls == "ord" and toks[end].ordinal == "fraction":
        fr = _split_fraction(toks, 0, end)
        if fr:
            return _finish(toks, 0, fr[0], fr[1], "fraction", lex, text)
    if toks[end - 1].cls == "a":
        return None
    sub = "integer"
    has_words = False
    non_integer = False
    scale_name = None  # _scale_word(toks, 0, end, lex), read in the same pass
    for k in range(end):
        t = toks[k]
        c = t.cls
        if c != "num":
            has_words = True
            if c == "scale":
                scale_name = lex.scale_name.get(t.word, t.word)
        else:
            if t.subtype != "integer":
                non_integer = True
            if t.scale:
                scale_name = t.scale
    if non_integer:
        sub = toks[0].subtype if end == 1 else ("decimal" if v != int(v) else "integer")
    # digits followed by a digit fraction: "2 1/4"
    if (
        end == 1
        and end < n
        and toks[end].cls == "fracnum"
        and toks[0].subtype == "integer"
        and toks[end].value < 1
        and not toks[0].scale
    ):
        return _finish(toks, 0, end + 1, v + toks[end].value, "fraction", lex, text)
    # decimal point in words: "two hundred point zero three"
    if end < n and toks[end].cls == "point":
        digits = ""
        k = end + 1
        while k < n and toks[k].cls in {"unit", "zero", "teen", "tens", "hy"}:
            if toks[k].cls == "hy":
                k += 1
                continue
            if (
                toks[k].cls == "tens"
                and k + 1 < n
                and toks[k + 1].cls == "hy"
                and k + 2 < n
                and toks[k + 2].cls == "unit"
            ):
                digits += str(toks[k].value + toks[k + 2].value)
                k += 3
                continue
            digits += str(toks[k].value)
            k += 1
        if digits:
            return _finish(toks, 0, k, v + float("0." + digits) * (1 if v >= 0 else -1), "decimal", lex, text)
    # mixed number: "one and a half", "three and one fourth", "3 million and a half"
    if end < n and toks[end].cls == "and":
        fr = _fraction_at(toks, end + 1)
        if fr is None and end + 1 < n:
            fr = _half_at(toks, end + 1)
        if fr and fr[1] < 1:
            fend, fv = fr[0], fr[1]
            mult = 1
            last_scale = _last_scale(toks, 0, end)
            if last_scale and not (fend < n and toks[fend].cls == "scale"):
                mult = last_scale
            return _finish(toks, 0, fend, v + fv * mult, "fraction", lex, text, base=v if mult == 1 else None)
    num = _Numeral(toks[0].start, toks[end - 1].end, v, sub, scale_name, False, end == 1 and toks[0].plain, has_words)
    if toks[0].cls == "num" and toks[0].subtype == "power":
        num.subtype = "power"
    # "1 over 3", "one out of three", "1 in twenty-one"
    if end < n and toks[end].cls in {"over", "outof", "in"} and end + 1 < n:
        den = _read_numeral(text, toks[end + 1].start, lex)
        if isinstance(den, _Numeral) and not den.ordinal and den.value and not den.round:
            word = toks[end].cls
            ok = True
            after = text[den.end : den.end + 24]
            if word == "over" and (lex.unit_re.match(text, den.end) or _SPACE_LOWER.match(after)):
                ok = False
            if word in ("outof", "in") and not (v < den.value):
                ok = False
            if word == "in" and den.plain and YEAR_RANGE[0] <= den.value <= YEAR_RANGE[1]:
                ok = False
            if ok:
                return _Numeral(num.start, den.end, v / den.value, "fraction", words=True)
    return num


def _half_at(toks, k):
    """'a half', 'one half', 'a quarter' after 'and'."""
    if (k + 1 < len(toks) and toks[k].cls in ("a",)) or (
        k < len(toks) and toks[k].cls == "unit" and toks[k].value == 1
    ):
        if k + 1 < len(toks) and toks[k + 1].cls == "ord" and toks[k + 1].ordinal == "fraction":
            return (k + 2, 1 / toks[k + 1].value)
    return None


def _last_scale(toks, a, b):
    for t in reversed(toks[a:b]):
        if t.cls == "scale":
            return t.value
        if t.cls == "num" and t.scale:
            return 1
        if t.cls not in ("and",):
            return None
    return None


def _scale_word(toks, a, b, lex):
    name = None
    for t in toks[a:b]:
        if t.cls == "scale":
            name = lex.scale_name.get(t.word, t.word)
        elif t.cls == "num" and t.scale:
            name = t.scale
    return name


def _finish(toks, a, end, v, sub, lex, text, base=None):
    """After a fraction or mixed number: "of a million", "a dozen", a trailing scale word."""
    n = len(toks)
    scale = _scale_word(toks, a, end, lex)
    k = end
    if k < n and toks[k].cls == "of":
        k += 1
    if k < n and toks[k].cls == "a":
        k += 1
    if k < n and toks[k].cls in ("scale", "dozen"):
        t = toks[k]
        mult = t.value if t.cls == "scale" else 12
        if scale and t.cls == "scale":
            # "one billion and a half million": the fraction is of the trailing scale
            left = _card(toks, a, _and_index(toks, a, end))
            if left is not None:
                v = left + (v - left) * mult
            else:
                v = v * mult
        else:
            v = v * mult
        end = k + 1
        scale = lex.scale_name.get(t.word, scale)
        if k > end - 1 and toks[end - 2].cls in ("of", "a") and toks[end - 2].start < toks[end - 1].start:
            pass
    num = _Numeral(
        toks[a].start,
        toks[end - 1].end,
        v,
        sub if v != int(v) or sub == "fraction" else "integer",
        scale=scale,
        words=True,
    )
    return num


def _and_index(toks, a, end):
    for i in range(end - 1, a - 1, -1):
        if toks[i].cls == "and":
            return i
    return end


def _round_plural(text, toks, lex):
    """'hundreds', 'tens of thousands', 'hundreds of millions': [2X, 10X), approximate."""
    x = lex.round_plurals[toks[0].word]
    end = toks[0].end
    m = _OF_ROUND_PLURAL.match(text, end)
    if m:
        x *= lex.round_plurals[m.group(1).lower()]
        end = m.end()
    elif toks[0].word == "tens":
        return None
    num = _Numeral(toks[0].start, end, None, "integer", words=True)
    num.round = (2 * x, 10 * x)
    return num


# --------------------------------------------------------------------------- mentions


def _fmt(v):
    if v.__class__ is float and -1e16 < v < 1e16 and v.is_integer():
        return int(v)
    return v


def _counted_noun(text, pos, lex):
    """The counted noun after a figure ("100,000 troops" -> troop): (lemma, end) or None."""
    if text[pos : pos + 1] not in (" ", "\u00a0"):
        return None
    limit = min(len(text), pos + 60)
    func = lex.function
    prev = pos
    chosen = None
    for i in range(3):
        m = _WORD_AFTER.match(text, prev, limit)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in func or lw in lex.words or lw in lex.ordinals:
            break
        if lw.endswith(("ly", "ed")):  # adverbs and participles ("30 killed") are not counted nouns
            break
        if lw in lex.lemmas or _looks_plural(lw):
            chosen = (m, _lemma(lw, lex))
            break
        if i == 0 and w[0].islower():
            nxt = _WORD_AFTER.match(text, m.end(), limit)
            if nxt is None or nxt.group(1).lower() in func:
                chosen = (m, lw)
                break
        prev = m.end()
    if chosen is None:
        return None
    return chosen[1], chosen[0].end()


def _looks_plural(w):
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s"))


def _lemma(w, lex):
    if w in lex.lemmas:
        return lex.lemmas[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


_PREV_REV = re.compile(r"[ \t\u00a0\u202f]{0,40}([A-Za-z.]{0,20})")
_PREV_WORD = ".abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"  # _PREV_REV's [A-Za-z.]
_PREV_SKIP = frozenset(" \t\u00a0\u202f.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _prev(text: str, s: int, rev: str | None = None) -> str:
    """The token just before ``s`` (lower case): a word, or one symbol character; cheap guard for look-backs.

    ``rev`` is ``text.lower()[::-1]`` when ``text`` is ASCII: the token is then one forward match on it."""
    if rev is not None:
        if not s:
            return ""
        c = text[s - 1]
        if c not in _PREV_SKIP:  # a symbol just before: the token itself (what the match below returns)
            return c
        # _PREV_REV by string methods (a regex call costs more than these few copies): the white space, then the word
        k = len(text) - s
        r = rev[k : k + 60]
        t = r.lstrip(" \t\u00a0\u202f")
        sp = len(r) - len(t)
        if sp <= 40:
            u = t[:20]
            wl = len(u) - len(u.lstrip(_PREV_WORD))
            if wl:
                return u[:wl][::-1]
            return text[s - sp - 1 : s - sp]
        m = _PREV_REV.match(rev, k)
        w = m.group(1)
        if w:
            return w[::-1]
        i = len(text) - m.end()
        return text[i - 1 : i]
    i = s
    stop = max(0, s - 40)  # the widest look-back window; more white space than that ends every look-back
    while i > stop and text[i - 1] in " \t\u00a0\u202f":
        i -= 1
    j = i
    while j > 0 and j > i - 20 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i].lower() if j < i else text[i - 1 : i]


_SIGN_WORDS = frozenset({"-", "minus", "negative"})


def _sign_before(text, s, pv=None):
    if (_prev(text, s) if pv is None else pv) not in _SIGN_WORDS:
        return None
    m = _SIGN_AT_END.search(text, max(0, s - 12), s)
    return m.start() if m else None


def _is_name_part(text, rev, s, num, lex, pv=None):
    """'G7', 'COVID-19', 'Boeing 737', 'Article 5': a figure that names, not counts.

    ``pv`` is ``_prev(text, s)`` when the caller has it: a word must precede for the look-back to match."""
    if s > 0 and (text[s - 1].isalpha() or (text[s - 1] == "-" and s > 1 and text[s - 2].isalpha())):
        return True
    if not num.plain:
        return False
    if text[s - 1 : s] not in (" ", "\u00a0") or (
        pv is not None and not (pv[-1:].isascii() and (pv[-1:].isalpha() or pv[-1:] == "."))
    ):
        return False
    # the word before the spaces, ([A-Za-z][A-Za-z.]*)[ \u00a0]+$ over text[s - 30:s], matched forwards on the reversed text
    n = len(text)
    m = _WORD_BEFORE_REV.match(rev, n - s, n - max(0, s - 30))
    if not m:
        return False
    w = text[n - m.end(1) : n - m.start(1)]  # as written (``rev`` may be the lower-case copy)
    ws = n - m.end()
    wl = w.lower()
    if wl.rstrip(".") in lex.name_head:
        return True
    if w[0].isupper() and wl not in lex.months and wl not in lex.function:
        before = text[max(0, ws - 3) : ws].strip()
        return bool(before) and before[-1] not in ".!?\"'(:" and ws > 0
    return False


def parse_quantities(text: str) -> list[Quantity]:
    """Every number-like mention in ``text``, in text order, with its resolution."""
    lex = _lex()
    out: list[Quantity] = []
    n = len(text)
    skips = (
        [(m.start(), m.end()) for m in _URL.finditer(text)] if ("://" in text or "www." in text or "@" in text) else []
    )
    si = 0
    pos = 0
    rev = arev = (
        None  # text[::-1] (for ASCII text: its lower-case copy reversed) and arev, that copy or None: made at the first anchor
    )
    # Number words are searched on a copy of the text behind one space (a word starts after a non-letter, also at
    # the start). ASCII text: one search for the next anchor of either kind (lex.anchor_low). Other text: the next
    # anchor is the first of two searches, each kept until the scan passes it.
    asc = text.isascii()
    primes = "'" in text or (not asc and ("\u2032" in text or "\u2019" in text))  # 5'10": a height may follow a figure
    if asc:
        scan = " " + text.lower()  # ASCII: the faster lower-case patterns (lower() keeps the length)
    else:
        scan = " " + text
        sign_search, word_search = lex.anchor_sign.search, lex.anchor_word.search
    sign_at = word_at = -1
    word_end, word_text = 0, ""
    comb_search = lex.anchor_low.search
    while pos < n:
        if asc:
            # ASCII: one search on the lower-case copy finds the next anchor of either kind (the stop before a number
            # word, or a sign character, which is a stop itself); the figure the scan has passed is skipped
            m = comb_search(scan, pos)
            if m is None:
                break
            i = m.start()
            if m.end() - i == 1 and i == pos:  # a sign at pos - 1, behind the scan (no number word follows it)
                m = comb_search(scan, pos + 1)
                if m is None:
                    break
                i = m.start()
            word_at = -1
            if m.end() - i == 1 or (i > pos and scan[i] in _SIGN_ASCII):
                a, m_end, m_text = i - 1, i, text[i - 1]  # a sign; a number word after it comes next
            else:
                word_at, word_end = i, m.end() - 1
                # "a"/"an" and white space before the number word start the anchor ("a hundred"), as the
                # article group of low_word would: the article follows a non-letter at or after pos
                k = word_at
                if scan[k].isspace():
                    while k > 1 and scan[k - 1].isspace():
                        k -= 1
                    c = scan[k - 1]
                    if c == "a":
                        if k - 2 >= pos and scan[k - 2] not in _WORD_CHARS:
                            word_at = k - 2
                    elif c == "n" and scan[k - 2] == "a" and k - 3 >= pos and scan[k - 3] not in _WORD_CHARS:
                        if text[k - 2] == "N":
                            # "AN", "aN" are not the article of the case-exact pattern: it decides
                            wm = lex.anchor_word.search(" " + text, pos)
                            word_at, word_end = (wm.start(), wm.end() - 1) if wm else (n, 0)
                        else:
                            word_at = k - 3
                if word_at >= n:
                    pos = i + 1
                    continue
                a, m_end, m_text = word_at, word_end, text[word_at:word_end]
        else:
            if sign_at < pos:
                sm = sign_search(text, pos)
                sign_at = sm.start() if sm else n
            if word_at < pos:
                wm = word_search(scan, pos)
                if wm is None:
                    word_at = n
                else:
                    word_at, word_end = wm.start(), wm.end() - 1
                    word_text = text[word_at:word_end]
            if sign_at < word_at:
                a, m_end, m_text = sign_at, sign_at + 1, text[sign_at]
            elif word_at < n:
                a, m_end, m_text = word_at, word_end, word_text
            else:
                break
        if skips:
            while si < len(skips) and skips[si][1] <= a:
                si += 1
            if si < len(skips) and skips[si][0] <= a:
                pos = skips[si][1]
                continue
        ch = text[a]
        digit = ch.isdigit()
        if digit:  # an anchor is a digit, a sign or fraction character, or a word
            if a > 0:
                pc = text[a - 1]
                if pc == "." and (a < 2 or not text[a - 2].isdigit()):
                    a -= 1  # ".5": the numeral starts at the point
                elif pc.isdigit():  # inside a digit run the scan has passed (an identifier, a skipped code)
                    pos = _DIGIT_RUN.match(text, a).end()
                    continue
        else:
            if ch.isalpha() and m_text[:1] in "aA" and " " in m_text:
                pa = a + len(_AN.match(m_text).group())
                if lex.bare_percent_re.match(text, pa):
                    a = pa
            if ch == "%" or ch in "<>≤≥" or (ch.isalpha() and text[a] in "pP" and lex.bare_percent_re.match(text, a)):
                if ch in "<>≤≥":
                    pos = a + 1
                    continue
                q = _percent_mention(text, a, lex)
                if q:
                    out.append(q)
                    pos = q.end
                else:
                    pos = m_end
                continue
        if rev is None:
            # ASCII text: the look-backs run on the lower-case copy reversed (rev is that copy too)
            if asc:
                rev = arev = scan[:0:-1]
            else:
                rev = text[::-1]
        pa = _prev(text, a, arev)
        money_prefix = (
            lex.prefix_re.search(text, max(0, a - 5), a)
            if pa and (pa in lex.prefix_sym_last or pa in lex.prefix_words)
            else None
        )
        if digit:  # _read_numeral, its digit test passed
            num = _digits_alone(text, a, lex, money_prefix is not None)
            if num is None or num.__class__ is _Tok:
                num = _read_words(text, a, lex, money_prefix is not None, num)
        elif a == word_at and m_text.isascii() and m_text.isalpha():
            # a number word the scanner found: a whole ASCII word from a to m_end (no digit starts here)
            num = _read_words(text, a, lex, money_prefix is not None, None, m_end)
        else:
            num = _read_numeral(text, a, lex, money_prefix is not None)
        if num is None and a == word_at and text[a] in "aA":
            # "a five-mile run": the article does not start a numeral here; the number word alone may
            am = _AN.match(text, a)
            if am and am.end() < m_end:
                a = am.end()
                pa = _prev(text, a, arev)
                num = _read_numeral(text, a, lex, False)
        if num is None:
            pos = m_end
            continue
        if isinstance(num, tuple):
            pos = max(num[1], a + 1)
            continue
        q = _mention(text, rev, arev, num, lex, money_prefix, pa if num.start == a else None)
        if q is None:
            pos = max(num.end, a + 1)
            continue
        k = q.kind
        if (k != "number" and k != "percent" and k != "ordinal") or (
            k == "number"
            and (
                (q.value.__class__ is float and 0 < q.value < 1 and text[q.end + 1 : q.end + 2] in _A_OR_OF)
                or (primes and text[q.end : q.end + 1] in _PRIMES)
            )
        ):
            q = _refine(text, q, lex)
            if q is None:
                pos = max(num.end, a + 1)
                continue
        out.append(q)
        pos = max(q.end, a + 1)
    if len(out) > 1:
        out = _merge_bounds(text, out, lex)
        if len(out) > 1:
            for q in out:
                k = q.kind
                if (k == "money" or k == "dimension" or k == "duration") and q.value is not None:
                    out = _unit_ranges(text, out, lex)
                    break
        if len(out) > 1:
            for i in range(1, len(out)):
                if out[i].kind == "money" and out[i - 1].kind == "money":
                    out = _money_pairs(text, out, lex)
                    break
    return out


_NAME_LIKE = re.compile(r"\d[gG]|\d{1,2}/(?:1[1-9]|[23]\d)")  # "5G"; "9/11", "7/21" (a day, not a fraction)
_HY_SCALE = re.compile(r"[-\u2010\u2011](thousand|million|billion|trillion)(?![A-Za-z])", re.I)
_RATE = re.compile(r"[ \u00a0]+(?i:an?|per|each|every)[ \u00a0]+([A-Za-z]+)(?![A-Za-z])")
_COMPOUND_GAP = re.compile(r"(?:[ \u00a0]*+,?[ \u00a0]*+(?i:and[ \u00a0]++)|[ \u00a0]++|-)(?=[\dA-Za-z])")
_COMPOUND_FIRST = frozenset(" \u00a0,-")  # what may follow a measure that _refine_measure extends
_AND_HALF = re.compile(r"[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half(?![A-Za-z])", re.I)
_OF_A_UNIT = re.compile(r"(?:[ \u00a0]+of|)[ \u00a0]+an?[ \u00a0]+([A-Za-z]+)(?![A-Za-z])", re.I)
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")
_OF_WORD = re.compile(r"[ \u00a0]+of[ \u00a0]+([A-Za-z]+)")
_A_OR_OF = frozenset("aAoO")  # "half a mile", "three-quarters of an acre": what may follow a fraction of a unit
_WS_SPACE = str.maketrans("\t\n\r\x0b\x0c", "     ")  # ASCII white space as a space (the currency/unit gate)
_PRIMES = frozenset("'′’")
_FEET_INCHES = re.compile(
    "["
    + "".join(sorted(_PRIMES))
    + r"](?:[ \u00a0]?(\d{1,2}(?:\.\d)?)[ \u00a0]?(?:\"|″|''|”)|(?=[ \u00a0]*(?:tall|high)\b))"
)
_HEIGHT_END = re.compile(r"(?:[ \u00a0]*(?:[,.;:)]|$)|[ \u00a0]+(?:tall|high)\b)")
_INCH = re.compile(r"[ \u00a0]?(?:in(?![A-Za-z])\.?|[\"\u2033])")
_NO_WORD = re.compile("(.{0})").match("")
_NEXT_WORD = re.compile(r"[ \u00a0-]+([A-Za-z]+)")


def _scaled(q, factor, add=0.0, **changes):
    """``q`` with value and bounds multiplied by ``factor`` (plus ``add``), and ``changes``."""

    def f(v):
        if v is None:
            return None
        v = v * factor + add
        v = round(v, 12) if v.__class__ is float else v
        return _fmt(v)

    return replace(q, value=f(q.value), low=f(q.low), high=f(q.high), **changes)


def _span(text, q, start, end, **changes):
    return replace(q, start=start, end=end, text=text[start:end], **changes)


def _numeral_text(text, q):
    return text[q.numerals[0][0] : q.numerals[0][1]] if q.numerals else q.text


def _is_year(text, q):
    """A plain four-digit figure in the years' range, written without a separator: "2016", not "2,016"."""
    if len(q.numerals) != 1 or q.value is None or q.value.__class__ is float:
        return False
    w = _numeral_text(text, q)
    return len(w) == 4 and w.isdigit() and YEAR_RANGE[0] <= q.value <= YEAR_RANGE[1]


def _refine(text, q, lex):
    """A figure's reading, checked against the words around it (rare cases: run only for non-plain figures).

    Counts whose noun is a verb ("13 proves"), a year's noun ("the 2016 high") or a word that does not count
    ("zero carbon", "one involving", "half way"); money written "$300-million", "500m euros", "2016 won";
    "pounds" of weight; measures in two units ("5 feet 2 inches"), per a unit ("188 miles an hour"),
    "and a half", a fraction of a unit ("half a mile"); "zero-hours" (a word, not a duration).
    """
    kind = q.kind
    if kind == "count":
        return _refine_count(text, q, lex)
    if kind == "money":
        return _refine_money(text, q, lex)
    if kind == "number":
        pm = _FEET_INCHES.match(text, q.end) if text[q.end : q.end + 1] in _PRIMES and q.value is not None else None
        if pm and q.qualifier == "exact" and len(q.numerals) == 1:  # 5'10", 6′2″: feet and inches
            if not pm.group(1):  # "6' tall"
                return _span(text, q, q.start, pm.end(), kind="dimension", unit="ft", measure_span=(q.start, pm.end()))
            inches = float(pm.group(1))
            if inches < 12:
                return _scaled(
                    _span(text, q, q.start, pm.end()),
                    12,
                    inches,
                    kind="dimension",
                    unit="in",
                    measure_span=(q.start, pm.end()),
                )
        # "half a mile", "three-quarters of an hour": a fraction of a unit
        if text[q.end + 1 : q.end + 2] not in _A_OR_OF:
            return q
        m = _OF_A_UNIT.match(text, q.end)
        if m:
            um = lex.unit_re.match(text, m.start(1) - 1)
            if um and um.group("ci"):
                info = lex.units.get(" ".join(um.group("ci").lower().split()))
                if info and info[1] in ("dimension", "duration", "percent"):
                    unit, k, factor = info
                    return _scaled(
                        _span(text, q, q.start, um.end()),
                        factor,
                        kind=k,
                        unit=unit,
                        measure_span=(q.measure_span[0] if q.measure_span else q.start, um.end()),
                    )
        return q
    if kind in ("dimension", "duration"):
        return _refine_measure(text, q, lex)
    return q


def _as_number(text, q):
    """The figure alone, without the word after it that is not its unit or counted noun."""
    end = q.measure_span[1] if q.measure_span else q.numerals[-1][1]
    end = max(end, q.numerals[-1][1]) if q.numerals else end
    if q.range_span and q.range_span[1] > end and q.qualifier != "range":
        end = q.range_span[1]
    return _span(
        text,
        q,
        q.start,
        end,
        kind="number",
        unit=None,
        measure_span=(q.measure_span[0], end) if q.measure_span else None,
    )


def _refine_count(text, q, lex):
    noun = q.text.rsplit(None, 1)[-1].rsplit("-", 1)[-1].lower()
    code = lex.currency_suffix.get(noun) if q.value is None else None
    if code and code.isupper():  # "millions of dollars", "tens of thousands of pounds"
        f = lex.currency_factor.get(noun)
        return _scaled(q, f, kind="money", unit=code) if f else replace(q, kind="money", unit=code)
    numeral = _numeral_text(text, q).lower()
    if (numeral[-1:] == "g" or "/" in numeral) and _NAME_LIKE.fullmatch(numeral):
        return None  # "5G networks", "the 9/11 attacks": a name, not a count
    if q.start >= 2 and text[q.start - 1] == "-" and text[q.start - 2].isdigit():
        return _as_number(text, q)  # "a 3-2 win": a score
    plural = noun in lex.lemmas or _looks_plural(noun)
    if noun in lex.verbs or (
        not plural
        and (
            noun.endswith("ing")
            or numeral in ("zero", "one", "half")
            or (q.value is not None and q.value != int(q.value))
        )
    ):
        q = _as_number(text, q)
        if len(numeral) == 4 and _is_year(text, q):
            return None
        return q
    if len(numeral) == 4 and q.qualifier == "exact" and _is_year(text, q):
        # "the 2016 high", "its 2010 vintage", "the 2019 elections": a year before a noun
        if not plural or _prev(text, q.start) in lex.year_det:
            return None
    return q


def _refine_money(text, q, lex):
    end = q.end
    c = text[end : end + 1]
    if c in "-\u2010\u2011" and q.scale_word is None:
        m = _HY_SCALE.match(text, end)  # "$300-million", "C$1.2-billion"
        if m:
            w = m.group(1).lower()
            factor = lex.words[w][1]
            q = _scaled(
                _span(text, q, q.start, m.end()),
                factor,
                scale_word=lex.scale_name.get(w, w),
                measure_span=(q.measure_span[0], m.end()) if q.measure_span else None,
            )
            return q
    tail = q.text[-7:].lower()
    if q.unit == "KRW" and tail.endswith("won") and q.scale_word is None and "," not in q.text:
        # "who in 2016 won the election": a verb, not the currency
        if _is_year(text, q):
            return None
        return _as_number(text, replace(q, measure_span=(q.measure_span[0], q.numerals[-1][1])))
    if q.unit == "GBP" and (tail.endswith("pounds") or tail.endswith("pound")) and "£" not in q.text:
        # "weighed two pounds", "five pounds of cocaine", "a 10-pound baby": a weight; "a five-pound note": money
        before = {w.lower() for w in _WORDS_BEFORE.findall(text, max(0, q.start - 60), q.start)}
        if "-" in q.text or (tail.endswith(" pound") and q.value != 1):
            # "a 10-pound baby", "a 3 pound bag": a weight, unless a note or coin follows or a price is named
            nw = _NEXT_WORD.match(text, end)
            if not (nw and nw.group(1).lower() in lex.money_cue) and not (
                before & lex.money_cue and not before & lex.weight_cue
            ):
                return replace(q, kind="dimension", unit="lb")
            return q
        of = _OF_WORD.match(text, end)
        if (
            of and of.group(1).lower() not in ("sterling", "the", "their", "his", "her", "its")
        ) or before & lex.weight_cue:
            return replace(q, kind="dimension", unit="lb")
    return q


def _refine_measure(text, q, lex):
    unit = q.unit
    end = q.end
    numeral = _numeral_text(text, q)
    if numeral.lower() == "zero" and text[q.numerals[0][1] : q.numerals[0][1] + 1] == "-":
        return _as_number(text, replace(q, measure_span=(q.start, q.numerals[0][1])))  # "zero-hours contracts"
    if unit == "lb" and text[end - 5 : end].lower().endswith("pound"):
        nw = _NEXT_WORD.match(text, end)
        before = {w.lower() for w in _WORDS_BEFORE.findall(text, max(0, q.start - 60), q.start)}
        if (nw and nw.group(1).lower() in lex.money_cue) or (before & lex.money_cue and not before & lex.weight_cue):
            return replace(q, kind="money", unit="GBP")  # "a five-pound note", "it costs 3 pound"
    if unit == "m" and text[end - 1 : end] == "m" and text[end - 2 : end - 1].isdigit():
        um = lex.cur_unit_re.match(text, end)  # "500m euros": million, in a currency named after it
        if um is not None and um.group("cur") is not None:
            cur = lex.currency_suffix.get(" ".join(um.group("cur").strip().lower().split()))
            if cur:
                return _scaled(
                    _span(text, q, q.start, um.end()),
                    10**6,
                    kind="money",
                    unit=cur,
                    scale_word="million",
                    measure_span=(q.measure_span[0], um.end()) if q.measure_span else None,
                )
    if (
        (unit == "degC" or unit == "degF")
        and text[end - 1 : end] in ("C", "F")
        and q.numerals
        and text[q.numerals[-1][1] : end] in (" C", " F", "\u00a0C", "\u00a0F")
        and (_NEXT_WORD.match(text, end) or _NO_WORD).group(1)[-1:] == "s"
    ):
        return _as_number(text, replace(q, measure_span=(q.measure_span[0], q.numerals[-1][1])))  # "Group 5 C"
    nxt = text[end : end + 1]
    if nxt == "" or nxt.isalnum() or nxt not in _COMPOUND_FIRST:
        return q  # nothing this function reads starts here
    if unit in lex.compound_big and q.value is not None:
        g = _COMPOUND_GAP.match(text, end)
        if g and not text[g.end()].isdigit():
            w = _ALPHA.match(text, g.end())
            if not w or w.group().lower() not in lex.words:
                g = None
        if g:
            num = _read_numeral(text, g.end(), lex)
            if isinstance(num, _Numeral) and num.value is not None and not num.ordinal:
                um = lex.unit_re.match(text, num.end)
                small = None
                if um:
                    tok = um.group("cs") or " ".join(um.group("ci").lower().split())
                    info = lex.units.get(tok) or lex.units.get(tok.lower())
                    small = info[0] if info else None
                elif unit == "ft" and num.value < 12:
                    um = _INCH.match(text, num.end)  # "6ft 2in", "6 ft 2 in", "6 ft 2\""
                    if um or text[g.start() : g.start() + 1] == "-" or _HEIGHT_END.match(text, num.end):
                        small = "in"  # "5-foot-2", "5 ft 10.": inches understood
                factor = lex.compound.get((unit, small))
                if factor:
                    new_end = um.end() if um else num.end
                    q = _scaled(
                        _span(text, q, q.start, new_end),
                        factor,
                        num.value,
                        unit=small,
                        numerals=q.numerals + ((num.start, num.end, _fmt(num.value)),),
                        measure_span=(q.measure_span[0], new_end) if q.measure_span else None,
                    )
                    return q
    c2 = text[end + 1 : end + 2]
    if c2 != "a" and c2 != "A" and c2 != "p" and c2 != "P" and c2 != "e" and c2 != "E":
        return q
    h = _AND_HALF.match(text, end) if c2 == "a" or c2 == "A" else None
    if h and q.value is not None:  # "a mile and a half"
        return _scaled(
            _span(text, q, q.start, h.end()),
            1,
            0.5,
            measure_span=(q.measure_span[0], h.end()) if q.measure_span else None,
        )
    r = _RATE.match(text, end)
    if r:
        per = r.group(1).lower()
        per = lex.lemmas.get(per, per)
        if per in lex.rate_per:
            rate = lex.rates.get((unit, per), f"{unit}/{per}")
            return _span(
                text,
                q,
                q.start,
                r.end(),
                unit=rate,
                measure_span=(q.measure_span[0], r.end()) if q.measure_span else None,
            )
    return q


def _percent_mention(text, a, lex):
    m = lex.percent_of_re.match(text, a)
    if m:
        num = _read_numeral(text, m.end(), lex)
        if (
            isinstance(num, _Numeral)
            and num.value is not None
            and not num.ordinal
            and not _counted_noun(text, num.end, lex)
        ):
            return Quantity(
                a,
                num.end,
                text[a : num.end],
                _fmt(num.value),
                _fmt(num.value),
                _fmt(num.value),
                kind="percent",
                unit="percent",
                numerals=((num.start, num.end, _fmt(num.value)),),
                measure_span=(a, num.end),
                subtype=num.subtype,
            )
    m = lex.bare_percent_re.match(text, a)
    if not m:
        return None
    # a percentage named without a figure ("a small percent"): reported with no value
    return Quantity(
        a,
        m.end(),
        m.group(),
        None,
        None,
        None,
        kind="percent",
        unit="percent",
        measure_span=(a, m.end()),
        subtype="none",
    )


def _mention(text, rev, arev, num, lex, money_prefix, pv_s=None):
    """The mention around the numeral ``num``; ``rev`` is ``text[::-1]`` (look-backs run on it as forward matches),
    for ASCII text its lower-case copy; ``arev`` is that lower-case copy when the text is ASCII, else None."""
    s, e = num.start, num.end
    if pv_s is None:
        pv_s = _prev(text, s, arev)  # the token before the numeral, read once
    # ---- what the numeral is, by itself
    if num.ordinal and (
        (pv_s in lex.month_set and lex.month_re.search(text, max(0, s - 15), s))
        or (text[e : e + 1] in _MONTH_AFTER_FIRST and lex.month_after_re.match(text, e))
    ):
        return None
    if num.plain and num.value is not None:
        if (
            text[e : e + 2].strip()[:1] in {"a", "A", "p", "P", "o"}
            and text[e + text[e : e + 1].isspace() : e + text[e : e + 1].isspace() + 2].lower() in _CLOCK_START
            and _CLOCK_AFTER.match(text, e)
            and num.value <= 12
        ):
            return None
        # list marker: "1. Introduction" at the start of a line
        if text[e : e + 1] in _LIST_MARK_FIRST:
            line_start = text.rfind("\n", max(0, s - 8), s)
            if (
                (line_start >= 0 or s < 8)
                and not text[(line_start + 1 if line_start >= 0 else 0) : s].strip()
                and _LIST_MARK.match(text, e, e + 4)
            ):
                return None
    # ordinals written in digits: "21st", "4th"
    om = _ORDINAL_SUFFIX.match(text, e) if num.plain and text[e : e + 1] in _ORDINAL_FIRST else None
    if om:
        if (pv_s in lex.month_set and lex.month_re.search(text, max(0, s - 15), s)) or (
            text[e : e + 1] in _MONTH_AFTER_FIRST and lex.month_after_re.match(text, e)
        ):
            return None
        num.ordinal, e = True, om.end()
        num.end = e
    # ---- sign, currency and qualifier before it
    start = s
    value = num.value
    sign_at = _sign_before(text, s, pv_s) if value is not None and pv_s in _SIGN_WORDS else None
    if sign_at is not None:
        value = -value
        start = sign_at
    currency = None
    if money_prefix and not num.ordinal:
        currency = lex.currency_prefix.get(money_prefix.group().strip())
        start = min(start, money_prefix.start())
    if currency is None and not num.words and _is_name_part(text, rev, s, num, lex, pv_s):
        return None
    if num.words and num.value == 1 and text[s:e].lower() == "one":
        prev = _WORD_BEFORE.search(text, max(0, s - 15), s)
        if prev and prev.group(1).lower() in lex.context.get("det", ()):
            return None
        if _ANOTHER.match(text, e, e + 9):
            return None
    if (
        num.plain
        and not currency
        and num.value is not None
        and 1 <= num.value <= 31
        and (
            (
                (pv_s if start == s else _prev(text, start, arev)) in lex.month_set
                and lex.month_re.search(text, max(0, start - 15), start)
            )
            or (text[e : e + 1] in _MONTH_AFTER_FIRST and lex.month_after_re.match(text, e))
        )
    ):
        return None
    pv = pv_s if start == s else _prev(text, start, arev)
    # pv is "" when only white space precedes the figure (to the start of the text): no qualifier can end there
    qual = (
        _qualifier_before(text, rev, arev, start, lex) if pv and (pv in lex.before_last or pv[-1] in "<>=≤≥") else None
    )
    q_start = qual[0] if qual else start
    qrow = lex.before[qual[1]] if qual else None
    approx_row = None
    if qrow and qrow["bound"] == "approx":
        approx_row = qrow
        pv2 = _prev(text, q_start, arev)
        q2 = (
            _qualifier_before(text, rev, arev, q_start, lex)
            if pv2 and (pv2 in lex.before_last or pv2[-1] in "<>=≤≥")
            else None
        )
        qrow = lex.before[q2[1]] if q2 else None
        if qrow and qrow["bound"] == "approx":
            qrow = None
        cmp_start = q2[0] if qrow else None
    else:
        cmp_start = q_start if qrow else None
    numerals = [
        (
            s if sign_at is None else sign_at,
            e,
            int(value) if value.__class__ is float and -1e16 < value < 1e16 and value.is_integer() else value,
        )
    ]
    # ---- a range: "between 20 and 30", "from 20 to 30", "20-30", "20 to 30"
    ropen = (
        lex.range_open_re.search(text, max(0, start - 12), start)
        if not qrow and pv in {"between", "from", "the"}
        else None
    )
    low = high = None
    rng = None
    end = e
    scale = num.scale
    t3 = text[e : e + 3]
    l3 = t3.lstrip()
    c3 = l3[:1]
    if (
        c3 in _RANGE_FIRST
        and ((value is not None and not num.ordinal) or ropen)
        and (not c3.isalpha() or text[e + len(t3) - len(l3) : e + len(t3) - len(l3) + 2].lower() in _RANGE_WORD_START)
    ):
        rng = _range_partner(text, e, num, value, lex, ropen, currency is not None)
        if (
            rng
            and ropen
            and ropen.group("w").lower() == "from"
            and lex.change_re.search(text, max(0, ropen.start() - 30), ropen.end())
        ):
            rng = None
    if rng:
        pnum, pval = rng
        low, high = value, pval
        if num.scale is None and pnum.scale:
            mult = _lex().words.get(pnum.scale, (None, 1))[1] if pnum.scale in _lex().words else 1
            if mult > 1 and low * mult < high:
                low = low * mult
        numerals.append((pnum.start, pnum.end, _fmt(pval)))
        end = pnum.end
        scale = pnum.scale or scale
        cmp_start = ropen.start() if ropen else s if sign_at is None else sign_at
        if ropen:
            q_start = min(q_start, ropen.start())
    elif ropen and ropen.group("w").lower() == "between":
        pass
    # ---- ordinals stop here
    if num.ordinal:
        if rng:
            return _build(
                text,
                q_start,
                end,
                None,
                low,
                high,
                True,
                False,
                approx_row is not None,
                "range",
                "ordinal",
                None,
                None,
                numerals,
                (cmp_start, end),
                (s, end),
                "integer",
            )
        if qrow and qrow["bound"] in {"low", "high", "point"}:
            inc = qrow["inclusive"] == "yes"
            lo = value if qrow["bound"] in ("low", "point") else None
            hi = value if qrow["bound"] in ("high", "point") else None
            return _build(
                text,
                q_start,
                e,
                _fmt(value) if qrow["bound"] == "point" else None,
                _fmt(lo),
                _fmt(hi),
                inc,
                inc,
                False,
                qrow["qualifier"],
                "ordinal",
                None,
                None,
                numerals,
                (cmp_start, e),
                (s, e),
                "integer",
            )
        return _build(
            text,
            s,
            e,
            _fmt(value),
            _fmt(value),
            _fmt(value),
            True,
            True,
            False,
            "exact",
            "ordinal",
            None,
            None,
            numerals,
            None,
            (s, e),
            "integer",
        )
    # ---- after: "or more", "or less", "or equal"
    after_row = None
    range_end = end
    if not rng and value is not None:
        t5 = text[end : end + 5]
        l5 = t5.lstrip()
        # "or ..."/"and ..." after white space: the only starts of an "after" phrase
        am = (
            lex.after_re.match(text, end)
            if l5[:1] in _AFTER_FIRST and len(l5) < len(t5) and l5[:2].lower() in _AFTER_STARTS
            else None
        )
        if am and not _numeral_follows(text, am.end(), lex):
            after_row = lex.after[" ".join(am.group("w").lower().split())]
            range_end = am.end()
        elif qrow and qrow["bound"] in ("low", "high") and qrow["inclusive"] == "no":
            c2 = text[end + 1 : end + 2]
            om2 = (
                lex.or_equal_re.match(text, end)
                if text[end : end + 1].isspace() and c2 and (c2 in "oO" or c2.isspace())
                else None
            )
            if om2 and not _numeral_follows(text, om2.end(), lex):
                qrow = dict(qrow, inclusive="yes", qualifier="at_least" if qrow["bound"] == "low" else "at_most")
                range_end = om2.end()
    # ---- unit, percent, currency, counted noun
    kind, unit = "number", None
    unit_end = range_end
    measure_start = money_prefix.start() if currency else (s if sign_at is None else sign_at)
    factor = 1.0
    p = end
    c_after = text[end : end + 1]
    if c_after == " " or c_after == "\u00a0":
        p = end + 1
        c_after = text[p : p + 1]
        if c_after == " " or c_after == "\u00a0":
            p = _NBSP_RUN.match(text, end).end()
            c_after = text[p : p + 1]
    c_after_maybe = not c_after.isascii() or c_after in lex.unit_first or c_after in lex.suffix_cur_first
    if c_after_maybe and c_after != "-":
        # no suffix currency or unit starts with these two characters (ASCII: exact; others go to the regex)
        k3 = text[p : p + 3]
        if k3.isascii():
            k3 = k3.lower()
            if not k3.isalpha():
                k3 = k3.translate(_WS_SPACE)
            # a token of one or two characters ("C", "p", "kg") is never followed by a letter
            if (
                k3 not in lex.cur_unit_keys3
                and (k3[:2] not in lex.cur_unit_keys2 or k3[2:].isalpha())
                and (c_after.lower() not in lex.cur_unit_one or k3[1:2].isalpha())
            ):
                c_after_maybe = False
    um = None
    if not currency and c_after_maybe:
        um = lex.cur_unit_re.match(text, end)
        if um is not None and um.group("cur") is not None:
            cur_tok = " ".join(um.group("cur").lstrip(" \u00a0-").lower().split())
            currency = lex.currency_suffix.get(cur_tok)
            if currency:
                unit_end = max(unit_end, um.end())
                minor = lex.currency_factor.get(cur_tok)
                if minor:
                    factor = minor
            else:
                um = lex.unit_re.match(text, end)
    if currency:
        kind, unit = "money", currency
    elif (
        c_after_maybe
        and um
        and (um.group("cs") or not (num.plain and um.group("ci") and um.group("ci").lower() in ("m",)))
    ):
        tok = um.group("cs") if um.group("cs") else um.group("ci").lower()
        tok_key = tok if um.group("cs") else " ".join(tok.split())
        info = lex.units.get(tok_key)
        if info is None:
            info = lex.units.get(tok_key.lower())
        if info:
            unit, kind, factor = info
            unit_end = max(unit_end, um.end())
    if kind == "number" and num.round is None:
        cn = _counted_noun(text, end, lex) if text[end : end + 1] in _SPACE_NBSP else None
        if cn:
            kind, unit = "count", cn[0]
    if num.round is not None and kind == "number":
        cn = _OF_NOUN.match(text, end)
        if (cn and _looks_plural(cn.group(1).lower())) or (cn and cn.group(1).lower() in lex.lemmas):
            kind, unit = "count", _lemma(cn.group(1).lower(), lex)
    if kind == "number" and num.scale and not rng:
        cn = _OF_NOUN.match(text, end)
        if cn and (_looks_plural(cn.group(1).lower()) or cn.group(1).lower() in lex.lemmas):
            kind, unit = "count", _lemma(cn.group(1).lower(), lex)
    if num.round is not None and text[s:e].lower() in lex.units:
        unit, kind, factor = lex.units[text[s:e].lower()]
        unit_end = e
    # ---- years used as dates and periods, day numbers
    if (
        num.plain
        and kind == "number"
        and not qrow
        and not approx_row
        and sign_at is None
        and value is not None
        and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
        and text[s : num.end].isdigit()
        and len(text[s : num.end]) == 4
    ):
        return None
    if rng and kind == "number" and all(YEAR_RANGE[0] <= v <= YEAR_RANGE[1] for v in (low, high)) and num.plain:
        return None
    # street numbers: "10 Downing Street"
    if num.plain and kind == "number":
        sm = _STREET_NAME.match(text, e) if text[e + 1 : e + 2].isupper() else None
        if sm and sm.group(1).lower() in lex.context.get("street", ()):
            return None
    # ---- resolve the interval
    unit_end_final = unit_end if kind != "count" else cn[1]
    if kind == "count" and num.round is not None:
        unit_end_final = cn.end()
    if (
        kind == "count"
        and num.scale
        and not rng
        and cn is not None
        and hasattr(cn, "end")
        and not isinstance(cn, tuple)
    ):
        unit_end_final = cn.end()
    if num.round is None and not rng and not after_row and not qrow and approx_row is None:
        # an exact figure (the common case): the general resolution below, with its branches settled
        if factor != 1 and value is not None:
            value = value * factor if factor > 1 else round(value * factor, 12)
        if value.__class__ is float and -1e16 < value < 1e16 and value.is_integer():
            value = int(value)
        q_to = max(unit_end_final, range_end)
        inc = value is not None
        return Quantity(
            start,
            q_to,
            text[start:q_to],
            value,
            value,
            value,
            inc,
            inc,
            False,
            "exact",
            kind,
            unit,
            scale,
            num.subtype,
            tuple(numerals),
            None,
            (measure_start, max(unit_end if kind != "count" else end, end)),
        )
    if factor != 1:
        value = _times(value, factor) if value is not None else None
        low = _times(low, factor) if low is not None else None
        high = _times(high, factor) if high is not None else None
    approximate = approx_row is not None
    low_inc, high_inc = True, True
    qualifier = "exact"
    v_out = value
    if num.round is not None:
        low, high = num.round[0] * factor, num.round[1] * factor
        low_inc, high_inc, approximate, qualifier, v_out = True, False, True, "range", None
    elif rng:
        low_inc, high_inc, qualifier, v_out = True, False, "range", None
    elif after_row:
        qualifier = after_row["qualifier"]
        if after_row["bound"] == "low":
            low, high, low_inc, high_inc, v_out = value, None, True, False, None
        else:
            low, high, low_inc, high_inc, v_out = None, value, False, True, None
    elif qrow:
        qualifier = qrow["qualifier"]
        inc = qrow["inclusive"] == "yes"
        b = qrow["bound"]
        if b == "low":
            low, high, low_inc, high_inc, v_out = value, None, inc, False, None
        elif b == "high":
            low, high, low_inc, high_inc, v_out = None, value, False, inc, None
        elif b == "just_over":
            low, high, low_inc, high_inc = value, value + abs(value) * APPROX_BAND, False, True
            approximate = True
        elif b == "nearly":
            low, high, low_inc, high_inc = value - abs(value) * NEARLY_BAND, value, True, False
            approximate = True
        else:
            low = high = value
    elif approximate:
        qualifier = "about"
        low, high = value - abs(value) * APPROX_BAND, value + abs(value) * APPROX_BAND
    else:
        low = high = value
    if approximate and qualifier == "exact":
        qualifier = "about"
    if qrow and approx_row is None and qrow["bound"] == "nearly":
        qualifier = "nearly"
    range_span = None
    if rng or after_row or (qrow and qrow["comparison"] == "yes"):
        rs = cmp_start if cmp_start is not None else (s if sign_at is None else sign_at)
        range_span = (rs, range_end)
    q_begin = q_start if (qual or (ropen and rng)) else start
    # the figures as _fmt writes them (whole floats as ints), inline: this runs once per figure
    if v_out.__class__ is float and -1e16 < v_out < 1e16 and v_out.is_integer():
        v_out = int(v_out)
    if low.__class__ is float and -1e16 < low < 1e16 and low.is_integer():
        low = int(low)
    if high.__class__ is float and -1e16 < high < 1e16 and high.is_integer():
        high = int(high)
    q_from, q_to = min(q_begin, start), max(unit_end_final, range_end)
    return Quantity(
        q_from,
        q_to,
        text[q_from:q_to],
        v_out,
        low,
        high,
        low_inc if low is not None else False,
        high_inc if high is not None else False,
        approximate,
        qualifier,
        kind,
        unit,
        scale,
        num.subtype,
        tuple(numerals),
        range_span,
        (measure_start, max(unit_end if kind != "count" else end, end)),
    )


def _times(v, factor):
    """``v * factor``; a minor unit's factor (0.01) rounded so that 57 cents are 0.57, not 0.5700000000000001."""
    return v * factor if factor > 1 else round(v * factor, 12)


def _build(
    text,
    start,
    end,
    value,
    low,
    high,
    li,
    hi,
    approx,
    qualifier,
    kind,
    unit,
    scale,
    numerals,
    range_span,
    measure_span,
    subtype,
):
    return Quantity(
        start,
        end,
        text[start:end],
        value,
        low,
        high,
        li if low is not None else False,
        hi if high is not None else False,
        approx,
        qualifier,
        kind,
        unit,
        scale,
        subtype,
        tuple(numerals),
        range_span,
        measure_span,
    )


_QUALIFIER_WINDOW = 40  # a qualifier phrase (with "the") starts at most this many characters before the figure


def _qualifier_before(text, rev, arev, start, lex):
    """The qualifier phrase that ends just before ``start`` ("more than", "about the", ">="): (its start, lexicon key)
    or None. The earliest start wins, within _QUALIFIER_WINDOW characters.

    The phrase is matched forwards on the reversed text (a look-back regex searched over the window would try
    every start position); the reversed pattern prefers the longest phrase, which is the earliest start."""
    n = len(text)
    m = lex.before_rev_re.match(rev, n - start) if arev is None else lex.before_rev_low_re.match(arev, n - start)
    if m is None:
        return None
    lo = max(0, start - _QUALIFIER_WINDOW)
    if n - m.end() < lo:  # the longest phrase starts before the window: the window's own search decides
        f = lex.before_re.search(text, lo, start)
        return (f.start(), " ".join(f.group("w" if f.group("w") else "s").lower().split())) if f else None
    k = (m.group("w") or m.group("s"))[::-1].lower()
    return n - m.end(), k if k in lex.before else " ".join(k.split())  # the lexicon's keys are single-spaced


def _numeral_follows(text, pos, lex):
    m = _NUMERAL_AHEAD.match(text, pos)
    if m:
        return True
    w = _WORD_AHEAD.match(text, pos)
    return bool(w and (w.group(1).lower() in lex.words or w.group(1).lower() in lex.ordinals))


def _range_partner(text, e, num, value, lex, ropen, money):
    nxt = text[e : e + 3].lstrip()[:1]
    if not nxt or nxt not in "-–—~tTaAuU":
        return None
    m = lex.range_sep_re.match(text, e)
    if not m:
        return None
    opener = ropen.group("w").lower() if ropen else None
    if m.group("dash"):
        if num.words or opener == "between":
            return None
        if m.group("dash") == "-" and text[e : m.start("dash")] == "" and not text[m.end() : m.end() + 1].isdigit():
            return None
    else:
        w = m.group("w").lower()
        if w == "and" and opener != "between":
            return None
        if w != "and" and opener == "between":
            return None
    p = m.end()
    sign = 1
    sm = _MINUS_AHEAD.match(text, p) if not m.group("dash") else None
    if sm:
        sign, p = -1, sm.end()
    cur = _CURRENCY_SIGN.match(text, p)
    if cur:
        p = cur.end()
    pnum = _read_numeral(text, p, lex, money=money or bool(cur))
    if not isinstance(pnum, _Numeral) or pnum.value is None or pnum.ordinal != num.ordinal:
        return None
    if m.group("dash") and pnum.words:
        return None
    pval = sign * pnum.value
    low = value
    if num.scale is None and pnum.scale:
        mult = lex.words.get(pnum.scale, (None, 1))[1]
        if mult > 1 and low * mult < pval:
            low = low * mult
        elif (
            mult > 1
            and num.plain
            and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
            and len(text[num.start : num.end]) == 4
            and text[num.start : num.end].isdigit()
        ):
            # "narrowed in 1986 to 336.5 billion": a year before "to" and a scaled figure it cannot be the low
            # end of (1986 billion is more), not a range from 1,986 to 336.5 billion
            return None
    if not low < pval:
        return None
    return pnum, pval


_JOIN_GAP = re.compile(r"\s*,?\s*(?:(?:and|but)\s+|)", re.I)
_MAX_JOIN_GAP = 24  # ", and " with room for odd spacing; a longer gap joins nothing


_SIGNED_RANGE_GAP = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?")


_MONEY_AND = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+|)")


def _money_pairs(text, qs, lex):
    """A sum and its minor units ("five dollars and fifty cents", "$5 and 50 cents", "5 pounds 50 pence"): one sum."""
    out = [qs[0]]
    for b in qs[1:]:
        a = out[-1]
        if (
            b.kind == "money"
            and a.kind == "money"
            and a.unit == b.unit
            and a.qualifier == "exact"
            and b.qualifier == "exact"
            and a.value is not None
            and b.value is not None
            and 0 < b.value < 1
            and a.value == int(a.value)
            and _MONEY_AND.fullmatch(text, a.end, b.start)
            and lex.currency_factor.get(b.text.rsplit(None, 1)[-1].lower())
        ):
            out[-1] = _scaled(
                _span(text, a, a.start, b.end),
                1,
                b.value,
                numerals=a.numerals + b.numerals,
                measure_span=(a.measure_span[0] if a.measure_span else a.start, b.end),
            )
            continue
        out.append(b)
    return out


_RANGE_KINDS = frozenset({"money", "dimension", "duration"})
_UNIT_RANGE_GAP = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]+(?i:to|and)[ \u00a0]+")
_SUSPENDED_GAP = re.compile(r"[-–—][ \u00a0]+(?i:to|or)[ \u00a0]+")  # "a 3- to 4-foot wall"
_BETWEEN_BEFORE = re.compile(r"(?i:between)[ \u00a0]+$")
_FROM_BEFORE = re.compile(r"(?i:from)[ \u00a0]+$")
_BY_BEFORE = re.compile(r"(?<![A-Za-z])(?i:by)[ \u00a0]+$")
_FROM_AFTER = re.compile(r"[ \u00a0]+(?i:from)[ \u00a0]+\S*\d")


def _unit_ranges(text, qs, lex):
    """Two figures with the same unit written on both ("5 km to 10 km", "$2.3-$2.5 billion", "£3bn-£4bn",
    "between 5 ft and 6 ft"), a sum and a scaled bound ("$10-15 million"), or a suspended hyphen ("a 3- to
    4-foot wall"): one range [low, high). "and" joins only after "between"; "from A to B" after a verb of
    change stays two figures. The first takes the second's scale when it has none."""
    out = []
    i = 0
    n = len(qs)
    while i < n:
        a = qs[i]
        b = qs[i + 1] if i + 1 < n else None
        r = (
            _unit_range(text, a, b, lex)
            if b is not None
            and a.qualifier == "exact"
            and b.qualifier == "exact"
            and a.value is not None
            and b.value is not None
            else None
        )
        if r is not None:
            out.append(r)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _unit_range(text, a, b, lex):
    ka, kb = a.kind, b.kind
    unit, kind, scale = b.unit, kb, b.scale_word
    if ka == kb and ka in _RANGE_KINDS and a.unit == b.unit:
        g = _UNIT_RANGE_GAP.fullmatch(text, a.end, b.start)
        if g is None:
            return None
        w = g.group().strip().lower()
        if w == "and" and not _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start):
            return None
        start = a.start
        if w in ("and", "to"):
            opener = _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start) or _FROM_BEFORE.search(
                text, max(0, a.start - 8), a.start
            )
            if opener:
                if opener.group().lower().startswith("from") and lex.change_re.search(
                    text, max(0, opener.start() - 30), opener.end()
                ):
                    return None  # "rose from 5 km to 10 km": a change
                start = opener.start()
            elif w == "to" and _BY_BEFORE.search(text, max(0, a.start - 8), a.start) and _FROM_AFTER.match(text, b.end):
                return None  # "cut its debt by 2.6 billion euros to 7.3 billion euros from 8.9 billion": a change
    elif (
        ka == "money"
        and kb == "number"
        and b.scale_word
        and a.scale_word is None
        and text[a.end : b.start] in ("-", "–")
    ):
        kind, unit, start = "money", a.unit, a.start  # "$10-15 million"
    elif (
        ka == "number"
        and kb in _RANGE_KINDS
        and _SUSPENDED_GAP.fullmatch(text, a.end, b.start)
        and len(a.numerals) == 1
        and b.measure_span
        and b.numerals
        and text[b.numerals[-1][1] : b.numerals[-1][1] + 1] == "-"
    ):
        start = a.start  # "a 3- to 4-foot wall", "a two- to three-hour drive"
    else:
        return None
    low = a.value
    if a.scale_word is None and scale:
        low = _fmt(round(a.value * lex.words.get(scale, ("", 1))[1], 6))
    if not low <= b.value:
        return None
    return Quantity(
        start,
        b.end,
        text[start : b.end],
        None,
        low,
        b.value,
        True,
        False,
        False,
        "range",
        kind,
        unit,
        scale or a.scale_word,
        a.subtype,
        a.numerals + b.numerals,
        (start, b.end),
        (a.start, b.end),
    )


def _merge_bounds(text, qs, lex):
    """'more than 10 and less than 20' -> one range (10, 20)."""
    if len(qs) < 2:
        return qs
    out: list[Quantity] = []
    for q in qs:
        if out:
            p = out[-1]
            if (
                q.start - p.end <= _MAX_JOIN_GAP
                and _JOIN_GAP.fullmatch(text, p.end, q.start)
                and p.range_span
                and q.range_span
                and (p.kind == q.kind or "number" in (p.kind, q.kind))
                and p.qualifier not in ("range", "exact")
                and q.qualifier not in ("range", "exact")
            ):
                lo_q, hi_q = (
                    (p, q)
                    if p.high is None and q.low is None
                    else (q, p)
                    if p.low is None and q.high is None
                    else (None, None)
                )
                if (
                    lo_q is not None
                    and lo_q.low is not None
                    and hi_q.high is not None
                    and lo_q.low < hi_q.high
                    and (p.unit == q.unit or q.unit is None or p.unit is None)
                ):
                    merged = Quantity(
                        p.start,
                        q.end,
                        text[p.start : q.end],
                        None,
                        lo_q.low,
                        hi_q.high,
                        lo_q.low_inclusive,
                        hi_q.high_inclusive,
                        p.approximate or q.approximate,
                        "range",
                        p.kind if p.kind != "number" else q.kind,
                        p.unit or q.unit,
                        p.scale_word or q.scale_word,
                        p.subtype,
                        p.numerals + q.numerals,
                        (p.range_span[0], q.range_span[1]),
                        (p.measure_span[0], q.measure_span[1]),
                    )
                    out[-1] = merged
                    continue
        out.append(q)
    return out


# --------------------------------------------------------------------------- extractor

_FINDING_KIND = {
    "number": "quantity",
    "count": "quantity",
    "dimension": "quantity",
    "ordinal": "quantity",
    "money": "money",
    "percent": "percent",
    "duration": "duration",
}
_SUBJECT_STOP = re.compile(
    r"[,;:.!?()\"]|\b(?:while|which|who|that|and|but|as|when|if|because|after|before|"
    r"is|are|was|were|has|have|had|will|would|said|says)\b",
    re.I,
)
_PERIOD_DET = re.compile(
    r"(?<![A-Za-z])(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+(?:[a-z]+\s+){0,2}$", re.I
)
_BODY = re.compile(r"((?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|for|of|and|in|on|the))*\s+[A-Z][\w-]*)\s+with\s+$")
_OF = re.compile(r"\s+of\s+((?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,5})")


_SUBJECT_WINDOW = 400  # characters read after a figure for its subject (a sentence may be megabytes long)


def _subject(text: str, q: Quantity, sent_end: int) -> str | None:
    """What the figure is about, as written: the counted noun and its modifiers, or an "of" phrase."""
    tail_start = q.end
    if q.kind == "count":
        noun_start = q.measure_span[1] if q.measure_span else q.end
        phrase = text[noun_start : min(sent_end, noun_start + _SUBJECT_WINDOW)]
        stop = _SUBJECT_STOP.search(phrase, len(text[noun_start : q.end]))
        phrase = phrase[: stop.start() if stop else min(len(phrase), 80)]
        words = phrase.split()
        return " ".join(words[:10]) or None
    m = _OF.match(text, tail_start, sent_end)
    if m:
        phrase = m.group(1)
        stop = _SUBJECT_STOP.search(phrase)
        phrase = phrase[: stop.start()] if stop else phrase
        return phrase.strip() or None
    if q.kind == "duration":
        # "the last 30 years": the period as written
        d = _PERIOD_DET.search(text, max(0, q.start - 40), q.start)
        if d:
            return text[d.start() : q.end]
    return None


def _body(text: str, q: Quantity) -> str | None:
    """The named body a count belongs to: "the Organization for ... in Europe with 57 countries"."""
    lo = max(0, q.start - 120)
    # the pattern ends with white space, "with", white space: test that first (the search tries every start)
    t = text[lo : q.start].rstrip()
    if len(t) == q.start - lo or not t.endswith("with") or not t[-5:-4].isspace():
        return None
    m = _BODY.search(text, lo, q.start)
    return m.group(1) if m else None


_AGE = re.compile(r"[A-Z][\w.'’-]*,[ \u00a0]$")  # "Mary Jones, 45, said": an age in a name
_SMALL_WORD_COUNT = 10  # a count written in words up to this ("two streets", "four nods") says little


def _is_claim(q: Quantity, text: str) -> bool:
    if q.value is None and q.low is None and q.high is None:
        return False
    if q.kind == "ordinal":
        return bool(_RANKS.match(text[q.end : q.end + 20]))
    if q.kind == "number":
        written = q.text.strip().lower()
        if q.numerals and _NAME_LIKE.fullmatch(text[q.numerals[0][0] : q.numerals[0][1]]):
            return False  # "5G", "9/11"
        if q.subtype == "fraction" and q.value is not None and q.value > 1 and "/" in written and " " not in written:
            return False  # "24/7": not a fraction in news
        if q.scale_word or q.qualifier != "exact":
            return True
        nw = _NEXT_WORD.match(text, q.end)
        if nw and nw.group(1).lower() in _lex().verbs:
            return False  # "Apollo 13 proves ...": the figure is a name before its verb, not a claim
        if (
            q.value is not None
            and 0 < q.value < 130
            and q.value == int(q.value)
            and text[q.end : q.end + 1] == ","
            and _AGE.search(text, max(0, q.start - 40), q.start)
        ):
            return False  # an age after a name, between commas
        return q.value is not None and abs(q.value) >= 10 and not written.isalpha()
    if q.kind == "duration" and q.qualifier == "exact" and len(q.numerals) == 1:
        ns, ne, _ = q.numerals[0]
        if (
            text[ns:ne].isalpha()
            and text[ne : ne + 1] == "-"
            and q.end == q.measure_span[1]
            and q.value is not None
            and q.value <= _SMALL_WORD_COUNT
        ):
            return False  # "a two-year fixed mortgage": a word-number modifier, not a claim
    return True


def _minor(q: Quantity, text: str, lex) -> str | None:
    """Why a count says little (the extractor lowers its weight): a small count written in words, or a vague noun."""
    if q.kind != "count":
        return None
    if q.unit in lex.context.get("vague", ()) or (q.unit or "") + "s" in lex.context.get("vague", ()):
        return "a vague counted noun"
    if (
        q.qualifier == "exact"
        and q.value is not None
        and q.value <= _SMALL_WORD_COUNT
        and q.numerals
        and text[q.numerals[0][0] : q.numerals[0][1]].isalpha()
    ):
        return "a small count written in words"
    return None


@extractor("quantities")
def quantities(doc: Document):
    """Each figure that is a checkable claim becomes a quantity, money, percent or duration finding."""
    from claimkit.checkworthiness import prior
    from claimkit.extract.subjects import subject as _subject_of

    lex = _lex()
    for q in parse_quantities(doc.text):
        if not _is_claim(q, doc.text):
            continue
        sent_start, sent_end = doc.sentence_at(q.start)
        extra = {"kind": q.kind, "approximate": q.approximate}
        if q.scale_word:
            extra["scale_word"] = q.scale_word
        body = _body(doc.text, q) if q.kind == "count" else None
        if body:
            extra["body"] = body
        if not q.low_inclusive and q.low is not None:
            extra["low_inclusive"] = False
        if not q.high_inclusive and q.high is not None:
            extra["high_inclusive"] = False
        subj = _subject_of(
            doc.text, q.kind, q.start, q.end, q.measure_span[1] if q.measure_span else None, sent_start, sent_end
        ) or _subject(doc.text, q, sent_end)
        weight = prior(f"figure:{q.kind}")  # lexicon/checkworthiness_kinds.tsv, by what the figure measures
        minor = _minor(q, doc.text, lex)
        if minor:
            extra["minor"] = minor
            weight = prior("figure:minor")
        yield Finding(
            kind=_FINDING_KIND[q.kind],
            start=q.start,
            end=q.end,
            value=q.value,
            low=q.low,
            high=q.high,
            qualifier=q.qualifier,
            unit=q.unit,
            subject=subj,
            weight=weight,
            extra=extra,
        )
