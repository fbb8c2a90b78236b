"""Who said it: direct quotes and reported speech, each with its speaker.

Two extractors share one reading of the story (:func:`speech`):

- ``quote``: every direct quote ``"..."`` (``Article.text`` has straight quotes only), including
  quotes that run over several paragraphs (the news convention: no closing mark at the end of a
  paragraph, an opening mark on the next), quotes interrupted by "he said", and partial quotes
  inside a sentence. The span is the quoted words (without the marks or a trailing comma).
- ``attribution``: reported speech ("Russia said on Thursday that it was at a dead end") with
  the speaker, the speech verb, the date of speaking and the reported content's offsets.

The speaker of a quote is the nearest attribution: the one right after it (``," he said``,
``," said Peskov``), else the one before it in the same sentence (``told the meeting: "``),
else the speaker of the quote it continues in the same paragraph, else a paragraph ending in
a colon just before. A speech verb inside quotation marks never counts. Names are resolved by
:mod:`claimkit.people`; a chain of attribution ("was quoted by TASS as saying", "... and quoted
its ambassador X") is kept in ``extra["via"]``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import alternation, mapping, words
from claimkit.people import Cast, Speaker, SpeakerHistory, find_roles, strip_determiner


@dataclass
class Quote:
    start: int  # first quoted character
    end: int  # after the last quoted character (trailing comma dropped)
    open: int  # offset of the opening mark
    close: int  # offset of the closing mark
    paragraphs: int = 1


@dataclass
class Attribution:
    verb: str
    verb_start: int
    verb_end: int
    frame: str
    speaker_written: str
    speaker_start: int
    speaker_end: int
    sentence: int
    content_start: int | None = None
    content_end: int | None = None
    clause_end: int = 0  # end of the verb's adjuncts ("said on Wednesday in a speech")
    date: str | None = None
    date_basis: str | None = None
    via: str | None = None
    to: str | None = None
    channel: str | None = None
    speaker: Speaker | None = None
    post: bool = False  # the attribution follows what was said
    extra: dict = field(default_factory=dict)


@dataclass
class Speech:
    quotes: list[Quote]
    attributions: list[Attribution]
    quote_speakers: list[tuple[Attribution | None, str]]  # per quote: its attribution and how it was found
    cast: Cast


# ---------------------------------------------------------------- lexicon

_STOP = frozenset(
    """that and but which who whom as while because if when where after before than or so since
