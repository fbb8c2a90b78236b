"""Who: people's names and titles in a story, and the speaker a phrase or pronoun stands for.

One resolver serves the quotes, attribution and roles extractors, so "Rau", "the Polish
Foreign Minister" and "Polish Foreign Minister Zbigniew Rau" become one person everywhere.

- A *role mention* is a title followed by a name: ``[possessor] [prefix] [prefix] [modifier]
  [modifier] TITLE Name`` ("Deputy Foreign Minister Sergei Ryabkov", "its ambassador Alexander
  Lukashevich", "Kremlin spokesman Dmitry Peskov"). Titles, modifiers and prefixes are data
  (``lexicon/titles.tsv``, ``title_modifiers.txt``, ``title_prefixes.txt``).
- The *cast* of a story is every person a role mention or an attributed full name introduces.
- ``Cast.resolve(phrase)`` maps a surname ("Rau"), a title ("the Polish Foreign Minister",
  "the US envoy" via the title's family) or a full name to the fullest name the story gives.
  Pronouns are resolved by :class:`SpeakerHistory`: "he"/"she" take the last person who spoke,
  "it"/"they" the last body, unless that is ambiguous (two people speak or are spoken to in
  the antecedent's sentence), in which case the speaker stays unresolved and is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimkit.lexicon import alternation, mapping, table, words

_DETERMINERS = ("the", "a", "an", "its", "his", "her", "their", "our")
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "bin", "ibn", "al", "el", "le", "la", "du", "dos", "del"}
)
_TOKEN = re.compile(r"[^\s,;:!?()\"]+")


@dataclass
class Role:
    """A title and the person holding it, as written at ``start:end``."""

    start: int
    end: int
    title: str
    title_start: int
    title_end: int
    name: str
    name_start: int
    name_end: int
    possessor: str | None = None  # "its" in "its ambassador Alexander Lukashevich"


@dataclass
class Person:
    name: str
    titles: list[str] = field(default_factory=list)
    first_pos: int = 0

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def title(self) -> str | None:
        return self.titles[0] if self.titles else None


@dataclass
class Speaker:
    """Who a speaker phrase stands for. ``name`` is the fullest name (or the body as written)."""

    written: str
    name: str | None
    title: str | None = None
    is_person: bool = False
    resolved: bool = True
    resolved_by: str | None = None  # "name", "surname", "title", "pronoun"
    reason: str | None = None


# ---------------------------------------------------------------- lexicon


def _alt(items) -> str:
    return alternation(items, space=None)


@lru_cache(maxsize=1)
def _title_families() -> dict[str, str]:
    out = {}
    for row in table("titles.tsv"):
        out[row["title"].lower()] = row["family"]
    return out


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern:
    titles = [row["title"] for row in table("titles.tsv")]
    titles += [t.lower() for t in titles if t[0].isupper()]  # "its ambassador", "the foreign minister"
    prefixes = words("title_prefixes.txt")
    modifiers = words("title_modifiers.txt")
    prefix = f"(?:{_alt(prefixes)}|[A-Z][a-z]+'s)"
    return re.compile(
        rf"(?:\b(?P<poss>its|his|her|their|The|the) )?"
        rf"(?P<title>(?:\b{prefix} )?(?:\b{prefix} )?(?:\b(?:{_alt(modifiers)}) )?(?:\b(?:{_alt(modifiers)}) )?\b(?:{_alt(titles)}))"
        rf" (?=[A-Z])"
    )


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    return frozenset(words("org_words.txt"))


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, str]:
    return mapping("pronouns.tsv", "pronoun", "refers_to")


@lru_cache(maxsize=1)
def _stop_names() -> frozenset[str]:
    from claimkit.lexicon import table as t

    time_words = {row["word"] for row in t("time_words.tsv") if row["kind"] in ("month", "weekday")}
    return frozenset(
        time_words
        | {"On", "In", "At", "The", "A", "An", "But", "And", "As", "If", "He", "She", "It", "They", "We", "I"}
    )


@lru_cache(maxsize=1)
def _month_names() -> frozenset[str]:
    from claimkit.lexicon import table as t

    return frozenset(
        row["word"] for row in t("time_words.tsv") if row["kind"] == "month" and not row["word"].endswith(".")
    )


# ---------------------------------------------------------------- roles


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The capitalised name starting at ``pos`` (1-4 tokens, initials and particles allowed)."""
    end, count, i = pos, 0, pos
    stop = _stop_names()
    while count < 4:
        m = _TOKEN.match(text, i)
        if not m:
            break
        tok = m.group()
        core = tok[:-2] if tok.endswith("'s") else tok
        core_clean = core.rstrip(".")
        # a month after a first name is a surname ("Theresa May"), unless a day number follows ("Biden May 5")
        surname_month = count and core_clean in _month_names() and not re.match(r"\s*\d", text[m.end() :])
        if (
            core_clean[:1].isupper()
            and core_clean.replace("-", "").replace("'", "").replace(".", "").isalpha()
            and (core_clean not in stop or surname_month)
        ):
            end = m.start() + len(core) - (1 if core.endswith(".") and len(core_clean) > 1 else 0)
            count += 1
            if tok.endswith("'s") or (tok.endswith(".") and len(core_clean) > 1):
                break
        elif tok in _PARTICLES and count:
            pass
        else:
            break
        i = m.end()
        if i >= len(text) or text[i] != " ":
            break
        i += 1
    return (pos, end) if count else None


