"""Source check: each claim against the documents the story was written from (``verify(sources=…)``).

For a claim, the passages that could bear on it come from the source set's search index; their
own claims (read by the same extractors as the story, dated by each document's own date) are the
candidates. A candidate decides the claim only when it is *about the same thing*:

- the same kind of figure (a count of the same noun, the same currency, a percentage, a duration,
  a date), compared as intervals after normalisation; the rounding a figure is written with widens
  it ("4.5 million" is 4,450,000-4,550,000, "48%" is 47.5-48.5), and units convert
  (claimkit/lexicon/unit_conversions.tsv);
- the same subject words, weighed by how near they stand to the figure: each word of a sentence
  belongs to the figure (or date) nearest to it, so in "sales rose 5% while profits fell 12%" the
  words "profits fell" belong to 12%, not to 5%.

Verdicts: ``supported`` (a passage about the same thing states the same; cited), ``contradicted``
(a passage about the same thing states otherwise), ``misleading`` (the story's figure is in the
sources, but about something else, while the passage about the claim's subject gives another),
``unverified`` ("the sources are silent") otherwise. Quotes must appear in a source verbatim or
nearly so: a changed, added or dropped word that is not neutral (claimkit/lexicon/quote_neutral.txt)
is a misquote, unless the story marks the trim with an ellipsis; the speaker must be the source's.
Titles: the same person with the same office.

Its parts: ``_source_words`` (tokens, stems, the words that belong to a mention, aboutness),
``_source_figures`` (figure intervals and units, times), ``_source_index`` (the source set's mentions,
related documents, the passages searched), ``_source_quotes`` (quote alignment and the word diff); the
scoring, the verdicts and the registered check are here, and every public name the parts hold
can still be imported from here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._fields import fmt_interval, text
from claimkit.checks._source_figures import (
    APPROXIMATE,
    DENY_TIME_SPAN,
    RANGE_BOUND_TOLERANCE,
    ROUNDED_BOUND,
    SAME_TIME_SPAN,
    WEEKDAYS,
    _stated_period,
    _weekday,
    _width,
    comparable,
    counted_noun,
    figure_interval,
    figure_unit,
    same_figure,
    same_time,
    significant_digits,
    written_precision,
)
from claimkit.checks._source_index import (
    RELATED_NAMES,
    RELATED_WORDS,
    SEARCH_K,
    _name_skip,
    candidate_passages,
    claim_mention,
    proper_names,
    shared_names,
    source_mentions,
    story_profile,
    topic_words,
)
from claimkit.checks._source_quotes import (
    QuoteMatch,
    _names_someone,
    _speaker_in_source,
    align_quote,
    diff_text,
    find_quote,
    sense_changes,
)
from claimkit.checks._source_words import (
    BARRIER_COST,
    FIGURE_KINDS,
    SHARE_SLACK,
    Mention,
    _family,
    _generic,
    _stopwords,
    aboutness,
    content,
    mentions_in,
    stem,
    tokens,
    word_weight,
)

SILENT = "the sources are silent"
SUPPORT_AT = 0.34  # aboutness (0-1) from which a matching figure supports a claim
CONTRADICT_AT = 0.5  # aboutness from which a different figure contradicts it
UNIT_BONUS = 0.3  # aboutness added when a count counts the same (not generic) noun as the claim
MARGIN = 0.1  # a contradiction must be this much more about the claim than any agreeing figure
QUOTE_FOUND_AT = 0.6  # share of a quote's words found in order in one passage for the quote to be "there"

# ---------------------------------------------------------------- scoring candidates


@dataclass
class Candidate:
    """A source mention weighed against a claim: what a journalist sees in check_claim."""

    mention: Mention
    about: float
    agrees: bool | None
    why: str = ""
    anchored: bool = False  # a word of the claim's own (not a verb of change) stands beside the mention too


def _describe(m: Mention) -> str:
    where = f" ({m.document})" if m.document else ""
    return f"'{m.span}'{where}"


def score_candidates(claim: dict, ctx: CheckContext, family: str) -> tuple[Mention | None, list[Candidate], list]:
    """The claim's mention, every candidate mention of the same family with its aboutness and agreement, and the passages searched."""
    srcset = ctx.sources
    me = claim_mention(claim, ctx)
    if me is None:
        return None, [], []
    index = source_mentions(srcset)
    story = story_profile(ctx)
    passages = [(p, sc) for p, sc in candidate_passages(claim, srcset) if index.related(p.document, story)]
    out = []
    for p, _ in passages:
        for m in index.mentions(p.id):
            if _family(m.kind) != family or (family not in ("figure", "time") and m.kind != me.kind):
                continue
            if family == "figure":
                if not comparable(claim, m.row):
                    continue
                agrees = same_figure(claim, m.row)
            elif family == "time":
                agrees = same_time(claim, m.row)
                if agrees is None:
                    continue
            else:
                agrees = None
            about = aboutness(me, m)
            noun = counted_noun(claim) if family == "figure" else None
            if noun and noun == counted_noun(m.row) and (noun not in _generic() or any(w in m.owned for w in me.owned)):
                about = min(1.0, about + UNIT_BONUS)  # "homes" and "homes": the same kind of thing counted
            anchored = any(w in m.owned and word_weight(w) >= 1 for w in me.owned)
            out.append(Candidate(m, round(about, 3), agrees, anchored=anchored))
    out.sort(key=lambda c: -c.about)
    return me, out, passages


