"""Rule logic on hand-built parses: one row per construction, independent of the model.

The same constructions on real sentences through the real model: test_constructions.py.
"""

from __future__ import annotations

import pytest

from extract.clauses import SUBJECT_RULES, read_clause, subjects
from extract.polarity import alternative
from extract.rules import (
    CLAUSE_RULES,
    OPENIE_PHRASE_RULES,
    PHRASE_RULES,
    clause_facts,
    iter_facts,
)
from extract.triples import extract_openie_sentence, extract_sentence, fact_triples
from tests.extract.parses import parse

# (name, parse, expected (subject label, predicate, object label, construction) facts)
CASES = [
    (
        "active svo",
        "Xu/1/compound/PROPN/NNP/Xu/B-PERSON Liang/2/nsubj/PROPN/NNP/Liang/I-PERSON "
        "founded/2/ROOT/VERB/VBD/found a/4/det/DET/DT company/2/dobj/NOUN/NN ./2/punct/PUNCT/.",
        {("Xu Liang", "found", "company", "svo")},
    ),
    (
        "passive with by-agent",
        "The/1/det/DET/DT company/3/nsubjpass/NOUN/NN was/3/auxpass/AUX/VBD/be "
        "founded/3/ROOT/VERB/VBN/found by/3/agent/ADP/IN Xu/4/pobj/PROPN/NNP/Xu/B-PERSON "
        "./3/punct/PUNCT/.",
        {("company", "be founded by", "Xu", "passive")},
    ),
    (
        "passive without agent",
        "The/1/det/DET/DT company/3/nsubjpass/NOUN/NN was/3/auxpass/AUX/VBD/be "
        "founded/3/ROOT/VERB/VBN/found in/3/prep/ADP/IN Beijing/4/pobj/PROPN/NNP/Beijing/B-GPE "
        "./3/punct/PUNCT/.",
        {("company", "be founded in", "Beijing", "passive")},
    ),
    (
        "verb + preposition object",
        "Restrictions/1/nsubj/NOUN/NNS/restriction stem/1/ROOT/VERB/VBP/stem from/1/prep/ADP/IN "
        "trade/4/compound/NOUN/NN tensions/2/pobj/NOUN/NNS/tension ./1/punct/PUNCT/.",
        {("Restrictions", "stem from", "trade tensions", "prep")},
    ),
    (
        "copula with attribute",
        "China/1/nsubj/PROPN/NNP/China/B-GPE is/1/ROOT/AUX/VBZ/be a/4/det/DET/DT "
        "big/4/amod/ADJ/JJ market/1/attr/NOUN/NN ./1/punct/PUNCT/.",
        {("China", "be", "big market", "copula")},
    ),
    (
        "apposition",
        "Xu/1/compound/PROPN/NNP/Xu/B-PERSON Liang/7/nsubj/PROPN/NNP/Liang/I-PERSON "
        ",/1/punct/PUNCT/, "
        "a/6/det/DET/DT seasoned/6/amod/ADJ/JJ AI/6/compound/PROPN/NNP/AI "
        "entrepreneur/1/appos/NOUN/NN spoke/7/ROOT/VERB/VBD/speak ./7/punct/PUNCT/.",
        {("Xu Liang", "be", "seasoned AI entrepreneur", "apposition")},
    ),
    (
        "coordinated subjects and objects",
        "Alice/3/nsubj/PROPN/NNP/Alice/B-PERSON and/0/cc/CCONJ/CC "
        "Bob/0/conj/PROPN/NNP/Bob/B-PERSON "
        "founded/3/ROOT/VERB/VBD/found Acme/3/dobj/PROPN/NNP/Acme/B-ORG and/4/cc/CCONJ/CC "
        "Initech/4/conj/PROPN/NNP/Initech/B-ORG ./3/punct/PUNCT/.",
        {
            ("Alice", "found", "Acme", "svo"),
            ("Alice", "found", "Initech", "svo"),
            ("Bob", "found", "Acme", "svo"),
            ("Bob", "found", "Initech", "svo"),
        },
    ),
    (
        "relative clause takes its subject from the head noun",
        "China/1/nsubj/PROPN/NNP/China/B-GPE releases/1/ROOT/VERB/VBZ/release "
        "services/1/dobj/NOUN/NNS/service that/5/nsubj/PRON/WDT could/5/aux/AUX/MD "
        "rival/2/relcl/VERB/VB/rival Sora/5/dobj/PROPN/NNP/Sora/B-PRODUCT ./1/punct/PUNCT/.",
        {("China", "release", "services", "svo"), ("services", "rival", "Sora", "relcl")},
    ),
    (
        "participial modifier",
        "Talent/1/nsubj/NOUN/NN/talent limits/1/ROOT/VERB/VBZ/limit the/3/det/DET/DT "
        "difficulties/1/dobj/NOUN/NNS/difficulty faced/3/acl/VERB/VBN/face by/4/agent/ADP/IN "
        "tech/7/compound/NOUN/NN companies/5/pobj/NOUN/NNS/company ./1/punct/PUNCT/.",
        {
            ("Talent", "limit", "difficulties", "svo"),
            ("difficulties", "be faced by", "tech companies", "acl"),
        },
    ),
    (
        "xcomp chain",
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON tries/1/ROOT/VERB/VBZ/try to/3/aux/PART/TO "
        "woo/1/xcomp/VERB/VB/woo investors/3/dobj/NOUN/NNS/investor ./1/punct/PUNCT/.",
        {("Xu", "try to woo", "investors", "svo")},
    ),
    (
        "light verb becomes its verb",
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON made/1/ROOT/VERB/VBD/make a/3/det/DET/DT "
        "decision/1/dobj/NOUN/NN on/3/prep/ADP/IN funding/4/pobj/NOUN/NN ./1/punct/PUNCT/.",
        {("Xu", "decide on", "funding", "light_verb")},
    ),
    (
        "coordinated verbs share subject",
        "Xu/2/nsubj/PROPN/NNP/Xu/B-PERSON will/2/aux/AUX/MD found/2/ROOT/VERB/VB/found "
        "Acme/2/dobj/PROPN/NNP/Acme/B-ORG and/2/cc/CCONJ/CC fund/2/conj/VERB/VB/fund "
        "startups/5/dobj/NOUN/NNS/startup ./2/punct/PUNCT/.",
        {("Xu", "found", "Acme", "svo"), ("Xu", "fund", "startups", "conj")},
    ),
    (
        "possessive names the owner in the graph, no tautology",
        "China/3/poss/PROPN/NNP/China/B-GPE 's/0/case/PART/POS big/3/amod/ADJ/JJ "
        "giants/4/nsubj/NOUN/NNS/giant grow/4/ROOT/VERB/VBP/grow ./4/punct/PUNCT/.",
        set(),
    ),
    (
        "bare pronoun argument is dropped",
        "It/1/nsubj/PRON/PRP/it rivals/1/ROOT/VERB/VBZ/rival Sora/1/dobj/PROPN/NNP/Sora "
        "./1/punct/PUNCT/.",
        set(),
    ),
    (
        "a list of names after a plural subject: its members",
        "The/2/det/DET/DT nearest/2/amod/ADJ/JJS/near airports/3/nsubj/NOUN/NNS/airport "
        "are/3/ROOT/AUX/VBP/be Newark/5/compound/PROPN/NNP/Newark/B-FAC "
        "Airport/3/attr/PROPN/NNP/Airport/I-FAC and/5/cc/CCONJ/CC JFK/5/conj/PROPN/NNP/JFK "
        "./3/punct/PUNCT/.",
        {("nearest airports", "include", "Newark Airport", "copula"),
         ("nearest airports", "include", "JFK", "copula")},
    ),
    (
        "be + adjective + preposition of the verb: the adjective stays",
        "The/1/det/DET/DT language/2/nsubj/NOUN/NN is/2/ROOT/AUX/VBZ/be "
        "important/2/acomp/ADJ/JJ in/2/prep/ADP/IN writing/4/pobj/NOUN/NN ./2/punct/PUNCT/.",
        {("language", "be important in", "writing", "copula")},
    ),
    (
        "two subjects set apart: the nearer is the clause's",
        "One/1/nummod/NUM/CD/one game/11/nsubj/NOUN/NN into/1/prep/ADP/IN his/6/poss/PRON/PRP$ "
        "Six/5/nummod/NUM/CD Nations/6/compound/PROPN/NNPS career/2/pobj/NOUN/NN "
        ",/1/punct/PUNCT/, and/1/cc/CCONJ/CC Gavin/10/compound/PROPN/NNP/Gavin/B-PERSON "
        "Henson/11/nsubj/PROPN/NNP/Henson/I-PERSON is/11/ROOT/AUX/VBZ/be a/14/det/DET/DT "
        "legend/11/attr/NOUN/NN ./11/punct/PUNCT/.",
        {("Gavin Henson", "be", "legend", "copula")},
    ),
    (
        "a noun read as a passive verb joins the relation with its object",
        "Sisters/2/nsubjpass/PROPN/NNPS/Sisters were/2/auxpass/AUX/VBD/be "
        "surprise/2/ROOT/VERB/VB/surprise winners/2/dobj/NOUN/NNS/winner of/3/prep/ADP/IN "
        "the/6/det/DET/DT album/4/pobj/NOUN/NN ./2/punct/PUNCT/.",
        {("Sisters", "be surprise winner of", "album", "prep")},
    ),
    (
        "an idiom of verb, preposition and bare noun stays in the relation",
        "flaws/1/nsubj/NOUN/NNS/flaw put/1/ROOT/VERB/VBD/put the/3/det/DET/DT "
        "browser/1/dobj/NOUN/NN at/1/prep/ADP/IN risk/4/pobj/NOUN/NN ./1/punct/PUNCT/.",
        {("flaws", "put at risk", "browser", "svo")},
    ),
    (
        "a place and its region",
        "He/1/nsubj/PRON/PRP/he died/1/ROOT/VERB/VBD/die in/1/prep/ADP/IN "
        "Cambridge/2/pobj/PROPN/NNP/Cambridge/B-GPE ,/3/punct/PUNCT/, "
        "Massachusetts/3/appos/PROPN/NNP/Massachusetts/B-GPE ./1/punct/PUNCT/.",
        {("Cambridge", "be in", "Massachusetts", "apposition")},
    ),
    (
        "a passive infinitive in the chain stays passive",
        "literature/1/nsubj/NOUN/NN wished/1/ROOT/VERB/VBD/wish to/4/aux/PART/TO "
        "be/4/auxpass/AUX/VB/be associated/1/xcomp/VERB/VBN/associate with/4/prep/ADP/IN "
        "fiction/5/pobj/NOUN/NN ./1/punct/PUNCT/.",
        {("literature", "wish to be associated with", "fiction", "prep")},
    ),
    (
        "an adjective completing the verb comes before the preposition",
        "expulsion/1/nsubj/NOUN/NN became/1/ROOT/VERB/VBD/become official/1/acomp/ADJ/JJ "
        "in/1/prep/ADP/IN January/3/pobj/PROPN/NNP/January ./1/punct/PUNCT/.",
        {("expulsion", "become", "official", "copula")},
    ),
    (
        "a named place after be + adjective is where the adjective holds",
        "Ferries/1/nsubj/NOUN/NNS/ferry are/1/ROOT/AUX/VBP/be expensive/1/acomp/ADJ/JJ "
        ",/1/punct/PUNCT/, especially/5/advmod/ADV/RB in/1/prep/ADP/IN "
        "Antarctica/5/pobj/PROPN/NNP/Antarctica/B-LOC ./1/punct/PUNCT/.",
        {("Ferries", "be expensive in", "Antarctica", "copula")},
    ),
    (
        "what a number counts belongs to the object's label",
        "student/1/nsubj/NOUN/NN took/1/ROOT/VERB/VBD/take the/6/det/DET/DT "
        "first/5/quantmod/ADJ/JJ of/5/quantmod/ADP/IN three/6/nummod/NUM/CD/three/B-QUANTITY "
        "degrees/1/dobj/NOUN/NNS/degree/I-QUANTITY ./1/punct/PUNCT/.",
        {("student", "take", "first of three degrees", "svo")},
    ),
    (
        "number alone is dropped",
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON founded/1/ROOT/VERB/VBD/found 3/1/dobj/NUM/CD/3 "
        "./1/punct/PUNCT/.",
        set(),
    ),
    (
        "a light verb's bare noun joins the relation of a named place",
        "Expo/1/nsubj/PROPN/NNP/Expo/B-ORG took/1/ROOT/VERB/VBD/take place/1/dobj/NOUN/NN "
        "at/1/prep/ADP/IN the/5/det/DET/DT Centre/3/pobj/PROPN/NNP/Centre/B-FAC "
        "./1/punct/PUNCT/.",
        {("Expo", "take", "place", "svo"), ("Expo", "take place at", "Centre", "named_prep")},
    ),
    (
        "a measure away from a place joins the relation",
        "hotel/1/nsubj/NOUN/NN is/1/ROOT/AUX/VBZ/be five/3/nummod/NUM/CD "
        "minutes/1/attr/NOUN/NNS/minute from/3/prep/ADP/IN beach/4/pobj/NOUN/NN "
        "./1/punct/PUNCT/.",
        {("hotel", "be five minutes from", "beach", "copula")},
    ),
    (
        "a measure on the preposition joins the relation",
        "village/1/nsubj/NOUN/NN is/1/ROOT/AUX/VBZ/be 20/3/nummod/NUM/CD km/4/npadvmod/NOUN/NN "
        "from/1/prep/ADP/IN Krakow/4/pobj/PROPN/NNP/Krakow/B-GPE ./1/punct/PUNCT/.",
        {("village", "be 20 km from", "Krakow", "copula")},
    ),
]


