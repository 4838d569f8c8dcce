#!/usr/bin/env bash
# `patella serve` under wrk (64 connections, 10 s) while an exercise is saved every 200 ms:
# requests per second, latency, saves and rebuilds, heap and threads. Needs Debian's wrk
# (apt-get install -y wrk). The JDK's web server gets the settings `patella serve` gives it.
# See the README's "The dev server under load".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Dsun.net.httpserver.nodelay=true -Dsun.net.httpserver.maxReqTime=5 \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.patella.bench.ServeLoad "$@"
