"""The gold identity scorer (benchmarks/gum/identity.py) on small hand-made cases.

Each case is a few gold mentions and kg arguments written out by hand, with the figures worked
out on paper, so the definitions of the module docstring are what the code computes.
"""

from __future__ import annotations

import pytest

from benchmarks.gum.identity import Argument, align, score


def gold(doc, start, end, text, entity, identity=None, *, min_span=None, link="coref"):
    lo, hi = min_span or (start, end)
    return {"doc": doc, "start": start, "end": end, "text": text, "entity": entity,
            "identity": identity, "min_start": lo, "min_end": hi, "min_text": text[lo - start:hi - start],
            "link": link}


def arg(doc, start, end, node, text, *, head=None, rules=(), label=""):
    return Argument(doc, start, end, start if head is None else head, node, text, rules, label)


# "the King of Athens ruled Athens ." : the king (entity 1) and the city (entity 2, nested).
KING = [gold("d", 0, 18, "the King of Athens", "1", None, min_span=(4, 8)),
        gold("d", 12, 18, "Athens", "2", "Athens"),
        gold("d", 25, 31, "Athens", "2", "Athens")]


def test_align_takes_the_exact_span_then_the_head_then_the_enclosing_mention():
    arguments = [
        arg("d", 0, 18, "k", "the King of Athens"),           # exact span
        arg("d", 4, 18, "k", "King of Athens", head=4),       # head "King" in the king's min span
        arg("d", 12, 18, "a", "Athens"),                      # exact span, the nested city
        arg("d", 25, 32, "a", "Athens ", head=25),            # white space left out
        arg("d", 9, 11, "x", "of", head=9),                   # only the king's whole span has it
        arg("d", 40, 42, "y", "it", head=40),                 # no gold mention: unaligned
        arg("e", 0, 6, "a", "Athens"),                        # another document
    ]
    assert align(arguments, KING) == [0, 0, 1, 2, 0, None, None]


def test_align_prefers_the_innermost_minimal_span():
    mentions = [gold("d", 0, 24, "Madame Tussauds New York", "1", "Madame_Tussauds"),
                gold("d", 16, 24, "New York", "2", "New_York_City")]
    # The parse's head is "York": the exact span wins over the nested city ...
    assert align([arg("d", 0, 24, "m", "Madame Tussauds New York", head=20)], mentions) == [0]
    # ... and without it, the innermost minimal span holding the head is the city.
    assert align([arg("d", 10, 24, "m", "ussauds New York", head=20)], mentions) == [1]


def test_within_pairs_count_named_mentions_and_their_gold_entity():
    # Three mentions of Athens (two titled, a pronoun of the same entity), one of the king.
    mentions = [*KING, gold("d", 32, 34, "it", "2", "Athens")]
    arguments = [arg("d", 0, 18, "king", "the King of Athens"),
                 arg("d", 12, 18, "athens", "Athens"),
                 arg("d", 25, 31, "athens", "Athens"),
                 arg("d", 32, 34, "king", "it", label="King")]   # wrong: "it" joined the king
    figures = score(arguments, mentions)
    # Pairs (all have a named mention): same = {A1-A2, A1-it, A2-it} = 3;
    # joined = {king-it, A1-A2} = 2, of which A1-A2 is same.
    assert figures["within"] == {"precision": 0.5, "recall": round(1 / 3, 4), "f1": 0.4,
                                 "joined": 2, "same": 3, "joined_and_same": 1}
    assert figures["errors_within"]["wrong join name-pronoun [same key]"]["pairs"] == 1
    assert figures["errors_within"]["split name-pronoun"]["pairs"] == 2


def test_pairs_of_unnamed_mentions_are_scored_only_in_within_all():
    mentions = [gold("d", 0, 8, "the city", "1"), gold("d", 10, 18, "the city", "2")]
    arguments = [arg("d", 0, 8, "city", "the city"), arg("d", 10, 18, "city", "the city")]
    figures = score(arguments, mentions)
    assert figures["within"]["joined"] == 0 and figures["within"]["same"] == 0
    assert figures["within_all"]["joined"] == 1 and figures["within_all"]["precision"] == 0.0