def find_roles(text: str) -> list[Role]:
    """Every title-name pair in ``text`` ("US Ambassador Michael Carpenter"), in text order."""
    out = []
    for m in _role_pattern().finditer(text):
        span = _name_after(text, m.end())
        if span is None:
            continue
        ns, ne = span
        name = text[ns:ne]
        if any(tok in _org_words() for tok in name.split()):
            continue  # "the Kremlin spokesman" + "Senate Democrats": a title before a body, not a name
        poss = m.group("poss")
        start = m.start("title")
        possessor = poss if poss and poss.lower() != "the" else None
        out.append(
            Role(
                start=start,
                end=ne,
                title=m.group("title"),
                title_start=start,
                title_end=m.end("title"),
                name=name,
                name_start=ns,
                name_end=ne,
                possessor=possessor,
            )
        )
    return out


def strip_determiner(phrase: str) -> str:
    parts = phrase.split(" ", 1)
    if len(parts) == 2 and parts[0].lower() in _DETERMINERS:
        return parts[1]
    return phrase


@lru_cache(maxsize=1)
def _titles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_title_families(), key=len, reverse=True))


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    return frozenset(m.lower() for m in words("title_modifiers.txt"))


@lru_cache(maxsize=4096)
def title_family(title: str) -> str | None:
    """The office a title names, without nationality or modifiers' case ("US envoy" -> "ambassador")."""
    fams = _title_families()
    low = title.lower()
    for t in _titles_longest_first():
        if low.endswith(t):
            head = low[: len(low) - len(t)].split()
            mods = [h for h in head if h in _modifier_words()]
            return " ".join(mods + [fams[t]])
    return None


@lru_cache(maxsize=4096)
def _title_prefix(title: str) -> str:
    """The nationality or body part of a title ("US", "Polish"), or ""."""
    low = title.lower()
    for t in _titles_longest_first():
        if low.endswith(t):
            head = title[: len(title) - len(t)].split()
            return " ".join(h for h in head if h.lower() not in _modifier_words() and h.lower() not in _DETERMINERS)
    return ""


# ---------------------------------------------------------------- the cast


class Cast:
    """The people a story names, and resolution of speaker phrases against them."""

    def __init__(self, text: str, roles: list[Role] | None = None):
        self.text = text
        self.roles = find_roles(text) if roles is None else roles
        self.people: dict[str, Person] = {}
        for r in self.roles:
            self.add(r.name, r.title, r.start)

    def add(self, name: str, title: str | None = None, pos: int = 0) -> Person:
        # a longer name absorbs a shorter one with the same surname ("Putin" -> "Vladimir Putin")
        for key, p in list(self.people.items()):
            if p.surname == name.split()[-1] and (key in name or name in key):
                if len(name) > len(p.name):
                    del self.people[key]
                    p.name = name
                    self.people[name] = p
                if title and title not in p.titles:
                    p.titles.append(title)
                return p
        p = Person(name=name, titles=[title] if title else [], first_pos=pos)
        self.people[name] = p
        return p

    def by_surname(self, token: str) -> list[Person]:
        return [p for p in self.people.values() if p.surname == token or p.name == token]

    def by_title(self, title: str) -> list[Person]:
        low = strip_determiner(title).lower()
        exact = [p for p in self.people.values() if any(t.lower() == low for t in p.titles)]
        if exact:
            return exact
        fam, prefix = title_family(title), _title_prefix(strip_determiner(title)).lower()
        if not fam or not prefix:
            return []
        return [
            p
            for p in self.people.values()
            if any(title_family(t) == fam and _title_prefix(t).lower() == prefix for t in p.titles)
        ]

    def is_person_phrase(self, phrase: str) -> bool:
        toks = strip_determiner(phrase).split()
        if not toks or any(t in _org_words() for t in toks):
            return False
        return title_family(phrase) is not None or (all(t[:1].isupper() for t in toks) and 2 <= len(toks) <= 4)

    def resolve(self, phrase: str) -> Speaker:
        """Resolve a non-pronoun speaker phrase to the fullest name the story gives."""
        written = phrase.strip()
        bare = strip_determiner(written)
        # a title + name as written: "Polish Foreign Minister Zbigniew Rau"
        roles = find_roles(written + " ")
        if (roles and roles[-1].end == len(written)) or (roles and roles[-1].name_end == len(written)):
            r = roles[-1]
            p = self.people.get(r.name) or self.add(r.name, r.title)
            return Speaker(written, p.name, r.title, True, True, "name")
        toks = bare.split()
        if len(toks) == 1 and toks[0][:1].isupper():
            found = self.by_surname(toks[0].removesuffix("'s"))
            if len(found) == 1:
                return Speaker(written, found[0].name, found[0].title, True, True, "surname")
            if len(found) > 1:
                return Speaker(written, bare, None, True, False, None, "two people share this surname")
        if title_family(bare) is not None and not any(t in _org_words() for t in toks):
            found = self.by_title(bare)
            if len(found) == 1:
                return Speaker(written, found[0].name, bare, True, True, "title")
            return Speaker(
                written,
                bare,
                bare,
                True,
                False,
                None,
                "no named holder of this title" if not found else "several people hold this title",
            )
        if bare in self.people:
            p = self.people[bare]
            return Speaker(written, p.name, p.title, True, True, "name")
        if len(toks) > 1 and toks[-1][:1].isupper():
            found = self.by_surname(toks[-1])
            if len(found) == 1 and found[0].name.endswith(bare):
                return Speaker(written, found[0].name, found[0].title, True, True, "name")
        if self.is_person_phrase(bare):
            p = self.add(bare, None)
            return Speaker(written, p.name, None, True, True, "name")
        return Speaker(written, bare, None, False, True, "body")


