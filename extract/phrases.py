"""Noun phrases to entity labels: concise labels, canonical keys and full argument spans.

A parsed noun phrase gives three things to a triple:

* the *label*, a concise entity name: the head with its compounds, adjectival and numeric
  modifiers and non-pronoun possessors, without determiners, possessive pronouns, prepositional
  phrases or clauses ("China's big tech giants", "Chinese tech companies");
* the *key*, the label in lower-cased lemma form ("chinese tech company"), so that singular and
  plural, or different casings, of one entity share a node;
* the *argument span*, the whole phrase as written (with its prepositional phrases), which is
  what Open IE benchmarks such as CaRB score.

Everything here walks the children of a few tokens; nothing re-parses or builds sub-docs.
"""

from __future__ import annotations

import numpy
from spacy.attrs import TAG
from spacy.tokens import Token

from extract.doc_arrays import columns, dep_labels, joined_text, token_lowers, token_texts
from extract.doc_memo import once_per_key, per_doc
from extract.lexicon import (
    DASHES,
    EMPTY_ADJECTIVES,
    HONORIFICS,
    LANGUAGE_PREPS,
    LANGUAGE_VERBS,
    NUMERIC_TYPES,
    SPLIT_TITLE_JOINERS,
    STOP_WORDS,
    TIME_TYPES,
    TITLE_AND,
    TITLE_JOINERS,
    TITLE_TYPES,
    TRANSPARENT_NOUNS,
)
from extract.name_spans import place_name_start, quoted_title
from extract.subtitles import colon_subtitle
from kg.keys import SCOPE_MARK

__all__ = [
    "LONGEST_LABEL",
    "title_tail",
    "label_tokens",
    "entity_label",
    "entity_key",
    "entity_label_key",
    "singular_name",
    "entity_type",
    "language_sense",
    "is_citation",
    "argument_bounds",
    "tidy_bounds",
    "doc_text",
    "is_content_argument",
]

