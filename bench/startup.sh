#!/bin/sh
# Start-up of bin/patella: `--version`, a build of the shipped site and a build of N generated
# pages, with each java and archive setting, runs alternating, medians of wall and CPU seconds.
#
#   bench/startup.sh [RUNS] [PAGES]        (defaults: 5 and 1000)
#
# JAVA17 and JAVA25 name the two javas (defaults: Debian's OpenJDK 17 and Temurin 25 under
# /usr/lib/jvm; a missing one is left out). BASELINE=DIR adds the rows of another checkout's
# packaged jar (such as one before a change), run by this checkout's bin/patella.
set -eu
# builds by themselves, as measured: none leaves a build server behind (see bin/patella)
export PATELLA_SERVER=off
cd "$(dirname "$0")/.."
runs=${1:-5}
pages=${2:-1000}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -f target/patella.jar ] || mvn -q -B -DskipTests package
command -v /usr/bin/time > /dev/null || { echo "GNU time is needed: apt-get install time" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# Each checkout under test gets its own folder (bin/patella, its jar, its archives).
setup() { # NAME JAR
  mkdir -p "$work/$1/bin" "$work/$1/target"
  cp -p bin/patella "$work/$1/bin/"
  cp -p "$2" "$work/$1/target/patella.jar"
  cp -R content templates "$work/$1/"
}
setup now target/patella.jar
[ -n "${BASELINE:-}" ] && setup baseline "$BASELINE/target/patella.jar"
mkdir -p "$work/shipped"
cp -R content templates "$work/shipped/"
java bench/Generate.java "$pages" "$work/generated" > /dev/null

# One line per variant: name|checkout|java|PATELLA_STARTUP|PATELLA_JAVA_OPTS
variants=""
add() { variants="$variants$1
"; }
for j in 17 25; do
  eval "jv=\$java$j"
  [ -x "$jv" ] || continue
  kind=cds; [ "$j" = 25 ] && kind=aot
  add "JDK $j, $kind archive|now|$jv||"
  add "JDK $j, no archive|now|$jv|off|"
  [ "$j" = 25 ] && add "JDK 25, aot archive, default JIT and G1|now|$jv||-XX:-UseSerialGC -XX:+UseG1GC -XX:TieredStopAtLevel=4"
  [ -n "${BASELINE:-}" ] && add "JDK $j, $kind archive, baseline jar|baseline|$jv||"
done
# Archives are made (and checked) before timing; one build warms each project's .patella/.
echo "$variants" | while IFS='|' read -r name dir jv mode jopts; do
  [ -n "$name" ] || continue
  [ -z "$mode" ] && JAVA=$jv PATELLA_STARTUP=prepare "$work/$dir/bin/patella"
done
JAVA=$java17 "$work/now/bin/patella" build --project "$work/shipped" > /dev/null 2>&1 || true
JAVA=$java17 "$work/now/bin/patella" build --project "$work/generated/patella" > /dev/null 2>&1 || true

: > "$work/times"
for workload in version shipped generated; do
  case $workload in
    version) args="--version"; project= ;;
    shipped) project=$work/shipped ;;
    generated) project=$work/generated/patella ;;
  esac
  [ -n "$project" ] && args="build --project $project"
  i=0
  while [ "$i" -lt "$runs" ]; do
    echo "$variants" | while IFS='|' read -r name dir jv mode jopts; do
      [ -n "$name" ] || continue
      # a full build each time (the references stay formatted in .patella/, as after any build)
      [ -n "$project" ] && rm -rf "$project/site" "$project/.site.back"
      # shellcheck disable=SC2086
      JAVA=$jv PATELLA_STARTUP=$mode PATELLA_JAVA_OPTS=$jopts /usr/bin/time -f "%e %U %S" -o "$work/t" \
        "$work/$dir/bin/patella" $args > /dev/null 2>&1 || true
      echo "$workload|$name|$(cat "$work/t")" >> "$work/times"
    done
    i=$((i + 1))
  done
done

echo "| workload | java and archive | wall s (median) | CPU s (median) |"
echo "|---|---|---|---|"
awk -F'|' '{ split($3, t, " "); key = $1 "|" $2; n[key]++; wall[key, n[key]] = t[1]; cpu[key, n[key]] = t[2] + t[3];
             if (!(key in seen)) { seen[key] = 1; order[++k] = key } }
  function median(a, key, m,   i, j, v, x) { for (i = 1; i <= m; i++) v[i] = a[key, i];
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
    return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
  END { for (i = 1; i <= k; i++) { key = order[i]; split(key, p, "|");
    label = p[1] == "version" ? "`--version`" : p[1] == "shipped" ? "build, shipped site" : "build, '"$pages"' pages";
    printf "| %s | %s | %.2f | %.2f |\n", label, p[2], median(wall, key, n[key]), median(cpu, key, n[key]) } }' "$work/times"
