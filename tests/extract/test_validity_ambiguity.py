"""Where a fact's prepositional object hangs (extract/validity_ambiguity.py): on hand-built
parses, so that the table does not depend on the statistical model's attachments."""

from __future__ import annotations

import pytest

from extract.records import Fact
from extract.validity import FEATURE_GROUPS, features
from extract.validity_ambiguity import AMBIGUITY_PREFIXES, ambiguity_names
from tests.extract.parses import parse

#: (parse, subject index, object index, expected features).
CASES = [
    # V NP PP: the verb's own object stands between the verb and the preposition.
    ("He/1/nsubj/PRON/PRP received/1/ROOT/VERB/VBD/receive his/3/poss/PRON/PRP$ "
     "Ph.D./1/dobj/PROPN/NNP in/1/prep/ADP/IN Linguistics/4/pobj/PROPN/NNP ./1/punct/PUNCT/.",
     0, 5, ["pp_verb=after_object"]),
    # Nothing nominal between the verb and the preposition.
    ("He/1/nsubj/PRON/PRP studied/1/ROOT/VERB/VBD/study at/1/prep/ADP/IN "
     "Basel/2/pobj/PROPN/NNP ./1/punct/PUNCT/.",
     0, 3, ["pp_verb=plain"]),
    # A noun that is not the verb's object could take the preposition.
    ("He/1/nsubj/PRON/PRP stayed/1/ROOT/VERB/VBD/stay three/3/nummod/NUM/CD "
     "years/1/npadvmod/NOUN/NNS/year in/1/prep/ADP/IN Japan/4/pobj/PROPN/NNP ./1/punct/PUNCT/.",
     0, 5, ["pp_verb=after_noun"]),
    # The same words with the preposition hung on the noun: no verb-taken phrase.
    ("He/1/nsubj/PRON/PRP headed/1/ROOT/VERB/VBD/head the/3/det/DET/DT "
     "community/1/dobj/NOUN/NN in/3/prep/ADP/IN Russia/4/pobj/PROPN/NNP ./1/punct/PUNCT/.",
     0, 5, []),
    # An object that is no prepositional object.
    ("He/1/nsubj/PRON/PRP headed/1/ROOT/VERB/VBD/head the/3/det/DET/DT "
     "community/1/dobj/NOUN/NN ./1/punct/PUNCT/.",
     0, 3, []),
]


def _fact(spec: str, subject: int, obj: int) -> Fact:
    doc = parse(spec)
    return Fact(subject=doc[subject], predicate="p", relation="p", object=doc[obj],
                construction="named_prep", subject_bounds=(subject, subject + 1),
                object_bounds=(obj, obj + 1))


@pytest.mark.parametrize(("spec", "subject", "obj", "expected"), CASES)
def test_ambiguity_names_where_the_preposition_hangs(spec, subject, obj, expected):
    assert ambiguity_names(_fact(spec, subject, obj)) == expected


def test_ambiguity_is_a_feature_family_of_the_model():
    assert FEATURE_GROUPS["ambiguity"] == AMBIGUITY_PREFIXES
    fact = _fact(CASES[0][0], 0, 5)
    assert "pp_verb=after_object" in features(fact, groups=["ambiguity"])
    assert not any(name.startswith("pp_verb=") for name in features(fact, groups=["kinds"]))
