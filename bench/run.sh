#!/usr/bin/env bash
# Patella against Hugo on the same synthetic pages, side by side in one run: the table of issue 13.
#
#   bench/run.sh [SIZES...]            default sizes: 250 4000
#   RUNS=5 bench/run.sh                runs per figure (median reported), the two tools alternating
#   DISKS="/dev/shm target/bench"      where the projects are built: a RAM disk and the real disk
#   SERVE=1 bench/run.sh               also the dev-server rows, from bench/serve-outside.sh 4000
#                                      (SERVE_RUNS edits per server, default 30)
#
# For each disk and size it prints, from medians: the cold full build of both tools, Patella's
# rebuild from the command line after one page was edited (against Hugo's full build: Hugo's
# command line has no incremental build), by itself and as `bin/patella build` makes it by default
# (a build run again within 10 minutes leaves a build server for the project: that server, warmed
# up by 15 edits first), Patella's rebuild with nothing changed, and the peak memory (resident set)
# of the cold builds and of the build server; then the ratio Patella/Hugo and the target of issue 13.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
RUNS=${RUNS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(250 4000)
read -r -a DISK_LIST <<< "${DISKS:-/dev/shm/patella-bench target/bench}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2"; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
[ -f target/patella.jar ] || mvn -q -B -DskipTests package

PATELLA=("$repo/bin/patella")
# Builds by themselves: no build server used or left behind (it would use a core while Hugo is
# timed); the server's rows below start and use one as bin/patella does by default.
export PATELLA_SERVER=off
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# measure LABEL CMD... : appends "seconds kib" of one run to $scratch/LABEL.txt
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$scratch/.time" "$@" >/dev/null 2>"$scratch/.err" || { cat "$scratch/.err"; exit 1; }
  cat "$scratch/.time" >> "$scratch/$label.txt"
}

# median LABEL COLUMN (1: seconds, 2: KiB)
median() { sort -n -k"$2" "$scratch/$1.txt" | awk -v c="$2" '{v[NR]=$c} END {print v[int((NR+1)/2)]}'; }

# row MEASUREMENT HUGO PATELLA RATIO TARGET_MAX (ratio and target as numbers; target 0: none)
row() {
  awk -v m="$1" -v h="$2" -v p="$3" -v r="$4" -v t="$5" 'BEGIN {
    verdict = t == 0 ? "" : (r <= t ? "met" : "**not met**")
    printf "| %s | %s | %s | %.2f× | %s |\n", m, h, p, r, (t == 0 ? "" : "≤ " t "×: " verdict) }'
}
# milliseconds with thousands separators (mawk's printf has no %'d)
ms() { awk -v s="$1" 'BEGIN { v = sprintf("%d", s * 1000 + 0.5); o = ""
  while (length(v) > 3) { o = "," substr(v, length(v) - 2) o; v = substr(v, 1, length(v) - 3) }
  printf "%s%s ms", v, o }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%d MB", k / 1024 }'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); hugo: $(hugo version | cut -d' ' -f2)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); runs per figure: $RUNS (median), Patella and Hugo alternating"

