"""Pronouns resolve only to the one compatible antecedent in reach, on real sentences.

Each row: a text, the pronoun (and which occurrence), and the head word it must resolve to,
or None when the text leaves it open (the triple is then dropped, never invented).
"""

from __future__ import annotations

import pytest

from extract.coref import resolve


def _token(doc, word: str, occurrence: int = 0):
    found = [t for t in doc if t.lower_ == word.lower()]
    assert len(found) > occurrence, f"{word!r} not in {doc.text!r}"
    return found[occurrence]


@pytest.mark.parametrize(
    ("text", "pronoun", "occurrence", "antecedent"),
    [
        # Reflexives take their own clause's subject, never a person named elsewhere.
        ("Ariel Sharon visited the city. A suicide bomber tried to blow himself up at a bus "
         "station.", "himself", 0, "bomber"),
        ("Russia defended itself against U.S. criticism.", "itself", 0, "Russia"),
        # He/she: the one person in reach.
        ("Xu Liang founded a company. He sold it in 2020.", "He", 0, "Liang"),
        # ... unless the honorific says the other gender.
        ("Ms Almao met the envoy. He said the talks failed.", "He", 0, None),
        # ... or two people are in reach.
        ("John Howard met Kim Beazley. He said the talks failed.", "He", 0, None),
        # ... or a person noun could be meant as well.
        ("Yasser Arafat met the captain. He said the talks failed.", "He", 0, None),
        # It: never a person; exactly one agreeing thing.
        ("The car hit a 16-year-old boy. It was stolen.", "It", 0, "car"),
        ("The Commonwealth Bank said it would cut jobs.", "it", 0, "Bank"),
        ("The report reached the ministry. It was leaked.", "It", 0, None),
        # They: plural, coordinations count as plural.
        ("Iraq and Russia signed a deal. They will trade oil.", "They", 0, None),
        ("Researchers tagged the goose. They followed its flight.", "They", 0, "Researchers"),
        # Possessives take their own clause's subject when it agrees.
        ("Russia defended itself against criticism of its arms sales.", "its", 0, "Russia"),
        ("The party's senators and its organisation disagree.", "its", 0, "party"),
        ("The move is likely to provoke further conflict between the party's senators and "
         "its organisation.", "its", 0, None),
    ],
)
def test_pronoun_table(nlp, text, pronoun, occurrence, antecedent):
    target = resolve(_token(nlp(text), pronoun, occurrence))
    assert (target.text if target is not None else None) == antecedent
