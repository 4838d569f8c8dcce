#!/usr/bin/env bash
# Two builds of Patella against each other on cold builds, alternating, each on a fresh copy of a
# project (no site/, no .patella/, no build server), on the RAM disk:
#
#   bench/cold-ab.sh BIN_A PROJECT_A BIN_B PROJECT_B RUNS
#
# BIN_A and BIN_B are bin/patella of two clones (each packaged with mvn -q -DskipTests package);
# PROJECT_A and PROJECT_B the projects each builds, such as the patella/ folder that each clone's
# bench/Generate.java makes (java bench/Generate.java 250 DIR): the shipped content and templates
# are part of what a version builds, so each side builds its own. Prints, for each side, the
# medians of wall time, CPU time (user and system) and peak memory, and the exit code of any build
# that failed (a failed build does less work, so its times say nothing).
set -euo pipefail
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
A=$1; TA=$2; B=$3; TB=$4; N=$5
times=$(mktemp)
trap 'rm -rf "$times" "$times.one" "$times.failed" /dev/shm/cold-ab-A /dev/shm/cold-ab-B' EXIT
for _ in $(seq 1 "$N"); do
  for side in A B; do
    bin=$A; project=$TA; [ $side = B ] && bin=$B && project=$TB
    d=/dev/shm/cold-ab-$side; rm -rf "$d"; cp -r "$project" "$d"
    rc=0
    /usr/bin/time -f "$side %e %U %S %M" -o "$times.one" env PATELLA_SERVER=off "$bin" build --project "$d" > /dev/null 2>&1 || rc=$?
    if [ $rc = 0 ]; then cat "$times.one" >> "$times"; else echo "$side failed" >> "$times.failed"; fi
  done
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for side in A B; do
  wall=$(awk -v s=$side '$1==s {print $2}' "$times" | median)
  cpu=$(awk -v s=$side '$1==s {print $3+$4}' "$times" | median)
  kb=$(awk -v s=$side '$1==s {print $5}' "$times" | median)
  ok=$(awk -v s=$side '$1==s' "$times" | wc -l)
  failed=$( (grep -c "^$side " "$times.failed" 2>/dev/null) || true); [ "$failed" != 0 ] || failed=
  if [ "$ok" = 0 ]; then echo "$side: every build failed; try: PATELLA_SERVER=off BIN build --project PROJECT"; continue; fi
  echo "$side: median wall $wall s, cpu $cpu s, peak memory $((kb / 1024)) MB ($ok builds${failed:+, $failed failed and left out})"
done
