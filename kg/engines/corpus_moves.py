"""The corpus-wide name pass on merged tables, for a graph that is never gathered.

:func:`kg.merge.resolve_corpus_names` joins, once the whole corpus is merged, nodes that
documents named differently ("Mugabe" and "Robert Mugabe", "Lodz" and "Łódź"). Which node joins
which (:func:`kg.corpus_names.corpus_name_moves`) depends on node attributes alone, never on
facts, so the merged entity table is enough to find the moves (:func:`name_moves`). Applied to
the tables before their final merge, the moves give the tables of the moved graph:

* :func:`joined_entities`: the nodes the moves join, merged again from the mention counts of
  the nodes involved with the moves made (:func:`move_mentions`: a moved node's counts take
  the key it joins, and every form and alias surface of the moved node records the move's
  rule, as ``kg.merge._add_node_attrs(..., extra_rule=rule)`` does); they replace their rows
  in the entity table, and the moved nodes leave it (:func:`replace_entities`);
* :func:`move_rows`: triple rows take the new keys (``subject``, ``object``, ``source`` and the
  provenance's ``attributed_to``); a fact the move turns into a self-loop is dropped.

Plain pandas, tested without a cluster; :func:`moved_tables` maps them over the partitions of
:mod:`kg.engines.dask_engine`'s tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Mapping

import pandas as pd

from kg.corpus_names import corpus_name_moves
from kg.engines.tables import finalize_entities, graph_from_tables

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["Moves", "name_moves", "new_keys", "move_mentions", "move_rows", "joined_entities",
           "replace_entities", "moved_tables"]

#: ``{old key: (key it joins, rule)}``, as :func:`kg.corpus_names.corpus_name_moves` gives.
Moves = Mapping[str, tuple[str, str]]


def name_moves(entities: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """The corpus-wide name moves of a merged entity table (every entity of the corpus).

    The nodes are built in the order the local merge meets them (``first``), so that the
    moves are exactly those :func:`kg.merge.resolve_corpus_names` makes on the whole graph.
    """
    return corpus_name_moves(graph_from_tables((), entities))


def new_keys(moves: Moves) -> dict[str, str]:
    """``{old key: new key}`` of ``moves`` (what the triple rows need).

    >>> new_keys({"mugabe": ("robert mugabe", "corpus_surname")})
    {'mugabe': 'robert mugabe'}
    """
    return {old: new for old, (new, _rule) in moves.items()}


def move_mentions(counts: pd.DataFrame, moves: Moves) -> pd.DataFrame:
    """Mention counts (:data:`kg.engines.tables.MENTION_COLUMNS`, ``n``, ``first``) with
    ``moves`` made: a moved node's rows take the key it joins, and one row of no mention
    (``n`` 0) per form and per surface of those rows records the move's rule, so that the
    merged node lists it in ``alias_rules`` for each of them. Dtypes are kept (a shuffle
    hashes keys by dtype)."""
    moved = counts["key"].isin(list(moves))
    if not moved.any():
        return counts
    rows = counts[moved]
    targets = [moves[key][0] for key in rows["key"]]
    rules = [moves[key][1] for key in rows["key"]]
    marks = []
    for column in ("form", "surface"):
        named = (rows[column] != "").to_numpy(dtype=bool)
        marks.append(pd.DataFrame({
            "key": targets, "form": "", "type": "", "surface": rows[column].to_numpy(),
            "rules": rules, "honorific": "", "role": "", "scope": rows["scope"].to_numpy(),
            "n": 0, "first": rows["first"].to_numpy(),
        })[named])
    out = counts.copy()
    out.loc[moved, "key"] = targets
    return pd.concat([out, *marks], ignore_index=True)[list(counts.columns)].astype(
        counts.dtypes.to_dict())


def move_rows(rows: pd.DataFrame, keys: Mapping[str, str]) -> pd.DataFrame:
    """Keyed triple rows (:func:`kg.engines.tables.keyed`) with the node keys ``keys`` moves
    (``{old: new}``) replaced in ``subject``, ``object``, ``source`` and ``attributed_to``;
    a row between a moved node and the node it joins (or two nodes that join one) is dropped,
    as :func:`kg.merge.resolve_corpus_names` drops the fact it would make of a thing and
    itself. Dtypes are kept."""
    columns = ("subject", "object", "source", "attributed_to")
    old = list(keys)
    if not any(rows[column].isin(old).any() for column in columns):
        return rows
    touched = rows["subject"].isin(old) | rows["object"].isin(old)
    out = rows.copy()
    for column in columns:
        out[column] = [keys.get(key, key) if isinstance(key, str) else key
                       for key in out[column]]
    out = out[~(touched & (out["subject"] == out["object"]))]
    return out.astype(rows.dtypes.to_dict())


def joined_entities(counts: pd.DataFrame, moves: Moves) -> pd.DataFrame:
    """The merged entity rows of the nodes ``moves`` join, from every mention count of
    the moved nodes and of the nodes they join (``counts`` may hold other keys too)."""
    targets = {new for new, _rule in moves.values()}
    involved = counts[counts["key"].isin([*moves, *targets])]
    entities = finalize_entities(move_mentions(involved, moves))
    return entities[entities["key"].isin(list(targets))]


def replace_entities(entities: pd.DataFrame, joined: pd.DataFrame, moved: Iterable[str]
                     ) -> pd.DataFrame:
    """A partition of the merged entity table without the ``moved`` nodes, and with the rows
    of the nodes they join replaced by ``joined`` (:func:`joined_entities`); each node stays
    in the partition that held it."""
    gone = entities["key"].isin([*moved, *joined["key"]])
    if not gone.any():
        return entities
    kept = entities[~gone]
    new = joined[joined["key"].isin(entities["key"])]
    return pd.concat([kept, new], ignore_index=True).astype(entities.dtypes.to_dict())


def moved_tables(rows: dd.DataFrame, counts: dd.DataFrame, entities: dd.DataFrame,
                 moves: Moves) -> tuple[dd.DataFrame, dd.DataFrame] | None:
    """Dask triple ``rows`` with ``moves`` made (:func:`move_rows`; merge them as before),
    and the merged ``entities`` table with them made: only the mention counts of the nodes
    involved are gathered and merged again (:func:`joined_entities`). None without moves;
    the moves travel as one task, not once per partition."""
    if not moves:
        return None
    import dask

    involved = [*moves, *{new for new, _rule in moves.values()}]
    joined = joined_entities(counts[counts["key"].isin(involved)].compute(), moves)
    rows = rows.map_partitions(move_rows, dask.delayed(new_keys(moves), traverse=False),
                               meta=rows._meta)
    entities = entities.map_partitions(replace_entities, dask.delayed(joined),
                                       dask.delayed(sorted(moves)), meta=entities._meta)
    return rows, entities
