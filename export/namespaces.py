"""The RDF namespaces kg writes and the prefixes ``kg query`` predeclares.

kg's own terms live in one fixed vocabulary, :data:`KGV`, that does not depend on the base IRI
a user picks for their data; entities, relations and documents live under that base
(:func:`base_namespaces`). Standard vocabularies come from rdflib.

>>> str(KGV.Entity)
'https://w3id.org/kg-builder/vocab#Entity'
>>> str(base_namespaces("http://example.org/kg/")["rel"].stem_from)
'http://example.org/kg/relation/stem_from'
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = [
    "KGV",
    "RDF",
    "RDFS",
    "SKOS",
    "SCHEMA",
    "PROV",
    "DCTERMS",
    "XSD",
    "STANDARD_PREFIXES",
    "NER_CLASSES",
    "base_namespaces",
    "prefixes",
]

#: kg's own vocabulary (classes and properties); fixed, whatever the data's base IRI.
KGV = Namespace("https://w3id.org/kg-builder/vocab#")

#: schema.org, in its canonical https form (as rdflib's ``SDO``).
SCHEMA = SDO

#: Prefixes bound in every export and predeclared in every query, base-independent ones.
STANDARD_PREFIXES: dict[str, Namespace] = {
    "kgv": KGV,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "schema": Namespace(str(SCHEMA)),
    "prov": Namespace(str(PROV)),
    "dcterms": Namespace(str(DCTERMS)),
    "xsd": Namespace(str(XSD)),
}

#: spaCy NER label -> schema.org class, for the labels that have a fitting class.
NER_CLASSES = {
    "PERSON": SCHEMA.Person,
    "ORG": SCHEMA.Organization,
    "GPE": SCHEMA.Place,
    "LOC": SCHEMA.Place,
    "FAC": SCHEMA.Place,
    "PRODUCT": SCHEMA.Product,
    "EVENT": SCHEMA.Event,
    "WORK_OF_ART": SCHEMA.CreativeWork,
    "LAW": SCHEMA.Legislation,
    "LANGUAGE": SCHEMA.Language,
}


def base_namespaces(base: str) -> dict[str, Namespace]:
    """The data namespaces under ``base``: ``kg`` itself, ``ent``, ``rel`` and ``doc``.

    Statements and mentions live directly under ``<base>statement/`` and ``<base>mention/``.
    """
    return {
        "kg": Namespace(base),
        "ent": Namespace(base + "entity/"),
        "rel": Namespace(base + "relation/"),
        "doc": Namespace(base + "document/"),
    }


def prefixes(base: str) -> dict[str, Namespace]:
    """Every prefix kg binds for a graph under ``base``: standard ones, then the base ones."""
    return {**STANDARD_PREFIXES, **base_namespaces(base)}
