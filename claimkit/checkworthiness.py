"""How much a claim deserves a check, in [0, 1]: a sentence model learned from people, then the claim.

Two parts, both files a desk can read:

1. **The sentence** (:func:`score_sentence`): a logistic regression over the sentence's words, word
   pairs and cues (a figure, money, a year, a comparison, past or future tense, hedges, "I"/"we"/"you",
   a question, a capitalised name… — ``lexicon/checkworthiness_cues.tsv``), learned from 9,674
   sentences of US presidential debates that people labelled check-worthy or not (the ClaimBuster
   dataset, Arslan et al., ICWSM 2020, CC BY 4.0). Its weights are ``lexicon/checkworthiness_model.tsv``
   (feature, weight), written by ``scripts/train_checkworthiness.py``; scoring is a sum of weights
   and a sigmoid in plain Python — no scikit-learn at run time. The weights load once, on first use.
2. **The claim** (:func:`score`): what claimkit knows of each claim moves the sentence's log-odds —
   the prior of its kind (``checkworthiness_kinds.tsv``), a figure, a precise or large one, money,
   a percentage, what the figure counts (casualties, people, measures or incidental things:
   ``checkworthiness_nouns.tsv``), a country named, a date, a speaker, a vague time::

       checkworthiness = sigmoid(share · logit(sentence) + logit(prior(kind)) + offset + Σ claim weights)

   kept in a band: a figure of casualties, people, money, a percentage or a country's figure scores
   at least ``floor``; a count of a few or of incidental things at most ``ceiling`` (it wins), so a
   count of streets never outranks casualties. ``share``, ``offset``, the bands and the claim weights
   are in ``lexicon/checkworthiness_claims.tsv``.

docs/time-and-speakers.md explains the method and gives the cross-validated figures.
"""

from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache

from claimkit.lexicon import alternation, table, words
from claimkit.vocab import FIGURE_KINDS

MODEL_FILE = "checkworthiness_model.tsv"
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|n't|\d[\d,.]*\d|\d|[%$?]")
_NUMBER = re.compile(r"\d")
_LENGTHS = ((4, "1-4"), (9, "5-9"), (19, "10-19"), (39, "20-39"))
_FIGURE_KINDS = FIGURE_KINDS


# ---------------------------------------------------------------- the sentence (learned)


@lru_cache(maxsize=1)
def _priors() -> dict[str, float]:
    return {row["kind"]: float(row["prior"]) for row in table("checkworthiness_kinds.tsv")}


@lru_cache(maxsize=1)
def _holders() -> frozenset[str]:
    return frozenset(row["kind"] for row in table("checkworthiness_kinds.tsv") if row.get("holds") == "yes")


@lru_cache(maxsize=1)
def _figure_dates() -> frozenset[str]:
    return frozenset(row["kind"] for row in table("checkworthiness_kinds.tsv") if row.get("dates_figures") == "yes")


def nested(findings, sentence_of=None) -> set[int]:
    """Indices of the findings that are part of a larger claim, which carries the check; they step back.

    - inside a claim that holds them (``holds`` in ``checkworthiness_kinds.tsv``) of no lower prior:
      "the last 30 years" inside "greater than ever before in the last 30 years";
    - with ``sentence_of`` (finding -> its sentence's (start, end)): a time of a kind that dates figures
      (``dates_figures``) in a sentence with a figure: "2024" in "8,668 fires in 2024".
    """
    from bisect import bisect_left, bisect_right

    holders, dating = _holders(), _figure_dates()
    outer = sorted((f.start, f.end, f.weight) for f in findings if f.kind in holders)
    starts = [s for s, _, _ in outer]
    longest = max((e - s for s, e, _ in outer), default=0)

    def held(f) -> bool:  # only the holders starting within the longest holder's reach can hold f
        lo, hi = bisect_left(starts, f.end - longest), bisect_right(starts, f.start)
        return any(e >= f.end and (s, e) != (f.start, f.end) and f.weight <= w for s, e, w in outer[lo:hi])

    out = {i for i, f in enumerate(findings) if held(f)}
    if sentence_of is not None:
        with_figures = {sentence_of(f) for f in findings if f.kind in _FIGURE_KINDS}
        out.update(i for i, f in enumerate(findings) if f.kind in dating and sentence_of(f) in with_figures)
    return out


