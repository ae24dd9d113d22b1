#!/usr/bin/env python3
"""Checks that the Parquet tables of acta_job.py hold exactly the rows of acta's own CSV files.

Usage: check_tables.py LOCAL_OUT_DIR SPARK_OUT_DIR

Each table is compared as a multiset of rows over the CSV file's columns: CSV cells are un-guarded
(acta puts an apostrophe before a cell a spreadsheet would read as a formula), an empty cell equals
a null, numbers are compared as numbers. Prints the row counts; exits 1 on any difference.
"""

import csv
import sys
from collections import Counter

from pyspark.sql import SparkSession

TABLES = ("reports", "speakers", "entities", "errors")
# Parquet tables partitioned by a column hold it as a directory name: it comes back on reading.
EXTRA = {"speakers": {"report_language"}, "entities": {"report_language"}}


def norm(value, numeric):
    """One spelling for a cell, whichever side it comes from: numbers as floats in numeric columns,
    text un-guarded, empty and null alike."""
    if value is None or value == "":
        return None
    if numeric:
        return float(value)
    text = str(value)
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        text = text[1:]
    return text


def main():
    local, spark_out = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.master("local[1]").appName("acta-check").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    failed = False
    for table in TABLES:
        with open(f"{local}/{table}.csv", newline="", encoding="utf-8-sig") as f:
            reader = csv.reader(f)
            columns = next(reader)
            csv_rows = list(reader)
        frame = spark.read.parquet(f"{spark_out}/{table}")
        types = dict(frame.dtypes)
        numeric = [types.get(c, "string") in ("bigint", "int", "double", "float") for c in columns]
        want = Counter(tuple(norm(v, n) for v, n in zip(row, numeric)) for row in csv_rows)
        missing = [c for c in columns if c not in frame.columns]
        extra = [c for c in frame.columns if c not in columns and c not in EXTRA.get(table, set())]
        if missing or extra:
            print(f"{table}: columns differ: missing {missing}, extra {extra}")
            failed = True
            continue
        got = Counter(tuple(norm(row[c], n) for c, n in zip(columns, numeric)) for row in frame.select(*columns).collect())
        status = "same rows" if got == want else "DIFFERENT"
        print(f"{table:<9} acta {sum(want.values()):>6} rows, Spark {sum(got.values()):>6} rows: {status}")
        if got != want:
            failed = True
            for row in list((want - got).elements())[:3]:
                print(f"  only in acta's CSV: {row[:6]}")
            for row in list((got - want).elements())[:3]:
                print(f"  only in Spark's Parquet: {row[:6]}")
    spark.stop()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
