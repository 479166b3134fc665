"""Runs the README's DuckDB queries (queries.sql) on a claims folder.

Usage: python3 duckdb_queries.py QUERIES.sql CLAIMS_DIR
Prints one JSON object: {"queries": [[row, ...], ...], "seconds": [...]}; each
row is a list of values (dates as text). The queries name 'world/claims', the
folder of `diplograph export parquet -o world`; it is replaced by CLAIMS_DIR.
"""
import json
import sys
import time

import duckdb

queries_file, claims = sys.argv[1], sys.argv[2]
text = open(queries_file, encoding="utf-8").read()
queries = [q.strip() for q in text.split(";") if q.strip()]
con = duckdb.connect()
results, seconds = [], []
for q in queries:
    start = time.perf_counter()
    rows = con.execute(q.replace("world/claims", claims)).fetchall()
    seconds.append(time.perf_counter() - start)
    results.append([[v if isinstance(v, (int, str, bool)) or v is None else str(v) for v in r] for r in rows])
print(json.dumps({"queries": results, "seconds": seconds}))
