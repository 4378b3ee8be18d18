"""How a fact's prepositional object hangs: the ``ambiguity`` family of :mod:`extract.validity`.

The wrong facts the parser's margins miss are attachments it made with confidence. One
classic ambiguity is where a prepositional phrase hangs: on the verb or on a noun before it
("headed the Catholic community in Russia"). When the fact's object is the object of a
preposition the parser hung on a verb, ``pp_verb=`` says what stands between the verb and
the preposition: nothing nominal (``plain``: "studied at Basel"), the verb's own object
(``after_object``: "studied medicine at Basel", V NP PP), or another noun that is not the
verb's object and could take the preposition (``after_noun``: "provided into ...", "planned
on a 1 mile grid"). Read from the parse alone; a fact whose object is no prepositional
object of a verb has no ``ambiguity`` feature (it weighs 0).

Measured on the ``fit`` part only (``docs/trust.md``): on fit, ``plain`` facts are wrong
12% of the time (418), ``after_object`` 12% (26), ``after_noun`` 35% (26); added to the
shipped families, CV AUC 0.725 -> 0.730, higher on each of five fold assignments.

>>> from extract.pipeline import load_nlp
>>> from extract.rules import iter_facts
>>> doc = load_nlp()("Daniel studied medicine at Basel.")
>>> fact = next(f for f in iter_facts(doc[:]) if f.object.text == "Basel")
>>> ambiguity_names(fact)
['pp_verb=after_object']
"""

from __future__ import annotations

from extract.records import Fact

__all__ = ["AMBIGUITY_PREFIXES", "ambiguity_names"]

#: The feature names of the family, by prefix (``extract.validity.FEATURE_GROUPS``).
AMBIGUITY_PREFIXES: tuple[str, ...] = ("pp_verb=",)
#: Parts of speech of a word that can head a clause and take a prepositional phrase.
_VERBAL = frozenset({"VERB", "AUX"})
#: Parts of speech of a noun that could take the preposition in the verb's place.
_NOMINAL = frozenset({"NOUN", "PROPN"})
#: Labels of a verb's own object, before which a prepositional phrase makes V NP PP.
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})


def ambiguity_names(fact: Fact) -> list[str]:
    """The ``ambiguity`` features of ``fact``: ``pp_verb=plain``, ``after_object`` or
    ``after_noun`` when its object is the object of a preposition hung on a verb, else none.
    """
    obj = fact.object
    if obj.dep_ != "pobj" or obj.head.i == obj.i:
        return []
    prep = obj.head
    verb = prep.head
    if verb.pos_ not in _VERBAL or verb.i == prep.i:
        return []
    if any(child.dep_ in _OBJECTS and child.i < prep.i for child in verb.children):
        return ["pp_verb=after_object"]
    low, high = sorted((verb.i, prep.i))
    if any(token.pos_ in _NOMINAL for token in obj.doc[low + 1:high]):
        return ["pp_verb=after_noun"]
    return ["pp_verb=plain"]
