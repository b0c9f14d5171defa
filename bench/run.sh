#!/usr/bin/env bash
# The main-list benchmark in one command: packages the application, then loads N licences into an
# embedded PostgreSQL under target/bench (kept between runs; --fresh regenerates), starts the jar with
# -Xmx512m on a free port and prints p50/p95/p99 per case with PostgreSQL's own EXPLAIN ANALYZE times: the
# console's page (session), then the REST API's GET /api/v1/licences (bearer token), then a token against a
# session on the same search.
#   bench/run.sh [--licences=1000000] [--clients=10000] [--warmup=30] [--warmup-seconds=180] [--requests=200] [--explained=5]
#                [--auth-requests=2000] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dspotless.check.skip=true package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.MainListBenchmark "$@" 2>&1 | tee target/bench/last-run.txt