@dataclass
class _Event:
    pos: int
    sentence: int
    speaker: Speaker
    others: tuple[str, ...] = ()  # other people speaking or spoken to in the same sentence


class SpeakerHistory:
    """Who has spoken so far, for pronouns: the last person ("he", "she") or body ("it", "they")."""

    def __init__(self, max_sentences: int = 6):
        self.events: list[_Event] = []
        self.max_sentences = max_sentences
        self._by_kind: dict[bool, list[_Event]] = {True: [], False: []}
        # per (sentence, is_person): every name's first position, and the two names that spoke first,
        # so "did anyone else speak earlier in this sentence?" costs O(1), not a scan of the story
        self._first_pos: dict[tuple[int, bool], dict[str, int]] = {}
        self._earliest: dict[tuple[int, bool], list[tuple[int, str]]] = {}

    def note(self, pos: int, sentence: int, speaker: Speaker, others: tuple[str, ...] = ()) -> None:
        if speaker.name and speaker.resolved:
            ev = _Event(pos, sentence, speaker, others)
            self.events.append(ev)
            self._by_kind[speaker.is_person].append(ev)
            key = (sentence, speaker.is_person)
            first = self._first_pos.setdefault(key, {})
            first[speaker.name] = min(pos, first.get(speaker.name, pos))
            names = {n for _, n in self._earliest.get(key, [])} | {speaker.name}
            self._earliest[key] = sorted((first[n], n) for n in names)[:2]

    def _another_spoke(self, sentence: int, is_person: bool, name: str, before: int) -> bool:
        """Whether someone other than ``name`` (of the same kind) spoke in ``sentence`` before ``before``."""
        return any(p < before and n != name for p, n in self._earliest.get((sentence, is_person), []))

    @staticmethod
    def is_pronoun(phrase: str) -> bool:
        return phrase.strip().lower() in _pronouns()

    def resolve(self, pronoun: str, pos: int, sentence: int) -> Speaker:
        want_person = _pronouns()[pronoun.strip().lower()] == "person"
        for ev in reversed(self._by_kind[want_person]):
            if ev.pos >= pos:
                continue
            if sentence - ev.sentence > self.max_sentences:
                break
            names = {ev.speaker.name} | set(ev.others)
            if len(names) > 1 or self._another_spoke(ev.sentence, want_person, ev.speaker.name, pos):
                spoke = self._first_pos[(ev.sentence, want_person)]
                if len(spoke) > 20:  # a runaway "sentence": name the first speakers only, in bounded time
                    spoke = {n: p for p, n in self._earliest[(ev.sentence, want_person)]}
                same = {n for n, p in spoke.items() if p < pos} | names
                shown = sorted(n for n in same if n)
                listed = ", ".join(shown[:5]) + (f" and {len(shown) - 5} more" if len(shown) > 5 else "")
                return Speaker(
                    pronoun, None, None, want_person, False, None, f"ambiguous: {listed} in the same sentence"
                )
            s = ev.speaker
            return Speaker(pronoun, s.name, s.title, s.is_person, True, "pronoun")
        return Speaker(pronoun, None, None, want_person, False, None, "no earlier speaker to refer to")
