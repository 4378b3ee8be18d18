"""Person names in a document: a mention's parts, the document's full names, and the person.

A person's mention is split into its name, honorific and role ("Prime Minister John Howard",
"Mr Arafat's"); the document's full names are indexed once by their parts
(:func:`person_names`), so a short form takes the one full name of its document that ends
with it (``surname``), starts with it (``given_name``) or spells it with words left out
(``middle_name``), preferring the person named in the first sentence (``topic_name``); two
different people who fit stay apart (``ambiguous_name``). :func:`person_argument` is the
graph argument of a person's mention, with every rule that fired. See docs/identity.md.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extract.lexicon import (
    CLOSING_QUOTES,
    HONORIFICS,
    KINSHIP_NOUNS,
    NAME_END_WORDS,
    OPENING_QUOTES,
    PERSON_NOUNS,
    PLACE_TYPES,
    POSSESSIVE_MARKS,
    POST_NOMINALS,
    ROLE_WORDS,
)
from extract.doc_arrays import entity_table
from extract.phrases import is_citation, label_tokens
from kg.keys import canonical_key, distinct_names, scoped_key, spells_out
from kg.model import Argument

__all__ = [
    "full_names",
    "is_honorific",
    "names_a_person",
    "person_argument",
    "person_key",
    "person_names",
    "person_parts",
    "possessive_title",
    "titles_before",
    "written",
]

_NAMES_CACHE = "kg.person_names"


def is_honorific(token: Token) -> bool:
    """True for an honorific such as "Mr", "Mrs." or "Dr".

    >>> import spacy
    >>> doc = spacy.blank("en")("Mr. Smith and Dr Jones")
    >>> [is_honorific(t) for t in doc]
    [True, False, False, True, False]
    """
    return token.lower_.rstrip(".") in HONORIFICS


def person_parts(tokens: list[Token]) -> tuple[list[Token], str | None, str | None, list[str]]:
    """Split a person mention's tokens into ``(name, honorific, role, rules)``.

    Leading honorifics and role words are taken off (a name keeps at least one token), and
    so are possessive marks ("Arafat's").
    """
    rules: list[str] = []
    honorific = role = None
    name = [t for t in tokens if t.tag_ != "POS" and t.lower_ not in POSSESSIVE_MARKS]
    if len(name) != len(tokens):
        rules.append("possessive")
    start = 0
    while start < len(name) - 1 and is_honorific(name[start]):
        honorific = honorific or name[start].text
        start += 1
    role_start = start
    while start < len(name) - 1 and name[start].lower_.rstrip(".") in ROLE_WORDS:
        start += 1
    if start < len(name) and not name[start].is_title and start > role_start:
        # "King of Athens", "the Tsar": the role word is the phrase's head, and what follows
        # it ("of Athens") is no name. Nothing of a name is left.
        return [], honorific, None, rules
    if start > role_start:
        role = written(name[role_start:start])
        rules.append("role")
    if honorific:
        rules.append("honorific")
    end = len(name)
    while end > start + 1 and (name[end - 1].lower_.rstrip(".") in POST_NOMINALS
                               or name[end - 1].lower_ in NAME_END_WORDS
                               or name[end - 1].is_punct):
        end -= 1
    if end < len(name):
        rules.append("name_end")
    return name[start:end], honorific, role, rules


def possessive_title(head: Token) -> bool:
    """True when the recogniser's person name around ``head`` runs across a possessive into
    the head, a title word: "The King's Man" (a film) is no person "Man" whose role is king.
    A person's possessive ends the name ("Arafat's"); it never stands inside it.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("He is filming Matthew Vaughn's Kingsman prequel, The King's Man.")
    >>> possessive_title(doc[-2]), possessive_title(doc[4])
    (True, False)
    """
    if not head.is_title or head.ent_type_ != "PERSON":
        return False
    return any(t.tag_ == "POS" and t.i < head.i and t.i > 0 and t.doc[t.i - 1].is_title
               and t.doc[t.i - 1].ent_iob_ in ("B", "I") for t in label_tokens(head))


def titles_before(tokens: list[Token]) -> tuple[str | None, str | None]:
    """Honorific and role written just before a name, outside its entity span.

    "Mr Williams" (NER tags only "Williams"), "Prime Minister John Howard": the compounds
    and adjectives left of the name's first token that the name's head governs.
    """
    if not tokens:
        return None, None
    first = tokens[0]
    doc = first.doc
    head = tokens[-1]
    before = [c for c in head.lefts if c.i < first.i and c.dep_ in ("compound", "amod", "nmod")]
    honorific = next((c.text for c in before if is_honorific(c)), None)
    titles = [c for c in before if not is_honorific(c)]
    role = None
    if titles and any(c.pos_ in ("NOUN", "PROPN") for c in titles):
        lo = min(c.left_edge.i for c in titles)
        hi = max(c.right_edge.i for c in titles) + 1
        words = [doc[i] for i in range(lo, min(hi, first.i))
                 if doc[i].dep_ not in ("det", "poss", "punct", "case") and not is_honorific(doc[i])]
        if words and not any(t.is_punct for t in words):
            role = written(words)
    return honorific, role


def written(tokens: list[Token]) -> str:
    """Tokens as written: a space only where the text has one ("al-Rasheed", "W. Bush")."""
    parts = []
    for n, token in enumerate(tokens):
        parts.append(token.text)
        if n + 1 < len(tokens) and (token.whitespace_ or tokens[n + 1].i != token.i + 1):
            parts.append(" ")
    return "".join(parts)


def _name_key(name: list[Token]) -> str:
    return " ".join(written(name).lower().replace(".", "").replace("\u2019", "'").split())


def person_names(doc: Doc) -> dict[str, object]:
    """The person names of ``doc`` with two or more words, indexed by their parts.

    Returns ``{"labels": {key: label}, "suffixes": {trailing words: {full keys}},
    "prefixes": {leading words: {full keys}}, "ends": {(first, last word): {full keys}},
    "topic": {full keys}}``, computed once per
    document (cached in ``doc.user_data``). ``topic`` holds the full names of the document's
    first sentence (its title or lead: whom a biography is about).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Yasser Arafat spoke. Later Mr Arafat left.")
    >>> sorted(person_names(doc)["suffixes"]["arafat"]), sorted(person_names(doc)["prefixes"])
    (['yasser arafat'], ['yasser'])
    """
    cached = doc.user_data.get(_NAMES_CACHE)
    if cached is not None:
        return cached
    labels: dict[str, str] = {}
    suffixes: dict[str, set[str]] = {}
    prefixes: dict[str, set[str]] = {}
    ends: dict[tuple[str, str], set[str]] = {}
    topic: set[str] = set()
    first = next(iter(doc.sents), None)
    names = [person_parts(label_tokens(doc[root]))[0] for _start, _end, label, root
             in entity_table(doc) if label == "PERSON" and not possessive_title(doc[root])]
    for name in sorted([*names, *_split_place_names(doc)], key=lambda n: n[0].i if n else 0):
        key = _name_key(name)
        words = key.split()
        if len(words) < 2:
            continue
        labels.setdefault(key, written(name))
        # A name a place begins ("Fort Lee Historic Park") has no given name: "Fort Lee"
        # is the place, never a short form of the name.
        placed = name[0].ent_type_ in PLACE_TYPES
        for n in range(1, len(words)):
            suffixes.setdefault(" ".join(words[n:]), set()).add(key)
            if not placed:
                prefixes.setdefault(" ".join(words[:n]), set()).add(key)
        if not placed:
            ends.setdefault((words[0], words[-1]), set()).add(key)
        if first is not None and name[0].i < first.end:
            topic.add(key)
    found = {"labels": labels, "suffixes": suffixes, "prefixes": prefixes, "ends": ends,
             "topic": topic}
    doc.user_data[_NAMES_CACHE] = found
    return found


def _split_place_names(doc: Doc) -> list[list[Token]]:
    """Two proper nouns the recogniser read as two one-word places side by side, the first a
    compound of the second, in apposition with a noun of a person: a person's name, whose
    last word alone is that person too ("Valeska Paris, an Australian woman ... Paris claims",
    Valeska and Paris read as two cities)."""
    ents = entity_table(doc)  # (start, end, label, root)
    pairs = [(doc[first[0]], doc[second[0]]) for first, second in zip(ents, ents[1:])
             if first[1] == second[0] and first[1] - first[0] == second[1] - second[0] == 1
             and {first[2], second[2]} <= PLACE_TYPES]
    return [[one, two] for one, two in pairs
            if one.pos_ == two.pos_ == "PROPN"
            and one.dep_ == "compound" and one.head.i == two.i
            and any(c.dep_ == "appos" and c.lemma_.lower() in PERSON_NOUNS
                    for c in two.children)]


def _inside_name(short: str, ends: dict[tuple[str, str], set[str]]) -> set[str]:
    """The longer names of the document that spell out ``short`` ("joshua abraham norton" for
    "joshua norton"), found among those with its first and last word."""
    words = short.split()
    return {key for key in ends.get((words[0], words[-1]), ()) if spells_out(short, key)
            } if len(words) > 1 else set()


def _full_names(key: str, index: dict[str, object]) -> tuple[set[str], str | None]:
    """The distinct full names of the document a short form ``key`` may stand for, and the
    rule that finds them: ``surname`` (its last words), ``given_name`` (its first words,
    "Daniel" for "Daniel Bernoulli"), ``middle_name`` (a name with words left out)."""
    for rule, found in (("surname", index["suffixes"].get(key)),  # type: ignore[union-attr]
                        ("given_name", index["prefixes"].get(key)),  # type: ignore[union-attr]
                        ("middle_name", _inside_name(key, index["ends"]))):  # type: ignore[arg-type]
        names = distinct_names(found or ())
        if names:
            return names, rule
    return set(), None


def full_names(key: str, index: dict[str, object]) -> tuple[set[str], list[str]]:
    """The full names of the document (:func:`person_names`) that the short form ``key``
    ("bernoulli", "mr arafat" without its title) may stand for, and the rules that found
    them: the one found by ``surname``, ``given_name`` or ``middle_name``, then
    ``topic_name`` when several fit and exactly one is the person named in the document's
    first sentence ("Bernoulli" in a biography of Daniel Bernoulli that names his father
    Johann too). Empty when none fits.
    """
    candidates, rule = _full_names(key, index)
    if rule is None:
        return candidates, []
    topical = {c for c in candidates if any(t == c or spells_out(t, c)
                                            for t in index["topic"])}  # type: ignore[attr-defined]
    if len(candidates) > 1 and len(topical) == 1:
        return topical, [rule, "topic_name"]
    return candidates, [rule]


def _quoted_word(name: list[Token]) -> bool:
    """True when the name ``name`` is written between quotation marks of its own ('"Mourey",
    their legal surname'), an honorific inside them aside."""
    doc = name[0].doc
    start, end = name[0].i, name[-1].i + 1
    while start > 0 and (doc[start - 1].lower_.rstrip(".") in HONORIFICS):
        start -= 1
    after = end + 1 if end < len(doc) and doc[end].is_punct and not doc[end].is_quote else end
    return (start > 0 and doc[start - 1].text in OPENING_QUOTES | {'"'} and any(
        i < len(doc) and doc[i].text in CLOSING_QUOTES | {'"'} for i in (end, after)))


def _kinship_noun(head: Token) -> Token | None:
    """The noun of a family tie the name headed by ``head`` is written with: "his father,
    Mr Smith", "her husband Smith", "Smith, his father", "the second son of Pierre
    L'Enfant"."""
    if head.dep_ == "appos" and head.head.lemma_.lower() in KINSHIP_NOUNS:
        return head.head
    if any(c.dep_ == "appos" and c.lemma_.lower() in KINSHIP_NOUNS and _listed(c)
           for c in head.children):
        return None  # "Higuchi, her mother and her sister": a list, read as an apposition
    if head.dep_ == "pobj" and head.head.lower_ == "of" and (
        head.head.head.lemma_.lower() in KINSHIP_NOUNS
    ):
        return head.head.head
    return next((c for c in head.children if c.dep_ in ("appos", "compound")
                 and c.lemma_.lower() in KINSHIP_NOUNS), None)


def _listed(noun: Token) -> bool:
    """True when ``noun`` heads a list ("her mother and her sister"): a name before it is
    one of the list, not what the noun is."""
    return any(c.dep_ == "conj" for c in noun.children)


def _kin_of(head: Token, candidates: set[str], index: dict[str, object]) -> bool:
    """True when the name headed by ``head`` names a relative of the full name it would take:
    it is written with a noun of a family tie, and that full name is the person the document
    is about (named in its first sentence) or is named in the same sentence. "His son
    Daniel" in a life of Johann Bernoulli still takes "Daniel Bernoulli"."""
    if _kinship_noun(head) is None:
        return False
    sentence = head.sent
    named_here = {_name_key(person_parts(label_tokens(ent.root))[0]) for ent in sentence.ents
                  if ent.label_ == "PERSON" and not ent.start <= head.i < ent.end}
    topic = index["topic"]  # type: ignore[index]
    return any(c in named_here or c in topic for c in candidates)  # type: ignore[operator]


def person_argument(head: Token, document: str) -> Argument | None:
    tokens = label_tokens(head)
    name, honorific, role, rules = person_parts(tokens)
    outer_honorific, outer_role = titles_before(tokens)
    honorific = honorific or outer_honorific
    role = role or outer_role
    if outer_honorific and "honorific" not in rules:
        rules.append("honorific")
    as_written = written([t for t in tokens if t.tag_ != "POS"])
    if not name:
        return None
    scope = None
    if honorific and _quoted_word(name) and is_honorific(name[0].doc[name[0].i - 1]):
        # 'her dog "Mr. Marbles"': the honorific inside the quotes is part of the nickname,
        # a name of its document (as any quoted name, below)
        name = [name[0].doc[name[0].i - 1], *name]
        honorific = None
        scope = document
        rules = [r for r in rules if r != "honorific"] + ["quoted_name"]
    key = _name_key(name)
    if not key:
        return None
    label = written(name)
    if any(mark in label for mark in ".\u2019\u02bc"):
        rules.append("punctuation")  # "George W. Bush", "L\u2019Enfant"
    index = person_names(head.doc)
    candidates, found_by = full_names(key, index)
    if candidates and _quoted_word(name):
        # 'that "Mourey", their legal surname', 'her dog "Mr. Marbles"': a name quoted as a
        # word, or a nickname, is no short form of the person of that name
        candidates, found_by = set(), []
        scope = document
        rules.append("quoted_name")
    if candidates and found_by and _kin_of(head, candidates, index):
        # "the second son of Pierre L'Enfant" in a life of Pierre Charles L'Enfant: a
        # relative shares the name, and is not the person
        candidates, found_by = set(), []
        scope = document if len(key.split()) == 1 else None
        rules.append("kinship")
    if len(candidates) == 1:
        key = next(iter(candidates))
        label = index["labels"][key]  # type: ignore[index]
        rules += found_by
    elif len(candidates) > 1:
        scope = document
        rules.append("ambiguous_name")
    if outer_honorific:
        as_written = f"{outer_honorific} {as_written}"
    return Argument(
        label=label,
        key=scoped_key(canonical_key(key), scope),
        type="PERSON",
        form=as_written if as_written != label else None,
        rules=tuple(sorted(set(rules))),
        honorific=honorific,
        role=role,
        scope=scope,
    )


def names_a_person(head: Token) -> bool:
    """A proper noun the recogniser did not tag as a person but that names one: written with
    an honorific ("Mr Strachan", "Dr Hollingworth"), or a lone word that ends a person's name
    of the document ("Lawal, 30, was sentenced" read as a place; "Waugh" beside Mark and
    Steve Waugh, which the person rules then keep apart)."""
    capitalised_noun = head.pos_ == "NOUN" and head.is_title
    if (head.pos_ != "PROPN" and not capitalised_noun) or is_honorific(head) or is_citation(head):
        return False  # "(Fillmore 1968)" is a work, not Fillmore
    compounds = [c for c in head.lefts if c.dep_ == "compound"]
    if any(is_honorific(c) for c in compounds):
        return True
    if compounds or (head.ent_type_ and head.ent_iob_ != "B") or (
        head.i + 1 < len(head.doc) and head.doc[head.i + 1].ent_iob_ == "I"
    ):
        return False  # part of a longer name
    return bool(person_names(head.doc)["suffixes"].get(head.lower_.replace(".", "")))

def person_key(head: Token) -> str | None:
    """The key of the person named by the entity around ``head``, resolved in its document.

    Forms of one name share it ("Mr Arafat" and "Yasser Arafat"); an ambiguous short form
    keeps its own key. None when nothing of a name is left.
    """
    argument = person_argument(head, "")
    return argument.key if argument is not None else None