def _evidence(srcset, mentions: list[Mention]) -> tuple[list[str], list[dict], list[str]]:
    ids = list(dict.fromkeys(m.passage_id for m in mentions if m.passage_id))
    if not ids:
        return [], [], []
    rows = srcset.evidence_rows(ids)
    recs = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return ids, recs, list(dict.fromkeys(r["document"] for r in recs))


def _passage_ref(srcset, m: Mention) -> str:
    p = srcset.passage(m.passage_id) if m.passage_id else None
    where = m.document or "a source"
    if p is not None and p.page:
        where += f", p. {p.page}"
    elif p is not None and p.sheet:
        where += f", {p.sheet} row {p.row}"
    return where


def decide(claim: dict, ctx: CheckContext, family: str, describe_value) -> Check:
    """The verdict from the scored candidates (the rules in the module docstring)."""
    srcset = ctx.sources
    me, cands, passages = score_candidates(claim, ctx, family)
    if me is None:
        return unverified(f"{SILENT}: the claim could not be placed in its sentence")
    agree = [c for c in cands if c.agrees]
    differ = [
        c for c in cands if c.agrees is False and c.anchored
    ]  # to deny, a passage must share the claim's own words
    best_agree = agree[0] if agree else None
    best_differ = differ[0] if differ else None
    span = text(claim.get("span")) or ""
    support_at = SUPPORT_AT
    if family == "figure":  # a figure written with more digits is less likely to be there by chance
        support_at = max(SUPPORT_AT - 0.1 * (significant_digits(span) - 1), SUPPORT_AT - 0.2)
    if (
        best_agree
        and best_agree.about >= support_at
        and (best_differ is None or best_agree.about >= best_differ.about - MARGIN)
    ):
        m = best_agree.mention
        stated, said = _stated_period(claim), _stated_period(m.row)
        if family == "figure" and stated and said and not (stated[0] <= said[1] and said[0] <= stated[1]):
            ids, recs, docs = _evidence(srcset, [m])
            return Check(
                "misleading",
                ids,
                expected=f"{describe_value(m)} for {m.row.get('date')}",
                sources=docs,
                passages=recs,
                note=f"The sources give {describe_value(m)} for another period ({m.row.get('date')}, {_passage_ref(srcset, m)}), not for {claim.get('date')}.",
            )
        ids, recs, docs = _evidence(srcset, [m])
        return Check(
            "supported",
            ids,
            expected=f"{describe_value(m)} ({_passage_ref(srcset, m)})",
            sources=docs,
            passages=recs,
            note=f'{_passage_ref(srcset, m)} says {describe_value(m)} about the same thing (aboutness {best_agree.about:.2f}): "{_short(m.sentence)}"',
        )
    if (
        best_agree
        and best_agree.about >= max(support_at, CONTRADICT_AT)
        and best_differ
        and best_differ.about >= CONTRADICT_AT
        and not (family == "figure" and _width(best_differ.mention.row) < _width(best_agree.mention.row))
    ):
        # (a vaguer figure that agrees, "more than 1,100", does not outweigh a precise one that does not, "1,136")
        a, d = best_agree.mention, best_differ.mention
        return unverified(
            f"the sources state both: {describe_value(a)} ({_passage_ref(srcset, a)}, aboutness {best_agree.about:.2f}) "
            f"and {describe_value(d)} ({_passage_ref(srcset, d)}, aboutness {best_differ.about:.2f}); "
            "read both passages to tell which is about the claim"
        )
    if (
        best_differ
        and best_differ.about >= CONTRADICT_AT
        and (best_agree is None or best_differ.about > best_agree.about + MARGIN)
    ):
        m = best_differ.mention
        ids, recs, docs = _evidence(srcset, [m] + ([best_agree.mention] if best_agree else []))
        if best_agree is not None and family == "figure" and _width(best_agree.mention.row) <= _width(claim):
            # the claim's figure itself is in the sources (not just a vaguer one that admits it), about something else
            o = best_agree.mention
            return Check(
                "misleading",
                ids,
                expected=f"{describe_value(m)} ({_passage_ref(srcset, m)})",
                sources=docs,
                passages=recs,
                note=f"'{span}' is in the sources, but about something else ({_passage_ref(srcset, o)}: \"{_short(o.sentence)}\"); "
                f'about this the sources say {describe_value(m)}: "{_short(m.sentence)}"',
            )
        return Check(
            "contradicted",
            ids[:1],
            expected=f"{describe_value(m)} ({_passage_ref(srcset, m)})",
            sources=docs[:1],
            passages=recs[:1],
            note=f"{_passage_ref(srcset, m)} says {describe_value(m)} about the same thing (aboutness {best_differ.about:.2f}), "
            f"not '{span}': \"{_short(m.sentence)}\"",
        )
    if not passages:
        return unverified(f"{SILENT}: no passage shares the claim's words")
    if not cands:
        return unverified(
            f"{SILENT}: the passages that share the claim's words state no {('figure of this kind' if family == 'figure' else 'date')}"
        )
    top = cands[0]
    return unverified(
        f"{SILENT}: the nearest {('figure' if family == 'figure' else 'date')} in them, {_describe(top.mention)}, "
        f"is not clearly about the same thing (aboutness {top.about:.2f})"
    )