@pytest.mark.parametrize(("name", "spec", "expected"), CASES, ids=[c[0] for c in CASES])
def test_extract_sentence_constructions(name, spec, expected):
    doc = parse(spec)
    triples = list(extract_sentence(doc[:], document="d"))
    got = {(t.subject.label, t.predicate, t.object.label, t.provenance.construction)
           for t in triples}
    assert got == expected


NEGATION_AND_MODALITY = [
    (
        "Sora/3/nsubj/PROPN/NNP/Sora does/3/aux/AUX/VBZ/do not/3/neg/PART/RB "
        "rival/3/ROOT/VERB/VB/rival Gemini/3/dobj/PROPN/NNP/Gemini ./3/punct/PUNCT/.",
        ("rival", True, None),
    ),
    (
        "Services/2/nsubj/NOUN/NNS/service could/2/aux/AUX/MD rival/2/ROOT/VERB/VB/rival "
        "Sora/2/dobj/PROPN/NNP/Sora ./2/punct/PUNCT/.",
        ("rival", False, "could"),
    ),
    (
        "Services/3/nsubj/NOUN/NNS/service could/3/aux/AUX/MD not/3/neg/PART/RB "
        "rival/3/ROOT/VERB/VB/rival Sora/3/dobj/PROPN/NNP/Sora ./3/punct/PUNCT/.",
        ("rival", True, "could"),
    ),
]


