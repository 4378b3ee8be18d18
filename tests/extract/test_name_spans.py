"""Names and titles the recogniser or the parser cut short, read whole (issue 24).

Rows are GUM fit sentences whose fact had a name cut short (rated W): the phrase's head word,
which occurrence, and the label its argument must have; then shapes that must stay as they
are, a role before a name and a person's possessive.
"""

from __future__ import annotations

import pytest

from extract.entities import describe


def _head(doc, word: str, occurrence: int = 0):
    found = [t for t in doc if t.text == word]
    assert len(found) > occurrence, f"{word!r} not in {doc.text!r}"
    return found[occurrence]


@pytest.mark.parametrize(("text", "word", "occurrence", "label"), [
    # GUM_voyage_fortlee: "Fort" is tagged a place apart from the name the parse makes it part
    # of (was "Lee Historic Park").
    ("Fort Lee Historic Park, a reconstruction of a Revolutionary War encampment, with "
     "beautiful views and pleasant greenery", "Park", 0, "Fort Lee Historic Park"),
    # GUM_voyage_guadeloupe: a place of French words, and a capitalised word after it (was
    # "Vigie").
    ("Anse Bertrand, not far from there, you can visit La pointe de la Grande Vigie, northern "
     "point of mainland Guadeloupe.", "Vigie", 0, "La pointe de la Grande Vigie"),
    # GUM_bio_goode: a film's title read as a person's name, "King" as its role (was "Man").
    ("[2] He currently stars in Sky One's fantasy-romance series, A Discovery of Witches, as "
     "Professor Matthew Clairmont and is filming Matthew Vaughn's Kingsman prequel, The "
     "King's Man.", "Man", 0, "King's Man"),
    # GUM_bio_marbles: the honorific inside a quoted nickname is part of it (was "Marbles").
    ('[7] The name "Marbles" comes from her dog "Mr. Marbles".', "Marbles", 1, "Mr. Marbles"),
    # GUM_bio_marbles: a word of a quoted title the parser hung off another word (was "Fake
    # Bacon").
    ('Marbles appeared as Eve in season 2 of Epic Rap Battles of History, episode 13, "Adam '
     'vs. Eve" [17] She played a banana in The Annoying Orange episode "Fake n\' Bacon".',
     "Bacon", 0, "Fake n' Bacon"),
])
def test_name_cut_short_is_read_whole(nlp, text, word, occurrence, label):
    argument = describe(_head(nlp(text), word, occurrence), "gum.txt")
    assert argument is not None and argument.label == label
    assert argument.role is None and argument.honorific is None


@pytest.mark.parametrize(("text", "word", "key", "honorific", "role"), [
    # A role before a name is never part of it, after a place or not.
    ("Texas Governor Rick Perry signed the bill.", "Perry", "rick perry", None, "Texas Governor"),
    ("US President George Bush visited Sydney.", "Bush", "george bush", None, "US President"),
    # A person's possessive ends the name; the person is still a person.
    ("He is filming Matthew Vaughn's Kingsman prequel.", "Vaughn", "matthew vaughn", None,
     None),
    # GUM_voyage_fortlee: a name a place begins has no given name; "Fort Lee" is the town.
    ("Fort Lee Historic Park, a reconstruction of a Revolutionary War encampment, with "
     "beautiful views and pleasant greenery\n\nFort Lee is a small town but is piled high "
     "with apartment buildings.", "Lee", "fort lee", None, None),
    # An honorific outside quotes stays an honorific.
    ("Yasser Arafat spoke. Later Mr. Arafat left.", "Arafat", "yasser arafat", "Mr.", None),
])
def test_what_name_spans_must_not_take(nlp, text, word, key, honorific, role):
    doc = nlp(text)
    argument = describe(_head(doc, word, sum(t.text == word for t in doc) - 1), "gum.txt")
    assert argument is not None and argument.key == key
    assert argument.honorific == honorific
    assert role is None or argument.role == role
