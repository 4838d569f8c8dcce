#!/usr/bin/env bash
# One page edited, command-line rebuild: an earlier Patella against this one, side by side in one
# run (alternating which goes first), on generated pages. Prints medians of wall time, user CPU
# and peak memory, and the ratios after/before: on a shared machine the CPU ratio is the steadier.
#
#   BEFORE=/tmp/before bench/rebuild-ab.sh [PAGES] [RUNS]     default 4000 pages, 5 runs
#   DIR=/dev/shm/rebuild-ab                                     where the projects go (a RAM disk by default)
#
# BEFORE is a checkout of the earlier commit with its jar built (`git worktree add /tmp/before
# COMMIT && (cd /tmp/before && mvn -q -DskipTests package)`); each Patella builds its own copy of
# the pages, generated with its own templates.
set -euo pipefail
# builds by themselves, as measured: none leaves a build server behind (see bin/patella)
export PATELLA_SERVER=off
cd "$(dirname "$0")/.."
repo=$(pwd)
n=${1:-4000}
runs=${2:-5}
before=${BEFORE:?set BEFORE to a checkout of the earlier commit, with target/patella.jar built}
dir=${DIR:-/dev/shm/rebuild-ab}
[ -f target/patella.jar ] || mvn -q -B -DskipTests package
mkdir -p "$dir"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

for side in before after; do
  src=$([ "$side" = before ] && echo "$before" || echo "$repo")
  rm -rf "$dir/$side-$n"
  (cd "$src" && java "$repo/bench/Generate.java" "$n" "$dir/$side-$n" >/dev/null)
  p="$dir/$side-$n/patella"
  # two builds: the full one, then one after an edit, so the measured builds find the notes an edit leaves
  "$src/bin/patella" build --project "$p" >/dev/null
  echo "Edited." >> "$p/content/pages/guide-$((n / 3)).md"
  "$src/bin/patella" build --project "$p" >/dev/null
done

for i in $(seq "$runs"); do
  order=(before after)
  [ $((i % 2)) -eq 0 ] && order=(after before)
  for side in "${order[@]}"; do
    src=$([ "$side" = before ] && echo "$before" || echo "$repo")
    p="$dir/$side-$n/patella"
    echo "Changed $i." >> "$p/content/pages/guide-$((n / 2)).md"
    /usr/bin/time -f "%e %U %M" -a -o "$scratch/$side.txt" "$src/bin/patella" build --project "$p" >/dev/null
  done
done

median() { sort -n -k"$2" "$scratch/$1.txt" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'; }
echo "one page edited, CLI rebuild, $n pages; $runs runs each, alternating; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| | before | after | after/before |"
echo "|---|---|---|---|"
for c in 1:wall_s 2:user_CPU_s 3:peak_memory_KiB; do
  col=${c%%:*}; label=${c#*:}; label=${label//_/ }
  b=$(median before "$col"); a=$(median after "$col")
  echo "| $label | $b | $a | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}') |"
done
