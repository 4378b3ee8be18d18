"""build_graph_dask takes its options as one DaskSettings, or one by one as keyword arguments
(as it always has); keywords override the settings object. No cluster is started: every call
here stops at the checks that come first."""

from __future__ import annotations

import dataclasses

import pytest

from kg.engines.dask_engine import DaskSettings, build_graph_dask


def test_dask_settings_are_frozen_and_list_every_option():
    settings = DaskSettings(workers=4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.workers = 2  # type: ignore[misc]
    assert {f.name for f in dataclasses.fields(DaskSettings)} == {
        "scheduler", "workers", "model", "extractor", "patterns", "checkpoint_dir",
        "output_dir", "collect", "partition_bytes", "output_partitions", "base", "progress",
        "budget", "assert_claims", "min_confidence"}


@pytest.mark.parametrize("call", [
    lambda: build_graph_dask([], collect=False),
    lambda: build_graph_dask([], settings=DaskSettings(collect=False)),
    lambda: build_graph_dask([], settings=DaskSettings(collect=True), collect=False),
])
def test_build_graph_dask_reads_options_from_keywords_or_settings(call):
    with pytest.raises(ValueError, match="nothing to produce"):
        call()


def test_build_graph_dask_keywords_override_settings_and_unknown_ones_are_refused():
    with pytest.raises(ValueError, match="workers must be at least 1, not 0"):
        build_graph_dask([], settings=DaskSettings(workers=3), workers=0)
    with pytest.raises(TypeError, match="worker"):
        build_graph_dask([], worker=2)