#: A complement or a list of modifiers is kept in a label only while the label stays shorter
#: than this many words (here, in :mod:`extract.ranked` and for the "of"/"for" complements of
#: :mod:`extract.entities`); a longer one ("member of suspected terrorist mastermind Osama bin
#: Laden's al Qaeda network") would be a clause-sized node.
LONGEST_LABEL = 8
#: Modifiers kept in a concise label, when they stand left of the head.
_LABEL_DEPS = frozenset({"compound", "amod", "nummod", "poss", "nmod", "quantmod", "npadvmod"})
#: Inside a kept modifier, these grandchildren are kept too ("high-quality", "top-tier").
_INNER_DEPS = _LABEL_DEPS | {"case", "punct", "advmod", "det"}
#: Children that end an argument span on the right: clauses and appositions are facts of
#: their own, conjuncts are arguments of their own.
_CUT_DEPS = frozenset({"relcl", "appos", "cc", "conj", "advcl", "parataxis"})
_OPENERS = {"(": ")", "``": "''", "`": "'", "“": "”", '"': '"', "[": "]", "‘": "’"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


@per_doc("kg.text")
def doc_text(doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token on each access)."""
    return joined_text(doc)


def paragraph_break(token: Token) -> bool:
    """True when ``token`` is whitespace holding a blank line: the end of a paragraph, after
    which a sentence always starts (:func:`extract.pipeline.paragraph_breaks`).

    >>> import spacy
    >>> [paragraph_break(t) for t in spacy.blank("en")("One.\\n\\nTwo.\\nThree.")]
    [False, False, True, False, False, False, False, False]
    """
    return token.is_space and blank_lines(token.text)


def blank_lines(text: str) -> bool:
    """True when whitespace ``text`` holds a blank line (two line breaks or more).

    >>> blank_lines("\\n \\n"), blank_lines(" \\n ")
    (True, False)
    """
    return text.count("\n") > 1


def tagged(doc, tag: str) -> tuple[int, ...]:
    """Indices of the tokens of ``doc`` with the fine tag ``tag`` ("NN"), read once per Doc
    and tag from its array: a scan for one kind of word makes Tokens of those words only.

    >>> from extract.pipeline import load_nlp
    >>> tagged(load_nlp()("The city has a port and two bridges."), "NN")
    (1, 4)
    """
    def indices() -> tuple[int, ...]:
        wanted = numpy.uint64(doc.vocab.strings.add(tag))
        return tuple(numpy.flatnonzero(doc.to_array(TAG) == wanted).tolist())
    return once_per_key(doc, "kg.tagged", tag, indices)


def transparent_head(token: Token) -> Token:
    """Follow "the likes of X" to X; any other token is returned as is.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "likes", "of", "Sora"],
    ...           heads=[1, 1, 1, 2], deps=["det", "ROOT", "prep", "pobj"])
    >>> transparent_head(doc[1]).text
    'Sora'
    """
    if token.lower_ in TRANSPARENT_NOUNS:
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
    return token


def _collect(token: Token, out: list[Token], deps: frozenset[str],
             lists: list[int] | None = None) -> None:
    """Append ``token`` and its label modifiers (``deps``, then :data:`_INNER_DEPS` below them);
    the index of each modifier kept with its conjuncts goes on ``lists``.

    Iterative (each step moves to a child), so it ends on any tree and never hits the
    recursion limit; callers sort the tokens.
    """
    doc, cols = token.doc, columns(token.doc)
    stack = [(token, deps)]
    while stack:
        node, allowed = stack.pop()
        out.append(node)
        for c in cols.children[cols.starts[node.i]:cols.starts[node.i + 1]]:
            if cols.deps[c] != "nummod" and cols.deps[c] not in allowed:
                continue  # no Token made of a child the label leaves out
            child = doc[c]
            if child.dep_ == "nummod" and child.i < node.i and allowed is not _INNER_DEPS:
                # A quantity is kept whole, its head last: "more than two dozen militants",
                # "up to 35 percent" (never "than two militants").
                out.extend(t for t in child.subtree if not t.is_punct)
            elif child.dep_ in allowed and (child.i < node.i or child.dep_ == "case" or (
                    child.dep_ == "amod" and child.pos_ == "NOUN" and child.i == node.i + 1)):
                # ("a shark net" parsed with "net" as an adjective of "shark" stays whole)
                stack.append((child, _INNER_DEPS))
                if child.i < node.i:
                    # A list of modifiers is kept whole: "the Ernst and Young report", "the
                    # Sydney and Melbourne offices" name neither "Ernst report" nor "Sydney
                    # offices".
                    for conj in child.conjuncts:
                        if child.i < conj.i < node.i:
                            if lists is not None and child.i not in lists:
                                lists.append(child.i)
                            stack.append((conj, _INNER_DEPS))
                            out.extend(c for c in conj.head.children
                                       if c.dep_ == "cc" and c.i < conj.i
                                       and all(t.i != c.i for t in out))
                if _one_word(child, node):
                    # "an on-line description", "a rails-to-trails route": a hyphenated
                    # word the parser split is kept whole.
                    out.extend(t for t in child.subtree if t.i > child.i)


def _one_word(modifier: Token, head: Token) -> bool:
    """True when ``modifier`` and what follows it in its subtree are one hyphenated word
    left of ``head`` ("on-line", "rails-to-trails"): joined by hyphens, no space inside."""
    doc = modifier.doc
    end = modifier.right_edge.i
    if end <= modifier.i or end >= head.i or modifier.left_edge.i < modifier.i:
        return False
    words = doc[modifier.i : end + 1]
    return all(not t.whitespace_ for t in words[:-1]) and any(
        t.tag_ == "HYPH" for t in words)


def _hyphenated(tok: Token) -> bool:
    """True for a word joined by a hyphen to the next ("all" in "all-time")."""
    nxt = tok.i + 1
    return not tok.whitespace_ and nxt < len(tok.doc) and tok.doc[nxt].tag_ == "HYPH"


def _title_words(tokens: list[Token]) -> bool:
    """Words of a title: each capitalised or a small joining word, but the last, which may be
    a common noun ("the Match award"), and one at least capitalised."""
    if any(t.is_punct and t.tag_ != "HYPH" for t in tokens):
        return False  # "The History of Peter the Great, Emperor of Russia" runs into an aside
    return any(t.is_title for t in tokens) and all(
        t.is_title or t.lower_ in TITLE_JOINERS or t.i == tokens[-1].i for t in tokens)


def _score(number: Token) -> bool:
    """A number that opens a score or a range: "defeated South Korea 1 – 0"."""
    doc = number.doc
    return number.i + 1 < len(doc) and doc[number.i + 1].text in DASHES


def title_tail(head: Token) -> list[Token]:
    """The words a proper name goes on with after its head: a number right after it
    ("Internet Explorer 6", "Opus 1"), an "of" phrase of title words ("Game of Thrones",
    "A Discovery of Witches", "Man of the Match award") and a subtitle after a colon ("Smosh:
    The Movie", :func:`extract.subtitles.colon_subtitle`). Cut there, the name names something
    else ("HBO's Game", "Internet Explorer").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["Game", "of", "Thrones"], heads=[0, 0, 1],
    ...           deps=["ROOT", "prep", "pobj"], pos=["PROPN", "ADP", "PROPN"])
    >>> [t.text for t in title_tail(doc[0])]
    ['of', 'Thrones']
    """
    if head.pos_ != "PROPN" or head.ent_type_ == "PERSON":
        return []  # "Alexander Gordon of Auchintoul": a person's name is identity's to read
    doc = head.doc
    found = once_per_key(doc, _TAILS_CACHE, head.i, lambda: [t.i for t in _title_tail(head)])
    return [doc[i] for i in found]


_TAILS_CACHE = "kg.title_tails"


def _title_tail(head: Token) -> list[Token]:
    tail: list[Token] = []
    last = head.i
    for child in head.rights:
        if child.dep_ == "nummod" and child.i == last + 1 and child.like_num and not (
                child.ent_type_ in TIME_TYPES and len(child.text) == 4) and not _score(child):
            # not a year ("Fan Expo Canada 2016") nor a score; a short number the recogniser
            # read as a date is none ("Internet Explorer 6" at the end of a heading)
            tail.append(child)
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i == last + 1:
            words = _phrase_after(child)
            if not words or not _title_words(words):
                break
            tail += [child, *words]
        elif child.dep_ == "cc" and child.lower_ in TITLE_AND and child.i == last + 1 and (
                head.ent_type_ in TITLE_TYPES):
            # "Pride and Prejudice": two bare names of no person, place or body
            members = [c for c in head.rights if c.dep_ == "conj" and c.i == child.i + 1]
            if not members or members[0].ent_type_ not in TITLE_TYPES or any(
                    True for _ in members[0].children) or members[0].pos_ != "PROPN":
                break
            tail += [child, members[0]]
        else:
            break
        last = tail[-1].i
    return tail + (_split_title(head, last) or colon_subtitle(head.doc[last]))


def _phrase_after(prep: Token) -> list[Token]:
    """The object of ``prep`` with all its words, when it starts right after ``prep``."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    words = list(objects[0].subtree) if len(objects) == 1 else []
    return words if words and words[0].i == prep.i + 1 else []


