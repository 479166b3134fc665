"""Spark in local mode as a map step: a JSONL corpus through `RDD.pipe` into
`diplograph extract -`, the claims parsed by Spark and written as Parquet,
partitioned by month.

Usage: python3 spark_pipe.py DIPLOGRAPH CORPUS.jsonl OUT_DIR
Prints one JSON object: {"claims": N, "partitions": P, "seconds": S}.
"""
import json
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

binary, corpus, out = sys.argv[1:4]
start = time.perf_counter()
spark = (
    SparkSession.builder.master("local[2]")
    .appName("diplograph-map")
    .config("spark.ui.enabled", "false")
    .config("spark.sql.shuffle.partitions", "2")
    .getOrCreate()
)
spark.sparkContext.setLogLevel("ERROR")
# Each partition's records go through one `extract -` process; its stdout
# lines (one JSON claim each) are the partition's output.
records = spark.sparkContext.textFile(corpus, minPartitions=3)
claims = records.pipe(binary + " extract -", checkCode=True)
df = spark.read.json(claims)
df = df.withColumn("date", F.to_date("date")).withColumn(
    "month", F.coalesce(F.date_format("date", "yyyy-MM"), F.lit("unknown"))
)
df.write.mode("overwrite").partitionBy("month").parquet(out)
count = spark.read.parquet(out).count()
partitions = records.getNumPartitions()
spark.stop()
print(json.dumps({"claims": count, "partitions": partitions, "seconds": time.perf_counter() - start}))
