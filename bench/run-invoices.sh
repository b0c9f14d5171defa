#!/usr/bin/env bash
# Invoicing benchmark: time to send 20 invoices (issued, PDFs rendered, e-mails accepted by a real SMTP
# server) and time to render one invoice PDF, after warm-up, on embedded PostgreSQL with GreenMail.
#   bench/run-invoices.sh [--rounds=10] [--renders=300]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q -DskipTests -Dspotless.check.skip=true test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.InvoiceBenchmark "$@" 2>&1 | tee target/bench/invoices-last-run.txt