def _split_title(head: Token, last: int) -> list[Token]:
    """The rest of a title the parser hung on the verb: "show Elevator to the Gallows",
    "joined Stardust @ home" (a name of no person, place or body, then "to", "@" or "&" and
    title words right after it)."""
    doc = head.doc
    nxt = last + 1
    if head.ent_type_ not in TITLE_TYPES or nxt >= len(doc) or head.dep_ == "conj":
        return []
    prep = doc[nxt]
    if prep.dep_ != "prep" or prep.head.i != head.head.i or prep.lower_ not in SPLIT_TITLE_JOINERS:
        return []
    words = _phrase_after(prep)
    if not words or not (prep.lower_ == "@" or (
            _title_words(words) and words[-1].ent_type_ in TITLE_TYPES | {"ORG"})):
        return []
    return [prep, *words]


def label_tokens(head: Token) -> list[Token]:
    """The tokens of the concise label of the phrase headed by ``head``, in text order.

    A named entity that contains the head is kept whole ("Xu Liang", "Large Language Models").
    Worked out once per head and cached on the document as token indices (plain data): the
    rules ask for the same phrase's label two or three times.
    """
    doc = head.doc
    found = once_per_key(doc, _LABELS_CACHE, head.i,
                         lambda: tuple(t.i for t in _label_tokens(head)))
    return [doc[i] for i in found]


_LABELS_CACHE = "kg.label_tokens"