@pytest.mark.parametrize(("spec", "expected"), NEGATION_AND_MODALITY)
def test_extract_sentence_keeps_negation_and_modality(spec, expected):
    (triple,) = extract_sentence(parse(spec)[:], document="d")
    assert (triple.predicate, triple.negated, triple.provenance.modality) == expected


def test_extract_sentence_offsets_shift_and_slice():
    doc = parse(CASES[0][1])
    prefix = "header "
    text = prefix + doc.text
    (triple,) = extract_sentence(doc[:], document="d", offset=len(prefix))
    p = triple.provenance
    assert text[p.sentence_start:p.sentence_end] == p.sentence == doc.text
    assert text[p.subject_start:p.subject_end] == p.subject_text == "Xu Liang"
    assert text[p.object_start:p.object_end] == p.object_text == "a company"
    assert doc.text == "Xu Liang founded a company."
    assert triple.subject.type == "PERSON" and triple.object.type is None
    assert 0.0 <= p.confidence <= 1.0


def test_iter_facts_records_surface_relation():
    doc = parse(NEGATION_AND_MODALITY[2][0])
    (fact,) = iter_facts(doc[:])
    assert fact.relation == "could not rival"


def test_extract_sentence_keeps_prepositional_phrases_as_extra():
    doc = parse(
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON taught/1/ROOT/VERB/VBD/teach at/1/prep/ADP/IN "
        "Tsinghua/2/pobj/PROPN/NNP/Tsinghua/B-ORG in/1/prep/ADP/IN 2010/4/pobj/NUM/CD "
        "./1/punct/PUNCT/."
    )
    (triple,) = extract_sentence(doc[:], document="d")
    assert (triple.predicate, triple.object.label, triple.extra) == (
        "teach at", "Tsinghua", ("in 2010",))


