"""From an argument's head token to the graph's argument: pronouns resolved, names identified.

The rules find which tokens head a triple's subject and object; this module says which node
each one is. A pronoun or demonstrative phrase is first resolved (:mod:`extract.coref`; an
unresolved one gives None and the triple is dropped), then the phrase is identified
(:mod:`extract.entities`). A possessive pronoun resolved with confidence names its owner in
the label ("its profit" after "the Commonwealth Bank" -> "Commonwealth Bank's profit"), so
the node says whose profit it is instead of being a bare, document-bound noun.

:func:`identify` says how: the :data:`Identity` of a mention names the pronoun rule that
resolved it, or the rule that gave it no node (:data:`NO_NODE_BY`), and ``kg explain`` prints it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, Tuple

from spacy.tokens import Token

from extract.coref import has_demonstrative, resolution
from extract.entities import describe
from extract.lexicon import POSSESSIVE_PRONOUNS, PRONOUNS
from extract.phrases import is_content_argument
from kg.keys import SCOPE_MARK, canonical_key
from kg.model import Argument

__all__ = ["Identity", "NO_NODE_BY", "graph_argument", "identify", "needs_antecedent",
           "unresolved"]

#: Why a mention becomes no node (and its fact is dropped), by name.
NO_NODE_BY = {
    "unresolved_pronoun": "a pronoun or demonstrative phrase with no one antecedent in reach",
    "no_name": "nothing of a name is left (an honorific alone: 'became a Lord')",
    "no_content": "the label names nothing: a pronoun, a number alone or a stop word",
}


#: How one mention became its node, or why it became none: a plain tuple ``(argument,
#: dropped_by, antecedent, resolution)``, made for every argument of every fact (a named
#: tuple costs the rule pass about 1 %):
#:
#: - ``argument``: the graph argument (label, key, type, identity ``rules``), or None;
#: - ``dropped_by``: when ``argument`` is None, the rule of :data:`NO_NODE_BY` that says why;
#: - ``antecedent``: the head token a pronoun or demonstrative phrase was resolved to, or the
#:   owner a possessive pronoun named ("its profit" -> the bank's profit);
#: - ``resolution``: the rule of :mod:`extract.coref` that resolved that pronoun or left it
#:   unresolved (:data:`~extract.coref.RESOLVED_BY`, :data:`~extract.coref.UNRESOLVED_BY`).
Identity = Tuple[Optional[Argument], Optional[str], Optional[Token], Optional[str]]


def needs_antecedent(token: Token) -> bool:
    """True for a pronoun ("he", "it", "which") or a demonstrative phrase ("these firms")."""
    return token.lower_ in PRONOUNS or token.pos_ == "PRON" or has_demonstrative(token)


def unresolved(token: Token) -> bool:
    """True when ``token`` is a pronoun or demonstrative phrase with no antecedent, which
    :func:`identify` turns into no node (``unresolved_pronoun``); pronouns are resolved once per
    Doc, so asking first costs nothing later."""
    return needs_antecedent(token) and resolution(token).target is None


def _owned(argument: Argument, head: Token, document: str) -> Identity:
    """``argument`` with its possessive pronoun's owner in label and key, when resolved.

    The identity names the pronoun rule and the owner when the owner is taken, and the rule
    when the pronoun is left unresolved (the noun then stays as it is).
    """
    possessor = next((c for c in head.lefts
                      if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS), None)
    if possessor is None:
        return argument, None, None, None
    owner_head, how = resolution(possessor)
    if owner_head is None:
        return argument, None, None, how
    owner = describe(owner_head, document)
    if owner is None or owner.scope is not None or owner.key == canonical_key(argument.label):
        return argument, None, None, None
    base = argument.key.rsplit(SCOPE_MARK, 1)[0] if argument.scope else argument.key
    return replace(
        argument,
        label=f"{owner.label}'s {argument.label}",
        key=canonical_key(f"{owner.key}'s {base}"),
        rules=tuple(sorted({*argument.rules, "possessive_pronoun"} - {"document_scope"})),
        scope=None,
    ), None, owner_head, how


def graph_argument(token: Token, document: str) -> Argument | None:
    """The graph argument headed by ``token`` in ``document``, or None when it names nothing.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("The Commonwealth Bank cut jobs. It said its profit rose.")
    >>> graph_argument(doc[6], "news.txt").key
    'commonwealth bank'
    >>> graph_argument(doc[9], "news.txt").label
    "Commonwealth Bank's profit"
    """
    return identify(token, document)[0]


def identify(token: Token, document: str) -> Identity:
    """The :data:`Identity` of the mention headed by ``token``: its node, or why it has none.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Xu Liang founded a company. He sold it.")
    >>> argument, dropped_by, antecedent, how = identify(doc[6], "news.txt")
    >>> argument.key, dropped_by, antecedent.text, how
    ('xu liang', None, 'Liang', 'one_person_in_reach')
    """
    head = token
    how = None
    if needs_antecedent(token):
        head, how = resolution(token)
        if head is None:
            return None, "unresolved_pronoun", None, how
    argument = describe(head, document)
    if argument is None:
        return None, "no_name", head if how else None, how
    if not is_content_argument(argument.label):
        return None, "no_content", head if how else None, how
    if head.pos_ in ("NOUN", "PROPN") and argument.type is None:
        owned = _owned(argument, head, document)
        if how is None:
            return owned
        argument = owned[0]  # the pronoun's own resolution is the one to tell
    return argument, None, head if how else None, how