def _label_tokens(head: Token) -> list[Token]:
    lists: list[int] = []
    if head.ent_type_ and head.pos_ in ("PROPN", "NOUN", "NUM"):
        doc = head.doc
        start = head.i
        while start > 0 and doc[start].ent_iob_ == "I" and not doc[start - 1].is_space:
            start -= 1
        end = head.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and not doc[end].is_space:
            end += 1
        # A bracket the recogniser ran into a name starts another name: "the American
        # College of Pediatricians (ACPeds" is the college, and "ACPeds" its acronym.
        for i in range(start, end):
            if doc[i].text == "(":
                start, end = (i + 1, end) if i < head.i else (start, i)
        # A preposition the parser hung outside a name (not a range) ends it: "spoke out
        # against Scientology on French television" ("on" hangs on the verb).
        if head.ent_type_ not in TIME_TYPES and head.ent_type_ not in NUMERIC_TYPES:
            end = next((i for i in range(head.i + 1, end) if doc[i].dep_ == "prep"
                        and not start <= doc[i].head.i < end), end)
        # A place the recogniser tagged apart begins the name: "Fort" of "Fort Lee Historic
        # Park" (:func:`extract.name_spans.place_name_start`).
        start = place_name_start(doc, start, end)
        # What a number of the name counts left of it belongs to it: "the first of three
        # degrees" is one degree, never "three degrees" (the recogniser tags the number only).
        deps = dep_labels(doc)  # a Token only of each number
        start = min([start, *(c.left_edge.i for k in range(start, end) if deps[k] == "nummod"
                              for c in doc[k].lefts if c.dep_ == "quantmod" and c.i < start)])
        # So does a word hyphenated to it: "a high-five" is no "five".
        hyphens = set()
        while start >= 2 and doc[start - 1].tag_ == "HYPH" and not doc[start - 1].whitespace_ \
                and not doc[start - 2].whitespace_ and doc[start - 2].head.i == head.i:
            hyphens.add(start - 1)
            start -= 2
        # The entity alone: a possessor left of it ("China's Baidu") or a title ("President
        # Bush") is not part of what it names.
        tokens = [t for t in doc[start:end]
                  if t.dep_ not in ("det", "punct") or t.i == head.i or t.i in hyphens]
    else:
        tokens = []
        _collect(head, tokens, _LABEL_DEPS, lists)
        # "Mr Mugabe's policy" is Mugabe's policy: an honorific is never part of a label.
        tokens = [t for t in tokens if t.i == head.i or t.lower_.rstrip(".") not in HONORIFICS]
    tail = {t.i for t in title_tail(head)}
    if tail:
        have = {t.i for t in tokens}
        tail -= have
        tokens += [t for t in head.doc[head.i + 1 : max(tail, default=head.i) + 1]
                   if t.i not in have]
    kept = []
    for tok in tokens:
        if tok.i in tail:  # "Game of Thrones", "Man of the Match award" ("the" aside)
            if tok.dep_ != "det" or tok.doc[tok.i - 1].text == ":":  # "Smosh: The Movie"
                kept.append(tok)
            continue
        if (tok.dep_ == "det" and not _hyphenated(tok)) or (
            tok.dep_ == "poss" and tok.pos_ == "PRON"
        ):
            continue  # but "all" stays in "all-time record"
        if tok.dep_ == "case" and tok.head.i == head.i:
            continue
        if tok.dep_ == "amod" and tok.lower_ in EMPTY_ADJECTIVES and tok.head.i == head.i:
            continue
        if tok.dep_ == "punct" and tok.tag_ != "HYPH" and tok.text not in ".&'":
            continue
        kept.append(tok)
    kept.sort(key=lambda t: t.i)
    if lists and len(kept) >= LONGEST_LABEL:
        # A list of modifiers that would make the label a clause goes whole, never in part:
        # "officials" for "Australian Federal Police and ASIO officials".
        dropped = {t.i for i in lists for t in head.doc[i].subtree}
        kept = [t for t in kept if t.i not in dropped]
    kept = quoted_title(kept, head)  # '"Fake n' Bacon"', never "Fake Bacon"
    # A line break (a heading run into the sentence by the parser) ends the phrase.
    text = doc_text(head.doc)
    if len(kept) > 1 and "\n" in text[kept[0].idx : kept[-1].idx]:
        for n in range(len(kept) - 1, 0, -1):
            if "\n" in text[kept[n - 1].idx : kept[n].idx]:
                kept = kept[n:] if kept[n].i <= head.i else kept[:n]
                break
    return kept