def test_title_before_a_name_is_the_persons_role_not_a_node():
    doc = parse(
        "Bond/1/nsubj/PROPN/NNP/Bond/B-PERSON thanked/1/ROOT/VERB/VBD/thank "
        "former/5/amod/ADJ/JJ Attorney/5/compound/PROPN/NNP/Attorney "
        "Todd/5/compound/PROPN/NNP/Todd/B-PERSON Graves/1/dobj/PROPN/NNP/Graves/I-PERSON "
        "./1/punct/PUNCT/."
    )
    triples = list(extract_sentence(doc[:], document="d"))
    facts = {(t.subject.label, t.predicate, t.object.label, t.provenance.object_text,
              t.provenance.construction) for t in triples}
    assert facts == {("Bond", "thank", "Todd Graves", "former Attorney Todd Graves", "svo")}
    assert triples[0].object.role == "former Attorney"
    openie = {(t.provenance.subject_text, t.predicate, t.provenance.object_text,
               t.provenance.construction) for t in extract_openie_sentence(doc[:], document="d")}
    assert ("Todd Graves", "be", "former Attorney", "title") in openie


def test_copula_with_of_complement_folds_the_noun():
    doc = parse(
        "Paris/1/nsubj/PROPN/NNP/Paris/B-GPE is/1/ROOT/AUX/VBZ/be the/3/det/DET/DT "
        "capital/1/attr/NOUN/NN of/3/prep/ADP/IN France/4/pobj/PROPN/NNP/France/B-GPE "
        "./1/punct/PUNCT/."
    )
    ((fact, triple),) = fact_triples(doc[:], document="d")
    assert (triple.subject.label, triple.predicate, triple.object.label) == (
        "Paris", "be capital of", "France")
    assert fact.relation == "is the capital of"


