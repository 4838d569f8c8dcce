#!/usr/bin/env bash
# Save-to-served latency of `patella serve` and `hugo server` on the same generated pages,
# measured from outside, side by side in one run: write one page's Markdown file with a new
# word in it, then ask for the page over HTTP until it shows the word (bench/ServeOutside.java).
#
#   bench/serve-outside.sh [SIZES...]     default size: 4000 generated pages
#   RUNS=30 bench/serve-outside.sh 4000   edits per server (median reported), servers alternating
#
# Both servers run as users start them: `bin/patella serve` and `hugo server`, each with its
# defaults. The edited page is a generated guide page, plain Markdown in both.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(4000)
command -v hugo >/dev/null 2>&1 || { echo "installing hugo"; apt-get update -qq && apt-get install -y -qq hugo >/dev/null; }
[ -f target/patella.jar ] || mvn -q -B -DskipTests package

work=target/bench
mkdir -p "$work"
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop EXIT

# free_port: a port nothing listens on now
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# ready URL: waits until URL answers 200
ready() {
  for _ in $(seq 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
    sleep 0.1
  done
  echo "$1 never answered" >&2; exit 1
}

echo "machine: $(nproc) cores, $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); hugo: $(hugo version | cut -d' ' -f2)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); edits per server: $RUNS (after 5 to warm up), servers alternating"
for n in "${SIZES[@]}"; do
  dir="$work/serve-$n"
  java bench/Generate.java "$n" "$dir" >/dev/null
  page=$((n / 2))
  pp=$(free_port); hp=$(free_port)
  bin/patella serve --project "$dir/patella" --port "$pp" >"$work/serve-patella.log" 2>&1 &
  pids+=($!)
  hugo server -s "$dir/hugo" --bind 127.0.0.1 --port "$hp" >"$work/serve-hugo.log" 2>&1 &
  pids+=($!)
  ready "http://127.0.0.1:$pp/guide-$page/"
  ready "http://127.0.0.1:$hp/guide-$page/"
  echo
  echo "$n generated pages: save one page, poll it until it shows the edit"
  java bench/ServeOutside.java "$RUNS" \
    "patella-serve" "http://127.0.0.1:$pp/guide-$page/" "$dir/patella/content/pages/guide-$page.md" \
    "hugo-server  " "http://127.0.0.1:$hp/guide-$page/" "$dir/hugo/content/guide-$page.md"
  stop
done