although whereas though in on at with to for from by about against into over under during between through why how
what then whether not no also""".split()
)
_AUX = frozenset(
    "has have had also later previously then again once was were is are reportedly earlier has been "
    "had been would will repeatedly recently publicly separately further".split()
)


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str]:
    return mapping("speech_verbs.tsv", "verb", "frame")


@lru_cache(maxsize=1)
def _verb_re() -> re.Pattern:
    alts = alternation(_verbs(), space=None)
    return re.compile(rf"\b(?:{alts})\b")


@lru_cache(maxsize=1)
def _channel_re() -> re.Pattern:
    alts = alternation(words("speech_channels.txt"), space=None)
    return re.compile(rf" ?\b(?:{alts})\b")


_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ADJUNCT = re.compile(
    rf" (?:on {_WEEKDAY}(?: (?:morning|afternoon|evening|night))?|(?:yesterday|today|earlier|later|last week|this week|late on {_WEEKDAY})"
    rf"|in [A-Z][\w.-]*|at the [A-Z][\w-]*(?: [A-Z][\w-]*)?|on the sidelines of [^,.]{{1,60}}|in a [a-z]+ [a-z]+|publicly|again|also)\b"
)
_TOKEN = re.compile(r"\S+")
MAX_CONTENT = 2000  # reported content longer than this is cut (and flagged): a runaway "sentence", not speech


# ---------------------------------------------------------------- quotes


def find_quotes(text: str) -> list[Quote]:
    """Pair the double quotes of ``text`` paragraph by paragraph (linear in the text's length).

    A quote left open at the end of a paragraph continues when the next paragraph opens with
    a quote mark; otherwise it is dropped as unbalanced.
    """
    out: list[Quote] = []
    open_at: int | None = None
    paragraphs = 1
    pos, n = 0, len(text)
    while pos <= n:
        pe = text.find("\n\n", pos)
        pe = n if pe < 0 else pe
        q = text.find('"', pos, pe)
        if open_at is not None:
            if q == pos:  # the continuation mark of a multi-paragraph quote
                paragraphs += 1
                q = text.find('"', q + 1, pe)
            else:
                open_at = None
        while q >= 0:
            if open_at is None:
                open_at, paragraphs = q, 1
            else:
                out.append(_quote(text, open_at, q, paragraphs))
                open_at = None
            q = text.find('"', q + 1, pe)
        pos = pe + 2
    return out


def _quote(text: str, open_: int, close: int, paragraphs: int) -> Quote:
    start, end = open_ + 1, close
    while end > start and text[end - 1] in ", \n":
        end -= 1
    while start < end and text[start] in " \n":
        start += 1
    return Quote(start, end, open_, close, paragraphs)


# ---------------------------------------------------------------- attributions


def _inside(quotes: list[Quote], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and quotes[i].open < pos < quotes[i].close


def _speaker_before(text: str, lo: int, verb_start: int) -> tuple[int, int, int]:
    """Scan back from a verb for its subject: (start, end, aux_start); start == end when none."""
    region = text[max(lo, verb_start - 200) : verb_start]
    base = verb_start - len(region)
    toks = [(m.start() + base, m.end() + base, m.group()) for m in _TOKEN.finditer(region)]
    i = len(toks) - 1
    aux_start = verb_start
    # adjuncts between subject and verb: auxiliaries, adverbs, "on Thursday"
    while i >= 0:
        tok = toks[i][2]
        if tok.lower() in _AUX or (tok.endswith("ly") and tok.islower() and len(tok) > 4):
            aux_start = toks[i][0]
            i -= 1
        elif i >= 1 and toks[i - 1][2] == "on" and re.fullmatch(_WEEKDAY, tok):
            aux_start = toks[i - 1][0]
            i -= 2
        else:
            break
    end = toks[i][1] if i >= 0 else verb_start
    start = end
    count = 0
    while i >= 0 and count < 9:
        s, _e, tok = toks[i]
        if tok[-1] in ",:;" or '"' in tok or tok.lower() in _STOP or tok in _verbs() or (tok[-1] in ".!?" and count):
            break
        if tok[-1] in ".!?" and not count and len(tok) > 2 and tok[-2].islower():
            break
        start = s
        count += 1
        i -= 1
    if count == 0 or count >= 9:
        return verb_start, verb_start, aux_start
    return start, end, aux_start


def _looks_like_speaker(phrase: str) -> bool:
    toks = strip_determiner(phrase).split()
    if not toks:
        return False
    head = toks[-1].strip(".")
    if SpeakerHistory.is_pronoun(phrase):
        return True
    if head[:1].isupper():
        return True
    from claimkit.people import title_family

    return title_family(phrase) is not None or head.endswith("s") or head in words("org_words.txt")


def _np_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """A noun phrase after ``pos`` up to a stop word, comma, colon or quote (at most 8 tokens)."""
    end = pos
    for count, m in enumerate(_TOKEN.finditer(text, pos, limit)):
        tok = m.group()
        if tok.lower() in _STOP or '"' in tok or count >= 8:
            break
        clean = tok.rstrip(",.:;")
        end = m.start() + len(clean)
        if clean != tok:
            break
    while pos < end and text[pos] == " ":
        pos += 1
    return pos, end


def _parse(doc: Document, quotes: list[Quote], m: re.Match) -> Attribution | None:
    text = doc.text
    verb, vs, ve = m.group(), m.start(), m.end()
    frame = _verbs()[verb]
    si = doc.sentence_index(vs)
    ss, se = doc.sentence_at(vs)
    sp_s, sp_e, aux_start = _speaker_before(text, ss, vs)
    att = Attribution(
        verb=verb,
        verb_start=vs,
        verb_end=ve,
        frame=frame,
        speaker_written="",
        speaker_start=sp_s,
        speaker_end=sp_e,
        sentence=si,
        clause_end=ve,
    )
    passive = text[aux_start:vs].strip().lower() in ("was", "were", "is", "are", "has been", "had been")
    after_by = text.startswith(" by ", ve)
    if frame == "by" or (passive and after_by):
        if not after_by:
            return None
        # "a proposal presented by US Senate Democrats": the agent follows "by"
        a_s, a_e = _np_after(text, ve + 4, se)
        if a_e <= a_s:
            return None
        if frame == "quote" or verb == "quoted":
            # "Ryabkov was quoted by the TASS news agency as saying that ..."
            if sp_e <= sp_s:
                return None
            att.speaker_written = text[sp_s:sp_e]
            att.via = strip_determiner(text[a_s:a_e])
            tail = re.compile(r" as (?:saying|telling [^,.]{1,40}?)(?: that)?| that").match(text, a_e)
            c_s = tail.end() if tail else a_e
            att.content_start, att.content_end = _content_bounds(text, c_s, se)
            att.clause_end = c_s
            return att
        if frame != "by":
            return None
        att.speaker_written, att.speaker_start, att.speaker_end = text[a_s:a_e], a_s, a_e
        att.post = True
        np = _np_start(text, ss, aux_start if passive else vs)
        att.content_start = np
        att.content_end = _content_bounds(text, a_e, se)[1]
        att.clause_end = _adjuncts(text, att, a_e, se)
        att.extra["authored"] = True
        return att
    if frame == "quote" and sp_e > sp_s and not passive:
        # "TASS quoted Ryabkov as saying ...": the quoted one is the speaker, the quoter the channel
        q_s, q_e = _np_after(text, ve + 1, se)
        if q_e > q_s:
            att.via = strip_determiner(text[sp_s:sp_e])
            att.speaker_written, att.speaker_start, att.speaker_end = text[q_s:q_e], q_s, q_e
            tail = re.compile(r" as (?:saying|telling [^,.]{1,40}?)(?: that)?").match(text, q_e)
            c_s = tail.end() if tail else q_e
            att.content_start, att.content_end = _content_bounds(text, c_s, se)
            return att
        return None
    if sp_e <= sp_s:
        # nothing before the verb: `"...," said Peskov.` puts the speaker after it
        before = text[max(ss, vs - 200) : vs].rstrip()
        if not (before.endswith(',"') or before.endswith('?"') or before.endswith('!"') or before.endswith(",")):
            return None
        a_s, a_e = _np_after(text, ve + 1, se)
        if a_e <= a_s or not text[a_s : a_s + 1].isupper():
            return None
        att.speaker_written, att.speaker_start, att.speaker_end = text[a_s:a_e], a_s, a_e
        att.post, att.clause_end = True, a_e
        _adjuncts(text, att, a_e, se)
        return att
    att.speaker_written = text[sp_s:sp_e]
    if not _looks_like_speaker(att.speaker_written):
        return None
    pos = _adjuncts(text, att, ve, se)
    if frame == "tell" and not text.startswith(" that", pos):
        a_s, a_e = _np_after(text, pos + 1, se)
        if a_e > a_s:
            att.to = text[a_s:a_e]
            pos = _adjuncts(text, att, a_e, se)
    att.clause_end = pos
    if text.startswith(" that ", pos):
        pos += 5
    rest = text[pos:se].strip()
    if not rest or rest in (".", "!", "?"):
        # "..., senior Biden administration officials said on Wednesday."
        before = text[ss:sp_s].rstrip()
        if before.endswith(","):
            att.post = True
            att.content_start, att.content_end = ss, ss + len(before) - 1
        return att
    att.content_start, att.content_end = _content_bounds(text, pos, se)
    return att


def _adjuncts(text: str, att: Attribution, pos: int, limit: int) -> int:
    """Skip the verb's adjuncts (date, place, channel), noting the channel; return the new position."""
    while pos < limit:
        m = _channel_re().match(text, pos)
        if m and m.end() <= limit:
            att.channel = m.group().strip().split(" ", 1)[1]
            pos = m.end()
            continue
        m = _ADJUNCT.match(text, pos)
        if m and m.end() <= limit:
            pos = m.end()
            continue
        break
    # "... told SA OSCE on Twitter and quoted its ambassador Alexander Lukashevich": the words are his
    m = re.compile(r",? (?:and )?(?:quoted|quoting|citing) ").match(text, pos)
    if m:
        q_s, q_e = _np_after(text, m.end(), limit)
        if q_e > q_s:
            att.extra["quoted"] = (q_s, q_e)
            pos = q_e
    return pos


def _np_start(text: str, lo: int, pos: int) -> int:
    """Start of the noun phrase ending before ``pos``: back to a determiner, at most 6 words."""
    region = text[max(lo, pos - 80) : pos]
    base = pos - len(region)
    toks = list(_TOKEN.finditer(region))
    start = pos
    for m in reversed(toks[-6:]):
        if m.group().lower() in _STOP or m.group()[-1] in ',;:"':
            break
        start = base + m.start()
        if m.group().lower() in ("a", "an", "the", "this", "that", "its", "their", "his", "her"):
            break
    return start


def _content_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] in " .!?":
        end -= 1
    return start, end


