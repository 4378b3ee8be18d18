"""How far a report reaches: a clause joined to a verb of saying after what it reports.

"Paris claims that her passport was taken away from her and she was forced to work in the
engine room": the parser hangs the second clause on "claims", beside the first, so it would
read as the text's own statement. In reported speech a clause with a subject of its own that
follows the report, joined to its verb, goes on with the report ("The department say no
detainees were injured, but 15 officers were treated for smoke inhalation"): it is the same
speaker's claim, unless its own verb reports something ("..., but he says there are still
questions"), which then gives it its own voice.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["continues_report"]

#: Labels of a clause's own subject.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def continues_report(node: Token, head: Token) -> bool:
    """True when the clause of ``node`` is joined to ``head`` after a clause ``head``
    reports (its ``ccomp``) and has a subject of its own; whether ``head`` is a verb of saying,
    and ``node`` none, is the caller's to check.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Officials say no one was hurt, but two officers were treated.")
    >>> verb = next(t for t in doc if t.lower_ == "treated")
    >>> continues_report(verb, verb.head)
    True
    """
    if node.dep_ != "conj" or node.i < head.i or not any(
            c.dep_ in _SUBJECTS for c in node.children):
        return False
    return any(c.dep_ == "ccomp" and head.i < c.i < node.i for c in head.children)
