#!/usr/bin/env bash
# Measures save-to-reload latency of `patella serve` on the shipped site and on generated
# sites of the given sizes (default: 4000 extra pages). See the README's "Live preview" section.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.patella.bench.ServeLatency "$@"