# ---------------------------------------------------------------- the reading


def speech(doc: Document) -> Speech:
    """Quotes, attributions and who is who in ``doc`` (computed once per document)."""
    cached = doc.__dict__.get("_claimkit_speech")  # shared by the quote, attribution and role extractors
    if cached is not None:
        return cached
    text = doc.text
    quotes = find_quotes(text)
    qstarts = [q.open for q in quotes]
    cast = Cast(text)
    atts: list[Attribution] = []
    for m in _verb_re().finditer(text):
        if _inside(quotes, qstarts, m.start()):
            continue
        att = _parse(doc, quotes, m)
        if att is not None and att.speaker_written:
            atts.append(att)
    _resolve_speakers(doc, atts, cast)
    _date(doc, atts)
    result = Speech(quotes, atts, _attach(doc, quotes, atts), cast)
    doc.__dict__["_claimkit_speech"] = result
    return result


def _resolve_speakers(doc: Document, atts: list[Attribution], cast: Cast) -> None:
    history = SpeakerHistory()
    for att in sorted(atts, key=lambda a: a.verb_start):
        written = att.speaker_written
        if SpeakerHistory.is_pronoun(written):
            sp = history.resolve(written, att.verb_start, att.sentence)
        else:
            sp = cast.resolve(written)
        quoted = att.extra.pop("quoted", None)
        if quoted:
            # the body spoke through one of its people: the words are the person's, the body the channel
            via = sp.name or written
            sp = cast.resolve(doc.text[quoted[0] : quoted[1]])
            att.via = via if not att.via else f"{att.via}; {via}"
            att.extra["quoted_as_written"] = doc.text[quoted[0] : quoted[1]]
        att.speaker = sp
        others = ()
        if att.to:
            to = cast.resolve(att.to)
            if to.is_person and to.resolved and to.name and to.name != sp.name and to.resolved_by != "body":
                others = (to.name,)
        history.note(att.verb_start, att.sentence, sp, others)
        if att.via:
            history.note(att.verb_start - 1, att.sentence, Speaker(att.via, att.via, None, False, True, "body"))