def _join(tokens: list[Token], head: Token | None = None) -> str:
    parts: list[str] = []
    for n, tok in enumerate(tokens):
        text = tok.lemma_.lower() if head is not None and tok.i == head.i else tok.text
        if head is not None and tok.i != head.i:
            text = text.lower()
        parts.append(text)
        if n + 1 < len(tokens):
            nxt = tokens[n + 1]
            if tok.whitespace_ and nxt.i == tok.i + 1:
                parts.append(" ")
            elif nxt.i != tok.i + 1 and tok.tag_ != "HYPH" and nxt.tag_ != "HYPH":
                parts.append(" ")
    return "".join(parts).strip()


def entity_label(head: Token) -> str:
    """The concise label of the noun phrase headed by ``head``.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "Chinese", "tech", "companies"],
    ...           heads=[3, 3, 3, 3], deps=["det", "amod", "compound", "ROOT"])
    >>> entity_label(doc[3])
    'Chinese tech companies'
    """
    return _join(label_tokens(head))


def entity_key(head: Token) -> str:
    """The canonical key of the phrase: lower-cased, head in lemma form (plural -> singular).

    Proper names keep their own form apart from case, and a plural proper noun loses its "s"
    ("Large Language Models" -> "large language model").
    """
    return entity_label_key(head)[1]


def entity_label_key(head: Token) -> tuple[str, str]:
    """:func:`entity_label` and :func:`entity_key` together, walking the phrase once.

    An "@" in a name ("Stardust @ home") is "at" in its key: "@" marks a key's document.
    Cached per head on the document (plain strings), as :func:`label_tokens` is.
    """
    return once_per_key(head.doc, _LABEL_KEYS_CACHE, head.i, lambda: _entity_label_key(head))


_LABEL_KEYS_CACHE = "kg.label_keys"


def _entity_label_key(head: Token) -> tuple[str, str]:
    tokens = label_tokens(head)
    label = _join(tokens)
    if head.pos_ == "PROPN":
        key = label.lower()
        if head.tag_ == "NNPS" and key.endswith("s") and not key.endswith("ss") and (
                not singular_name(head)):
            key = key[:-1]
        return label, _no_scope_mark(key)
    return label, _no_scope_mark(_join(tokens, head))


def singular_name(head: Token) -> bool:
    """True when a proper noun tagged plural is a name the document reads as singular: it is
    tagged a singular proper noun elsewhere and never written without its "s" ("Dries
    Mertens" in a list, beside "Dries Mertens scored"), so the "s" stays in its key
    (``plural_name``); "the Chathams" beside "Chatham Island" loses it.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("Dries Mertens scored. Lukaku and Mertens made attempts.")
    >>> [singular_name(t) for t in doc if t.text == "Mertens"]
    [True, True]
    """
    lowers = token_lowers(head.doc)
    return head.lower_[:-1] not in lowers and any(
        lowers[i] == head.lower_ for i in tagged(head.doc, "NNP"))


def _no_scope_mark(key: str) -> str:
    return key.replace(SCOPE_MARK, " at ").replace("  ", " ") if SCOPE_MARK in key else key


def language_sense(head: Token) -> bool:
    """True when a nationality word names a language by its role in the sentence: the object
    of a verb of speaking or learning ("spoke German and French"), or after "in" or "into"
    ("wrote in French", "translated into French"). "The French" as people, or "French" before
    a noun, is a nationality.

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("He spoke French fluently. The French won the match.")
    >>> language_sense(doc[2]), language_sense(doc[7])
    (True, False)
    """
    if head.ent_type_ == "LANGUAGE":
        return True
    if head.ent_type_ != "NORP" or head.tag_ in ("NNS", "NNPS") or any(
            c.dep_ == "det" for c in head.lefts):
        return False
    node = head
    for _ in range(len(head.doc)):  # up the coordination: "spoke German and French"
        if node.dep_ != "conj" or node.head.i == node.i:
            break
        node = node.head
    if node.dep_ in ("dobj", "acomp"):  # "spoke German" is at times read as an adjective
        return node.head.lemma_.lower() in LANGUAGE_VERBS
    return node.dep_ == "pobj" and node.head.lower_ in LANGUAGE_PREPS


