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

from spacy.tokens import Token

from extract.aliases import (
    acronym_key,
    country_prefix_key,
    defined_alias_key,
    initialism_key,
    person_alias_key,
    short_name_key,
)
from extract.descriptions import description_antecedent, named_by_apposition, named_relative
from extract.doc_arrays import child_table, dep_labels, lemmas, token_lowers
from extract.doc_memo import once_per_doc, once_per_key
from extract.lexicon import (
    AMOUNT_NOUNS,
    COMPLEMENT_PREPS,
    COORDINATORS,
    DISTRIBUTIVE_DETERMINERS,
    INDEFINITE_DETERMINERS,
    INSTITUTIONS,
    LEGAL_FORMS,
    MONTHS,
    NAME_TYPES,
    NUMERIC_TYPES,
    OF_OBJECT_VERBS,
    PLACE_TYPES,
    QUANTIFIERS,
    ROLE_WORDS,
    TIME_TYPES,
)
from extract.names import (
    is_honorific,
    names_a_person,
    person_argument,
    person_parts,
    possessive_title,
    written,
)
from extract.phrases import (
    doc_text,
    entity_label_key,
    entity_type,
    label_tokens,
    tagged,
    title_tail,
)
from extract.ranked import LONGEST_LABEL, complement_object, kept_complement
from extract.teams import demonym_team, team_sense
from extract.things import is_person_noun
from kg.countries import country_key
from kg.keys import canonical_key, normalize_key, plain_apostrophes, scoped_key
from kg.model import Argument

__all__ = ["describe"]

def _titled_phrase(head: Token) -> bool:
    """True for a role word heading a phrase that names no one ("the King of Athens")."""
    name, _, _, _ = person_parts(label_tokens(head))
    return not name


def _complement(head: Token) -> Token | None:
    """The object of the first "of"/"for" phrase right of a common noun, if any (none when
    the phrase is part of a name: "Game of Thrones", :func:`extract.phrases.title_tail`)."""
    taken = {t.i for t in title_tail(head)}
    for child in head.rights:
        if child.dep_ == "prep" and child.i not in taken:
            if child.lower_ in COMPLEMENT_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN") and not (
                            _of_the_verb(head, child, pobj)):
                        return pobj
            return None
    return None


def _of_the_verb(head: Token, prep: Token, pobj: Token) -> bool:
    """True for an "of" phrase on a verb's object that is the verb's own complement, what is
    told or charged: "Wiget and Abegglen told the court of their sorrow about the accident"
    told the court (no "court of sorrow") of their sorrow; "accused Force-17 of direct
    involvement" (:data:`~extract.lexicon.OF_OBJECT_VERBS`). A person, a name or a group is
    the object's own ("told a meeting of security officials"), and so is a first "of" when
    the verb has one of its own, or when another follows: "warned operators of piston-engined
    aircraft of the potential dangers" may hang the last on the aircraft."""
    verb = head.head
    if prep.lower_ != "of" or head.dep_ != "dobj" or verb.lemma_.lower() not in OF_OBJECT_VERBS:
        return False
    if pobj.pos_ != "NOUN" or pobj.ent_type_ or is_person_noun(pobj):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children) and not any(
        c.dep_ == "prep" and c.lower_ == "of" for c in pobj.rights)


def _is_bare(head: Token, tokens: list[Token]) -> bool:
    """True when nothing but the head word and a quantity says which one is meant.

    "spokesman" and "more than two dozen militants" are bare; "generative AI services" is not;
    nor is "a large number of papers" (an adjective on a noun of amount with an "of"
    complement says how much: :data:`~extract.lexicon.AMOUNT_NOUNS`).
    """
    amount = head.lemma_.lower() in AMOUNT_NOUNS and _complement(head) is not None
    quantity = {t.i for child in head.children
                if child.dep_ == "nummod" or child.lower_ in QUANTIFIERS
                or (amount and child.dep_ == "amod") for t in child.subtree}
    return all(t.i == head.i or t.i in quantity for t in tokens)


def _shared_key(token: Token, document: str) -> str | None:
    """The node key of the phrase headed by ``token`` when it is shared beyond its document,
    else None (:func:`describe` keeps its answers on the document)."""
    argument = describe(token, document)
    return argument.key if argument is not None and argument.scope is None else None