def test_one_title_with_two_entity_ids_is_one_thing_in_a_document():
    mentions = [gold("d", 0, 10, "Harry Kane", "16", "Harry_Kane"),
                gold("d", 20, 30, "Harry Kane", "115", "Harry_Kane")]
    arguments = [arg("d", 0, 10, "harry kane", "Harry Kane"),
                 arg("d", 20, 30, "harry kane", "Harry Kane")]
    assert score(arguments, mentions)["within"]["precision"] == 1.0


def test_predicative_and_appositive_mentions_are_not_scored():
    mentions = [gold("d", 0, 16, "Daniel Bernoulli", "1", "Daniel_Bernoulli"),
                gold("d", 21, 42, "a Swiss mathematician", "1", "Daniel_Bernoulli",
                     min_span=(29, 42), link="pred")]
    arguments = [arg("d", 0, 16, "daniel bernoulli", "Daniel Bernoulli"),
                 arg("d", 21, 42, "mathematician@d", "a Swiss mathematician", head=29)]
    figures = score(arguments, mentions)
    assert figures["gold_mentions_scored"] == 1
    assert figures["within"]["same"] == 0


def test_across_documents_same_title_is_one_thing_and_other_joins_are_wrong():
    mentions = [gold("a", 0, 5, "Paris", "1", "Paris"),
                gold("b", 0, 5, "Paris", "7", "Paris_(mythology)"),
                gold("c", 0, 6, "France", "3", "France"),
                gold("d", 0, 6, "France", "9", "France"),
                gold("d", 10, 19, "the model", "4")]
    arguments = [arg("a", 0, 5, "paris", "Paris"), arg("b", 0, 5, "paris", "Paris"),
                 arg("c", 0, 6, "france", "France"), arg("d", 0, 6, "french", "France"),
                 arg("d", 10, 19, "paris", "the model", head=14)]
    figures = score(arguments, mentions, readable=["a", "b"])
    # joined across: Paris(a)-Paris(b), Paris(a)-model(d), Paris(b)-model(d); none is same.
    # same across: France(c)-France(d), split.
    assert figures["across"]["joined"] == 3 and figures["across"]["joined_and_same"] == 0
    assert figures["across"]["same"] == 1 and figures["across"]["recall"] == 0.0
    errors = figures["errors_across"]
    assert errors["wrong join name-name [same key]"]["pairs"] == 1
    # examples only where both documents may be read
    assert errors["wrong join name-name [same key]"]["examples"]
    assert errors["split name-name"]["examples"] == []
    # the baseline joins equal texts: Paris-Paris (wrong), France-France (right)
    assert figures["baseline_across"]["joined"] == 2
    assert figures["baseline_across"]["joined_and_same"] == 1


def test_coverage_and_nodes_per_entity():
    mentions = [gold("a", 0, 5, "Paris", "1", "Paris"), gold("a", 10, 15, "Paris", "1", "Paris"),
                gold("a", 20, 26, "France", "2", "France"),
                gold("b", 0, 5, "Paris", "1", "Paris"), gold("b", 9, 14, "Spain", "2", "Spain")]
    arguments = [arg("a", 0, 5, "paris", "Paris"), arg("a", 10, 15, "paris city", "Paris"),
                 arg("b", 0, 5, "paris", "Paris")]
    coverage = score(arguments, mentions)["coverage"]
    assert (coverage["named_entities"], coverage["covered"]) == (4, 2)
    assert coverage["coverage"] == 0.5
    assert coverage["nodes_per_entity"] == 1.5       # Paris in a: 2 nodes, in b: 1
    assert coverage["one_node_share"] == 0.5
    assert coverage["nodes_per_identity_corpus"] == 2.0


def _norton(pronoun_node, *, dropped=False):
    mentions = [gold("d", 0, 6, "Norton", "1", "Joshua_Norton"),
                gold("d", 7, 12, "Rasmus", "2", "Rasmus_Rask"),
                gold("d", 20, 22, "he", "1", "Joshua_Norton"),
                gold("d", 30, 32, "It", "3")]
    arguments = [arg("d", 0, 6, "norton", "Norton"), arg("d", 7, 12, "rasmus", "Rasmus"),
                 arg("d", 20, 22, None if dropped else pronoun_node, "he",
                     label=pronoun_node.title())]
    return mentions, arguments


