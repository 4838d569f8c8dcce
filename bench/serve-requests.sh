#!/usr/bin/env bash
# Measures how `patella serve`, in its own JVM, answers a kept-alive connection and an unfinished
# request. See the README's "The dev server under attack".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.patella.bench.ServeRequests "$@"