for disk in "${DISK_LIST[@]}"; do
  mkdir -p "$disk"
  disk=$(cd "$disk" && pwd)
  echo
  echo "### $disk ($(df --output=fstype,source "$disk" | tail -1 | awk '{print $1 " on " $2}'))"
  echo
  echo "| measurement | Hugo | Patella | ratio | target |"
  echo "|---|---|---|---|---|"
  for n in "${SIZES[@]}"; do
    dir="$disk/site-$n"
    java bench/Generate.java "$n" "$dir" >/dev/null
    rm -f "$scratch"/*.txt
    for i in $(seq "$RUNS"); do
      # cold: no site, no back buffer, no build cache; Hugo from an empty public/
      rm -rf "$dir/patella/site" "$dir/patella"/.site.* "$dir/patella/.patella" "$dir/hugo/public" "$dir/hugo/resources"
      if [ $((i % 2)) -eq 1 ]; then  # which tool goes first alternates from run to run
        measure patella-cold "${PATELLA[@]}" build --project "$dir/patella"
        measure hugo-cold hugo --quiet -s "$dir/hugo" -d public
      else
        measure hugo-cold hugo --quiet -s "$dir/hugo" -d public
        measure patella-cold "${PATELLA[@]}" build --project "$dir/patella"
      fi
      # an editor's steady state: the build before also followed an edit of one page
      echo "Edited $i." >> "$dir/patella/content/pages/guide-$((n / 3)).md"
      "${PATELLA[@]}" build --project "$dir/patella" >/dev/null
      echo "Changed $i." >> "$dir/patella/content/pages/guide-$((n / 2)).md"
      measure patella-one-edited "${PATELLA[@]}" build --project "$dir/patella"
      measure patella-unchanged "${PATELLA[@]}" build --project "$dir/patella"
    done
    # the same edit as bin/patella builds it by default: the project was built seconds ago, so this
    # build leaves a build server running for it (PATELLA_SERVER=on: even where CI is set); after
    # 15 edits that warm it up, as an editor's server is after a few saves; then its peak memory
    log="$dir/patella/.patella/build-server.log"
    rm -f "$log"
    PATELLA_SERVER=on "${PATELLA[@]}" build --project "$dir/patella" >/dev/null 2>&1
    waited=0
    until grep -q '^Ready\.' "$log" 2>/dev/null; do
      [ "$waited" -lt 1200 ] || { echo "no build server started"; cat "$log"; exit 1; }
      sleep 0.2; waited=$((waited + 1))
    done
    server=$(pgrep -f -- "build-server --project $dir/patella")
    for i in $(seq 15); do
      echo "Warmed $i." >> "$dir/patella/content/pages/guide-$((n / 2)).md"
      PATELLA_SERVER=on "${PATELLA[@]}" build --project "$dir/patella" >/dev/null
    done
    for i in $(seq "$RUNS"); do
      echo "Served $i." >> "$dir/patella/content/pages/guide-$((n / 2)).md"
      PATELLA_SERVER=on measure patella-server-edited "${PATELLA[@]}" build --project "$dir/patella"
    done
    sm=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status")
    ran=$(grep -c '^exit 0' "$log" || true)
    kill "$server"
    while kill -0 "$server" 2>/dev/null; do sleep 0.1; done
    [ "$ran" -eq $((15 + RUNS)) ] || { echo "the build server ran $ran builds, not $((15 + RUNS))"; cat "$log"; exit 1; }
    hc=$(median hugo-cold 1); pc=$(median patella-cold 1)
    pe=$(median patella-one-edited 1); pu=$(median patella-unchanged 1)
    hm=$(median hugo-cold 2); pm=$(median patella-cold 2)
    case $n in
      250) cold_target=4 edit_target=0 mem_target=2 ;;
      4000) cold_target=1.5 edit_target=0.3 mem_target=1 ;;
      *) cold_target=0 edit_target=0 mem_target=0 ;;
    esac
    row "cold full build, $n pages" "$(ms "$hc")" "$(ms "$pc")" "$(awk -v a="$pc" -v b="$hc" 'BEGIN {print a / b}')" "$cold_target"
    ps=$(median patella-server-edited 1)
    row "one page edited, CLI rebuild (the default: the build server an earlier build left), $n pages" \
      "(full: $(ms "$hc"))" "$(ms "$ps")" "$(awk -v a="$ps" -v b="$hc" 'BEGIN {print a / b}')" "$edit_target"
    row "one page edited, CLI rebuild by itself (PATELLA_SERVER=off), $n pages" "(full: $(ms "$hc"))" "$(ms "$pe")" \
      "$(awk -v a="$pe" -v b="$hc" 'BEGIN {print a / b}')" "$edit_target"
    row "nothing changed, CLI rebuild, $n pages" "(full: $(ms "$hc"))" "$(ms "$pu")" \
      "$(awk -v a="$pu" -v b="$hc" 'BEGIN {print a / b}')" 0
    row "peak memory, $n pages" "$(mib "$hm")" "$(mib "$pm")" "$(awk -v a="$pm" -v b="$hm" 'BEGIN {print a / b}')" "$mem_target"
    row "build server's memory (peak, after $((15 + RUNS)) builds), $n pages" "$(mib "$hm")" "$(mib "$sm")" \
      "$(awk -v a="$sm" -v b="$hm" 'BEGIN {print a / b}')" 0
  done
done

# The dev server's save-to-served latency against `hugo server`, measured from outside the same
# way (write the file, poll the page), comes from bench/serve-outside.sh, which prints its own rows.
# (SERVE_RUNS edits per server, 30 unless given: more than RUNS, since the JIT of a dev server warms up as it is used)
if [ "${SERVE:-0}" = 1 ]; then
  echo
  RUNS=${SERVE_RUNS:-30} bench/serve-outside.sh 4000
fi
