"""The lexicon tables of ``claimkit/lexicon`` assembled into the anchor regex and word tries, with the character sets and small regexes the readers share."""

from __future__ import annotations

import re
from functools import lru_cache

from claimkit.lexicon import alternation, table

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
