#!/usr/bin/env bash
# Where a cold build of N generated pages spends its CPU: a JFR recording of `bin/patella build`,
# then the top methods and packages by self and total time (bench/JfrTop.java).
#
#   bench/profile.sh [PAGES] [TOP]      default 4000 pages, top 25 entries
#   DIR=/dev/shm/p bench/profile.sh     where the generated project goes (default target/profile)
#
# The recording stays in $DIR/build.jfr for `jfr print` or JDK Mission Control.
set -euo pipefail
# builds by themselves, as measured: none leaves a build server behind (see bin/patella)
export PATELLA_SERVER=off
cd "$(dirname "$0")/.."
n=${1:-4000}
top=${2:-25}
dir=${DIR:-target/profile}
[ -f target/patella.jar ] || mvn -q -B -DskipTests package
mkdir -p "$dir"
java bench/Generate.java "$n" "$dir/site-$n" >/dev/null
project="$dir/site-$n/patella"
rm -rf "$project/site" "$project"/.site.* "$project/.patella"
jfr="$(cd "$dir" && pwd)/build.jfr"
PATELLA_JAVA_OPTS="-XX:StartFlightRecording=filename=$jfr,settings=profile -XX:FlightRecorderOptions=stackdepth=512 ${PATELLA_JAVA_OPTS:-}" \
  bin/patella build --project "$project" | tail -1
java bench/JfrTop.java "$jfr" "$top"