def test_say_verb_takes_a_clause_written_before_it():
    doc = parse(
        "Lawyers/1/nsubj/NOUN/NNS/lawyer appeal/3/ccomp/VERB/VBP/appeal ,/3/punct/PUNCT/, "
        "says/3/ROOT/VERB/VBZ/say Burr/3/nsubj/PROPN/NNP/Burr/B-PERSON ./3/punct/PUNCT/."
    )
    openie = list(extract_openie_sentence(doc[:], document="d"))
    assert [(t.subject.label, t.predicate, t.provenance.object_text) for t in openie] == [
        ("Burr", "says", "Lawyers appeal")]
    # The graph has no clause node: the clause has no fact of its own here (no object), and
    # "says" only reports it.
    assert list(extract_sentence(doc[:], document="d")) == []


def test_openie_extractor_keeps_relation_as_written_and_pronouns():
    doc = parse(
        "He/2/nsubj/PRON/PRP/he was/2/auxpass/AUX/VBD/be born/2/ROOT/VERB/VBN/bear "
        "in/2/prep/ADP/IN Paris/3/pobj/PROPN/NNP/Paris/B-GPE ./2/punct/PUNCT/."
    )
    assert list(extract_sentence(doc[:], document="d")) == []  # nobody for "He" to be
    (triple,) = extract_openie_sentence(doc[:], document="d")
    assert (triple.provenance.subject_text, triple.predicate, triple.provenance.object_text) == (
        "He", "was born in", "Paris")


def test_openie_extractor_adds_noun_prepositions_the_graph_skips():
    doc = parse(
        "Firms/1/nsubj/NOUN/NNS/firm grow/1/ROOT/VERB/VBP/grow ./1/punct/PUNCT/. "
    )
    assert list(extract_openie_sentence(doc[:], document="d")) == []
    doc = parse(
        "Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON met/1/ROOT/VERB/VBD/meet businesses/1/dobj/NOUN/NNS/"
        "business in/2/prep/ADP/IN Japan/3/pobj/PROPN/NNP/Japan/B-GPE ./1/punct/PUNCT/."
    )
    graph = {(t.predicate, t.object.label) for t in extract_sentence(doc[:], document="d")}
    openie = {(t.provenance.subject_text, t.predicate, t.provenance.object_text)
              for t in extract_openie_sentence(doc[:], document="d")}
    assert ("be in", "Japan") not in graph
    assert ("businesses", "be in", "Japan") in openie  # "be" matches any form of "be"


# Subject rules: where a clause without a subject of its own finds one.
SUBJECTS = [
    ("relcl", "services/0/ROOT/NOUN/NNS/service rivaling/0/relcl/VERB/VBG/rival "
              "Sora/1/dobj/PROPN/NNP/Sora", 1, ["services"]),
    ("acl", "difficulties/0/ROOT/NOUN/NNS/difficulty faced/0/acl/VERB/VBN/face by/1/agent/ADP/IN "
            "firms/2/pobj/NOUN/NNS/firm", 1, ["difficulties"]),
    ("conj", "Xu/1/nsubj/PROPN/NNP/Xu founded/1/ROOT/VERB/VBD/found Acme/1/dobj/PROPN/NNP/Acme "
             "and/1/cc/CCONJ/CC sold/1/conj/VERB/VBD/sell shares/4/dobj/NOUN/NNS/share", 4, ["Xu"]),
    ("xcomp", "Army/1/nsubj/NOUN/NN/army used/1/ROOT/VERB/VBD/use drones/1/dobj/NOUN/NNS/drone "
              "to/4/aux/PART/TO strike/1/xcomp/VERB/VB/strike sites/4/dobj/NOUN/NNS/site", 4,
     ["Army"]),
    ("advcl", "Rebels/1/nsubj/NOUN/NNS/rebel attacked/1/ROOT/VERB/VBD/attack town/1/dobj/NOUN/NN "
              ",/1/punct/PUNCT/, killing/1/advcl/VERB/VBG/kill people/4/dobj/NOUN/NNS/people", 4,
     ["Rebels"]),
    ("pcomp", "Troops/1/nsubj/NOUN/NNS/troop left/1/ROOT/VERB/VBD/leave city/1/dobj/NOUN/NN "
              "before/1/prep/ADP/IN destroying/3/pcomp/VERB/VBG/destroy bridge/4/dobj/NOUN/NN", 4,
     ["Troops"]),
]


