"""The misreadings on hand-built parses: rows of extract.vetoes.GRAPH_VETOES, independent of the
model.

The same shapes on real sentences through the real model are rows of the construction
tables (test_constructions.py, test_voice.py).
"""

from __future__ import annotations

import pytest

from extract.appositions import APPOSITION_SHAPES
from extract.rules import iter_facts
import extract.misreadings as misreadings
from extract.vetoes import GRAPH_VETOES, veto
from tests.extract.parses import parse

#: "Lodz has not enjoyed growth, and endured the fall, unemployment" (GUM fit, lodz).
_ENJOYED_AND_ENDURED = (
    "Lodz/3/nsubj/PROPN/NNP has/3/aux/AUX/VBZ/have not/3/neg/PART/RB "
    "enjoyed/3/ROOT/VERB/VBN/enjoy growth/3/dobj/NOUN/NN ,/3/punct/PUNCT/, "
    "and/3/cc/CCONJ/CC endured/3/conj/VERB/VBD/endure fall/7/dobj/NOUN/NN "
    ",/3/punct/PUNCT/, unemployment/3/dobj/NOUN/NN")

# (name, parse, construction, (subject, predicate, object) of the fact looked at, veto or None)
CASES = [
    # Appositions that name no identity (extract.appositions; GUM fit shapes).
    (
        "a plural noun and one name: one member, not the group",
        "view/0/ROOT/NOUN/NN of/0/prep/ADP/IN the/3/det/DET/DT islands/1/pobj/NOUN/NNS/island "
        "Grande/5/compound/PROPN/NNP Terre/3/appos/PROPN/NNP",
        "apposition", ("islands", "be", "Terre"), "apposition_of_another_number",
    ),
    (
        "a plural-looking noun with an article is one thing",
        "team/1/nsubj/NOUN/NN used/1/ROOT/VERB/VBD/use fusca/1/dobj/PROPN/NNP "
        ",/2/punct/PUNCT/, an/6/det/DET/DT ant/6/compound/NOUN/NN "
        "species/2/appos/NOUN/NNS/species",
        "apposition", ("fusca", "be", "species"), None,
    ),
    (
        "X, not Y: a contrast",
        "brains/1/nsubj/NOUN/NNS/brain is/1/ROOT/AUX/VBZ/be the/4/det/DET/DT "
        "greater/4/amod/ADJ/JJR producer/1/attr/NOUN/NN of/4/prep/ADP/IN "
        "wealth/5/pobj/NOUN/NN ,/4/punct/PUNCT/, not/4/neg/PART/RB oil/4/appos/NOUN/NN",
        "apposition", ("producer", "be", "oil"), "apposition_in_contrast",
    ),
    (
        "the last member of a list the phrase holds",
        "facet/1/nsubj/NOUN/NN is/1/ROOT/AUX/VBZ/be the/3/det/DET/DT value/1/attr/NOUN/NN "
        "of/3/prep/ADP/IN dignity/4/pobj/NOUN/NN ,/5/punct/PUNCT/, "
        "equality/5/conj/NOUN/NN ,/3/punct/PUNCT/, fraternity/3/appos/NOUN/NN",
        "apposition", ("value", "be", "fraternity"), "apposition_ends_a_list",
    ),
    (
        "a name before a finite verb with no subject is its subject",
        "At/8/prep/ADP/IN the/2/det/DET/DT University/0/pobj/PROPN/NNP/University/B-ORG "
        "of/2/prep/ADP/IN Paris/3/pobj/PROPN/NNP/Paris/B-GPE ,/2/punct/PUNCT/, "
        "Johann/2/appos/PROPN/NNP/Johann/B-PERSON ,/8/punct/PUNCT/, "
        "banned/8/ROOT/VERB/VBD/ban Daniel/8/dobj/PROPN/NNP/Daniel/B-PERSON",
        "apposition", ("University", "be", "Johann"), "apposition_is_the_subject",
    ),
    (
        "both phrases inside a quoted title",
        'author/0/ROOT/NOUN/NN of/0/prep/ADP/IN "/4/punct/PUNCT/`` The/4/det/DET/DT '
        "History/1/pobj/PROPN/NNP of/4/prep/ADP/IN Peter/5/pobj/PROPN/NNP/Peter/B-PERSON "
        "the/10/det/DET/DT Great/10/amod/PROPN/NNP ,/10/punct/PUNCT/, "
        "Emperor/6/appos/PROPN/NNP of/10/prep/ADP/IN Russia/11/pobj/PROPN/NNP/Russia/B-GPE "
        "\"/4/punct/PUNCT/''",
        "apposition", ("Peter", "be", "Emperor"), "apposition_inside_a_quotation",
    ),
    (
        "a comment on the clause after a bare noun",
        "elements/0/ROOT/NOUN/NNS/element made/0/acl/VERB/VBN/make from/1/prep/ADP/IN "
        "scratch/2/pobj/NOUN/NN ,/3/punct/PUNCT/, a/7/det/DET/DT fantastic/7/amod/ADJ/JJ "
        "display/3/appos/NOUN/NN of/7/prep/ADP/IN craftsmanship/8/pobj/NOUN/NN",
        "apposition", ("scratch", "be", "display"), "apposition_comments_on_a_clause",
    ),
    (
        "an article with no comma before it: a verb's object",
        "ants/1/nsubj/NOUN/NNS/ant need/1/ROOT/VERB/VBP/need force/3/compound/NOUN/NN "
        "feed/1/dobj/NOUN/NN '/3/punct/PUNCT/'' the/6/det/DET/DT ROS/3/appos/PROPN/NNP/ROS/B-ORG",
        "apposition", ("feed", "be", "ROS"), "apposition_is_an_object",
    ),
    (
        "a title right after its noun is one",
        "in/0/ROOT/ADP/IN the/3/det/DET/DT romantic/3/amod/ADJ/JJ comedy/0/pobj/NOUN/NN "
        "Chasing/5/compound/PROPN/NNP Liberty/3/appos/PROPN/NNP/Liberty/B-WORK_OF_ART",
        "apposition", ("comedy", "be", "Liberty"), None,
    ),
    (
        "a numbered noun after a comma: a part",
        "season/0/ROOT/NOUN/NN 2/0/nummod/NUM/CD of/0/prep/ADP/IN "
        "Battles/2/pobj/PROPN/NNPS/Battles/B-WORK_OF_ART ,/3/punct/PUNCT/, "
        "episode/3/appos/NOUN/NN 13/5/nummod/NUM/CD",
        "apposition", ("Battles", "be", "episode"), "apposition_numbers_a_part",
    ),
    (
        "one bare noun in brackets after a name glosses it",
        "łodzianin/0/ROOT/PROPN/NNP (/2/punct/PUNCT/-LRB- man/0/appos/NOUN/NN "
        ")/2/punct/PUNCT/-RRB-",
        "apposition", ("łodzianin", "be", "man"), "apposition_is_a_gloss",
    ),
    (
        "a bracket after a street and its number: where it is",
        "Vindebyørevej/0/ROOT/PROPN/NNP 42/0/nummod/NUM/CD (/3/punct/PUNCT/-LRB- "
        "Taasinge/0/appos/PROPN/NNP )/3/punct/PUNCT/-RRB-",
        "apposition", ("Vindebyørevej", "be", "Taasinge"), "apposition_places_an_address",
    ),
    (
        "a caption: a label and its value",
        "Image/0/ROOT/NOUN/NN :/0/punct/PUNCT/: Danny/3/compound/PROPN/NNP/Danny/B-PERSON "
        "Newman/0/appos/PROPN/NNP/Newman/I-PERSON ./0/punct/PUNCT/.",
        "apposition", ("Image", "be", "Newman"), "apposition_after_label",
    ),
    (
        "a citation in brackets",
        "the/2/det/DET/DT source/2/compound/NOUN/NN material/2/ROOT/NOUN/NN (/4/punct/PUNCT/-LRB- "
        "Martin/2/appos/PROPN/NNP ,/4/punct/PUNCT/, 2000/4/npadvmod/NUM/CD/2000/B-DATE "
        ")/4/punct/PUNCT/-RRB-",
        "apposition", ("material", "be", "Martin"), "apposition_of_numbers",
    ),
    (
        "two names side by side that are no places",
        "Florence/1/compound/PROPN/NNP Place/1/ROOT/PROPN/NNP ,/1/punct/PUNCT/, "
        "Florence/4/compound/PROPN/NNP Avenue/1/appos/PROPN/NNP",
        "apposition", ("Place", "be", "Avenue"), "apposition_names_side_by_side",
    ),
    (
        "a place and its region is a fact of its own",
        "Cambridge/0/ROOT/PROPN/NNP/Cambridge/B-GPE ,/0/punct/PUNCT/, "
        "Massachusetts/0/appos/PROPN/NNP/Massachusetts/B-GPE",
        "apposition", ("Cambridge", "be in", "Massachusetts"), None,
    ),
    (
        "a title and the person who holds it",
        "the/1/det/DET/DT Regent/1/ROOT/PROPN/NNP ,/1/punct/PUNCT/, "
        "Tsarevna/5/compound/PROPN/NNP/Tsarevna/B-PERSON "
        "Sophia/5/compound/PROPN/NNP/Sophia/I-PERSON "
        "Alekseyevna/1/appos/PROPN/NNP/Alekseyevna/I-PERSON",
        "apposition", ("Regent", "be", "Alekseyevna"), None,
    ),
    (
        "a player and his club in brackets",
        "Kevin/1/compound/PROPN/NNP/Kevin/B-PERSON Morgan/5/nsubj/PROPN/NNP/Morgan/I-PERSON "
        "(/1/punct/PUNCT/-LRB- Newport/1/appos/PROPN/NNP/Newport/B-ORG )/1/punct/PUNCT/-RRB- "
        "starts/5/ROOT/VERB/VBZ/start ./5/punct/PUNCT/.",
        "apposition", ("Morgan", "be", "Newport"), "apposition_bracketed_affiliation",
    ),
    (
        "a name and the same name the other way round",
        "Natsuko/1/compound/PROPN/NNP/Natsuko/B-PERSON Higuchi/1/ROOT/PROPN/NNP/Higuchi/I-PERSON "
        "(/4/punct/PUNCT/-LRB- Higuchi/4/compound/PROPN/NNP Natsuko/1/appos/PROPN/NNP "
        ")/4/punct/PUNCT/-RRB-",
        "apposition", ("Higuchi", "be", "Natsuko"), None,
    ),
    (
        "an aside past the phrase's own list",
        "Newark/1/compound/PROPN/NNP Airport/1/ROOT/PROPN/NNP ,/1/punct/PUNCT/, "
        "Teterboro/1/conj/PROPN/NNP (/6/punct/PUNCT/-LRB- general/6/amod/ADJ/JJ "
        "aviation/1/appos/NOUN/NN )/6/punct/PUNCT/-RRB-",
        "apposition", ("Airport", "be", "aviation"), "apposition_past_a_list",
    ),
    (
        "a description past a nearer name",
        "members/0/ROOT/NOUN/NNS/member of/0/prep/ADP/IN the/3/det/DET/DT "
        "Society/1/pobj/PROPN/NNP/Society/B-ORG ,/0/punct/PUNCT/, a/6/det/DET/DT "
        "group/0/appos/NOUN/NN",
        "apposition", ("members", "be", "group"), "apposition_past_a_name",
    ),
    (
        "a substitution",
        "two/1/nummod/NUM/CD changes/1/ROOT/NOUN/NNS/change ,/1/punct/PUNCT/, "
        "Sutton/1/appos/PROPN/NNP/Sutton/B-PERSON for/3/prep/ADP/IN "
        "Maloney/4/pobj/PROPN/NNP/Maloney/B-PERSON",
        "apposition", ("changes", "be", "Sutton"), "substitution",
    ),
    (
        "a title read as a clause",
        "Bening/2/nsubjpass/PROPN/NNP/Bening/B-PERSON was/2/auxpass/AUX/VBD/be "
        "nominated/2/ROOT/VERB/VBN/nominate for/2/prep/ADP/IN Being/3/pcomp/AUX/VBG/be "
        "Julia/4/attr/PROPN/NNP/Julia/B-PERSON ./2/punct/PUNCT/.",
        "pcomp", ("Bening", "be", "Julia"), "title_read_as_clause",
    ),
    (
        "a relative clause whose verb disagrees with its noun",
        "bulb/0/ROOT/NOUN/NN from/0/prep/ADP/IN CFL/1/pobj/PROPN/NNP/CFL/B-ORG "
        "that/4/nsubj/PRON/WDT are/2/relcl/AUX/VBP/be efficient/4/acomp/ADJ/JJ",
        "copula", ("CFL", "be", "efficient"), "disagreeing_noun",
    ),
    (
        "a participle hung on a date",
        "ideas/0/ROOT/NOUN/NNS/idea on/0/prep/ADP/IN a/3/det/DET/DT "
        "Monday/1/pobj/PROPN/NNP/Monday/B-DATE coming/3/acl/VERB/VBG/come from/4/prep/ADP/IN "
        "staff/5/pobj/NOUN/NN",
        "acl", ("Monday", "come from", "staff"), "clause_on_a_date",
    ),
    (
        "an indirect question",
        "we/1/nsubj/PRON/PRP counted/1/ROOT/VERB/VBD/count how/3/advmod/SCONJ/WRB "
        "many/4/amod/ADJ/JJ spores/5/nsubj/NOUN/NNS/spore were/1/ccomp/AUX/VBD/be "
        "alive/5/acomp/ADJ/JJ",
        "copula", ("spores", "be", "alive"), "indirect_question",
    ),
    (
        "an object past a coordinated verb with its own object is that verb's",
        _ENJOYED_AND_ENDURED,
        "svo", ("Lodz", "enjoy", "unemployment"), "object_past_a_verb",
    ),
    (
        "an object before the coordinated verb is the clause's own",
        _ENJOYED_AND_ENDURED,
        "svo", ("Lodz", "enjoy", "growth"), None,
    ),
    (
        "a coordinated verb with no object of its own shares the object",
        "dealers/1/nsubj/NOUN/NNS/dealer bought/1/ROOT/VERB/VBD/buy and/1/cc/CCONJ/CC "
        "sold/1/conj/VERB/VBD/sell cars/1/dobj/NOUN/NNS/car",
        "svo", ("dealers", "buy", "cars"), None,
    ),
    (
        "a participle after a list",
        "diary/0/ROOT/NOUN/NN of/0/prep/ADP/IN life/1/pobj/NOUN/NN and/2/cc/CCONJ/CC "
        "times/2/conj/NOUN/NNS/time ,/2/punct/PUNCT/, written/2/acl/VERB/VBN/write "
        "in/6/prep/ADP/IN English/7/pobj/PROPN/NNP/English/B-LANGUAGE",
        "acl", ("life", "be written in", "English"), "participle_past_a_phrase",
    ),
    (
        "a participle after the object of \"of\"",
        "property/0/ROOT/NOUN/NN of/0/prep/ADP/IN descendants/1/pobj/NOUN/NNS/descendant "
        ",/2/punct/PUNCT/, located/2/acl/VERB/VBN/locate on/4/prep/ADP/IN "
        "corner/5/pobj/NOUN/NN",
        "acl", ("descendants", "be located on", "corner"), "participle_past_a_phrase",
    ),
    (
        "the preposition of the verb, not of the participle",
        "Countries/2/nsubj/NOUN/NNS/country must/2/aux/AUX/MD spend/2/ROOT/VERB/VB "
        "the/4/det/DET/DT cash/2/dobj/NOUN/NN saved/4/acl/VERB/VBN/save on/5/prep/ADP/IN "
        "health/6/pobj/NOUN/NN",
        "acl", ("cash", "be saved on", "health"), "preposition_of_the_verb",
    ),
    (
        "a participle with a preposition of its own",
        "hospital/1/nsubj/NOUN/NN treated/1/ROOT/VERB/VBD/treat patients/1/dobj/NOUN/NNS/patient "
        "wounded/2/acl/VERB/VBN/wound in/3/prep/ADP/IN the/6/det/DET/DT attack/4/pobj/NOUN/NN",
        "acl", ("patients", "be wounded in", "attack"), None,
    ),
    (
        "an inverted auxiliary standing for the clause before",
        "Britain/3/nsubj/PROPN/NNP/Britain/B-GPE did/3/aux/AUX/VBD/do not/3/neg/PART/RB "
        "sign/3/ROOT/VERB/VB the/5/det/DET/DT treaty/3/dobj/NOUN/NN ,/3/punct/PUNCT/, "
        "nor/3/cc/CCONJ/CC did/3/conj/VERB/VBD/do France/8/dobj/PROPN/NNP/France/B-GPE",
        "conj", ("Britain", "do", "France"), "elliptical_clause",
    ),
    (
        "a range after a comma lists who, it is no argument",
        "figures/2/nsubj/NOUN/NNS/figure will/2/aux/AUX/MD put/2/ROOT/VERB/VB in/2/prt/ADP/RP "
        "an/5/det/DET/DT appearance/2/dobj/NOUN/NN ,/2/punct/PUNCT/, from/2/prep/ADP/IN "
        "Bono/7/pobj/PROPN/NNP/Bono/B-PERSON to/2/prep/ADP/IN "
        "Angelina/11/compound/PROPN/NNP/Angelina/B-PERSON Jolie/9/pobj/PROPN/NNP/Jolie/I-PERSON",
        "named_prep", ("figures", "put in to", "Jolie"), "range_aside",
    ),
    (
        "a verb that means something else without its second complement",
        "barons/1/nsubj/NOUN/NNS/baron turned/1/ROOT/VERB/VBD/turn the/3/det/DET/DT "
        "area/1/dobj/NOUN/NN into/1/prep/ADP/IN a/6/det/DET/DT trove/4/pobj/NOUN/NN",
        "svo", ("barons", "turn", "area"), "lost_second_complement",
    ),
    (
        "a noun a verb says its object is",
        "commentators/1/nsubj/NOUN/NNS/commentator called/1/ROOT/VERB/VBD/call "
        "replication/1/dobj/NOUN/NN/replication the/4/det/DET/DT standard/1/oprd/NOUN/NN/standard",
        "svo", ("commentators", "call", "standard"), "predicate_of_the_object",
    ),
    (
        "an adjective after a judged object says what it was found (lee_background)",
        "panel/1/nsubj/NOUN/NN/panel found/1/ROOT/VERB/VBD/find members/1/dobj/NOUN/NNS/member "
        "guilty/2/amod/ADJ/JJ/guilty",
        "svo", ("panel", "find", "members"), "predicate_of_the_object",
    ),
    (
        "an adjective after the object of leave says what it was left (lee_background)",
        "bombings/1/nsubj/NOUN/NNS/bombing left/1/ROOT/VERB/VBD/leave "
        "civilians/1/dobj/NOUN/NNS/civilian dead/1/oprd/ADJ/JJ/dead",
        "svo", ("bombings", "leave", "civilians"), "predicate_of_the_object",
    ),
    (
        "an adjective after the object of another verb, kept",
        "panel/1/nsubj/NOUN/NN/panel met/1/ROOT/VERB/VBD/meet members/1/dobj/NOUN/NNS/member "
        "present/2/amod/ADJ/JJ/present",
        "svo", ("panel", "meet", "members"), None,
    ),
    (
        "a name a verb says its object is, kept",
        "team/1/nsubj/NOUN/NN/team named/1/ROOT/VERB/VBD/name robot/1/dobj/NOUN/NN/robot "
        "Robogee/1/oprd/PROPN/NNP/Robogee",
        "svo", ("team", "name", "Robogee"), None,
    ),
    (
        "the object of a verb of judging before to be",
        "Riders/1/nsubj/NOUN/NNS/rider find/1/ROOT/VERB/VBP/find land/1/dobj/NOUN/NN/land "
        "to/4/aux/PART/TO be/1/xcomp/AUX/VB/be hard/4/acomp/ADJ/JJ/hard",
        "svo", ("Riders", "find", "land"), "judged_object",
    ),
    (
        "take with an adverb of regard after its object",
        "maids/1/nsubj/NOUN/NNS/maid take/1/ROOT/VERB/VBP/take job/1/dobj/NOUN/NN/job "
        "seriously/1/advmod/ADV/RB/seriously",
        "svo", ("maids", "take", "job"), "taken_as",
    ),
    (
        "a conjunct with the preposition of its own: a gapped clause",
        "medal/1/nsubj/NOUN/NN/medal went/1/ROOT/VERB/VBD/go to/1/prep/ADP/IN "
        "Poland/2/pobj/PROPN/NNP/Poland and/3/cc/CCONJ/CC bronze/3/conj/NOUN/NN/bronze "
        "to/5/prep/ADP/IN Armenia/6/pobj/PROPN/NNP/Armenia",
        "prep", ("medal", "go to", "bronze"), "gapped_clause",
    ),
    (
        "a named place after an event object",
        "Washington/1/nsubj/PROPN/NNP/Washington/B-PERSON began/1/ROOT/VERB/VBD/begin "
        "his/3/poss/PRON/PRP$ retreat/1/dobj/NOUN/NN through/1/prep/ADP/IN "
        "Jersey/4/pobj/PROPN/NNP/Jersey/B-GPE",
        "named_prep", ("Washington", "begin through", "Jersey"), "phrase_of_the_object",
    ),
    (
        "the end of a title another argument names whole",
        "Knightley/1/nsubj/PROPN/NNP/Knightley/B-PERSON starred/1/ROOT/VERB/VBD/star "
        "in/1/prep/ADP/IN Pride/2/pobj/PROPN/NNP and/3/cc/CCONJ/CC Prejudice/3/conj/PROPN/NNP "
        "./1/punct/PUNCT/.",
        "prep", ("Knightley", "star in", "Prejudice"), "inside_a_title",
    ),
    (
        "a label after the apposition, its value after the colon",
        "Avenue/0/ROOT/PROPN/NNP ,/0/punct/PUNCT/, tel/0/appos/NOUN/NN :/2/punct/PUNCT/: "
        "3737/2/appos/NUM/CD",
        "apposition", ("Avenue", "be", "tel"), "apposition_after_label",
    ),
    (
        "an adverb as subject",
        "back/1/nsubj/ADV/RB is/1/ROOT/AUX/VBZ/be cheap/1/acomp/ADJ/JJ ./1/punct/PUNCT/.",
        "copula", ("back", "be", "cheap"), "function_word_argument",
    ),
    (
        "a subject across a colon from its verb",
        "hours/4/nsubj/NOUN/NNS/hour :/0/punct/PUNCT/: Main/3/compound/PROPN/NNP "
        "Street/0/appos/PROPN/NNP is/4/ROOT/AUX/VBZ/be the/6/det/DET/DT "
        "section/4/attr/NOUN/NN ./4/punct/PUNCT/.",
        "copula", ("hours", "be", "section"), "across_a_separator",
    ),
    (
        "a verb read as a plural noun, its object as an apposition",
        "a/2/det/DET/DT moving/2/amod/ADJ/JJ fluid/3/compound/NOUN/NN "
        "exchanges/3/ROOT/NOUN/NNS/exchange its/6/poss/PRON/PRP$ kinetic/6/amod/ADJ/JJ "
        "energy/3/appos/NOUN/NN",
        "apposition", ("exchanges", "be", "energy"), "unmarked_apposition",
    ),
    (
        "a relative who hung on a place after another noun's preposition",
        "hopefuls/0/ROOT/NOUN/NNS/hopeful from/0/prep/ADP/IN Yemen/1/pobj/PROPN/NNP/Yemen/B-GPE "
        "who/4/nsubj/PRON/WP applied/2/relcl/VERB/VBD/apply before/4/prep/ADP/IN "
        "summer/5/pobj/NOUN/NN",
        "relcl", ("Yemen", "apply before", "summer"), "who_on_a_place",
    ),
    (
        "a relative who on a place with no other noun to be about",
        "Look/0/ROOT/VERB/VB/look at/0/prep/ADP/IN Turkey/1/pobj/PROPN/NNP/Turkey/B-GPE "
        ",/2/punct/PUNCT/, who/6/nsubj/PRON/WP is/6/aux/AUX/VBZ/be "
        "knocking/2/relcl/VERB/VBG/knock on/6/prep/ADP/IN doors/7/pobj/NOUN/NNS/door",
        "relcl", ("Turkey", "knock on", "doors"), None,
    ),
    (
        "an apposition that is an example of the phrase",
        "mechanics/0/ROOT/NOUN/NNS ,/0/punct/PUNCT/, especially/3/advmod/ADV/RB "
        "fluid/4/amod/ADJ/JJ mechanics/0/appos/NOUN/NNS",
        "apposition", ("mechanics", "be", "mechanics"), "apposition_of_an_example",
    ),
    (
        "an object cut off inside a hyphenated word",
        "outfits/1/nsubj/NOUN/NNS/outfit offered/1/ROOT/VERB/VBD/offer a/3/det/DET/DT "
        "cross~/1/dobj/NOUN/NN -~/1/punct/PUNCT/HYPH section/1/dobj/NOUN/NN",
        "svo", ("outfits", "offer", "cross"), "part_of_a_word",
    ),
    (
        "a hyphenated word kept whole",
        "outfits/1/nsubj/NOUN/NNS/outfit offered/1/ROOT/VERB/VBD/offer a/5/det/DET/DT "
        "cross~/5/compound/NOUN/NN -~/5/punct/PUNCT/HYPH section/1/dobj/NOUN/NN",
        "svo", ("outfits", "offer", "section"), None,
    ),
    (
        "an object after a 'that' hung on the verb: a clause",
        "Daniel/1/nsubj/PROPN/NNP realised/1/ROOT/VERB/VBD/realise that/1/dobj/SCONJ/IN "
        "a/6/det/DET/DT moving/6/amod/VERB/VBG fluid/6/amod/NOUN/NN "
        "exchanges/1/dobj/NOUN/NNS/exchange",
        "svo", ("Daniel", "realise", "exchanges"), "object_after_that",
    ),
    (
        "a noun after 'with' in the state a particle gives it",
        "player/2/nsubjpass/NOUN/NN was/2/auxpass/AUX/VBD/be caught/2/ROOT/VERB/VBN/catch "
        "with/2/prep/ADP/IN their/5/poss/PRON/PRP$ headset/3/pobj/NOUN/NN off/2/advmod/ADP/RP",
        "passive", ("player", "be caught with", "headset"), "with_a_state",
    ),
    (
        "a noun after 'with' and no state",
        "player/2/nsubjpass/NOUN/NN was/2/auxpass/AUX/VBD/be caught/2/ROOT/VERB/VBN/catch "
        "with/2/prep/ADP/IN their/5/poss/PRON/PRP$ headset/3/pobj/NOUN/NN",
        "passive", ("player", "be caught with", "headset"), None,
    ),
    (
        "an object that only modifies the noun after it",
        "facet/1/nsubj/NOUN/NN is/1/ROOT/AUX/VBZ/be the/3/det/DET/DT day/1/attr/NOUN/NN "
        "to/3/prep/ADP/IN day/4/pobj/NOUN/NN business/3/appos/NOUN/NN",
        "copula", ("facet", "be", "day"), "modifier_of_the_next_noun",
    ),
    (
        "an object with an apposition after a comma",
        "guest/1/nsubj/NOUN/NN is/1/ROOT/AUX/VBZ/be the/3/det/DET/DT mayor/1/attr/NOUN/NN "
        ",/3/punct/PUNCT/, a/6/det/DET/DT lawyer/3/appos/NOUN/NN",
        "copula", ("guest", "be", "mayor"), None,
    ),
    (
        "a naming participle misread as a verb with a subject",
        "podcast/0/ROOT/NOUN/NN with/0/prep/ADP/IN Solomita/3/nsubj/PROPN/NNP "
        "called/1/pcomp/VERB/VBD/call Podcast/3/oprd/PROPN/NNP",
        "svo", ("Solomita", "call", "Podcast"), "naming_participle",
    ),
    (
        "someone calls someone something",
        "friends/1/nsubj/NOUN/NNS/friend called/1/ROOT/VERB/VBD/call her/1/dobj/PRON/PRP "
        "Jenna/1/oprd/PROPN/NNP",
        "svo", ("friends", "call", "her"), None,
    ),
    (
        "an adjective read as the object of a participle",
        "balls/1/nsubj/NOUN/NNS/ball colored/1/ROOT/VERB/VBD/color blue/1/dobj/ADJ/JJ "
        "and/2/cc/CCONJ/CC orange/2/conj/ADJ/JJ",
        "svo", ("balls", "color", "orange"), "adjective_object",
    ),
    (
        "a noun object after an adjective",
        "they/1/nsubj/PRON/PRP need/1/ROOT/VERB/VBP/need more/3/amod/ADJ/JJR "
        "money/1/dobj/NOUN/NN",
        "svo", ("they", "need", "money"), None,
    ),
    (
        "a gerund with a subject of its own as the sentence's verb",
        "legend/3/nsubj/NOUN/NN of/0/prep/ADP/IN Galois/1/pobj/PROPN/NNP "
        "pouring/3/ROOT/VERB/VBG/pour thoughts/3/dobj/NOUN/NNS/thought",
        "svo", ("legend", "pour", "thoughts"), "gerund_with_a_subject",
    ),
    (
        "an absolute gerund after 'with' states what it says",
        "Belgium/1/nsubj/PROPN/NNP started/1/ROOT/VERB/VBD/start with/1/prep/ADP/IN "
        "Mertens/4/nsubj/PROPN/NNP making/2/pcomp/VERB/VBG/make attempts/4/dobj/NOUN/NNS/attempt",
        "svo", ("Mertens", "make", "attempts"), None,
    ),
    (
        "a description right after its name",
        "Exeter/1/compound/PROPN/NNP/Exeter/B-ORG School/1/ROOT/PROPN/NNP/School/I-ORG "
        ",/1/punct/PUNCT/, an/5/det/DET/DT independent/5/amod/ADJ/JJ school/1/appos/NOUN/NN",
        "apposition", ("School", "be", "school"), None,
    ),
    (
        "an e-mail address after a name is no apposition",
        "Daniela/2/compound/PROPN/NNP/Daniela/B-PERSON Karine/2/compound/PROPN/NNP/Karine/I-PERSON "
        "Ramos/2/ROOT/PROPN/NNP/Ramos/I-PERSON dadaniela@gmail.com/2/appos/NOUN/NN",
        "apposition", ("Ramos", "be", "dadaniela@gmail.com"), "email_address",
    ),
    (
        "an e-mail address read as the verb of an author line",
        "Claire/1/compound/PROPN/NNP/Claire/B-PERSON Ross/2/nsubj/PROPN/NNP/Ross/I-PERSON "
        "claire.ross@port.ac.uk/2/ROOT/PROPN/NNP University/2/dobj/PROPN/NNP",
        "svo", ("Ross", "claire.ross@port.ac.uk", "University"), "email_address",
    ),
    (
        "a ranked noun cut from its to-infinitive",
        "She/1/nsubj/PRON/PRP was/1/ROOT/AUX/VBD/be the/4/det/DET/DT third/4/amod/ADJ/JJ "
        "woman/1/attr/NOUN/NN to/6/aux/PART/TO appear/4/relcl/VERB/VB/appear",
        "copula", ("She", "be", "woman"), "cut_ranking_complement",
    ),
    (
        "a ranked noun with nothing after it",
        "She/1/nsubj/PRON/PRP was/1/ROOT/AUX/VBD/be the/4/det/DET/DT third/4/amod/ADJ/JJ "
        "woman/1/attr/NOUN/NN",
        "copula", ("She", "be", "woman"), None,
    ),
    (
        "a ranking adverb on the noun's adjective ranks the noun: 'the only scheduled service'",
        "It/1/nsubj/PRON/PRP was/1/ROOT/AUX/VBD/be the/5/det/DET/DT only/4/advmod/ADV/RB "
        "scheduled/5/amod/VERB/VBN/schedule service/1/attr/NOUN/NN to/7/aux/PART/TO "
        "run/5/relcl/VERB/VB/run",
        "copula", ("It", "be", "service"), "cut_ranking_complement",
    ),
    (
        "one more of a kind is not ranked: 'a third goal'",
        "She/1/nsubj/PRON/PRP scored/1/ROOT/VERB/VBD/score a/4/det/DET/DT third/4/amod/ADJ/JJ "
        "goal/1/dobj/NOUN/NN to/6/aux/PART/TO win/4/relcl/VERB/VB/win",
        "svo", ("She", "score", "goal"), None,
    ),
]


@pytest.mark.parametrize(("name", "spec", "construction", "fact", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_veto_on_a_hand_built_parse(name, spec, construction, fact, expected):
    doc = parse(spec)
    found = {(f.subject.text, f.predicate, f.object.text): f for f in iter_facts(doc[:])
             if f.construction == construction}
    assert fact in found, sorted(found)
    assert veto(found[fact]) == expected


def test_every_veto_has_a_unique_name_and_says_why():
    names = [row.name for row in GRAPH_VETOES]
    assert len(names) == len(set(names))
    ours = {getattr(misreadings, name) for name in misreadings.__all__} | {
        test for _name, test in APPOSITION_SHAPES}
    assert ours <= {row.applies_to for row in GRAPH_VETOES}  # every misreading is a row
    for row in GRAPH_VETOES:
        assert row.applies_to.__doc__ and len(row.applies_to.__doc__) > 40
    assert {case[4] for case in CASES} - {None} <= set(names)
