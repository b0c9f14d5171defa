#!/usr/bin/env bash
# How many Spring application contexts the test suite starts, and which test classes share each (decision 0166): a
# figure the machine's load does not move, unlike the suite's time. Compiles the tests, starts no context.
#   bench/test-contexts.sh
set -euo pipefail
cd "$(dirname "$0")/.."

nice ./mvnw -q test-compile -Dspotless.check.skip=true
nice ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# Logback, unconfigured outside Spring Boot, logs each class's bootstrap on the console: left out.
nice java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.TestContexts target/test-classes 2>/dev/null | grep -v '^[0-9:.]* \['
