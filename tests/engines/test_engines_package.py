"""kg.engines costs nothing until an engine is asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.integration  # runs a fresh interpreter
def test_engines_import_does_not_import_dask():
    code = (
        "import sys, kg, kg.build, kg.cli, kg.engines\n"
        "assert kg.engines.ENGINES == ('local', 'dask')\n"
        "print(sorted(m for m in ('dask', 'distributed', 'pandas', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
