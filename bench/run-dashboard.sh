#!/usr/bin/env bash
# The staff dashboard (GET /) at the main list's scale (issue 12: p95 ≤ 100 ms at 1,000,000 licences). Packages the
# application, then reuses (or loads) the main-list benchmark's database (target/bench/pgdata, or --pgdata=), adds an
# invoice per billed licence and the device benchmark's screens with recent check-ins (once), starts the jar with
# -Xmx512m, warms up and times --requests sequential GET / with p50/p95/p99, the server's mean and PostgreSQL's time
# per statement (auto_explain). Writes target/bench/dashboard-last-run.txt and target/bench/dashboard-plans.txt.
#   bench/run-dashboard.sh [--licences=1000000] [--clients=10000] [--pgdata=target/bench/pgdata] [--screens=10000]
#                          [--warmup=300] [--warmup-seconds=60] [--requests=200] [--explained=5] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dspotless.check.skip=true package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.DashboardBenchmark "$@" 2>&1 | tee target/bench/dashboard-last-run.txt