def test_a_conjoined_clause_takes_the_subject_read_as_the_objects_last_conjunct():
    # "The city had 391,000 people and the metro area had 937,000 people" (GUM fit): the
    # metro area has them, not the city; with a conjunction before the verb it is no subject.
    doc = parse(
        "city/1/nsubj/NOUN/NN had/1/ROOT/VERB/VBD/have people/1/dobj/NOUN/NNS/people "
        "and/2/cc/CCONJ/CC area/2/conj/NOUN/NN had/1/conj/VERB/VBD/have "
        "people/5/dobj/NOUN/NNS/people"
    )
    assert ([t.text for t in subjects(doc[5])[0]], subjects(doc[5])[1]) == (["area"], "conj")
    doc = parse(
        "He/1/nsubj/PRON/PRP wrote/1/ROOT/VERB/VBD/write books/1/dobj/NOUN/NNS/book "
        "and/2/cc/CCONJ/CC articles/2/conj/NOUN/NNS/article and/1/cc/CCONJ/CC "
        "lectured/1/conj/VERB/VBD/lecture"
    )
    assert [t.text for t in subjects(doc[6])[0]] == ["He"]


def test_subject_rules_are_tried_in_their_table_order():
    assert [rule.name for rule in SUBJECT_RULES] == [name for name, *_ in SUBJECTS]


@pytest.mark.parametrize(("name", "spec", "verb", "expected"), SUBJECTS,
                         ids=[s[0] for s in SUBJECTS])
def test_subject_rule_lends_the_clause_a_subject(name, spec, verb, expected):
    doc = parse(spec)
    heads, how = subjects(doc[verb])
    assert ([t.text for t in heads], how) == (expected, name)
    assert [rule.name for rule in SUBJECT_RULES if rule.applies_to(doc[verb])] == [name]


@pytest.mark.parametrize(("spec", "verb"), [
    # A finite verb modifying a noun is no participle: no subject is lent.
    ("difficulties/0/ROOT/NOUN/NNS/difficulty face/0/acl/VERB/VBP/face firms/1/dobj/NOUN/NNS",
     1),
    ("Rebels/1/nsubj/NOUN/NNS/rebel attacked/1/ROOT/VERB/VBD/attack ,/1/punct/PUNCT/, "
     "kill/1/advcl/VERB/VBP/kill people/3/dobj/NOUN/NNS/people", 3),
    # "by" + clause after a passive verb: its unnamed agent acts, not its subject.
    ("crowds/2/nsubjpass/NOUN/NNS/crowd be/2/auxpass/AUX/VB/be avoided/2/ROOT/VERB/VBN/avoid "
     "by/2/agent/ADP/IN walking/3/pcomp/VERB/VBG/walk", 4),
    # A participle trailing a passive event says what the event brought about: the team
    # was deducted a point; it led to nothing itself (GUM fit).
    ("team/2/nsubjpass/NOUN/NN was/2/auxpass/AUX/VBD/be deducted/2/ROOT/VERB/VBN/deduct "
     "point/2/dobj/NOUN/NN ,/2/punct/PUNCT/, leading/2/advcl/VERB/VBG/lead "
     "to/5/prep/ADP/IN rush/6/pobj/NOUN/NN", 5),
    ("supplies/2/nsubjpass/NOUN/NNS/supply were/2/auxpass/AUX/VBD/be "
     "delayed/2/ROOT/VERB/VBN/delay ,/2/punct/PUNCT/, leaving/2/advcl/VERB/VBG/leave "
     "them/4/dobj/PRON/PRP", 4),
    # After an object, "to be" says what the object is as the subject finds it: the riders
    # are not challenging (GUM fit).
    ("Riders/1/nsubj/NOUN/NNS/rider find/1/ROOT/VERB/VBP/find land/1/dobj/NOUN/NN "
     "to/4/aux/PART/TO be/1/xcomp/AUX/VB/be challenging/4/acomp/ADJ/JJ", 4),
    # "there" fills the subject's place: the clause borrows no one else's.
    ("father/1/nsubj/NOUN/NN encouraged/1/ROOT/VERB/VBD/encourage him/1/dobj/PRON/PRP "
     ",/1/punct/PUNCT/, there/5/expl/PRON/EX being/1/advcl/AUX/VBG/be "
     "rewards/5/attr/NOUN/NNS/reward", 5),
])
def test_subject_rules_lend_nothing_outside_their_pattern(spec, verb):
    assert subjects(parse(spec)[verb]) == ([], None)


