#!/usr/bin/env bash
# The licence CSV export against PostgreSQL's own psql \copy of the same select, in one run on the same database
# (issue 11: at most 1.5× psql's time, first byte within a second, flat memory with -Xmx512m). Packages the
# application, then reuses (or loads) the main-list benchmark's database (target/bench/pgdata, or --pgdata=), starts
# the jar with -Xmx512m, warms up and times --rounds rounds of one export over HTTP and one psql \copy, alternating.
# Writes target/bench/export-last-run.txt.
#   bench/run-export.sh [--licences=1000000] [--clients=10000] [--pgdata=target/bench/pgdata] [--psql=/path/to/psql]
#                       [--rounds=5] [--warmup=3] [--warmup-full=2] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dspotless.check.skip=true package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.ExportBenchmark "$@" 2>&1 | tee target/bench/export-last-run.txt
