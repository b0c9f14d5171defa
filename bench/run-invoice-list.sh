#!/usr/bin/env bash
# The invoices list, its keyword search, its totals and its CSV export at about 525,000 invoices in one organisation
# (the dashboard benchmark's invoices on the main list's 1,000,000 licences) plus another organisation's as noise.
# Packages the application, reuses (or loads) target/bench/pgdata (or --pgdata=), starts the jar with -Xmx512m, signs
# in as the bench owner, makes a read-only API token, warms up, then times each case one request after another:
# GET /invoices (console), GET /api/v1/invoices, GET /api/v1/invoices/totals and both exports, with p50/p95 and
# PostgreSQL's time per request (auto_explain). Writes target/bench/invoice-list-last-run.txt and
# target/bench/invoice-plans/.
#   bench/run-invoice-list.sh [--licences=1000000] [--clients=10000] [--pgdata=target/bench/pgdata] [--noise=50000]
#                             [--warmup=3] [--warmup-seconds=60] [--requests=20] [--exports=3] [--explained=3] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dspotless.check.skip=true package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.InvoiceListBenchmark "$@" 2>&1 | tee target/bench/invoice-list-last-run.txt