def is_citation(token: Token) -> bool:
    """True for an author's name followed by a year, a reference to a work: "(Fillmore 1968)".

    >>> from extract.pipeline import load_nlp
    >>> doc = load_nlp()("His theory of Case Grammar (Fillmore 1968) was new. Fillmore left.")
    >>> is_citation(doc[6]), is_citation(doc[12])
    (True, False)
    """
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (following is not None and following.tag_ == "CD" and len(following.text) == 4
            and following.text.isdigit() and following.head.i == token.i)


def entity_type(head: Token) -> str | None:
    """The NER label when the phrase's head is inside a named entity, else None; a
    nationality word in a language's role is a ``LANGUAGE`` (:func:`language_sense`)."""
    if not head.ent_type_:
        return None
    doc = head.doc
    start = head.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
        if doc[start].is_space or "\n" in doc[start].whitespace_:
            return None
    if head.ent_type_ == "NORP" and language_sense(head):
        return "LANGUAGE"
    return head.ent_type_


def argument_bounds(head: Token, *, exclude: Token | None = None) -> tuple[int, int]:
    """Token bounds ``[start, end)`` of the full argument headed by ``head``.

    The whole subtree is kept except what follows the head's own conjuncts, appositions and
    relative clauses (each of those yields its own triple), and except the clause of
    ``exclude`` (the predicate) when that lies inside the phrase, as in a relative clause whose
    subject is the phrase's head.
    """
    start = head.left_edge.i
    end = head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in _CUT_DEPS:
            end = min(end, child.left_edge.i)
            break
        if exclude is not None and child.left_edge.i <= exclude.i <= child.right_edge.i:
            end = min(end, child.left_edge.i)
            break
    doc = head.doc
    text = doc_text(doc)
    if "\n" in text[doc[start].idx : doc[end - 1].idx]:
        for i in range(head.i - 1, start - 1, -1):
            if doc[i].is_space or "\n" in doc[i].whitespace_:
                start = i + 1
                break
        for i in range(head.i, end):
            if doc[i].is_space or "\n" in doc[i].whitespace_:
                end = i + 1 if not doc[i].is_space else i
                break
    while start < head.i and doc[start].dep_ == "cc":
        start += 1
    return tidy_bounds(doc, start, end, keep=head.i)


def tidy_bounds(doc, start: int, end: int, *, keep: int | None = None) -> tuple[int, int]:
    """Bounds without stray punctuation at either end; paired brackets and quotes stay whole.

    A closing quote or bracket is kept when its opener is inside, and added when it follows
    right after a span that opened it; other punctuation at the ends goes. Token ``keep``
    (the head) is never cut.
    """
    texts = token_texts(doc)  # plain strings: no Token made to read a word
    lo = keep if keep is not None else end - 1
    hi = keep if keep is not None else start
    while end - 1 > max(start, hi):
        tok = texts[end - 1]
        if tok in _CLOSERS and any(texts[i] == _CLOSERS[tok] for i in range(start, end - 1)):
            break
        if not doc[end - 1].is_punct:
            break
        end -= 1
    while start < min(end - 1, lo):
        tok = texts[start]
        if tok in _OPENERS and any(texts[i] == _OPENERS[tok] for i in range(start + 1, end)):
            break
        if tok in _OPENERS and end < len(doc) and texts[end] == _OPENERS[tok]:
            end += 1
            break
        if not doc[start].is_punct:
            break
        start += 1
    return start, end


def is_content_argument(label: str) -> bool:
    """False for labels that name nothing: empty, a pronoun, a number alone or a stop word.

    >>> [is_content_argument(x) for x in ("China", "he", "2024", "the", "", "AI models")]
    [True, False, False, False, False, True]
    """
    text = label.strip().lower()
    if not text or text in STOP_WORDS:
        return False
    stripped = text.replace(",", "").replace(".", "").replace("%", "").replace("$", "")
    if stripped.replace(" ", "").isdigit():
        return False
    return any(ch.isalnum() for ch in text)
