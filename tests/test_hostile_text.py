"""Property tests over arbitrary Unicode documents, through the whole pipeline.

Extraction never raises; the RDF export always re-parses in rdflib and in pyoxigraph; and the
HTML page never carries document text outside an escaped text context (its tag structure is
that of a page built from harmless text).
"""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pyoxigraph
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from export.html import render_html
from export.rdf import serialize_rdf, to_rdf
from extract.pipeline import extract
from kg.merge import merge_into
from kg.model import KnowledgeGraph

HOSTILE = [
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=1</script>",
    "[click](javascript:window.__pwned=1) <a href='javascript:alert(1)'>x</a>",
    'Xu "The Hammer" Liang',
    "\\ backslash \\n and \u202e RTL \u05e9\u05dc\u05d5\u05dd and emoji \U0001f600",
    "\x00\x01\x07\x1b control",
    "\u2028line\u2029separators",
    "]]> <!-- --> <![CDATA[ x",
]

sentences = st.one_of(
    st.text(min_size=1, max_size=200),
    st.sampled_from(HOSTILE).map(lambda bad: f"{bad} met {bad} in Paris."),
    st.builds(lambda a, b: f"{a} acquired {b}.", st.sampled_from(HOSTILE),
              st.text(min_size=1, max_size=40)),
    st.builds(lambda name: f"The company {name} hired Marie Curie.",
              st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1,
                      max_size=30)),
)
documents = st.lists(sentences, min_size=1, max_size=4).map(" ".join)

def _settings(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple]] = []

    def handle_starttag(self, tag, attrs):
        # Attribute names, and values that are not document data, define the structure.
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))


def _structure(page: str) -> list[tuple[str, tuple]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def _graph(nlp, text: str) -> KnowledgeGraph:
    return merge_into(KnowledgeGraph(), extract([("doc.txt", text)], nlp))


@_settings(80)
@given(text=documents)
def test_extraction_never_raises_and_offsets_hold(nlp, text):
    for triple in extract([("doc.txt", text)], nlp):
        p = triple.provenance
        assert text[p.sentence_start:p.sentence_end] == p.sentence
        assert text[p.subject_start:p.subject_end] == p.subject_text
        assert text[p.object_start:p.object_end] == p.object_text
        assert triple.subject.label.strip() and triple.object.label.strip()


@_settings(30)
@given(text=documents)
def test_rdf_export_reparses_in_both_engines(nlp, text):
    graph = _graph(nlp, text)
    dataset = to_rdf(graph)
    for fmt, ox_format in (("turtle", pyoxigraph.RdfFormat.TURTLE),
                           ("nt", pyoxigraph.RdfFormat.N_TRIPLES)):
        data = serialize_rdf(dataset, fmt)
        parsed = rdflib.Graph().parse(data=data, format=fmt)
        quads = list(pyoxigraph.parse(io.BytesIO(data), format=ox_format))
        assert len(quads) == len(parsed)
    labels = {str(o) for o in rdflib.Graph().parse(
        data=serialize_rdf(dataset, "turtle"), format="turtle").objects(None, rdflib.RDFS.label)}
    for _, attrs in graph.nodes(data=True):
        assert attrs["label"] in labels


BASELINE: list = []


@_settings(20)
@given(text=documents)
def test_html_keeps_document_text_in_text_context(nlp, text):
    if not BASELINE:
        BASELINE.append(_structure(render_html(_graph(nlp, "Marie Curie met Pierre Curie."))))
    page = render_html(_graph(nlp, text))
    assert _structure(page) == BASELINE[0]
    for bad in ("<img src=x", "<script>window.__pwned", "<a href='javascript"):
        assert bad not in page