def _date(doc: Document, atts: list[Attribution]) -> None:
    """The date of speaking: a time right after the verb ("said on Wednesday"), else publication."""
    from claimkit.extract.times import parse_times

    parsed: dict[str, list] = {}  # windows repeat ("said on Monday"): parse each distinct one once
    for att in atts:
        lo = min(att.speaker_end, att.verb_start)
        window = doc.text[lo : att.clause_end]
        times = parsed.get(window)
        if times is None:
            times = parsed[window] = parse_times(window, reference=doc.published)
        for t in times:
            if t.iso and t.kind == "date" and not t.anchor:  # "would decide in 2 weeks" is not when it was said
                att.date, att.date_basis = t.iso, "stated"
                break
        else:
            if doc.published is not None:
                att.date, att.date_basis = doc.published.isoformat(), "publication"


def _attach(doc: Document, quotes: list[Quote], atts: list[Attribution]) -> list[tuple[Attribution | None, str]]:
    text = doc.text
    by_sentence: dict[int, list[Attribution]] = {}
    para_starts = [ps for ps, _ in doc.paragraphs]
    by_paragraph: dict[int, list[Attribution]] = {}
    for a in atts:
        by_sentence.setdefault(a.sentence, []).append(a)
        by_paragraph.setdefault(bisect.bisect_right(para_starts, a.verb_start) - 1, []).append(a)
    out: list[tuple[Attribution | None, str]] = []
    prev: tuple[Quote, Attribution | None] | None = None
    for q in quotes:
        found, how = None, "none"
        si_end = doc.sentence_index(q.close)
        # 1. right after the quote: `," he said` / `," said Peskov`
        for a in by_sentence.get(si_end, []):
            first = min(a.speaker_start, a.verb_start)
            if first > q.close and re.fullmatch(r'"[,?!]? ?', text[q.close : first]):
                found, how = a, "after"
                break
        # 2. before it in the same sentence: `told the meeting: "` / `said there was a "dead end"`
        if found is None:
            si = doc.sentence_index(q.open)
            before = [a for a in by_sentence.get(si, []) if a.verb_end <= q.open]
            if before:
                found, how = before[-1], "before"
        # 3. it continues the quote before it in the same paragraph
        if found is None and prev is not None and prev[1] is not None and _same_paragraph(doc, prev[0].close, q.open):
            found, how = prev[1], "continues"
        # 4. a paragraph ending with a colon introduces it
        if found is None:
            pi = bisect.bisect_right(para_starts, q.open) - 1
            if pi > 0:
                ps, pe = doc.paragraphs[pi - 1]
                if text[max(ps, pe - 3) : pe].rstrip().endswith(":") and by_paragraph.get(pi - 1):
                    found, how = by_paragraph[pi - 1][-1], "colon"
        out.append((found, how))
        prev = (q, found)
    return out


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    return "\n\n" not in doc.text[a:b]


