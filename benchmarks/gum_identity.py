"""Node identity against gold: is one node one real-world thing, on GUM documents of six genres?

Builds the documents of one part of ``benchmarks/gum`` (``fit``, ``test``, ``reserve`` or
``all``) with ``kg build``'s library function, reads every fact mention's arguments (document,
character span, node key, text, identity rules), finds each argument's head in the same parse,
and scores the nodes against GUM's gold mentions (coreference ids within a document, Wikipedia
titles across documents). The definitions, alignment rule included, are those of
:mod:`benchmarks.gum.identity`; in short:

* **within / across documents**: precision, recall and F1 of mention pairs, "same node" against
  "same gold thing", over pairs with at least one mention of a named (Wikipedia-linked) entity;
* **coverage**: named (document, entity) pairs with a mention in some fact; **nodes per gold
  entity** in a document and across the corpus;
* **pronouns**: precision of resolved third-person pronouns against gold (is the node the
  pronoun's entity's?), recall over the pronoun arguments the rules meet, and the facts
  dropped because a pronoun (or a demonstrative phrase) was left unresolved;
* **descriptions**: precision of descriptions joined to a named node (``definite_description``,
  ``appositive_name``);
* **baseline**: the same mentions joined when their lower-cased text is equal;
* **errors by cause**, with examples from ``fit`` documents only (``test`` and ``reserve`` are
  scored, never shown).

Usage::

    python benchmarks/gum_identity.py --part fit
    python benchmarks/gum_identity.py --part test --json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.gum import PARTS, document_path, documents, gold_mentions, part_of  # noqa: E402
from benchmarks.gum.identity import PRONOUNS, Argument, score  # noqa: E402

_SUFFIX = ".txt"


def _doc_name(document_id: str) -> str:
    return document_id[: -len(_SUFFIX)] if document_id.endswith(_SUFFIX) else document_id


def _head(doc, start: int, end: int) -> int:
    """First character of the root token of the span ``[start, end)`` of ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.idx if span is not None and len(span) else start


def graph_arguments(graph, docs: dict[str, Any]) -> Iterator[Argument]:
    """Both arguments of every fact mention of ``graph``, with their heads found in ``docs``."""
    nodes = graph.nodes
    for subject, obj, _key, data in graph.edges(keys=True, data=True):
        for prov in data["provenance"]:
            name = _doc_name(prov.document)
            doc = docs[name]
            for node, start, end, text, rules in (
                (subject, prov.subject_start, prov.subject_end, prov.subject_text,
                 prov.subject_rules),
                (obj, prov.object_start, prov.object_end, prov.object_text, prov.object_rules),
            ):
                yield Argument(name, start, end, _head(doc, start, end), node, text,
                               tuple(rules), nodes[node]["label"] or "")


def unresolved_arguments(name: str, doc) -> tuple[list[Argument], int]:
    """Pronoun arguments the rules meet in ``doc`` and leave unresolved (``node=None``), and
    the number of facts dropped for a pronoun or demonstrative argument without antecedent."""
    from extract.arguments import needs_antecedent
    from extract.coref import resolve
    from extract.rules import iter_facts

    dropped: list[Argument] = []
    facts = 0
    for sent in doc.sents:
        for fact in iter_facts(sent):
            if fact.clause_object:
                continue
            lost = [t for t in (fact.subject, fact.object)
                    if needs_antecedent(t) and resolve(t) is None]
            facts += bool(lost)
            dropped += [Argument(name, t.idx, t.idx + len(t), t.idx, None, t.text)
                        for t in lost if t.lower_ in PRONOUNS]
    return dropped, facts


