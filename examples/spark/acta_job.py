#!/usr/bin/env python3
"""Runs acta over a dump of reports on Apache Spark and writes its tables as Parquet.

acta does the extraction; Spark only distributes it. Each partition's reports go through one
`acta extract - --rows - --jobs 1` process (its stdin and stdout, JSON Lines), so that the
executors need nothing but the acta binary, shipped to them with `SparkContext.addFile`.

Input: a folder of report files (walked recursively; .txt, .md, .html and .htm, as `acta extract`
does), or with --jsonl, JSON Lines files of {"id": ..., "text": ...} records. Files are sent to acta
as their bytes (base64), with the id and source `acta extract FOLDER` would give them, so the rows
equal those of a single-machine run.

Output (under --out): Parquet tables `reports` (partitioned by `language`), `speakers` and
`entities` (partitioned by `report_language`, the language of their report), and `errors`; the
columns are those of acta's CSV files.

Laptop:   spark-submit examples/spark/acta_job.py corpus/ --acta target/release/acta --out out/spark
Cluster:  spark-submit --master yarn examples/spark/acta_job.py hdfs:///reports --acta ./acta --out hdfs:///acta
"""

import argparse
import base64
import json
import os
import stat
import subprocess
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession

REPORT_EXTENSIONS = (".txt", ".md", ".html", ".htm")


def run_acta(binary_name, extra_args):
    """The function each partition runs: its input lines through one acta process."""

    def run(lines):
        binary = SparkFiles.get(binary_name)
        mode = os.stat(binary).st_mode
        if not mode & stat.S_IXUSR:
            os.chmod(binary, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        command = [binary, "extract", "-", "--rows", "-", "--quiet", "--jobs", "1", *extra_args]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")

        # Feed stdin from a thread while the rows are read: neither pipe may fill up and block.
        def feed():
            try:
                for line in lines:
                    process.stdin.write(line)
                    process.stdin.write("\n")
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        report_language = None
        for line in process.stdout:
            row = json.loads(line)
            # A report's row comes before its speakers and entities: they take its language.
            if row["table"] == "reports":
                report_language = row.get("language")
            elif row["table"] in ("speakers", "entities"):
                row["report_language"] = report_language
            yield row
        feeder.join()
        status = process.wait()
        # Exit 1 means some reports failed: they are rows of the errors table. Anything else is a crash.
        if status not in (0, 1):
            raise RuntimeError(f"acta exited with status {status}")

    return run


def file_records(spark, folder, partitions):
    """(id, source, bytes) of every report file under the folder, as JSON Lines input for acta."""
    sc = spark.sparkContext
    hadoop = sc._jsc.hadoopConfiguration()
    hadoop.set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    root = folder.rstrip("/")
    jvm_path = sc._jvm.org.apache.hadoop.fs.Path(root)
    qualified = jvm_path.getFileSystem(hadoop).makeQualified(jvm_path).toString().rstrip("/")

    def record(path_and_bytes):
        path, data = path_and_bytes
        relative = path[len(qualified) + 1 :] if path.startswith(qualified + "/") else path
        return json.dumps(
            {"id": relative, "source": f"{root}/{relative}", "base64": base64.b64encode(data).decode("ascii")}
        )

    files = sc.binaryFiles(root, minPartitions=partitions or sc.defaultParallelism)
    return files.filter(lambda f: f[0].lower().endswith(REPORT_EXTENSIONS)).map(record)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="a folder of reports, or JSON Lines files with --jsonl")
    parser.add_argument("--jsonl", action="store_true", help="the input is JSON Lines of {id, text} records")
    parser.add_argument("--acta", required=True, help="the acta binary to ship to the executors")
    parser.add_argument("--out", required=True, help="where to write the Parquet tables")
    parser.add_argument("--partitions", type=int, help="input partitions (default: Spark's parallelism)")
    parser.add_argument("--acta-args", default="", help="further `acta extract` options, e.g. '--languages en,es'")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("acta").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.acta) if "://" not in args.acta else args.acta)
    binary_name = os.path.basename(args.acta)

    if args.jsonl:
        lines = sc.textFile(args.input, minPartitions=args.partitions or sc.defaultParallelism)
        lines = lines.filter(lambda line: line.strip())
    else:
        lines = file_records(spark, args.input, args.partitions)

    rows = lines.mapPartitions(run_acta(binary_name, args.acta_args.split())).cache()
    partition_by = {"reports": "language", "speakers": "report_language", "entities": "report_language"}
    for table in ("reports", "speakers", "entities", "errors"):
        table_rows = rows.filter(lambda r, t=table: r["table"] == t).map(
            lambda r: json.dumps({k: v for k, v in r.items() if k != "table"})
        )
        path = f"{args.out.rstrip('/')}/{table}"
        if table_rows.isEmpty():
            # Spark cannot infer a schema from no rows: the table is written with acta's columns, empty.
            columns = subprocess.run(
                [os.path.abspath(args.acta), "columns", table], capture_output=True, text=True, check=True
            ).stdout.split()
            spark.createDataFrame([], ", ".join(f"`{c}` string" for c in columns)).write.mode("overwrite").parquet(
                path
            )
            continue
        frame = spark.read.json(table_rows)
        writer = frame.write.mode("overwrite")
        if table in partition_by:
            writer = writer.partitionBy(partition_by[table])
        writer.parquet(path)
    spark.stop()


if __name__ == "__main__":
    main()
