"""Graph quality: is each node one real-world thing, and is each plain fact the text's own?

Builds each corpus given (default: ``benchmarks/news/lee_dev`` and ``seeds``) with ``kg build``'s
library function and prints, over the JSON-lines records (one per fact mention) and the merged
graph:

* **title hubs**: nodes whose key is an honorific ("mr") or starts with one ("mr williams");
* **person splits in one document**: pairs of node keys used in the same document where one is
  a strict trailing-token suffix of a PERSON key ("greig" beside "brian greig");
* **corpus splits**: one-word nodes that are the last word of exactly one multi-word PERSON node;
* **named among the 30 most central**: nodes of the 30 highest PageRank that carry a name type;
* **generic shared heads**: one-word untyped nodes with facts from three or more documents;
* **clause-sized nodes**: keys of eight or more words;
* **shared descriptions**: untyped nodes, not kept in a document, with facts from two or
  more documents (a concept or named group when right, two different things when wrong);
* nodes, facts, the share of typed nodes, the largest weakly connected component;
* what is asserted: plain (asserted) facts, attributed claims by stance, negated facts,
  modal/conditional facts, and facts dropped for unresolved pronouns;
* candidate facts dropped, by the named rule that dropped them (``kg explain``'s records).

Run ``python benchmarks/graph_quality.py [PATH ...] [--json] [--show N]``; ``--show`` prints the
30 most central nodes and N random facts with their sentences, to rate by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import networkx as nx  # noqa: E402

from export.jsonl import fact_records  # noqa: E402
from kg.build import build_graph  # noqa: E402
from kg.model import KnowledgeGraph  # noqa: E402
from kg.voice import edge_voice, min_confidence  # noqa: E402

#: Honorifics as a reader knows them (kept here, apart from the extractor's own list, so the
#: measure does not share the extractor's blind spots).
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame prof prof. professor lord lady mister madam "
    "rev rev. reverend".split()
)
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                        "WORK_OF_ART", "LAW", "LANGUAGE"})


def _pagerank(graph: KnowledgeGraph) -> dict[str, float]:
    """The centrality ``kg build`` reports as "most central" (:func:`kg.stats.corpus_centrality`):
    PageRank over the undirected graph, pairs weighted by mentions, a claim linking its source
    to its arguments, restarts at corpus-wide entities by the documents that mention them;
    like :func:`kg.stats.top_entities_by_pagerank`, nodes kept inside one document are left
    out (central to their story, never to the corpus)."""
    from kg.stats import corpus_centrality

    return corpus_centrality(graph)


def measure(graph: KnowledgeGraph, records: list[dict[str, Any]],
            dropped: Counter | None = None) -> dict[str, Any]:
    """Every figure of the module docstring, as a JSON-ready dict."""
    nodes = graph.nodes
    keys = list(nodes)
    person_keys = {k for k in keys if nodes[k].get("type") == "PERSON"}

    title_hubs = sorted(k for k in keys if k.split(" ", 1)[0] in HONORIFICS)

    by_document: dict[str, set[str]] = defaultdict(set)
    for record in records:
        by_document[record["source"]].update((record["subject_key"], record["object_key"]))
    person_splits = set()
    for document, doc_keys in by_document.items():
        for full in doc_keys & person_keys:
            words = full.split()
            for n in range(1, len(words)):
                short = " ".join(words[n:])
                if short in doc_keys:
                    person_splits.add((document, short, full))

    last_words = Counter(k.split()[-1] for k in person_keys if len(k.split()) > 1)
    corpus_splits = sorted(k for k in keys if len(k.split()) == 1 and last_words[k] == 1)

    ranks = _pagerank(graph)
    central = sorted(ranks, key=lambda k: (-ranks[k], k))[:30]
    named = [k for k in central if nodes[k].get("type") in NAME_TYPES]

    documents_of: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for key in (record["subject_key"], record["object_key"]):
            documents_of[key].add(record["source"])
    generic = sorted(k for k in keys if len(k.split()) == 1 and not nodes[k].get("type")
                     and len(documents_of[k]) >= 3)
    clause_sized = sorted(k for k in keys if len(k.split()) >= 8)
    # Untyped corpus-wide nodes several articles share: a concept or a named group when
    # right ("us force", "provisional liquidation"), two different things when wrong.
    shared = sorted(k for k in keys if not nodes[k].get("type") and not nodes[k].get("scope")
                    and len(documents_of[k]) >= 2)

    components = sorted(nx.weakly_connected_components(graph), key=len, reverse=True)
    typed = sum(1 for k in keys if nodes[k].get("type"))

    facts = list(graph.edges(data=True))
    threshold = min_confidence(graph)
    voices = [edge_voice(d, min_confidence=threshold) for _, _, d in facts]
    asserted = sum(1 for voice in voices if voice.stated)
    # A fact is an attributed claim when no mention states it in the text's own voice and
    # some mention reports it; its stance is that of its first reporting mention.
    stances = Counter()
    for (_, _, data), voice in zip(facts, voices):
        reported = [p for p in data["provenance"] if getattr(p, "reported_by", None)]
        if reported and not voice.stated:
            stances[reported[0].stance] += 1
    return {
        "nodes": len(keys),
        "facts": len(facts),
        "mentions": len(records),
        "typed_share": round(typed / len(keys), 3) if keys else 0.0,
        "largest_component": len(components[0]) if components else 0,
        "title_hubs": len(title_hubs),
        "title_hub_keys": title_hubs[:20],
        "person_splits": len(person_splits),
        "person_split_pairs": sorted(person_splits)[:20],
        "corpus_splits": len(corpus_splits),
        "corpus_split_keys": corpus_splits[:30],
        "named_in_top30": len(named),
        "top30": [(k, nodes[k].get("type")) for k in central],
        "generic_shared_heads": len(generic),
        "generic_shared_keys": generic[:30],
        "shared_descriptions": len(shared),
        "clause_sized_nodes": len(clause_sized),
        "clause_sized_keys": clause_sized[:10],
        "asserted_facts": asserted,
        "attributed_claims": dict(sorted(stances.items())),
        "negated_facts": sum(1 for _, _, d in facts if d["negated"]),
        "modal_or_conditional_facts": sum(
            1 for (_, _, d), voice in zip(facts, voices) if not voice.stated and not d["negated"]
            and all(getattr(p, "conditional", False) or p.modality for p in d["provenance"])),
        "dropped_unresolved_pronouns": (dropped or Counter())["unresolved_pronoun"],
        "dropped_by": dict(sorted((dropped or Counter()).items())),
    }


def drops(path: Path) -> Counter:
    """Candidate facts the extractor dropped in the documents under ``path``, by the named
    rule that dropped each: ``kg explain``'s records (the extractor's own account), not a
    second copy of its logic."""
    from extract.documents import iter_documents
    from extract.pipeline import load_nlp
    from kg.explanation import explain_source

    nlp = load_nlp()
    dropped: Counter = Counter()
    for source in iter_documents([path]):
        if not hasattr(source, "pieces"):
            continue  # a skipped input
        for candidate in explain_source(source, nlp=nlp).candidates():
            if candidate.dropped_by is not None:
                dropped[candidate.dropped_by] += 1
    return dropped


def build(path: Path) -> tuple[KnowledgeGraph, list[dict[str, Any]], Counter]:
    """Build ``path`` in this process; the graph, its mention records and the drops by rule."""
    graph, _report = build_graph([path])
    return graph, list(fact_records(graph)), drops(path)


def show(graph: KnowledgeGraph, records: list[dict[str, Any]], facts: int, seed: int) -> None:
    """Print the 30 most central nodes and ``facts`` random fact mentions with sentences."""
    ranks = _pagerank(graph)
    print("  30 most central:")
    for key in sorted(ranks, key=lambda k: (-ranks[k], k))[:30]:
        attrs = graph.nodes[key]
        print(f"    {attrs['label']!r} [{attrs.get('type') or '-'}] deg={graph.degree(key)} "
              f"aliases={attrs.get('aliases', [])[:4]}")
    print(f"  {facts} random facts:")
    rng = random.Random(seed)
    for record in rng.sample(records, min(facts, len(records))):
        flags = [name for name in ("negated", "conditional") if record.get(name)]
        for name in ("stance", "reported_by", "attributed_to", "modality"):
            if record.get(name) and record.get(name) != "asserted":
                flags.append(f"{name}={record[name]}")
        flags.append("ASSERTED" if record.get("asserted") else f"not asserted ({record['voice']})")
        print(f"    ({record['subject']} | {record['predicate']} | {record['object']})"
              f"{' ' + ','.join(flags) if flags else ''}\n"
              f"        <- {record['sentence'][:160]!r} [{record['source']}]")


def pronoun_sample(paths: list[Path], n: int, seed: int) -> tuple[int, int, list[str]]:
    """Resolved and unresolved personal, possessive and reflexive pronouns (every one in the
    text, as the extractor may meet it as an argument or an owner: "its profit"), and ``n``
    resolved ones to check.

    Each sample line shows the pronoun, what it was resolved to and the text in reach, so a
    person can judge it right or wrong.
    """
    from extract.coref import resolve
    from extract.documents import iter_documents
    from extract.entities import describe
    from extract.pipeline import load_nlp

    nlp = load_nlp()
    pronouns = {"he", "him", "she", "her", "it", "they", "them", "himself", "herself", "itself",
                "themselves", "his", "its", "their", "hers", "theirs"}
    resolved: list[str] = []
    unresolved = 0
    for source in iter_documents(paths):
        if not hasattr(source, "pieces"):
            continue
        for text, _offset in source.pieces(100_000):
            doc = nlp(text)
            for token in doc:
                if token.lower_ not in pronouns:
                    continue
                target = resolve(token)
                if target is None:
                    unresolved += 1
                    continue
                arg = describe(target, source.document.id)
                sent = token.sent
                before = doc[sent.start - 1].sent.text if sent.start > 0 else ""
                resolved.append(
                    f"{token.text!r} -> {arg.label if arg else target.text!r} "
                    f"[{source.document.id}]\n        {before[-150:]!r}\n        "
                    f"{doc.text[sent.start_char:token.idx]!r} <{token.text}>")
    rng = random.Random(seed)
    return len(resolved), unresolved, rng.sample(resolved, min(n, len(resolved)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path,
                        default=[ROOT / "benchmarks" / "news" / "lee_dev", ROOT / "seeds"])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--show", type=int, default=0, metavar="N",
                        help="also print the 30 most central nodes and N random facts")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random facts")
    parser.add_argument("--pronouns", type=int, default=0, metavar="N",
                        help="print N random resolved pronouns with their context, to check")
    args = parser.parse_args(argv)
    if args.pronouns:
        done, left, sample = pronoun_sample(args.paths, args.pronouns, args.seed)
        print(f"pronouns: {done} resolved, {left} left unresolved")
        for number, line in enumerate(sample, 1):
            print(f"  {number:2}. {line}")
        return
    results = {}
    for path in args.paths:
        graph, records, dropped = build(path)
        figures = measure(graph, records, dropped)
        results[str(path)] = figures
        if args.json:
            continue
        print(f"{path}:")
        for name, value in figures.items():
            if isinstance(value, list):
                if value:
                    print(f"  {name}: {value}")
            else:
                print(f"  {name}: {value}")
        if args.show:
            show(graph, records, args.show, args.seed)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