def _value_text(m: Mention) -> str:
    iv = figure_interval(m.row)
    return f"'{m.span}'" + (
        f" ({fmt_interval((round(iv[0]), round(iv[1])) if abs(iv[0]) >= 100 else iv)})"
        if iv and all(math.isfinite(x) for x in iv) and m.span and not m.span[0].isdigit()
        else ""
    )


def _short(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + " …"


def _date_text(m: Mention) -> str:
    d = text(m.row.get("date"))
    return f"'{m.span}'" + (f" ({d})" if d else "")


# ---------------------------------------------------------------- quotes


def check_quote(claim: dict, ctx: CheckContext) -> Check:
    srcset = ctx.sources
    quote = text(claim.get("span")) or ""
    match = find_quote(quote, srcset)
    if match is None or match.share < QUOTE_FOUND_AT:
        return unverified(
            f"{SILENT}: the quote is not in them"
            + (f" (at most {match.share:.0%} of its words in one passage)" if match else "")
        )
    cited = [
        Mention("quote", quote, q.text, (0, 0), {}, passage_id=q.id, document=q.document)
        for q in (match.cited or [match.passage])
    ]
    m = next((c for c in cited if c.passage_id == match.passage.id), cited[0])
    ids, recs, docs = _evidence(srcset, cited)
    source_words = match.words or match.passage.text[match.start : match.end]
    where = _passage_ref(srcset, m)
    if match.changes:
        return Check(
            "contradicted",
            ids,
            expected=f'"{source_words}" ({where})',
            sources=docs,
            passages=recs,
            computation=diff_text(match.ops),
            note=f"Misquote: {where} has other words: {diff_text(match.changes)} (story → source).",
        )
    speaker, said_by = text(claim.get("speaker")), _speaker_in_source(srcset, match)
    if speaker and said_by and _names_someone(speaker) and _names_someone(said_by):
        # (a pronoun or a common noun, "its", "the company", names no one a speaker could differ from)
        from claimkit.matching import SPEAKER_THRESHOLD, same_person

        if (
            same_person(speaker, said_by) < SPEAKER_THRESHOLD
            and speaker.lower() not in said_by.lower()
            and said_by.lower() not in speaker.lower()
        ):
            return Check(
                "contradicted",
                ids,
                expected=f'"{source_words}", said by {said_by} ({where})',
                sources=docs,
                passages=recs,
                note=f"The words are in {where}, but the source gives them to {said_by}, not {speaker}.",
            )
    shown = diff_text(match.ops) if any(t != "equal" for t, _, _ in match.ops) else None
    note = f"The quote is in {where}" + (f" (differences that keep the sense: {shown})" if shown else " word for word")
    if speaker and not said_by:
        note += "; the source does not name who said it there"
    return Check(
        "supported",
        ids,
        expected=f'"{source_words}" ({where})',
        sources=docs,
        passages=recs,
        computation=shown,
        note=note + ".",
    )


# ---------------------------------------------------------------- titles


def check_title(claim: dict, ctx: CheckContext) -> Check | None:
    from claimkit.matching import NAME_THRESHOLD, same_person, title_role

    person, title = text(claim.get("speaker")), text(claim.get("subject"))
    if not person or not title:
        return None
    role, countries = title_role(title)
    srcset = ctx.sources
    index = source_mentions(srcset)
    found, other = [], []
    for p, _ in srcset.search(f"{person} {title}", k=SEARCH_K):
        pid = p.id
        for r in index.rows(pid):
            if str(r.get("kind")) != "role" or same_person(person, text(r.get("speaker"))) < NAME_THRESHOLD:
                continue
            r_role, r_countries = title_role(text(r.get("subject")))
            m = Mention(
                "role",
                text(r.get("span")) or "",
                text(r.get("sentence")) or "",
                (0, 0),
                r,
                passage_id=pid,
                document=text(r.get("document")),
            )
            if (role and r_role == role and (not countries or not r_countries or countries & r_countries)) or (
                text(r.get("subject")) or ""
            ).lower() == title.lower():
                found.append(m)
            elif role and r_role:
                other.append(m)
    if found:
        ids, recs, docs = _evidence(srcset, found[:1])
        return Check(
            "supported",
            ids,
            expected=f"'{found[0].span}' ({_passage_ref(srcset, found[0])})",
            sources=docs,
            passages=recs,
            note=f"{_passage_ref(srcset, found[0])} names {person} '{found[0].row.get('subject')}'.",
        )
    if other:
        ids, recs, docs = _evidence(srcset, other[:1])
        return Check(
            "contradicted",
            ids,
            expected=f"'{other[0].span}' ({_passage_ref(srcset, other[0])})",
            sources=docs,
            passages=recs,
            note=f"The sources give {person} another office: '{other[0].row.get('subject')}', not '{title}'.",
        )
    return unverified(f"{SILENT} on {person}'s office")


# ---------------------------------------------------------------- reported speech

ATTRIBUTION_FOUND_AT = 0.8  # share of the reported words' content words a source passage must hold


def check_attribution(claim: dict, ctx: CheckContext) -> Check | None:
    """Reported speech ("Russia said that it was at a dead end"): supported when a passage of a related
    document holds nearly all of its words and gives them to the same speaker. A paraphrase is normal in
    reported speech, so a difference never contradicts: it leaves the claim unverified."""
    import json

    from claimkit.matching import SPEAKER_THRESHOLD, same_person

    srcset = ctx.sources
    speaker = text(claim.get("speaker"))
    try:
        details = json.loads(text(claim.get("details")) or "{}")
    except ValueError:
        details = {}
    said = details.get("content_text") or text(claim.get("subject")) or ""
    words = {c for w, _, _ in tokens(said) if (c := content(w))}
    if not speaker or len(words) < 3:
        return None
    index = source_mentions(srcset)
    story = story_profile(ctx)
    best, best_share = None, 0.0
    for p, _ in srcset.search(said, k=SEARCH_K):
        if not index.related(p.document, story):
            continue
        share = len(words & {c for w, _, _ in tokens(p.text) if (c := content(w))}) / len(words)
        if share > best_share:
            best, best_share = p, share
    if best is None or best_share < ATTRIBUTION_FOUND_AT:
        return unverified(f"{SILENT} on what {speaker} said here")
    # the figures, dates and names in the reported words must all be in the passage (their own checks say more)
    exact = {w.lower() for w, _, _ in tokens(said) if w[0].isdigit() or w.lower() in _name_skip() - _stopwords()}
    missing = sorted(exact - {w.lower() for w, _, _ in tokens(best.text)})
    if missing:
        return unverified(
            f"{_passage_ref(srcset, Mention('attribution', said, best.text, (0, 0), {}, passage_id=best.id, document=best.document))} "
            f"has these words but not {', '.join(missing)}: see the checks of the figures and dates in them"
        )
    givers = [
        text(r.get("speaker"))
        for r in index.rows(best.id)
        if str(r.get("kind")) in ("attribution", "quote") and text(r.get("speaker"))
    ]
    m = Mention("attribution", said, best.text, (0, 0), {}, passage_id=best.id, document=best.document)
    where = _passage_ref(srcset, m)
    if any(
        same_person(speaker, g) >= SPEAKER_THRESHOLD or speaker.lower() in g.lower() or g.lower() in speaker.lower()
        for g in givers
    ):
        ids, recs, docs = _evidence(srcset, [m])
        return Check(
            "supported",
            ids,
            expected=f'{where}: "{_short(best.text)}"',
            sources=docs,
            passages=recs,
            note=f"{where} gives these words ({best_share:.0%} of them) to {speaker}.",
        )
    if givers:
        return unverified(
            f"{where} has these words ({best_share:.0%} of them) but gives them to {', '.join(dict.fromkeys(givers))}; "
            "read the passage to tell who said it"
        )
    return unverified(f"{where} has these words ({best_share:.0%} of them) but does not say who said them")


# ---------------------------------------------------------------- the check


@lru_cache(maxsize=64)
def _squashed(s: str) -> str:
    """White space made plain: a run holding a line break is one line break, any other run one space."""
    return re.sub(r"[^\S\n]+", " ", re.sub(r"\s*\n\s*", "\n", s)).strip()


VERBATIM_MIN_WORDS = 6  # a sentence this long found word for word in a document is that document's sentence


def verbatim_source(claim: dict, ctx: CheckContext) -> str | None:
    """A related source document that holds the claim's whole sentence word for word (white space aside)."""
    sentence = _squashed(text(claim.get("sentence")) or "")
    if len(sentence.split()) < VERBATIM_MIN_WORDS:
        return None
    index = source_mentions(ctx.sources)
    story = story_profile(ctx)
    for doc in ctx.sources.documents:
        body = _squashed(doc.text)
        at = body.find(sentence)
        while at >= 0:
            after = at + len(sentence)
            # a whole sentence there, not the end of a longer one ("Deputy Foreign Minister X said …")
            # (a sentence starts the text or a line, or follows the end of another; a headline ends without a stop)
            if (
                at == 0 or body[at - 1] == "\n" or (body[at - 1] == " " and body[at - 2 : at - 1] in SENTENCE_ENDS)
            ) and (after == len(body) or body[after] in " \n"):
                if index.related(doc.path, story):
                    return doc.path
                break
            at = body.find(sentence, at + 1)
    return None


SENTENCE_ENDS = frozenset(".!?\"'\u201d\u2019)]:")


@claim_check("sources", kinds=FIGURE_KINDS + ("time", "quote", "role", "attribution"))
def sources(claim: dict, ctx: CheckContext) -> Check | None:
    found = _sources(claim, ctx)
    if found is not None and found.verdict in ("contradicted", "misleading"):
        # the story's sentence stands word for word in a source: the source cannot disagree with it; the
        # difference comes from reading the same words two ways (a figure's subject, a weekday apart from its
        # date, a speaker resolved from other context), so nothing is decided
        doc = verbatim_source(claim, ctx)
        if doc:
            return unverified(
                f"{doc} holds this sentence word for word, so it cannot disagree with it; the two "
                f"readings of it differ ({found.verdict}: {found.note})"
            )
    return found


def _sources(claim: dict, ctx: CheckContext) -> Check | None:
    if ctx.sources is None:
        return None
    kind = str(claim.get("kind") or "")
    if kind == "quote":
        return check_quote(claim, ctx)
    if kind == "role":
        return check_title(claim, ctx)
    if kind == "attribution":
        return check_attribution(claim, ctx)
    if kind == "time":
        if not text(claim.get("date")) and not _weekday(text(claim.get("span")) or ""):
            return unverified("the date could not be resolved, so it cannot be compared with the sources")
        return decide(claim, ctx, "time", _date_text)
    if figure_interval(claim) is None:
        return unverified("the claim carries no figure to compare with the sources")
    return decide(claim, ctx, "figure", _value_text)


# ---------------------------------------------------------------- for check_claim: every candidate, and why


def explain(claim: dict, ctx: CheckContext) -> list[dict]:
    """Every source mention the source check weighed for ``claim``, best first: the passage, the words
    the claim and the mention share, the aboutness, whether the figure or date agrees, and why it was or
    was not used."""
    kind = str(claim.get("kind") or "")
    family = "time" if kind == "time" else "figure" if kind in FIGURE_KINDS else None
    if ctx.sources is None or family is None:
        return []
    verdict = sources(claim, ctx)
    used = set(verdict.evidence_ids) if verdict else set()
    me, cands, _ = score_candidates(claim, ctx, family)
    out = []
    for c in cands:
        m = c.mention
        shared = sorted(set(me.owned) & set(m.owned)) if me else []
        if m.passage_id in used:
            why = f"decided the source check ({verdict.verdict})"
        elif c.about < SUPPORT_AT - 0.2:
            why = "not about the same thing (too few of the claim's words stand beside it)"
        elif c.agrees:
            why = "agrees, but another passage is more about the claim"
        else:
            why = (
                "states another figure, but is not clearly enough about the same thing"
                if family == "figure"
                else "gives another date, but is not clearly enough about the same event"
            )
        out.append(
            {
                "passage_id": m.passage_id,
                "document": m.document,
                "mention": m.span,
                "value": text(m.row.get("date")) if family == "time" else m.span,
                "agrees": c.agrees,
                "aboutness": c.about,
                "shared_words": ", ".join(shared),
                "used": m.passage_id in used,
                "why": why,
                "sentence": m.sentence,
            }
        )
    return out


# what this module offers, the helpers now in claimkit/checks/_source_*.py included (imported from here by against.py)
__all__ = [
    "APPROXIMATE",
    "ATTRIBUTION_FOUND_AT",
    "BARRIER_COST",
    "CONTRADICT_AT",
    "DENY_TIME_SPAN",
    "FIGURE_KINDS",
    "MARGIN",
    "QUOTE_FOUND_AT",
    "RANGE_BOUND_TOLERANCE",
    "RELATED_NAMES",
    "RELATED_WORDS",
    "ROUNDED_BOUND",
    "SAME_TIME_SPAN",
    "SEARCH_K",
    "SENTENCE_ENDS",
    "SHARE_SLACK",
    "SILENT",
    "SUPPORT_AT",
    "UNIT_BONUS",
    "VERBATIM_MIN_WORDS",
    "WEEKDAYS",
    "Candidate",
    "Mention",
    "QuoteMatch",
    "aboutness",
    "align_quote",
    "candidate_passages",
    "check_attribution",
    "check_quote",
    "check_title",
    "claim_mention",
    "comparable",
    "content",
    "counted_noun",
    "decide",
    "diff_text",
    "explain",
    "figure_interval",
    "figure_unit",
    "find_quote",
    "mentions_in",
    "proper_names",
    "same_figure",
    "same_time",
    "score_candidates",
    "sense_changes",
    "shared_names",
    "significant_digits",
    "source_mentions",
    "sources",
    "stem",
    "story_profile",
    "tokens",
    "topic_words",
    "verbatim_source",
    "word_weight",
    "written_precision",
]
