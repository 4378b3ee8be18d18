"""Teams in sports reports: a country that plays a contest in its document is its team there.

"England beat Panama 6-1" names the England team, never the country of a history; every
mention of a name that plays is the team (``team``), and so is a plural nationality with
"the" whose spelling ties it to one team that plays ("the Belgians": ``demonym_team``).
See docs/identity.md.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.doc_arrays import entity_table
from extract.doc_memo import once_per_doc
from extract.lexicon import CONTEST_PREPS, CONTEST_VERBS

__all__ = ["demonym_team", "team_sense"]

_TEAMS_CACHE = "kg.teams"


def _contest_role(token: Token) -> bool:
    if token.dep_ in ("nsubj", "dobj") and token.head.lemma_.lower() in CONTEST_VERBS:
        return True
    if token.dep_ == "pobj" and (token.head.lower_ in CONTEST_PREPS or (
            token.head.head.lemma_.lower() in CONTEST_VERBS)):
        return True  # "against Tunisia", "lost 1 – 2 to England"
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is not None and following.like_num and following.ent_type_ == "CARDINAL"


def team_sense(head: Token) -> bool:
    """True when the place name ``head`` stands for a team in its document: two or more of
    the document's mentions of that name play a contest ("England beat Panama 6-1", "against
    Tunisia", "Sweden 1"), so a sports report's "England" is never the country of a history.
    The mentions that play are those the recogniser types as places; every mention of the
    name is then the team, however the recogniser typed it ("Tunisia" read as a person's
    name in one sentence).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("England beat Panama 6-1 on Sunday. England will play Belgium next.")
    >>> team_sense(doc[0]), team_sense(doc[11])
    (True, False)
    """
    return head.pos_ == "PROPN" and head.lower_ in _teams(head.doc)


def _teams(doc) -> dict[str, str]:
    """``{name head: name}`` of the places that play in ``doc`` (``{"korea": "South Korea"}``)."""
    def find() -> dict[str, str]:
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for start, end, label, root in entity_table(doc):
            if label == "GPE" and _contest_role(doc[root]):
                head = doc[root].lower_
                counts[head] = counts.get(head, 0) + 1
                if head not in names:
                    names[head] = doc[start:end].text
        return {k: names[k] for k, n in counts.items() if n >= 2}
    return once_per_doc(doc, _TEAMS_CACHE, find)


def demonym_team(head: Token) -> str | None:
    """The name of the team a plural nationality with "the" stands for in a document where
    that team plays: "the Belgians" where Belgium plays is the Belgium team. The nationality
    is the team's whose name starts with the same four letters, when only one does
    (Belgians, Swedes, Koreans; never "the French", whom no spelling ties to France).

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Belgium beat Panama 3-0. Belgium faced Panama in Sochi. "
    ...                  "Mertens scored, putting the Belgians in the lead.")
    >>> demonym_team(doc[-5])
    'Belgium'
    """
    if head.ent_type_ != "NORP" or head.tag_ not in ("NNS", "NNPS") or len(head.lower_) < 5 or (
            not any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)):
        return None
    found = [name for root, name in _teams(head.doc).items() if root[:4] == head.lower_[:4]]
    return found[0] if len(found) == 1 else None
