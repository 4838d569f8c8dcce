#!/usr/bin/env bash
# Lighthouse scores of the shipped site's home, condition, exercise and program pages.
# Builds the site, serves it on 127.0.0.1 and runs the lighthouse npm package against
# Debian's chromium. Needs node/npm and chromium (apt-get install -y chromium nodejs npm).
# Lighthouse is installed into bench/.tools/ (git-ignored) on first use.
#
#   bench/lighthouse.sh            build, then measure
#   bench/lighthouse.sh --no-build measure the site/ folder as it is
set -euo pipefail
cd "$(dirname "$0")/.."

# a free port, so the pages measured are ours and not another server's
PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
TOOLS=bench/.tools
OUT=target/lighthouse
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
PAGES=("" "conditions/chondromalacia-patella/" "exercises/clamshell/" "conditions/chondromalacia-patella/program/")

if [ "${1:-}" != "--no-build" ]; then
  mvn -q -B -DskipTests package
  java -jar target/patella.jar build
fi
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" lighthouse@12
fi
mkdir -p "$OUT"

python3 -m http.server --bind 127.0.0.1 --directory site "$PORT" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  sleep 0.1
done
if ! kill -0 "$server" 2>/dev/null; then
  echo "the web server could not start on port $PORT" >&2
  exit 1
fi

printf '%-45s %5s %5s %5s %5s\n' page perf a11y bp seo
for page in "${PAGES[@]}"; do
  name="${page//\//_}"; name="${name:-home}"
  "$TOOLS/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/$page" \
    --quiet --output=json --output-path="$OUT/$name.json" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
  node -e '
    const r = require(process.argv[1]);
    const s = k => Math.round(r.categories[k].score * 100);
    console.log(process.argv[2].padEnd(45), ...["performance", "accessibility", "best-practices", "seo"].map(k => String(s(k)).padStart(5)));
  ' "$PWD/$OUT/$name.json" "/$page"
done