# ---------------------------------------------------------------- extractors


def _speaker_fields(att: Attribution | None) -> tuple[str | None, dict]:
    if att is None:
        return None, {"speaker_resolved": False, "reason": "no attribution"}
    sp = att.speaker
    extra: dict = {"verb": att.verb, "speaker_as_written": att.speaker_written}
    if sp is not None and sp.title:
        extra["title"] = sp.title
    if sp is not None and sp.resolved_by:
        extra["resolved_by"] = sp.resolved_by
    if sp is None or not sp.resolved or not sp.name:
        extra["speaker_resolved"] = False
        if sp is not None and sp.reason:
            extra["reason"] = sp.reason
    for key in ("via", "to", "channel"):
        if getattr(att, key):
            extra[key] = getattr(att, key)
    if att.date_basis:
        extra["date_basis"] = att.date_basis
    if att.extra.get("quoted_as_written"):
        extra["quoted_as_written"] = att.extra["quoted_as_written"]
    name = sp.name if sp is not None and sp.resolved else None
    return name, extra


@extractor("quote")
def extract_quotes(doc: Document) -> Iterable[Finding]:
    """One ``quote`` claim per direct quote, with its speaker (flagged when it cannot be resolved)."""
    from claimkit.checkworthiness import prior

    sp = speech(doc)
    for q, (att, how) in zip(sp.quotes, sp.quote_speakers):
        if q.end <= q.start:
            continue
        speaker, extra = _speaker_fields(att)
        extra["attached"] = how
        ss, _ = doc.sentence_at(q.open)
        lead = doc.text[max(ss, q.open - 200) : q.open].strip()  # bounded: a sentence may be megabytes long
        if lead and not lead.endswith(":") and not doc.text[q.start : q.start + 1].isupper():
            extra["partial"] = True
        if q.paragraphs > 1:
            extra["paragraphs"] = q.paragraphs
        yield Finding(
            kind="quote",
            start=q.start,
            end=q.end,
            speaker=speaker,
            date=att.date if att else None,
            weight=prior("quote"),
            extra=extra,
        )


