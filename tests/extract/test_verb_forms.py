"""The verb-form tests of :mod:`extract.verb_forms` on hand-built parses (GUM fit shapes)."""

from __future__ import annotations

from extract.verb_forms import (
    adjective_before_its_noun,
    base_form_after_finite,
    describes_a_complement,
    passive_head,
)
from tests.extract.parses import parse

# "Łódź has buildings, now repurposed as lofts": the participle past the object.
_TRAILING = ("Łódź/1/nsubj/PROPN/NNP has/1/ROOT/VERB/VBZ/have buildings/1/dobj/NOUN/NNS "
             ",/1/punct/PUNCT/, repurposed/1/advcl/VERB/VBN/repurpose as/4/prep/ADP/IN "
             "lofts/5/pobj/NOUN/NNS ./1/punct/PUNCT/.")


def test_describes_a_complement_after_an_active_verb():
    assert describes_a_complement(parse(_TRAILING)[4])


def test_describes_a_complement_not_before_the_verb_nor_after_a_subordinator():
    fronted = parse("Born/3/advcl/VERB/VBN/bear in/0/prep/ADP/IN Tianjin/1/pobj/PROPN/NNP "
                    "Chao/4/nsubj/PROPN/NNP went/4/ROOT/VERB/VBD/go home/4/advmod/ADV/RB")
    assert not describes_a_complement(fronted[0])
    when = parse("Gordon/1/nsubj/PROPN/NNP assumed/1/ROOT/VERB/VBD/assume name/1/dobj/NOUN/NN "
                 "when/4/advmod/SCONJ/WRB confirmed/1/advcl/VERB/VBN/confirm")
    assert not describes_a_complement(when[4])


def test_describes_a_complement_after_a_passive_only_for_a_sequence():
    def educated(participle: str) -> bool:
        doc = parse(f"Goode/2/nsubjpass/PROPN/NNP was/2/auxpass/AUX/VBD "
                    f"educated/2/ROOT/VERB/VBN/educate at/2/prep/ADP/IN Exeter/3/pobj/PROPN/NNP "
                    f",/2/punct/PUNCT/, {participle}/2/advcl/VERB/VBN/{participle[:-2]} "
                    f"by/6/agent/ADP/IN Birmingham/7/pobj/PROPN/NNP")
        return describes_a_complement(doc[6])

    assert educated("followed")
    assert not educated("joined")


def test_adjective_before_its_noun():
    doc = parse("project/1/nsubj/NOUN/NN brings/1/ROOT/VERB/VBZ/bring together/1/advmod/ADV/RB "
                "established/1/advcl/VERB/VBN/establish strengths/3/dobj/NOUN/NNS")
    assert adjective_before_its_noun(doc[3])
    assert not adjective_before_its_noun(parse(_TRAILING)[4])


def test_base_form_after_finite_third_person_only():
    def coordinated(tag: str) -> bool:
        doc = parse(f"Labour/1/nsubj/PROPN/NNP has/1/ROOT/VERB/{tag}/have plan/1/dobj/NOUN/NN "
                    f",/1/punct/PUNCT/, get/1/conj/VERB/VB agreements/4/dobj/NOUN/NNS "
                    f"and/4/cc/CCONJ/CC take/4/conj/VERB/VB action/7/dobj/NOUN/NN")
        return base_form_after_finite(doc[4]) and base_form_after_finite(doc[7])

    assert coordinated("VBZ")
    assert not coordinated("VBD")  # "students reported ..., recognize": a present plural


def test_passive_head():
    assert passive_head(parse("tactics/0/ROOT/NOUN/NNS observed/0/acl/VERB/VBN/observe")[1])
    assert not passive_head(parse(_TRAILING)[1])
