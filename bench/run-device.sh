#!/usr/bin/env bash
# Device check-in benchmark: 1,000,000 licences in an embedded PostgreSQL under target/bench (shared with
# bench/run.sh, kept between runs), one activated screen on each of 10,000 of them, the packaged
# application in its own JVM (-Xmx512m), and wrk against the signed check-in and the trivial time
# endpoint of the same server, in the same run. Prints req/s and p50/p90/p99 for both.
#   bench/run-device.sh [--licences=1000000] [--screens=10000] [--warmup=20] [--duration=30] [--rounds=2]
#                       [--threads=2] [--connections=16] [--jvm="-XX:+UseParallelGC ..."] [--fresh]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk
fi
./mvnw -q -DskipTests -Dspotless.check.skip=true package
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/bench
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    io.licencedesk.bench.DeviceBenchmark "$@" 2>&1 | tee target/bench/device-last-run.txt