def test_a_participle_after_a_noun_of_experience_is_done_by_who_has_it():
    doc = parse(
        "Teams/1/nsubj/NOUN/NNS/team had/1/ROOT/VERB/VBD/have "
        "difficulties/1/dobj/NOUN/NNS/difficulty getting/2/acl/VERB/VBG/get "
        "robots/3/dobj/NOUN/NNS/robot"
    )
    assert ([t.text for t in subjects(doc[3])[0]], subjects(doc[3])[1]) == (["Teams"], "acl")
    doc = parse(
        "Her/1/poss/PRON/PRP$/her experience/3/nsubj/NOUN/NN/experience "
        "living/1/acl/VERB/VBG/live shaped/3/ROOT/VERB/VBD/shape stories/3/dobj/NOUN/NNS/story"
    )
    assert [t.text for t in subjects(doc[2])[0]] == ["Her"]
    doc = parse("difficulties/0/ROOT/NOUN/NNS/difficulty getting/0/acl/VERB/VBG/get "
                "robots/1/dobj/NOUN/NNS/robot")
    assert subjects(doc[1]) == ([], None)


def test_clauses_joined_by_or_are_alternatives():
    doc = parse(
        "They/1/nsubj/PRON/PRP fled/1/ROOT/VERB/VBD/flee war/1/dobj/NOUN/NN or/1/cc/CCONJ/CC "
        "sought/1/conj/VERB/VBD/seek adventure/4/dobj/NOUN/NN"
    )
    assert alternative(doc[4]).i == alternative(doc[1]).i == 1
    assert alternative(doc[2]) is None
    doc = parse(
        "They/1/nsubj/PRON/PRP fled/1/ROOT/VERB/VBD/flee war/1/dobj/NOUN/NN and/1/cc/CCONJ/CC "
        "sought/1/conj/VERB/VBD/seek adventure/4/dobj/NOUN/NN"
    )
    assert alternative(doc[4]) is None


def test_a_participle_of_a_state_takes_the_passive_subject():
    # "Sydfynske Øhav is located south of Funen, comprising 55 islands" (GUM fit): a state
    # of the subject's own, not an event that brought something about.
    doc = parse(
        "Øhav/2/nsubjpass/PROPN/NNP is/2/auxpass/AUX/VBZ/be located/2/ROOT/VERB/VBN/locate "
        ",/2/punct/PUNCT/, comprising/2/advcl/VERB/VBG/comprise islands/4/dobj/NOUN/NNS/island"
    )
    heads, how = subjects(doc[4])
    assert ([t.text for t in heads], how) == (["Øhav"], "advcl")
    # "A statue was erected behind the Archives, overlooking the river": a participle of a
    # state describes the subject after a passive event too.
    doc = parse(
        "statue/2/nsubjpass/NOUN/NN was/2/auxpass/AUX/VBD/be erected/2/ROOT/VERB/VBN/erect "
        ",/2/punct/PUNCT/, overlooking/2/advcl/VERB/VBG/overlook river/4/dobj/NOUN/NN"
    )
    assert [t.text for t in subjects(doc[4])[0]] == ["statue"]


def test_a_clause_borrowing_from_a_borrowing_clause_keeps_the_inner_name():
    doc = parse(
        "services/0/ROOT/NOUN/NNS/service that/3/nsubj/PRON/WDT could/3/aux/AUX/MD "
        "rival/0/relcl/VERB/VB/rival Sora/3/dobj/PROPN/NNP/Sora and/3/cc/CCONJ/CC "
        "win/3/conj/VERB/VB/win deals/6/dobj/NOUN/NNS/deal"
    )
    heads, how = subjects(doc[6])
    assert ([t.text for t in heads], how) == (["services"], "relcl")


def test_read_clause_records_subjects_verb_group_negation_and_modality():
    doc = parse(
        "Services/4/nsubj/NOUN/NNS/service could/4/aux/AUX/MD also/4/advmod/ADV/RB "
        "not/4/neg/PART/RB rival/4/ROOT/VERB/VB/rival Sora/4/dobj/PROPN/NNP/Sora "
        "in/4/prep/ADP/IN 2025/6/pobj/NUM/CD ./4/punct/PUNCT/."
    )
    clause = read_clause(doc[4])
    assert [t.text for t in clause.subjects] == ["Services"]
    assert (clause.borrowed, clause.passive, clause.negated, clause.modality) == (
        None, False, True, "could")
    assert clause.words == ("rival",)
    assert sorted(t.i for t in clause.verb_group) == [1, 2, 3, 4]
    assert [t.text for t in clause.objects] == ["Sora"]
    assert [t.text for t in clause.preps] == ["in"]
    (fact,) = clause_facts(clause)
    assert (fact.relation, fact.negated, fact.modality, fact.verb.i) == (
        "could also not rival", True, "could", 4)