@pytest.mark.parametrize(("node", "right"), [("norton", 1), ("rasmus", 0)])
def test_a_resolved_pronoun_is_right_when_its_node_is_its_entity_s(node, right):
    mentions, arguments = _norton(node)
    pronouns = score(arguments, mentions)["pronouns"]
    assert (pronouns["judged"], pronouns["right"], pronouns["met"]) == (1, right, 1)
    assert pronouns["precision"] == right and pronouns["recall"] == right


def test_an_unresolved_pronoun_counts_for_recall_only():
    mentions, arguments = _norton("norton", dropped=True)
    pronouns = score(arguments, mentions)["pronouns"]
    assert (pronouns["judged"], pronouns["met"], pronouns["recall"]) == (0, 1, 0.0)
    assert pronouns["precision"] == 1.0


def test_a_pronoun_node_without_other_mentions_is_judged_by_its_label_or_left_unjudged():
    mentions = [gold("d", 0, 6, "Norton", "1", "Joshua_Norton"),
                gold("d", 20, 22, "he", "1", "Joshua_Norton")]
    by_label = score([arg("d", 20, 22, "norton", "he", label="Norton")], mentions)["pronouns"]
    assert (by_label["right"], by_label["unjudged"]) == (1, 0)
    unknown = score([arg("d", 20, 22, "emperor", "he", label="Emperor")], mentions)["pronouns"]
    assert (unknown["judged"], unknown["unjudged"]) == (0, 1)


def test_a_resolved_pronoun_gold_marks_as_no_mention_is_wrong():
    mentions = [gold("d", 0, 6, "Norton", "1", "Joshua_Norton")]
    arguments = [arg("d", 0, 6, "norton", "Norton"), arg("d", 10, 12, "norton", "it")]
    pronouns = score(arguments, mentions, readable=["d"])["pronouns"]
    assert (pronouns["judged"], pronouns["right"]) == (1, 0)
    assert pronouns["wrong_examples"] == ["d: 'it'->norton (no gold mention)"]


def test_descriptions_joined_to_a_name_are_judged_against_the_name_s_entity():
    mentions = [gold("d", 0, 6, "Athens", "1", "Athens"),
                gold("d", 10, 18, "the city", "1", "Athens", min_span=(14, 18)),
                gold("d", 20, 28, "the city", "2", min_span=(24, 28)),
                gold("d", 30, 36, "Sparta", "2", "Sparta")]
    arguments = [arg("d", 0, 6, "athens", "Athens"), arg("d", 30, 36, "sparta", "Sparta"),
                 arg("d", 10, 18, "athens", "the city", rules=("definite_description",)),
                 arg("d", 20, 28, "athens", "the city", rules=("definite_description",))]
    descriptions = score(arguments, mentions, readable=[])["descriptions"]
    assert (descriptions["judged"], descriptions["right"]) == (2, 1)
    assert descriptions["wrong_examples"] == []     # nothing shown from unreadable documents


def test_one_gold_mention_takes_the_node_most_of_its_arguments_have():
    mentions = [gold("d", 0, 6, "Norton", "1", "Joshua_Norton"),
                gold("d", 10, 16, "Norton", "1", "Joshua_Norton")]
    arguments = [arg("d", 0, 6, "norton", "Norton"), arg("d", 10, 16, "norton", "Norton"),
                 arg("d", 10, 16, "norton", "Norton"), arg("d", 10, 16, "abraham", "Norton")]
    figures = score(arguments, mentions)
    assert figures["gold_mentions_scored"] == 2
    assert figures["within"]["precision"] == 1.0 and figures["within"]["recall"] == 1.0


@pytest.mark.integration
def test_the_script_scores_a_document_and_prints_json():
    import json

    from tests.benchmarks.test_scripts_run import run_script

    figures = json.loads(run_script("gum_identity.py", "--documents", "GUM_news_afghan",
                                    "--json"))
    assert figures["documents"] == 1 and figures["facts"] > 0
    assert figures["aligned_arguments"] > 0.8 * figures["arguments"]
    for name in ("within", "across", "baseline_within", "coverage", "pronouns", "descriptions"):
        assert name in figures
    assert 0.0 <= figures["within"]["precision"] <= 1.0
    assert figures["pronouns"]["dropped_facts"] >= 0
