"""A faster add_triple, proposed for kg/merge.py: same graph, fewer microseconds per triple.

Merging one mention bumps one form and one type, so the label, aliases and type can only
change if the bumped value overtakes the current one: no need for ``_refresh_node``'s full
recount and sort per mention. Keys repeat, so ``canonical_key`` is memoised; an edge's
confidence is a running maximum instead of a max over its whole provenance list (quadratic on
frequent facts); nodes and edges are looked up once in networkx's dicts.

Usage::

    python benchmarks/merge_variants.py [TRIPLES]     # prints CPU seconds of both, and
                                                      # whether the graphs are identical
"""
import bisect
import functools
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import importlib; M = importlib.import_module("kg.merge")
from kg.model import KnowledgeGraph, fact_key
from benchmarks.graph_scale import synthetic_triples

canonical = functools.lru_cache(maxsize=1 << 18)(M.canonical_key)

def _mention(graph, key, form, type_):
    """_add_entity(graph, key, {form: 1}, {type_: 1} if type_ else {}, 1), incrementally."""
    attrs = graph._node.get(key)
    if attrs is None:
        graph.add_node(key, forms={}, types={}, mentions=0, label=None, aliases=[], type=None)
        attrs = graph._node[key]
    attrs["mentions"] += 1
    if form:
        forms = attrs["forms"]
        count = forms[form] = forms.get(form, 0) + 1
        label = attrs["label"]
        if form != label:
            if label is None or count > forms[label] or (count == forms[label] and form < label):
                attrs["label"] = form
                attrs["aliases"] = sorted(f for f in forms if f != form)
            elif count == 1:
                bisect.insort(attrs["aliases"], form)
    if type_:
        types = attrs["types"]
        count = types[type_] = types.get(type_, 0) + 1
        current = attrs["type"]
        if type_ != current and (current is None or count > types[current]
                                 or (count == types[current] and type_ < current)):
            attrs["type"] = type_

def add_triple(graph, triple):
    s = canonical(triple.subject.key); o = canonical(triple.object.key)
    if not s or not o:
        raise ValueError(triple)
    _mention(graph, s, triple.subject.label, triple.subject.type)
    _mention(graph, o, triple.object.label, triple.object.type)
    key = fact_key(triple.predicate, triple.negated)
    p = triple.provenance
    data = graph._succ[s].get(o, {}).get(key)
    if data is not None:
        data["count"] += 1
        data["provenance"].append(p)
        if p.confidence > data["confidence"]:
            data["confidence"] = p.confidence
    else:
        graph.add_edge(s, o, key=key, predicate=triple.predicate, negated=triple.negated,
                       count=1, provenance=[p], confidence=p.confidence)

def _merge(n, fn, *, gc_off=False):
    graph = KnowledgeGraph()
    if gc_off:
        gc.disable()
    started = time.process_time()
    for document, triple in synthetic_triples(n, n // 10):
        if document is not None:
            graph.documents[document.id] = document
        fn(graph, triple)
    seconds = time.process_time() - started
    gc.enable()
    return graph, seconds


n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
started = time.process_time()
for _ in synthetic_triples(n, n // 10):
    pass
generate = time.process_time() - started
print(f"{n:,} triples over {n // 10:,} entities; CPU seconds of the merge (generation, "
      f"{generate:.1f} s, subtracted):")
current, seconds = _merge(n, M.add_triple)
print(f"  current  kg.merge.add_triple       {seconds - generate:6.1f}")
proposed, seconds = _merge(n, add_triple)
print(f"  proposed add_triple                {seconds - generate:6.1f}")
same = (dict(current.nodes(data=True)) == dict(proposed.nodes(data=True))
        and sorted(current.edges(keys=True, data=True), key=lambda e: e[:3])
        == sorted(proposed.edges(keys=True, data=True), key=lambda e: e[:3]))
print("  identical graphs:", same)
del current, proposed
_graph, seconds = _merge(n, add_triple, gc_off=True)
print(f"  proposed, cyclic GC off            {seconds - generate:6.1f}")
