"""Every word list the rules read, in one package, one documented frozenset (or dict) per list.

As spaCy keeps its stop words in ``spacy/lang/en/stop_words.py``, kg keeps in this package
every closed class of words a rule tests a token against: pronouns and determiners, titles and
person nouns, named-entity types, negation, verbs of saying and thinking, light verbs, control and
intention, prepositions with a job of their own, and a few punctuation marks. Each rule module
imports the lists it needs from here; none defines a list of its own (a test checks), so one
list cannot drift from its twin in another module.

Words are lower case; verbs and nouns are lemmas (rules compare ``token.lemma_.lower()``),
other words are compared as written (``token.lower_``). Sets of dependency labels, parts of
speech and tags stay beside the rules that read them, as textacy keeps them: they are the
parse's vocabulary, not English's.

The lists live in three modules by what they are about: :mod:`extract.lexicon.function_words`
(pronouns, determiners, prepositions, title words, punctuation), :mod:`extract.lexicon.names`
(names, people, kinship, entity types) and :mod:`extract.lexicon.verbs` (negation, saying and
thinking, light verbs, control and intention); rules import every list from here.
"""

from __future__ import annotations

from extract.lexicon import function_words, names, verbs
from extract.lexicon.function_words import *  # noqa: F403
from extract.lexicon.names import *  # noqa: F403
from extract.lexicon.verbs import *  # noqa: F403

__all__ = [*function_words.__all__, *names.__all__, *verbs.__all__]
