#!/usr/bin/env bash
# How long `patella build` takes on each pathological input of issue 11 (deep or quadratic
# Markdown, runaway templates), each alone in the minimal test site, and the error it reports.
# See the README's "Limits" section.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.patella.bench.PathologicalInputs "$@"