@extractor("attribution")
def extract_attributions(doc: Document) -> Iterable[Finding]:
    """One ``attribution`` claim per piece of reported speech (not for a bare `he said` after a quote)."""
    from claimkit.checkworthiness import prior

    sp = speech(doc)
    introduces_quote = {id(a) for a, how in sp.quote_speakers if a is not None and how == "after"}
    speaker_starts = [a.speaker_start for a in sp.attributions if not a.post]
    speaker_starts.sort()
    for att in sp.attributions:
        if att.content_start is None or att.content_end is None or att.content_end <= att.content_start:
            continue
        if id(att) in introduces_quote:
            continue  # `," Rau said in a speech`: the quote claim carries it
        # reported content stops where the next speaker in the sentence starts ("..., and the US envoy said")
        i = bisect.bisect_right(speaker_starts, att.content_start)
        if i < len(speaker_starts) and speaker_starts[i] < att.content_end:
            att.content_end = _cut_before(doc.text, att.content_start, speaker_starts[i])
        if att.content_end - att.content_start > MAX_CONTENT:
            att.content_end = att.content_start + MAX_CONTENT
            truncated = True
        else:
            truncated = False
        content = doc.text[att.content_start : att.content_end]
        if not _unquoted_words(content):
            continue  # the content is a direct quote: the quote claim carries it
        start = min(att.speaker_start, att.content_start)
        end = max(att.content_end, att.clause_end if att.post else att.content_end)
        while end > start and doc.text[end - 1] in " .,":
            end -= 1
        speaker, extra = _speaker_fields(att)
        extra["content"] = [att.content_start, att.content_end]
        extra["content_text"] = content
        extra["speaker_span"] = [att.speaker_start, att.speaker_end]
        if att.extra.get("authored"):
            extra["authored"] = True
        if truncated:
            extra["truncated"] = True
        yield Finding(
            kind="attribution",
            start=start,
            end=end,
            speaker=speaker,
            subject=content,
            date=att.date,
            weight=prior("attribution"),
            extra=extra,
        )


_QUOTED = re.compile(r'"[^"]*"')
_CUT = re.compile(r"[,;]? (?:and|but|while|whereas)? ?$")


def _unquoted_words(content: str) -> list[str]:
    return [w for w in _QUOTED.sub(" ", content).split() if any(c.isalpha() for c in w)]


def _cut_before(text: str, lo: int, pos: int) -> int:
    m = _CUT.search(text, max(lo, pos - 12), pos)
    return m.start() if m else pos


def roles_in(doc: Document):
    """Title-name pairs with their resolved people (used by the roles extractor)."""
    sp = speech(doc)
    return sp.cast, sp.cast.roles


__all__ = ["Attribution", "Quote", "find_quotes", "find_roles", "roles_in", "speech"]
