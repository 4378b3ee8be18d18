"""The labelled fact set: kg's facts on GUM text nobody tuned for, rated U / T / W by raters.

``label_set.py`` is the command line (sample, sheets, collect, reserve, report); the modules
below are what it calls: :mod:`.voice` (how a fact reads, and its key), :mod:`.mentions`
(extraction and stable sampling), :mod:`.store` (``labels.jsonl``), :mod:`.sheets` (rater
sheets), :mod:`.ratings` (filled ratings files) and :mod:`.report` (counts and agreement).
How a rating round works: ``README.md`` beside this file.
"""

__all__: list[str] = []
