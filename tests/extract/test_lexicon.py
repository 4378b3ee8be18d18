"""Every word list lives in :mod:`extract.lexicon`, each documented; rule modules import them.

A list written into a rule module drifts from its twin in another (the issue found verbs of
saying in three modules, light verbs in two): these tests fail as soon as a rule module writes
a set of two or more words of its own, or the lexicon adds a list without a docstring.
"""

from __future__ import annotations

import ast

import pytest

import extract.lexicon as lexicon
from extract.rules import constructions
from tests.data import ROOT

#: The lexicon's modules (its ``__init__`` only gathers their lists).
LEXICON = sorted((ROOT / "extract" / "lexicon").glob("[!_]*.py"))
#: Modules of ``extract/`` that are not rules: names, file patterns and model names are no words;
#: the validity model's feature classes (punctuation marks, identity-rule names) are its own.
NOT_RULES = {"pipeline.py", "documents.py", "carb.py", "budget.py",
             "registry.py", "__init__.py", "validity.py"}


def _parse_labels(nlp) -> set[str]:
    """The parse's own vocabulary: dependency labels, fine tags, parts of speech, IOB tags."""
    import spacy.parts_of_speech

    labels = set(nlp.get_pipe("parser").labels) | set(nlp.get_pipe("tagger").labels)
    return labels | set(spacy.parts_of_speech.IDS) | {"ROOT", "B", "I", "O", ""}


def _strings(node: ast.AST) -> list[str] | None:
    """The strings of a literal collection of string constants, else None."""
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)) and node.elts and all(
        isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts
    ):
        return [e.value for e in node.elts]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split" and isinstance(node.func.value, ast.Constant)):
        return str(node.func.value.value).split()
    return None


def word_lists(source: str, allowed: set[str]) -> list[tuple[int, list[str]]]:
    """``(line, words)`` of every collection of two or more words a module writes for a rule:
    the right side of ``in``/``not in``, a ``frozenset(...)``/``set(...)`` argument or a
    module-level constant (``__all__`` and ``__slots__`` aside)."""
    found = []
    tree = ast.parse(source)
    candidates: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            candidates += [c for op, c in zip(node.ops, node.comparators)
                           if isinstance(op, (ast.In, ast.NotIn))]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and (
            node.func.id in ("frozenset", "set")
        ):
            candidates += node.args
    for node in tree.body:
        if isinstance(node, ast.Assign) and not any(
            isinstance(t, ast.Name) and t.id in ("__all__", "__slots__") for t in node.targets
        ):
            candidates.append(node.value)
    for node in candidates:
        strings = _strings(node)
        if strings is None:
            continue
        words = sorted({s for s in strings if s not in allowed})
        if len(words) >= 2:
            found.append((node.lineno, words))
    return found


def test_word_lists_finds_a_list_written_in_a_rule():
    source = 'X = 1\ndef f(t):\n    return t.lower_ in ("say", "tell") or t.dep_ in ("nsubj", "dobj")\n'
    assert word_lists(source, {"nsubj", "dobj"}) == [(3, ["say", "tell"])]
    assert word_lists('Y = frozenset("deny reject".split())\n', set()) == [(1, ["deny", "reject"])]


def test_rule_modules_write_no_word_list_of_their_own(nlp):
    allowed = _parse_labels(nlp) | set(constructions()) | {"named_prep"}
    offending = {
        path.name: found
        for path in sorted((ROOT / "extract").glob("*.py")) if path.name not in NOT_RULES
        for found in [word_lists(path.read_text(encoding="utf-8"), allowed)] if found
    }
    assert offending == {}, "move these lists to extract/lexicon/ and import them from there"


def _public_constants() -> list[tuple[str, ast.AST | None]]:
    """Each public module-level constant of the lexicon with the statement that follows it."""
    out = []
    for path in LEXICON:
        body = ast.parse(path.read_text(encoding="utf-8")).body
        for n, node in enumerate(body):
            targets = (node.targets if isinstance(node, ast.Assign) else
                       [node.target] if isinstance(node, ast.AnnAssign) else [])
            for target in targets:
                if (isinstance(target, ast.Name) and target.id.isupper()
                        and not target.id.startswith("_")):
                    out.append((target.id, body[n + 1] if n + 1 < len(body) else None))
    return out


@pytest.mark.parametrize("name, following", _public_constants())
def test_every_list_has_a_docstring(name, following):
    assert isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant) and (
        isinstance(following.value.value, str) and len(following.value.value.split()) >= 5
    ), f"{name} needs a docstring right after it saying what the list is for"


def test_the_lexicon_exports_every_list():
    names = {name for name, _ in _public_constants()}
    assert names <= set(lexicon.__all__)
    assert all(isinstance(getattr(lexicon, name), (frozenset, dict, tuple)) for name in names)
    assert len(names) >= 50


def _strings_in(value) -> list[str]:
    """Every string inside a list, its keys and values, its tuples and sets, flattened."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _strings_in(k) + _strings_in(v)]
    return [s for item in value for s in _strings_in(item)]


def test_words_are_lower_case():
    for name in lexicon.__all__:
        value = getattr(lexicon, name)
        if name.endswith("_TYPES") or name == "RELATIVE_TAGS" or callable(value):
            continue
        assert all(w == w.lower() for w in _strings_in(value)), name


@pytest.mark.parametrize("part, whole", [
    ("FEMALE_HONORIFICS", "HONORIFICS"), ("MALE_HONORIFICS", "HONORIFICS"),
    ("FEMALE_NOUNS", "PERSON_NOUNS"), ("MALE_NOUNS", "PERSON_NOUNS"),
    ("DENYING_VERBS", "REPORTING_VERBS"), ("QUESTIONING_VERBS", "REPORTING_VERBS"),
    ("CLAUSE_ONLY_VERBS", "REPORTING_VERBS"), ("ACCUSING_VERBS", "OBJECT_CONTROL"),
    ("PREVENTING_VERBS", "OBJECT_CONTROL"), ("ASKING_VERBS", "OBJECT_CONTROL_XCOMP"),
    ("FORBIDDING_VERBS", "PREVENTING_VERBS"), ("DISSUADING_VERBS", "PREVENTING_VERBS"),
    ("CREDITING_VERBS", "OBJECT_CONTROL"),
    ("SAYING_NOUNS", "NOMINALISATIONS"), ("REFLEXIVE_PRONOUNS", "PRONOUNS"),
    ("POSSESSIVE_PRONOUNS", "PRONOUNS"), ("DEMONSTRATIVES", "PRONOUNS"),
    ("PRONOUNS", "STOP_WORDS"), ("LINKED_TYPES", "NAME_TYPES"),
    ("DESCRIBED_TYPES", "NAME_TYPES"), ("NAMED_REFERENT_TYPES", "NAME_TYPES"),
    ("SHORT_NAME_TYPES", "NAME_TYPES"), ("PLACE_TYPES", "NAME_TYPES"),
])
def test_a_narrower_list_stays_inside_the_list_it_narrows(part, whole):
    assert set(getattr(lexicon, part)) <= set(getattr(lexicon, whole))


def test_a_noun_of_saying_means_a_verb_of_saying():
    """"makes a prediction: ..." reports because "predict" is a verb of saying; a noun whose
    verb is not one ("forecast" was not, before the lists were merged) would report a claim
    the verb itself never would."""
    meanings = {lexicon.NOMINALISATIONS[noun] for noun in lexicon.SAYING_NOUNS}
    assert meanings <= lexicon.REPORTING_VERBS
