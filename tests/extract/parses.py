"""Hand-built parses for rule tests: a rule's test must not break when the model changes.

Each token is written ``word/head/dep/pos/tag/lemma[/ent]`` with ``head`` the absolute index
of the head token (the token's own index for the root); ``ent`` is an IOB tag such as
``B-PERSON``. Missing ``lemma`` defaults to the lower-cased word. A word written with a final
``~`` has no space after it ("cross~/..." "-~/..." "section/..." is "cross-section").
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

__all__ = ["VOCAB", "parse"]

VOCAB = spacy.blank("en").vocab
_NO_SPACE_BEFORE = frozenset({"'s", "'", ",", ".", ")", ":", ";", "n't"})


def parse(spec: str) -> Doc:
    """Build a parsed Doc from whitespace-separated ``word/head/dep/pos/tag[/lemma[/ent]]``.

    >>> doc = parse("Xu/1/nsubj/PROPN/NNP/Xu/B-PERSON ran/1/ROOT/VERB/VBD/run")
    >>> [(t.text, t.dep_, t.head.text, t.lemma_, t.ent_type_) for t in doc]
    [('Xu', 'nsubj', 'ran', 'Xu', 'PERSON'), ('ran', 'ROOT', 'ran', 'run', '')]
    """
    words, heads, deps, pos, tags, lemmas, ents = [], [], [], [], [], [], []
    glued: list[bool] = []
    for item in spec.split():
        parts = item.split("/")
        word, head, dep, upos, tag = parts[:5]
        glued.append(len(word) > 1 and word.endswith("~"))
        word = word[:-1] if glued[-1] else word
        words.append(word.replace("_", " ") if word != "_" else word)
        heads.append(int(head))
        deps.append(dep)
        pos.append(upos)
        tags.append(tag)
        lemmas.append(parts[5] if len(parts) > 5 and parts[5] else word.lower())
        ents.append(parts[6] if len(parts) > 6 else "O")
    spaces = [
        not (n + 1 < len(words) and words[n + 1] in _NO_SPACE_BEFORE) and word != "(" and
        n + 1 < len(words) and not glued[n]
        for n, word in enumerate(words)
    ]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas,
               ents=ents, spaces=spaces)
