"""Which node an argument is: names resolved inside their document, generic nouns kept apart.

A triple's argument becomes a node of the graph by its key. Two mentions are one node when
their keys are equal, so this module decides identity, one document at a time:

* **Names are nodes; titles are not.** Honorifics ("Mr", "Dr", "Sir", ...) never start a
  person's key; they are kept on the argument (``honorific``). Role titles written before a
  name ("Prime Minister John Howard") become the argument's ``role``, never a shared node.
* **Short forms resolve to the full name in the same document** (:mod:`extract.names`): a
  surname or any trailing part of a name ("Arafat", "Mr Arafat", "Arafat's") takes the key
  of the one longer person name of the document that ends with it ("Yasser Arafat").
* **Spelling variants are one key.** Full stops ("George W. Bush"), possessive marks
  ("Adelaide's Islamic Society") and defined acronyms ("the ABC" after "Australian
  Broadcasting Corporation (ABC)") are folded into the key.
* **A bare generic noun stays in its document.** "spokesman", "government" or "area" alone
  names something different in every article; such a node is scoped to its document (its key
  ends with ``@<document>``) unless an "of"/"for" complement makes it specific ("development
  of localized video models"), in which case the complement joins the label. So does a
  phrase whose modifiers do not say which one is meant: a new referent ("a government
  minister"), a plural description with no name in it ("court documents"), a role nobody is
  named in ("the Prime Minister"), "the Government", an amount, "Monday".

Every rule that fired is recorded on the argument (``rules``), so the graph can say why two
strings are one node. See docs/identity.md.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from extract.aliases import acronym_key, defined_alias_key, short_name_key
from extract.descriptions import kind_antecedents, outnumbered
from extract.lexicon import (
    COMPLEMENT_PREPS,
    DESCRIBED_TYPES,
    INDEFINITE_DETERMINERS,
    INSTITUTIONS,
    MONTHS,
    NAME_TYPES,
    NUMERIC_TYPES,
    QUANTIFIERS,
    ROLE_WORDS,
    TIME_TYPES,
)
from extract.names import is_honorific, names_a_person, person_argument, person_parts, titles_before, written
from extract.phrases import entity_label_key, entity_type, label_tokens, team_sense
from kg.countries import country_key
from kg.keys import canonical_key, normalize_key, scoped_key
from kg.model import Argument

__all__ = ["describe"]

#: A complement is kept in a label only while the label stays shorter than this many words;
#: a longer one ("member of suspected terrorist mastermind Osama bin Laden's al Qaeda
#: network") would be a clause-sized node, and the noun stays in its document instead.
_LONGEST_LABEL = 8


def _titled_phrase(head: Token) -> bool:
    """True for a role word heading a phrase that names no one ("the King of Athens")."""
    name, _, _, _ = person_parts(label_tokens(head))
    return not name


def _complement(head: Token) -> Token | None:
    """The object of the first "of"/"for" phrase right of a common noun, if any."""
    for child in head.rights:
        if child.dep_ == "prep":
            if child.lower_ in COMPLEMENT_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                        return pobj
            return None
    return None


def _is_bare(head: Token, tokens: list[Token]) -> bool:
    """True when nothing but the head word and a quantity says which one is meant.

    "spokesman" and "more than two dozen militants" are bare; "generative AI services" is not.
    """
    quantity = {t.i for child in head.children
                if child.dep_ == "nummod" or child.lower_ in QUANTIFIERS for t in child.subtree}
    return all(t.i == head.i or t.i in quantity for t in tokens)


_DESCRIPTIONS_CACHE = "kg.descriptions"


def _descriptions(doc: Doc) -> dict[str, list[tuple[int, int]]]:
    """What a definite description of the document may stand for, by head word.

    ``{head lemma: [(position, token index of the name's head), ...]}``: the last word of
    every organisation or place name ("the bank" for "the Commonwealth Bank"), and the last
    word of every role written before a person's name or in apposition to it ("the
    spokesman" for "White House spokesman Ari Fleischer"). Computed once per document.
    """
    cached = doc.user_data.get(_DESCRIPTIONS_CACHE)
    if cached is not None:
        return cached
    found: dict[str, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        root = ent.root
        if ent.label_ in DESCRIBED_TYPES and len(ent) > 1 and root.pos_ == "PROPN":
            found.setdefault(root.lemma_.lower(), []).append((ent.start, root.i))
        elif ent.label_ == "PERSON":
            words = []
            _, role = titles_before(label_tokens(root))
            if role:
                words.append(role.split()[-1])
            words += [c.lemma_ for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN" and any(
                    c.dep_ in ("det", "poss") for c in root.head.lefts):
                words.append(root.head.lemma_)  # not "Image: Zach Weiner", a credit line
            for word in words:
                found.setdefault(word.lower(), []).append((ent.start, root.i))
    doc.user_data[_DESCRIPTIONS_CACHE] = found
    return found



def _described(head: Token, document: str) -> Argument | None:
    """The name a definite description stands for: "the bank" after "the Commonwealth Bank",
    "the spokesman" after "White House spokesman Ari Fleischer", "the city" after "Łódź".

    Only a singular noun with "the", a named possessor ("Iraq's ambassador" for "Ambassador
    Abbas Khalaf") or no determiner, when exactly one entity of the document named **before**
    it is compatible: its name ends with the noun, or it is of the kind the noun asks for
    (:mod:`extract.descriptions`: a city, a country, an organisation). The argument is that
    entity's, with rule ``definite_description`` added.
    """
    plural = head.tag_ in ("NNS", "NNPS")
    if head.tag_ not in ("NN", "NNP", "NNS", "NNPS") or _complement(head) is not None or any(
        (c.dep_ == "det" and c.lower_ != "the") or (c.dep_ == "poss" and c.pos_ != "PROPN")
        or c.dep_ == "nummod" for c in head.lefts
    ):
        return None
    doc = head.doc
    index = _descriptions(doc)
    candidates = [i for start, i in index.get(head.lemma_.lower()) or index.get(head.lower_, ())
                  if start < head.i and i != head.i]
    if plural:  # "the islands" after "the Chatham Islands": a plural name only
        candidates = [i for i in candidates if doc[i].tag_ in ("NNS", "NNPS")]
    else:
        candidates += kind_antecedents(head)
    if not candidates:
        return None
    named = {}
    for i in candidates:
        argument = describe(doc[i], document)
        if argument is not None and argument.scope is None:
            named[argument.key] = (argument, i)
    if len(named) != 1:
        return None
    ((argument, i),) = named.values()
    if outnumbered(head, doc[i]):
        return None
    return replace(argument, form=written([head]),
                   rules=tuple(sorted({*argument.rules, "definite_description"})))


def _story_bound(head: Token, type_: str | None, label: str) -> bool:
    """True when the phrase headed by ``head`` stands for something of its own story only.

    Such a phrase is a node of its document, because the same words in another article name
    another thing: a new referent ("a government minister", "an Australian man"), a plural
    description with no name in it ("court documents", "party sources", "allegations of
    widespread corruption"), a role nobody is named in ("the Prime Minister", "the Palestinian
    leader"), a one-word institution ("the Government"), an amount ("three", "$303 million")
    or a date that is no point of the calendar ("Monday", "40 years"). A plural with a name
    in it ("US forces", "Hamas militants") is the named group, and a singular concept
    ("semiconductor access", "the death penalty") is one node across the corpus. An adjective
    ("important") and a plural nationality ("Australians") are of their story too.
    """
    if head.pos_ == "ADJ" and type_ is None:
        return True  # "X is important": a property, not a thing; no corpus-wide "important"
    if type_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
        return True  # "Australians": a detainee in one article, a cricket team in the next
    if type_ in NUMERIC_TYPES or type_ == "ORDINAL":
        return True
    if type_ in TIME_TYPES:
        return not _calendar_date(label)
    if type_ not in (None, "NORP", "ORG"):
        return False
    if _institution(head, label):
        return True  # "the Government", recognised as an organisation or not
    if type_ == "ORG":
        return False
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in head.children):
        return True
    if type_ is not None or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.lemma_.lower() in ROLE_WORDS or head.lower_ in ROLE_WORDS:
        return True
    if head.tag_ != "NNS":
        return False
    pobj = _complement(head)
    words = label_tokens(head) + (label_tokens(pobj) if pobj is not None else [])
    return not any(t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in NAME_TYPES)
                   for t in words)


def _institution(head: Token, label: str) -> bool:
    """True when the phrase is one institution word alone: "the Government", "Parliament"."""
    return label.lower() == head.lower_ in INSTITUTIONS


def _calendar_date(label: str) -> bool:
    """True for a date that is one point of the calendar wherever it is written: it has a
    year ("2002", "the 1990s") or a month ("September 11"); "Monday" or "40 years" has not."""
    words = label.lower().replace(",", " ").split()
    return any((w.rstrip("s").isdigit() and len(w.rstrip("s")) == 4)
               or w.rstrip(".") in MONTHS for w in words)


def _with_complement(label: str, key: str, pobj: Token) -> tuple[str, str]:
    """``label`` and ``key`` extended by the "of"/"for" phrase whose object is ``pobj``."""
    inner_label, inner_key = entity_label_key(pobj)
    prep = pobj.head.lower_
    return f"{label} {prep} {inner_label}", f"{key} {prep} {inner_key}"


def _named_by_apposition(head: Token) -> Token | None:
    """The person's name that follows a common noun with no comma between ("His Senate
    colleague Kerry Nettle"), if any: the noun is that person's description."""
    if head.pos_ != "NOUN" or not any(c.dep_ in ("det", "poss") for c in head.lefts):
        return None  # "Image: Zach Weiner" is a credit line, not a description of him
    for child in head.rights:
        if child.dep_ == "appos" and child.left_edge.i == head.i + 1 and (
            entity_type(child) == "PERSON"
        ):
            return child
    return None


def describe(head: Token, document: str) -> Argument | None:
    """The argument (label, node key, type and identity rules) of the phrase headed by ``head``.

    Returns None when the phrase names nothing a node can stand for.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Yasser Arafat spoke. Later Mr Arafat left the spokesman.")
    >>> arg = describe(doc[6], "news.txt")
    >>> arg.label, arg.key, arg.form, arg.rules, arg.honorific
    ('Yasser Arafat', 'yasser arafat', 'Mr Arafat', ('honorific', 'surname'), 'Mr')
    >>> describe(doc[9], "news.txt").key
    'spokesman@news.txt'
    """
    type_ = entity_type(head)
    if (alias := defined_alias_key(head)) is not None:
        # "the Tories" after "the Conservative Party (Tories)", whatever the recogniser says
        label, _key = entity_label_key(head)
        return Argument(label=label, key=canonical_key(alias), type=type_,
                        rules=("defined_alias",))
    if type_ == "PERSON" or names_a_person(head):
        person = person_argument(head, document)
        if person is not None or not _titled_phrase(head):
            return person
    named = _named_by_apposition(head)
    if named is not None:
        # "His Senate colleague Kerry Nettle intends ...": the colleague is Kerry Nettle.
        person = person_argument(named, document)
        if person is not None:
            return replace(person, form=written(list(head.doc[head.left_edge.i:named.i + 1])),
                           rules=tuple(sorted({*person.rules, "appositive_name"})))
    if is_honorific(head):
        return None  # "became a Lord": an honorific is never a node
    label, key = entity_label_key(head)
    rules: list[str] = []
    scope = None
    acronym = acronym_key(head)
    if acronym:
        key = acronym
        rules.append("acronym")
    elif (short := short_name_key(head)) is not None:
        key = short  # "Kestrel" after "Kestrel Analytics"
        rules.append("short_name")
    elif type_ in NUMERIC_TYPES and (pobj := _complement(head)) is not None and (
        pobj.i not in {t.i for t in label_tokens(head)}  # "billions of dollars" is whole
    ):
        # "20 per cent of voyeurs": a share of something in this document, never "20 per cent"
        label, key = _with_complement(label, key, pobj)
        scope = document
        rules += ["complement", "document_scope"]
    elif type_ == "ORG" and _institution(head, label) and (
        named := _described(head, document)
    ):
        return named  # "the Government" after "the Howard Government"
    elif type_ is not None:
        folded = key.replace("'s ", " ").replace("\u2019s ", " ")
        if folded != key:
            key = folded
            rules.append("possessive")
        if type_ == "LANGUAGE" and not key.endswith(" language"):
            key = f"{key} language"  # "spoke French": the language, not the people
            rules.append("language")
        elif team_sense(head):
            key = f"{key} team"  # "England beat Panama": the team, not the country
            rules.append("team")
    elif head.pos_ in ("NOUN", "PROPN") and (named := _described(head, document)):
        return named
    elif head.pos_ in ("NOUN", "PROPN") and _is_bare(head, label_tokens(head)):
        pobj = _complement(head)
        inner_label, inner_key = entity_label_key(pobj) if pobj is not None else ("", "")
        if pobj is not None and len(f"{label} of {inner_label}".split()) < _LONGEST_LABEL:
            label, key = _with_complement(label, key, pobj)
            rules.append("complement")
        elif head.pos_ == "NOUN" or head.is_lower or head.lower_ in ROLE_WORDS:
            scope = document
            rules.append("document_scope")
    if scope is None and "short_name" not in rules and _story_bound(
            head, type_, label):
        scope = document
        rules.append("document_scope")
    canonical = canonical_key(key)
    if canonical != normalize_key(key):
        # "Britain" -> united kingdom (kg.countries); "U.S." -> united states
        rules.append("country_name" if country_key(normalize_key(key)) else "key_alias")
    return Argument(
        label=label,
        key=scoped_key(canonical, scope),
        type=type_,
        rules=tuple(rules),
        scope=scope,
    )