def _described(head: Token, document: str) -> Argument | None:
    """The name a definite description stands for ("the river" after "the Hudson River", "the
    President" after "President Donald Trump", "the city" after "Taipei"), with rule
    ``definite_description``; None when the text leaves any doubt (:mod:`extract.descriptions`).
    """
    antecedent = description_antecedent(head, lambda token: _shared_key(token, document))
    if antecedent is None:
        return None
    argument = describe(antecedent, document)
    if argument is None or argument.scope is not None:
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
    ("important") and a plural nationality with a word before it ("the Australians", "two
    Australians") are of their story too; a bare one ("Muslims pray") names the group.
    """
    if head.pos_ == "ADJ" and type_ is None:
        return True  # "X is important": a property, not a thing; no corpus-wide "important"
    if type_ == "NORP" and head.tag_ in ("NNS", "NNPS"):
        # "the Australians", "two Australians": a detainee in one article, a cricket team in
        # the next; "Muslims" with no word before it is the whole group, in any article
        return any(True for _ in head.lefts) or head.dep_ in ("compound", "amod")
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


def _number_key(head: Token, key: str) -> str:
    """A document-scoped description's key with the number of its head kept, where its
    document also names the singular: "teams from Sudan, Iran, Libya" and "every team in the
    contest" are not "the team" of the story.

    A plural keeps its written form ("teams"), and "each", "every", "either" or "neither"
    stays in the key: such a phrase is many things, never the one thing its singular names
    (``number``, docs/identity.md). Where the document has no singular of the noun, nothing
    is to be kept apart and the key stays the lemma.
    """
    if key != head.lemma_.lower() or key not in _singular_nouns(head.doc):
        return key  # a phrase with words of its own is keyed by them
    if head.tag_ in ("NNS", "NNPS") and head.lower_ != key:
        return head.lower_
    determiner = next((c.lower_ for c in head.children if c.dep_ == "det"), None)
    return f"{determiner} {key}" if determiner in DISTRIBUTIVE_DETERMINERS else key


def _singular_nouns(doc) -> frozenset[str]:
    """The lemmas of the singular common nouns of ``doc`` written without a distributive
    determiner (computed once per document)."""
    def singulars() -> frozenset[str]:
        # read from the columns: no Token of each noun and of each of its children
        found, (kids, starts) = lemmas(doc), child_table(doc)
        deps, lowers = dep_labels(doc), token_lowers(doc)
        return frozenset(found[i].lower() for i in tagged(doc, "NN") if not any(
            deps[c] == "det" and lowers[c] in DISTRIBUTIVE_DETERMINERS
            for c in kids[starts[i]:starts[i + 1]]))
    return once_per_doc(doc, _SINGULARS_CACHE, singulars)


def _institution(head: Token, label: str) -> bool:
    """True when the phrase is one institution word alone: "the Government", "Parliament"."""
    return label.lower() == head.lower_ in INSTITUTIONS


def _calendar_date(label: str) -> bool:
    """True for a date that is one point of the calendar wherever it is written: it has a
    year ("2002", "the 1990s") or a month ("September 11"); "Monday" or "40 years" has not."""
    words = label.lower().replace(",", " ").split()
    return any((w.rstrip("s").isdigit() and len(w.rstrip("s")) == 4)
               or w.rstrip(".") in MONTHS for w in words)


def _team(head: Token, type_: str | None) -> Argument:
    """The team a place name stands for in its document (``team``), without a score after it
    ("Sweden 1 – 0": Sweden)."""
    tokens = label_tokens(head)
    while len(tokens) > 1 and tokens[-1].like_num:
        tokens.pop()
    label = written(tokens)
    return Argument(label=label, key=canonical_key(f"{label} team"), type=type_,
                    rules=("team",))


def _owned_name_key(head: Token, label: str) -> str | None:
    """The key of a name written after another name as its owner, without the owner, when
    its document also writes the name on its own (``possessor_name``); else None.

    "HBO’s Game of Thrones" beside "Game of Thrones" and "Microsoft's Internet Explorer 6"
    beside "Internet Explorer 6" are the series and the browser: the owner says whose it is,
    and is a node of its own. Where the name is never written alone ("Adelaide's Islamic
    Society"), where the owner is a place or a people ("Argentina's Government", "Mecca's
    Grand Mosque") or the rest an institution or a role, the owner says which one is meant
    and stays in the key.
    """
    owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or owner.ent_type_ not in NAME_TYPES or (
            owner.ent_type_ in PLACE_TYPES or owner.ent_type_ == "NORP"):
        return None  # "Argentina's Government", "Mecca's Grand Mosque": the place says which
    owned, mark, rest = plain_apostrophes(label).partition("'s ")
    if not mark or not owned or not rest[:1].isupper() or "'s " in rest or (
            rest.lower() in INSTITUTIONS or rest.lower() in ROLE_WORDS):
        return None
    text = _plain_text(head.doc)
    start = text.find(rest)
    while start >= 0:
        end = start + len(rest)
        if (not text[start - 1:start].isalnum() and not text[end:end + 1].isalnum()
                and text[max(0, start - 3):start] != "'s "):
            return normalize_key(rest)
        start = text.find(rest, start + 1)
    return None


def _plain_text(doc) -> str:
    """The document's text with its apostrophes written plain, spaces as one, once per Doc."""
    return once_per_doc(doc, _PLAIN_CACHE, lambda: " ".join(
        plain_apostrophes(doc_text(doc)).split()))


def _with_complement(label: str, key: str, pobj: Token) -> tuple[str, str]:
    """``label`` and ``key`` extended by the "of"/"for" phrase whose object is ``pobj``."""
    inner_label, inner_key = _complement_label_key(pobj)
    prep = pobj.head.lower_
    return f"{label} {prep} {inner_label}", f"{key} {prep} {inner_key}"


def _complement_label_key(pobj: Token) -> tuple[str, str]:
    """The label and key of the object of an "of"/"for" phrase, with the one noun it is
    joined to by "and"/"or": "the leaders of Britain and France" are not the leaders of
    Britain. A longer list is left as the first item (the label would be a clause)."""
    label, key = entity_label_key(pobj)
    # (a conjunct with an article of its own is a phrase of its own: "the 86th channel on
    # YouTube and the eighth-most-popular channel")
    joined = [c for c in pobj.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
              and not any(d.dep_ == "det" for d in c.lefts)]
    word = next((c.lower_ for c in pobj.children if c.dep_ == "cc"), None)
    if len(joined) != 1 or word not in COORDINATORS:
        return label, key
    other_label, other_key = entity_label_key(joined[0])
    return f"{label} {word} {other_label}", f"{key} {word} {other_key}"


def _ranking_object(head: Token, label: str) -> Token | None:
    """The object of the short phrase that says among what the ranked noun ``head`` ranks
    ("the latest versions of Internet Explorer"), when it joins the label; else None."""
    pobj = complement_object(head)
    if pobj is None or not kept_complement(head, label, entity_label_key(pobj)[0]):
        return None
    return pobj


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
    # Worked out once per mention and document (an Argument is plain, frozen data): a head
    # is described again as a possessor's owner, a description's antecedent, a fact's source.
    return once_per_key(head.doc, _DESCRIBED_CACHE, (head.i, document),
                        lambda: _describe(head, document))


_DESCRIBED_CACHE = "kg.described"
_SINGULARS_CACHE = "kg.singular_nouns"
_PLAIN_CACHE = "kg.plain_text"


def _other_name(head: Token, person: Argument | None) -> Argument | None:
    """``person`` keyed by the name the text says its name is another name of ("Marbles"
    after "Jenna Nicole Mourey, better known by her pseudonym Jenna Marbles"), if any."""
    if person is None or person.scope is not None:
        return person
    alias = person_alias_key(head.doc, person.key)
    if alias is None:
        return person
    return replace(person, key=canonical_key(alias),
                   rules=tuple(sorted({*person.rules, "defined_alias"})))


def _describe(head: Token, document: str) -> Argument | None:
    type_ = entity_type(head)
    if (alias := defined_alias_key(head)) is not None:
        # "the Tories" after "the Conservative Party (Tories)", whatever the recogniser says
        label, _key = entity_label_key(head)
        return Argument(label=label, key=canonical_key(alias), type=type_,
                        rules=("defined_alias",))
    if type_ != "GPE" and team_sense(head):
        # "Tunisia" read as a person or left untyped where Tunisia plays: the team
        return _team(head, type_)
    if (team := demonym_team(head)) is not None:
        # "putting the Belgians in the lead" where Belgium plays: the Belgium team
        return Argument(label=entity_label_key(head)[0], key=canonical_key(f"{team} team"),
                        type=type_, rules=("demonym_team", "team"))
    if (type_ == "PERSON" or names_a_person(head)) and not possessive_title(head):
        person = person_argument(head, document)
        if person is not None or not _titled_phrase(head):
            return _other_name(head, person)
    named = named_by_apposition(head)
    if named is not None:
        # "His Senate colleague Kerry Nettle intends ...": the colleague is Kerry Nettle.
        person = person_argument(named, document)
        if person is not None:
            return replace(person, form=written(list(head.doc[head.left_edge.i:named.i + 1])),
                           rules=tuple(sorted({*person.rules, "appositive_name"})))
    relative = named_relative(head)
    if relative is not None and (person := person_argument(relative, document)) is not None:
        # "his father" after "his father, Johann": Johann
        return replace(person, form=written(list(head.doc[head.left_edge.i:head.i + 1])),
                       rules=tuple(sorted({*person.rules, "kinship_description"})))
    if is_honorific(head):
        return None  # "became a Lord": an honorific is never a node
    label, key = entity_label_key(head)
    rules: list[str] = []
    scope = None
    acronym = acronym_key(head)
    if type_ is None and (ranked_by := _ranking_object(head, label)) is not None:
        # "the first wax figure at this location": never the first of all (extract.ranked)
        label, key = _with_complement(label, key, ranked_by)
        rules.append("ranking_complement")
        if not any(t.pos_ == "PROPN" or t.ent_type_ in NAME_TYPES
                   for t in label_tokens(ranked_by)):
            # "the best lawyer in town" of one story is not that of the next
            scope = document
            rules.append("document_scope")
    elif acronym:
        key = acronym
        rules.append("acronym")
    elif (initials := initialism_key(head)) is not None:
        key = initials  # "IE6" after "Internet Explorer 6"
        rules.append("initialism")
    elif (short := short_name_key(head)) is not None:
        key = short  # "Kestrel" after "Kestrel Analytics"
        rules.append("short_name")
    elif (unprefixed := country_prefix_key(head)) is not None:
        key = unprefixed  # "The United Kingdom Home Office" beside "the Home Office"
        rules.append("country_prefix")
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
        words = key.split()
        if type_ == "ORG" and len(words) > 1 and words[-1].rstrip(".").rstrip(",") in LEGAL_FORMS:
            key = " ".join(words[:-1]).rstrip(",")  # "Microsoft Corp." is Microsoft
            rules.append("legal_form")
        if type_ == "LANGUAGE" and not key.endswith(" language"):
            key = f"{key} language"  # "spoke French": the language, not the people
            rules.append("language")
        elif team_sense(head):
            key = f"{key} team"  # "England beat Panama": the team, not the country
            rules.append("team")
    elif head.pos_ == "PROPN" and (owned := _owned_name_key(head, label)) is not None:
        key = owned  # "HBO’s Game of Thrones" beside "Game of Thrones"
        rules.append("possessor_name")
    elif head.pos_ in ("NOUN", "PROPN") and (named := _described(head, document)):
        return named
    elif head.pos_ in ("NOUN", "PROPN") and _is_bare(head, label_tokens(head)):
        pobj = _complement(head)
        inner_label, inner_key = _complement_label_key(pobj) if pobj is not None else ("", "")
        if pobj is not None and len(f"{label} of {inner_label}".split()) < LONGEST_LABEL:
            label, key = _with_complement(label, key, pobj)
            rules.append("complement")
        elif head.pos_ == "NOUN" or head.is_lower or head.lower_ in ROLE_WORDS:
            scope = document
            rules.append("document_scope")
    if scope is None and "short_name" not in rules and _story_bound(
            head, type_, label):
        scope = document
        rules.append("document_scope")
    if scope is not None and type_ is None and (numbered := _number_key(head, key)) != key:
        key = numbered  # "teams from Sudan", "every team" are not "the team" of the story
        rules.append("number")
    canonical = canonical_key(key)
    if "\u2019" in key or "\u02bc" in key:
        rules.append("punctuation")  # "HBO\u2019s" is spelt as "HBO's" (kg.keys.normalize_key)
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
