#!/usr/bin/env bash
# The licence CSV import of 1,000,000 licences (a file made by the export) against PostgreSQL's own COPY of the same
# rows into the same table with the same indexes, in one run (issue 11: at most 60 s, at most 1.2× COPY, flat memory
# with -Xmx512m). Packages the application, then reuses (or loads) the main-list benchmark's database
# (target/bench/pgdata, or --pgdata=), starts the jar with -Xmx512m and runs ImportBenchmark. The database is left as
# it was found (the imported licences are deleted at the end). Writes target/bench/import-last-run.txt.
#   bench/run-import.sh [--licences=1000000] [--clients=10000] [--pgdata=target/bench/pgdata] [--jfr]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dspotless.check.skip=true package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.ImportBenchmark "$@" 2>&1 | tee target/bench/import-last-run.txt
