#!/usr/bin/env bash
# make test-spark: runs examples/spark/acta_job.py on a real local Spark (local[2]) over corpus/
# plus two bad files, and checks that its Parquet tables hold exactly the rows of acta's own run.
# Installs what is missing: a Java runtime from Debian's packages, pyspark from PyPI in a virtual
# environment under target/. Prints reports per second through Spark and through acta alone.
set -euo pipefail
cd "$(dirname "$0")/.."
PYSPARK_VERSION="${PYSPARK_VERSION:-3.5.9}"
work=target/spark-test
venv=target/spark-venv

apt_install() {
    echo "test-spark: installing $* from Debian's packages"
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"
    else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends "$@"; fi
}
command -v java >/dev/null 2>&1 || apt_install default-jre-headless
command -v python3 >/dev/null 2>&1 || apt_install python3 python3-venv
python3 -c "import venv, ensurepip" 2>/dev/null || apt_install python3-venv
now() { python3 -c 'import time; print(time.time())'; }
elapsed() { python3 -c "import sys, time; print(time.time() - float(sys.argv[1]))" "$1"; }
if [ ! -x "$venv/bin/spark-submit" ] || ! "$venv/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')"; then
    echo "test-spark: installing pyspark $PYSPARK_VERSION into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
cargo build --release --locked --quiet --bin acta

rm -rf "$work"
mkdir -p "$work/input"
cp -r corpus/. "$work/input/"
: > "$work/input/empty.txt"                      # an error row: empty file
printf 'PK\003\004\000\000binary' > "$work/input/zipped.txt"   # an error row: binary content
reports=$(find "$work/input" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.htm' \) | wc -l)

start=$(now)
./target/release/acta extract "$work/input" --out "$work/local" --quiet --jobs 2 || [ $? -eq 1 ]
local_s=$(elapsed "$start")

export PYSPARK_PYTHON="$PWD/$venv/bin/python"
start=$(now)
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --driver-java-options "-Dlog4j2.level=WARN" \
    examples/spark/acta_job.py "$work/input" --acta target/release/acta --out "$work/spark" 2> "$work/spark.log" \
    || { tail -40 "$work/spark.log"; exit 1; }
spark_s=$(elapsed "$start")

"$venv/bin/spark-submit" --master 'local[1]' --conf spark.ui.enabled=false \
    examples/spark/check_tables.py "$work/local" "$work/spark" 2> "$work/check.log" \
    || { echo "test-spark: the Parquet tables differ from acta's own output (Spark's log: $work/check.log)"; exit 1; }
python3 - "$reports" "$local_s" "$spark_s" <<'PY'
import sys
n, local, spark = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"test-spark: {n} reports: acta alone (--jobs 2) {local:.2f} s = {n / local:.0f} reports/s; "
      f"Spark local[2] {spark:.1f} s = {n / spark:.1f} reports/s (job start-up included)")
PY
