#!/usr/bin/env bash
# Patella against Hugo on the same synthetic pages, measured side by side in one run.
#
#   bench/run.sh [SIZES...]        default sizes: 250 1000 4000
#   RUNS=5 bench/run.sh 4000       runs per measurement (median reported), alternating tools
#
# Prints, per size: median wall time and median peak RSS of a cold full build for both tools,
# the Patella/Hugo ratio, and Patella's rebuild after one page changed and with nothing changed
# (build cache in the project's .patella/ folder) against Hugo's full build.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(250 1000 4000)

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -f target/patella.jar ] && [ -f target/patella.jsa ] || mvn -q -B -DskipTests package

PATELLA=(bin/patella)
work=target/bench
mkdir -p "$work"

# measure LABEL CMD... : appends "seconds kib" for one run to $work/LABEL.txt
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/.time" "$@" >/dev/null 2>"$work/.err" || { cat "$work/.err"; exit 1; }
  cat "$work/.time" >> "$work/$label.txt"
}

# median FILE COLUMN
median() { sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r)"
echo "java: $(java -version 2>&1 | head -1); hugo: $(hugo version | cut -d' ' -f2)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); runs per figure: $RUNS (median)"
printf '\n%-7s %-28s %10s %10s %8s\n' pages measurement seconds "peak MiB" ratio

for n in "${SIZES[@]}"; do
  dir="$work/site-$n"
  java bench/Generate.java "$n" "$dir" >/dev/null
  rm -f "$work"/*.txt
  for i in $(seq "$RUNS"); do
    # cold: no site, no back buffer, no build cache
    rm -rf "$dir/patella/site" "$dir/patella"/.site.* "$dir/patella/.patella" "$dir/hugo/public"
    measure patella-cold "${PATELLA[@]}" build --project "$dir/patella"
    measure hugo-cold hugo --quiet -s "$dir/hugo" -d public
    # an editor's steady state: the build before also changed a page, so the back buffer is warm
    echo "Edited $i." >> "$dir/patella/content/pages/guide-$((n / 3)).md"
    "${PATELLA[@]}" build --project "$dir/patella" >/dev/null
    echo "Changed $i." >> "$dir/patella/content/pages/guide-$((n / 2)).md"
    measure patella-one-changed "${PATELLA[@]}" build --project "$dir/patella"
    measure patella-unchanged "${PATELLA[@]}" build --project "$dir/patella"
  done
  hugo_s=$(median "$work/hugo-cold.txt" 1)
  for label in hugo-cold patella-cold patella-one-changed patella-unchanged; do
    s=$(median "$work/$label.txt" 1)
    kib=$(median "$work/$label.txt" 2)
    awk -v n="$n" -v l="$label" -v s="$s" -v k="$kib" -v h="$hugo_s" \
      'BEGIN { printf "%-7s %-28s %10.2f %10.0f %8.2f\n", n, l, s, k / 1024, (h > 0 ? s / h : 0) }'
  done
done
