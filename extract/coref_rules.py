"""The names of the pronoun rules of :mod:`extract.coref`, with what each one says.

:func:`extract.coref.resolution` returns one of these names with every pronoun it meets: a
rule of :data:`RESOLVED_BY` when it found what the pronoun means, one of
:data:`UNRESOLVED_BY` when it left the pronoun open (the fact is then dropped rather than
invented), so ``kg explain`` can say why. Kept apart so the rules read as code and their
explanations as data. See docs/identity.md.
"""

from __future__ import annotations

__all__ = ["RESOLVED_BY", "UNRESOLVED_BY"]

#: The rules that resolve a pronoun, by name.
RESOLVED_BY = {
    "reflexive": "a reflexive is the subject of its own clause",
    "emphatic_reflexive": "a reflexive beside a name is that name ('copied by Galois himself')",
    "possessive_owner": "a possessive pronoun's own clause has a subject that agrees with it",
    "one_person_in_reach": "exactly one compatible person is named in reach",
    "same_subject": "the person of the pronoun's gender its sentence's main subject, or the "
                    "sentence before's, is ('Daniel was a son of Johann Bernoulli. He had two "
                    "brothers')",
    "document_topic": "no person is named in reach: the person the document is about",
    "topic_subject": "a 'he'/'she' that is its sentence's main subject, where the people "
                     "named in reach are no subjects and every 'he'/'she' subject in reach "
                     "is the person the document is about: that person ('He was wounded at "
                     "the Siege of Savannah' in a life of L'Enfant)",
    "one_thing_in_reach": "exactly one name in reach agrees in number, the subject of its clause",
    "joined_clause_subject": "'it'/'they' is the subject of a clause joined to one whose "
                             "subject is a noun of its number, with no object of that number "
                             "('The aircraft was on approach to the airport when it came "
                             "down')",
    "same_head": "a demonstrative phrase repeats the head of the nearest earlier mention",
}
#: Why a pronoun is left unresolved (its fact is then dropped rather than invented), by name.
UNRESOLVED_BY = {
    "no_clause_subject": "the reflexive's clause has no subject it can take (none of its own, "
                         "none borrowed, or a pronoun left unresolved)",
    "reflexive_in_noun_modifier": "the reflexive's clause modifies a noun and has no subject "
                                  "of its own ('difficulties getting themselves across')",
    "coordinated_subject": "the subject a reflexive or possessive stands for is a coordination: "
                           "no one node is both",
    "slash_pronoun": "'s/he' stands for whoever it is, no one named",
    "rival_person_noun": "a person noun in reach ('the captain') could be meant as well, and "
                         "neither the pronoun's sentence nor, for its own main subject, the "
                         "sentence before has a main subject named after it that the text "
                         "goes on about",
    "no_person_in_reach": "no person is named in reach, and the document has no one topic "
                          "person of that gender",
    "person_noun_in_sentence": "no person is named in reach, and a person noun before the "
                               "pronoun in its sentence may be meant rather than the "
                               "document's topic person ('a young woman who has lost her "
                               "parents')",
    "no_compatible_person": "the people named in reach are all of the other gender",
    "several_people_in_reach": "more than one compatible person is named in reach",
    "earlier_person_spoken_of": "a pronoun of the same gender before that person's first "
                                "mention in reach: someone named earlier may be meant",
    "other_person_spoken_of": "a pronoun of the same gender between that person's mention "
                              "and this one is the object of that person's verb ('Poisson "
                              "asked him'): someone else of that gender is spoken of",
    "other_gender_spoken_of": "the one compatible person in reach is of no known gender, and "
                              "a pronoun of the other gender left open comes after their "
                              "mention: they may be that pronoun's person ('Dumas is alone in "
                              "this assertion, and if he were correct ... she')",
    "main_person_out_of_reach": "the one compatible person in reach is not the person the "
                                "document is mostly about (named three times or more, twice "
                                "as often as anyone else), who may be meant",
    "unknown_name_says": "the pronoun is the subject of what a name says or thinks, a name "
                         "that is no person the document names ('Lyndon Schneiders says he "
                         "hopes', read as an organisation): that name may be the one meant",
    "subject_named_after": "the main subject of the pronoun's sentence, after the pronoun, "
                           "is another person it may mean ('After he won the race, Smith "
                           "said'), named only then",
    "unknown_speaker": "the pronoun is inside a quotation whose speaker, of its gender, is a "
                       "pronoun left unresolved: the speaker may be the one spoken of",
    "quotation_speaker": "the pronoun is inside a quotation whose speaker is in reach: never "
                         "the speaker, who would say 'I', and anyone else a guess",
    "extraposed_it": "'it' stands for the clause after its verb ('It is likely that more "
                     "jobs will go', 'It seems that ...'), never a thing named before",
    "no_thing_in_reach": "no noun in reach agrees in number",
    "several_things_in_reach": "more than one noun in reach agrees in number",
    "coordinated_antecedent": "the one antecedent is a coordination ('Iraq and Russia')",
    "not_a_named_subject": "the one noun in reach is no name that was the subject of its "
                           "clause, too weak a clue",
    "earlier_thing_spoken_of": "a pronoun of the same number before the name in reach: a "
                               "thing spoken of before may be meant",
    "no_earlier_mention": "no earlier mention in reach has the demonstrative phrase's head",
    "never_resolved": "a pronoun kg does not resolve (I, you, we, who, something, ...)",
}