def prior(kind: str) -> float:
    """The score a claim of ``kind`` starts from (``lexicon/checkworthiness_kinds.tsv``); 0.5 if unlisted."""
    return _priors().get(kind, 0.5)


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["cue"], re.compile(row["pattern"], re.IGNORECASE)) for row in table("checkworthiness_cues.tsv"))


def tokens(sentence: str) -> list[str]:
    """Lower-case word tokens of a sentence, every number written ``<num>``."""
    return ["<num>" if _NUMBER.match(t) else t for t in _TOKEN.findall(sentence.lower().replace("\u2019", "'"))]


@lru_cache(maxsize=8192)
def sentence_features(sentence: str) -> frozenset[str]:
    """The features the sentence model reads: ``w:`` words, ``b:`` word pairs, ``cue:`` cues, ``len:`` length.

    The training script and the scorer share this function, so they cannot drift apart.
    """
    toks = tokens(sentence)
    feats = {f"w:{t}" for t in toks}
    feats.update(f"b:{a} {b}" for a, b in itertools.pairwise(toks))
    feats.update(f"cue:{name}" for name, pattern in _cues() if pattern.search(sentence))
    n = len(toks)
    feats.add("len:" + next((label for top, label in _LENGTHS if n <= top), "40+"))
    return frozenset(feats)


@lru_cache(maxsize=1)
def model() -> tuple[float, dict[str, float]]:
    """The learned sentence model: (bias, {feature: weight}) from ``lexicon/checkworthiness_model.tsv``."""
    weights = {row["feature"]: float(row["weight"]) for row in table(MODEL_FILE)}
    return weights.pop("(bias)", 0.0), weights


@lru_cache(maxsize=8192)
def sentence_logit(sentence: str) -> float:
    """The sentence model's log-odds that people would call ``sentence`` a check-worthy factual claim."""
    bias, weights = model()
    return bias + sum(weights.get(f, 0.0) for f in sentence_features(sentence))


def score_sentence(sentence: str) -> float:
    """How check-worthy a plain sentence is, in [0, 1], as people judged debate sentences.

    >>> score_sentence("We have lost 700,000 jobs in America.") > score_sentence("Thank you very much.")
    True

    Ranks sentences (a transcript, a story's sentences) without extracting claims; the learned
    weights only, no claim features. The probability is calibrated to the training set (28.6 % of
    its sentences are check-worthy), so read it as a rank, not as a rate for your own text.
    """
    return round(_sigmoid(sentence_logit(sentence)), 4)


def explain_sentence(sentence: str, top: int = 8) -> list[tuple[str, float]]:
    """The learned features that move a sentence most, as (feature, weight), largest effect first."""
    _, weights = model()
    present = [(f, weights[f]) for f in sentence_features(sentence) if f in weights]
    return sorted(present, key=lambda fw: (-abs(fw[1]), fw[0]))[:top]


# ---------------------------------------------------------------- the claim (explicit, documented)


@lru_cache(maxsize=1)
def _claim_weights() -> dict[str, tuple[float, str]]:
    return {row["feature"]: (float(row["weight"]), row["why"]) for row in table("checkworthiness_claims.tsv")}


@lru_cache(maxsize=1)
def _noun_classes() -> dict[str, str]:
    return {row["noun"].lower(): row["class"] for row in table("checkworthiness_nouns.tsv")}


@lru_cache(maxsize=1)
def _country_pattern() -> re.Pattern:
    names = set(words("countries.txt"))
    names.update(row["alias"] for row in table("aliases.tsv") if row["kind"] == "country")
    alternatives = alternation(names, space=None)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")


def _singular(word: str) -> list[str]:
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return out


def noun_class(unit: str | None, subject: str | None = None) -> str | None:
    """The class of what a figure counts (``lexicon/checkworthiness_nouns.tsv``): its unit, else a word of its subject."""
    classes = _noun_classes()
    for text in (unit, subject):
        if not text:
            continue
        # the head noun is the last word of a unit ("metric ton"); any word of a subject may name the harm
        candidates = re.findall(r"[a-z]+", text.lower())
        for word in reversed(candidates):
            for form in _singular(word):
                if form in classes:
                    return classes[form]
    return None