@pytest.mark.parametrize("spec", [
    "Acme/1/nsubj/PROPN/NNP/Acme grew/1/amod/VERB/VBD/grow",  # not a clause label
    "grew/0/ROOT/VERB/VBD/grow fast/0/advmod/ADV/RB/fast",  # no subject anywhere
])
def test_read_clause_gives_none_without_a_clause_and_subject(spec):
    doc = parse(spec)
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert read_clause(verb) is None


# (construction the first applying clause rule records, parse, index of the clause's verb)
CLAUSE_SHAPES = [
    ("light_verb", CASES[10][1], 1),
    ("svo", CASES[0][1], 2),
    ("prep", CASES[3][1], 1),
    ("copula", "The/1/det/DET/DT promise/2/nsubj/NOUN/NN remains/2/ROOT/VERB/VBZ/remain "
               "undeterred/2/acomp/ADJ/JJ ./2/punct/PUNCT/.", 2),
    ("ccomp", "Xu/1/nsubj/PROPN/NNP/Xu said/1/ROOT/VERB/VBD/say Acme/3/nsubj/PROPN/NNP/Acme "
              "grew/1/ccomp/VERB/VBD/grow ./1/punct/PUNCT/.", 1),
]


def test_clause_rules_are_tried_in_their_table_order():
    assert [rule.name for rule in CLAUSE_RULES] == [name for name, *_ in CLAUSE_SHAPES]


@pytest.mark.parametrize(("name", "spec", "verb"), CLAUSE_SHAPES,
                         ids=[s[0] for s in CLAUSE_SHAPES])
def test_first_clause_rule_that_applies_emits(name, spec, verb):
    clause = read_clause(parse(spec)[verb])
    first = next(rule for rule in CLAUSE_RULES if rule.applies_to(clause))
    assert first.name == name
    facts = list(clause_facts(clause))
    assert facts and {fact.construction for fact in facts} == {name}
    assert [(f.subject.i, f.predicate) for f in first.emit(clause)] == [
        (f.subject.i, f.predicate) for f in facts]


def test_a_later_rule_that_also_applies_emits_nothing():
    doc = parse(
        "Xu/1/nsubj/PROPN/NNP/Xu taught/1/ROOT/VERB/VBD/teach students/1/dobj/NOUN/NNS/student "
        "at/1/prep/ADP/IN Tsinghua/3/pobj/PROPN/NNP/Tsinghua ./1/punct/PUNCT/."
    )
    clause = read_clause(doc[1])
    assert [rule.name for rule in CLAUSE_RULES if rule.applies_to(clause)] == ["svo", "prep"]
    (fact,) = clause_facts(clause)
    assert (fact.predicate, fact.object.text, fact.extra) == ("teach", "students", [(3, 5)])


def test_phrase_rule_patterns_match_their_tokens_only():
    doc = parse(CASES[5][1])  # "Xu Liang, a seasoned AI entrepreneur spoke."
    names = {rule.name: [t.text for t in doc if rule.applies_to(t)]
             for rule in OPENIE_PHRASE_RULES}
    assert names == {"apposition": ["entrepreneur"], "possessive": [], "noun_prep": [],
                     "title": ["Xu"]}
    assert [rule.name for rule in PHRASE_RULES] == ["apposition"]
    assert [rule.name for rule in OPENIE_PHRASE_RULES] == [
        "apposition", "possessive", "noun_prep", "title"]


def test_bracketed_acronym_is_an_alias_not_an_apposition():
    doc = parse(
        "Firms/1/nsubj/NOUN/NNS/firm build/1/ROOT/VERB/VBP/build Large/4/compound/PROPN/NNP "
        "Language/4/compound/PROPN/NNP Models/1/dobj/PROPN/NNPS/Models (/6/punct/PUNCT/-LRB- "
        "LLMs/4/appos/PROPN/NNPS/LLMs )/6/punct/PUNCT/-RRB-"
    )
    assert [(f.construction, f.dropped_by) for f in iter_facts(doc[:])] == [
        ("svo", None), ("apposition", "bracketed_acronym")]  # proposed, and kept out by name


@pytest.mark.parametrize("table", [PHRASE_RULES, OPENIE_PHRASE_RULES],
                         ids=["graph", "openie"])
def test_token_rules_index_offers_every_rule_that_applies_in_table_order(table):
    for _name, spec, _expected in CASES:
        for token in parse(spec):
            offered = [rule.name for rule in table.for_token(token) if rule.applies_to(token)]
            assert offered == [rule.name for rule in table if rule.applies_to(token)]
    assert table.names == tuple(rule.name for rule in table) and len(table) == len(table.names)
