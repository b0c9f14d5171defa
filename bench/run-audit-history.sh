#!/usr/bin/env bash
# A client's history at size (decision 0150): the console's client page (its History card, the newest 25 entries about
# the client's account, licences and invoices) and the audit log filtered to everything about a client, for a small
# client whose entries are years old, a client with 5,000 licences and a client with no entries, over an audit log of
# about 1,000,000 entries. Packages the application, reuses (or loads) target/bench/audit-pgdata (or --pgdata=), starts
# the jar with -Xmx512m, signs in as the bench owner, warms up, then times each case one request after another, with
# PostgreSQL's time per request (auto_explain). Writes target/bench/audit-history-last-run.txt and
# target/bench/audit-history-plans/. Runs under nice: the machine is shared.
#   bench/run-audit-history.sh [--licences=200000] [--clients=10000] [--entries=1000000] [--pgdata=target/bench/audit-pgdata]
#                              [--warmup-seconds=20] [--requests=20] [--explained=3] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

nice ./mvnw -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package
nice ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
nice java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.AuditHistoryBenchmark "$@" 2>&1 | tee target/bench/audit-history-last-run.txt
