"""Labels of phrases (``extract.phrases.label_tokens``) on hand-built parses: what a list of
modifiers keeps (issue 24: "the Ernst and Young report" was labelled "Ernst report")."""

from __future__ import annotations

import pytest

from extract.phrases import LONGEST_LABEL, label_tokens
from tests.extract.parses import parse


@pytest.mark.parametrize(
    ("spec", "head", "label"),
    [
        # A list of modifiers stays whole ...
        ("The/4/det/DET/DT Ernst/4/nmod/PROPN/NNP and/1/cc/CCONJ/CC Young/1/conj/PROPN/NNP "
         "report/4/ROOT/NOUN/NN", 4, "Ernst and Young report"),
        ("a/5/det/DET/DT magnificent/5/amod/ADJ/JJ tasteful/1/conj/ADJ/JJ and/2/cc/CCONJ/CC "
         "contemporary/2/conj/ADJ/JJ testament/5/ROOT/NOUN/NN", 5,
         "magnificent tasteful and contemporary testament"),
        # ... unless the label would be a clause: then it goes whole, never in part.
        ("Australian/2/compound/PROPN/NNP Federal/2/compound/PROPN/NNP "
         "Police/8/compound/PROPN/NNP and/2/cc/CCONJ/CC Australian/7/compound/PROPN/NNP "
         "Security/7/compound/PROPN/NNP Intelligence/7/compound/PROPN/NNP "
         "Organisation/2/conj/PROPN/NNP officials/8/ROOT/NOUN/NNS", 8, "officials"),
    ],
)
def test_a_list_of_modifiers_is_kept_whole_or_not_at_all(spec, head, label):
    doc = parse(spec)
    words = [t.text for t in label_tokens(doc[head])]
    assert " ".join(words) == label
    assert len(words) < LONGEST_LABEL