def run(names: list[str], *, readable: list[str]) -> dict[str, Any]:
    """Build ``names``, score them; examples only from ``readable`` documents."""
    from extract.pipeline import load_nlp
    from kg.build import build_graph

    nlp = load_nlp()
    graph, report = build_graph([document_path(name) for name in names], nlp=nlp)
    docs = {name: nlp(document_path(name).read_text(encoding="utf-8")) for name in names}
    arguments = list(graph_arguments(graph, docs))
    dropped_facts = 0
    for name, doc in docs.items():
        dropped, facts = unresolved_arguments(name, doc)
        arguments += dropped
        dropped_facts += facts
    figures = score(arguments, list(gold_mentions(names)), readable=readable)
    figures["documents"] = report.documents
    figures["facts"] = report.triples
    figures["pronouns"]["dropped_facts"] = dropped_facts
    figures["pronouns"]["dropped_arguments"] = sum(1 for a in arguments if a.node is None)
    return figures


def _row(name: str, prf: dict[str, Any]) -> str:
    return (f"  {name:<28} P {prf['precision']:.3f}  R {prf['recall']:.3f}  F1 {prf['f1']:.3f}"
            f"   (joined {prf['joined']:,}, same {prf['same']:,}, both {prf['joined_and_same']:,})")


def show(part: str, figures: dict[str, Any], *, errors: int) -> None:
    """Print one part's figures as a person reads them."""
    coverage, pronouns, descriptions = (figures["coverage"], figures["pronouns"],
                                        figures["descriptions"])
    print(f"{part}: {figures['documents']} documents, {figures['facts']:,} facts, "
          f"{figures['arguments']:,} arguments ({figures['aligned_arguments']:,} aligned), "
          f"{figures['gold_mentions_scored']:,} gold mentions scored")
    print(_row("within documents", figures["within"]))
    print(_row("across documents", figures["across"]))
    print(_row("within (all entities)", figures["within_all"]))
    print(_row("baseline within (same text)", figures["baseline_within"]))
    print(_row("baseline across (same text)", figures["baseline_across"]))
    print(f"  coverage: {coverage['covered']} of {coverage['named_entities']} named "
          f"(document, entity) pairs in some fact ({coverage['coverage']:.1%}); nodes per "
          f"entity {coverage['nodes_per_entity']:.2f} in a document ({coverage['one_node_share']:.1%}"
          f" one node), {coverage['nodes_per_identity_corpus']:.2f} across the corpus")
    print(f"  pronouns: precision {pronouns['precision']:.3f} ({pronouns['right']} right of "
          f"{pronouns['judged']} judged, {pronouns['unjudged']} unjudged), recall "
          f"{pronouns['recall']:.3f} of {pronouns['met']} met; dropped: {pronouns['dropped_facts']}"
          f" facts, {pronouns['dropped_arguments']} third-person pronoun arguments")
    print(f"  descriptions joined to a name: precision {descriptions['precision']:.3f} "
          f"({descriptions['right']} right of {descriptions['judged']} judged, "
          f"{descriptions['unjudged']} unjudged)")
    for title, key in (("errors within documents (pairs)", "errors_within"),
                       ("errors across documents (pairs)", "errors_across")):
        print(f"  {title}:")
        for cause, entry in list(figures[key].items())[:errors]:
            print(f"    {entry['pairs']:>7,}  {cause}")
            for example in entry["examples"]:
                print(f"               {example}")
    for title, entry in (("wrong pronouns", pronouns), ("wrong descriptions", descriptions)):
        if entry["wrong_examples"]:
            print(f"  {title} (fit documents):")
            for example in entry["wrong_examples"]:
                print(f"    {example}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=[*sorted(PARTS), "all"], default="fit")
    parser.add_argument("--documents", nargs="+", metavar="NAME",
                        help="score these documents instead of a part (examples: fit only)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", type=int, default=12, help="error causes printed")
    args = parser.parse_args(argv)
    names = args.documents or documents(None if args.part == "all" else args.part)
    for name in names:
        try:
            part_of(name)
        except ValueError as err:
            parser.error(str(err))
    fit = set(documents("fit"))
    figures = run(names, readable=[name for name in names if name in fit])
    if args.json:
        print(json.dumps({"part": "documents" if args.documents else args.part, **figures},
                         indent=2, ensure_ascii=False))
    else:
        show("documents" if args.documents else args.part, figures, errors=args.errors)


if __name__ == "__main__":
    main()
