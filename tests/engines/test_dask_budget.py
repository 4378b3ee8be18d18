"""The extraction budget on a Dask cluster: tasks run in worker threads, and a hung document
is still stopped, skipped and named, with every other document's facts kept."""

from __future__ import annotations

import importlib

import pytest

from tests import hang_extractor
from tests.hang_extractor import NAME
from tests.kg.test_budget import QUICK, check_hung_document_skipped
from tests.kg.test_budget import hang_corpus as _hang_corpus

hang_corpus = pytest.fixture(_hang_corpus.__wrapped__, name="hang_corpus")

pytestmark = pytest.mark.integration


def test_dask_build_skips_the_hung_document_and_keeps_the_others(hang_corpus, dask_client):
    from kg.engines.dask_engine import build_graph_dask

    dask_client.run(importlib.import_module, hang_extractor.__name__)  # register on workers
    graph, report = build_graph_dask([hang_corpus], client=dask_client, extractor=NAME,
                                     budget=QUICK)
    check_hung_document_skipped(graph, report, hang_corpus)
