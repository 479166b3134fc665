"""Rewrites a claims folder as another engine would lay it out: one file,
actors as structs {id, kind, country, name}, span as a list, the date as a
timestamp, the sentence as a 32-bit integer.

Usage: python3 duckdb_nested.py CLAIMS_DIR OUT.parquet
"""
import sys

import duckdb

claims, out = sys.argv[1], sys.argv[2]
duckdb.connect().execute(
    f"""COPY (
      SELECT {{'id': source, 'kind': source_kind, 'country': source_country, 'name': source_name}} AS source,
             relation,
             {{'id': target, 'kind': target_kind, 'country': target_country, 'name': target_name}} AS target,
             negated, hedged, attributed_to, article, CAST(date AS TIMESTAMP) AS date,
             CAST(sentence AS INTEGER) AS sentence, [span_start, span_end] AS span, text, title, url, role
      FROM read_parquet('{claims}/**/*.parquet')
    ) TO '{out}' (FORMAT parquet)"""
)
print("{}")