@lru_cache(maxsize=1024)
def _names_a_country(sentence: str) -> bool:
    """Whether the sentence names a country (once per sentence, however many claims stand in it)."""
    return _country_pattern().search(sentence) is not None


def _significant_digits(x: float) -> int:
    digits = f"{abs(x):.6f}".replace(".", "").strip("0")
    return len(digits)


def _claim_terms(finding, sentence: str, inside: bool = False) -> list[tuple[str, str]]:
    """The rows of ``checkworthiness_claims.tsv`` that apply to a claim: (feature, why)."""
    w = _claim_weights()
    on: list[str] = []
    value = next((v for v in (finding.value, finding.high, finding.low) if v is not None), None)
    if value is not None:
        on.append("figure")
        if finding.kind not in ("percent",) and _significant_digits(value) >= 3:
            on.append("precise")
        if finding.kind in ("quantity", "money") and abs(value) >= 1000:
            on.append("large")
    if finding.kind == "money" or (finding.unit or "").isupper():
        on.append("money")
    if finding.kind == "percent":
        on.append("percent")
    cls = noun_class(finding.unit, finding.subject) if finding.kind == "quantity" else None
    if cls:
        on.append(f"noun:{cls}")
    if finding.kind == "quantity" and value is not None and abs(value) < 10 and cls not in ("harm", "people"):
        on.append("few")
    if finding.kind in _FIGURE_KINDS and _names_a_country(sentence):
        on.append("country")
    extra = finding.extra or {}
    if finding.date:
        on.append("dated")
    if finding.speaker:
        on.append("speaker")
    if extra.get("via"):
        on.append("via")
    if extra.get("speaker_resolved") is False:
        on.append("speaker_unknown")
    if extra.get("vague"):
        on.append("vague")
    if extra.get("minor"):
        on.append("minor")
    if inside:
        on.append("nested")
    return [(name, w[name][1]) for name in on if name in w]


def explain(finding, sentence: str, nested: bool = False) -> list[tuple[str, float]]:
    """Every log-odds term of a claim's score, as (why, weight): the sentence, the kind, the offset, the claim's features."""
    return _terms(finding, sentence, _claim_terms(finding, sentence, nested))


def _terms(finding, sentence: str, applied: list[tuple[str, str]]) -> list[tuple[str, float]]:
    weights = _claim_weights()
    share = weights["sentence_share"][0]
    out = [
        ("the sentence, as people judged debate sentences (learned)", round(share * sentence_logit(sentence), 3)),
        (f"prior of a {finding.kind} claim", round(_logit(finding.weight), 3)),
        (weights["offset"][1], weights["offset"][0]),
    ]
    out.extend((why, weights[name][0]) for name, why in applied)
    return out


def band(finding, sentence: str) -> tuple[float, float]:
    """The (lowest, highest) score a claim may take: figures of what news counts at least ``floor``,
    counts of a few or of incidental things at most ``ceiling`` (``checkworthiness_claims.tsv``)."""
    return _band({name for name, _ in _claim_terms(finding, sentence)})


def _band(names: set[str]) -> tuple[float, float]:
    weights = _claim_weights()
    if names & {"few", "noun:incidental", "minor"}:
        return 0.0, weights["ceiling"][0]
    if names & {"noun:harm", "noun:people", "money", "percent", "country"}:
        return weights["floor"][0], 1.0
    return 0.0, 1.0


def score(finding, sentence: str, nested: bool = False) -> float:
    """The claim's check-worthiness in [0, 1]: the sigmoid of the terms :func:`explain` lists, kept in its :func:`band`.

    ``nested``: the claim is part of a larger claim (see :func:`nested`)."""
    applied = _claim_terms(finding, sentence, nested)
    low, high = _band({name for name, _ in applied})
    return round(min(high, max(low, _sigmoid(sum(w for _, w in _terms(finding, sentence, applied))))), 3)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, x))))


def _logit(p: float) -> float:
    p = min(1 - 1e-6, max(1e-6, p))
    return math.log(p / (1 - p))
